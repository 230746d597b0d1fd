import { App, Form, Modal } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyFieldErrors } from "../../../components/formErrors";
import { useI18n } from "../../../i18n/I18nProvider";

/** A modal form posting to the API, with field errors on the fields (the case settings' tabs). */
export function EditModal<V extends object>({
  title,
  open,
  initial,
  submit,
  onClose,
  onSaved,
  children,
}: {
  title: string;
  open: boolean;
  initial: Partial<V>;
  submit: (values: V) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await submit(values);
      message.success(t("common.saved"));
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={error} />
      <Form<V> form={form} layout="vertical" initialValues={initial as never} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
