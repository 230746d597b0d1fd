import { Alert, Button, Card, DatePicker, Flex, Segmented, Select, Statistic, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { useReference } from "../../api/reference";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ExportButton } from "../../components/ExportButton";
import { PageContainer } from "../../components/PageContainer";
import { useI18n } from "../../i18n/I18nProvider";
import { rowTestId } from "../../utils/testid";
import { SizedEnterpriseSelect } from "../video/SizedEnterpriseSelect";
import { formatMoney, formatRate } from "./format";
import { IndicatorCharts } from "./IndicatorCharts";
import type {
  Dashboard,
  IndicatorPoint,
  IndicatorSeries,
  IndicatorValues,
  Scope,
  Targets,
  TownIndicators,
} from "./types";

interface View {
  name: string | null;
  totals: IndicatorValues;
  monthly: IndicatorPoint[];
  towns: TownIndicators[] | null;
  targets: Targets;
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/**
 * The indicators of the chosen scope and period. The cluster comes from the dashboard endpoint (totals, towns and
 * months in one request, from the town rollup); a town or an enterprise from the series of its year.
 */
function useIndicatorView(scope: Scope, id: string | null, period: string) {
  const year = period.slice(0, 4);
  const dashboard = useApi<Dashboard>(scope === "cluster" ? "/api/v1/indicators/dashboard" : null, {
    period,
  });
  const series = useApi<IndicatorSeries>(scope !== "cluster" && id ? "/api/v1/indicators" : null, {
    scope,
    id,
    granularity: "month",
    from: `${year}-01`,
    to: `${year}-12`,
  });
  const view = useMemo<View | undefined>(() => {
    if (scope === "cluster") {
      const d = dashboard.data;
      return d && { name: null, totals: d.totals, monthly: d.monthly, towns: d.towns, targets: d.targets };
    }
    const s = series.data;
    if (!s) return undefined;
    const totals = period.length === 4 ? s.total : (s.series.find((p) => p.period === period) ?? s.total);
    return { name: s.name, totals, monthly: s.series, towns: null, targets: s.targets };
  }, [scope, period, dashboard.data, series.data]);
  const state = scope === "cluster" ? dashboard : series;
  return { view, loading: state.loading, error: state.error, reload: state.reload };
}

function Kpis({ view, loading }: { view: View | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const v = view?.totals;
  const below = (rate: number | null | undefined, target: number) =>
    rate !== null && rate !== undefined && rate < target ? { content: { color: "#cf1322" } } : undefined;
  const cards = [
    {
      key: "lots",
      title: t("indicators.kpi.lots"),
      value: v ? new Intl.NumberFormat(locale).format(v.lots) : "",
    },
    {
      key: "value",
      title: t("indicators.kpi.value"),
      value: v ? formatMoney(v.valueUsd, locale, "USD") : "",
    },
    {
      key: "selfRate",
      title: t("indicators.kpi.selfRate"),
      value: formatRate(v?.selfInspectionPassRate),
      styles: below(v?.selfInspectionPassRate, view?.targets.selfInspectionPassRate ?? 0),
      suffix: view ? t("indicators.kpi.target", { target: view.targets.selfInspectionPassRate }) : null,
    },
    {
      key: "officialRate",
      title: t("indicators.kpi.officialRate"),
      value: formatRate(v?.officialPassRate),
      styles: below(v?.officialPassRate, view?.targets.officialPassRate ?? 0),
      suffix: v
        ? t("indicators.kpi.inspected", { inspected: v.inspected, rejected: v.officialRejected })
        : null,
    },
    {
      key: "fees",
      title: t("indicators.kpi.fees"),
      value: v ? formatMoney(v.feesWaived, locale, "CNY") : "",
    },
  ];
  return (
    <Flex wrap gap={16} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Card key={c.key} loading={loading && !view} style={{ flex: "1 1 200px" }}>
          <Statistic
            title={c.title}
            value={c.value}
            styles={c.styles}
            data-testid={`indicator-kpi-${c.key}`}
          />
          {c.suffix ? <Typography.Text type="secondary">{c.suffix}</Typography.Text> : null}
        </Card>
      ))}
    </Flex>
  );
}

