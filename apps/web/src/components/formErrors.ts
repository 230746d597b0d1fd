import type { FormInstance } from "antd";
import { ApiError } from "../api/client";

type NamePath = (string | number)[];

/** "certifications[0].validTo", "certifications.0.validTo" or "/certifications/0/validTo" → antd name path. */
export function toNamePath(field: string): NamePath {
  return field
    .replace(/\[(\d+)\]/g, ".$1")
    .split(/[./]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the API's field errors (`error.fields[]`) on the matching form items.
 * Returns whether there were any, so callers can decide whether to show a general alert as well.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  toName: (field: string) => NamePath | string = toNamePath,
): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const names = error.fields.map((f) => toName(f.field));
  form.setFields(error.fields.map((f, i) => ({ name: names[i] ?? f.field, errors: [f.message] })));
  const first = names[0];
  if (first !== undefined) form.scrollToField(first);
  return true;
}
