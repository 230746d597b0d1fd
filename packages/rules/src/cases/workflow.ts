// The case state machine, in FixMyStreet's spirit (new → acknowledged → in progress → answered → closed, with
// end states for "not ours", duplicates and withdrawals), plus what Chinese practice adds: the submitter rates
// the answer, a poor rating sends the case back (重办) under the coordinator's supervision (督办), a department
// can hand a misrouted case back (退回), and a salon's list of problems is split into one case each.
//
// Pure: the server loads the state, asks `applyCaseAction`, and stores the new state with an audit entry and a
// timeline event (reasons, replies and comments live in the timeline; the state keeps only what guards need).
import { type WorkCalendar, workingDaysBetween } from "./calendar.ts";

export type CaseStatus =
  | "new"
  | "acknowledged"
  | "inProgress"
  | "answered"
  | "closed"
  | "notResponsible"
  | "duplicate"
  | "withdrawn";

export const CASE_STATUSES: readonly CaseStatus[] = [
  "new",
  "acknowledged",
  "inProgress",
  "answered",
  "closed",
  "notResponsible",
  "duplicate",
  "withdrawn",
];

/** Statuses in which work is still owed: the case can be routed, answered, merged, split or withdrawn. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ["new", "acknowledged", "inProgress"];

/** Statuses that end the loop (办结). `closed` can still be reopened within the period; the others only reinstated. */
export const FINISHED_CASE_STATUSES: readonly CaseStatus[] = [
  "closed",
  "notResponsible",
  "duplicate",
  "withdrawn",
];

export type ActorKind = "submitter" | "coordinator" | "department" | "system";
export const ACTOR_KINDS: readonly ActorKind[] = ["submitter", "coordinator", "department", "system"];

/**
 * Who acts. The server decides who someone is: `submitter` is the person who raised the case (signed in as its
 * enterprise user, or holding its tracking number); `department` carries the acting department's id.
 */
export type CaseActor =
  | { kind: "submitter" }
  | { kind: "coordinator" }
  | { kind: "department"; departmentId: string }
  | { kind: "system" };

export type SatisfactionRating = "satisfied" | "basically" | "notSatisfied";
export const SATISFACTION_RATINGS: readonly SatisfactionRating[] = ["satisfied", "basically", "notSatisfied"];

export type CaseAction =
  | { type: "acknowledge" }
  | { type: "assign"; departmentId: string }
  | { type: "transfer"; departmentId: string; reason: string }
  | { type: "decline"; reason: string }
  | { type: "start" }
  | { type: "answer"; reply: string }
  | { type: "rate"; rating: SatisfactionRating; comment?: string }
  | { type: "close" }
  | { type: "reopen"; reason: string }
  | { type: "markNotResponsible"; reason: string }
  | { type: "markDuplicate"; duplicateOf: string }
  | { type: "withdraw"; reason?: string }
  | { type: "reinstate"; reason: string }
  | { type: "escalate"; reason: string }
  | { type: "split"; parts: number };

export type CaseActionType = CaseAction["type"];

export interface CaseTransition {
  action: CaseActionType;
  from: readonly CaseStatus[];
  actors: readonly ActorKind[];
  /** Possible resulting statuses, or "unchanged" for actions that keep the status. */
  to: readonly CaseStatus[] | "unchanged";
  why: string;
}

const OPEN = OPEN_CASE_STATUSES;

