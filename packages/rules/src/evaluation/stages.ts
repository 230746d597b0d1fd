// The assessment stage machine of the CSC9000T pilot (seed 000, REFERENCE.md §5): self-assessment → expert
// initial assessment (site visit, worker interviews, document review) → training and trial run of at least two
// months → re-assessment → rating with a validity period → follow-up. Explicit table, guards return codes; the
// server records the dates and facts the guards read, this module reads no clock.

import { parseIsoDate } from "../labour/dates.ts";
import { addMonths, previousDay } from "./dates.ts";

export type AssessmentStage =
  | "draft"
  | "selfAssessment"
  | "expertInitial"
  | "trainingTrial"
  | "reassessment"
  | "rated"
  | "followUp"
  | "closed"
  | "cancelled";

/** The main line, in order; cancelled is reachable from every stage before closed. */
export const STAGE_SEQUENCE: readonly AssessmentStage[] = [
  "draft",
  "selfAssessment",
  "expertInitial",
  "trainingTrial",
  "reassessment",
  "rated",
  "followUp",
  "closed",
];

export const ASSESSMENT_STAGES: readonly AssessmentStage[] = [...STAGE_SEQUENCE, "cancelled"];

export const TERMINAL_STAGES: readonly AssessmentStage[] = ["closed", "cancelled"];

export type AssessmentRole = "enterprise" | "auditor" | "regulator" | "admin";

export const ASSESSMENT_ROLES: readonly AssessmentRole[] = ["enterprise", "auditor", "regulator", "admin"];

export type StageAction =
  | "startSelfAssessment"
  | "submitSelfAssessment"
  | "completeInitialAssessment"
  | "startReassessment"
  | "rate"
  | "startFollowUp"
  | "close"
  | "cancel";

export interface StageTransition {
  action: StageAction;
  from: AssessmentStage;
  to: AssessmentStage;
  roles: readonly AssessmentRole[];
}

const CANCELLERS: readonly AssessmentRole[] = ["auditor", "regulator", "admin"];

/** Every allowed move. Anything not listed is refused. */
export const STAGE_TRANSITIONS: readonly StageTransition[] = [
  {
    action: "startSelfAssessment",
    from: "draft",
    to: "selfAssessment",
    roles: ["auditor", "regulator", "admin"],
  },
  { action: "submitSelfAssessment", from: "selfAssessment", to: "expertInitial", roles: ["enterprise"] },
  { action: "completeInitialAssessment", from: "expertInitial", to: "trainingTrial", roles: ["auditor"] },
  // The enterprise asks for re-assessment when its trial run is done; the auditor may start it too.
  {
    action: "startReassessment",
    from: "trainingTrial",
    to: "reassessment",
    roles: ["enterprise", "auditor"],
  },
  { action: "rate", from: "reassessment", to: "rated", roles: ["auditor"] },
  { action: "startFollowUp", from: "rated", to: "followUp", roles: ["auditor", "regulator"] },
  { action: "close", from: "followUp", to: "closed", roles: ["auditor", "regulator", "admin"] },
  ...STAGE_SEQUENCE.filter((s) => s !== "closed").map(
    (from): StageTransition => ({ action: "cancel", from, to: "cancelled", roles: CANCELLERS }),
  ),
];

/** Who acts in each stage (answers, scores, books visits), for task lists and reminders. */
export const STAGE_OWNERS: Readonly<Record<AssessmentStage, readonly AssessmentRole[]>> = {
  draft: ["auditor"],
  selfAssessment: ["enterprise"],
  expertInitial: ["auditor"],
  trainingTrial: ["enterprise"],
  reassessment: ["auditor"],
  rated: ["auditor", "regulator"],
  followUp: ["auditor", "enterprise"],
  closed: [],
  cancelled: [],
};

/** Minimum trial run (seed 000 and REFERENCE.md §5: at least two months). */
export const DEFAULT_MIN_TRIAL_MONTHS = 2;

/** What the guards read; the server fills in what it knows about the assessment. */
export interface StageContext {
  /** YYYY-MM-DD, the date of the move. */
  today: string;
  /** Every applicable self-assessment indicator answered without error (scoreAssessment's `complete`). */
  selfAssessmentComplete?: boolean;
  /** Auditors assigned to the assessment. */
  auditorsAssigned?: number;
  /** YYYY-MM-DD of the site visit, on or before today. */
  siteVisitOn?: string;
  /** Workers interviewed. */
  workerInterviews?: number;
  documentReviewDone?: boolean;
  /** YYYY-MM-DD the training and trial run began (the day the initial assessment was completed). */
  trialStartedOn?: string;
  /** Default DEFAULT_MIN_TRIAL_MONTHS. */
  minTrialMonths?: number;
  /** The level the rating gives (scoreAssessment's overall level). */
  level?: string | null;
  /** How long the rating stands (the level's validityMonths). */
  validityMonths?: number;
  /** CAP items not yet closed. */
  openCapItems?: number;
  /** Why the assessment is cancelled. */
  reason?: string;
}

