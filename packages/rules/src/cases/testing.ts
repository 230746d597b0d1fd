// Test helpers for the case rules (not exported from the package).
import { DEFAULT_WORK_CALENDAR } from "./calendar.ts";
import {
  type ActorKind,
  type CaseAction,
  type CaseActionType,
  type CaseActor,
  type CaseContext,
  type CaseState,
  type CaseStatus,
  FINISHED_CASE_STATUSES,
  newCaseState,
} from "./workflow.ts";

export const DEPARTMENTS = new Set(["D1", "D2", "D3"]);

/** An instant given as Shanghai wall-clock time. */
export const sh = (local: string) => new Date(`${local}+08:00`);

/** A weekday morning away from holidays. */
export const NOW = sh("2025-03-20T10:00");

/** 12 working days before NOW: 03-04 → 03-20 counts 03-05 … 03-20 without weekends. */
export const ANSWERED_AT = sh("2025-03-04T10:00");

export function actorOf(kind: ActorKind, departmentId = "D1"): CaseActor {
  return kind === "department" ? { kind, departmentId } : { kind };
}

/** A context in which no guard but status and actor refuses. */
export function context(over: Partial<CaseContext> = {}): CaseContext {
  return {
    now: NOW,
    calendar: DEFAULT_WORK_CALENDAR,
    caseId: "C1",
    departmentExists: (id) => DEPARTMENTS.has(id),
    duplicateTarget: { id: "C2", status: "inProgress", duplicateOf: null },
    duplicateCount: 0,
    ...over,
  };
}

/**
 * A state in `status` whose guards all pass for `action` with `validAction(action)`: assigned to D1 (none for
 * assign), answered 12 working days before NOW (inside the 15-day reopen period, past the 10-day auto-close),
 * unrated, never reopened.
 */
export function stateFor(status: CaseStatus, action?: CaseActionType): CaseState {
  const answeredAt = ANSWERED_AT;
  const answered = status === "answered" || status === "closed";
  const finished = FINISHED_CASE_STATUSES.includes(status);
  return {
    ...newCaseState(sh("2025-02-20T09:00")),
    status,
    departmentId: action === "assign" ? null : "D1",
    acknowledgedAt: status === "new" ? null : sh("2025-02-20T11:00"),
    firstAnsweredAt: answered ? answeredAt : null,
    answeredAt: answered ? answeredAt : null,
    resolvedAt: answered || finished ? answeredAt : null,
    closedAt: finished ? sh("2025-03-06T10:00") : null,
    duplicateOf: status === "duplicate" ? "C2" : null,
  };
}

/** An action of the type with a payload every payload guard accepts in `context()`. */
export function validAction(type: CaseActionType): CaseAction {
  switch (type) {
    case "assign":
      return { type, departmentId: "D1" };
    case "transfer":
      return { type, departmentId: "D2", reason: "land use is the natural resources bureau's" };
    case "decline":
    case "reopen":
    case "markNotResponsible":
    case "reinstate":
    case "escalate":
    case "withdraw":
      return { type, reason: "reason given" };
    case "answer":
      return { type, reply: "The subsidy application opens on 1 April." };
    case "rate":
      return { type, rating: "satisfied" };
    case "markDuplicate":
      return { type, duplicateOf: "C2" };
    case "split":
      return { type, parts: 2 };
    default:
      return { type };
  }
}
