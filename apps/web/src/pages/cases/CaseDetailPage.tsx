import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { PageContainer } from "../../components/PageContainer";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { formatDateTime, text } from "../../utils/format";
import { CaseSplitModal } from "./CaseSplitModal";
import {
  CaseStatusTag,
  CaseTimeline,
  displayTrackingNumber,
  RatingTag,
  useCategories,
  useDepartments,
} from "./shared";
import { ACTIONS, type CaseAction, type CaseDetail, RATINGS } from "./types";

/** Actions that carry nothing but a confirmation. */
const PLAIN: CaseAction[] = ["acknowledge", "start", "close"];

function ActionModal({
  caseId,
  action,
  staff,
  onClose,
  onDone,
}: {
  caseId: string;
  action: CaseAction | null;
  staff: boolean;
  onClose: () => void;
  onDone: (c: CaseDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const departments = useDepartments(staff);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  if (!action) return null;
  const needs = {
    department: action === "assign" || action === "transfer",
    reason: [
      "transfer",
      "decline",
      "reopen",
      "markNotResponsible",
      "reinstate",
      "escalate",
      "withdraw",
    ].includes(action),
    reply: action === "answer",
    rating: action === "rate",
    duplicate: action === "markDuplicate",
  };
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      const body = Object.fromEntries(
        Object.entries({ type: action, ...values }).filter(([, v]) => v !== undefined && v !== ""),
      );
      onDone(await api<CaseDetail>(`/api/v1/cases/${caseId}/actions`, { method: "POST", body }));
      form.resetFields();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, message: t("form.required") }];
  return (
    <Modal
      open
      title={t(`cases.action.${action}` as MessageKey)}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "action-ok" } as never}
      destroyOnHidden
    >
      <ErrorAlert error={error} showFields={false} />
      <Form form={form} layout="vertical" data-testid="action-form">
        {needs.department ? (
          <Form.Item name="departmentId" label={t("cases.field.department")} rules={required}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={departments.options}
              data-testid="action-department"
            />
          </Form.Item>
        ) : null}
        {needs.reply ? (
          <Form.Item
            name="reply"
            label={t("cases.field.reply")}
            rules={required}
            extra={t("cases.detail.replyHint")}
          >
            <Input.TextArea rows={5} maxLength={5000} data-testid="action-reply" />
          </Form.Item>
        ) : null}
        {needs.rating ? (
          <>
            <Form.Item name="rating" rules={required}>
              <Radio.Group>
                {RATINGS.map((r) => (
                  <Radio key={r} value={r} data-testid={`action-rating-${r}`}>
                    {t(`cases.rating.${r}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="comment" label={t("cases.field.comment")}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        {needs.duplicate ? (
          <Form.Item name="duplicateOf" label={t("cases.field.duplicateOf")} rules={required}>
            <Input data-testid="action-duplicate" />
          </Form.Item>
        ) : null}
        {needs.reason ? (
          <Form.Item
            name="reason"
            label={t("cases.field.reason")}
            rules={action === "withdraw" && !staff ? [] : required}
            extra={action === "transfer" ? t("cases.detail.reasonInternal") : undefined}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="action-reason" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function NoteForm({ caseId, onDone }: { caseId: string; onDone: (c: CaseDetail) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onFinish = async (values: { text: string }) => {
    setSaving(true);
    setError(null);
    try {
      onDone(await api<CaseDetail>(`/api/v1/cases/${caseId}/notes`, { method: "POST", body: values }));
      form.resetFields();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={t("cases.detail.note")} size="small" style={{ marginTop: 16 }}>
      <ErrorAlert error={error} showFields={false} />
      <Form form={form} onFinish={onFinish} data-testid="note-form">
        <Form.Item name="text" rules={[{ required: true, message: t("form.required") }]}>
          <Input.TextArea
            rows={3}
            maxLength={5000}
            placeholder={t("cases.detail.notePlaceholder")}
            data-testid="note-text"
          />
        </Form.Item>
        <Button htmlType="submit" loading={saving} data-testid="note-submit">
          {t("cases.detail.addNote")}
        </Button>
      </Form>
    </Card>
  );
}

/** One case: facts, deadlines, the actions the workflow allows now, internal notes apart, the full timeline. */
export function CaseDetailPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const state = useApi<CaseDetail>(`/api/v1/cases/${id}`);
  const categories = useCategories();
  const [action, setAction] = useState<CaseAction | null>(null);
  const [splitting, setSplitting] = useState(false);
  const c = state.data;
  const staff = c?.canNote ?? false;
  // Only actions this page has a label and a form for (a newer server may offer more).
  const actions = (c?.allowedActions ?? []).filter((a): a is CaseAction =>
    (ACTIONS as readonly string[]).includes(a),
  );
  const canSplit = c?.allowedActions.includes("split") ?? false;

  const done = (next: CaseDetail) => {
    state.setData(next);
    setAction(null);
    message.success(t("cases.detail.done"));
  };
  const runPlain = async (a: CaseAction) => {
    try {
      done(await api<CaseDetail>(`/api/v1/cases/${id}/actions`, { method: "POST", body: { type: a } }));
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <PageContainer
      title={c ? c.title : t("cases.detail.title")}
      subTitle={c ? displayTrackingNumber(c.trackingNumber) : undefined}
    >
      <ErrorAlert error={state.error} onRetry={state.reload} />
      {c ? (
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            <Card loading={state.loading}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t("cases.field.status")}>
                  <CaseStatusTag status={c.status} /> <RatingTag rating={c.rating} />
                  {c.overdue ? <Tag color="red">{t("cases.field.overdue")}</Tag> : null}
                  {c.heldForReview ? <Tag color="red">{t("cases.list.held")}</Tag> : null}
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.field.channel")}>
                  {t(`cases.channel.${c.channel}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.field.category")}>
                  {categories.nameOf(c.category)}
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.field.department")}>
                  <span data-testid="case-department">{c.departmentName ?? t("cases.dash.unrouted")}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.field.enterpriseName")}>
                  {text(c.enterpriseName)}
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.field.contact")}>{text(c.contact)}</Descriptions.Item>
                <Descriptions.Item label={t("cases.field.submittedAt")}>
                  {formatDateTime(c.submittedAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.detail.escalation")}>
                  {t(`cases.escalation.${c.escalation}` as MessageKey)}
                  {c.escalations > 0 ? ` · ${t("cases.detail.escalations", { n: c.escalations })}` : ""}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph
                style={{ whiteSpace: "pre-wrap", marginTop: 12 }}
                data-testid="case-description"
              >
                {c.description}
              </Typography.Paragraph>
            </Card>
            <Card title={t("cases.detail.timeline")} style={{ marginTop: 16 }}>
              <CaseTimeline
                linkTo={(n) => `/console/cases?q=${encodeURIComponent(n)}`}
                items={c.timeline.map((e) => ({
                  key: e.id,
                  at: e.at,
                  type: e.type,
                  internal: e.visibility === "internal",
                  actorName: e.actorName,
                  toStatus: e.toStatus,
                  departmentName: e.toDepartmentName,
                  text: e.text,
                  rating: e.rating,
                }))}
              />
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Card title={t("cases.detail.actions")} data-testid="case-actions">
              {actions.length === 0 && !canSplit ? (
                <Typography.Text type="secondary">{t("cases.detail.noActions")}</Typography.Text>
              ) : (
                <Space wrap>
                  {actions.map((a) =>
                    PLAIN.includes(a) ? (
                      <Popconfirm
                        key={a}
                        title={t("cases.detail.confirmAction", {
                          action: t(`cases.action.${a}` as MessageKey),
                        })}
                        onConfirm={() => runPlain(a)}
                      >
                        <Button data-testid={`action-${a}`}>{t(`cases.action.${a}` as MessageKey)}</Button>
                      </Popconfirm>
                    ) : (
                      <Button
                        key={a}
                        type={a === "answer" ? "primary" : "default"}
                        danger={a === "withdraw" || a === "markNotResponsible"}
                        onClick={() => setAction(a)}
                        data-testid={`action-${a}`}
                      >
                        {t(`cases.action.${a}` as MessageKey)}
                      </Button>
                    ),
                  )}
                  {canSplit ? (
                    <Button onClick={() => setSplitting(true)} data-testid="action-split">
                      {t("cases.action.split")}
                    </Button>
                  ) : null}
                </Space>
              )}
            </Card>
            <Card title={t("cases.detail.deadlines")} style={{ marginTop: 16 }}>
              {c.provisional ? (
                <Typography.Paragraph type="warning">{t("cases.detail.provisional")}</Typography.Paragraph>
              ) : null}
              <Descriptions column={1} size="small">
                {c.milestones.map((m) => (
                  <Descriptions.Item
                    key={m.milestone}
                    label={t(`cases.milestone.${m.milestone}` as MessageKey)}
                  >
                    {formatDateTime(m.deadline)}{" "}
                    <Tag
                      color={
                        m.state === "overdue" || m.state === "metLate"
                          ? "red"
                          : m.state === "dueSoon"
                            ? "orange"
                            : "default"
                      }
                    >
                      {t(`cases.mstate.${m.state}` as MessageKey)}
                    </Tag>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
            {c.canNote ? <NoteForm caseId={c.id} onDone={(next) => state.setData(next)} /> : null}
          </Col>
        </Row>
      ) : null}
      <ActionModal caseId={id} action={action} staff={staff} onClose={() => setAction(null)} onDone={done} />
      <CaseSplitModal
        caseId={id}
        open={splitting}
        onClose={() => setSplitting(false)}
        onDone={state.reload}
      />
    </PageContainer>
  );
}
