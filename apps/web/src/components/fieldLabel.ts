import { isMessageKey, type Translate } from "../i18n/I18nProvider";

/** Label of a record field (enterprise fields, then common ones such as a user's), else the raw name. */
export function fieldLabel(field: string, t: Translate): string {
  for (const key of [`enterprise.field.${field}`, `field.${field}`]) {
    if (isMessageKey(key)) return t(key);
  }
  return field;
}

// catalogue prefix of the properties of each list of an enterprise
const ITEM_PREFIX: Record<string, string> = {
  certifications: "cert",
  honours: "honour",
  brands: "brand",
  contacts: "contact",
};

/** Label of an API field path: "certifications[0].validTo" → "认证 #1 有效期至". */
export function fieldPathLabel(path: string, t: Translate): string {
  const match = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(path);
  if (!match?.[1]) return path;
  const [, list, index, leaf] = match;
  const parts = [fieldLabel(list, t)];
  if (index !== undefined) parts.push(`#${Number(index) + 1}`);
  if (leaf) {
    const key = `${ITEM_PREFIX[list] ?? ""}.${leaf}`;
    parts.push(isMessageKey(key) ? t(key) : leaf);
  }
  return parts.join(" ");
}
