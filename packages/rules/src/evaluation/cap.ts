// Corrective action plans (整改): every finding becomes an item the enterprise answers (root cause, action,
// evidence) and the auditor accepts or rejects, then verifies on site; deadlines drive overdue flags and reminders.
import { parseIsoDate } from "../labour/dates.ts";
import { ASSESSMENT_ROLES, type AssessmentRole } from "./stages.ts";

export type CapStatus = "open" | "submitted" | "rejected" | "accepted" | "verified" | "closed";

export const CAP_STATUSES: readonly CapStatus[] = [
  "open",
  "submitted",
  "rejected",
  "accepted",
  "verified",
  "closed",
];

export type CapAction = "submit" | "reject" | "accept" | "verify" | "close";

export interface CapTransition {
  action: CapAction;
  from: CapStatus;
  to: CapStatus;
  roles: readonly AssessmentRole[];
}

/** Every allowed move; a rejected item goes back to the enterprise and may be submitted again, any number of times. */
export const CAP_TRANSITIONS: readonly CapTransition[] = [
  { action: "submit", from: "open", to: "submitted", roles: ["enterprise"] },
  { action: "submit", from: "rejected", to: "submitted", roles: ["enterprise"] },
  { action: "reject", from: "submitted", to: "rejected", roles: ["auditor"] },
  { action: "accept", from: "submitted", to: "accepted", roles: ["auditor"] },
  { action: "verify", from: "accepted", to: "verified", roles: ["auditor"] },
  { action: "close", from: "verified", to: "closed", roles: ["auditor", "regulator", "admin"] },
];

/** What the guards read. */
export interface CapContext {
  rootCause?: string;
  /** The corrective action the enterprise takes. */
  correctiveAction?: string;
  /** Evidence files attached to the answer. */
  evidenceFiles?: number;
  /** The item demands evidence (e.g. a finding from a document review). */
  evidenceRequired?: boolean;
  /** The auditor's comment (required to reject). */
  comment?: string;
  /** How the auditor verified the action (required to verify). */
  verificationNote?: string;
}

export type CapRefusalCode =
  | "status_unknown"
  | "action_unknown"
  | "role_unknown"
  | "cap_closed"
  | "action_not_allowed_in_status"
  | "role_not_allowed"
  | "root_cause_missing"
  | "corrective_action_missing"
  | "evidence_missing"
  | "comment_missing"
  | "verification_missing";

export type CapMoveResult =
  | { ok: true; action: CapAction; from: CapStatus; to: CapStatus }
  | { ok: false; code: CapRefusalCode; message: string };

const filled = (s: unknown) => typeof s === "string" && s.trim() !== "";

function capGuard(action: CapAction, ctx: CapContext): { code: CapRefusalCode; message: string } | null {
  switch (action) {
    case "submit":
      if (!filled(ctx.rootCause)) return { code: "root_cause_missing", message: "give the root cause" };
      if (!filled(ctx.correctiveAction))
        return { code: "corrective_action_missing", message: "describe the corrective action" };
      if (ctx.evidenceRequired === true && !((ctx.evidenceFiles ?? 0) >= 1)) {
        return { code: "evidence_missing", message: "this item needs evidence: attach at least one file" };
      }
      return null;
    case "reject":
      return filled(ctx.comment)
        ? null
        : { code: "comment_missing", message: "say why the answer is rejected" };
    case "verify":
      return filled(ctx.verificationNote)
        ? null
        : { code: "verification_missing", message: "say how the action was verified" };
    default:
      return null;
  }
}

/** Perform a CAP action, or say why not. */
export function applyCapAction(
  status: CapStatus,
  action: CapAction,
  role: AssessmentRole,
  ctx: CapContext = {},
): CapMoveResult {
  if (!CAP_STATUSES.includes(status))
    return { ok: false, code: "status_unknown", message: `unknown status ${JSON.stringify(status)}` };
  if (!CAP_TRANSITIONS.some((t) => t.action === action)) {
    return { ok: false, code: "action_unknown", message: `unknown action ${JSON.stringify(action)}` };
  }
  if (!ASSESSMENT_ROLES.includes(role)) {
    return { ok: false, code: "role_unknown", message: `unknown role ${JSON.stringify(role)}` };
  }
  if (status === "closed") return { ok: false, code: "cap_closed", message: "the item is closed" };
  const t = CAP_TRANSITIONS.find((x) => x.from === status && x.action === action);
  if (!t)
    return {
      ok: false,
      code: "action_not_allowed_in_status",
      message: `cannot ${action} an item that is ${status}`,
    };
  if (!t.roles.includes(role)) {
    return {
      ok: false,
      code: "role_not_allowed",
      message: `${role} may not ${action} (allowed: ${t.roles.join(", ")})`,
    };
  }
  const g = capGuard(action, ctx);
  return g ? { ok: false, ...g } : { ok: true, action, from: status, to: t.to };
}

