import { EditOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import type { ImportDecision, ImportJob, ImportRow, ImportRowStatus, Paged } from "../../api/types";
import { useApi } from "../../api/useApi";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { fieldLabel } from "../../components/fieldLabel";
import { StatusTag } from "../../components/StatusTag";
import { useI18n } from "../../i18n/I18nProvider";
import { EMPTY, text } from "../../utils/format";
import { rowTestId } from "../../utils/testid";
import { CandidateList } from "./CandidateList";
import { rowFieldName, rowName, rowUscc } from "./importFields";
import { RowEditModal } from "./RowEditModal";

interface ImportRowsTableProps {
  job: ImportJob;
  status: ImportRowStatus;
  refreshKey: number;
  /** a row was edited or decided: refresh the job summary and the tables */
  onRowChanged: () => void;
}

function RowErrors({ row }: { row: ImportRow }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={2} data-testid="import-row-errors">
      {row.errors.map((e) => (
        <Typography.Text type="danger" key={`${e.field}:${e.code}`}>
          {fieldLabel(rowFieldName(e.field), t)}：{e.message}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** The rows of one status tab of the import preview, with the actions that resolve them. */
export function ImportRowsTable({ job, status, refreshKey, onRowChanged }: ImportRowsTableProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<ImportRow | null>(null);
  const [busyRow, setBusyRow] = useState<number | null>(null);
  const { data, error, loading, reload } = useApi<Paged<ImportRow>>(
    `/api/v1/imports/${encodeURIComponent(job.id)}/rows`,
    { status, page, pageSize },
    refreshKey,
  );

  const decide = async (row: ImportRow, decision: ImportDecision, enterpriseId?: string) => {
    setBusyRow(row.rowNumber);
    try {
      await api<ImportRow>(`/api/v1/imports/${encodeURIComponent(job.id)}/rows/${row.rowNumber}/decision`, {
        method: "POST",
        body: enterpriseId ? { decision, enterpriseId } : { decision },
      });
      onRowChanged();
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setBusyRow(null);
    }
  };

  const columns: ColumnsType<ImportRow> = [
    { title: t("imports.row.number"), dataIndex: "rowNumber", width: 80 },
    {
      title: t("imports.row.status"),
      dataIndex: "status",
      width: 110,
      render: (s: ImportRowStatus) => <StatusTag status={`row.${s}`} />,
    },
    { title: t("enterprise.field.name"), key: "name", render: (_, row) => text(rowName(row)) },
    { title: t("enterprise.field.uscc"), key: "uscc", render: (_, row) => text(rowUscc(row)) },
    {
      title: t("imports.row.details"),
      key: "details",
      render: (_, row) => {
        if (row.status === "error") return <RowErrors row={row} />;
        if (row.status === "potential_match") {
          return (
            <CandidateList
              row={row}
              busy={busyRow === row.rowNumber}
              onDecide={(d, id) => decide(row, d, id)}
            />
          );
        }
        if (row.status === "match" && row.enterpriseId) {
          const matched = row.candidates.find((c) => c.enterpriseId === row.enterpriseId);
          return (
            <Link to={`/console/enterprises/${row.enterpriseId}`}>
              {matched?.name ?? t("imports.row.matched")}
            </Link>
          );
        }
        return EMPTY;
      },
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 100,
      render: (_, row) =>
        row.status === "error" ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(row)}
            data-testid="import-row-edit"
          >
            {t("common.edit")}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<ImportRow>
        size="middle"
        rowKey="rowNumber"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        onRow={rowTestId("import-row")}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (row) => (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={Object.entries(row.data).map(([key, value]) => ({
                key,
                label: fieldLabel(key, t),
                children: text(value),
              }))}
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          hideOnSinglePage: true,
          showTotal: (n) => t("table.total", { total: n }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      <RowEditModal
        jobId={job.id}
        row={editing}
        onClose={() => setEditing(null)}
        onSaved={(row) => {
          if (row.status !== "error") message.success(t("imports.edit.fixed", { row: row.rowNumber }));
          onRowChanged();
        }}
      />
    </>
  );
}
