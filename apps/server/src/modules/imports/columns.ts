import { AppError, type FieldIssue } from "../../platform/errors.ts";

/** Registry fields an import row may carry, in the order of the export's columns. */
export const IMPORT_FIELDS = [
  "uscc",
  "name",
  "formerNames",
  "aliases",
  "legalRepresentative",
  "address",
  "town",
  "industryCode",
  "aboveScale",
  "employees",
  "foundedOn",
  "exportFlag",
  "mainProducts",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header texts people use for each field (Chinese first, then English), before normalisation. */
const ALIASES: Record<ImportField, string[]> = {
  uscc: ["统一社会信用代码", "信用代码", "社会信用代码", "USCC", "credit code", "unified social credit code"],
  name: ["企业名称", "名称", "单位名称", "企业", "公司名称", "name", "enterprise name", "company name"],
  formerNames: ["曾用名", "former names", "former name"],
  aliases: ["简称", "别名", "企业简称", "aliases", "alias", "short name"],
  legalRepresentative: ["法定代表人", "法人代表", "法人", "legal representative"],
  address: ["地址", "住所", "注册地址", "企业地址", "address"],
  town: ["镇街道", "镇（街道）", "所属镇街", "所在镇街道", "乡镇", "镇街", "town"],
  industryCode: ["行业代码", "国民经济行业代码", "industry code"],
  aboveScale: ["规上企业", "是否规上", "规模以上", "规模以上企业", "above scale"],
  employees: ["从业人数", "员工人数", "职工人数", "employees"],
  foundedOn: ["成立日期", "成立时间", "founded on", "founded"],
  exportFlag: ["出口企业", "是否出口", "export", "exporter"],
  mainProducts: ["主要产品", "main products"],
};

/** The Chinese column name of each field, as the export writes it. */
export const FIELD_LABELS = Object.fromEntries(
  IMPORT_FIELDS.map((f) => [f, ALIASES[f][0] as string]),
) as Record<ImportField, string>;

/**
 * Columns the registry export writes that an import understands but does not take: brands, certifications and
 * honours have their own forms, the synthetic mark is the platform's. A sequence column is on most lists.
 */
const IGNORED = ["品牌商标", "认证", "荣誉", "演示数据", "序号", "编号"];

/**
 * Header text in a comparable form: full-width to half-width (NFKC), no spaces, brackets, required-field stars
 * or colons, lower case. "镇（街道）" and " 镇街道 " are the same column.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s()[\]{}【】〔〕<>《》*:：_\-—·.]/gu, "")
    .toLowerCase();
}

const FIELD_BY_HEADER = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS)
  for (const alias of ALIASES[field]) FIELD_BY_HEADER.set(normaliseHeader(alias), field);
const IGNORED_HEADERS = new Set(IGNORED.map(normaliseHeader));

/** The field a header names, "ignored" for known columns the import skips, or null when unknown. */
export function fieldOfHeader(text: string): ImportField | "ignored" | null {
  const key = normaliseHeader(text);
  if (key === "") return "ignored";
  return FIELD_BY_HEADER.get(key) ?? (IGNORED_HEADERS.has(key) ? "ignored" : null);
}

/** Whether a row reads like a header: one of its cells names the enterprise-name column. */
export function isHeaderRow(cells: (string | null)[]): boolean {
  return cells.some((c) => c !== null && FIELD_BY_HEADER.get(normaliseHeader(c)) === "name");
}

/** Column index → field, for the columns the import takes. */
export type ColumnMap = { index: number; field: ImportField }[];

/** Maps a header row to fields; unknown or repeated columns are an error naming them. */
export function mapColumns(header: (string | null)[]): ColumnMap {
  const columns: ColumnMap = [];
  const unknown: string[] = [];
  const seen = new Map<ImportField, string>();
  const issues: FieldIssue[] = [];
  const repeated: string[] = [];
  header.forEach((cell, index) => {
    const text = cell?.trim() ?? "";
    const field = fieldOfHeader(text);
    if (field === "ignored") return;
    if (field === null) {
      unknown.push(text);
      issues.push({ field: "file", code: "unknown_column", params: { column: text } });
      return;
    }
    const first = seen.get(field);
    if (first !== undefined) {
      repeated.push(text);
      issues.push({ field: "file", code: "duplicate_column", params: { column: text, other: first } });
      return;
    }
    seen.set(field, text);
    columns.push({ index, field });
  });
  if (unknown.length > 0)
    throw new AppError(
      "IMPORT_UNKNOWN_COLUMNS",
      { columns: unknown.join("、") },
      issues.filter((i) => i.code === "unknown_column"),
    );
  if (repeated.length > 0)
    throw new AppError("IMPORT_DUPLICATE_COLUMNS", { columns: repeated.join("、") }, issues);
  return columns;
}
