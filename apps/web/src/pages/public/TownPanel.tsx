import { Card } from "antd";
import { useMemo, useRef } from "react";
import type { PublicCluster } from "../../api/types";
import { type EChartsOption, useECharts } from "../../components/useECharts";
import { useI18n } from "../../i18n/I18nProvider";

/** Horizontal bar chart of the number of enterprises in each town. */
export function TownPanel({ towns }: { towns: PublicCluster["towns"] }) {
  const { t } = useI18n();
  const chartRef = useRef<HTMLDivElement>(null);
  const option = useMemo<EChartsOption>(() => {
    const sorted = [...towns].sort((a, b) => a.enterprises - b.enterprises);
    return {
      color: ["#3b82c4"],
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: sorted.map((town) => town.name) },
      series: [
        {
          type: "bar",
          name: t("portal.towns.enterprises"),
          data: sorted.map((town) => town.enterprises),
          barMaxWidth: 22,
          label: { show: true, position: "right" },
        },
      ],
    };
  }, [towns, t]);
  useECharts(chartRef, option);
  return (
    <Card title={t("portal.towns.title")}>
      <div
        ref={chartRef}
        className="chart"
        style={{ height: Math.max(240, towns.length * 34) }}
        data-testid="town-chart"
      />
    </Card>
  );
}