export type StageRefusalCode =
  | "stage_unknown"
  | "action_unknown"
  | "role_unknown"
  | "stage_terminal"
  | "stage_unchanged"
  | "stage_skipped"
  | "transition_not_allowed"
  | "action_not_allowed_in_stage"
  | "role_not_allowed"
  | "date_invalid"
  | "self_assessment_incomplete"
  | "auditor_not_assigned"
  | "site_visit_missing"
  | "worker_interviews_missing"
  | "document_review_missing"
  | "trial_start_missing"
  | "trial_too_short"
  | "rating_missing"
  | "validity_missing"
  | "cap_items_open"
  | "reason_missing";

export interface StageRefusal {
  ok: false;
  code: StageRefusalCode;
  message: string;
  params: Record<string, string | number>;
}

export interface StageMove {
  ok: true;
  action: StageAction;
  from: AssessmentStage;
  to: AssessmentStage;
  /** rate: the last day the rating stands (YYYY-MM-DD). */
  validUntil?: string;
}

function refuse(
  code: StageRefusalCode,
  message: string,
  params: Record<string, string | number> = {},
): StageRefusal {
  return { ok: false, code, message, params };
}

const isDate = (s: unknown): s is string => typeof s === "string" && parseIsoDate(s) !== undefined;

/**
 * Last day a rating given on `ratedOn` stands: the day before the same date `months` on (2024-06-30, 24 →
 * 2026-06-29). When that date does not exist (2024-02-29 + 12 months) the period runs to the month's end
 * (2025-02-28).
 */
export function ratingValidUntil(ratedOn: string, months: number): string | undefined {
  const anniversary = addMonths(ratedOn, months);
  if (anniversary === undefined) return undefined;
  const clamped = Number(anniversary.slice(8, 10)) < Number(ratedOn.slice(8, 10));
  return clamped ? anniversary : previousDay(anniversary);
}

/** The transition's guard: the move when it passes, else the refusal. */
function guard(t: StageTransition, ctx: StageContext): StageRefusal | StageMove {
  const move: StageMove = { ok: true, action: t.action, from: t.from, to: t.to };
  switch (t.action) {
    case "submitSelfAssessment":
      if (ctx.selfAssessmentComplete !== true) {
        return refuse("self_assessment_incomplete", "answer every applicable indicator before submitting");
      }
      return move;
    case "completeInitialAssessment":
      if (!((ctx.auditorsAssigned ?? 0) >= 1))
        return refuse("auditor_not_assigned", "no auditor is assigned");
      if (!isDate(ctx.siteVisitOn) || ctx.siteVisitOn > ctx.today) {
        return refuse("site_visit_missing", "the site visit has not taken place");
      }
      if (!((ctx.workerInterviews ?? 0) >= 1)) {
        return refuse("worker_interviews_missing", "no worker interviews are recorded");
      }
      if (ctx.documentReviewDone !== true)
        return refuse("document_review_missing", "the document review is not done");
      return move;
    case "startReassessment": {
      if (!isDate(ctx.trialStartedOn))
        return refuse("trial_start_missing", "the start of the trial run is not recorded");
      const months = ctx.minTrialMonths ?? DEFAULT_MIN_TRIAL_MONTHS;
      const earliest = addMonths(ctx.trialStartedOn, months) ?? ctx.trialStartedOn;
      if (ctx.today < earliest) {
        return refuse(
          "trial_too_short",
          `the trial run began on ${ctx.trialStartedOn} and must last ${months} months: re-assessment from ${earliest}`,
          { trialStartedOn: ctx.trialStartedOn, minTrialMonths: months, earliest },
        );
      }
      return move;
    }
    case "rate": {
      if (typeof ctx.level !== "string" || ctx.level === "")
        return refuse("rating_missing", "the rating has no level");
      const m = ctx.validityMonths;
      if (m === undefined || !Number.isInteger(m) || m < 1) {
        return refuse("validity_missing", "a rating needs a validity period in whole months");
      }
      move.validUntil = ratingValidUntil(ctx.today, m) ?? ctx.today;
      return move;
    }
    case "close":
      if ((ctx.openCapItems ?? 0) > 0) {
        return refuse("cap_items_open", `${ctx.openCapItems} corrective actions are still open`, {
          openCapItems: ctx.openCapItems ?? 0,
        });
      }
      return move;
    case "cancel":
      if (typeof ctx.reason !== "string" || ctx.reason.trim() === "") {
        return refuse("reason_missing", "say why the assessment is cancelled");
      }
      return move;
    default:
      return move;
  }
}

