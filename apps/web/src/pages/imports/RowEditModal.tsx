import { Alert, Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import type { FieldError, ImportRow } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldLabel } from "../../components/fieldLabel";
import { applyFieldErrors } from "../../components/formErrors";
import { useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";
import { rowFieldName } from "./importFields";

type RowData = Record<string, string | null>;

interface RowEditModalProps {
  jobId: string;
  /** the row being edited; null = closed */
  row: ImportRow | null;
  onClose: () => void;
  /** called with the revalidated row after every successful save */
  onSaved: (row: ImportRow) => void;
}

/** Fixes the data of an error row (PUT …/rows/:rowNumber); stays open while the row still has errors. */
export function RowEditModal({ jobId, row, onClose, onSaved }: RowEditModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<RowData>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [stillInvalid, setStillInvalid] = useState(false);
  const [current, setCurrent] = useState<ImportRow | null>(row);

  const showErrors = (errors: FieldError[]) =>
    form.setFields(errors.map((e) => ({ name: rowFieldName(e.field), errors: [e.message] })));

  // biome-ignore lint/correctness/useExhaustiveDependencies: reinitialise only when another row is opened
  useEffect(() => {
    setCurrent(row);
    setError(null);
    setStillInvalid(false);
    if (!row) return;
    form.resetFields();
    form.setFieldsValue(row.data);
    showErrors(row.errors);
  }, [row]);

  const keys = current
    ? [...new Set([...Object.keys(current.data), ...current.errors.map((e) => rowFieldName(e.field))])]
    : [];

  const onOk = async () => {
    if (!current) return;
    const values = form.getFieldsValue();
    // only the cells that changed: cells left out keep their value on the server
    const data: RowData = Object.fromEntries(
      keys
        .map((k) => [k, values[k]?.trim() || null] as const)
        .filter(([k, v]) => v !== (current.data[k] ?? null)),
    );
    setSaving(true);
    setError(null);
    try {
      const updated = await api<ImportRow>(
        `/api/v1/imports/${encodeURIComponent(jobId)}/rows/${current.rowNumber}`,
        {
          method: "PUT",
          body: { data },
        },
      );
      onSaved(updated);
      if (updated.status === "error") {
        setCurrent(updated);
        setStillInvalid(true);
        showErrors(updated.errors);
      } else {
        onClose();
      }
    } catch (err) {
      applyFieldErrors(form, err, rowFieldName);
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={row !== null}
      title={t("imports.edit.title", { row: current?.rowNumber ?? "" })}
      onCancel={onClose}
      onOk={onOk}
      okText={t("imports.edit.save")}
      confirmLoading={saving}
      okButtonProps={testId("import-row-save")}
      width={640}
      destroyOnHidden
    >
      {stillInvalid ? (
        <Alert type="warning" showIcon title={t("imports.edit.stillInvalid")} style={{ marginBottom: 16 }} />
      ) : null}
      <ErrorAlert error={error} showFields={false} />
      <Form<RowData> form={form} layout="vertical" data-testid="import-row-form">
        {keys.map((key) => (
          <Form.Item key={key} name={key} label={fieldLabel(key, t)}>
            <Input allowClear data-testid={`import-row-field-${key}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
