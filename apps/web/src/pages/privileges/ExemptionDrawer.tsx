import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Skeleton,
  Space,
  Tabs,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ApiError, api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDateTime, text } from "../../utils/format";
import { EvidenceChecklist } from "./EvidenceChecklist";
import { ExemptionStatusTag } from "./ExemptionStatusTag";
import { ReasonModal } from "./ReasonModal";
import type { ExemptionDetail, ExemptionEvidence } from "./types";

interface ExemptionDrawerProps {
  id: string | null;
  /** Admin and regulator: approve, reject, revoke. */
  canDecide: boolean;
  onClose: () => void;
  onChanged: () => void;
}

/** One application: what was filed, its evidence (at application, at decision, now) and the decision. */
export function ExemptionDrawer({ id, canDecide, onClose, onChanged }: ExemptionDrawerProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const detail = useApi<ExemptionDetail>(id ? `/api/v1/exemptions/${encodeURIComponent(id)}` : null);
  const a = detail.data && detail.data.id === id ? detail.data : undefined;
  const deciding = canDecide && a?.status === "submitted";
  // The decision is taken on the records as they stand: show them beside the application's snapshot.
  const current = useApi<ExemptionEvidence>(deciding && a ? "/api/v1/exemptions/evidence" : null, {
    enterpriseId: a?.enterpriseId,
    productCategory: a?.productCategory,
  });
  const [rejecting, setRejecting] = useState(false);
  const [revoking, setRevoking] = useState(false);

  const changed = (note: string) => {
    message.success(note);
    detail.reload();
    onChanged();
  };

  const evidenceTabs = a
    ? [
        {
          key: "application",
          label: t("privileges.evidence.atApplication"),
          children: (
            <EvidenceChecklist evidence={a.evidence} caption={t("privileges.evidence.atApplication")} />
          ),
        },
        ...(a.decisionEvidence
          ? [
              {
                key: "decision",
                label: t("privileges.evidence.atDecision"),
                children: (
                  <EvidenceChecklist
                    evidence={a.decisionEvidence}
                    caption={t("privileges.evidence.atDecision")}
                  />
                ),
              },
            ]
          : []),
        ...(deciding
          ? [
              {
                key: "now",
                label: t("privileges.evidence.now"),
                children: current.data ? (
                  <EvidenceChecklist evidence={current.data} caption={t("privileges.evidence.now")} />
                ) : (
                  <>
                    <ErrorAlert error={current.error} onRetry={current.reload} />
                    <Skeleton active loading={current.loading} />
                  </>
                ),
              },
            ]
          : []),
      ]
    : [];

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={860}
      title={t("privileges.exemption.detailTitle")}
      destroyOnHidden
      data-testid="exemption-drawer"
    >
      <ErrorAlert error={detail.error} onRetry={detail.reload} />
      <Skeleton loading={!a && detail.loading} active>
        {a ? (
          <>
            <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t("privileges.column.enterprise")} span={2}>
                {a.enterpriseName}（{a.uscc}）
              </Descriptions.Item>
              <Descriptions.Item label={t("privileges.column.category")}>
                {locale === "zh-CN" ? a.productCategoryNameZh : a.productCategoryNameEn}
              </Descriptions.Item>
              <Descriptions.Item label={t("privileges.column.status")}>
                <ExemptionStatusTag application={a} />
              </Descriptions.Item>
              <Descriptions.Item label={t("privileges.exemption.appliedAt")}>
                {formatDateTime(a.appliedAt)} · {text(a.appliedByName)}
              </Descriptions.Item>
              <Descriptions.Item label={t("privileges.exemption.decidedAt")}>
                {a.decidedAt ? `${formatDateTime(a.decidedAt)} · ${text(a.decidedByName)}` : text(null)}
              </Descriptions.Item>
              <Descriptions.Item label={t("privileges.exemption.statement")} span={2}>
                {text(a.statement)}
              </Descriptions.Item>
              <Descriptions.Item label={t("privileges.exemption.decisionNote")} span={2}>
                {text(a.decisionNote)}
              </Descriptions.Item>
              {a.overrideReason ? (
                <Descriptions.Item label={t("privileges.exemption.overrideReason")} span={2}>
                  {a.overrideReason}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t("privileges.exemption.validity")} span={2}>
                {a.validFrom ? `${a.validFrom} ~ ${text(a.validTo)}` : text(null)}
              </Descriptions.Item>
              {a.status === "revoked" ? (
                <Descriptions.Item label={t("privileges.exemption.revokeReason")} span={2}>
                  {formatDateTime(a.revokedAt)} · {text(a.revokeReason)}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {deciding ? (
              <DecisionCard
                id={a.id}
                criteriaMetNow={current.data?.criteriaMet}
                checking={current.loading}
                onApproved={() => changed(t("privileges.exemption.approved"))}
                onReject={() => setRejecting(true)}
              />
            ) : null}
            {canDecide && a.status === "approved" ? (
              <Space style={{ marginBottom: 16 }}>
                <Button danger onClick={() => setRevoking(true)} data-testid="exemption-revoke">
                  {t("privileges.exemption.revoke")}
                </Button>
              </Space>
            ) : null}
            <Tabs items={evidenceTabs} defaultActiveKey={deciding ? "now" : "application"} />
            <ReasonModal
              open={rejecting}
              title={t("privileges.exemption.rejectTitle")}
              label={t("privileges.exemption.rejectNote")}
              okText={t("privileges.exemption.reject")}
              danger
              testIdPrefix="exemption-reject"
              onClose={() => setRejecting(false)}
              onSubmit={async (note) => {
                await api(`/api/v1/exemptions/${encodeURIComponent(a.id)}/reject`, {
                  method: "POST",
                  body: { note },
                });
                setRejecting(false);
                changed(t("privileges.exemption.rejected"));
              }}
            />
            <ReasonModal
              open={revoking}
              title={t("privileges.exemption.revokeTitle")}
              description={t("privileges.exemption.revokeConfirm")}
              label={t("privileges.exemption.revokeReason")}
              okText={t("privileges.exemption.revoke")}
              danger
              testIdPrefix="exemption-revoke"
              onClose={() => setRevoking(false)}
              onSubmit={async (reason) => {
                await api(`/api/v1/exemptions/${encodeURIComponent(a.id)}/revoke`, {
                  method: "POST",
                  body: { reason },
                });
                setRevoking(false);
                changed(t("privileges.exemption.revoked"));
              }}
            />
          </>
        ) : null}
      </Skeleton>
    </Drawer>
  );
}

interface ApproveValues {
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  note: string;
  overrideReason?: string;
}

/** Approve (validity, note; an override reason when the criteria are not met today) or reject. */
function DecisionCard({
  id,
  criteriaMetNow,
  checking,
  onApproved,
  onReject,
}: {
  id: string;
  /** undefined until the current evidence is known */
  criteriaMetNow: boolean | undefined;
  checking: boolean;
  onApproved: () => void;
  onReject: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ApproveValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The server has the last word: its refusal for unmet criteria also asks for the override reason.
  const [refused, setRefused] = useState(false);
  const needsOverride = criteriaMetNow === false || refused;

  const onFinish = async (v: ApproveValues) => {
    setSaving(true);
    setError(null);
    try {
      await api(`/api/v1/exemptions/${encodeURIComponent(id)}/approve`, {
        method: "POST",
        body: {
          note: v.note.trim(),
          ...(v.validFrom ? { validFrom: v.validFrom.format("YYYY-MM-DD") } : {}),
          ...(v.validTo ? { validTo: v.validTo.format("YYYY-MM-DD") } : {}),
          ...(needsOverride && v.overrideReason ? { overrideReason: v.overrideReason.trim() } : {}),
        },
      });
      onApproved();
    } catch (err) {
      if (err instanceof ApiError && err.code === "EXEMPTION_CRITERIA_NOT_MET") setRefused(true);
      applyFieldErrors(form, err);
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t("privileges.exemption.decide")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} showFields={false} />
      {needsOverride ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("privileges.exemption.overrideHint")}
        />
      ) : null}
      <Form<ApproveValues> form={form} layout="vertical" onFinish={onFinish}>
        <Space wrap>
          <Form.Item
            name="validFrom"
            label={t("privileges.exemption.validFrom")}
            extra={t("privileges.exemption.validFromHint")}
          >
            <DatePicker data-testid="exemption-valid-from" />
          </Form.Item>
          <Form.Item
            name="validTo"
            label={t("privileges.exemption.validTo")}
            extra={t("privileges.exemption.validToHint")}
          >
            <DatePicker data-testid="exemption-valid-to" />
          </Form.Item>
        </Space>
        <Form.Item
          name="note"
          label={t("privileges.exemption.approveNote")}
          rules={[{ required: true, whitespace: true, message: t("form.required") }]}
        >
          <Input.TextArea rows={2} maxLength={1000} data-testid="exemption-approve-note" />
        </Form.Item>
        {needsOverride ? (
          <Form.Item
            name="overrideReason"
            label={t("privileges.exemption.overrideReason")}
            rules={[{ required: true, whitespace: true, message: t("form.required") }]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="exemption-override-reason" />
          </Form.Item>
        ) : null}
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={saving}
            disabled={checking}
            data-testid="exemption-approve"
          >
            {t("privileges.exemption.approve")}
          </Button>
          <Button danger onClick={onReject} data-testid="exemption-reject">
            {t("privileges.exemption.reject")}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
