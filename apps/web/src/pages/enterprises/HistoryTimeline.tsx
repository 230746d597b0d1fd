import { Empty, Flex, Skeleton, Timeline, Typography } from "antd";
import type { AuditEntry, ItemList } from "../../api/types";
import { useApi } from "../../api/useApi";
import { AuditAction } from "../../components/AuditAction";
import { ErrorAlert } from "../../components/ErrorAlert";
import { JsonDiff } from "../../components/JsonDiff";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../utils/format";

/** 变更历史 tab: audit entries of one enterprise, newest first, each with its before → after diff. */
export function HistoryTimeline({ enterpriseId, refreshKey }: { enterpriseId: string; refreshKey: number }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<ItemList<AuditEntry>>(
    `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/history`,
    undefined,
    refreshKey,
  );
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Skeleton active loading={loading} />;
  if (data.items.length === 0) return <Empty description={t("history.empty")} />;
  const entries = [...data.items].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      data-testid="history-timeline"
      items={entries.map((entry) => ({
        key: entry.id,
        color: entry.action.endsWith("create") ? "green" : "blue",
        title: formatDateTime(entry.at),
        content: (
          <div data-testid="history-entry">
            <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
              <Typography.Text strong>
                {entry.actorName ?? entry.actorId ?? t("audit.systemActor")}
              </Typography.Text>
              <AuditAction action={entry.action} />
            </Flex>
            <JsonDiff before={entry.before} after={entry.after} />
          </div>
        ),
      }))}
    />
  );
}
