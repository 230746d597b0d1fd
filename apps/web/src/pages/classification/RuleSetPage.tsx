import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Form, Input, Modal, Row, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { PageContainer } from "../../components/PageContainer";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDateTime, text } from "../../utils/format";
import { ProductCategoriesCard } from "./ProductCategoriesCard";
import { NoRuleSetSelected, RuleSetEditor, RuleSetStatusTag } from "./RuleSetEditor";
import { rulesForApi } from "./ruleSetForm";
import type { RuleSetDetail, RuleSetSummary } from "./types";

interface DraftValues {
  version: string;
  note?: string;
}

/** Asks for a version label and copies the rule set in force into a new draft. */
function NewDraftModal({
  open,
  inForce,
  onClose,
  onCreated,
}: {
  open: boolean;
  inForce: RuleSetSummary | undefined;
  onClose: () => void;
  onCreated: (draft: RuleSetDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DraftValues>();
  const [saving, setSaving] = useState(false);

  const create = async (values: DraftValues) => {
    if (!inForce) return;
    setSaving(true);
    try {
      const source = await api<RuleSetDetail>(`/api/v1/classification/rule-sets/${inForce.id}`);
      const draft = await api<RuleSetDetail>("/api/v1/classification/rule-sets", {
        method: "POST",
        body: { version: values.version, note: values.note || null, rules: rulesForApi(source.rules) },
      });
      message.success(t("rules.newDraft.created", { version: draft.version }));
      onCreated(draft);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("rules.newDraft.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      <Form<DraftValues>
        form={form}
        layout="vertical"
        onFinish={create}
        initialValues={{ version: `pinghu-${dayjs().format("YYYY.MM.DD")}` }}
        data-testid="rule-set-draft-form"
      >
        <Form.Item
          name="version"
          label={t("rules.newDraft.version")}
          rules={[{ required: true, whitespace: true, message: t("form.required") }]}
        >
          <Input maxLength={60} data-testid="rule-set-draft-version" />
        </Form.Item>
        <Form.Item name="note" label={t("rules.newDraft.note")}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RuleSetPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const canEdit = can(user, "classRules");
  const [params, setParams] = useSearchParams();
  const [listVersion, setListVersion] = useState(0);
  const versions = useApi<{ items: RuleSetSummary[] }>(
    "/api/v1/classification/rule-sets",
    undefined,
    listVersion,
  );
  const [creating, setCreating] = useState(false);
  const items = versions.data?.items ?? [];
  const inForce = items.find((r) => r.status === "published");
  const selected = params.get("v") ?? inForce?.id ?? null;

  const select = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set("v", id);
        return next;
      },
      { replace: true },
    );

  return (
    <PageContainer
      title={t("rules.title")}
      subTitle={inForce ? t("classes.ruleSetInForce", { version: inForce.version }) : undefined}
      extra={
        canEdit ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!inForce}
            onClick={() => setCreating(true)}
            data-testid="rule-set-new-draft"
          >
            {t("rules.newDraft")}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={versions.error} onRetry={versions.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={t("rules.versions")} size="small">
            <Table<RuleSetSummary>
              size="small"
              rowKey="id"
              loading={versions.loading}
              dataSource={items}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              rowClassName={(r) => (r.id === selected ? "ant-table-row-selected" : "")}
              onRow={(r) => ({
                onClick: () => select(r.id),
                style: { cursor: "pointer" },
                "data-testid": "rule-set-row",
                "data-status": r.status,
              })}
              columns={[
                {
                  title: t("rules.column.version"),
                  dataIndex: "version",
                  render: (v: string, r) => (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text strong={r.id === selected}>{v}</Typography.Text>
                      {r.note ? (
                        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }}>
                          {r.note}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
                },
                {
                  title: t("rules.column.status"),
                  dataIndex: "status",
                  width: 90,
                  render: (s: RuleSetSummary["status"]) => <RuleSetStatusTag status={s} />,
                },
                {
                  title: t("rules.column.publishedAt"),
                  key: "at",
                  width: 150,
                  render: (_, r) => (
                    <Space orientation="vertical" size={0}>
                      <span>{formatDateTime(r.publishedAt ?? r.createdAt)}</span>
                      <Typography.Text type="secondary">{text(r.publishedBy ?? r.createdBy)}</Typography.Text>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          {selected ? (
            <RuleSetEditor
              key={selected}
              id={selected}
              canEdit={canEdit}
              onChanged={() => setListVersion((v) => v + 1)}
            />
          ) : (
            <NoRuleSetSelected />
          )}
        </Col>
        <Col span={24}>
          <ProductCategoriesCard editable={canEdit} />
        </Col>
      </Row>
      <NewDraftModal
        open={creating}
        inForce={inForce}
        onClose={() => setCreating(false)}
        onCreated={(draft) => {
          setCreating(false);
          setListVersion((v) => v + 1);
          select(draft.id);
        }}
      />
    </PageContainer>
  );
}
