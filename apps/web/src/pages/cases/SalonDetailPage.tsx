import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, Popconfirm, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { useI18n } from "../../i18n/I18nProvider";
import { rowTestId } from "../../utils/testid";
import { CaseCreateModal } from "./CaseCreateModal";
import { SalonFormModal } from "./SalonsPage";
import { CaseStatusTag, displayTrackingNumber, useCategories } from "./shared";
import type { CaseSummary, Salon } from "./types";

/** One salon: who hosted and attended, and the problems collected there with their status. */
export function SalonDetailPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useAuth();
  const salon = useApi<Salon>(`/api/v1/salons/${id}`);
  const [version, setVersion] = useState(0);
  const cases = useApi<Page<CaseSummary>>("/api/v1/cases", { salonId: id, pageSize: 200 }, version);
  const categories = useCategories();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const coordinator = user?.role === "admin" || user?.role === "regulator";
  const s = salon.data;

  const onDelete = async () => {
    try {
      await api(`/api/v1/salons/${id}`, { method: "DELETE" });
      navigate("/console/salons");
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  return (
    <PageContainer
      title={s ? `${s.heldOn} · ${s.place}` : t("cases.salon.title")}
      extra={
        coordinator && s ? (
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="salon-add-problem"
            >
              {t("cases.salon.addProblem")}
            </Button>
            <Button onClick={() => setEditing(true)}>{t("common.edit")}</Button>
            <Popconfirm title={t("cases.salon.deleteConfirm")} onConfirm={onDelete}>
              <Button danger disabled={s.caseCount > 0} data-testid="salon-delete">
                {t("common.delete")}
              </Button>
            </Popconfirm>
          </>
        ) : null
      }
    >
      <ErrorAlert error={salon.error} onRetry={salon.reload} />
      {s ? (
        <Card loading={salon.loading}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t("cases.salon.topic")}>{s.topic}</Descriptions.Item>
            <Descriptions.Item label={t("cases.salon.hosts")}>{s.hosts}</Descriptions.Item>
            <Descriptions.Item label={t("cases.salon.attendeeCount")}>{s.attendeeCount}</Descriptions.Item>
            <Descriptions.Item label={t("cases.salon.closedCount")}>
              {s.closedCount} / {s.caseCount}
            </Descriptions.Item>
          </Descriptions>
          {s.attendees ? (
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} type="secondary">
              {s.attendees}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ) : null}
      <Card title={t("cases.salon.problems")} style={{ marginTop: 16 }}>
        <ErrorAlert error={cases.error} onRetry={cases.reload} />
        <Table<CaseSummary>
          rowKey="id"
          loading={cases.loading}
          dataSource={cases.data?.items ?? []}
          pagination={false}
          onRow={rowTestId("salon-case-row")}
          locale={{ emptyText: t("cases.list.empty") }}
          columns={[
            {
              title: t("cases.field.trackingNumber"),
              dataIndex: "trackingNumber",
              render: (n: string, c) => <Link to={`/console/cases/${c.id}`}>{displayTrackingNumber(n)}</Link>,
            },
            { title: t("cases.field.title"), dataIndex: "title" },
            {
              title: t("cases.field.category"),
              dataIndex: "category",
              render: (c: string) => categories.nameOf(c),
            },
            { title: t("cases.field.department"), dataIndex: "departmentName" },
            {
              title: t("cases.field.status"),
              dataIndex: "status",
              render: (st: CaseSummary["status"]) => <CaseStatusTag status={st} />,
            },
          ]}
        />
      </Card>
      {s ? (
        <SalonFormModal
          salon={s}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            salon.setData(next);
          }}
        />
      ) : null}
      <CaseCreateModal
        open={adding}
        staff
        salonId={id}
        onClose={() => setAdding(false)}
        onCreated={() => {
          setAdding(false);
          setVersion((v) => v + 1);
          salon.reload();
        }}
      />
    </PageContainer>
  );
}
