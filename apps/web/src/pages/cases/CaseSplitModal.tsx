import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, List, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/I18nProvider";
import { displayTrackingNumber, useCategories, useDepartments } from "./shared";
import type { SplitPart } from "./types";
import { useModalSubmit } from "./useModalSubmit";

interface Values {
  parts: { category?: string; title?: string; description?: string }[];
}

/**
 * 拆分 (coordinators): the further problems of one case become new cases, each routed by its category. The
 * server checks each part as a new submission; its field errors (parts[i].title …) land on the part's fields.
 */
export function CaseSplitModal({
  caseId,
  open,
  onClose,
  onDone,
}: {
  caseId: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const departments = useDepartments(open);
  const [created, setCreated] = useState<SplitPart[] | null>(null);
  const required = [{ required: true, message: t("form.required") }];
  const departmentName = (id: string | null) =>
    departments.options.find((d) => d.value === id)?.label ?? t("cases.split.unrouted");

  const { saving, error, setError, onOk } = useModalSubmit(form, async (values) => {
    const res = await api<{ parts: SplitPart[] }>(`/api/v1/cases/${caseId}/split`, {
      method: "POST",
      body: values,
    });
    setCreated(res.parts);
    onDone();
  });
  const close = () => {
    setCreated(null);
    setError(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t("cases.split.title")}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={
        created
          ? [
              <Button key="close" type="primary" onClick={close} data-testid="split-close">
                {t("cases.split.close")}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t("common.cancel")}
              </Button>,
              <Button key="ok" type="primary" loading={saving} onClick={onOk} data-testid="split-ok">
                {t("cases.split.ok")}
              </Button>,
            ]
      }
    >
      {created ? (
        <>
          <Alert type="success" showIcon title={t("cases.split.done", { n: created.length })} />
          <List
            data-testid="split-result"
            dataSource={created}
            renderItem={(p) => (
              <List.Item>
                <Link to={`/console/cases/${p.id}`} data-testid="split-link">
                  {displayTrackingNumber(p.trackingNumber)}
                </Link>
                <Typography.Text style={{ flex: 1, marginLeft: 12 }}>{p.title}</Typography.Text>
                <Typography.Text type="secondary">{departmentName(p.departmentId)}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t("cases.split.hint")}</Typography.Paragraph>
          <ErrorAlert error={error} showFields={false} />
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ parts: [{}] }}
            data-testid="split-form"
          >
            <Form.List name="parts">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, i) => (
                    <Card
                      key={field.key}
                      size="small"
                      title={t("cases.split.part", { n: i + 1 })}
                      style={{ marginBottom: 12 }}
                      data-testid="split-part"
                      extra={
                        fields.length > 1 ? (
                          <Button
                            size="small"
                            type="text"
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t("cases.split.remove")}
                          />
                        ) : null
                      }
                    >
                      <Form.Item
                        name={[field.name, "category"]}
                        label={t("cases.field.category")}
                        rules={required}
                      >
                        <Select
                          showSearch={{ optionFilterProp: "label" }}
                          options={categories.options}
                          data-testid="split-category"
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, "title"]} label={t("cases.field.title")} rules={required}>
                        <Input maxLength={100} data-testid="split-title" />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, "description"]}
                        label={t("cases.field.description")}
                        rules={required}
                      >
                        <Input.TextArea rows={3} maxLength={5000} data-testid="split-description" />
                      </Form.Item>
                    </Card>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({})}
                    disabled={fields.length >= 50}
                    data-testid="split-add"
                  >
                    {t("cases.split.add")}
                  </Button>
                </>
              )}
            </Form.List>
          </Form>
        </>
      )}
    </Modal>
  );
}
