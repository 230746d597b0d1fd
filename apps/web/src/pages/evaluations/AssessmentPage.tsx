import { UploadOutlined } from "@ant-design/icons";
import type { ButtonProps } from "antd";
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Spin,
  Steps,
  Switch,
  Table,
  Tooltip,
  Upload,
} from "antd";
import dayjs from "dayjs";
import { type HTMLAttributes, useState } from "react";
import { useParams } from "react-router-dom";
import { api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { CapTag, StageTag, useDynamicText } from "./shared";
import { type AssessmentDetail, type FindingRow, type Indicator, MAIN_STAGES } from "./types";

type Value = unknown;

/** Evidence (assessment and CAP files) downloads through the evaluations route: its enterprise and staff only. */
const evidenceUrl = (id: string) => `/api/v1/evaluation-files/${encodeURIComponent(id)}`;

/** Fields the server sends beyond types.ts: the stage dates the reminders job watches, CAP evidence counts. */
type AssessmentDates = { selfDueOn?: string | null; followUpDueOn?: string | null };
type CapEvidence = { evidenceFiles?: number; evidenceRequired?: boolean };

/** One answer input by indicator type (computed indicators are read only). */
function AnswerInput({
  ind,
  value,
  onChange,
  files,
  disabled,
}: {
  ind: Indicator;
  value: Value;
  onChange: (v: Value) => void;
  files: { id: string; filename: string }[];
  disabled: boolean;
}) {
  const { t, loc } = useDynamicText();
  const na = ind.allowNotApplicable ? [{ value: "__na", label: t("evaluations.answer.na") }] : [];
  const fromSelect = (v: unknown) => onChange(v === "__na" ? null : v);
  const shown = value === null ? "__na" : value;
  switch (ind.type) {
    case "yesPartialNo":
      return (
        <Select
          disabled={disabled}
          style={{ width: 140 }}
          value={shown as string | undefined}
          onChange={fromSelect}
          data-testid={`answer-${ind.id}`}
          options={[
            { value: "yes", label: t("evaluations.answer.yes") },
            { value: "partial", label: t("evaluations.answer.partial") },
            { value: "no", label: t("evaluations.answer.no") },
            ...na,
          ]}
        />
      );
    case "number":
      return (
        <InputNumber
          disabled={disabled}
          value={typeof value === "number" ? value : null}
          min={ind.min}
          max={ind.max}
          addonAfter={ind.unit}
          onChange={(v) => onChange(v ?? undefined)}
          data-testid={`answer-${ind.id}`}
        />
      );
    case "singleChoice":
    case "multiChoice":
      return (
        <Select
          disabled={disabled}
          style={{ minWidth: 200 }}
          mode={ind.type === "multiChoice" ? "multiple" : undefined}
          value={shown as string | string[] | undefined}
          onChange={fromSelect}
          data-testid={`answer-${ind.id}`}
          options={[...(ind.options ?? []).map((o) => ({ value: o.id, label: loc(o.label) })), ...na]}
        />
      );
    case "file":
      return (
        <Select
          disabled={disabled}
          mode="multiple"
          style={{ minWidth: 200 }}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v)}
          data-testid={`answer-${ind.id}`}
          options={files.map((f) => ({ value: f.id, label: f.filename }))}
        />
      );
    default:
      return <span>{t("evaluations.assessment.computed")}</span>;
  }
}

