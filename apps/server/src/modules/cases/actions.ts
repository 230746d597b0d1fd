import {
  type ActorKind,
  applyCaseAction,
  type CaseAction,
  type CaseActor,
  type CaseRefusalCode,
  caseDeadlines,
  DEFAULT_CASE_SLA,
  formatTrackingNumber,
  normaliseTrackingNumber,
  SUBMISSION_TEXT_RULES,
  validateText,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue, validationError } from "../../platform/errors.ts";
import { workCalendar } from "./calendar.ts";
import { addEvent, notifyCoordinators, notifyDepartment, notifyUsers } from "./events.ts";
import { CASE_COLUMNS, type CaseRow, caseActorFor, REFUSAL_TEXT, stateOf, viewerOf } from "./model.ts";
import { activeDepartmentIds, loadVisibleCase } from "./read.ts";
import type { ActionBody } from "./schemas.ts";

// Every change of a case goes through the rules' applyCaseAction: the server finds out who acts and the facts
// the guards need, stores the new state, and writes the timeline, notifications and audit in one transaction.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refusals that are about a field the caller sent: shown on the form field. */
const FIELD_REFUSALS: Partial<Record<CaseRefusalCode, FieldIssue>> = {
  department_unknown: { field: "departmentId", code: "case_department_unknown" },
  transfer_same_department: { field: "departmentId", code: "case_same_department" },
  reason_required: { field: "reason", code: "required" },
  reply_required: { field: "reply", code: "required" },
  comment_required: { field: "comment", code: "required" },
  rating_invalid: { field: "rating", code: "not_allowed" },
  duplicate_of_self: { field: "duplicateOf", code: "case_duplicate_target" },
  duplicate_target_missing: { field: "duplicateOf", code: "case_duplicate_target" },
  duplicate_target_is_duplicate: { field: "duplicateOf", code: "case_duplicate_target" },
  duplicate_target_ended: { field: "duplicateOf", code: "case_duplicate_target" },
};

/** Reasons, replies and comments: the rules' comment limits, checked as the public form's fields are. */
function checkTexts(body: ActionBody): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of ["reason", "reply", "comment"] as const) {
    const value = (body as Record<string, unknown>)[field];
    if (value === undefined) continue;
    const r = validateText(value, SUBMISSION_TEXT_RULES.comment);
    if (r.ok) continue;
    const limits = SUBMISSION_TEXT_RULES.comment;
    if (r.code === "too_long") issues.push({ field, code: "too_long", params: { limit: limits.maxLength } });
    else if (r.code === "too_short")
      issues.push({ field, code: "too_short", params: { limit: limits.minLength } });
    else if (r.code === "required") issues.push({ field, code: "required" });
    else if (r.code === "no_letters") issues.push({ field, code: "case_no_letters" });
    else if (r.code === "newline_not_allowed") issues.push({ field, code: "case_newline" });
    else issues.push({ field, code: "case_control_character" });
  }
  return issues;
}

const trimmed = (s: string | undefined) => (s === undefined ? undefined : s.normalize("NFC").trim());

async function duplicateTarget(sql: Sql, ref: string) {
  const tracking = normaliseTrackingNumber(ref);
  const [row] = tracking
    ? await sql.query<{ id: string; status: string; duplicateOf: string | null; trackingNumber: string }>(
        `select id, status, duplicate_of as "duplicateOf", tracking_number as "trackingNumber"
           from cases where tracking_number = $1`,
        [tracking],
      )
    : UUID.test(ref)
      ? await sql.query<{ id: string; status: string; duplicateOf: string | null; trackingNumber: string }>(
          `select id, status, duplicate_of as "duplicateOf", tracking_number as "trackingNumber"
             from cases where id = $1`,
          [ref],
        )
      : [];
  return row ?? null;
}

export type ActingAs = { viewer: Actor } | { submitterByTracking: true } | { system: true };

