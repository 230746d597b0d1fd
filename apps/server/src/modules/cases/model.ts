import type { CaseActor, CaseRefusalCode, CaseState, CaseStatus, SatisfactionRating } from "@jingwei/rules";
import type { Actor, Role } from "../../platform/access.ts";
import type { Sql } from "../../platform/db.ts";
import type { Bilingual } from "../../platform/i18n.ts";

// Who sees and does what with a case, and the stored row ↔ the rules' CaseState.
//
// Roles are coarse; the case loop needs three kinds of people: the coordinator (admin or regulator: sees every
// case, routes, closes), members of a department (any staff user listed in user_departments: sees and works the
// cases routed to their departments) and the submitter (an enterprise user for its enterprise's cases; anyone
// holding the tracking number on the public page).

export const COORDINATOR_ROLES: readonly Role[] = ["admin", "regulator"];

export interface CaseViewer {
  actor: Actor;
  coordinator: boolean;
  /** Department ids the user is a member of (staff only). */
  departments: string[];
  /** Set for enterprise users: they see their enterprise's cases only. */
  enterpriseId: string | null;
}

export async function viewerOf(sql: Sql, actor: Actor): Promise<CaseViewer> {
  const coordinator = COORDINATOR_ROLES.includes(actor.role);
  const enterpriseId = actor.role === "enterprise" ? actor.enterpriseId : null;
  const departments =
    actor.role === "enterprise"
      ? []
      : (
          await sql.query<{ id: string }>(
            `select ud.department_id as id from user_departments ud
               join departments d on d.id = ud.department_id and d.active
              where ud.user_id = $1 order by d.sort_order, d.code`,
            [actor.userId],
          )
        ).map((r) => r.id);
  return { actor, coordinator, departments, enterpriseId };
}

/** SQL narrowing cases (alias c) to what the viewer may see; pushes its parameters onto `params`. */
export function scopeSql(viewer: CaseViewer, params: unknown[]): string | null {
  if (viewer.coordinator) return null;
  if (viewer.actor.role === "enterprise") {
    params.push(viewer.enterpriseId ?? "00000000-0000-0000-0000-000000000000");
    return `c.enterprise_id = $${params.length}`;
  }
  params.push(viewer.departments);
  return `c.department_id = any($${params.length}::uuid[])`;
}

export function canSee(
  viewer: CaseViewer,
  row: { departmentId: string | null; enterpriseId: string | null },
) {
  if (viewer.coordinator) return true;
  if (viewer.actor.role === "enterprise")
    return row.enterpriseId !== null && row.enterpriseId === viewer.enterpriseId;
  return row.departmentId !== null && viewer.departments.includes(row.departmentId);
}

/** The workflow's actor for this viewer on this case (the viewer can see it). */
export function caseActorFor(viewer: CaseViewer, row: { departmentId: string | null }): CaseActor {
  if (viewer.coordinator) return { kind: "coordinator" };
  if (viewer.actor.role === "enterprise") return { kind: "submitter" };
  const departmentId =
    row.departmentId && viewer.departments.includes(row.departmentId)
      ? row.departmentId
      : (viewer.departments[0] ?? "");
  return { kind: "department", departmentId };
}

/** A case as stored (the columns every reader needs). */
export interface CaseRow {
  id: string;
  trackingNumber: string;
  channel: string;
  category: string;
  departmentId: string | null;
  status: CaseStatus;
  title: string;
  description: string;
  contact: string;
  enterpriseName: string;
  enterpriseId: string | null;
  salonId: string | null;
  submittedBy: string | null;
  submittedAt: Date;
  acknowledgedAt: Date | null;
  firstAnsweredAt: Date | null;
  answeredAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenedAt: Date | null;
  reopenCount: number;
  escalations: number;
  rating: SatisfactionRating | null;
  ratedAt: Date | null;
  duplicateOf: string | null;
  acknowledgeDue: Date;
  firstAnswerDue: Date;
  resolveDue: Date;
  heldForReview: boolean;
  abuseReasons: string[];
  updatedAt: Date;
}

