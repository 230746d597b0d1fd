import { App, Form, Modal } from "antd";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useI18n } from "../../../i18n/I18nProvider";
import { useModalSubmit } from "../useModalSubmit";

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
  const { saving, error, onOk } = useModalSubmit(form, async (values) => {
    await submit(values);
    message.success(t("common.saved"));
    onSaved();
  });
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
