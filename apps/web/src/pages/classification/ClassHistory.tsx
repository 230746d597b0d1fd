import { Card, Empty, Table, Typography } from "antd";
import { useMemo, useRef } from "react";
import { useApi } from "../../api/useApi";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type EChartsOption, useECharts } from "../../components/useECharts";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { formatDateTime, text } from "../../utils/format";
import { ClassTag } from "./ClassTag";
import { formatValue, traceText } from "./trace";
import type { Decision } from "./types";

type HistoryItem = Omit<Decision, "signals" | "applied">;

/** Bottom to top, so class I sits at the top of the chart. */
const Y_CLASSES = ["IV", "III", "II", "I"] as const;

function HistoryChart({ items }: { items: HistoryItem[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<EChartsOption>(() => {
    const points = [...items].reverse().map((d) => [d.decidedAt, d.class]);
    const last = points.at(-1);
    // Carry the class in force on to today, so the last step has a length.
    if (last) points.push([new Date().toISOString(), last[1] as string]);
    return {
      grid: { left: 56, right: 24, top: 16, bottom: 32 },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v) => t(`class.${String(v)}` as MessageKey),
      },
      xAxis: { type: "time" },
      yAxis: {
        type: "category",
        data: [...Y_CLASSES],
        axisLabel: { formatter: (c: string) => t(`class.${c}` as MessageKey) },
      },
      series: [{ type: "line", step: "end", data: points, symbolSize: 8, lineStyle: { width: 2 } }],
    };
  }, [items, t]);
  useECharts(ref, option);
  return <div ref={ref} style={{ height: 220 }} data-testid="class-history-chart" />;
}

export function HistoryCard({ items, loading }: { items: HistoryItem[]; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Card title={t("classPage.history")} size="small">
      {items.length > 0 ? <HistoryChart items={items} /> : null}
      <Table<HistoryItem>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t("classPage.noDecision")} /> }}
        onRow={() => ({ "data-testid": "class-history-row" }) as object}
        expandable={{
          expandedRowRender: (d) => (
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {d.trace.map((line) => (
                <li key={line.text}>
                  <Typography.Text title={line.text}>{traceText(line, t)}</Typography.Text>
                </li>
              ))}
            </ol>
          ),
        }}
        columns={[
          {
            title: t("classes.column.decidedAt"),
            dataIndex: "decidedAt",
            width: 170,
            render: formatDateTime,
          },
          {
            title: t("classes.column.class"),
            dataIndex: "class",
            width: 90,
            render: (c: HistoryItem["class"]) => <ClassTag cls={c} />,
          },
          {
            title: t("classes.column.computedClass"),
            dataIndex: "computedClass",
            width: 100,
            render: (c: string) => t(`class.${c}` as MessageKey),
          },
          {
            title: t("classes.column.score"),
            dataIndex: "scoreTotal",
            align: "right",
            width: 90,
            render: (s: number) => formatValue(s),
          },
          {
            title: t("classPage.history.trigger"),
            dataIndex: "trigger",
            width: 130,
            render: (tr: string) => t(`classTrigger.${tr}` as MessageKey),
          },
          { title: t("classes.column.ruleSetVersion"), dataIndex: "ruleSetVersion", width: 140 },
          {
            title: t("classPage.history.decidedBy"),
            dataIndex: "decidedBy",
            width: 110,
            render: (by: string | null) => (by ? text(by) : t("classPage.history.system")),
          },
        ]}
      />
    </Card>
  );
}

/** The enterprise's decisions, newest first; reloads when `refreshKey` changes (after a new decision). */
export function ClassHistory({ enterpriseId, refreshKey }: { enterpriseId: string; refreshKey: unknown }) {
  const history = useApi<{ items: HistoryItem[] }>(
    `/api/v1/classes/${encodeURIComponent(enterpriseId)}/history`,
    undefined,
    refreshKey,
  );
  return (
    <>
      <ErrorAlert error={history.error} onRetry={history.reload} />
      <HistoryCard items={history.data?.items ?? []} loading={history.loading} />
    </>
  );
}
