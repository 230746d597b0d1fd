import { Form, Input, Modal, Select } from "antd";
import { api } from "../../api/client";
import type { NewUserInput, User } from "../../api/types";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";
import { roleOptions } from "./roleOptions";

interface CreateUserModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}

export function CreateUserModal({ open, onClose, onCreated }: CreateUserModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewUserInput>();
  const role = Form.useWatch("role", form);
  const required = { required: true, whitespace: true, message: t("form.required") };

  const { saving, error, setError, onFinish } = useFormSubmit(form, async (values: NewUserInput) => {
    const body: NewUserInput = {
      ...values,
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      enterpriseId: values.role === "enterprise" ? values.enterpriseId : null,
    };
    onCreated(await api<User>("/api/v1/users", { method: "POST", body }));
  });

  return (
    <Modal
      open={open}
      title={t("users.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.create")}
      confirmLoading={saving}
      okButtonProps={testId("user-create-submit")}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      <ErrorAlert error={error} showFields={false} />
      <Form<NewUserInput> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item name="username" label={t("users.username")} rules={[required]}>
          <Input autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t("users.displayName")} rules={[required]}>
          <Input data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t("users.role")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <Select options={roleOptions(t)} data-testid="user-form-role" />
        </Form.Item>
        {role === "enterprise" ? (
          <Form.Item
            name="enterpriseId"
            label={t("users.enterprise")}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <EnterpriseSelect />
          </Form.Item>
        ) : null}
        <Form.Item
          name="password"
          label={t("users.password")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
