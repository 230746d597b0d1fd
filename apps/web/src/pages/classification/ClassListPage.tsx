import { ReloadOutlined, SettingOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import { useReference } from "../../api/reference";
import type { Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { ExportButton } from "../../components/ExportButton";
import { FilterInput } from "../../components/FilterInput";
import { FilterSelect } from "../../components/FilterSelect";
import { PageContainer } from "../../components/PageContainer";
import { PagedTable } from "../../components/PagedTable";
import { SearchForm } from "../../components/SearchForm";
import { type EChartsOption, useECharts } from "../../components/useECharts";
import { type FilterFormValues, useFilterForm } from "../../components/useFilterForm";
import { useTableQuery } from "../../components/useTableQuery";
import { type MessageKey, type Translate, useI18n } from "../../i18n/I18nProvider";
import { formatDateTime, text } from "../../utils/format";
import { testId } from "../../utils/testid";
import { CLASS_COLORS, ClassTag, SourceTag } from "./ClassTag";
import { formatValue } from "./trace";
import {
  CLASSES,
  type ClassListItem,
  type ClassSummary,
  type EnterpriseClass,
  type ReclassifyResult,
  SOURCES,
} from "./types";

const FILTER_KEYS = ["q", "class", "town", "source"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type FilterValues = FilterFormValues<FilterKey>;

const BAR_COLORS: Record<EnterpriseClass, string> = {
  I: "#389e0d",
  II: "#1677ff",
  III: "#fa8c16",
  IV: "#cf1322",
};

export function reclassifyMessage(r: ReclassifyResult, t: Translate): string {
  return t("classes.reclassifyAll.result", {
    enterprises: r.enterprises,
    classified: r.classified,
    changed: r.changed,
    notAssessed: r.notAssessed,
    seconds: formatValue(r.durationMs / 1000),
    version: r.ruleSetVersion,
  });
}

/** Exporters per class in force, the unclassified apart. */
function DistributionChart({ summary }: { summary: ClassSummary }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: "axis" },
      xAxis: {
        type: "category",
        data: [...CLASSES.map((c) => t(`class.${c}` as MessageKey)), t("class.none")],
      },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "bar",
          barMaxWidth: 48,
          label: { show: true, position: "top" },
          data: [
            ...CLASSES.map((c) => ({ value: summary.byClass[c], itemStyle: { color: BAR_COLORS[c] } })),
            { value: summary.unclassified, itemStyle: { color: "#bfbfbf" } },
          ],
        },
      ],
    }),
    [summary, t],
  );
  useECharts(ref, option);
  return <div ref={ref} style={{ height: 240 }} data-testid="class-distribution-chart" />;
}

