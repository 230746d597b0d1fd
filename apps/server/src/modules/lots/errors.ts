import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the lots module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const LOT_ERRORS = {
  LOT_FOREIGN_ENTERPRISE: {
    status: 403,
    zh: "只能为本企业报检，不能代其他企业报检",
    en: "You may declare lots for your own enterprise only",
  },
  LOT_NOT_WITHDRAWABLE: {
    status: 409,
    zh: "只有待检验且尚未检验的报检可以撤回（当前状态：{status}）",
    en: "Only a lot awaiting its first inspection can be withdrawn (status: {status})",
  },
  LOT_NOT_OPEN: {
    status: 409,
    zh: "该批次当前状态为“{status}”，不在待检验或返工复检状态",
    en: "The lot is {status}; it is not awaiting inspection or re-inspection",
  },
  TASK_TAKEN: {
    status: 409,
    zh: "该批次已由检验员 {inspector} 认领",
    en: "Inspector {inspector} has already claimed this lot",
  },
  INSPECTION_DISCONTINUED: {
    status: 409,
    zh: "该企业此类产品的抽样检验已暂停（连续加严检验不合格），须经监管部门认可整改措施后恢复",
    en: "Acceptance inspection is discontinued for this enterprise and product category until its corrective action is accepted",
  },
  INSPECTION_ALREADY_RECORDED: {
    status: 409,
    zh: "该批次第 {round} 轮检验已录入，不能重复录入",
    en: "Inspection round {round} of this lot is already recorded",
  },
  VERDICT_CONTRADICTS_PLAN: {
    status: 422,
    zh: "判定与抽样方案不符：{defectClass}发现 {defects} 个，Ac={accept}、Re={reject}，应判为“{expected}”",
    en: "The verdict contradicts the plan: {defects} {defectClass} defects found with Ac {accept} / Re {reject}, so the lot is {expected}",
  },
  INSPECTION_PLAN_INVALID: {
    status: 422,
    zh: "产品类别的检验水平或 AQL 设置无效，无法确定抽样方案：{detail}",
    en: "The product category's inspection level or AQLs are invalid; no sampling plan: {detail}",
  },
  SWITCHING_NOT_DISCONTINUED: {
    status: 409,
    zh: "该企业此类产品的检验未暂停（当前：{stage}），无需恢复",
    en: "Inspection is not discontinued for this enterprise and category (stage: {stage})",
  },
  ATTACHMENT_NO_FILE: {
    status: 400,
    zh: "请在表单字段 file 中上传一个文件",
    en: "Upload one file in the form field `file`",
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    zh: "附件不能超过 {limit} MB",
    en: "Attachments are limited to {limit} MB",
  },
  ATTACHMENT_UNSUPPORTED: {
    status: 415,
    zh: "仅支持图片（JPEG、PNG、WebP、GIF）、PDF 或 XLSX 文件",
    en: "Only images (JPEG, PNG, WebP, GIF), PDF or XLSX files are accepted",
  },
} as const satisfies Record<string, Bilingual & { status: number }>;

export const LOT_FIELD_ERRORS = {
  hs_code_category: {
    zh: "HS 编码应以该产品类别的前缀开头：{prefixes}",
    en: "The HS code should start with one of the category's prefixes: {prefixes}",
  },
  unknown_country: {
    zh: "未知的国家或地区代码：{value}（应为 ISO 3166-1 两位字母代码）",
    en: "Unknown country code {value} (ISO 3166-1 alpha-2 expected)",
  },
  destination_domestic: {
    zh: "出口目的地不能是中国（CN）",
    en: "An export cannot be destined for China (CN)",
  },
  date_past: { zh: "不能早于今天（{today}）", en: "Cannot be before today ({today})" },
  self_defects_exceed_sample: {
    zh: "发现的缺陷数不能多于抽样数",
    en: "More defects found than items sampled",
  },
  self_sample_exceeds_lot: { zh: "抽样数不能多于批量", en: "The sample is larger than the lot" },
  self_pass_needs_sample: {
    zh: "自检判为合格须至少抽检 1 件",
    en: "A passed self-inspection needs at least one item sampled",
  },
  self_passed_contradiction: {
    zh: "发现 {defects} 个缺陷，超过该批量按 AQL {aql} 的合格判定数 Ac={accept}，不能判为合格",
    en: "{defects} defects exceed Ac {accept} of the lot's AQL {aql} plan; the self-inspection cannot be passed",
  },
  self_fail_needs_note: {
    zh: "自检不合格但未发现缺陷，请在备注中说明原因",
    en: "A failed self-inspection with no defects needs a note saying why",
  },
  inspection_round: { zh: "下一轮应为第 {expected} 轮", en: "The next round is {expected}" },
  within_tolerance: {
    zh: "实测 {measuredCm} cm 与规格 {specCm} cm 相差 {deviationCm} cm，未超出公差 ±{toleranceCm} cm，不构成尺寸缺陷",
    en: "Measured {measuredCm} cm is {deviationCm} cm from the {specCm} cm spec, within ±{toleranceCm} cm: not a defect",
  },
  not_measurement_defect: {
    zh: "只有尺寸类缺陷可以填写测量数据",
    en: "Only measurement defects take a measurement",
  },
  not_of_lot: { zh: "不属于该批次", en: "Does not belong to this lot" },
} as const satisfies Record<string, Bilingual>;
