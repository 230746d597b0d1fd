import { CheckCircleOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Result, Select, Space, Typography } from "antd";
import { useRef, useState } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "../../api/client";
import type { ErrorBody } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { useI18n } from "../../i18n/I18nProvider";
import { getLocale } from "../../i18n/locale";
import { PortalHeader } from "../public/PortalHeader";
import { displayTrackingNumber, newIdempotencyKey, useCategories } from "./shared";

interface SubmitValues {
  category: string;
  title: string;
  description: string;
  contact?: string;
  enterpriseName?: string;
}

/** 我要反映问题 (/cases/new): the public form, no sign-in; shows the tracking number once submitted. */
export function CaseSubmitPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<SubmitValues>();
  const categories = useCategories();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [trackingNumber, setTrackingNumber] = useState<string | null>(null);
  // One key per filled-in form: a retry after a lost answer returns the same number instead of a second case.
  const idempotencyKey = useRef(newIdempotencyKey());

  const onFinish = async (values: SubmitValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ""));
      const res = await fetch("/api/v1/public/cases", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Idempotency-Key": idempotencyKey.current,
          "Accept-Language": getLocale(),
        },
        body: JSON.stringify(body),
      });
      if (!res.ok) {
        // The API client sends no custom headers, so the error body is read here the same way.
        const payload = (await res.json().catch(() => null)) as ErrorBody | null;
        throw new ApiError(
          res.status,
          payload?.error?.code ?? "HTTP_ERROR",
          payload?.error?.message ?? `HTTP ${res.status}`,
          payload?.error?.fields ?? [],
        );
      }
      const json = (await res.json()) as { trackingNumber: string };
      setTrackingNumber(json.trackingNumber);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setSubmitting(false);
    }
  };

  const another = () => {
    idempotencyKey.current = newIdempotencyKey();
    form.resetFields();
    setTrackingNumber(null);
  };

  return (
    <div>
      <PortalHeader />
      <section className="portal-hero portal-hero-compact">
        <h1 data-testid="page-title">{t("cases.submit.title")}</h1>
        <p>{t("cases.submit.subtitle")}</p>
      </section>
      <main className="portal-body" style={{ maxWidth: 760, margin: "0 auto" }}>
        {trackingNumber ? (
          <Result
            icon={<CheckCircleOutlined />}
            status="success"
            title={t("cases.submit.done")}
            subTitle={t("cases.submit.doneHint")}
            extra={
              <Space direction="vertical" size="large">
                <Typography.Title level={3} copyable data-testid="tracking-number" style={{ margin: 0 }}>
                  {displayTrackingNumber(trackingNumber)}
                </Typography.Title>
                <Space>
                  <Link to={`/cases/track?n=${trackingNumber}`} data-testid="track-link">
                    <Button type="primary">{t("cases.submit.track")}</Button>
                  </Link>
                  <Button onClick={another} data-testid="submit-another">
                    {t("cases.submit.another")}
                  </Button>
                </Space>
              </Space>
            }
          />
        ) : (
          <Card>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("cases.submit.privacy")} />
            <ErrorAlert error={error} showFields={false} />
            <Form<SubmitValues>
              form={form}
              layout="vertical"
              onFinish={onFinish}
              data-testid="case-submit-form"
            >
              <Form.Item
                name="category"
                label={t("cases.field.category")}
                rules={[{ required: true, message: t("form.required") }]}
              >
                <Select
                  showSearch={{ optionFilterProp: "label" }}
                  options={categories.options}
                  loading={categories.loading}
                  data-testid="submit-category"
                />
              </Form.Item>
              <Form.Item
                name="title"
                label={t("cases.field.title")}
                rules={[{ required: true, message: t("form.required") }, { max: 100 }]}
              >
                <Input maxLength={100} showCount data-testid="submit-title" />
              </Form.Item>
              <Form.Item
                name="description"
                label={t("cases.field.description")}
                rules={[{ required: true, message: t("form.required") }, { max: 5000 }]}
              >
                <Input.TextArea rows={6} maxLength={5000} showCount data-testid="submit-description" />
              </Form.Item>
              <Form.Item name="enterpriseName" label={t("cases.field.enterpriseName")}>
                <Input maxLength={100} data-testid="submit-enterprise" />
              </Form.Item>
              <Form.Item
                name="contact"
                label={t("cases.field.contact")}
                extra={t("cases.submit.contactHint")}
              >
                <Input maxLength={100} data-testid="submit-contact" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={submitting} data-testid="submit-button">
                {t("cases.submit.button")}
              </Button>
            </Form>
          </Card>
        )}
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to="/cases/track">{t("cases.track.title")}</Link>
        </Typography.Paragraph>
      </main>
    </div>
  );
}
