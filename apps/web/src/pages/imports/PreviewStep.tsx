import { Alert, Button, Card, Col, Flex, Popconfirm, Row, Statistic, Tabs, Tooltip } from "antd";
import { useEffect, useState } from "react";
import type { ImportJob, ImportRowStatus, ImportSummary } from "../../api/types";
import { statusLabelKey } from "../../components/StatusTag";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";
import { ImportRowsTable } from "./ImportRowsTable";

export const ROW_STATUSES: ImportRowStatus[] = ["error", "potential_match", "match", "new", "unchanged"];

const STAT_COLORS: Partial<Record<keyof ImportSummary, string>> = {
  error: "#cf1322",
  potential_match: "#d46b08",
  new: "#389e0d",
  match: "#1f5fa8",
};

/** Counts of an import by row status (also used on the result page). */
export function SummaryStats({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  const stats: { key: keyof ImportSummary; label: MessageKey }[] = [
    { key: "total", label: "imports.summary.total" },
    ...ROW_STATUSES.map((s) => ({ key: s, label: statusLabelKey(`row.${s}`) })),
  ];
  return (
    <Row gutter={[16, 16]} data-testid="import-summary">
      {stats.map(({ key, label }) => (
        <Col xs={12} sm={8} lg={4} key={key}>
          <Statistic
            title={t(label)}
            value={summary[key]}
            styles={{ content: { color: summary[key] ? STAT_COLORS[key] : undefined } }}
            data-testid={`import-summary-${key}`}
          />
        </Col>
      ))}
    </Row>
  );
}

interface PreviewStepProps {
  job: ImportJob;
  /** potential matches still undecided (null while counting) */
  undecided: number | null;
  refreshKey: number;
  onRowChanged: () => void;
  committing: boolean;
  onCommit: () => void;
  onCancel: () => void;
  /** confirming every undecided potential match to its best candidate (全部采纳建议) is under way */
  accepting: boolean;
  onAcceptSuggestions: () => void;
}

/** 预览: summary, rows by status (fix errors, decide potential matches), then 提交导入. */
export function PreviewStep({
  job,
  undecided,
  refreshKey,
  onRowChanged,
  committing,
  onCommit,
  onCancel,
  accepting,
  onAcceptSuggestions,
}: PreviewStepProps) {
  const { t } = useI18n();
  const { summary } = job;
  const [tab, setTab] = useState<ImportRowStatus>(
    () => ROW_STATUSES.find((s) => s !== "unchanged" && summary[s] > 0) ?? "new",
  );
  const ready = summary.error === 0 && undecided === 0;

  // once the last error row is fixed, move on to the next thing to resolve
  useEffect(() => {
    if (tab === "error" && summary.error === 0)
      setTab(summary.potential_match > 0 ? "potential_match" : "new");
  }, [tab, summary.error, summary.potential_match]);
  const blockers = t("imports.commit.blocked", { errors: summary.error, undecided: undecided ?? "…" });

  return (
    <Flex vertical gap={16}>
      <Card>
        <SummaryStats summary={summary} />
      </Card>
      {ready ? (
        <Alert
          type="success"
          showIcon
          title={t("imports.commit.ready", {
            new: summary.new,
            match: summary.match + summary.potential_match,
          })}
          data-testid="import-ready"
        />
      ) : (
        <Alert type="warning" showIcon title={blockers} data-testid="import-blocked" />
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as ImportRowStatus)}
          items={ROW_STATUSES.map((s) => ({
            key: s,
            label: (
              <span
                data-testid={`import-tab-${s}`}
              >{`${t(statusLabelKey(`row.${s}`))} (${summary[s]})`}</span>
            ),
          }))}
        />
        <ImportRowsTable
          key={tab}
          job={job}
          status={tab}
          refreshKey={refreshKey}
          onRowChanged={onRowChanged}
        />
      </Card>
      <Flex justify="flex-end" gap={8}>
        <Popconfirm title={t("imports.cancel.confirm")} onConfirm={onCancel} okButtonProps={{ danger: true }}>
          <Button data-testid="import-cancel-button">{t("imports.cancel")}</Button>
        </Popconfirm>
        {undecided !== null && undecided > 0 && (
          <Popconfirm
            title={t("imports.acceptSuggestions.confirmTitle")}
            description={t("imports.acceptSuggestions.confirm", { count: undecided })}
            onConfirm={onAcceptSuggestions}
            okButtonProps={testId("import-accept-suggestions-confirm")}
          >
            <Button loading={accepting} disabled={committing} data-testid="import-accept-suggestions">
              {t("imports.acceptSuggestions")}
            </Button>
          </Popconfirm>
        )}
        <Popconfirm
          title={t("imports.commit.confirmTitle")}
          description={t("imports.commit.confirm", { total: summary.total })}
          onConfirm={onCommit}
          okButtonProps={testId("import-commit-confirm")}
          disabled={!ready}
        >
          <Tooltip title={ready ? undefined : blockers}>
            <Button type="primary" disabled={!ready} loading={committing} data-testid="import-commit-button">
              {t("imports.commit")}
            </Button>
          </Tooltip>
        </Popconfirm>
      </Flex>
    </Flex>
  );
}
