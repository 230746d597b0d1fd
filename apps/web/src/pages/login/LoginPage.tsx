import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { useAuth } from "../../auth/AuthProvider";
import { safeNext } from "../../auth/guards";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { FullPageSpin } from "../../components/Results";
import { useI18n } from "../../i18n/I18nProvider";
import { LanguageSwitch } from "../../layout/LanguageSwitch";
import { Logo } from "../../layout/Logo";

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { user, loading, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (loading) return <FullPageSpin />;
  if (user && !submitting) return <Navigate to={next} replace />;

  const onFinish = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      applyFieldErrors(form, err);
      setError(err);
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Logo light={false} />
      <Card className="login-card" title={t("login.title")} extra={<LanguageSwitch />}>
        <ErrorAlert error={error} showFields={false} testId="login-error" />
        <Form<Credentials> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[{ required: true, whitespace: true, message: t("login.username.required") }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.password.required") }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t("auth.signIn")}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary">
        <Link to="/">{t("login.backToPortal")}</Link>
      </Typography.Text>
    </div>
  );
}