/** Perform one workflow action on a case. Returns the case id. */
export async function performCaseAction(
  db: Db,
  who: ActingAs,
  caseId: string,
  body: ActionBody,
  now = new Date(),
): Promise<{ id: string; trackingNumber: string; status: string }> {
  const issues = checkTexts(body);
  if (issues.length > 0) throw validationError(issues);
  const calendar = await workCalendar(db, db);
  const departments = await activeDepartmentIds(db);
  const viewer = "viewer" in who ? await viewerOf(db, who.viewer) : null;
  const actor: Actor | null = "viewer" in who ? who.viewer : null;

  return db.tx(async (sql) => {
    let row: CaseRow;
    if (viewer) row = await loadVisibleCase(sql, viewer, caseId, true);
    else {
      const [found] = await sql.query<CaseRow>(
        `select ${CASE_COLUMNS} from cases c where c.id = $1 for update`,
        [caseId],
      );
      if (!found) throw new AppError("NOT_FOUND");
      row = found;
    }
    const caseActor: CaseActor = viewer
      ? caseActorFor(viewer, row)
      : "system" in who
        ? { kind: "system" }
        : { kind: "submitter" };

    let target: Awaited<ReturnType<typeof duplicateTarget>> = null;
    if (body.type === "markDuplicate") target = await duplicateTarget(sql, body.duplicateOf);
    const [dups] = await sql.query<{ n: number }>(
      "select count(*)::int as n from cases where duplicate_of = $1",
      [caseId],
    );

    const action = toRuleAction(body, target?.id);
    const state = stateOf(row);
    const result = applyCaseAction(state, action, caseActor, {
      now,
      calendar,
      caseId,
      departmentExists: (d) => departments.has(d),
      duplicateTarget: target
        ? { id: target.id, status: target.status as never, duplicateOf: target.duplicateOf }
        : null,
      duplicateCount: dups?.n ?? 0,
    });
    if (!result.ok) {
      const field = FIELD_REFUSALS[result.code];
      if (field) throw validationError([field]);
      throw new AppError("CASE_ACTION_REFUSED", { reason: REFUSAL_TEXT[result.code] });
    }
    const next = result.state;
    let resolveDue = new Date(row.resolveDue);
    if (next.reopenedAt && next.reopenedAt.getTime() !== state.reopenedAt?.getTime()) {
      // A re-handled case gets a fresh resolve period from the reopen (rules sla.ts).
      const [sla] = await sql.query<{
        acknowledgeDays: number;
        firstAnswerDays: number;
        resolveDays: number;
      }>(
        `select acknowledge_days as "acknowledgeDays", first_answer_days as "firstAnswerDays",
                resolve_days as "resolveDays" from case_categories where code = $1`,
        [row.category],
      );
      resolveDue = caseDeadlines(calendar, sla ?? DEFAULT_CASE_SLA, next).resolve;
    }
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    await sql.query(
      `update cases set status = $2, department_id = $3, acknowledged_at = $4, first_answered_at = $5,
              answered_at = $6, resolved_at = $7, closed_at = $8, reopened_at = $9, reopen_count = $10,
              escalations = $11, rating = $12, rated_at = $13, duplicate_of = $14, resolve_due = $15,
              updated_at = now()
        where id = $1`,
      [
        caseId,
        next.status,
        next.departmentId,
        iso(next.acknowledgedAt),
        iso(next.firstAnsweredAt),
        iso(next.answeredAt),
        iso(next.resolvedAt),
        iso(next.closedAt),
        iso(next.reopenedAt),
        next.reopenCount,
        next.escalations,
        next.rating?.rating ?? null,
        iso(next.rating?.at ?? null),
        next.duplicateOf,
        resolveDue.toISOString(),
      ],
    );
    await addEvent(sql, caseId, {
      ...eventOf(body, target?.trackingNumber ?? null),
      actorKind: caseActor.kind as ActorKind,
      actor,
      fromStatus: state.status,
      toStatus: next.status,
      fromDepartmentId: state.departmentId !== next.departmentId ? state.departmentId : null,
      toDepartmentId: state.departmentId !== next.departmentId ? next.departmentId : null,
      at: now,
    });
    await tell(sql, row, body, next.departmentId, next.status);
    await writeAudit(sql, actor, {
      action: `case.${body.type}`,
      entityType: "case",
      entityId: caseId,
      before: { status: state.status, departmentId: state.departmentId },
      after: { status: next.status, departmentId: next.departmentId, by: caseActor.kind },
    });
    return { id: caseId, trackingNumber: row.trackingNumber, status: next.status };
  });
}