/** Every action: from which statuses, by whom, to what. Guards (below) refine it. */
export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  {
    action: "acknowledge",
    from: ["new"],
    actors: ["coordinator", "department"],
    to: ["acknowledged"],
    why: "a person has read the case and it is being handled (receipt to the submitter)",
  },
  {
    action: "assign",
    from: OPEN,
    actors: ["coordinator"],
    to: "unchanged",
    why: "route a case that has no department",
  },
  {
    action: "transfer",
    from: OPEN,
    actors: ["coordinator"],
    to: "unchanged",
    why: "move to another department with a reason; status and deadlines stay",
  },
  {
    action: "decline",
    from: OPEN,
    actors: ["department"],
    to: "unchanged",
    why: "a department hands a misrouted case back to the coordinator (退回), with a reason",
  },
  {
    action: "start",
    from: ["new", "acknowledged"],
    actors: ["coordinator", "department"],
    to: ["inProgress"],
    why: "work has started; from new it acknowledges too",
  },
  {
    action: "answer",
    from: OPEN,
    actors: ["coordinator", "department"],
    to: ["answered"],
    why: "the public reply; a quick answer may skip acknowledged and in progress",
  },
  {
    action: "rate",
    from: ["answered"],
    actors: ["submitter"],
    to: ["closed", "inProgress", "answered"],
    why: "satisfied or basically closes; not satisfied reopens and escalates, or only escalates at the limit",
  },
  {
    action: "close",
    from: ["answered"],
    actors: ["coordinator", "system"],
    to: ["closed"],
    why: "the coordinator confirms the outcome, or the system closes an unrated answer after a period",
  },
  {
    action: "reopen",
    from: ["answered", "closed"],
    actors: ["submitter", "coordinator"],
    to: ["inProgress"],
    why: "the problem is not solved: the submitter within the period and limit, the coordinator any time",
  },
  {
    action: "markNotResponsible",
    from: OPEN,
    actors: ["coordinator"],
    to: ["notResponsible"],
    why: "no department of the cluster is responsible; the reason is the public reply",
  },
  {
    action: "markDuplicate",
    from: OPEN,
    actors: ["coordinator"],
    to: ["duplicate"],
    why: "merge into another case, which carries the work and the answer",
  },
  {
    action: "withdraw",
    from: OPEN,
    actors: ["submitter", "coordinator"],
    to: ["withdrawn"],
    why: "the submitter withdraws (the coordinator records it for a phone call, with a reason)",
  },
  {
    action: "reinstate",
    from: ["notResponsible", "duplicate"],
    actors: ["coordinator"],
    to: ["new"],
    why: "undo a wrong end state; a withdrawal is final",
  },
  {
    action: "escalate",
    from: [...OPEN, "answered"],
    actors: ["coordinator", "system"],
    to: "unchanged",
    why: "put under supervision (督办), by hand or when a deadline is breached",
  },
  {
    action: "split",
    from: OPEN,
    actors: ["coordinator"],
    to: "unchanged",
    why: "several problems in one case (a salon's list) become new cases with the same submission time",
  },
];

export interface WorkflowPolicy {
  /** The submitter may reopen until this many working days after the latest answer. */
  reopenWithinWorkingDays: number;
  /** The system closes an unrated answer this many working days after it. */
  autoCloseAfterWorkingDays: number;
  /** Reopens by the submitter (including by a "not satisfied" rating) per case. */
  maxReopens: number;
}

/** Platform defaults an administrator can change; not taken from a regulation. */
export const DEFAULT_WORKFLOW_POLICY: WorkflowPolicy = {
  reopenWithinWorkingDays: 15,
  autoCloseAfterWorkingDays: 10,
  maxReopens: 2,
};

/** The most new cases one split may create. */
export const MAX_SPLIT_PARTS = 50;

export interface CaseRating {
  rating: SatisfactionRating;
  at: Date;
}

/** What the guards and the SLA need; the server stores it with the case. */
export interface CaseState {
  status: CaseStatus;
  departmentId: string | null;
  /** The clock of every deadline; kept by transfers and splits so neither buys time. */
  submittedAt: Date;
  acknowledgedAt: Date | null;
  firstAnsweredAt: Date | null;
  /** The latest answer (the reopen period counts from it). */
  answeredAt: Date | null;
  /** When the department's work last ended (answer or end state); null while work is owed. */
  resolvedAt: Date | null;
  /** When the case last reached a finished status (closed, not responsible, duplicate, withdrawn). */
  closedAt: Date | null;
  /** The latest reopen: a re-handled case gets a fresh resolve deadline from here (see sla.ts). */
  reopenedAt: Date | null;
  reopenCount: number;
  /** The submitter's rating of the latest answer; cleared on reopen (older ratings live in the timeline). */
  rating: CaseRating | null;
  duplicateOf: string | null;
  /** Times put under supervision. */
  escalations: number;
}

/** A case as submitted. */
export function newCaseState(submittedAt: Date, departmentId: string | null = null): CaseState {
  return {
    status: "new",
    departmentId,
    submittedAt,
    acknowledgedAt: null,
    firstAnsweredAt: null,
    answeredAt: null,
    resolvedAt: null,
    closedAt: null,
    reopenedAt: null,
    reopenCount: 0,
    rating: null,
    duplicateOf: null,
    escalations: 0,
  };
}

