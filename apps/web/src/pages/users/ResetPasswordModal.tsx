import { App, Form, Input, Modal } from "antd";
import { api } from "../../api/client";
import type { User } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";

interface PasswordValues {
  password: string;
  confirm: string;
}

/** Sets a new password for `user` (null = closed). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const { saving, error, setError, onFinish } = useFormSubmit(form, async ({ password }: PasswordValues) => {
    if (!user) return;
    await api<void>(`/api/v1/users/${encodeURIComponent(user.id)}/reset-password`, {
      method: "POST",
      body: { password },
    });
    message.success(t("users.resetPassword.done", { name: user.displayName }));
    onClose();
  });

  return (
    <Modal
      open={user !== null}
      title={t("users.resetPassword.title", { name: user?.displayName ?? "" })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={testId("user-reset-submit")}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      <ErrorAlert error={error} showFields={false} />
      <Form<PasswordValues> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          name="password"
          label={t("users.newPassword")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-reset-password-input" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("users.confirmPassword")}
          dependencies={["password"]}
          rules={[
            { required: true, message: t("form.required") },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue("password") === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("users.passwordMismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-reset-confirm-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
