import { Form, Input, Modal } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";

interface ReasonModalProps {
  open: boolean;
  title: string;
  /** What the text is (理由, 驳回意见…); also the field the API names in its errors. */
  label: string;
  /** Shown above the field: what will happen. */
  description?: string;
  okText: string;
  danger?: boolean;
  testIdPrefix: string;
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
}

/** Confirmation of a consequential action that needs a written reason (remove, reject, revoke, withdraw). */
export function ReasonModal({
  open,
  title,
  label,
  description,
  okText,
  danger = false,
  testIdPrefix,
  onSubmit,
  onClose,
}: ReasonModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFinish = async ({ text }: { text: string }) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit(text.trim());
    } catch (err) {
      // Whatever the API calls the field (reason, note), it is this form's one text field.
      applyFieldErrors(form, err, () => "text");
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger, ...testId(`${testIdPrefix}-confirm`) }}
      confirmLoading={saving}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {description ? <p>{description}</p> : null}
      <ErrorAlert error={error} showFields={false} />
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          name="text"
          label={label}
          rules={[{ required: true, whitespace: true, message: t("form.required") }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${testIdPrefix}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
