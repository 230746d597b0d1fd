import type { FormInstance } from "antd";
import { useState } from "react";
import { applyFieldErrors } from "./formErrors";

/**
 * A form's `onFinish` around an API call: `saving` while it runs; on failure the API's field errors go on
 * the form fields and the error into `error` (for an ErrorAlert above the form).
 */
export function useFormSubmit<V>(form: FormInstance<V>, submit: (values: V) => Promise<void>) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onFinish = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      await submit(values);
    } catch (err) {
      applyFieldErrors(form, err);
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, setError, onFinish };
}
