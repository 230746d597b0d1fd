// The messages of validateEvaluationSystem's issues, in Chinese and English, keyed by code. validate.ts passes
// each issue's parameters (the value found, the sum, the band bounds…) and, for a code said in several ways, a
// `variant`; the console and the API show the text of the reader's language. The parameters of every call are
// checked against the templates by the compiler (IssueParamsOf), and validate-messages.test.ts checks that every
// code validate.ts emits has both texts.
import type { LocalizedText } from "./types.ts";
import type { SystemIssueCode } from "./validate.ts";

export type IssueParams = Readonly<Record<string, string | number>>;

type Variants = { readonly variants: Readonly<Record<string, LocalizedText>> };
type MessageEntry = LocalizedText | Variants;

/** Sections are 要素 and bands 分数段 in the console; codes and ids stay as written. */
export const SYSTEM_ISSUE_MESSAGES = {
  id_invalid: {
    zh: "标识 {value} 无效：须为 1–64 个字母、数字、“_”或“-”，以字母或数字开头",
    en: 'id {value} must be 1–64 letters, digits, "_" or "-"',
  },
  version_missing: { zh: "请填写版本号", en: "the system needs a version label" },
  text_missing: {
    variants: {
      both: { zh: "请填写中文和英文", en: "needs a Chinese and an English text" },
      zh: { zh: "中文不能为空", en: "the Chinese text is empty" },
      en: { zh: "英文不能为空", en: "the English text is empty" },
    },
  },
  kind_unknown: { zh: "未知的体系类型“{value}”", en: 'unknown kind "{value}"' },
  status_unknown: {
    zh: "状态须为 draft（草稿）或 published（已发布）",
    en: 'status must be "draft" or "published"',
  },
  scoring_method_unknown: {
    zh: "未知的计分方法“{value}”：应为 weightedPercent（加权百分比）或 pointsSum（分值累加）",
    en: 'unknown scoring method "{value}"',
  },
  sections_empty: {
    variants: {
      notObject: { zh: "评价体系须为一个对象", en: "an evaluation system must be an object" },
      none: { zh: "评价体系至少需要一个要素", en: "the system has no sections" },
    },
  },
  section_empty: { zh: "要素“{section}”没有指标", en: 'section "{section}" has no indicators' },
  section_id_duplicate: {
    zh: "要素标识“{value}”重复使用",
    en: 'section id "{value}" is used twice',
  },
  indicator_id_duplicate: {
    zh: "指标标识“{value}”在体系中重复使用",
    en: 'indicator id "{value}" is used twice in the system',
  },
  indicator_type_unknown: {
    zh: "未知的指标类型“{value}”，应为 {types} 之一",
    en: 'unknown indicator type "{value}"; one of {types}',
  },
  weight_missing: {
    variants: {
      section: {
        zh: "按加权百分比计分时，每个要素都需要权重",
        en: "weightedPercent needs a weight on every section",
      },
      indicator: {
        zh: "按加权百分比计分时，每个指标都需要权重",
        en: "weightedPercent needs a weight on every indicator",
      },
    },
  },
  weight_invalid: { zh: "权重须为 ≥ 0 的数字", en: "weight must be a number ≥ 0" },
  weights_sum: {
    variants: {
      sections: {
        zh: "各要素权重之和为 {sum}，应为 100",
        en: "section weights sum to {sum}, not 100",
      },
      indicators: {
        zh: "要素“{section}”的指标权重之和为 {sum}，应为 100",
        en: 'indicator weights of section "{section}" sum to {sum}, not 100',
      },
    },
  },
  weight_ignored: {
    variants: {
      section: { zh: "按分值累加计分时不使用要素权重", en: "pointsSum ignores section weights" },
      indicator: { zh: "按分值累加计分时不使用指标权重", en: "pointsSum ignores indicator weights" },
    },
  },
  max_points_invalid: { zh: "满分须为大于 0 的数字", en: "maxPoints must be a number > 0" },
  partial_points_invalid: {
    variants: {
      invalid: { zh: "“部分符合”得分须为 ≥ 0 的数字", en: "partialPoints must be a number ≥ 0" },
      tooHigh: {
        zh: "“部分符合”得分须低于满分 {max}",
        en: "partialPoints must be below maxPoints {max}",
      },
    },
  },
  unit_missing: { zh: "数值指标需要单位", en: "a number needs a unit" },
  range_invalid: {
    variants: {
      min: { zh: "最小值须为数字", en: "min must be a number" },
      max: { zh: "最大值须为数字", en: "max must be a number" },
      order: { zh: "最小值 {min} 大于最大值 {max}", en: "min {min} is greater than max {max}" },
    },
  },
  scoring_direction_unknown: {
    zh: "方向须为 higherIsBetter（越高越好）或 lowerIsBetter（越低越好）",
    en: 'direction must be "higherIsBetter" or "lowerIsBetter"',
  },
  scoring_steps_empty: {
    variants: {
      noScoring: { zh: "数值指标需要阈值计分", en: "a number needs threshold scoring" },
      noSteps: { zh: "阈值计分至少需要一档", en: "threshold scoring needs at least one step" },
    },
  },
  scoring_step_invalid: {
    variants: {
      threshold: { zh: "阈值须为数字", en: "threshold must be a number" },
      points: {
        zh: "档位得分须为 0 到满分之间的数字",
        en: "step points must be a number from 0 to maxPoints",
      },
    },
  },
  scoring_step_out_of_range: {
    zh: "阈值 {threshold} 超出最小值–最大值范围",
    en: "threshold {threshold} lies outside min–max",
  },
  scoring_full_unreachable: {
    variants: {
      options: {
        zh: "没有任何答案能得到满分 {max}（最高 {best}）",
        en: "no answer earns maxPoints {max} (best {best})",
      },
      steps: {
        zh: "没有任何档位能得到满分 {max}（最高 {best}）",
        en: "no step earns maxPoints {max} (best {best})",
      },
    },
  },
  options_too_few: { zh: "选择题至少需要两个选项", en: "a choice needs at least two options" },
  option_id_duplicate: { zh: "选项标识“{value}”重复使用", en: 'option id "{value}" is used twice' },
  option_points_missing: { zh: "选项“{option}”没有得分", en: 'option "{option}" has no points' },
  option_points_invalid: {
    zh: "选项得分须为 0 到满分之间的数字",
    en: "option points must be a number from 0 to maxPoints",
  },
  min_files_invalid: { zh: "最少文件数须为 ≥ 1 的整数", en: "minFiles must be a whole number ≥ 1" },
  metric_name_invalid: {
    zh: "平台数据项 {value} 格式不对，应为“命名空间.驼峰名称”，如 labour.monthlyOvertimeOver36h",
    en: 'metric {value} must look like "namespace.camelCaseName"',
  },
  metric_unknown: {
    zh: "平台尚不能计算数据项“{value}”",
    en: 'the platform does not compute "{value}" yet',
  },
  provenance_missing: {
    variants: {
      missing: {
        zh: "请注明出处：source（引用来源）或 authored（自行编写）",
        en: 'say where it comes from: "source" (cite it) or "authored"',
      },
      kind: {
        zh: "出处类型须为 source（引用来源）或 authored（自行编写）",
        en: 'provenance kind must be "source" or "authored"',
      },
    },
  },
  provenance_cite_missing: {
    zh: "引用来源须写明出处",
    en: "a source provenance must cite its source",
  },
  levels_empty: {
    variants: {
      noRating: { zh: "评价体系需要评级方案", en: "the system needs a rating scheme" },
      none: { zh: "评级至少需要一个等级", en: "the rating needs at least one level" },
    },
  },
  level_duplicate: { zh: "等级“{level}”重复列出", en: 'level "{level}" is listed twice' },
  level_unknown: { zh: "未知的等级 {value}", en: "unknown level {value}" },
  level_period_invalid: {
    variants: {
      validityMonths: {
        zh: "有效期须为大于 0 的整月数",
        en: "validityMonths must be a whole number of months > 0",
      },
      followUpMonths: {
        zh: "复查间隔须为大于 0 的整月数",
        en: "followUpMonths must be a whole number of months > 0",
      },
    },
  },
  bands_empty: { zh: "至少需要一个分数段", en: "at least one band is needed" },
  band_range_invalid: {
    zh: "分数段的下限和上限须为数字，且下限小于上限",
    en: "a band needs numbers min < max",
  },
  band_level_duplicate: {
    zh: "等级 {level} 有不止一个分数段",
    en: "level {level} has more than one band",
  },
  band_level_missing: {
    zh: "等级 {level} 没有分数段：只能由评级规则给出",
    en: "level {level} has no band: only rules can give it",
  },
  band_gap: {
    zh: "{from} 至 {to} 之间的分数不属于任何等级（{lower} 与 {upper} 之间有空档）",
    en: "values from {from} to {to} fall in no level (between {lower} and {upper})",
  },
  band_overlap: {
    zh: "{from} 至 {to} 之间的分数同时属于 {lower} 和 {upper}（分数段重叠）",
    en: "values from {from} to {to} fall in {lower} and {upper}",
  },
  band_coverage: {
    variants: {
      start: { zh: "分数段从 {value} 开始，应从 0 开始", en: "bands start at {value}, not 0" },
      end: { zh: "分数段止于 {value}，应止于满分 {top}", en: "bands end at {value}, not {top}" },
    },
  },
  band_order: {
    zh: "等级 {level} 的分数段高于 {above}：分数越高，等级不能越差",
    en: "level {level} sits above {above}: a higher value must never give a worse level",
  },
  banding_basis_unknown: {
    zh: "分段依据须为 percent（得分率）或 points（分数）",
    en: 'basis must be "percent" or "points"',
  },
  section_bands_missing: {
    variants: {
      sectionLevels: {
        zh: "按要素等级评级需要要素分数段",
        en: "rating by section levels needs section bands",
      },
      sectionCap: { zh: "按要素封顶需要要素分数段", en: "a section cap needs section bands" },
      shareCap: {
        zh: "按要素等级数量封顶需要要素分数段",
        en: "a cap on section levels needs section bands",
      },
    },
  },
  overall_method_unknown: {
    zh: "总评方法须为 bands（分数段）或 sectionLevels（要素等级）",
    en: 'overall method must be "bands" or "sectionLevels"',
  },
  ladder_empty: { zh: "评级阶梯至少需要一级", en: "the ladder needs at least one step" },
  ladder_condition_invalid: {
    variants: {
      noConditions: { zh: "阶梯的每一级都需要条件", en: "a ladder step needs conditions" },
      noLevels: { zh: "条件至少要指定一个等级", en: "a condition names at least one level" },
      bounds: {
        zh: "条件需要“至少”和/或“至多”，取 ≥ 0 的整数",
        en: "a condition needs atLeast and/or atMost, whole numbers ≥ 0",
      },
    },
  },
  rule_kind_unknown: { zh: "未知的评级规则类型“{value}”", en: 'unknown rule kind "{value}"' },
  rule_effect_unknown: {
    zh: "零容忍的后果须为 worstLevel（最低等级）或 noRating（不予评级）",
    en: 'effect must be "worstLevel" or "noRating"',
  },
  rule_scope_unknown: {
    zh: "封顶范围须为 section（所在要素）或 overall（总评）",
    en: 'scope must be "section" or "overall"',
  },
  rule_threshold_invalid: {
    zh: "须且只能填写“最少要素数”（≥ 1 的整数）或“最低占比”（0 < 占比 ≤ 100）之一",
    en: "give exactly one of minCount (whole number ≥ 1) and minSharePercent (0 < share ≤ 100)",
  },
  rule_duplicate: { zh: "只有一条零容忍规则会生效", en: "only one zero-tolerance rule applies" },
  zero_tolerance_unused: {
    variants: {
      noRule: {
        zh: "有指标标记为零容忍，但没有零容忍规则",
        en: "indicators are flagged zero-tolerance but no rule uses the flag",
      },
      noIndicator: {
        zh: "有零容忍规则，但没有指标标记为零容忍",
        en: "a zero-tolerance rule but no zero-tolerance indicator",
      },
    },
  },
  crucial_unused: {
    variants: {
      noRule: {
        zh: "有指标标记为关键项，但没有关键项封顶规则",
        en: "indicators are flagged crucial but no rule uses the flag",
      },
      noIndicator: {
        zh: "有关键项封顶规则，但没有指标标记为关键项",
        en: "a crucial-failure rule but no crucial indicator",
      },
    },
  },
} as const satisfies Record<SystemIssueCode, MessageEntry>;

