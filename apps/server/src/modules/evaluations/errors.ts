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
  // The issue's own message in each language (packages/rules evaluation/validate-messages.ts).
  system_issue: { zh: "{zh}", en: "{en}" },
  answer_issue: { zh: "答案不符合要求：{message}", en: "{message}" },
  unknown_indicator: { zh: "没有这个指标", en: "No such indicator" },
  file_not_of_assessment: {
    zh: "附件不属于本次评价",
    en: "The file is not attached to this assessment",
  },
  auditor_unknown: { zh: "审核员账号不存在或不是工作人员", en: "Unknown auditor or not a staff account" },
  // Refusals of the stage machine (packages/rules evaluation/stages.ts) and of the CAP machine (cap.ts).
  stage_terminal: { zh: "评价已结束或已取消", en: "The assessment is closed or cancelled" },
  stage_unchanged: { zh: "评价已处于该阶段", en: "The assessment is already in that stage" },
  stage_skipped: { zh: "不能跳过阶段：{skipped}", en: "Stages cannot be skipped: {skipped}" },
  transition_not_allowed: { zh: "不允许的阶段转换", en: "This stage change is not allowed" },
  action_not_allowed_in_stage: { zh: "当前阶段不能执行该操作", en: "Not possible in the current stage" },
  role_not_allowed: { zh: "当前角色不能执行该操作", en: "Your role may not take this step" },
  self_assessment_incomplete: {
    zh: "请先回答所有适用的自评指标",
    en: "Answer every applicable self-assessment indicator first",
  },
  auditor_not_assigned: { zh: "尚未指派审核员", en: "No auditor is assigned" },
  site_visit_missing: { zh: "尚未进行现场走访", en: "The site visit has not taken place" },
  worker_interviews_missing: { zh: "尚未记录员工访谈", en: "No worker interviews are recorded" },
  document_review_missing: { zh: "文件审查尚未完成", en: "The document review is not done" },
  trial_start_missing: { zh: "未记录试运行开始日期", en: "The start of the trial run is not recorded" },
  trial_too_short: {
    zh: "试运行至少 {minTrialMonths} 个月，{earliest} 起方可复评",
    en: "The trial run lasts at least {minTrialMonths} months: re-assessment from {earliest}",
  },
  rating_missing: { zh: "评分尚未得出等级", en: "The score gives no level yet" },
  validity_missing: { zh: "该等级没有有效期", en: "The level has no validity period" },
  cap_items_open: {
    zh: "仍有 {openCapItems} 项整改未关闭",
    en: "{openCapItems} corrective actions are still open",
  },
  reason_required: { zh: "请说明原因", en: "Give a reason" },
  cap_closed: { zh: "整改项已关闭", en: "The item is closed" },
  action_not_allowed_in_status: {
    zh: "整改项当前状态下不能执行该操作",
    en: "Not possible in the item's status",
  },
  root_cause_missing: { zh: "请填写根本原因", en: "Give the root cause" },
  corrective_action_missing: { zh: "请填写整改措施", en: "Describe the corrective action" },
  evidence_missing: { zh: "请上传至少一份整改证据", en: "Attach at least one evidence file" },
  comment_missing: { zh: "驳回时请填写意见", en: "Say why the answer is rejected" },
  verification_missing: { zh: "请说明验证方式", en: "Say how the action was verified" },
} as const satisfies Record<string, Bilingual>;
