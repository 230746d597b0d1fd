import {
  App,
  Button,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
} from "antd";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import { useReference } from "../../api/reference";
import type { BrandKind, Enterprise, EnterpriseInput } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { useI18n } from "../../i18n/I18nProvider";
import { changedFields, dateItemProps, toFormValues, toRequestBody } from "./enterpriseForm";
import { Half, ListSection } from "./ListSection";

export const BRAND_KINDS: BrandKind[] = ["brand", "trademark", "famous_trademark"];

interface EnterpriseFormDrawerProps {
  open: boolean;
  /** the enterprise to edit; absent = create */
  enterprise?: Enterprise;
  onClose: () => void;
  onSaved: (enterprise: Enterprise) => void;
}

const fullWidth = { width: "100%" };

function BasicFields() {
  const { t } = useI18n();
  const towns = useReference("towns");
  return (
    <Row gutter={16}>
      <Half>
        <Form.Item
          name="uscc"
          label={t("enterprise.field.uscc")}
          normalize={(v: string) => v.toUpperCase().replace(/\s/g, "")}
          rules={[
            { required: true, message: t("form.required") },
            { len: 18, message: t("enterprise.uscc.length") },
          ]}
        >
          <Input maxLength={18} showCount data-testid="enterprise-form-uscc" />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item
          name="name"
          label={t("enterprise.field.name")}
          rules={[{ required: true, whitespace: true, message: t("form.required") }]}
        >
          <Input data-testid="enterprise-form-name" />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="formerNames" label={t("enterprise.field.formerNames")}>
          <Select mode="tags" open={false} suffixIcon={null} placeholder={t("form.tagsHint")} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="aliases" label={t("enterprise.field.aliases")}>
          <Select mode="tags" open={false} suffixIcon={null} placeholder={t("form.tagsHint")} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="town" label={t("enterprise.field.town")}>
          <Select allowClear showSearch={{ optionFilterProp: "label" }} options={towns.options} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="legalRepresentative" label={t("enterprise.field.legalRepresentative")}>
          <Input />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="industryCode" label={t("enterprise.field.industryCode")}>
          <Input />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="foundedOn" label={t("enterprise.field.foundedOn")} {...dateItemProps}>
          <DatePicker style={fullWidth} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="employees" label={t("enterprise.field.employees")}>
          <InputNumber min={0} precision={0} style={fullWidth} />
        </Form.Item>
      </Half>
      <Half>
        <Flex gap={32}>
          <Form.Item name="aboveScale" label={t("enterprise.field.aboveScale")} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="exportFlag" label={t("enterprise.field.exportFlag")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
      </Half>
      <Half>
        <Form.Item name="address" label={t("enterprise.field.address")}>
          <Input />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="mainProducts" label={t("enterprise.field.mainProducts")}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Half>
    </Row>
  );
}

function RelatedLists() {
  const { t } = useI18n();
  const certTypes = useReference("certification-types");
  const honourTypes = useReference("honour-types");
  const required = [{ required: true, whitespace: true, message: t("form.required") }];
  return (
    <>
      <ListSection
        name="certifications"
        title={t("enterprise.tab.certifications")}
        addLabel={t("cert.add")}
        newItem={{ type: undefined }}
        renderItem={(i) => (
          <>
            <Half>
              <Form.Item name={[i, "type"]} label={t("cert.type")} rules={required}>
                <Select showSearch={{ optionFilterProp: "label" }} options={certTypes.options} />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item name={[i, "number"]} label={t("cert.number")}>
                <Input />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item name={[i, "issuer"]} label={t("cert.issuer")}>
                <Input />
              </Form.Item>
            </Half>
            <Half>
              <Flex gap={12}>
                <Form.Item name={[i, "validFrom"]} label={t("cert.validFrom")} {...dateItemProps}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name={[i, "validTo"]} label={t("cert.validTo")} {...dateItemProps}>
                  <DatePicker />
                </Form.Item>
              </Flex>
            </Half>
          </>
        )}
      />
      <ListSection
        name="honours"
        title={t("enterprise.tab.honours")}
        addLabel={t("honour.add")}
        newItem={{ title: "" }}
        renderItem={(i) => (
          <>
            <Half>
              <Form.Item name={[i, "title"]} label={t("honour.title")} rules={required}>
                <Input />
              </Form.Item>
            </Half>
            <Half>
              <Flex gap={12}>
                <Form.Item name={[i, "type"]} label={t("honour.type")} style={{ flex: 1 }}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: "label" }}
                    options={honourTypes.options}
                  />
                </Form.Item>
                <Form.Item name={[i, "level"]} label={t("honour.level")} style={{ flex: 1 }}>
                  <Input />
                </Form.Item>
              </Flex>
            </Half>
            <Half>
              <Form.Item name={[i, "issuer"]} label={t("honour.issuer")}>
                <Input />
              </Form.Item>
            </Half>
            <Half>
              <Flex gap={12}>
                <Form.Item name={[i, "recognisedOn"]} label={t("honour.recognisedOn")} {...dateItemProps}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name={[i, "documentNumber"]} label={t("honour.documentNumber")}>
                  <Input />
                </Form.Item>
              </Flex>
            </Half>
          </>
        )}
      />
      <ListSection
        name="brands"
        title={t("enterprise.tab.brands")}
        addLabel={t("brand.add")}
        newItem={{ name: "", kind: "brand" }}
        renderItem={(i) => (
          <>
            <Half>
              <Form.Item name={[i, "name"]} label={t("brand.name")} rules={required}>
                <Input />
              </Form.Item>
            </Half>
            <Half>
              <Flex gap={12}>
                <Form.Item
                  name={[i, "kind"]}
                  label={t("brand.kind")}
                  rules={[{ required: true, message: t("form.required") }]}
                >
                  <Select
                    style={{ width: 150 }}
                    options={BRAND_KINDS.map((k) => ({ value: k, label: t(`brand.kind.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[i, "registeredOn"]} label={t("brand.registeredOn")} {...dateItemProps}>
                  <DatePicker />
                </Form.Item>
              </Flex>
            </Half>
          </>
        )}
      />
      <ListSection
        name="contacts"
        title={t("enterprise.tab.contacts")}
        addLabel={t("contact.add")}
        newItem={{ name: "" }}
        renderItem={(i) => (
          <>
            <Half>
              <Form.Item name={[i, "name"]} label={t("contact.name")} rules={required}>
                <Input />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item name={[i, "role"]} label={t("contact.role")}>
                <Input />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item name={[i, "phone"]} label={t("contact.phone")}>
                <Input />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item
                name={[i, "email"]}
                label={t("contact.email")}
                rules={[{ type: "email", message: t("form.email") }]}
              >
                <Input />
              </Form.Item>
            </Half>
          </>
        )}
      />
    </>
  );
}

/** Create / edit form for an enterprise in a drawer; the API's field errors land on the form items. */
export function EnterpriseFormDrawer({ open, enterprise, onClose, onSaved }: EnterpriseFormDrawerProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseInput>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(toFormValues(enterprise));
  }, [open, enterprise, form]);

  const onFinish = async () => {
    // the whole store, not just the registered fields: list items keep properties the form does not show
    const body = toRequestBody(form.getFieldsValue(true) as EnterpriseInput);
    setError(null);
    setSaving(true);
    try {
      let saved: Enterprise;
      if (enterprise) {
        const patch = changedFields(toRequestBody(toFormValues(enterprise)), body);
        if (Object.keys(patch).length === 0) {
          message.info(t("form.noChanges"));
          onClose();
          return;
        }
        saved = await api<Enterprise>(`/api/v1/enterprises/${enterprise.id}`, {
          method: "PATCH",
          body: patch,
        });
      } else {
        saved = await api<Enterprise>("/api/v1/enterprises", { method: "POST", body });
      }
      onSaved(saved);
    } catch (err) {
      applyFieldErrors(form, err);
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={enterprise ? t("enterprise.edit.title", { name: enterprise.name }) : t("enterprises.create")}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => form.submit()}
            data-testid="enterprise-save-button"
          >
            {t("common.save")}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={error} />
      <Form<EnterpriseInput>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError
        data-testid="enterprise-form"
      >
        <BasicFields />
        <Divider style={{ margin: "8px 0" }} />
        <RelatedLists />
      </Form>
    </Drawer>
  );
}
