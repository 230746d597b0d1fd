import type { ImportRow } from "../../api/types";

// The column naming of an uploaded file is not fixed: look under the canonical and the Chinese header.
const NAME_KEYS = ["name", "企业名称", "enterpriseName"];
const USCC_KEYS = ["uscc", "统一社会信用代码"];

function pick(row: ImportRow, keys: string[]): string | null {
  for (const key of keys) {
    const value = row.data[key];
    if (value) return value;
  }
  return null;
}

/** The enterprise name of an import row. */
export function rowName(row: ImportRow): string | null {
  return pick(row, NAME_KEYS);
}

/** The USCC of an import row. */
export function rowUscc(row: ImportRow): string | null {
  return pick(row, USCC_KEYS);
}

/** Field errors may be reported as "uscc", "data.uscc" or "/data/uscc". */
export function rowFieldName(field: string): string {
  return field.replace(/^\/?data[./]/, "");
}
