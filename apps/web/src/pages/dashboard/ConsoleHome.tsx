import { BankOutlined, ExportOutlined, RiseOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Card, Col, Row, Statistic, Table } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "../../api/client";
import { useReference } from "../../api/reference";
import type { DashboardSummary, ExpiringCertification } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { StatusTag } from "../../components/StatusTag";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { daysUntil, formatDate } from "../../utils/format";
import { rowTestId } from "../../utils/testid";
import { certStatus } from "../enterprises/certStatus";
import { type EvaluationDue, EvaluationDueCard } from "./EvaluationDueCard";

/** Who sees the evaluation programme's dates here (an enterprise user: its own CAP items). */
const EVALUATION_ROLES = ["admin", "regulator", "association", "enterprise"];

const CARDS: {
  key: keyof Omit<DashboardSummary, "expiringCertifications">;
  label: MessageKey;
  icon: ReactNode;
}[] = [
  { key: "enterprises", label: "dashboard.enterprises", icon: <BankOutlined /> },
  { key: "aboveScale", label: "dashboard.aboveScale", icon: <RiseOutlined /> },
  { key: "exporters", label: "dashboard.exporters", icon: <ExportOutlined /> },
];

export function ConsoleHome() {
  const { t } = useI18n();
  const { user } = useAuth();
  const certTypes = useReference("certification-types");
  const { data, error, loading, reload } = useApi<DashboardSummary & { evaluations?: EvaluationDue }>(
    "/api/v1/dashboard/summary",
  );
  const forbidden = error instanceof ApiError && error.status === 403;

  return (
    <PageContainer
      title={t("dashboard.welcome", { name: user?.displayName ?? "" })}
      subTitle={t("dashboard.subtitle")}
    >
      {forbidden ? null : <ErrorAlert error={error} onRetry={reload} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {CARDS.map((card) => (
          <Col xs={24} sm={12} xl={6} key={card.key}>
            <Card loading={loading && !data}>
              <Statistic
                title={t(card.label)}
                value={data?.[card.key] ?? 0}
                prefix={card.icon}
                data-testid={`stat-${card.key}`}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} sm={12} xl={6}>
          <Card loading={loading && !data}>
            <Statistic
              title={t("dashboard.expiring")}
              value={data?.expiringCertifications.length ?? 0}
              prefix={<SafetyCertificateOutlined />}
              styles={{ content: { color: data?.expiringCertifications.length ? "#d46b08" : undefined } }}
              data-testid="stat-expiring"
            />
          </Card>
        </Col>
      </Row>
      {user && EVALUATION_ROLES.includes(user.role) ? (
        <EvaluationDueCard
          due={data?.evaluations}
          enterprise={user.role === "enterprise"}
          loading={loading && !data}
        />
      ) : null}
      <Card title={t("dashboard.expiring.title")}>
        <Table<ExpiringCertification>
          size="middle"
          loading={loading}
          rowKey={(r) => `${r.enterpriseId}:${r.type}:${r.validTo}`}
          dataSource={data?.expiringCertifications ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          onRow={rowTestId("expiring-row")}
          locale={{ emptyText: t("dashboard.expiring.empty") }}
          columns={[
            {
              title: t("enterprise.field.name"),
              dataIndex: "enterpriseName",
              render: (name: string, r) => (
                <Link to={`/console/enterprises/${r.enterpriseId}?tab=certifications`}>{name}</Link>
              ),
            },
            { title: t("cert.type"), dataIndex: "type", render: (type: string) => certTypes.labelOf(type) },
            { title: t("cert.validTo"), dataIndex: "validTo", render: formatDate },
            {
              title: t("cert.daysLeft"),
              dataIndex: "validTo",
              key: "days",
              render: (validTo: string) => t("cert.days", { days: daysUntil(validTo) }),
            },
            {
              title: t("cert.status"),
              dataIndex: "validTo",
              key: "status",
              render: (validTo: string) => <StatusTag status={certStatus(validTo)} />,
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
