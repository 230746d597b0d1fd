import dayjs, { type Dayjs } from "dayjs";
import type { Enterprise, EnterpriseInput } from "../../api/types";

export const EDITABLE_FIELDS = [
  "uscc",
  "name",
  "formerNames",
  "aliases",
  "town",
  "legalRepresentative",
  "address",
  "industryCode",
  "aboveScale",
  "employees",
  "foundedOn",
  "exportFlag",
  "mainProducts",
  "brands",
  "certifications",
  "honours",
  "contacts",
] as const satisfies readonly (keyof EnterpriseInput)[];

export const EMPTY_ENTERPRISE: EnterpriseInput = {
  uscc: "",
  name: "",
  formerNames: [],
  aliases: [],
  town: null,
  legalRepresentative: null,
  address: null,
  industryCode: null,
  aboveScale: false,
  employees: null,
  foundedOn: null,
  exportFlag: false,
  mainProducts: null,
  brands: [],
  certifications: [],
  honours: [],
  contacts: [],
};

export function toFormValues(enterprise: Enterprise | undefined): EnterpriseInput {
  if (!enterprise) return EMPTY_ENTERPRISE;
  return Object.fromEntries(EDITABLE_FIELDS.map((k) => [k, enterprise[k]])) as EnterpriseInput;
}

/** Trims strings, turns "" into null and drops blank list entries, recursively. */
function clean(value: unknown): unknown {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  }
  if (Array.isArray(value)) {
    return value.map(clean).filter((v) => v !== null && v !== undefined);
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => [k, clean(v)] as const);
    return entries.every(([, v]) => v === null || v === undefined) ? null : Object.fromEntries(entries);
  }
  return value ?? null;
}

export function toRequestBody(values: EnterpriseInput): EnterpriseInput {
  const body = clean({ ...EMPTY_ENTERPRISE, ...values }) as EnterpriseInput;
  return { ...body, uscc: body.uscc ?? "", name: body.name ?? "" };
}

/** For PATCH: only the fields whose value changed (arrays replace as a whole). */
export function changedFields(before: EnterpriseInput, after: EnterpriseInput): Partial<EnterpriseInput> {
  const changes: Record<string, unknown> = {};
  for (const key of EDITABLE_FIELDS) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) changes[key] = after[key];
  }
  return changes as Partial<EnterpriseInput>;
}

/** Form.Item props binding an ISO date string (YYYY-MM-DD) to a DatePicker. */
export const dateItemProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === "string" && value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format("YYYY-MM-DD") : null),
};