function toRuleAction(body: ActionBody, duplicateTargetId: string | undefined): CaseAction {
  switch (body.type) {
    case "transfer":
      return { type: "transfer", departmentId: body.departmentId, reason: trimmed(body.reason) ?? "" };
    case "decline":
    case "reopen":
    case "markNotResponsible":
    case "reinstate":
    case "escalate":
      return { type: body.type, reason: trimmed(body.reason) ?? "" };
    case "withdraw":
      return { type: "withdraw", reason: trimmed(body.reason) };
    case "answer":
      return { type: "answer", reply: trimmed(body.reply) ?? "" };
    case "rate":
      return { type: "rate", rating: body.rating, comment: trimmed(body.comment) };
    case "markDuplicate":
      // An unknown reference stays as typed, so the rules say "target missing".
      return { type: "markDuplicate", duplicateOf: duplicateTargetId ?? body.duplicateOf };
    default:
      return body;
  }
}

function eventOf(
  body: ActionBody,
  targetNumber: string | null,
): {
  type: string;
  visibility: "public" | "internal";
  textPublic: boolean;
  text: string | null;
  rating?: string;
} {
  const pub = (text: string | null = null, textPublic = false) => ({
    type: body.type,
    visibility: "public" as const,
    textPublic,
    text,
  });
  switch (body.type) {
    case "answer":
      return pub(trimmed(body.reply) ?? null, true);
    case "rate":
      return { ...pub(trimmed(body.comment) ?? null, true), rating: body.rating };
    case "reopen":
    case "markNotResponsible":
      return pub(trimmed(body.reason) ?? null, true);
    case "transfer":
    case "reinstate":
      return pub(trimmed(body.reason) ?? null);
    case "withdraw":
      return pub(trimmed(body.reason) ?? null);
    case "markDuplicate":
      return pub(targetNumber);
    case "decline":
    case "escalate":
      return {
        type: body.type,
        visibility: "internal",
        textPublic: false,
        text: trimmed(body.reason) ?? null,
      };
    default:
      return pub();
  }
}

async function tell(sql: Sql, row: CaseRow, body: ActionBody, departmentId: string | null, status: string) {
  const n = (kind: string, title: string) => ({
    caseId: row.id,
    kind,
    title: `${title} ${formatTrackingNumber(row.trackingNumber)}：${row.title}`,
  });
  switch (body.type) {
    case "assign":
    case "transfer":
      if (departmentId) await notifyDepartment(sql, departmentId, n("case.routed", "新交办案件"));
      break;
    case "decline":
      await notifyCoordinators(sql, n("case.declined", "部门退回案件"));
      break;
    case "answer":
      if (row.submittedBy) await notifyUsers(sql, [row.submittedBy], n("case.answered", "您的诉求已答复"));
      break;
    case "rate":
      if (body.rating === "notSatisfied") {
        await notifyCoordinators(sql, n("case.notSatisfied", "提交人不满意"));
        if (departmentId && status === "inProgress")
          await notifyDepartment(sql, departmentId, n("case.reopened", "案件重新办理"));
      }
      break;
    case "reopen":
    case "escalate":
      if (departmentId)
        await notifyDepartment(
          sql,
          departmentId,
          n(`case.${body.type}`, body.type === "reopen" ? "案件重新办理" : "案件督办"),
        );
      break;
    default:
      break;
  }
}

/** An internal note: staff who can see the case; never on the public page or for the enterprise. */
export async function addNote(db: Db, actor: Actor, caseId: string, text: string): Promise<void> {
  const r = validateText(text, SUBMISSION_TEXT_RULES.comment);
  if (!r.ok)
    throw validationError(
      checkTexts({ type: "escalate", reason: text }).map((i) => ({ ...i, field: "text" })),
    );
  const viewer = await viewerOf(db, actor);
  await db.tx(async (sql) => {
    const row = await loadVisibleCase(sql, viewer, caseId);
    const kind = caseActorFor(viewer, row).kind;
    await addEvent(sql, caseId, {
      type: "note",
      visibility: "internal",
      actorKind: kind,
      actor,
      text: r.value,
    });
    await writeAudit(sql, actor, { action: "case.note", entityType: "case", entityId: caseId });
  });
}
