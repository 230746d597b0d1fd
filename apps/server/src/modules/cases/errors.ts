import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the cases module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const CASE_ERRORS = {
  // {reason}: why the workflow refuses (a Bilingual from workflow.ts REFUSAL_TEXT).
  CASE_ACTION_REFUSED: {
    status: 409,
    zh: "该案件当前不能执行此操作：{reason}",
    en: "This case does not allow that now: {reason}",
  },
  CASE_IDEMPOTENCY_MISMATCH: {
    status: 422,
    zh: "该 Idempotency-Key 已用于另一份不同内容的提交",
    en: "This Idempotency-Key was already used for a different submission",
  },
  DEPARTMENT_CODE_TAKEN: {
    status: 409,
    zh: "部门代码 {code} 已存在",
    en: "Department code {code} already exists",
  },
  MAIL_NOT_CONFIGURED: {
    status: 409,
    zh: "未配置 SMTP 发件服务器，邮件仅保存在发件箱中",
    en: "No SMTP server is configured: mail stays in the outbox",
  },
  // {detail}: the SMTP server's answer or the connection error.
  MAIL_SEND_FAILED: {
    status: 502,
    zh: "邮件发送失败：{detail}",
    en: "The mail could not be sent: {detail}",
  },
  CASE_CATEGORY_TAKEN: {
    status: 409,
    zh: "类别代码 {code} 已存在",
    en: "Category code {code} already exists",
  },
} as const satisfies Record<string, Bilingual & { status: number }>;

export const CASE_FIELD_ERRORS = {
  case_category_unknown: { zh: "请选择一个有效的问题类别", en: "Choose one of the categories" },
  case_department_unknown: { zh: "部门不存在或已停用", en: "No such active department" },
  case_same_department: { zh: "案件已在该部门", en: "The case is already with this department" },
  case_control_character: { zh: "文字中含有控制字符", en: "The text contains control characters" },
  case_invalid_unicode: { zh: "文字中含有无法识别的字符", en: "The text contains broken characters" },
  case_newline: { zh: "此项请写在一行内", en: "Keep this field on one line" },
  case_no_letters: { zh: "请用文字描述问题", en: "Write the problem in words" },
  case_duplicate_target: {
    zh: "目标案件不存在、是自身、本身是重复件或已终结",
    en: "The target case is missing, this case itself, a duplicate, or ended",
  },
  case_salon_unknown: { zh: "沙龙活动不存在", en: "No such salon" },
  case_enterprise_unknown: { zh: "企业不存在", en: "No such enterprise" },
  case_user_unknown: { zh: "用户不存在或不是工作人员", en: "No such staff user" },
  case_calendar_date: { zh: "日期有误：{detail}", en: "Invalid date: {detail}" },
  case_sla_order: {
    zh: "时限须满足 受理 ≤ 首次答复 ≤ 办结",
    en: "Deadlines must satisfy acknowledge ≤ first answer ≤ resolve",
  },
} as const satisfies Record<string, Bilingual>;
