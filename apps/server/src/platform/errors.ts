import { CASE_ERRORS, CASE_FIELD_ERRORS } from "../modules/cases/errors.ts";
import { CLASSIFICATION_ERRORS, CLASSIFICATION_FIELD_ERRORS } from "../modules/classification/errors.ts";
import { EVALUATION_ERRORS, EVALUATION_FIELD_ERRORS } from "../modules/evaluations/errors.ts";
import { INDICATOR_ERRORS, INDICATOR_FIELD_ERRORS } from "../modules/indicators/errors.ts";
import { LABOUR_ERRORS, LABOUR_FIELD_ERRORS } from "../modules/labour/errors.ts";
import { LOT_ERRORS, LOT_FIELD_ERRORS } from "../modules/lots/errors.ts";
import { PRIVILEGE_ERRORS, PRIVILEGE_FIELD_ERRORS } from "../modules/privileges/errors.ts";
import { VIDEO_ERRORS, VIDEO_FIELD_ERRORS } from "../modules/video/errors.ts";
import { type Bilingual, type Locale, type MessageParams, say } from "./i18n.ts";

/** Stable error codes with their HTTP status and zh/en message. Clients switch on `code`, people read `message`. */
export const ERRORS = {
  VALIDATION: { status: 400, zh: "提交的数据有误，请检查标出的字段", en: "Some fields are invalid" },
  BAD_REQUEST: { status: 400, zh: "请求无效：{detail}", en: "Bad request: {detail}" },
  UNAUTHENTICATED: { status: 401, zh: "请先登录", en: "Please sign in" },
  SESSION_EXPIRED: {
    status: 401,
    zh: "登录已过期，请重新登录",
    en: "Your session has expired; please sign in again",
  },
  INVALID_CREDENTIALS: { status: 401, zh: "用户名或密码错误", en: "Wrong username or password" },
  ACCOUNT_DISABLED: { status: 403, zh: "账号已停用，请联系管理员", en: "This account is disabled" },
  CSRF: {
    status: 403,
    zh: "请求校验失败，请刷新页面后重试",
    en: "Missing or invalid CSRF token; reload the page",
  },
  FORBIDDEN: { status: 403, zh: "当前角色无权执行此操作", en: "Your role may not do this" },
  NOT_FOUND: { status: 404, zh: "记录不存在或无权查看", en: "Not found, or not yours to see" },
  ROUTE_NOT_FOUND: { status: 404, zh: "接口不存在", en: "No such endpoint" },
  USCC_TAKEN: {
    status: 409,
    zh: "统一社会信用代码 {uscc} 已登记",
    en: "Unified social credit code {uscc} is already registered",
  },
  USERNAME_TAKEN: { status: 409, zh: "用户名 {username} 已存在", en: "Username {username} already exists" },
  CONFLICT: { status: 409, zh: "数据已被他人修改，请刷新后重试", en: "The record changed meanwhile; reload" },
  FILE_TOO_LARGE: { status: 413, zh: "文件过大（上限 {limit} MB）", en: "File too large (limit {limit} MB)" },
  UNSUPPORTED_FILE: {
    status: 415,
    zh: "无法识别的文件格式，请上传 XLSX 或 CSV",
    en: "Unrecognised file format; upload XLSX or CSV",
  },
  FILE_CORRUPT: { status: 422, zh: "文件已损坏或无法读取", en: "The file is corrupt or unreadable" },
  IMPORT_NO_HEADER: {
    status: 422,
    zh: "未找到表头：第一行须包含“企业名称”等列",
    en: "No header row found: the first row must name the columns (企业名称, …)",
  },
  IMPORT_UNKNOWN_COLUMNS: {
    status: 422,
    zh: "无法识别的列：{columns}",
    en: "Unknown columns: {columns}",
  },
  IMPORT_EMPTY: { status: 422, zh: "文件中没有数据行", en: "The file has no data rows" },
  IMPORT_TOO_MANY_ROWS: { status: 413, zh: "行数超过上限 {limit}", en: "More than {limit} rows" },
  IMPORT_UNRESOLVED: {
    status: 422,
    zh: "仍有 {errors} 行错误、{pending} 行疑似匹配未确认，无法提交",
    en: "{errors} rows with errors and {pending} unconfirmed potential matches remain",
  },
  IMPORT_DUPLICATE_COLUMNS: {
    status: 422,
    zh: "列重复：{columns}",
    en: "Columns given more than once: {columns}",
  },
  IMPORT_NO_FILE: {
    status: 400,
    zh: "请在表单字段 file 中上传文件",
    en: "Upload the file in the form field `file`",
  },
  IMPORT_NO_CANDIDATES: {
    status: 409,
    zh: "该行没有疑似匹配，无需确认",
    en: "This row has no potential matches to decide on",
  },
  IMPORT_INTERRUPTED: {
    status: 500,
    zh: "导入处理被中断（服务重启），请重新上传",
    en: "The import was interrupted (server restart); upload the file again",
  },
  // {status}: the job's status in words (imports' JOB_STATUS_TEXT).
  IMPORT_STATE: {
    status: 409,
    zh: "导入当前状态为“{status}”，不能执行此操作",
    en: "The import is {status}; not allowed now",
  },
  RATE_LIMITED: { status: 429, zh: "操作过于频繁，请稍后再试", en: "Too many requests; try again later" },
  INTERNAL: { status: 500, zh: "服务器内部错误", en: "Internal server error" },
  // Each module's own codes live beside it (modules/<name>/errors.ts).
  ...CLASSIFICATION_ERRORS,
  ...LOT_ERRORS,
  ...PRIVILEGE_ERRORS,
  ...VIDEO_ERRORS,
  ...INDICATOR_ERRORS,
  ...EVALUATION_ERRORS,
  ...LABOUR_ERRORS,
  ...CASE_ERRORS,
} as const satisfies Record<string, Bilingual & { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

/** Field-level problems: the same codes in every locale, messages in the request's language. */
export const FIELD_ERRORS = {
  required: { zh: "必填", en: "Required" },
  type: { zh: "类型不正确，应为{expected}", en: "Wrong type; expected {expected}" },
  format: { zh: "格式不正确", en: "Invalid format" },
  too_long: { zh: "不能超过 {limit} 个字符", en: "At most {limit} characters" },
  too_short: { zh: "至少 {limit} 个字符", en: "At least {limit} characters" },
  out_of_range: { zh: "超出允许范围", en: "Out of range" },
  not_allowed: { zh: "取值不在允许范围内", en: "Not one of the allowed values" },
  unknown_field: { zh: "不认识的字段", en: "Unknown field" },
  uscc_length: { zh: "统一社会信用代码应为 18 位", en: "A unified social credit code has 18 characters" },
  uscc_charset: {
    zh: "统一社会信用代码含非法字符（不使用 I、O、S、V、Z）",
    en: "Invalid character in the code (I, O, S, V, Z are not used)",
  },
  uscc_check: {
    zh: "统一社会信用代码校验位错误（应为 {expected}）",
    en: "Check character is wrong (expected {expected})",
  },
  uscc_taken: { zh: "该统一社会信用代码已登记", en: "This code is already registered" },
  unknown_town: { zh: "未知的镇/街道：{value}", en: "Unknown town or sub-district: {value}" },
  unknown_type: { zh: "未知的类型：{value}", en: "Unknown type: {value}" },
  date: { zh: "日期格式应为 YYYY-MM-DD", en: "Dates are written YYYY-MM-DD" },
  date_order: { zh: "开始日期不能晚于结束日期", en: "The start date is after the end date" },
  number: { zh: "应为非负整数", en: "Must be a whole number ≥ 0" },
  boolean: { zh: "应为 是/否", en: "Must be yes or no" },
  enterprise_required: {
    zh: "企业用户必须绑定企业",
    en: "An enterprise user must be bound to an enterprise",
  },
  weak_password: { zh: "密码至少 8 位", en: "Passwords have at least 8 characters" },
  uscc_required_for_new: {
    zh: "新建企业需要统一社会信用代码",
    en: "A new enterprise needs a unified social credit code",
  },
  duplicate_in_file: { zh: "与第 {row} 行重复", en: "Duplicates row {row}" },
  file_too_large: { zh: "文件超过 {limit} MB", en: "The file is larger than {limit} MB" },
  unsupported_file: {
    zh: "不是 XLSX 或 CSV 文件（{detected}）",
    en: "Not an XLSX or CSV file ({detected})",
  },
  file_corrupt: {
    zh: "文件已损坏或不是有效的 Excel 工作簿",
    en: "The file is damaged or not a valid Excel workbook",
  },
  missing_name_column: {
    zh: "前 {rows} 行中没有“企业名称”列",
    en: "No 企业名称 (enterprise name) column in the first {rows} rows",
  },
  unknown_column: { zh: "无法识别的列“{column}”", en: "Unknown column “{column}”" },
  duplicate_column: {
    zh: "列“{column}”与“{other}”是同一字段",
    en: "Column “{column}” repeats “{other}”",
  },
  no_rows: { zh: "表头下没有数据行", en: "No data rows below the header" },
  too_many_rows: { zh: "超过 {limit} 行，请拆分文件", en: "More than {limit} rows; split the file" },
  ...CLASSIFICATION_FIELD_ERRORS,
  ...LOT_FIELD_ERRORS,
  ...PRIVILEGE_FIELD_ERRORS,
  ...VIDEO_FIELD_ERRORS,
  ...INDICATOR_FIELD_ERRORS,
  ...EVALUATION_FIELD_ERRORS,
  ...LABOUR_FIELD_ERRORS,
  ...CASE_FIELD_ERRORS,
} as const satisfies Record<string, Bilingual>;

export type FieldErrorCode = keyof typeof FIELD_ERRORS;

export interface FieldIssue {
  field: string;
  code: FieldErrorCode;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** The message's placeholders; a Bilingual value is said in the request's language. */
    readonly params: MessageParams = {},
    readonly fields: FieldIssue[] = [],
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.status = ERRORS[code].status;
  }
}

export function validationError(fields: FieldIssue[]): AppError {
  return new AppError("VALIDATION", {}, fields);
}

export function fieldMessage(issue: FieldIssue, locale: Locale): string {
  return say(FIELD_ERRORS[issue.code], locale, issue.params);
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; code: string; message: string }[] };
}

export function errorBody(err: AppError, locale: Locale): ErrorBody {
  const body: ErrorBody = { error: { code: err.code, message: say(ERRORS[err.code], locale, err.params) } };
  if (err.fields.length > 0) {
    body.error.fields = err.fields.map((f) => ({
      field: f.field,
      code: f.code,
      message: fieldMessage(f, locale),
    }));
  }
  return body;
}