/** Facts the server looks up for the guards. */
export interface CaseContext {
  now: Date;
  calendar: WorkCalendar;
  policy?: Partial<WorkflowPolicy>;
  /** This case's id (refuses merging a case into itself). */
  caseId?: string;
  /** Whether a department exists and is active; required by assign and transfer. */
  departmentExists?: (departmentId: string) => boolean;
  /** For markDuplicate: the target case as stored, or null if not found. */
  duplicateTarget?: { id: string; status: CaseStatus; duplicateOf: string | null } | null;
  /** How many cases are marked duplicates of this one. */
  duplicateCount?: number;
}

export type CaseRefusalCode =
  | "status_unknown"
  | "action_unknown"
  | "actor_unknown"
  | "status_forbids"
  | "actor_forbidden"
  | "not_assigned_department"
  | "department_already_assigned"
  | "department_not_assigned"
  | "department_unknown"
  | "transfer_same_department"
  | "reason_required"
  | "reply_required"
  | "rating_invalid"
  | "comment_required"
  | "already_rated"
  | "auto_close_not_due"
  | "coordinator_decision_pending"
  | "reopen_period_expired"
  | "reopen_limit_reached"
  | "duplicate_of_self"
  | "duplicate_target_missing"
  | "duplicate_target_is_duplicate"
  | "duplicate_target_ended"
  | "duplicate_has_duplicates"
  | "split_parts_invalid";

export interface CaseRefusal {
  ok: false;
  code: CaseRefusalCode;
  message: string;
}

export type CaseActionResult =
  | {
      ok: true;
      state: CaseState;
      /** New cases from a split (empty otherwise), status new, unrouted, same submission time. */
      parts: CaseState[];
    }
  | CaseRefusal;

const refuse = (code: CaseRefusalCode, message: string): CaseRefusal => ({ ok: false, code, message });
const filled = (s: unknown): s is string => typeof s === "string" && s.trim() !== "";

function policyOf(ctx: CaseContext): WorkflowPolicy {
  return { ...DEFAULT_WORKFLOW_POLICY, ...ctx.policy };
}

function transitionOf(action: CaseActionType): CaseTransition | undefined {
  return CASE_TRANSITIONS.find((t) => t.action === action);
}

/** Whether the submitter may reopen now: within the limit and the period after the latest answer. */
function submitterReopenBlock(state: CaseState, ctx: CaseContext): CaseRefusal | null {
  const p = policyOf(ctx);
  if (state.reopenCount >= p.maxReopens) {
    return refuse("reopen_limit_reached", `the case was reopened ${state.reopenCount} times already`);
  }
  // Whole working days after the answer's date: the period ends when the next working day after the N-th
  // begins, as a period's last day rolls over rest days.
  if (
    state.answeredAt === null ||
    workingDaysBetween(ctx.calendar, state.answeredAt, ctx.now) > p.reopenWithinWorkingDays
  ) {
    return refuse(
      "reopen_period_expired",
      `a case can be reopened within ${p.reopenWithinWorkingDays} working days of the answer`,
    );
  }
  return null;
}

/** Guards on the case and who acts (not on the action's text): what `caseActionOffers` shows. */
function stateGuard(
  state: CaseState,
  type: CaseActionType,
  actor: CaseActor,
  ctx: CaseContext,
): CaseRefusal | null {
  if (actor.kind === "department" && ["acknowledge", "decline", "start", "answer"].includes(type)) {
    if (state.departmentId === null || state.departmentId !== actor.departmentId) {
      return refuse("not_assigned_department", "the case is not assigned to this department");
    }
  }
  switch (type) {
    case "assign":
      return state.departmentId === null
        ? null
        : refuse("department_already_assigned", "the case already has a department: transfer it instead");
    case "transfer":
      return state.departmentId !== null
        ? null
        : refuse("department_not_assigned", "the case has no department yet: assign it instead");
    case "rate":
      return state.rating === null ? null : refuse("already_rated", "this answer has been rated already");
    case "close": {
      if (actor.kind !== "system") return null;
      if (state.rating?.rating === "notSatisfied") {
        return refuse(
          "coordinator_decision_pending",
          "the submitter is not satisfied: the coordinator decides",
        );
      }
      const after = policyOf(ctx).autoCloseAfterWorkingDays;
      const elapsed =
        state.answeredAt === null ? 0 : workingDaysBetween(ctx.calendar, state.answeredAt, ctx.now);
      return elapsed >= after
        ? null
        : refuse("auto_close_not_due", `an unrated answer closes ${after} working days after it is given`);
    }
    case "reopen":
      return actor.kind === "submitter" ? submitterReopenBlock(state, ctx) : null;
    case "markDuplicate":
      return (ctx.duplicateCount ?? 0) > 0
        ? refuse(
            "duplicate_has_duplicates",
            "other cases are duplicates of this one: point them at the new target first",
          )
        : null;
    default:
      return null;
  }
}

