import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the classification module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const CLASSIFICATION_ERRORS = {
  RULE_SET_FROZEN: {
    status: 409,
    zh: "规则集 {version} 已{status}，不能再修改或发布；请以它为基础新建草稿",
    en: "Rule set {version} is {status} and frozen; create a new draft from it instead",
  },
  RULE_SET_VERSION_TAKEN: {
    status: 409,
    zh: "规则集版本号 {version} 已存在",
    en: "Rule set version {version} already exists",
  },
  RULE_SET_INVALID: {
    status: 422,
    zh: "规则集有 {count} 处错误，不能发布",
    en: "The rule set has {count} errors and cannot be published",
  },
  ENTERPRISE_NOT_ASSESSED: {
    status: 422,
    zh: "该企业尚无评审打分，不能分类；请先录入评审清单",
    en: "This enterprise has no checklist assessment yet; score the checklist first",
  },
  ASSESSMENT_NOT_APPLICABLE: {
    status: 422,
    zh: "最近一次评审打分不符合现行规则集 {version}，请重新评审",
    en: "The latest checklist does not fit the rule set in force ({version}); assess again",
  },
  OVERRIDE_NONE: {
    status: 409,
    zh: "该企业没有人工调整的类别",
    en: "This enterprise has no manual class override",
  },
} as const satisfies Record<string, Bilingual & { status: number }>;

/**
 * Field codes: every RuleSetIssueCode of packages/rules validateRuleSet (so a refused publication names the
 * issue at its path, e.g. bands[2].min band_gap), and the checks of assessments, overrides and categories.
 */
export const CLASSIFICATION_FIELD_ERRORS = {
  version_missing: { zh: "规则集需要版本号", en: "The rule set needs a version label" },
  element_unknown: { zh: "未知的评审要素", en: "Unknown assessment element" },
  element_duplicate: { zh: "评审要素重复", en: "Assessment element listed twice" },
  element_missing: { zh: "缺少评审要素", en: "An assessment element is missing" },
  element_weight_invalid: { zh: "权重应为不小于 0 的数", en: "A weight is a number ≥ 0" },
  element_max_score_invalid: { zh: "满分应为大于 0 的数", en: "A maximum score is a number > 0" },
  weights_sum: { zh: "九项要素的权重之和应为 100", en: "The nine weights must sum to 100" },
  band_class_unknown: { zh: "未知的企业类别", en: "Unknown enterprise class" },
  band_class_duplicate: { zh: "同一类别有多个分数段", en: "A class has more than one score band" },
  band_class_missing: { zh: "有类别没有分数段", en: "A class has no score band" },
  band_range_invalid: { zh: "分数段下限应小于上限", en: "A band needs min < max" },
  band_gap: {
    zh: "分数段之间有空缺：部分分数不属于任何类别",
    en: "Gap between bands: some scores fall in no class",
  },
  band_overlap: {
    zh: "分数段重叠：部分分数同时属于两个类别",
    en: "Bands overlap: some scores fall in two classes",
  },
  band_coverage: { zh: "分数段须覆盖 0–100", en: "The bands must cover 0–100" },
  band_order: {
    zh: "分数越高类别不能越差",
    en: "A higher score must never give a worse class",
  },
  signal_id_duplicate: { zh: "信号规则编号重复", en: "Signal rule id used twice" },
  signal_metric_unknown: { zh: "未知的信号指标", en: "Unknown signal metric" },
  signal_window_invalid: {
    zh: "统计期应为不小于 1 的整月数",
    en: "The window is a whole number of months ≥ 1",
  },
  signal_comparison_unknown: { zh: "未知的比较方式", en: "Unknown comparison" },
  signal_threshold_invalid: {
    zh: "阈值无效（合格率为 0–100 的百分数，计数不小于 0）",
    en: "Invalid threshold (a pass rate is 0–100 %, a count ≥ 0)",
  },
  signal_effect_invalid: { zh: "信号规则的作用无效", en: "Invalid effect of a signal rule" },
  mode_matrix_incomplete: { zh: "监管模式矩阵不完整", en: "The mode matrix is incomplete" },
  mode_unknown: { zh: "未知的监管模式", en: "Unknown supervision mode" },
  mode_matrix_not_monotone: {
    zh: "类别更差或风险更高时监管模式反而更宽松",
    en: "A worse class or higher risk gets a lighter mode",
  },
  sampling_share_range: { zh: "抽批比例应为 0–1", en: "A sampling share is from 0 to 1" },
  sampling_share_must_be_one: {
    zh: "严密监管和特别监管逐批检验，比例须为 1",
    en: "Stringent and special supervision inspect every lot: the share must be 1",
  },
  aql_not_in_series: {
    zh: "AQL 应为 GB/T 2828.1 优先数系中的值（如 0.65、1.0、2.5、4.0）",
    en: "The AQL must be one of the GB/T 2828.1 series (0.65, 1.0, 2.5, 4.0…)",
  },
  inspection_level_unknown: {
    zh: "检验水平应为 S-1、S-2、S-3、S-4、I、II、III 之一",
    en: "The inspection level is one of S-1, S-2, S-3, S-4, I, II, III",
  },
  assessment_score_range: { zh: "得分应在 0 到 {max} 之间", en: "The score is from 0 to {max}" },
  assessment_element_unknown: {
    zh: "现行规则集没有这一评审要素",
    en: "The rule set in force has no such element",
  },
  date_in_future: { zh: "日期不能晚于今天", en: "The date cannot be after today" },
  override_expiry_past: { zh: "到期日须晚于今天", en: "The expiry date must be after today" },
  override_expiry_too_far: {
    zh: "到期日最晚为 {limit}",
    en: "The expiry date is {limit} at the latest",
  },
  enterprise_unknown: { zh: "企业不存在", en: "No such enterprise" },
} as const satisfies Record<string, Bilingual>;
