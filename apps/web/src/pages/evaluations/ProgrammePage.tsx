import { PlusOutlined } from "@ant-design/icons";
import { Button, type ButtonProps, Card, Col, Form, Modal, Row, Select, Statistic, Table } from "antd";
import { useMemo, useRef, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import type { Paged } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FilterInput } from "../../components/FilterInput";
import { FilterSelect } from "../../components/FilterSelect";
import { applyFieldErrors } from "../../components/formErrors";
import { PageContainer } from "../../components/PageContainer";
import { SearchForm } from "../../components/SearchForm";
import { type EChartsOption, useECharts } from "../../components/useECharts";
import { useFilterForm } from "../../components/useFilterForm";
import { useTableQuery } from "../../components/useTableQuery";
import { LabourTrendsCard, TREND_READERS } from "./LabourTrendsCard";
import { CapTag, StageTag, useDynamicText } from "./shared";
import { canCreate, type FindingRow, MAIN_STAGES, type SystemRow } from "./types";

interface ProgrammeRow {
  assessmentId: string;
  enterpriseName: string;
  systemCode: string;
  stage: string;
  level: string | null;
  percent: number | null;
  ratedOn: string | null;
  openCapItems: number;
}

interface Overview {
  enterpriseCount: number;
  enterprises: Paged<ProgrammeRow>;
  ratingsOverTime: { year: string; level: string; assessments: number }[];
  openFindingsBySection: { sectionId: string; findings: number }[];
  openCapItems: number;
  overdueCapItems: number;
}

const FILTER_KEYS = ["q", "stage", "level"] as const;

function RatingsChart({ data }: { data: Overview["ratingsOverTime"] }) {
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<EChartsOption>(() => {
    const years = [...new Set(data.map((d) => d.year))];
    const levels = [...new Set(data.map((d) => d.level))];
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      xAxis: { type: "category", data: years },
      yAxis: { type: "value", minInterval: 1 },
      series: levels.map((l) => ({
        type: "bar",
        stack: "levels",
        name: l,
        data: years.map((y) => data.find((d) => d.year === y && d.level === l)?.assessments ?? 0),
      })),
    };
  }, [data]);
  useECharts(ref, option);
  return <div ref={ref} style={{ height: 240 }} data-testid="ratings-chart" />;
}

function CreateAssessmentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useDynamicText();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const systems = useApi<{ items: SystemRow[] }>(open ? "/api/v1/evaluation-systems" : null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const created = await api<{ id: string }>("/api/v1/assessments", { method: "POST", body: values });
      navigate(`/console/evaluations/assessments/${created.id}`);
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t("evaluations.create.title")}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "create-assessment-ok" } as ButtonProps}
    >
      <ErrorAlert error={error} showFields={false} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="enterpriseId"
          label={t("evaluations.create.enterprise")}
          rules={[{ required: true }]}
        >
          <EnterpriseSelect />
        </Form.Item>
        <Form.Item name="systemId" label={t("evaluations.create.system")} rules={[{ required: true }]}>
          <Select
            data-testid="create-assessment-system"
            loading={systems.loading}
            options={(systems.data?.items ?? [])
              .filter((s) => s.status === "published")
              .map((s) => ({
                value: s.id,
                label: `${locale === "en-US" ? s.nameEn : s.nameZh} ${s.version}`,
              }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ProgrammePage() {
  const { t, dyn } = useDynamicText();
  const { user } = useAuth();
  const tq = useTableQuery(FILTER_KEYS);
  const { formValues } = useFilterForm(tq);
  const overview = useApi<Overview>("/api/v1/evaluation-programme", tq.query);
  const overdue = useApi<{ items: FindingRow[]; total: number }>("/api/v1/cap-items/overdue", {
    pageSize: 50,
  });
  const [creating, setCreating] = useState(false);
  const data = overview.data;
  const levels = useMemo(
    () => [...new Set((data?.ratingsOverTime ?? []).map((r) => r.level))].sort(),
    [data],
  );
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: tq.sortOrder(key) });
  return (
    <PageContainer
      title={t("evaluations.programme.title")}
      subTitle={t("evaluations.programme.subtitle")}
      extra={
        user && canCreate(user.role) ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="create-assessment"
          >
            {t("evaluations.programme.create")}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={overview.error} onRetry={overview.reload} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title={t("evaluations.programme.enterprises")} value={data?.enterpriseCount ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t("evaluations.programme.openCap")} value={data?.openCapItems ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card data-testid="overdue-count">
            <Statistic
              title={t("evaluations.programme.overdueCap")}
              value={data?.overdueCapItems ?? 0}
              valueStyle={data?.overdueCapItems ? { color: "#cf1322" } : undefined}
            />
          </Card>
        </Col>
      </Row>
      <SearchForm values={formValues} onSearch={tq.setFilters} onReset={tq.resetFilters}>
        <FilterInput
          width={280}
          placeholder={t("enterprises.search.placeholder")}
          testId="programme-search"
        />
        <FilterSelect
          name="stage"
          placeholder={t("evaluations.col.stage")}
          options={[...MAIN_STAGES].map((s) => ({ value: s, label: dyn("evaluations.stage", s) }))}
          testId="programme-stage"
        />
        <FilterSelect
          name="level"
          placeholder={t("evaluations.col.level")}
          options={levels.map((l) => ({ value: l, label: l }))}
          testId="programme-level"
        />
      </SearchForm>
      <Card title={t("evaluations.programme.enterprises")} style={{ marginBottom: 16 }}>
        <Table<ProgrammeRow>
          data-testid="programme-enterprises"
          rowKey="assessmentId"
          loading={overview.loading}
          dataSource={data?.enterprises.items ?? []}
          pagination={tq.pagination(data?.enterprises.total)}
          onChange={tq.onTableChange}
          locale={{ emptyText: t("evaluations.empty") }}
          columns={[
            {
              title: t("evaluations.col.enterprise"),
              dataIndex: "enterpriseName",
              ...sortable("name"),
              render: (name: string, r) => (
                <Link to={`/console/evaluations/assessments/${r.assessmentId}`} data-testid="assessment-link">
                  {name}
                </Link>
              ),
            },
            { title: t("evaluations.col.system"), dataIndex: "systemCode" },
            {
              title: t("evaluations.col.stage"),
              dataIndex: "stage",
              ...sortable("stage"),
              render: (s: string) => <StageTag stage={s} />,
            },
            {
              title: t("evaluations.col.level"),
              dataIndex: "level",
              ...sortable("level"),
              render: (l: string | null) => l ?? "—",
            },
            {
              title: t("evaluations.col.percent"),
              dataIndex: "percent",
              ...sortable("percent"),
              render: (p: number | null) => (p === null ? "—" : `${p.toFixed(1)} %`),
            },
            {
              title: t("evaluations.col.ratedOn"),
              dataIndex: "ratedOn",
              ...sortable("ratedOn"),
              render: (d: string | null) => d ?? "—",
            },
            { title: t("evaluations.col.openCap"), dataIndex: "openCapItems" },
          ]}
        />
      </Card>
      {user && TREND_READERS.includes(user.role) ? <LabourTrendsCard /> : null}
      <Row gutter={16}>
        <Col span={12}>
          <Card title={t("evaluations.programme.ratings")} style={{ marginBottom: 16 }}>
            <RatingsChart data={data?.ratingsOverTime ?? []} />
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t("evaluations.programme.findings")} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="sectionId"
              dataSource={data?.openFindingsBySection ?? []}
              pagination={false}
              locale={{ emptyText: t("evaluations.empty") }}
              columns={[
                {
                  title: t("evaluations.col.section"),
                  dataIndex: "sectionId",
                  render: (s: string) => s || "—",
                },
                { title: t("evaluations.col.count"), dataIndex: "findings" },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t("evaluations.programme.overdueList")}>
        <Table
          data-testid="overdue-cap"
          size="small"
          rowKey="id"
          loading={overdue.loading}
          dataSource={overdue.data?.items ?? []}
          locale={{ emptyText: t("evaluations.empty") }}
          columns={[
            { title: t("evaluations.col.enterprise"), dataIndex: "enterpriseName" },
            {
              title: t("evaluations.col.title"),
              dataIndex: "title",
              render: (title: string, f) => (
                <Link to={`/console/evaluations/assessments/${f.assessmentId}`}>{title}</Link>
              ),
            },
            { title: t("evaluations.col.deadline"), render: (_, f) => f.cap.deadline },
            {
              title: t("evaluations.col.status"),
              render: (_, f) => <CapTag status={f.cap.status} overdue />,
            },
          ]}
        />
      </Card>
      <CreateAssessmentModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
