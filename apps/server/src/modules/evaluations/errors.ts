import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the evaluations module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const EVALUATION_ERRORS = {
  EVALUATION_SYSTEM_PUBLISHED: {
    status: 409,
    zh: "评价体系 {code} {version} 已发布，不能修改；请另存为新的草稿版本",
    en: "Version {version} of {code} is published and frozen; edit a new draft version",
  },
  EVALUATION_SYSTEM_INVALID: {
    status: 422,
    zh: "评价体系有 {count} 处错误，请按标出的位置修改",
    en: "The evaluation system has {count} errors; see the fields listed",
  },
  EVALUATION_SYSTEM_EXISTS: {
    status: 409,
    zh: "评价体系 {code} 的版本 {version} 已存在",
    en: "Version {version} of {code} already exists",
  },
  EVALUATION_SYSTEM_NOT_PUBLISHED: {
    status: 409,
    zh: "评价体系尚未发布，不能用于评价",
    en: "The evaluation system is not published; assessments need a published version",
  },
  EVALUATION_STAGE_REFUSED: {
    status: 409,
    zh: "不能执行该阶段操作：{reason}",
    en: "This stage action is refused: {reason}",
  },
  EVALUATION_STAGE_LOCKED: {
    status: 409,
    zh: "评价当前处于“{stage}”阶段，不能执行此操作",
    en: "The assessment is in stage {stage}; not allowed now",
  },
  EVALUATION_ANSWERS_INVALID: {
    status: 400,
    zh: "答案有误（共 {count} 处），请按标出的指标修改",
    en: "{count} answers are invalid; see the indicators listed",
  },
  EVALUATION_CAP_REFUSED: {
    status: 409,
    zh: "不能执行该整改操作：{reason}",
    en: "This corrective action step is refused: {reason}",
  },
  EVALUATION_NOT_AUDITOR: {
    status: 403,
    zh: "只有本次评价的审核员（行业协会或被指派人员）可以执行此操作",
    en: "Only the assessment's auditors (the association or assigned staff) may do this",
  },
} as const satisfies Record<string, Bilingual & { status: number }>;

export const EVALUATION_FIELD_ERRORS = {
  system_issue: { zh: "{message}", en: "{message}" },
  answer_issue: { zh: "{message}", en: "{message}" },
  unknown_indicator: { zh: "没有这个指标", en: "No such indicator" },
  file_not_of_assessment: {
    zh: "附件不属于本次评价",
    en: "The file is not attached to this assessment",
  },
  auditor_unknown: { zh: "审核员账号不存在或不是工作人员", en: "Unknown auditor or not a staff account" },
  enterprise_unknown: { zh: "企业不存在", en: "No such enterprise" },
} as const satisfies Record<string, Bilingual>;
