import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the indicators module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const INDICATOR_ERRORS = {} as const satisfies Record<string, Bilingual & { status: number }>;

export const INDICATOR_FIELD_ERRORS = {
  indicator_month_order: {
    zh: "起始月份不能晚于结束月份",
    en: "The first month is after the last month",
  },
  indicator_range_too_long: {
    zh: "时间范围不能超过 {limit} 个月",
    en: "The range may span at most {limit} months",
  },
  indicator_unknown_enterprise: {
    zh: "企业不存在或无权查看",
    en: "No such enterprise, or not yours to see",
  },
  indicator_scope_id_required: {
    zh: "按镇街道或企业查看时须指定 id",
    en: "An id is required for the town and enterprise scopes",
  },
} as const satisfies Record<string, Bilingual>;