/** Guards on what the action carries: reasons, replies, ratings, targets. */
function payloadGuard(
  state: CaseState,
  action: CaseAction,
  actor: CaseActor,
  ctx: CaseContext,
): CaseRefusal | null {
  switch (action.type) {
    case "assign":
    case "transfer": {
      const id = action.departmentId;
      if (!filled(id) || ctx.departmentExists === undefined || !ctx.departmentExists(id)) {
        return refuse("department_unknown", `no such department: ${JSON.stringify(id)}`);
      }
      if (action.type === "assign") return null;
      if (id === state.departmentId) {
        return refuse("transfer_same_department", "the case is already with this department");
      }
      return filled(action.reason) ? null : refuse("reason_required", "say why the case is transferred");
    }
    case "decline":
    case "reopen":
    case "markNotResponsible":
    case "reinstate":
    case "escalate":
      return filled(action.reason)
        ? null
        : refuse("reason_required", `a reason is required to ${action.type}`);
    case "withdraw":
      return actor.kind !== "coordinator" || filled(action.reason)
        ? null
        : refuse("reason_required", "record how the submitter asked to withdraw");
    case "answer":
      return filled(action.reply) ? null : refuse("reply_required", "an answer needs a public reply");
    case "rate":
      if (!SATISFACTION_RATINGS.includes(action.rating)) {
        return refuse("rating_invalid", `unknown rating ${JSON.stringify(action.rating)}`);
      }
      return action.rating === "notSatisfied" && !filled(action.comment)
        ? refuse("comment_required", "say what is not solved")
        : null;
    case "markDuplicate": {
      const target = ctx.duplicateTarget;
      if (ctx.caseId !== undefined && action.duplicateOf === ctx.caseId) {
        return refuse("duplicate_of_self", "a case cannot duplicate itself");
      }
      if (!target || target.id !== action.duplicateOf) {
        return refuse("duplicate_target_missing", `no such case: ${JSON.stringify(action.duplicateOf)}`);
      }
      // Duplicates point at the case that carries the work, never along a chain (so no cycle can form).
      if (target.status === "duplicate" || target.duplicateOf !== null) {
        return refuse("duplicate_target_is_duplicate", "the target is itself a duplicate: use its original");
      }
      if (target.status === "withdrawn" || target.status === "notResponsible") {
        return refuse("duplicate_target_ended", `the target case is ${target.status}`);
      }
      return null;
    }
    case "split":
      return Number.isInteger(action.parts) && action.parts >= 1 && action.parts <= MAX_SPLIT_PARTS
        ? null
        : refuse("split_parts_invalid", `a split creates 1 to ${MAX_SPLIT_PARTS} new cases`);
    default:
      return null;
  }
}

/** Status, actor kind and state guards; null when the action may be offered. */
function check(
  state: CaseState,
  type: CaseActionType,
  actor: CaseActor,
  ctx: CaseContext,
): CaseRefusal | null {
  if (!CASE_STATUSES.includes(state.status)) {
    return refuse("status_unknown", `unknown status ${JSON.stringify(state.status)}`);
  }
  const t = transitionOf(type);
  if (!t) return refuse("action_unknown", `unknown action ${JSON.stringify(type)}`);
  if (!ACTOR_KINDS.includes(actor.kind)) {
    return refuse("actor_unknown", `unknown actor ${JSON.stringify(actor.kind)}`);
  }
  if (!t.from.includes(state.status)) {
    return refuse("status_forbids", `cannot ${type} a case that is ${state.status}`);
  }
  if (!t.actors.includes(actor.kind)) {
    return refuse("actor_forbidden", `${actor.kind} may not ${type} (allowed: ${t.actors.join(", ")})`);
  }
  return stateGuard(state, type, actor, ctx);
}

