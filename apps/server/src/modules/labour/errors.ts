import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the labour module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const LABOUR_ERRORS = {
  LABOUR_NOT_A_TIMESHEET: {
    status: 422,
    zh: "这不是工时表：前 {rows} 行中没有找到含“工号”“日期”“工时”的表头",
    en: "Not a timesheet: no header with 工号 (worker id), 日期 (date) and 工时 (hours) in the first {rows} rows",
  },
  LABOUR_COLUMNS_MISSING: {
    status: 422,
    zh: "工时表缺少列：{columns}",
    en: "The timesheet lacks columns: {columns}",
  },
  LABOUR_NO_ROWS: { status: 422, zh: "工时表中没有数据行", en: "The timesheet has no data rows" },
  LABOUR_TOO_MANY_ROWS: {
    status: 413,
    zh: "工时表超过 {limit} 行，请拆分后再检查",
    en: "More than {limit} timesheet rows; split the file",
  },
  LABOUR_INVALID_ROWS: {
    status: 400,
    zh: "工时数据有误（共 {count} 处），请按标出的行和字段修改",
    en: "The timesheet has {count} invalid values; fix the rows and fields listed",
  },
  LABOUR_UNKNOWN_COUNTY: {
    status: 400,
    zh: "未知的县级行政区划代码 {county}，无法确定最低工资档次",
    en: "Unknown county code {county}: no minimum wage tier is known",
  },
  LABOUR_NO_MINIMUM_WAGE: {
    status: 422,
    zh: "无法确定最低工资标准：{detail}",
    en: "No minimum wage is known: {detail}",
  },
  LABOUR_FOREIGN_ENTERPRISE: {
    status: 403,
    zh: "企业用户只能检查本企业的工时数据",
    en: "An enterprise user may only check its own enterprise's timesheets",
  },
} as const satisfies Record<string, Bilingual & { status: number }>;

export const LABOUR_FIELD_ERRORS = {
  not_a_timesheet: {
    zh: "不是工时表（缺少“工号”“日期”“工时”表头）",
    en: "Not a timesheet (no 工号 / 日期 / 工时 header)",
  },
  missing_worker_id: { zh: "工号为空", en: "Worker id is missing" },
  bad_date: { zh: "日期无效，应为 YYYY-MM-DD", en: "Not a real date (YYYY-MM-DD)" },
  not_a_number: { zh: "应为数字", en: "Must be a number" },
  negative_hours: { zh: "工时不能为负数", en: "Hours cannot be negative" },
  hours_over_24: { zh: "一天工时不能超过 24 小时", en: "More than 24 hours in a day" },
  overtime_exceeds_hours: {
    zh: "加班工时不能超过当日总工时（总工时含加班）",
    en: "Overtime exceeds the day's hours (hours include overtime)",
  },
  negative_pay: { zh: "金额不能为负数", en: "Amounts cannot be negative" },
  not_a_boolean: { zh: "应为 是/否", en: "Must be yes or no" },
  duplicate_worker_date: {
    zh: "同一工号同一日期重复（与第 {row} 行）",
    en: "Same worker and date as row {row}",
  },
} as const satisfies Record<string, Bilingual>;
