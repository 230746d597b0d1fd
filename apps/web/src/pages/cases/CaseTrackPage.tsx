import { Alert, Button, Card, Descriptions, Empty, Form, Input, Radio, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../utils/format";
import { PortalHeader } from "../public/PortalHeader";
import { CaseStatusTag, CaseTimeline, displayTrackingNumber, RatingTag, useCategories } from "./shared";
import { type PublicCase, RATINGS, type Rating } from "./types";

function RatingForm({
  trackingNumber,
  onRated,
}: {
  trackingNumber: string;
  onRated: (c: PublicCase) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ rating: Rating; comment?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const rating = Form.useWatch("rating", form);
  const onFinish = async (values: { rating: Rating; comment?: string }) => {
    setSaving(true);
    setError(null);
    try {
      const body = values.comment ? values : { rating: values.rating };
      onRated(
        await api<PublicCase>(`/api/v1/public/cases/${trackingNumber}/rating`, { method: "POST", body }),
      );
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={t("cases.track.rateTitle")} style={{ marginTop: 16 }}>
      <ErrorAlert error={error} showFields={false} />
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="rating-form">
        <Form.Item name="rating" rules={[{ required: true, message: t("form.required") }]}>
          <Radio.Group data-testid="rating-choice">
            {RATINGS.map((r) => (
              <Radio key={r} value={r} data-testid={`rating-${r}`}>
                {t(`cases.rating.${r}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="comment"
          label={t("cases.field.comment")}
          rules={
            rating === "notSatisfied" ? [{ required: true, message: t("cases.track.commentRequired") }] : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="rating-comment" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="rating-submit">
          {t("cases.track.rateButton")}
        </Button>
      </Form>
    </Card>
  );
}

/** Compares as the server reads a typed number (packages/rules normaliseTrackingNumber, without the check). */
function sameTrackingNumber(canonical: string, typed: string): boolean {
  const read = typed
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return read === canonical;
}

/** 办理进度查询 (/cases/track?n=…): status, public replies and timeline of a case, and the rating form. */
export function CaseTrackPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const number = params.get("n") ?? "";
  const [input, setInput] = useState(number);
  // A link to another case (a split's parts) changes the address: show its number in the box too.
  useEffect(() => setInput(number), [number]);
  const state = useApi<PublicCase>(number ? `/api/v1/public/cases/${encodeURIComponent(number)}` : null);
  const categories = useCategories();
  // Only the case the address names: after a new lookup fails or while it loads, the previous case (and its
  // rating form) must not stay on the page under the new number.
  const c =
    state.data && !state.error && sameTrackingNumber(state.data.trackingNumber, number) ? state.data : null;
  const notFound = (state.error as { status?: number } | null)?.status === 404;

  return (
    <div>
      <PortalHeader />
      <section className="portal-hero portal-hero-compact">
        <h1 data-testid="page-title">{t("cases.track.title")}</h1>
        <p>{t("cases.track.subtitle")}</p>
      </section>
      <main className="portal-body" style={{ maxWidth: 860, margin: "0 auto" }}>
        <Card>
          <Space.Compact style={{ width: "100%" }}>
            <Input
              value={input}
              onChange={(e) => setInput(e.target.value)}
              onPressEnter={() => setParams(input.trim() ? { n: input.trim() } : {})}
              placeholder={t("cases.track.placeholder")}
              data-testid="track-input"
            />
            <Button
              type="primary"
              onClick={() => setParams(input.trim() ? { n: input.trim() } : {})}
              data-testid="track-button"
            >
              {t("cases.track.button")}
            </Button>
          </Space.Compact>
        </Card>
        {notFound ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title={t("cases.track.notFound")}
            data-testid="track-not-found"
          />
        ) : (
          <ErrorAlert error={state.error} onRetry={state.reload} style={{ marginTop: 16 }} />
        )}
        {c ? (
          <>
            <Card style={{ marginTop: 16 }} data-testid="track-result" loading={state.loading}>
              <Typography.Title level={4}>{c.title}</Typography.Title>
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={t("cases.field.trackingNumber")}>
                  <span data-testid="track-number">{displayTrackingNumber(c.trackingNumber)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.field.status")}>
                  <CaseStatusTag status={c.status} /> <RatingTag rating={c.rating} />
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.field.category")}>
                  {categories.nameOf(c.category)}
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.field.department")}>
                  {c.departmentName ?? "—"}
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.field.submittedAt")}>
                  {formatDateTime(c.submittedAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t("cases.field.resolveDue")}>
                  {formatDateTime(c.resolveDue)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={t("cases.track.replies")} style={{ marginTop: 16 }}>
              {c.replies.length === 0 ? (
                <Empty description={t("cases.track.noReplies")} />
              ) : (
                c.replies.map((r) => (
                  <div key={r.at} data-testid="public-reply" style={{ marginBottom: 12 }}>
                    <Typography.Text type="secondary">{formatDateTime(r.at)}</Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{r.text}</Typography.Paragraph>
                  </div>
                ))
              )}
            </Card>
            {c.canRate ? <RatingForm trackingNumber={c.trackingNumber} onRated={state.setData} /> : null}
            <Card title={t("cases.track.timeline")} style={{ marginTop: 16 }}>
              <CaseTimeline
                items={c.timeline.map((e, i) => ({ key: i, ...e }))}
                linkTo={(n) => `/cases/track?n=${encodeURIComponent(n)}`}
              />
            </Card>
          </>
        ) : null}
      </main>
    </div>
  );
}