function TownTable({ towns, onOpen }: { towns: TownIndicators[]; onOpen: (code: string) => void }) {
  const { t, locale } = useI18n();
  const n = (x: number) => new Intl.NumberFormat(locale).format(x);
  const columns: ColumnsType<TownIndicators> = [
    {
      title: t("indicators.town"),
      dataIndex: "townName",
      render: (name: string | null, r) =>
        name === null ? (
          t("indicators.town.none")
        ) : (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.townCode)}>
            {name}
          </Button>
        ),
    },
    {
      title: t("indicators.kpi.lots"),
      dataIndex: "lots",
      align: "right",
      render: n,
      sorter: (a, b) => a.lots - b.lots,
    },
    {
      title: t("indicators.kpi.value"),
      dataIndex: "valueUsd",
      align: "right",
      render: (v: number) => formatMoney(v, locale, "USD"),
      sorter: (a, b) => a.valueUsd - b.valueUsd,
    },
    {
      title: t("indicators.kpi.selfRate"),
      dataIndex: "selfInspectionPassRate",
      align: "right",
      render: formatRate,
    },
    { title: t("indicators.col.inspected"), dataIndex: "inspected", align: "right", render: n },
    { title: t("indicators.col.rejected"), dataIndex: "officialRejected", align: "right", render: n },
    {
      title: t("indicators.kpi.officialRate"),
      dataIndex: "officialPassRate",
      align: "right",
      render: formatRate,
    },
    {
      title: t("indicators.col.released"),
      dataIndex: "releasedWithoutInspection",
      align: "right",
      render: n,
    },
    {
      title: t("indicators.kpi.fees"),
      dataIndex: "feesWaived",
      align: "right",
      render: (v: number) => formatMoney(v, locale, "CNY"),
    },
  ];
  return (
    <Card title={t("indicators.towns")}>
      <Table<TownIndicators>
        rowKey="townCode"
        size="middle"
        dataSource={towns}
        columns={columns}
        pagination={false}
        onRow={rowTestId("indicator-town-row")}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}

/** 监管指标: KPIs, monthly charts and the towns of the cluster, a town or an enterprise, for a year or a month. */
export function IndicatorsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const towns = useReference("towns");
  const [params, setParams] = useSearchParams();
  const ownEnterprise = user?.role === "enterprise" ? user.enterpriseId : null;

  const periodParam = params.get("period") ?? "";
  const period = PERIOD.test(periodParam) ? periodParam : String(dayjs().year());
  const granularity = period.length === 4 ? "year" : "month";
  const scopeParam = params.get("scope");
  const scope: Scope = ownEnterprise
    ? "enterprise"
    : scopeParam === "town" || scopeParam === "enterprise"
      ? scopeParam
      : "cluster";
  const id = ownEnterprise ?? (scope === "cluster" ? null : params.get("id") || null);
  const { view, loading, error, reload } = useIndicatorView(scope, id, period);

  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  // the export is month by month: the months of the year shown, or the one month
  const year = period.slice(0, 4);
  const exportRange =
    granularity === "year" ? { from: `${year}-01`, to: `${year}-12` } : { from: period, to: period };

  const needsId = scope !== "cluster" && !id;
  const periodValue = dayjs(granularity === "year" ? `${period}-01-01` : `${period}-01`);

  return (
    <PageContainer
      title={t("nav.indicators")}
      subTitle={view?.name ?? (scope === "cluster" ? t("indicators.cluster") : undefined)}
      extra={
        <ExportButton
          url="/api/v1/indicators/export"
          filename="indicators.xlsx"
          query={{ scope, id, granularity: "month", ...exportRange }}
          testId="indicators-export"
          disabled={needsId}
        >
          {t("indicators.export")}
        </ExportButton>
      }
    >
      <Card className="search-card" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Segmented
            value={granularity}
            onChange={(g) =>
              update({
                period: g === "year" ? period.slice(0, 4) : `${period.slice(0, 4)}-${dayjs().format("MM")}`,
              })
            }
            options={[
              { value: "year", label: t("indicators.byYear") },
              { value: "month", label: t("indicators.byMonth") },
            ]}
            data-testid="indicators-granularity"
          />
          <DatePicker
            picker={granularity}
            value={periodValue}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs().endOf("year"))}
            onChange={(d) => d && update({ period: d.format(granularity === "year" ? "YYYY" : "YYYY-MM") })}
            data-testid="indicators-period"
          />
          {ownEnterprise ? null : (
            <>
              <Segmented
                value={scope}
                onChange={(s) => update({ scope: s === "cluster" ? null : s, id: null })}
                options={[
                  { value: "cluster", label: t("indicators.scope.cluster") },
                  { value: "town", label: t("indicators.scope.town") },
                  { value: "enterprise", label: t("indicators.scope.enterprise") },
                ]}
                data-testid="indicators-scope"
              />
              {scope === "town" ? (
                <Select
                  style={{ width: 180 }}
                  value={id ?? undefined}
                  placeholder={t("indicators.chooseTown")}
                  options={towns.options}
                  onChange={(code: string) => update({ id: code })}
                  data-testid="indicators-town"
                />
              ) : null}
              {scope === "enterprise" ? (
                <SizedEnterpriseSelect value={id} onChange={(e) => update({ id: e })} width={360} />
              ) : null}
            </>
          )}
        </Flex>
      </Card>
      <ErrorAlert error={error} onRetry={reload} />
      {needsId ? (
        <Alert
          type="info"
          showIcon
          title={t(scope === "town" ? "indicators.chooseTown" : "indicators.chooseEnterprise")}
        />
      ) : (
        <>
          {view && view.totals.lots === 0 ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t("indicators.empty")}
              data-testid="indicators-empty"
            />
          ) : null}
          <Kpis view={view} loading={loading} />
          {view ? <IndicatorCharts monthly={view.monthly} targets={view.targets} /> : null}
          {view?.towns ? (
            <TownTable towns={view.towns} onOpen={(code) => update({ scope: "town", id: code })} />
          ) : null}
        </>
      )}
    </PageContainer>
  );
}