/** The codes parseSystem adds before validation (serialise.ts, shape.ts): their English text is the detail. */
export const PARSE_ISSUE_MESSAGES = {
  format_unknown: { zh: "未知的文件格式：{detail}", en: "{detail}" },
  syntax_invalid: { zh: "无法解析：{detail}", en: "{detail}" },
  field_unknown: { zh: "不认识的字段", en: "{detail}" },
  field_missing: { zh: "必填", en: "{detail}" },
  field_type: { zh: "类型不正确：{detail}", en: "{detail}" },
  variant_unknown: { zh: "取值不在允许范围内：{detail}", en: "{detail}" },
} as const satisfies Record<string, LocalizedText>;

type Placeholders<S> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;
type TextParams<M> = M extends { zh: infer Z; en: infer E }
  ? { readonly [K in Placeholders<Z> | Placeholders<E>]: string | number }
  : never;
type EntryParams<E> = E extends { variants: infer V }
  ? { [K in keyof V]: { readonly variant: K } & TextParams<V[K]> }[keyof V]
  : TextParams<E>;

/** The parameters an issue of this code needs: its templates' placeholders, and a variant where it has several. */
export type IssueParamsOf<C extends SystemIssueCode> = EntryParams<(typeof SYSTEM_ISSUE_MESSAGES)[C]>;

