import { EditOutlined } from "@ant-design/icons";
import { App, Badge, Button, Card, Skeleton, Space, Tabs, Tag } from "antd";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import type { Enterprise } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { canEditEnterprise } from "../../auth/permissions";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { NotFoundResult } from "../../components/Results";
import { useI18n } from "../../i18n/I18nProvider";
import { EnterpriseRatingsCard } from "../evaluations/EnterpriseRatingsCard";
import { EnterpriseFormDrawer } from "./EnterpriseFormDrawer";
import { EnterpriseInfo } from "./EnterpriseInfo";
import { HistoryTimeline } from "./HistoryTimeline";
import { BrandsTable, CertificationsTable, ContactsTable, HonoursTable } from "./RelatedTables";

const TABS = ["info", "certifications", "honours", "brands", "contacts", "history"] as const;
type TabKey = (typeof TABS)[number];

function isTab(value: string | null): value is TabKey {
  return TABS.includes(value as TabKey);
}

function Counted({ label, count }: { label: string; count: number }) {
  return (
    <Space size={6}>
      {label}
      <Badge count={count} showZero color={count ? "#1f5fa8" : "#bfbfbf"} size="small" />
    </Space>
  );
}

export function EnterpriseDetailPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = isTab(params.get("tab")) ? (params.get("tab") as TabKey) : "info";
  const {
    data: enterprise,
    error,
    loading,
    reload,
    setData,
  } = useApi<Enterprise>(`/api/v1/enterprises/${encodeURIComponent(id)}`);
  const [editing, setEditing] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);

  // 404, 403 and the 400 of a malformed id all mean: nothing to show here
  if (error instanceof ApiError && [400, 403, 404].includes(error.status)) {
    return (
      <NotFoundResult
        subTitle={t("enterprise.notFound")}
        backTo={user?.role === "enterprise" ? "/console" : "/console/enterprises"}
        backLabel={t("enterprise.backToList")}
      />
    );
  }
  if (!enterprise || (loading && enterprise.id !== id)) {
    return error ? <ErrorAlert error={error} onRetry={reload} /> : <Skeleton active loading={loading} />;
  }

  const e = enterprise;
  const editable = canEditEnterprise(user, e.id);
  const tabItems = [
    { key: "info", label: t("enterprise.tab.info"), children: <EnterpriseInfo enterprise={e} /> },
    {
      key: "certifications",
      label: <Counted label={t("enterprise.tab.certifications")} count={e.certifications.length} />,
      children: <CertificationsTable rows={e.certifications} />,
    },
    {
      key: "honours",
      label: <Counted label={t("enterprise.tab.honours")} count={e.honours.length} />,
      children: <HonoursTable rows={e.honours} />,
    },
    {
      key: "brands",
      label: <Counted label={t("enterprise.tab.brands")} count={e.brands.length} />,
      children: <BrandsTable rows={e.brands} />,
    },
    {
      key: "contacts",
      label: <Counted label={t("enterprise.tab.contacts")} count={e.contacts.length} />,
      children: <ContactsTable rows={e.contacts} />,
    },
    {
      key: "history",
      label: t("enterprise.tab.history"),
      children: <HistoryTimeline enterpriseId={e.id} refreshKey={historyVersion} />,
    },
  ].map((item) => ({ ...item, label: <span data-testid={`tab-${item.key}`}>{item.label}</span> }));

  return (
    <PageContainer
      title={e.name}
      subTitle={
        <Space size={4} wrap>
          <span>{e.uscc}</span>
          {e.townName ? <Tag>{e.townName}</Tag> : null}
          {e.aboveScale ? <Tag color="blue">{t("enterprise.aboveScale")}</Tag> : null}
          {e.exportFlag ? <Tag color="green">{t("enterprise.exporter")}</Tag> : null}
          {e.isSynthetic ? <Tag>{t("enterprise.synthetic")}</Tag> : null}
        </Space>
      }
      extra={
        editable ? (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="enterprise-edit-button"
          >
            {t("common.edit")}
          </Button>
        ) : null
      }
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (key === "info") next.delete("tab");
                else next.set("tab", key);
                return next;
              },
              { replace: true },
            )
          }
          items={tabItems}
        />
      </Card>
      <EnterpriseRatingsCard enterpriseId={e.id} />
      {editable ? (
        <EnterpriseFormDrawer
          open={editing}
          enterprise={e}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setData(saved);
            setHistoryVersion((v) => v + 1);
            message.success(t("common.saved"));
          }}
        />
      ) : null}
    </PageContainer>
  );
}
