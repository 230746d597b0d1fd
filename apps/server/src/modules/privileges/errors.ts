import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the privileges module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const PRIVILEGE_ERRORS = {
  GREEN_CHANNEL_NOT_MEMBER: {
    status: 409,
    zh: "该企业不在绿色通道中",
    en: "This enterprise is not in the green channel",
  },
  EXEMPTION_OPEN_EXISTS: {
    status: 409,
    zh: "该企业的“{category}”已有在审或有效的免验申请",
    en: "This enterprise already has a submitted or approved exemption for {category}",
  },
  // {status}: the application's status in words.
  EXEMPTION_STATE: {
    status: 409,
    zh: "免验申请当前状态为“{status}”，不能执行此操作",
    en: "The exemption application is {status}; not allowed now",
  },
  EXEMPTION_CRITERIA_NOT_MET: {
    status: 422,
    zh: "免验条件未全部满足（{unmet}）；如仍批准，请填写破例理由",
    en: "Exemption criteria not met ({unmet}); give an override reason to approve anyway",
  },
  DEMONSTRATION_HELD: {
    status: 409,
    zh: "该企业已持有“{title}”称号",
    en: "This enterprise already holds the title {title}",
  },
  // {status}: the entry's status in words.
  PUBLIC_LIST_STATE: {
    status: 409,
    zh: "公示名单条目当前状态为“{status}”，不能执行此操作",
    en: "The list entry is {status}; not allowed now",
  },
  PUBLIC_LIST_SAME_REVIEWER: {
    status: 409,
    zh: "公示须经他人审核：起草人不能发布自己起草的条目",
    en: "A second person must review: the drafter cannot publish their own entry",
  },
} as const satisfies Record<string, Bilingual & { status: number }>;

export const PRIVILEGE_FIELD_ERRORS = {
  unknown_enterprise: { zh: "企业不存在", en: "No such enterprise" },
  not_demonstration_title: {
    zh: "不是示范企业称号：{value}",
    en: "Not a demonstration title: {value}",
  },
} as const satisfies Record<string, Bilingual>;

/** Statuses in words, for the {status} of EXEMPTION_STATE and PUBLIC_LIST_STATE. */
export const STATUS_TEXT: Record<string, Bilingual> = {
  submitted: { zh: "待审核", en: "submitted" },
  approved: { zh: "已批准", en: "approved" },
  rejected: { zh: "已驳回", en: "rejected" },
  revoked: { zh: "已撤销", en: "revoked" },
  draft: { zh: "草稿", en: "a draft" },
  published: { zh: "已发布", en: "published" },
  withdrawn: { zh: "已撤回", en: "withdrawn" },
};