function FindingsCard({ detail, reload }: { detail: AssessmentDetail; reload: () => void }) {
  const { t, dyn } = useDynamicText();
  const { message } = App.useApp();
  const [step, setStep] = useState<{ finding: FindingRow; action: string } | null>(null);
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const isAuditor = detail.role === "auditor";
  const [adding, setAdding] = useState(false);
  const [findingForm] = Form.useForm();

  const run = async () => {
    if (!step) return;
    try {
      await api(`/api/v1/cap-items/${step.finding.cap.id}/actions`, {
        method: "POST",
        body: { action: step.action, ...form.getFieldsValue() },
      });
      setStep(null);
      form.resetFields();
      message.success(t("evaluations.assessment.saved"));
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const addFinding = async () => {
    try {
      await api(`/api/v1/assessments/${detail.assessment.id}/findings`, {
        method: "POST",
        body: findingForm.getFieldsValue(),
      });
      setAdding(false);
      findingForm.resetFields();
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const capUpload = async (capId: string, file: File) => {
    const body = new FormData();
    body.append("file", file);
    try {
      await api(`/api/v1/cap-items/${capId}/attachments`, { method: "POST", body });
      message.success(t("evaluations.assessment.saved"));
      reload();
    } catch (e) {
      setError(e);
    }
    return false;
  };
  const labourUpload = async (file: File) => {
    const body = new FormData();
    body.append("file", file);
    try {
      await api(`/api/v1/assessments/${detail.assessment.id}/labour-check`, { method: "POST", body });
      reload();
    } catch (e) {
      setError(e);
    }
    return false;
  };
  const fields: Record<string, string[]> = {
    submit: ["rootCause", "correctiveAction"],
    reject: ["comment"],
    accept: ["comment"],
    verify: ["verificationNote"],
    close: [],
  };
  return (
    <Card
      title={t("evaluations.assessment.findings")}
      style={{ marginBottom: 16 }}
      extra={
        isAuditor ? (
          <Flex gap={8}>
            <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => labourUpload(f)}>
              <Button icon={<UploadOutlined />} data-testid="assessment-labour-check">
                {t("evaluations.assessment.labourCheck")}
              </Button>
            </Upload>
            <Button onClick={() => setAdding(true)} data-testid="add-finding">
              {t("evaluations.assessment.addFinding")}
            </Button>
          </Flex>
        ) : null
      }
    >
      <ErrorAlert error={error} />
      <Table
        data-testid="findings-table"
        size="small"
        rowKey="id"
        onRow={(f) =>
          ({ "data-testid": "finding-row", "data-rule": f.labourRule ?? "" }) as HTMLAttributes<HTMLElement>
        }
        dataSource={detail.findings}
        pagination={false}
        locale={{ emptyText: t("evaluations.empty") }}
        expandable={{
          expandedRowRender: (f) => (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t("evaluations.col.detail")}>{f.detail ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("evaluations.cap.rootCause")}>
                {f.cap.rootCause ?? "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("evaluations.cap.correctiveAction")}>
                {f.cap.correctiveAction ?? "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("evaluations.cap.comment")}>
                {f.cap.auditorComment ?? "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("evaluations.cap.verificationNote")}>
                {f.cap.verificationNote ?? "—"}
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={[
          { title: t("evaluations.col.title"), dataIndex: "title" },
          {
            title: t("evaluations.assessment.severity"),
            dataIndex: "severity",
            render: (s: string) => dyn("evaluations.severity", s),
          },
          { title: t("evaluations.col.deadline"), render: (_, f) => f.cap.deadline },
          {
            title: t("evaluations.col.status"),
            render: (_, f) => <CapTag status={f.cap.status} overdue={f.cap.overdue} />,
          },
          {
            title: t("evaluations.assessment.evidence"),
            render: (_, f) => {
              const cap = f.cap as typeof f.cap & CapEvidence;
              return (
                <Flex gap={4} align="center">
                  <span>{t("evaluations.cap.evidenceFiles", { n: cap.evidenceFiles ?? 0 })}</span>
                  {f.cap.actions.includes("submit") ? (
                    <Upload showUploadList={false} beforeUpload={(file) => capUpload(f.cap.id, file)}>
                      <Button size="small" icon={<UploadOutlined />} data-testid="cap-evidence-upload">
                        {t("evaluations.cap.uploadEvidence")}
                      </Button>
                    </Upload>
                  ) : null}
                </Flex>
              );
            },
          },
          {
            title: "",
            render: (_, f) => (
              <Flex gap={4}>
                {f.cap.actions.map((a) => (
                  <Button
                    key={a}
                    size="small"
                    data-testid={`cap-${a}`}
                    onClick={() => {
                      setError(null);
                      setStep({ finding: f, action: a });
                    }}
                  >
                    {dyn("evaluations.cap", a)}
                  </Button>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        open={step !== null}
        title={step ? dyn("evaluations.cap", step.action) : ""}
        onCancel={() => setStep(null)}
        onOk={run}
        okButtonProps={{ "data-testid": "cap-step-ok" } as ButtonProps}
      >
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical">
          {(step ? (fields[step.action] ?? []) : []).map((name) => (
            <Form.Item key={name} name={name} label={dyn("evaluations.cap", name)}>
              <Input.TextArea rows={3} data-testid={`cap-field-${name}`} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
      <Modal
        open={adding}
        title={t("evaluations.assessment.addFinding")}
        onCancel={() => setAdding(false)}
        onOk={addFinding}
        okButtonProps={{ "data-testid": "add-finding-ok" } as ButtonProps}
      >
        <Form form={findingForm} layout="vertical" initialValues={{ severity: "medium" }}>
          <Form.Item name="title" label={t("evaluations.col.title")} rules={[{ required: true }]}>
            <Input data-testid="finding-title" />
          </Form.Item>
          <Form.Item name="detail" label={t("evaluations.col.detail")}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="severity" label={t("evaluations.assessment.severity")}>
            <Select
              options={["low", "medium", "high"].map((s) => ({
                value: s,
                label: dyn("evaluations.severity", s),
              }))}
            />
          </Form.Item>
          <Form.Item name="sectionId" label={t("evaluations.col.section")}>
            <Select allowClear options={detail.system.sections.map((s) => ({ value: s.id, label: s.id }))} />
          </Form.Item>
          <Form.Item
            name="zeroTolerance"
            label={t("evaluations.assessment.zeroTolerance")}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export function AssessmentPage() {
  const { id } = useParams();
  const { t, dyn, loc } = useDynamicText();
  const { user } = useAuth();
  const { message } = App.useApp();
  const detail = useApi<AssessmentDetail>(id ? `/api/v1/assessments/${id}` : null);
  const [edits, setEdits] = useState<Record<string, { value: Value; overruleReason?: string }>>({});
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState("");
  const [factsForm] = Form.useForm();
  const d = detail.data;
  if (!d) return detail.error ? <ErrorAlert error={detail.error} /> : <Spin />;
  const a = d.assessment as AssessmentDetail["assessment"] & AssessmentDates;
  const side = d.role === "enterprise" ? "self" : d.role === "auditor" ? "auditor" : null;
  const answering =
    (side === "self" && a.stage === "selfAssessment") ||
    (side === "auditor" && (a.stage === "expertInitial" || a.stage === "reassessment"));
  const answers = new Map(d.answers.map((x) => [x.indicatorId, x]));
  const scores = new Map((d.score?.indicators ?? []).map((s) => [s.id, s]));
  const reload = () => {
    setEdits({});
    detail.reload();
  };

  const act = async (action: string) => {
    try {
      await api(`/api/v1/assessments/${a.id}/stage`, {
        method: "POST",
        body: action === "cancel" ? { action, reason } : { action },
      });
      message.success(t("evaluations.assessment.saved"));
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const saveAnswers = async () => {
    try {
      await api(`/api/v1/assessments/${a.id}/answers`, { method: "PUT", body: { answers: edits } });
      message.success(t("evaluations.assessment.saved"));
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const saveFacts = async () => {
    const v = factsForm.getFieldsValue();
    const body: Record<string, unknown> = {
      workerInterviews: v.workerInterviews ?? 0,
      documentReviewDone: Boolean(v.documentReviewDone),
      siteVisitOn: v.siteVisitOn ? dayjs(v.siteVisitOn).format("YYYY-MM-DD") : null,
      selfDueOn: v.selfDueOn ? dayjs(v.selfDueOn).format("YYYY-MM-DD") : null,
      reassessmentDueOn: v.reassessmentDueOn ? dayjs(v.reassessmentDueOn).format("YYYY-MM-DD") : null,
    };
    if (v.assignMe && user) body.auditorIds = [...new Set([...a.auditorIds, user.id])];
    try {
      await api(`/api/v1/assessments/${a.id}`, { method: "PATCH", body });
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const upload = async (file: File) => {
    const body = new FormData();
    body.append("file", file);
    try {
      await api(`/api/v1/assessments/${a.id}/attachments`, { method: "POST", body });
      detail.reload();
    } catch (e) {
      setError(e);
    }
    return false;
  };
  const levelName = d.system.rating.levels.find((l) => l.id === a.level)?.name;
  const current = MAIN_STAGES.indexOf(a.stage as (typeof MAIN_STAGES)[number]);
  const indicatorRows = d.system.sections.flatMap((s) => s.indicators.map((ind) => ({ section: s, ind })));
  return (
    <PageContainer
      title={`${a.enterpriseName} · ${loc(d.system.name)}`}
      subTitle={`${a.systemVersion}${a.title ? ` · ${a.title}` : ""}`}
      extra={<StageTag stage={a.stage} />}
    >
      <ErrorAlert error={error} />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={Math.max(current, 0)}
          status={a.stage === "cancelled" ? "error" : undefined}
          items={MAIN_STAGES.map((s) => ({ title: dyn("evaluations.stage", s) }))}
          data-testid="stage-bar"
        />
        <Flex gap={8} style={{ marginTop: 16 }} wrap data-testid="stage-actions">
          {d.actions.map((x) =>
            x.action === "cancel" ? (
              <Popconfirm
                key={x.action}
                title={
                  <Input
                    placeholder={t("evaluations.action.reason")}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                }
                onConfirm={() => act("cancel")}
              >
                <Button danger data-testid="stage-action-cancel">
                  {dyn("evaluations.action", "cancel")}
                </Button>
              </Popconfirm>
            ) : (
              <Tooltip
                key={x.action}
                title={x.blockedBy ? t("evaluations.action.blocked", { reason: x.blockedBy }) : undefined}
              >
                <Popconfirm
                  title={t("evaluations.action.confirm", { action: dyn("evaluations.action", x.action) })}
                  onConfirm={() => act(x.action)}
                  disabled={x.blockedBy !== null}
                  okButtonProps={{ "data-testid": "stage-action-confirm" } as ButtonProps}
                >
                  <Button
                    type="primary"
                    disabled={x.blockedBy !== null}
                    data-testid={`stage-action-${x.action}`}
                  >
                    {dyn("evaluations.action", x.action)}
                  </Button>
                </Popconfirm>
              </Tooltip>
            ),
          )}
        </Flex>
      </Card>
      <Card title={t("evaluations.assessment.facts")} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t("evaluations.col.level")}>
            <span data-testid="assessment-level">{levelName ? loc(levelName) : (a.level ?? "—")}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("evaluations.col.percent")}>
            {a.percent === null ? "—" : `${a.percent.toFixed(1)} %`}
          </Descriptions.Item>
          <Descriptions.Item label={t("evaluations.col.validUntil")}>{a.validUntil ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("evaluations.assessment.selfDueOn")}>
            <span data-testid="assessment-self-due">{a.selfDueOn ?? "—"}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("evaluations.assessment.reassessmentDueOn")}>
            {a.reassessmentDueOn ?? "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("evaluations.assessment.followUpDueOn")}>
            {a.followUpDueOn ?? "—"}
          </Descriptions.Item>
        </Descriptions>
        {user && ["admin", "regulator", "association"].includes(user.role) ? (
          <Form
            form={factsForm}
            layout="inline"
            initialValues={{
              siteVisitOn: a.siteVisitOn ? dayjs(a.siteVisitOn) : null,
              selfDueOn: a.selfDueOn ? dayjs(a.selfDueOn) : null,
              reassessmentDueOn: a.reassessmentDueOn ? dayjs(a.reassessmentDueOn) : null,
              workerInterviews: a.workerInterviews,
              documentReviewDone: a.documentReviewDone,
            }}
          >
            <Form.Item name="selfDueOn" label={t("evaluations.assessment.selfDueOn")}>
              <DatePicker data-testid="fact-self-due" />
            </Form.Item>
            <Form.Item name="siteVisitOn" label={t("evaluations.assessment.siteVisitOn")}>
              <DatePicker data-testid="fact-site-visit" />
            </Form.Item>
            <Form.Item name="workerInterviews" label={t("evaluations.assessment.workerInterviews")}>
              <InputNumber min={0} data-testid="fact-interviews" />
            </Form.Item>
            <Form.Item name="documentReviewDone" valuePropName="checked">
              <Checkbox data-testid="fact-review">{t("evaluations.assessment.documentReviewDone")}</Checkbox>
            </Form.Item>
            <Form.Item name="reassessmentDueOn" label={t("evaluations.assessment.reassessmentDueOn")}>
              <DatePicker />
            </Form.Item>
            {user && !a.auditorIds.includes(user.id) ? (
              <Form.Item name="assignMe" valuePropName="checked">
                <Checkbox data-testid="fact-assign-me">{t("evaluations.assessment.assignMe")}</Checkbox>
              </Form.Item>
            ) : null}
            <Button onClick={saveFacts} data-testid="fact-save">
              {t("evaluations.assessment.save")}
            </Button>
          </Form>
        ) : null}
      </Card>
      <Card
        title={t("evaluations.assessment.answers")}
        style={{ marginBottom: 16 }}
        extra={
          answering ? (
            <Flex gap={8}>
              <Upload showUploadList={false} beforeUpload={(f) => upload(f)}>
                <Button icon={<UploadOutlined />} data-testid="evidence-upload">
                  {t("evaluations.assessment.upload")}
                </Button>
              </Upload>
              <Button
                type="primary"
                disabled={Object.keys(edits).length === 0}
                onClick={saveAnswers}
                data-testid="answers-save"
              >
                {t("evaluations.assessment.saveAnswers")}
              </Button>
            </Flex>
          ) : null
        }
      >
        <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="evidence-files">
          <span>{t("evaluations.assessment.evidence")}：</span>
          {d.attachments.length === 0 ? (
            <span>{t("evaluations.assessment.noEvidence")}</span>
          ) : (
            d.attachments.map((f) => (
              <a
                key={f.id}
                href={evidenceUrl(f.id)}
                target="_blank"
                rel="noreferrer"
                data-testid="evidence-link"
              >
                {f.filename}
              </a>
            ))
          )}
        </Flex>
        <Table
          size="small"
          rowKey={(r) => r.ind.id}
          dataSource={indicatorRows}
          pagination={{ pageSize: 15 }}
          columns={[
            { title: t("evaluations.col.section"), render: (_, r) => loc(r.section.name), width: 140 },
            {
              title: t("evaluations.col.indicator"),
              render: (_, r) => (
                <Tooltip title={loc(r.ind.guidance)}>
                  {loc(r.ind.name)}
                  {r.ind.zeroTolerance ? " ⚠" : ""}
                </Tooltip>
              ),
            },
            {
              title: t("evaluations.col.self"),
              render: (_, r) => (
                <AnswerInput
                  ind={r.ind}
                  files={d.attachments}
                  disabled={!(answering && side === "self")}
                  value={
                    side === "self" && r.ind.id in edits
                      ? edits[r.ind.id]?.value
                      : answers.get(r.ind.id)?.self
                  }
                  onChange={(v) => setEdits((e) => ({ ...e, [r.ind.id]: { value: v } }))}
                />
              ),
            },
            {
              title: t("evaluations.col.auditor"),
              render: (_, r) =>
                side === "auditor" && answering ? (
                  <Flex vertical gap={4}>
                    <AnswerInput
                      ind={{ ...r.ind, type: r.ind.type === "computed" ? "number" : r.ind.type }}
                      files={d.attachments}
                      disabled={false}
                      value={r.ind.id in edits ? edits[r.ind.id]?.value : answers.get(r.ind.id)?.auditor}
                      onChange={(v) => setEdits((e) => ({ ...e, [r.ind.id]: { ...e[r.ind.id], value: v } }))}
                    />
                    <Input
                      size="small"
                      placeholder={t("evaluations.assessment.overruleReason")}
                      defaultValue={answers.get(r.ind.id)?.overruleReason ?? ""}
                      onChange={(ev) =>
                        setEdits((e) => ({
                          ...e,
                          [r.ind.id]: {
                            value:
                              e[r.ind.id]?.value ??
                              answers.get(r.ind.id)?.auditor ??
                              answers.get(r.ind.id)?.self,
                            overruleReason: ev.target.value,
                          },
                        }))
                      }
                    />
                  </Flex>
                ) : (
                  <span>{JSON.stringify(answers.get(r.ind.id)?.auditor ?? "") || "—"}</span>
                ),
            },
            {
              title: t("evaluations.col.points"),
              render: (_, r) => {
                const s = scores.get(r.ind.id);
                return s ? `${s.points} / ${s.maxPoints}` : "—";
              },
            },
          ]}
        />
      </Card>
      <FindingsCard detail={d} reload={reload} />
      <Card title={t("evaluations.assessment.history")}>
        <Table
          size="small"
          rowKey={(e) => `${e.action}-${e.onDate}`}
          dataSource={d.events}
          pagination={false}
          locale={{ emptyText: t("evaluations.empty") }}
          columns={[
            { title: t("evaluations.col.onDate"), dataIndex: "onDate" },
            { title: t("evaluations.col.stage"), render: (_, e) => dyn("evaluations.action", e.action) },
            { title: "", dataIndex: "actorName" },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
