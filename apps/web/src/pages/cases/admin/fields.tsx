import { Form, Input, InputNumber, Switch } from "antd";
import type { ColumnType } from "antd/es/table";
import type { MessageKey, Translate } from "../../../i18n/I18nProvider";
import { useI18n } from "../../../i18n/I18nProvider";

// The fields and columns the departments and categories tabs share.

interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** The code and the Chinese and English names; `codeLocked` once the code is a record's key. */
export function CodeNameFields({ codeLocked }: { codeLocked?: boolean }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t("form.required") }];
  return (
    <>
      <Form.Item name="code" label={t("cases.admin.code")} rules={required}>
        <Input maxLength={40} disabled={codeLocked} />
      </Form.Item>
      <Form.Item name="nameZh" label={t("cases.admin.nameZh")} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="nameEn" label={t("cases.admin.nameEn")} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}

/** The sort order and the active switch. */
export function OrderActiveFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="sortOrder" label={t("cases.admin.sortOrder")}>
        <InputNumber min={0} max={10000} />
      </Form.Item>
      <Form.Item name="active" label={t("cases.admin.active")} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}

/** The code column and the name column in the interface's language. */
export function codeNameColumns<T extends Named>(
  t: Translate,
  locale: string,
  codeWidth: number,
): ColumnType<T>[] {
  return [
    { title: t("cases.admin.code"), dataIndex: "code", width: codeWidth },
    { title: t("cases.admin.name"), render: (_, r) => (locale === "zh-CN" ? r.nameZh : r.nameEn) },
  ];
}

/** A boolean column shown as yes or no. */
export function yesNoColumn<T>(
  t: Translate,
  title: MessageKey,
  dataIndex: string,
  width: number,
): ColumnType<T> {
  return {
    title: t(title),
    dataIndex,
    width,
    render: (v: boolean) => (v ? t("common.yes") : t("common.no")),
  };
}