export const CASE_COLUMNS = `c.id, c.tracking_number as "trackingNumber", c.channel, c.category,
  c.department_id as "departmentId", c.status, c.title, c.description, c.contact,
  c.enterprise_name as "enterpriseName", c.enterprise_id as "enterpriseId", c.salon_id as "salonId",
  c.submitted_by as "submittedBy", c.submitted_at as "submittedAt", c.acknowledged_at as "acknowledgedAt",
  c.first_answered_at as "firstAnsweredAt", c.answered_at as "answeredAt", c.resolved_at as "resolvedAt",
  c.closed_at as "closedAt", c.reopened_at as "reopenedAt", c.reopen_count as "reopenCount", c.escalations,
  c.rating, c.rated_at as "ratedAt", c.duplicate_of as "duplicateOf", c.acknowledge_due as "acknowledgeDue",
  c.first_answer_due as "firstAnswerDue", c.resolve_due as "resolveDue", c.held_for_review as "heldForReview",
  c.abuse_reasons as "abuseReasons", c.updated_at as "updatedAt"`;

const asDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export function stateOf(row: CaseRow): CaseState {
  return {
    status: row.status,
    departmentId: row.departmentId,
    submittedAt: new Date(row.submittedAt),
    acknowledgedAt: asDate(row.acknowledgedAt),
    firstAnsweredAt: asDate(row.firstAnsweredAt),
    answeredAt: asDate(row.answeredAt),
    resolvedAt: asDate(row.resolvedAt),
    closedAt: asDate(row.closedAt),
    reopenedAt: asDate(row.reopenedAt),
    reopenCount: row.reopenCount,
    rating: row.rating && row.ratedAt ? { rating: row.rating, at: new Date(row.ratedAt) } : null,
    duplicateOf: row.duplicateOf,
    escalations: row.escalations,
  };
}

/** Why the workflow refuses, in both languages (the codes of packages/rules workflow.ts). */
export const REFUSAL_TEXT: Record<CaseRefusalCode, Bilingual> = {
  status_unknown: { zh: "案件状态无法识别", en: "unknown case status" },
  action_unknown: { zh: "未知的操作", en: "unknown action" },
  actor_unknown: { zh: "无法识别操作人", en: "unknown actor" },
  status_forbids: { zh: "当前状态不允许此操作", en: "the case's status does not allow it" },
  actor_forbidden: { zh: "您的身份不能执行此操作", en: "you may not do this to the case" },
  not_assigned_department: { zh: "案件未交办给您的部门", en: "the case is not with your department" },
  department_already_assigned: {
    zh: "案件已有承办部门，请使用转办",
    en: "the case already has a department: transfer it",
  },
  department_not_assigned: {
    zh: "案件尚无承办部门，请先交办",
    en: "the case has no department yet: assign it",
  },
  department_unknown: { zh: "部门不存在", en: "no such department" },
  transfer_same_department: { zh: "案件已在该部门", en: "the case is already with this department" },
  reason_required: { zh: "需要填写理由", en: "a reason is required" },
  reply_required: { zh: "需要填写答复内容", en: "a reply is required" },
  rating_invalid: { zh: "评价无效", en: "invalid rating" },
  comment_required: { zh: "不满意时请说明原因", en: "say what is not solved" },
  already_rated: { zh: "该答复已评价", en: "this answer has been rated already" },
  auto_close_not_due: { zh: "尚未到自动办结时间", en: "the automatic closure is not due yet" },
  coordinator_decision_pending: {
    zh: "提交人不满意，须由协调人决定",
    en: "the submitter is not satisfied: the coordinator decides",
  },
  reopen_period_expired: { zh: "已超过可重新办理的期限", en: "the reopening period has passed" },
  reopen_limit_reached: { zh: "重新办理次数已达上限", en: "the case was reopened too often" },
  duplicate_of_self: { zh: "案件不能与自身重复", en: "a case cannot duplicate itself" },
  duplicate_target_missing: { zh: "目标案件不存在", en: "no such target case" },
  duplicate_target_is_duplicate: {
    zh: "目标案件本身是重复件，请指向原件",
    en: "the target is itself a duplicate",
  },
  duplicate_target_ended: { zh: "目标案件已终结", en: "the target case has ended" },
  duplicate_has_duplicates: {
    zh: "已有其他案件与本案重复，请先调整",
    en: "other cases are duplicates of this one",
  },
  split_parts_invalid: { zh: "拆分数量无效", en: "invalid number of parts" },
};