/** Numbers as a person reads them: weights edited in a form carry float noise (33.300000000000004). */
function show(v: string | number): string {
  return typeof v === "number" ? String(Math.round(v * 1e6) / 1e6) : v;
}

function fill(template: string, params: IssueParams): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? show(params[key] ?? m) : m));
}

const ZH_WANTS: Record<string, string> = {
  "a string": "文本",
  "a number": "数字",
  "true or false": "true 或 false",
  "a list": "列表",
  "an object": "对象",
};
const ZH_KINDS: Record<string, string> = {
  string: "文本",
  number: "数字",
  boolean: "true/false",
  array: "列表",
  object: "对象",
  null: "空值",
  undefined: "空",
};

/** shape.ts says "expected a number, got string": the Chinese text names both in Chinese. */
function shapeDetailZh(code: string, detail: string): string | undefined {
  if (code === "field_type") {
    const m = /^expected (.+), got (.+)$/.exec(detail);
    if (!m?.[1] || !m[2]) return undefined;
    const want = m[1].startsWith("one of ") ? `以下之一：${m[1].slice(7)}` : ZH_WANTS[m[1]];
    return want ? `应为${want}，实为${ZH_KINDS[m[2]] ?? m[2]}` : undefined;
  }
  if (code === "variant_unknown") {
    const m = /^(\w+) must be one of (.+), got (.+)$/.exec(detail);
    return m ? `${m[1]} 应为以下之一：${m[2]}，实为 ${m[3]}` : undefined;
  }
  return undefined;
}

