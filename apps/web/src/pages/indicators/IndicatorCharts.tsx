import { Card, Col, Row } from "antd";
import { MarkLineComponent } from "echarts/components";
import { use } from "echarts/core";
import { useMemo, useRef } from "react";
import { type EChartsOption, useECharts } from "../../components/useECharts";
import { useI18n } from "../../i18n/I18nProvider";
import { round2 } from "./format";
import { type IndicatorPoint, MODES, type Targets } from "./types";

// Reference lines (the pass-rate targets) need echarts' markLine, which the shared hook does not register.
use([MarkLineComponent]);

function Chart({ option, testId }: { option: EChartsOption; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useECharts(ref, option);
  return <div ref={ref} style={{ height: 300 }} data-testid={testId} />;
}

const MODE_COLOURS = {
  verification: "#52c41a",
  general: "#1677ff",
  stringent: "#fa8c16",
  special: "#f5222d",
};

interface IndicatorChartsProps {
  monthly: IndicatorPoint[];
  targets: Targets;
}

/** Monthly lots and value, pass rates against their targets, and lots by supervision mode. */
export function IndicatorCharts({ monthly, targets }: IndicatorChartsProps) {
  const { t } = useI18n();
  const months = useMemo(() => monthly.map((p) => p.period), [monthly]);

  const volume = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 56, right: 72, top: 36, bottom: 28 },
      xAxis: { type: "category", data: months },
      yAxis: [
        { type: "value", name: t("indicators.unit.lots"), minInterval: 1 },
        { type: "value", name: t("indicators.unit.usd"), splitLine: { show: false } },
      ],
      series: [
        { type: "bar", name: t("indicators.kpi.lots"), data: monthly.map((p) => p.lots) },
        {
          type: "line",
          name: t("indicators.kpi.value"),
          yAxisIndex: 1,
          smooth: true,
          data: monthly.map((p) => p.valueUsd),
        },
      ],
    }),
    [monthly, months, t],
  );

  const passRates = useMemo<EChartsOption>(() => {
    const reference = (value: number, label: string, colour: string) => ({
      symbol: "none",
      silent: true,
      lineStyle: { type: "dashed" as const, color: colour },
      label: { formatter: `${label} ${value} %`, position: "insideEndTop" as const },
      data: [{ yAxis: value }],
    });
    const values = monthly.flatMap((p) => [p.selfInspectionPassRate, p.officialPassRate]);
    const lowest = Math.min(targets.selfInspectionPassRate, ...values.filter((v): v is number => v !== null));
    return {
      tooltip: { trigger: "axis", valueFormatter: (v) => (v === null || v === undefined ? "—" : `${v} %`) },
      legend: { top: 0 },
      grid: { left: 56, right: 24, top: 36, bottom: 28 },
      xAxis: { type: "category", data: months },
      // Rates live near 100 %: start the axis a little under the lowest value or target, so gaps are visible.
      yAxis: {
        type: "value",
        max: 100,
        min: Math.max(0, Math.floor((lowest - 1) / 2) * 2),
        axisLabel: { formatter: "{value} %" },
      },
      series: [
        {
          type: "line",
          name: t("indicators.kpi.selfRate"),
          data: monthly.map((p) => round2(p.selfInspectionPassRate)),
          connectNulls: false,
          markLine: reference(targets.selfInspectionPassRate, t("indicators.target.self"), "#13c2c2"),
        },
        {
          type: "line",
          name: t("indicators.kpi.officialRate"),
          data: monthly.map((p) => round2(p.officialPassRate)),
          connectNulls: false,
          markLine: reference(targets.officialPassRate, t("indicators.target.official"), "#722ed1"),
        },
      ],
    };
  }, [monthly, months, targets, t]);

  const byMode = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      xAxis: { type: "category", data: months },
      yAxis: { type: "value", minInterval: 1 },
      series: MODES.map((mode) => ({
        type: "bar",
        stack: "mode",
        name: t(`mode.${mode}`),
        itemStyle: { color: MODE_COLOURS[mode] },
        data: monthly.map((p) => p.lotsByMode[mode]),
      })),
    }),
    [monthly, months, t],
  );

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={12}>
        <Card title={t("indicators.chart.volume")}>
          <Chart option={volume} testId="indicator-chart-volume" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t("indicators.chart.passRate")}>
          <Chart option={passRates} testId="indicator-chart-passrate" />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t("indicators.chart.byMode")}>
          <Chart option={byMode} testId="indicator-chart-modes" />
        </Card>
      </Col>
    </Row>
  );
}
