import { App, Form, Input, Modal, Select } from "antd";
import { api } from "../../api/client";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/I18nProvider";
import { displayTrackingNumber, useCategories } from "./shared";
import { type Channel, STAFF_CHANNELS } from "./types";
import { useModalSubmit } from "./useModalSubmit";

interface Values {
  category: string;
  title: string;
  description: string;
  contact?: string;
  enterpriseName?: string;
  channel?: Channel;
  enterpriseId?: string | null;
}

interface Props {
  open: boolean;
  /** Staff record a call, letter, petition…; an enterprise user raises its own. */
  staff: boolean;
  salonId?: string;
  onClose: () => void;
  onCreated: (created: { id: string; trackingNumber: string }) => void;
}

/** 登记诉求: a coordinator records a problem from any channel, an enterprise user raises its own. */
export function CaseCreateModal({ open, staff, salonId, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();

  const { saving, error, onOk } = useModalSubmit(form, async (values) => {
    const body = Object.fromEntries(
      Object.entries({ ...values, ...(salonId ? { channel: "salon", salonId } : {}) }).filter(
        ([, v]) => v !== undefined && v !== null && v !== "",
      ),
    );
    const created = await api<{ id: string; trackingNumber: string }>("/api/v1/cases", {
      method: "POST",
      body,
    });
    message.success(t("cases.create.created", { number: displayTrackingNumber(created.trackingNumber) }));
    form.resetFields();
    onCreated(created);
  });

  return (
    <Modal
      open={open}
      title={t("cases.create.title")}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "case-create-ok" } as never}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={error} showFields={false} />
      <Form<Values> form={form} layout="vertical" data-testid="case-create-form">
        {staff && !salonId ? (
          <Form.Item
            name="channel"
            label={t("cases.field.channel")}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <Select
              options={STAFF_CHANNELS.filter((c) => c !== "salon").map((c) => ({
                value: c,
                label: t(`cases.channel.${c}`),
              }))}
              data-testid="create-channel"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="category"
          label={t("cases.field.category")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <Select options={categories.options} data-testid="create-category" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("cases.field.title")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <Input maxLength={100} data-testid="create-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t("cases.field.description")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <Input.TextArea rows={4} maxLength={5000} data-testid="create-description" />
        </Form.Item>
        {staff ? (
          <>
            <Form.Item name="enterpriseId" label={t("cases.field.enterprise")}>
              <EnterpriseSelect />
            </Form.Item>
            <Form.Item name="enterpriseName" label={t("cases.field.enterpriseName")}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="contact" label={t("cases.field.contact")}>
          <Input maxLength={100} data-testid="create-contact" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
