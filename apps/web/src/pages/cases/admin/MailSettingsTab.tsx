import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Space, Switch } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../../api/client";
import { useApi } from "../../../api/useApi";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useFormSubmit } from "../../../components/useFormSubmit";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MailMode, MailSettings } from "../types";

interface Values {
  mode: MailMode;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password?: string;
  from: string;
}

const MODES: MailMode[] = ["environment", "console", "off"];

/** SMTP 发件设置: the environment's settings by default, the console's when chosen; a test mail to check them. */
export function MailSettingsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const settings = useApi<MailSettings>("/api/v1/mail-settings");
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch("mode", form);
  const s = settings.data;

  useEffect(() => {
    if (s) form.setFieldsValue({ ...s, password: undefined });
  }, [s, form]);

  const save = useFormSubmit(form, async (values) => {
    // An empty password field keeps the stored one (the server never sends it back).
    const { password, ...rest } = values;
    const body = { ...rest, username: rest.username ?? "", host: rest.host ?? "", from: rest.from ?? "" };
    settings.setData(
      await api<MailSettings>("/api/v1/mail-settings", {
        method: "PUT",
        body: password ? { ...body, password } : body,
      }),
    );
    message.success(t("common.saved"));
  });

  const [testForm] = Form.useForm<{ to: string }>();
  const [testResult, setTestResult] = useState<string | null>(null);
  const test = useFormSubmit(testForm, async ({ to }) => {
    setTestResult(null);
    await api("/api/v1/mail-settings/test", { method: "POST", body: { to } });
    setTestResult(t("cases.admin.smtp.testSent", { to }));
    message.success(t("cases.admin.smtp.testSent", { to }));
  });

  const required = [{ required: mode === "console", message: t("form.required") }];
  return (
    <>
      <ErrorAlert error={settings.error} onRetry={settings.reload} />
      {s ? (
        <Alert
          type={s.active ? "success" : "info"}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="smtp-active"
          title={
            s.active
              ? t("cases.admin.smtp.activeSet", {
                  source: t(`cases.admin.smtp.source.${s.active.source}`),
                  host: s.active.host,
                  port: s.active.port,
                  from: s.active.from,
                })
              : t("cases.admin.smtp.activeNone")
          }
        />
      ) : null}
      <Card size="small" title={t("cases.admin.smtp.env")} style={{ marginBottom: 16 }}>
        {s?.environment ? (
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t("cases.admin.smtp.host")}>
              {s.environment.host}:{s.environment.port}
            </Descriptions.Item>
            <Descriptions.Item label={t("cases.admin.smtp.from")}>{s.environment.from}</Descriptions.Item>
            <Descriptions.Item label={t("cases.admin.smtp.username")}>
              {s.environment.username || "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("cases.admin.smtp.secure")}>
              {s.environment.secure ? t("common.yes") : t("common.no")}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          t("cases.admin.smtp.envNone")
        )}
      </Card>
      <ErrorAlert error={save.error} showFields={false} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save.onFinish}
        style={{ maxWidth: 560 }}
        data-testid="smtp-form"
      >
        <Form.Item name="mode" label={t("cases.admin.smtp.mode")}>
          <Radio.Group>
            <Space orientation="vertical">
              {MODES.map((m) => (
                <Radio key={m} value={m} data-testid={`smtp-mode-${m}`}>
                  {t(`cases.admin.smtp.mode.${m}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {mode === "console" ? (
          <>
            <div style={{ display: "flex", gap: 12 }}>
              <Form.Item name="host" label={t("cases.admin.smtp.host")} rules={required} style={{ flex: 1 }}>
                <Input maxLength={255} data-testid="smtp-host" />
              </Form.Item>
              <Form.Item name="port" label={t("cases.admin.smtp.port")} rules={required}>
                <InputNumber min={1} max={65535} data-testid="smtp-port" />
              </Form.Item>
            </div>
            <Form.Item name="secure" label={t("cases.admin.smtp.secure")} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="username" label={t("cases.admin.smtp.username")}>
              <Input maxLength={255} autoComplete="off" data-testid="smtp-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("cases.admin.smtp.password")}
              extra={s?.passwordSet ? t("cases.admin.smtp.passwordKeep") : undefined}
            >
              <Input.Password maxLength={255} autoComplete="new-password" data-testid="smtp-password" />
            </Form.Item>
            <Form.Item name="from" label={t("cases.admin.smtp.from")} rules={required}>
              <Input maxLength={255} placeholder="jingwei@example.gov.cn" data-testid="smtp-from" />
            </Form.Item>
          </>
        ) : null}
        <Button type="primary" htmlType="submit" loading={save.saving} data-testid="smtp-save">
          {t("common.save")}
        </Button>
      </Form>
      <Card size="small" title={t("cases.admin.smtp.test")} style={{ marginTop: 24, maxWidth: 560 }}>
        <ErrorAlert error={test.error} showFields={false} />
        {testResult ? (
          <Alert type="success" showIcon title={testResult} style={{ marginBottom: 12 }} />
        ) : null}
        <Form form={testForm} layout="inline" onFinish={test.onFinish} data-testid="smtp-test-form">
          <Form.Item
            name="to"
            rules={[
              { required: true, message: t("form.required") },
              { type: "email", message: t("cases.admin.smtp.badAddress") },
            ]}
          >
            <Input
              placeholder={t("cases.admin.smtp.testTo")}
              style={{ width: 280 }}
              data-testid="smtp-test-to"
            />
          </Form.Item>
          <Button htmlType="submit" loading={test.saving} disabled={!s?.active} data-testid="smtp-test">
            {t("cases.admin.smtp.testSend")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
