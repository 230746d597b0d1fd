import { normaliseEnterpriseName, validateUscc } from "@jingwei/rules";
import type { FieldIssue } from "../../platform/errors.ts";
import { usccIssue } from "../enterprises/service.ts";
import { IMPORT_FIELDS, type ImportField } from "./columns.ts";

// One row's text → typed values for the registry, plus field issues. Pure: the towns come in as a lookup.

/** The text of a row by field, as stored and edited; null for an empty cell. */
export type RowData = Partial<Record<ImportField, string | null>>;

/** Typed values of the fields a row supplies (non-empty cells only): what an import writes. */
export interface RowValues {
  uscc?: string;
  name?: string;
  formerNames?: string[];
  aliases?: string[];
  legalRepresentative?: string;
  address?: string;
  town?: string;
  industryCode?: string;
  aboveScale?: boolean;
  employees?: number;
  foundedOn?: string;
  exportFlag?: boolean;
  mainProducts?: string;
}

export interface ValidatedRow {
  data: RowData;
  values: RowValues;
  issues: FieldIssue[];
  /** The valid, canonical USCC, for lookups and duplicate checks. */
  usccKey: string | null;
  /** The normalised name, for matching and duplicate checks. */
  nameKey: string | null;
}

/** Town codes by what people write: the code, the name (当湖街道), or the name without 镇/街道 (当湖). */
export class TownLookup {
  readonly #byKey = new Map<string, string>();

  constructor(towns: { code: string; name: string }[]) {
    const short = new Map<string, string[]>();
    for (const t of towns) {
      this.#byKey.set(townKey(t.code), t.code);
      this.#byKey.set(townKey(t.name), t.code);
      const stem = townKey(t.name).replace(/(街道|镇|乡)$/u, "");
      if (stem.length >= 2) short.set(stem, [...(short.get(stem) ?? []), t.code]);
    }
    for (const [stem, codes] of short)
      if (codes.length === 1 && !this.#byKey.has(stem)) this.#byKey.set(stem, codes[0] as string);
  }

  find(text: string): string | undefined {
    return this.#byKey.get(townKey(text));
  }
}

const townKey = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\s()]/gu, "")
    .toLowerCase();

const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  uscc: 40,
  name: 200,
  legalRepresentative: 50,
  address: 300,
  town: 40,
  industryCode: 10,
  mainProducts: 500,
};
const MAX_LIST_ITEMS = 20;
const MAX_LIST_ITEM_LENGTH = 200;
const MAX_EMPLOYEES = 1_000_000;

const TRUE = new Set(["是", "y", "yes", "true", "1", "√", "✓", "t"]);
const FALSE = new Set(["否", "n", "no", "false", "0", "×", "✗", "f"]);

export function parseBoolean(text: string): boolean | null {
  const key = text.normalize("NFKC").trim().toLowerCase();
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  return null;
}

/** A list cell: 华城集团；华城 — split on Chinese and Latin separators, blanks and repeats dropped. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[；;、,，\n]/u)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

const pad = (n: number) => String(n).padStart(2, "0");

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD, a date with a time, or an Excel serial day number (a
 * date cell that lost its format).
 */