function ScheduleInfo({ schedule }: { schedule: ClassSummary["schedule"] }) {
  const { t } = useI18n();
  if (!schedule) return null;
  const last = schedule.lastResult;
  return (
    <Space orientation="vertical" size={2} data-testid="class-schedule">
      <Typography.Text strong>{t("classes.schedule.title")}</Typography.Text>
      {!schedule.enabled ? (
        <Typography.Text type="warning">{t("classes.schedule.disabled")}</Typography.Text>
      ) : null}
      <Typography.Text type="secondary">
        {schedule.lastRunAt
          ? t("classes.schedule.lastRun", { at: formatDateTime(schedule.lastRunAt) })
          : t("classes.schedule.never")}
      </Typography.Text>
      {last ? (
        <Typography.Text type="secondary">
          {t("classes.schedule.result", {
            classified: last.classified,
            enterprises: last.enterprises,
            changed: last.changed,
            notAssessed: last.notAssessed,
          })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

function ClassFilters() {
  const { t } = useI18n();
  const towns = useReference("towns");
  return (
    <>
      <FilterInput width={280} placeholder={t("classes.search.placeholder")} testId="class-search-input" />
      <FilterSelect
        name="class"
        placeholder={t("classes.filter.class")}
        options={CLASSES.map((c) => ({ value: c, label: t(`class.${c}` as MessageKey) }))}
        testId="filter-class"
      />
      <FilterSelect
        name="source"
        placeholder={t("classes.filter.source")}
        options={SOURCES.map((s) => ({ value: s, label: t(`classSource.${s}` as MessageKey) }))}
        testId="filter-source"
      />
      <FilterSelect
        name="town"
        searchable
        placeholder={t("classes.filter.town")}
        options={towns.options}
        testId="filter-town"
      />
    </>
  );
}

export function ClassListPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const isRegulator = can(user, "classRules");
  const tq = useTableQuery(FILTER_KEYS);
  const [version, setVersion] = useState(0);
  const list = useApi<Page<ClassListItem>>("/api/v1/classes", tq.query, version);
  const summary = useApi<ClassSummary>("/api/v1/classes/summary", undefined, version);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ReclassifyResult | null>(null);
  const { formValues } = useFilterForm(tq);

  const reclassifyAll = async () => {
    setRunning(true);
    try {
      const r = await api<ReclassifyResult>("/api/v1/classes/reclassify-all", {
        method: "POST",
        body: { confirm: true },
      });
      setResult(r);
      setVersion((v) => v + 1);
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setRunning(false);
    }
  };

  const columns: ColumnsType<ClassListItem> = [
    {
      title: t("classes.column.name"),
      key: "name",
      width: 280,
      sorter: true,
      sortOrder: tq.sortOrder("name"),
      render: (_, r) => (
        <Link to={`/console/classes/${r.id}`} data-testid="class-link">
          {r.name}
        </Link>
      ),
    },
    { title: t("classes.column.uscc"), dataIndex: "uscc", width: 200 },
    { title: t("classes.column.town"), dataIndex: "townName", width: 110, render: text },
    {
      title: t("classes.column.class"),
      key: "class",
      width: 200,
      sorter: true,
      sortOrder: tq.sortOrder("class"),
      render: (_, r) => (
        <Space size={4} wrap>
          <ClassTag cls={r.class} source={r.source} />
          {r.source === "override" ? (
            <Typography.Text type="secondary">
              {t("classes.overrideUntil", { date: r.overrideExpiresOn ?? "" })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t("classes.filter.source"),
      dataIndex: "source",
      width: 130,
      render: (s: ClassListItem["source"]) => <SourceTag source={s} />,
    },
    {
      title: t("classes.column.computedClass"),
      dataIndex: "computedClass",
      width: 100,
      render: (c: EnterpriseClass | null) => (c ? t(`class.${c}` as MessageKey) : text(null)),
    },
    {
      title: t("classes.column.score"),
      key: "score",
      dataIndex: "score",
      align: "right",
      width: 110,
      sorter: true,
      sortOrder: tq.sortOrder("score"),
      render: (s: number | null) => (s === null ? text(null) : formatValue(s)),
    },
    {
      title: t("classes.column.decidedAt"),
      key: "decidedAt",
      dataIndex: "decidedAt",
      width: 170,
      sorter: true,
      sortOrder: tq.sortOrder("decidedAt"),
      render: formatDateTime,
    },
    { title: t("classes.column.ruleSetVersion"), dataIndex: "ruleSetVersion", width: 140, render: text },
  ];

  const s = summary.data;
  return (
    <PageContainer
      title={t("classes.title")}
      subTitle={s ? t("classes.ruleSetInForce", { version: s.ruleSetVersion }) : undefined}
      extra={
        <>
          {isRegulator ? (
            <Link to="/console/classes/rules">
              <Button icon={<SettingOutlined />} data-testid="class-rules-link">
                {t("classes.rulesLink")}
              </Button>
            </Link>
          ) : null}
          <ExportButton
            url="/api/v1/classes/export"
            filename="classes.xlsx"
            query={tq.query}
            testId="class-export"
          >
            {t("classes.export")}
          </ExportButton>
          {isRegulator ? (
            <Popconfirm
              title={t("classes.reclassifyAll")}
              description={t("classes.reclassifyAll.confirm")}
              onConfirm={reclassifyAll}
              okButtonProps={testId("reclassify-all-confirm")}
            >
              <Button
                type="primary"
                icon={<ReloadOutlined />}
                loading={running}
                data-testid="reclassify-all-button"
              >
                {t("classes.reclassifyAll")}
              </Button>
            </Popconfirm>
          ) : null}
        </>
      }
    >
      {result ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setResult(null) }}
          style={{ marginBottom: 16 }}
          title={reclassifyMessage(result, t)}
          data-testid="reclassify-all-result"
        />
      ) : null}
      <ErrorAlert error={summary.error} onRetry={summary.reload} />
      {s ? (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={16}>
            <Card
              title={t("classes.distribution")}
              size="small"
              extra={
                <Space>
                  <Typography.Text>{t("classes.total", { total: s.total })}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t("classes.overrides", { count: s.overrides })}
                  </Typography.Text>
                </Space>
              }
            >
              {s.total > 0 ? <DistributionChart summary={s} /> : <Empty description={t("classes.empty")} />}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" style={{ height: "100%" }}>
              <ScheduleInfo schedule={s.schedule} />
              <div style={{ marginTop: 12 }}>
                {CLASSES.map((c) => (
                  <Typography.Text key={c} style={{ marginInlineEnd: 12, color: CLASS_COLORS[c] }}>
                    {t(`class.${c}` as MessageKey)} {s.byClass[c]}
                  </Typography.Text>
                ))}
              </div>
            </Card>
          </Col>
        </Row>
      ) : null}
      <SearchForm<FilterValues> values={formValues} onSearch={tq.setFilters} onReset={tq.resetFilters}>
        <ClassFilters />
      </SearchForm>
      <PagedTable<ClassListItem, FilterKey>
        state={list}
        tq={tq}
        rowTestIdValue="class-row"
        columns={columns}
        scroll={{ x: 1500 }}
        locale={{ emptyText: <Empty description={t("classes.empty")} /> }}
      />
    </PageContainer>
  );
}