function isVariants(e: MessageEntry): e is Variants {
  return "variants" in e;
}

/**
 * The Chinese and English text of an issue of validateEvaluationSystem (its code and params) or of parseSystem
 * (format, syntax and shape codes, whose English message is the detail). An unknown code keeps its message.
 */
export function systemIssueText(issue: {
  code: string;
  message: string;
  params?: IssueParams | undefined;
}): LocalizedText {
  const params = issue.params ?? {};
  if (Object.hasOwn(SYSTEM_ISSUE_MESSAGES, issue.code)) {
    const entry: MessageEntry = SYSTEM_ISSUE_MESSAGES[issue.code as SystemIssueCode];
    const text = isVariants(entry) ? entry.variants[String(params.variant)] : entry;
    if (text) return { zh: fill(text.zh, params), en: fill(text.en, params) };
  } else if (Object.hasOwn(PARSE_ISSUE_MESSAGES, issue.code)) {
    const text = PARSE_ISSUE_MESSAGES[issue.code as keyof typeof PARSE_ISSUE_MESSAGES];
    const detail = { detail: issue.message };
    const zhDetail = shapeDetailZh(issue.code, issue.message);
    return {
      zh: zhDetail ? fill(text.zh, { detail: zhDetail }) : fill(text.zh, detail),
      en: fill(text.en, detail),
    };
  }
  return { zh: issue.message, en: issue.message };
}
