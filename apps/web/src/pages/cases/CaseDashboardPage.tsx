import { Card, Col, Empty, Row, Statistic, Table } from "antd";
import { useMemo, useRef } from "react";
import { useApi } from "../../api/useApi";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { type EChartsOption, useECharts } from "../../components/useECharts";
import { useI18n } from "../../i18n/I18nProvider";
import { useCategories } from "./shared";
import type { CaseStats } from "./types";

function Chart({ option, testId }: { option: EChartsOption | null; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useECharts(ref, option);
  return <div ref={ref} style={{ height: 280 }} data-testid={testId} />;
}

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const days = (hours: number | null) => (hours === null ? null : Math.round((hours / 24) * 10) / 10);

/** 诉求办理看板: collected vs closed, overdue by department, medians, satisfaction, categories, months. */
export function CaseDashboardPage() {
  const { t } = useI18n();
  const state = useApi<CaseStats>("/api/v1/cases/stats");
  const categories = useCategories();
  const s = state.data;

  const monthly = useMemo<EChartsOption | null>(
    () =>
      s
        ? {
            tooltip: { trigger: "axis" },
            legend: { data: [t("cases.dash.collected"), t("cases.dash.closed")] },
            xAxis: { type: "category", data: s.monthly.map((m) => m.month) },
            yAxis: { type: "value", minInterval: 1 },
            series: [
              { name: t("cases.dash.collected"), type: "bar", data: s.monthly.map((m) => m.collected) },
              { name: t("cases.dash.closed"), type: "line", data: s.monthly.map((m) => m.closed) },
            ],
          }
        : null,
    [s, t],
  );
  const cats = useMemo<EChartsOption | null>(
    () =>
      s
        ? {
            tooltip: {},
            grid: { left: 120 },
            xAxis: { type: "value", minInterval: 1 },
            yAxis: {
              type: "category",
              // Up to ten categories: name each one (echarts otherwise skips every other label).
              axisLabel: { interval: 0 },
              data: s.topCategories.map((c) => categories.nameOf(c.category)).reverse(),
            },
            series: [{ type: "bar", data: s.topCategories.map((c) => c.count).reverse() }],
          }
        : null,
    [s, categories.nameOf],
  );
  const satisfaction = useMemo<EChartsOption | null>(
    () =>
      s
        ? {
            tooltip: {},
            xAxis: {
              type: "category",
              data: [
                t("cases.rating.satisfied"),
                t("cases.rating.basically"),
                t("cases.rating.notSatisfied"),
              ],
            },
            yAxis: { type: "value", minInterval: 1 },
            series: [
              {
                type: "bar",
                data: [s.satisfaction.satisfied, s.satisfaction.basically, s.satisfaction.notSatisfied],
              },
            ],
          }
        : null,
    [s, t],
  );

  return (
    <PageContainer title={t("cases.dash.title")}>
      <ErrorAlert error={state.error} onRetry={state.reload} />
      {s ? (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t("cases.dash.collected")}
                  value={s.collected}
                  data-testid="dash-collected"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t("cases.dash.closed")}
                  value={s.closed}
                  data-testid="dash-closed"
                  suffix={`/ ${pct(s.closureRate)}`}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t("cases.dash.open")}
                  value={s.open}
                  suffix={`· ${t("cases.dash.overdue")} ${s.overdue}`}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t("cases.dash.satisfactionRate")}
                  value={pct(s.satisfaction.satisfactionRate)}
                  data-testid="dash-satisfaction-rate"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t("cases.dash.medianAnswer")}
                  value={days(s.medianHoursToAnswer) ?? "—"}
                  suffix={t("cases.dash.days")}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t("cases.dash.medianClose")}
                  value={days(s.medianHoursToClose) ?? "—"}
                  suffix={t("cases.dash.days")}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t("cases.dash.satisfiedCount")}
                  value={s.satisfaction.satisfied}
                  suffix={`/ ${s.satisfaction.rated}`}
                  data-testid="dash-satisfied"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t("cases.dash.held")} value={s.heldForReview} data-testid="dash-held" />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={14}>
              <Card title={t("cases.dash.monthly")}>
                {s.monthly.length ? <Chart option={monthly} testId="chart-monthly" /> : <Empty />}
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t("cases.dash.topCategories")}>
                {s.topCategories.length ? <Chart option={cats} testId="chart-categories" /> : <Empty />}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t("cases.dash.byDepartment")}>
                <Table
                  rowKey={(r) => r.departmentId ?? "none"}
                  size="small"
                  pagination={false}
                  dataSource={s.byDepartment}
                  data-testid="dash-departments"
                  columns={[
                    {
                      title: t("cases.field.department"),
                      dataIndex: "departmentName",
                      render: (d: string | null) => d ?? t("cases.dash.unrouted"),
                    },
                    { title: t("cases.dash.open"), dataIndex: "open", width: 100 },
                    { title: t("cases.dash.overdue"), dataIndex: "overdue", width: 100 },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t("cases.dash.satisfaction")}>
                {s.satisfaction.rated ? (
                  <Chart option={satisfaction} testId="chart-satisfaction" />
                ) : (
                  <Empty />
                )}
              </Card>
            </Col>
          </Row>
        </>
      ) : (
        <Card loading />
      )}
    </PageContainer>
  );
}
