import { Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { Page } from "../../../api/types";
import { useApi } from "../../../api/useApi";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatDateTime } from "../../../utils/format";
import { MAIL_STATUSES, type MailStatus, type OutboxMail } from "../types";

const STATUS_COLOURS: Record<MailStatus, string> = { pending: "default", sent: "green", failed: "red" };

/** 邮件发件箱: what the loop wrote, and whether the sender delivered it (or why not). */
export function OutboxTab() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<MailStatus | undefined>(undefined);
  const mails = useApi<Page<OutboxMail>>("/api/v1/email-outbox", { page, pageSize: 20, status });
  return (
    <>
      <ErrorAlert error={mails.error} onRetry={mails.reload} />
      <Typography.Paragraph type="secondary">{t("cases.admin.outboxHint")}</Typography.Paragraph>
      <Select<MailStatus>
        allowClear
        placeholder={t("cases.admin.allStatuses")}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={MAIL_STATUSES.map((s) => ({ value: s, label: t(`cases.admin.mail.${s}`) }))}
        style={{ width: 160, marginBottom: 12 }}
        data-testid="outbox-status"
      />
      <Table<OutboxMail>
        rowKey="id"
        size="small"
        loading={mails.loading}
        dataSource={mails.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: mails.data?.total ?? 0, onChange: setPage }}
        expandable={{
          expandedRowRender: (m) => (
            <>
              {m.error ? (
                <Typography.Paragraph type="danger">
                  {t("cases.admin.error")}：{m.error}
                </Typography.Paragraph>
              ) : null}
              <pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>{m.body}</pre>
            </>
          ),
        }}
        columns={[
          { title: t("cases.admin.createdAt"), dataIndex: "createdAt", width: 170, render: formatDateTime },
          { title: t("cases.admin.to"), dataIndex: "toAddress", width: 200 },
          { title: t("cases.admin.subject"), dataIndex: "subject" },
          {
            title: t("cases.admin.status"),
            dataIndex: "status",
            width: 260,
            render: (_, m) => (
              <Space orientation="vertical" size={0} data-testid="outbox-status-cell" data-status={m.status}>
                <span>
                  <Tag color={STATUS_COLOURS[m.status]}>{t(`cases.admin.mail.${m.status}`)}</Tag>
                  {m.status === "sent" ? formatDateTime(m.sentAt) : null}
                  {m.attempts > 0 && m.status !== "sent"
                    ? t("cases.admin.attempts", { n: m.attempts })
                    : null}
                </span>
                {m.status === "pending" && m.nextAttemptAt && m.attempts > 0 ? (
                  <Typography.Text type="secondary">
                    {t("cases.admin.nextAttempt", { at: formatDateTime(m.nextAttemptAt) })}
                  </Typography.Text>
                ) : null}
                {m.error ? (
                  <Typography.Text type="danger" ellipsis={{ tooltip: m.error }} style={{ maxWidth: 240 }}>
                    {m.error}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
