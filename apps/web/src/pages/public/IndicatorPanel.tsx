import { Card, Flex, Select, Table, Typography } from "antd";
import { useMemo, useRef, useState } from "react";
import type { ClusterIndicator } from "../../api/types";
import { type EChartsOption, useECharts } from "../../components/useECharts";
import { useI18n } from "../../i18n/I18nProvider";
import { formatNumber } from "../../utils/format";

interface IndicatorRow {
  key: string;
  name: string;
  unit: string;
  values: Map<number, number>;
}

function pivot(indicators: ClusterIndicator[]): { rows: IndicatorRow[]; years: number[] } {
  const rows = new Map<string, IndicatorRow>();
  for (const i of indicators) {
    let row = rows.get(i.indicatorKey);
    if (!row) {
      row = { key: i.indicatorKey, name: i.indicator, unit: i.unit, values: new Map() };
      rows.set(i.indicatorKey, row);
    }
    row.values.set(i.year, i.value);
  }
  const years = [...new Set(indicators.map((i) => i.year))].sort((a, b) => a - b);
  return { rows: [...rows.values()], years };
}

/** Cluster indicators by year: a bar chart of one indicator (select) and the full table. */
export function IndicatorPanel({ indicators }: { indicators: ClusterIndicator[] }) {
  const { t, locale } = useI18n();
  const { rows, years } = useMemo(() => pivot(indicators), [indicators]);
  const [selected, setSelected] = useState<string | undefined>();
  const current = rows.find((r) => r.key === selected) ?? rows[0];
  const chartRef = useRef<HTMLDivElement>(null);

  const option = useMemo<EChartsOption | null>(
    () =>
      current
        ? {
            color: ["#1f5fa8"],
            tooltip: { trigger: "axis" },
            grid: { left: 64, right: 24, top: 40, bottom: 32 },
            xAxis: { type: "category", data: years.map(String) },
            yAxis: { type: "value", name: current.unit },
            series: [
              {
                type: "bar",
                name: current.name,
                barMaxWidth: 48,
                data: years.map((y) => current.values.get(y) ?? null),
                label: { show: true, position: "top" },
              },
            ],
          }
        : null,
    [current, years],
  );
  useECharts(chartRef, option);

  return (
    <Card
      title={t("portal.indicators.title", { from: years[0] ?? "", to: years.at(-1) ?? "" })}
      extra={
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">{t("portal.indicators.select")}</Typography.Text>
          <Select
            style={{ width: 240 }}
            value={current?.key}
            onChange={setSelected}
            options={rows.map((r) => ({ value: r.key, label: r.name }))}
            data-testid="indicator-select"
          />
        </Flex>
      }
    >
      <div ref={chartRef} className="chart" data-testid="indicator-chart" />
      <Table<IndicatorRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        data-testid="indicator-table"
        columns={[
          { title: t("portal.indicators.indicator"), dataIndex: "name" },
          { title: t("portal.indicators.unit"), dataIndex: "unit", width: 120 },
          ...years.map((year) => ({
            title: String(year),
            key: String(year),
            align: "right" as const,
            render: (_: unknown, row: IndicatorRow) => formatNumber(row.values.get(year), locale),
          })),
        ]}
      />
    </Card>
  );
}
