import { Alert, Card, Col, Empty, Flex, Row, Select, Typography } from "antd";
import { useMemo, useRef, useState } from "react";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type EChartsOption, useECharts } from "../../components/useECharts";
import { useI18n } from "../../i18n/I18nProvider";
import type { LabourCompliance } from "./types";

// The programme's hours and wage compliance by month (GET /api/v1/labour/trends): the cluster's curve, one
// enterprise's beside it, and the statutory lines of REFERENCE.md §6 (174 h standard, + 36 h overtime).

interface TrendMonth {
  month: string;
  enterprises: number;
  workers: number;
  averageHours: number;
  compliance: LabourCompliance;
}

interface LabourTrends {
  reference: { standardMonthlyHours: number; maxMonthlyOvertimeHours: number };
  cluster: TrendMonth[];
  clusterMinimumEnterprises: number;
  enterprise: { id: string; name: string; months: TrendMonth[] } | null;
  enterprises: { id: string; name: string; months: number }[];
  enterprisesMore: boolean;
}

/** Who sees the trends: the authority, the association, and an enterprise (its own beside the cluster). */
export const TREND_READERS = ["admin", "regulator", "association", "enterprise"];

const COMPLIANCE_KEYS: (keyof LabourCompliance)[] = [
  "overtime",
  "restDay",
  "minimumWage",
  "overtimePay",
  "paidInFull",
  "socialInsurance",
];

const sortedMonths = (...lists: { month: string }[][]) =>
  [...new Set(lists.flatMap((l) => l.map((m) => m.month)))].sort();

/** Average monthly hours: the cluster's line, an enterprise's, and the reference lines when given. */
export function HoursChart({
  series,
  reference,
  testId,
}: {
  series: { name: string; months: { month: string; averageHours: number }[] }[];
  reference?: LabourTrends["reference"];
  testId: string;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<EChartsOption>(() => {
    const months = sortedMonths(...series.map((s) => s.months));
    const at = (ms: { month: string; averageHours: number }[]) => {
      const by = new Map(ms.map((m) => [m.month, m.averageHours]));
      return months.map((m) => by.get(m) ?? null);
    };
    const lines = reference
      ? [
          {
            name: t("labourTrends.series.standard", { hours: reference.standardMonthlyHours }),
            value: reference.standardMonthlyHours,
          },
          {
            name: t("labourTrends.series.ceiling", {
              overtime: reference.maxMonthlyOvertimeHours,
              hours: reference.standardMonthlyHours + reference.maxMonthlyOvertimeHours,
            }),
            value: reference.standardMonthlyHours + reference.maxMonthlyOvertimeHours,
          },
        ]
      : [];
    return {
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      grid: { left: 48, right: 16, top: 48, bottom: 32 },
      xAxis: { type: "category", data: months },
      yAxis: {
        type: "value",
        name: "h",
        min: (v: { min: number }) => Math.floor(Math.min(v.min, 150) / 10) * 10,
      },
      series: [
        ...series.map((s) => ({
          type: "line" as const,
          name: s.name,
          data: at(s.months),
          connectNulls: true,
        })),
        // Constant series rather than markLine: the chart module registers lines, bars, grid, legend, tooltip only.
        ...lines.map((l) => ({
          type: "line" as const,
          name: l.name,
          data: months.map(() => l.value),
          symbol: "none",
          lineStyle: { type: "dashed" as const, width: 1 },
        })),
      ],
    };
  }, [series, reference, t]);
  useECharts(ref, option);
  return <div ref={ref} style={{ height: 300 }} data-testid={testId} />;
}

/** Shares of workers in compliance by month, one line per rule group (0–100 %). */
export function ComplianceChart({
  months,
  testId,
}: {
  months: { month: string; compliance: LabourCompliance }[];
  testId: string;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: "axis", valueFormatter: (v) => `${v} %` },
      legend: { type: "scroll", top: 0 },
      grid: { left: 48, right: 16, top: 48, bottom: 32 },
      xAxis: { type: "category", data: months.map((m) => m.month) },
      yAxis: { type: "value", name: "%", min: 0, max: 100 },
      series: COMPLIANCE_KEYS.map((k) => ({
        type: "line" as const,
        name: t(`labourTrends.c.${k}`),
        data: months.map((m) => m.compliance[k]),
        symbol: "none",
      })),
    }),
    [months, t],
  );
  useECharts(ref, option);
  return <div ref={ref} style={{ height: 300 }} data-testid={testId} />;
}

/**
 * The card of the programme page: the cluster's monthly hours and compliance, one enterprise overlaid (picked here,
 * or fixed by `enterpriseId`, e.g. on an enterprise's own page).
 */
export function LabourTrendsCard({ enterpriseId: fixed }: { enterpriseId?: string } = {}) {
  const { t } = useI18n();
  const { user } = useAuth();
  const own = user?.role === "enterprise";
  const [picked, setEnterpriseId] = useState<string | null>(null);
  const enterpriseId = fixed ?? picked;
  const trends = useApi<LabourTrends>("/api/v1/labour/trends", enterpriseId ? { enterpriseId } : undefined);
  const data = trends.data;
  const enterprise = data?.enterprise ?? null;
  const series = useMemo(
    () => [
      ...(data?.cluster.length ? [{ name: t("labourTrends.series.cluster"), months: data.cluster }] : []),
      ...(enterprise?.months.length ? [{ name: enterprise.name, months: enterprise.months }] : []),
    ],
    [data, enterprise, t],
  );
  // Compliance: the enterprise's when one is shown, else the cluster's.
  const compliance = enterprise?.months.length ? enterprise.months : (data?.cluster ?? []);
  // Up to 200 enterprises with months are offered directly; beyond, the registry is searched.
  const listed = data && !data.enterprisesMore;
  return (
    <Card
      title={t("labourTrends.title")}
      style={{ marginBottom: 16 }}
      data-testid="labour-trends"
      extra={
        own || fixed ? null : (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t("labourTrends.enterprise")}</Typography.Text>
            <div style={{ width: 320 }} data-testid="labour-trends-enterprise">
              {listed ? (
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: "label" }}
                  style={{ width: "100%" }}
                  placeholder={t("labourTrends.enterprise.placeholder")}
                  value={enterpriseId ?? undefined}
                  onChange={(v: string | undefined) => setEnterpriseId(v ?? null)}
                  options={data.enterprises.map((e) => ({ value: e.id, label: e.name }))}
                />
              ) : (
                <EnterpriseSelect value={enterpriseId} onChange={setEnterpriseId} />
              )}
            </div>
          </Flex>
        )
      }
    >
      <ErrorAlert error={trends.error} onRetry={trends.reload} />
      {data && series.length === 0 ? (
        <Empty description={t("labourTrends.empty")} />
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Typography.Text strong>{t("labourTrends.hours")}</Typography.Text>
              <HoursChart series={series} reference={data?.reference} testId="labour-trends-hours" />
            </Col>
            <Col xs={24} xl={12}>
              <Typography.Text strong>
                {enterprise?.months.length
                  ? t("labourTrends.complianceOf", { name: enterprise.name })
                  : t("labourTrends.compliance")}
              </Typography.Text>
              <ComplianceChart months={compliance} testId="labour-trends-compliance" />
            </Col>
          </Row>
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            title={
              own
                ? t("labourTrends.note.enterprise", { n: data?.clusterMinimumEnterprises ?? 3 })
                : t("labourTrends.note.staff")
            }
          />
        </>
      )}
    </Card>
  );
}