/** The new state after an action that passed every guard. */
function effect(state: CaseState, action: CaseAction, ctx: CaseContext): CaseState {
  const now = ctx.now;
  const finished = (status: CaseStatus): CaseState => ({ ...state, status, resolvedAt: now, closedAt: now });
  const reopened = (s: CaseState): CaseState => ({
    ...s,
    status: "inProgress",
    reopenCount: s.reopenCount + 1,
    reopenedAt: now,
    resolvedAt: null,
    closedAt: null,
    rating: null,
  });
  switch (action.type) {
    case "acknowledge":
      return { ...state, status: "acknowledged", acknowledgedAt: now };
    case "assign":
    case "transfer":
      return { ...state, departmentId: action.departmentId };
    case "decline":
      return { ...state, departmentId: null };
    case "start":
      return { ...state, status: "inProgress", acknowledgedAt: state.acknowledgedAt ?? now };
    case "answer":
      return {
        ...state,
        status: "answered",
        acknowledgedAt: state.acknowledgedAt ?? now,
        firstAnsweredAt: state.firstAnsweredAt ?? now,
        answeredAt: now,
        resolvedAt: now,
        rating: null,
      };
    case "rate": {
      const rated = { ...state, rating: { rating: action.rating, at: now } };
      if (action.rating !== "notSatisfied") return { ...rated, status: "closed", closedAt: now };
      // Not satisfied: a reopen the submitter could ask for anyway, plus supervision; when no reopen is left
      // (limit or period), supervision only — the coordinator then reopens or closes.
      const escalated = { ...rated, escalations: state.escalations + 1 };
      return submitterReopenBlock(state, ctx) === null ? reopened(escalated) : escalated;
    }
    case "close":
      return { ...state, status: "closed", closedAt: now };
    case "reopen":
      return reopened(state);
    case "markNotResponsible":
      return finished("notResponsible");
    case "markDuplicate":
      return { ...finished("duplicate"), duplicateOf: action.duplicateOf };
    case "withdraw":
      return finished("withdrawn");
    case "reinstate":
      return { ...state, status: "new", duplicateOf: null, resolvedAt: null, closedAt: null };
    case "escalate":
      return { ...state, escalations: state.escalations + 1 };
    case "split":
      return state;
  }
}

/** Perform an action, or say why not (stable code, English message; the server translates the code). */
export function applyCaseAction(
  state: CaseState,
  action: CaseAction,
  actor: CaseActor,
  ctx: CaseContext,
): CaseActionResult {
  const blocked = check(state, action.type, actor, ctx) ?? payloadGuard(state, action, actor, ctx);
  if (blocked) return blocked;
  const parts =
    action.type === "split"
      ? Array.from({ length: action.parts }, () => newCaseState(state.submittedAt))
      : [];
  return { ok: true, state: effect(state, action, ctx), parts };
}

export interface CaseActionOffer {
  action: CaseActionType;
  /** Why it cannot be done now (to show it disabled), or null. Payload checks (reasons, texts) come later. */
  blockedBy: CaseRefusalCode | null;
}

/** The actions this actor's kind may take in this status, each with the guard that blocks it now. */
export function caseActionOffers(state: CaseState, actor: CaseActor, ctx: CaseContext): CaseActionOffer[] {
  return CASE_TRANSITIONS.filter((t) => t.from.includes(state.status) && t.actors.includes(actor.kind)).map(
    (t) => ({
      action: t.action,
      blockedBy: check(state, t.action, actor, ctx)?.code ?? null,
    }),
  );
}

/** The actions the UI should offer: permitted for the actor and passing their guards now. */
export function caseAllowedActions(state: CaseState, actor: CaseActor, ctx: CaseContext): CaseActionType[] {
  return caseActionOffers(state, actor, ctx)
    .filter((o) => o.blockedBy === null)
    .map((o) => o.action);
}

export type WorkflowPolicyIssueCode = "policy_value_invalid";

/** Each policy value must be a whole number ≥ 0 (0 reopens: submitters cannot reopen). */
export function validateWorkflowPolicy(
  policy: WorkflowPolicy,
): { path: keyof WorkflowPolicy; code: WorkflowPolicyIssueCode; message: string }[] {
  return (Object.keys(DEFAULT_WORKFLOW_POLICY) as (keyof WorkflowPolicy)[])
    .filter((k) => !(Number.isSafeInteger(policy[k]) && policy[k] >= 0 && policy[k] <= 366))
    .map((k) => ({
      path: k,
      code: "policy_value_invalid",
      message: `${k} must be a whole number from 0 to 366`,
    }));
}