function checkCommon(stage: unknown, role: unknown, ctx: StageContext): StageRefusal | null {
  if (!ASSESSMENT_STAGES.includes(stage as AssessmentStage)) {
    return refuse("stage_unknown", `unknown stage ${JSON.stringify(stage)}`);
  }
  if (!ASSESSMENT_ROLES.includes(role as AssessmentRole))
    return refuse("role_unknown", `unknown role ${JSON.stringify(role)}`);
  if (!isDate(ctx?.today)) return refuse("date_invalid", "today must be a date YYYY-MM-DD");
  if (TERMINAL_STAGES.includes(stage as AssessmentStage)) {
    return refuse("stage_terminal", `the assessment is ${String(stage)}: no further moves`);
  }
  return null;
}

function apply(t: StageTransition, role: AssessmentRole, ctx: StageContext): StageMove | StageRefusal {
  if (!t.roles.includes(role)) {
    return refuse("role_not_allowed", `${role} may not ${t.action} (allowed: ${t.roles.join(", ")})`, {
      action: t.action,
      role,
    });
  }
  return guard(t, ctx);
}

/** Perform an action from a stage, or say why not. */
export function applyStageAction(
  stage: AssessmentStage,
  action: StageAction,
  role: AssessmentRole,
  ctx: StageContext,
): StageMove | StageRefusal {
  const common = checkCommon(stage, role, ctx);
  if (common) return common;
  if (!STAGE_TRANSITIONS.some((t) => t.action === action)) {
    return refuse("action_unknown", `unknown action ${JSON.stringify(action)}`);
  }
  const t = STAGE_TRANSITIONS.find((x) => x.from === stage && x.action === action);
  if (!t) {
    return refuse("action_not_allowed_in_stage", `cannot ${action} in stage ${stage}`, { action, stage });
  }
  return apply(t, role, ctx);
}

/** Move to a target stage (for UIs that pick stages); skipping a stage or going back is refused. */
export function moveToStage(
  stage: AssessmentStage,
  target: AssessmentStage,
  role: AssessmentRole,
  ctx: StageContext,
): StageMove | StageRefusal {
  const common = checkCommon(stage, role, ctx);
  if (common) return common;
  if (!ASSESSMENT_STAGES.includes(target))
    return refuse("stage_unknown", `unknown stage ${JSON.stringify(target)}`);
  if (target === stage) return refuse("stage_unchanged", `the assessment is already in ${stage}`);
  const t = STAGE_TRANSITIONS.find((x) => x.from === stage && x.to === target);
  if (!t) {
    const from = STAGE_SEQUENCE.indexOf(stage);
    const to = STAGE_SEQUENCE.indexOf(target);
    if (to > from + 1) {
      const skipped = STAGE_SEQUENCE.slice(from + 1, to);
      return refuse("stage_skipped", `${stage} → ${target} skips ${skipped.join(", ")}`, {
        from: stage,
        to: target,
        skipped: skipped.join(","),
      });
    }
    return refuse("transition_not_allowed", `${stage} → ${target} is not allowed`, {
      from: stage,
      to: target,
    });
  }
  return apply(t, role, ctx);
}

export interface OfferedAction {
  action: StageAction;
  to: AssessmentStage;
  /** The guard's refusal code, or null when the action can be taken now. */
  blockedBy: StageRefusalCode | null;
}

/** The actions a role may take in a stage, each with the guard that blocks it now (to show it disabled). */
export function stageActions(
  stage: AssessmentStage,
  role: AssessmentRole,
  ctx: StageContext,
): OfferedAction[] {
  if (checkCommon(stage, role, ctx)) return [];
  return STAGE_TRANSITIONS.filter((t) => t.from === stage && t.roles.includes(role)).map((t) => {
    const r = guard(t, ctx);
    return { action: t.action, to: t.to, blockedBy: r.ok ? null : r.code };
  });
}

/** The actions the UI should offer: permitted for the role and passing their guards now. */
export function allowedActions(
  stage: AssessmentStage,
  role: AssessmentRole,
  ctx: StageContext,
): StageAction[] {
  return stageActions(stage, role, ctx)
    .filter((a) => a.blockedBy === null)
    .map((a) => a.action);
}
