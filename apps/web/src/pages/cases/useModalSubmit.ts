import type { FormInstance } from "antd";
import { useState } from "react";
import { applyFieldErrors } from "../../components/formErrors";

/**
 * The OK of a modal form around an API call: validates the form, `saving` while `submit` runs; the API's field
 * errors go on the fields, any other error into `error` (for an ErrorAlert above the form).
 */
export function useModalSubmit<V>(form: FormInstance<V>, submit: (values: V) => Promise<void>) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await submit(values);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, setError, onOk };
}