/** Actions a role may take now on an item (guards included), for the UI. */
export function capAllowedActions(
  status: CapStatus,
  role: AssessmentRole,
  ctx: CapContext = {},
): CapAction[] {
  return CAP_TRANSITIONS.filter(
    (t) => t.from === status && t.roles.includes(role) && capGuard(t.action, ctx) === null,
  ).map((t) => t.action);
}

/** Statuses in which the enterprise still owes an answer: the deadline applies to these. */
const WAITING_ON_ENTERPRISE: readonly CapStatus[] = ["open", "rejected"];

export interface CapDeadlineState {
  /** Days from today to the deadline: 0 on the deadline, negative after it. */
  daysLeft: number;
  /**
   * Past the deadline while the enterprise owes an answer (open or rejected). A submitted item waits on the
   * auditor and is not the enterprise's delay; accepted and later items are done.
   */
  overdue: boolean;
  daysOverdue: number;
  waitingOn: "enterprise" | "auditor" | null;
}

export type CapDateResult =
  | ({ ok: true } & CapDeadlineState)
  | { ok: false; code: "date_invalid"; message: string };

/** Overdue state of an item against its deadline (YYYY-MM-DD); the caller passes today. */
export function capDeadlineState(
  item: { status: CapStatus; deadline: string },
  today: string,
): CapDateResult {
  const d = parseIsoDate(item.deadline);
  const t = parseIsoDate(today);
  if (d === undefined)
    return {
      ok: false,
      code: "date_invalid",
      message: `deadline ${JSON.stringify(item.deadline)} is not a date`,
    };
  if (t === undefined)
    return { ok: false, code: "date_invalid", message: `today ${JSON.stringify(today)} is not a date` };
  const daysLeft = d - t;
  const owes = WAITING_ON_ENTERPRISE.includes(item.status);
  const overdue = owes && daysLeft < 0;
  const waitingOn = owes
    ? "enterprise"
    : item.status === "submitted" || item.status === "accepted" || item.status === "verified"
      ? "auditor"
      : null;
  return { ok: true, daysLeft, overdue, daysOverdue: overdue ? -daysLeft : 0, waitingOn };
}

export interface CapReminderItem {
  id: string;
  status: CapStatus;
  deadline: string;
  /** YYYY-MM-DD of the last reminder sent for this item. */
  lastRemindedOn?: string;
}

export interface CapReminder {
  id: string;
  kind: "upcoming" | "overdue";
  daysLeft: number;
  /** The "N days before" threshold crossed (0 for overdue). */
  threshold: number;
}

export interface CapReminderIssue {
  id: string;
  code: "date_invalid";
  message: string;
}

/**
 * Reminders due today for items the enterprise still owes. Thresholds are days before the deadline (default
 * 7 and 1); past the deadline an "overdue" reminder is due. Idempotent: a reminder is due when today lies in the
 * current threshold's window and none was sent since the window opened, so a daily job that misses a day
 * still sends it and one that runs twice does not send it twice.
 */
export function capRemindersDue(
  items: readonly CapReminderItem[],
  today: string,
  daysBefore: readonly number[] = [7, 1],
): { reminders: CapReminder[]; issues: CapReminderIssue[] } {
  const reminders: CapReminder[] = [];
  const issues: CapReminderIssue[] = [];
  const t = parseIsoDate(today);
  if (t === undefined) {
    return {
      reminders,
      issues: [{ id: "", code: "date_invalid", message: `today ${JSON.stringify(today)} is not a date` }],
    };
  }
  const thresholds = [...new Set(daysBefore.filter((n) => Number.isInteger(n) && n >= 0))].sort(
    (a, b) => a - b,
  );
  for (const item of items) {
    if (!WAITING_ON_ENTERPRISE.includes(item.status)) continue;
    const d = parseIsoDate(item.deadline);
    if (d === undefined) {
      issues.push({
        id: item.id,
        code: "date_invalid",
        message: `deadline ${JSON.stringify(item.deadline)} is not a date`,
      });
      continue;
    }
    const last = item.lastRemindedOn === undefined ? undefined : parseIsoDate(item.lastRemindedOn);
    if (item.lastRemindedOn !== undefined && last === undefined) {
      issues.push({
        id: item.id,
        code: "date_invalid",
        message: `lastRemindedOn ${JSON.stringify(item.lastRemindedOn)} is not a date`,
      });
      continue;
    }
    const daysLeft = d - t;
    let windowStart: number;
    let kind: CapReminder["kind"];
    let threshold: number;
    if (daysLeft < 0) {
      kind = "overdue";
      threshold = 0;
      windowStart = d + 1;
    } else {
      // The smallest threshold already reached: with [1, 7] and 3 days left, the 7-day window.
      const reached = thresholds.find((n) => daysLeft <= n);
      if (reached === undefined) continue;
      kind = "upcoming";
      threshold = reached;
      windowStart = d - reached;
    }
    if (last !== undefined && last >= windowStart) continue;
    reminders.push({ id: item.id, kind, daysLeft, threshold });
  }
  return { reminders, issues };
}
