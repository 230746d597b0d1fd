import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Popconfirm, Space, Table, Tooltip } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import type { ImportJob, ImportJobStatus, ItemList } from "../../api/types";
import { useApi } from "../../api/useApi";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { StatusTag, statusLabelKey } from "../../components/StatusTag";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../utils/format";
import { rowTestId } from "../../utils/testid";
import { ROW_STATUSES } from "./PreviewStep";

const DELETABLE: readonly ImportJobStatus[] = ["preview", "failed"];

/** History of imports with status and counts; unfinished ones resume in the wizard. */
export function ImportListPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApi<ItemList<ImportJob>>("/api/v1/imports");

  const remove = async (job: ImportJob) => {
    try {
      await api<void>(`/api/v1/imports/${encodeURIComponent(job.id)}`, { method: "DELETE" });
      message.success(t("imports.cancelled"));
      reload();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const columns: ColumnsType<ImportJob> = [
    {
      title: t("imports.column.file"),
      dataIndex: "filename",
      render: (filename: string, job) => <Link to={`/console/imports/new?job=${job.id}`}>{filename}</Link>,
    },
    {
      title: t("imports.column.status"),
      dataIndex: "status",
      render: (status: ImportJobStatus) => <StatusTag status={`job.${status}`} />,
    },
    {
      title: t("imports.column.counts"),
      key: "counts",
      render: (_, job) => (
        <Space size={4} wrap>
          {t("imports.summary.total")} {job.summary.total}
          {ROW_STATUSES.filter((s) => job.summary[s] > 0).map((s) => (
            <Tooltip key={s} title={t(statusLabelKey(`row.${s}`))}>
              <StatusTag status={`row.${s}`} suffix={String(job.summary[s])} />
            </Tooltip>
          ))}
        </Space>
      ),
    },
    { title: t("imports.column.createdBy"), dataIndex: "createdBy" },
    {
      title: t("imports.column.createdAt"),
      dataIndex: "createdAt",
      render: formatDateTime,
      defaultSortOrder: "descend",
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_, job) => (
        <Space>
          <Link to={`/console/imports/new?job=${job.id}`}>
            {job.status === "preview" ? t("imports.continue") : t("common.view")}
          </Link>
          {DELETABLE.includes(job.status) ? (
            <Popconfirm title={t("imports.cancel.confirm")} onConfirm={() => remove(job)}>
              <Button type="link" danger size="small" data-testid="import-delete">
                {t("common.delete")}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t("nav.imports")}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate("/console/imports/new")}
          data-testid="import-new-button"
        >
          {t("imports.new")}
        </Button>
      }
    >
      <ErrorAlert error={error} onRetry={reload} />
      <Card>
        <Table<ImportJob>
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          onRow={rowTestId("import-job-row")}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t("imports.empty") }}
        />
      </Card>
    </PageContainer>
  );
}
