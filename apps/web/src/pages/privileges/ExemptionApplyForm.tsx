import { Alert, Button, Form, Input, Select, Skeleton } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { useI18n } from "../../i18n/I18nProvider";
import { EvidenceChecklist } from "./EvidenceChecklist";
import type { ExemptionDetail, ExemptionEvidence, ProductCategoryOption } from "./types";

interface ApplyValues {
  enterpriseId?: string;
  productCategory: string;
  statement: string;
}

interface ExemptionApplyFormProps {
  categories: ProductCategoryOption[];
  /** The authority files for any enterprise; an enterprise user for its own (no choice shown). */
  enterpriseSelectable: boolean;
  onApplied: (application: ExemptionDetail) => void;
}

/**
 * Choose a product category, see the criteria evaluated from the records, then apply with a statement. An
 * application whose criteria are not all met may still be filed: the authority decides (and must give reasons).
 */
export function ExemptionApplyForm({ categories, enterpriseSelectable, onApplied }: ExemptionApplyFormProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ApplyValues>();
  const enterpriseId = Form.useWatch("enterpriseId", form);
  const productCategory = Form.useWatch("productCategory", form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ready = Boolean(productCategory) && (!enterpriseSelectable || Boolean(enterpriseId));
  const evidence = useApi<ExemptionEvidence>(ready ? "/api/v1/exemptions/evidence" : null, {
    enterpriseId: enterpriseSelectable ? enterpriseId : undefined,
    productCategory,
  });

  const onFinish = async (values: ApplyValues) => {
    setSaving(true);
    setError(null);
    try {
      const created = await api<ExemptionDetail>("/api/v1/exemptions", {
        method: "POST",
        body: {
          ...(enterpriseSelectable ? { enterpriseId: values.enterpriseId } : {}),
          productCategory: values.productCategory,
          statement: values.statement.trim(),
        },
      });
      form.resetFields();
      onApplied(created);
    } catch (err) {
      applyFieldErrors(form, err);
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t("form.required") };
  return (
    <Form<ApplyValues> form={form} layout="vertical" onFinish={onFinish}>
      <ErrorAlert error={error} showFields={false} />
      {enterpriseSelectable ? (
        <Form.Item name="enterpriseId" label={t("privileges.column.enterprise")} rules={[required]}>
          <EnterpriseSelect />
        </Form.Item>
      ) : null}
      <Form.Item name="productCategory" label={t("privileges.column.category")} rules={[required]}>
        <Select
          style={{ maxWidth: 320 }}
          placeholder={t("privileges.exemption.chooseCategory")}
          options={categories.map((c) => ({
            value: c.code,
            label: locale === "zh-CN" ? c.nameZh : c.nameEn,
          }))}
          data-testid="exemption-category"
        />
      </Form.Item>
      {ready ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={evidence.error} onRetry={evidence.reload} />
          <Skeleton loading={evidence.loading && !evidence.data} active>
            {evidence.data ? (
              <EvidenceChecklist evidence={evidence.data} caption={t("privileges.evidence.now")} />
            ) : null}
          </Skeleton>
        </div>
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("privileges.exemption.previewHint")}
        />
      )}
      <Form.Item
        name="statement"
        label={t("privileges.exemption.statement")}
        rules={[{ ...required, whitespace: true }]}
        extra={t("privileges.exemption.statementHint")}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="exemption-statement" />
      </Form.Item>
      {evidence.data && !evidence.data.criteriaMet ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("privileges.exemption.applyAnyway")}
        />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        loading={saving}
        disabled={!ready}
        data-testid="exemption-apply"
      >
        {t("privileges.exemption.apply")}
      </Button>
    </Form>
  );
}
