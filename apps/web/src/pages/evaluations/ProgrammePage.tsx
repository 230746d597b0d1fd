import { PlusOutlined } from "@ant-design/icons";
import { Button, type ButtonProps, Card, Col, Form, Modal, Row, Select, Statistic, Table } from "antd";
import { useMemo, useRef, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { PageContainer } from "../../components/PageContainer";
import { type EChartsOption, useECharts } from "../../components/useECharts";
import { CapTag, StageTag, useDynamicText } from "./shared";
import { canCreate, type FindingRow, type SystemRow } from "./types";

interface Overview {
  enterprises: {
    assessmentId: string;
    enterpriseName: string;
    systemCode: string;
    stage: string;
    level: string | null;
    percent: number | null;
    ratedOn: string | null;
    openCapItems: number;
  }[];
  ratingsOverTime: { year: string; level: string; assessments: number }[];
  openFindingsBySection: { sectionId: string; findings: number }[];
  openCapItems: number;
  overdueCapItems: number;
}

function RatingsChart({ data }: { data: Overview["ratingsOverTime"] }) {
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo<EChartsOption>(() => {
    const years = [...new Set(data.map((d) => d.year))];
    const levels = [...new Set(data.map((d) => d.level))];
    return {
      tooltip: { trigger: "axis" },
      legend: {},
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
  const { t } = useDynamicText();
  const { user } = useAuth();
  const overview = useApi<Overview>("/api/v1/evaluation-programme");
  const overdue = useApi<{ items: FindingRow[]; total: number }>("/api/v1/cap-items/overdue", {
    pageSize: 50,
  });
  const [creating, setCreating] = useState(false);
  const data = overview.data;
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
            <Statistic title={t("evaluations.programme.enterprises")} value={data?.enterprises.length ?? 0} />
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
      <Card title={t("evaluations.programme.enterprises")} style={{ marginBottom: 16 }}>
        <Table
          data-testid="programme-enterprises"
          rowKey="assessmentId"
          loading={overview.loading}
          dataSource={data?.enterprises ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: t("evaluations.empty") }}
          columns={[
            {
              title: t("evaluations.col.enterprise"),
              dataIndex: "enterpriseName",
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
              render: (s: string) => <StageTag stage={s} />,
            },
            { title: t("evaluations.col.level"), dataIndex: "level", render: (l: string | null) => l ?? "—" },
            {
              title: t("evaluations.col.ratedOn"),
              dataIndex: "ratedOn",
              render: (d: string | null) => d ?? "—",
            },
            { title: t("evaluations.col.openCap"), dataIndex: "openCapItems" },
          ]}
        />
      </Card>
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