export function parseDate(text: string): string | null {
  const t = text.normalize("NFKC").trim();
  let m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/u.exec(
      t,
    );
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{5})(?:\.\d+)?$/.exec(t);
  if (m) {
    // Excel's day 1 is 1900-01-01, counted from 1899-12-30 because of the 1900 leap-year bug. Five digits are
    // 1927 to 2173; a bare year (2020) is not a date.
    const serial = Number(m[1]);
    const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

/** 1200, 1,200, 1200人 or 1200.0 → 1200. */
export function parseCount(text: string): number | null {
  const t = text.normalize("NFKC").replace(/[\s,]/g, "").replace(/人$/u, "");
  const m = /^(\d+)(?:\.0+)?$/.exec(t);
  return m ? Number(m[1]) : null;
}

/** Trims every cell and turns blanks into null; keys other than the import's fields are dropped. */
export function cleanData(data: Record<string, string | null | undefined>): RowData {
  const out: RowData = {};
  for (const field of IMPORT_FIELDS) {
    if (!(field in data)) continue;
    const v = data[field];
    out[field] = typeof v === "string" ? v.trim() || null : null;
  }
  return out;
}

/** Validates one row on its own (duplicates inside the file are checked by the caller). */
export function validateRow(input: RowData, towns: TownLookup): ValidatedRow {
  const data = cleanData(input);
  const issues: FieldIssue[] = [];
  const values: RowValues = {};
  let usccKey: string | null = null;

  for (const field of IMPORT_FIELDS) {
    const text = data[field];
    if (text === null || text === undefined) {
      if (field === "name") issues.push({ field, code: "required" });
      continue;
    }
    const limit = MAX_LENGTH[field];
    if (limit !== undefined && [...text].length > limit) {
      issues.push({ field, code: "too_long", params: { limit } });
      continue;
    }
    switch (field) {
      case "uscc": {
        const v = validateUscc(text);
        if (v.ok) {
          values.uscc = v.value;
          usccKey = v.value;
        } else issues.push(usccIssue(field, v));
        break;
      }
      case "formerNames":
      case "aliases": {
        const list = splitList(text);
        if (list.length > MAX_LIST_ITEMS)
          issues.push({ field, code: "out_of_range", params: { limit: MAX_LIST_ITEMS } });
        else if (list.some((x) => [...x].length > MAX_LIST_ITEM_LENGTH))
          issues.push({ field, code: "too_long", params: { limit: MAX_LIST_ITEM_LENGTH } });
        else if (list.length > 0) values[field] = list;
        break;
      }
      case "town": {
        const code = towns.find(text);
        if (code) values.town = code;
        else issues.push({ field, code: "unknown_town", params: { value: text } });
        break;
      }
      case "industryCode": {
        const code = text.normalize("NFKC").replace(/\s/g, "").toUpperCase();
        if (/^[A-T]?\d{2,4}$/.test(code)) values.industryCode = code;
        else issues.push({ field, code: "format" });
        break;
      }
      case "aboveScale":
      case "exportFlag": {
        const b = parseBoolean(text);
        if (b === null) issues.push({ field, code: "boolean" });
        else values[field] = b;
        break;
      }
      case "employees": {
        const n = parseCount(text);
        if (n === null) issues.push({ field, code: "number" });
        else if (n > MAX_EMPLOYEES) issues.push({ field, code: "out_of_range" });
        else values.employees = n;
        break;
      }
      case "foundedOn": {
        const d = parseDate(text);
        if (d === null) issues.push({ field, code: "date" });
        else values.foundedOn = d;
        break;
      }
      default:
        values[field] = text;
    }
  }
  const nameKey = values.name ? normaliseEnterpriseName(values.name) : null;
  return { data, values, issues, usccKey, nameKey };
}

/** The first row a USCC or a name was seen in; a later row with the same one is a duplicate. */
export class DuplicateTracker {
  readonly #uscc = new Map<string, number>();
  readonly #name = new Map<string, { row: number; hasUscc: boolean }>();

  /**
   * Records the row's keys and returns its duplicate issue, if any. The same USCC twice is a duplicate; the same
   * normalised name is one only when a row lacks a USCC: two codes are two legal entities, whatever the names.
   */
  check(rowNumber: number, usccKey: string | null, nameKey: string | null): FieldIssue | null {
    let issue: FieldIssue | null = null;
    if (usccKey !== null) {
      const first = this.#uscc.get(usccKey);
      if (first !== undefined) issue = { field: "uscc", code: "duplicate_in_file", params: { row: first } };
      else this.#uscc.set(usccKey, rowNumber);
    }
    if (nameKey !== null) {
      const first = this.#name.get(nameKey);
      if (first === undefined) this.#name.set(nameKey, { row: rowNumber, hasUscc: usccKey !== null });
      else if (issue === null && (usccKey === null || !first.hasUscc))
        issue = { field: "name", code: "duplicate_in_file", params: { row: first.row } };
    }
    return issue;
  }
}
