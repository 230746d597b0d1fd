import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { api } from "../../api/client";
import { errorMessage } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";
import { ClassTag } from "./ClassTag";
import { CLASSES, type ClassDetail, type EnterpriseClass } from "./types";

/** How far ahead an override may run (the server refuses more). */
const MAX_YEARS = 3;

interface OverrideValues {
  class: EnterpriseClass;
  reason: string;
  expiresOn: Dayjs | null;
}

interface OverrideCardProps {
  detail: ClassDetail;
  editable: boolean;
  onSaved: (detail: ClassDetail) => void;
}

/** A manual class with a reason and an expiry; the computed class applies again once it ends. */
export function OverrideCard({ detail, editable, onSaved }: OverrideCardProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OverrideValues>();
  const [saving, setSaving] = useState(false);
  const override = detail.override;
  const url = `/api/v1/classes/${detail.enterprise.id}/override`;

  const save = async (values: OverrideValues) => {
    setSaving(true);
    try {
      const next = await api<ClassDetail>(url, {
        method: "PUT",
        body: {
          class: values.class,
          reason: values.reason,
          expiresOn: values.expiresOn?.format("YYYY-MM-DD"),
        },
      });
      message.success(t("classPage.override.saved"));
      form.resetFields();
      onSaved(next);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err, t));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    try {
      const next = await api<ClassDetail>(url, { method: "DELETE" });
      message.success(t("classPage.override.removed"));
      onSaved(next);
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  return (
    <Card title={t("classPage.override")} size="small">
      {override ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} data-testid="override-current">
          <Descriptions.Item label={t("classPage.override.class")}>
            <Space>
              <ClassTag cls={override.class} />
              <Typography.Text type={override.inForce ? undefined : "secondary"}>
                {t(override.inForce ? "classPage.override.inForce" : "classPage.override.expired", {
                  class: t(`class.${override.class}` as MessageKey),
                  date: override.expiresOn,
                })}
              </Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("classPage.override.reason")}>{override.reason}</Descriptions.Item>
          {override.by ? (
            <Descriptions.Item label={t("classPage.history.decidedBy")}>{override.by}</Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">{t("classPage.override.none")}</Typography.Paragraph>
      )}
      {editable ? (
        <Form<OverrideValues> form={form} layout="vertical" onFinish={save} data-testid="override-form">
          <Space wrap align="start">
            <Form.Item
              name="class"
              label={t("classPage.override.class")}
              rules={[{ required: true, message: t("form.required") }]}
            >
              <Select
                style={{ width: 120 }}
                options={CLASSES.map((c) => ({ value: c, label: t(`class.${c}` as MessageKey) }))}
                data-testid="override-class"
              />
            </Form.Item>
            <Form.Item
              name="expiresOn"
              label={t("classPage.override.expiresOn")}
              rules={[{ required: true, message: t("form.required") }]}
            >
              <DatePicker
                disabledDate={(d) =>
                  !d.isAfter(dayjs(), "day") || d.isAfter(dayjs().add(MAX_YEARS, "year"), "day")
                }
                data-testid="override-expires"
              />
            </Form.Item>
          </Space>
          <Form.Item
            name="reason"
            label={t("classPage.override.reason")}
            rules={[{ required: true, whitespace: true, message: t("form.required") }]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="override-reason" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="override-save">
              {t("classPage.override.set")}
            </Button>
            {override ? (
              <Popconfirm
                title={t("classPage.override.remove")}
                description={t("classPage.override.removeConfirm")}
                onConfirm={remove}
                okButtonProps={testId("override-remove-confirm")}
              >
                <Button danger data-testid="override-remove">
                  {t("classPage.override.remove")}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        </Form>
      ) : null}
    </Card>
  );
}
