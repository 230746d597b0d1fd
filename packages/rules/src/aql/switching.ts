// Lot verdicts and the normal / tightened / reduced switching rules of ISO 2859-1:1999 clause 9 (GB/T 2828.1-2012).
//
// Switching is tracked separately for each enterprise × product × defect class (the standard keeps a severity per
// class of nonconformity); the inspection level does not change when switching. Keep one `SwitchingState` per such
// stream and feed each lot on *original* inspection (not resubmitted lots) through `nextSwitchingState`.

import { AqlInputError } from "./errors.ts";
import { type SamplingPlanInput, samplingPlan, tighterAqlAcceptNumber } from "./plan.ts";
import { type AcceptReject, type AqlTables, DEFAULT_AQL_TABLES } from "./tables.ts";

// ---------------------------------------------------------------------------------------------------------------
// Verdict

export const DEFECT_CLASSES = ["critical", "major", "minor"] as const;
export type DefectClass = (typeof DEFECT_CLASSES)[number];

export type LotResult = "accepted" | "rejected";

export interface ClassVerdict {
  /** null when a single plan and a single count were given. */
  defectClass: DefectClass | null;
  defects: number;
  accept: number;
  reject: number;
  result: LotResult;
}

export interface Verdict {
  result: LotResult;
  accepted: boolean;
  classes: ClassVerdict[];
}

function checkCount(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new AqlInputError(field, `${field} must be a whole number ≥ 0; got ${String(value)}`);
  }
  return value;
}

function checkPlan(plan: unknown, field: string): AcceptReject {
  const p = plan as Partial<AcceptReject> | null;
  if (typeof p !== "object" || p === null)
    throw new AqlInputError(field, `${field} must be a plan {accept, reject}`);
  const accept = checkCount(p.accept, `${field}.accept`);
  const reject = checkCount(p.reject, `${field}.reject`);
  if (reject !== accept + 1) {
    throw new AqlInputError(
      field,
      `${field}: single sampling needs reject = accept + 1; got ${accept}/${reject}`,
    );
  }
  return { accept, reject };
}

function judge(defectClass: DefectClass | null, defects: number, plan: AcceptReject): ClassVerdict {
  return { defectClass, defects, ...plan, result: defects <= plan.accept ? "accepted" : "rejected" };
}

/**
 * Accept or reject a lot.
 *
 * - `verdict(plan, d)`: one plan (anything with `accept`/`reject`, e.g. a `SamplingPlan`) and the number of
 *   nonconforming items (or nonconformities) found: accepted when d ≤ Ac, rejected when d ≥ Re.
 * - `verdict({ critical, major, minor }, { critical, major, minor })`: a plan per defect class (each usually from
 *   its own AQL; give critical defects `{ accept: 0, reject: 1 }` for zero tolerance) and a count per class.
 *   Each class with a plan is judged on its own; the lot is accepted only if every class is accepted. A class
 *   with a plan needs a count, and a count needs a plan.
 *
 * Throws `AqlInputError` (field "plan", "plan.major", "defectsFound", "defectsFound.minor", …) on bad input.
 */
export function verdict(plan: AcceptReject, defectsFound: number): Verdict;
export function verdict(
  plans: Partial<Record<DefectClass, AcceptReject>>,
  defectsFound: Partial<Record<DefectClass, number>>,
): Verdict;
export function verdict(
  plan: AcceptReject | Partial<Record<DefectClass, AcceptReject>>,
  defectsFound: number | Partial<Record<DefectClass, number>>,
): Verdict {
  if (typeof plan !== "object" || plan === null) throw new AqlInputError("plan", "plan must be an object");
  let classes: ClassVerdict[];
  if ("accept" in plan || "reject" in plan) {
    classes = [judge(null, checkCount(defectsFound, "defectsFound"), checkPlan(plan, "plan"))];
  } else {
    if (typeof defectsFound !== "object" || defectsFound === null) {
      throw new AqlInputError("defectsFound", "with a plan per defect class, give a count per defect class");
    }
    const plans = plan as Partial<Record<string, unknown>>;
    const counts = defectsFound as Partial<Record<string, unknown>>;
    for (const key of new Set([...Object.keys(plans), ...Object.keys(counts)])) {
      if (!(DEFECT_CLASSES as readonly string[]).includes(key)) {
        throw new AqlInputError(`plan.${key}`, `unknown defect class ${JSON.stringify(key)}`);
      }
    }
    classes = [];
    for (const c of DEFECT_CLASSES) {
      const p = plans[c];
      const d = counts[c];
      if (p === undefined && d === undefined) continue;
      if (p === undefined)
        throw new AqlInputError(`plan.${c}`, `defects counted for class ${c} but no plan given`);
      if (d === undefined) throw new AqlInputError(`defectsFound.${c}`, `no count given for class ${c}`);
      classes.push(judge(c, checkCount(d, `defectsFound.${c}`), checkPlan(p, `plan.${c}`)));
    }
    if (classes.length === 0) throw new AqlInputError("plan", "no defect class to judge");
  }
  const accepted = classes.every((c) => c.result === "accepted");
  return { result: accepted ? "accepted" : "rejected", accepted, classes };
}

// ---------------------------------------------------------------------------------------------------------------
// Switching state machine

export type SwitchingStage = "normal" | "tightened" | "reduced" | "discontinued";

export interface SwitchingState {
  stage: SwitchingStage;
  /** Results (true = accepted) of the latest lots on original normal inspection, oldest first, at most 5. */
  recentNormalResults: readonly boolean[];
  /** ISO 2859-1:1999 9.3.3.2 switching score; only kept on normal inspection, 0 elsewhere. */
  switchingScore: number;
  /** Consecutive lots accepted since tightened inspection started or since the last lot not accepted. */
  consecutiveAcceptedOnTightened: number;
  /** Lots not accepted in total since tightened inspection started. */
  notAcceptedOnTightened: number;
}

/** Lot size-independent thresholds of the switching rules (ISO 2859-1:1999 9.3, 9.4). */
export const SWITCHING_RULES = {
  /** normal → tightened: this many not accepted … */
  tightenAfterNotAccepted: 2,
  /** … within this many (or fewer) consecutive lots. */
  tightenWindow: 5,
  /** tightened → normal after this many consecutive accepted lots. */
  relaxAfterConsecutiveAccepted: 5,
  /** tightened → discontinued when lots not accepted on tightened reach this total. */
  discontinueAfterNotAccepted: 5,
  /** normal → reduced needs a switching score of at least this (plus steady production and approval). */
  reducedScore: 30,
  /** Score added for an accepted lot when Ac ≥ 2 and the lot would also pass one AQL step tighter. */
  scoreTighterPass: 3,
  /** Score added for an accepted lot when Ac is 0 or 1. */
  scoreAccepted: 2,
} as const;

export function initialSwitchingState(): SwitchingState {
  return {
    stage: "normal",
    recentNormalResults: [],
    switchingScore: 0,
    consecutiveAcceptedOnTightened: 0,
    notAcceptedOnTightened: 0,
  };
}

/** A lot on original inspection, and the conditions that matter for switching. */
export interface LotEvent {
  type: "lot";
  accepted: boolean;
  /** Ac of the plan the lot was judged with. */
  acceptanceNumber: number;
  /**
   * Whether the lot would also have been accepted at the AQL one step tighter (same sample). Required on normal
   * inspection when the lot was accepted with Ac ≥ 2; ignored otherwise. See `switchingLotEvent`.
   */
  acceptedAtTighterAql?: boolean;
  /** Production is at a steady rate (normal → reduced needs true; on reduced, false reinstates normal). */
  productionSteady?: boolean;
  /** The responsible authority considers reduced inspection desirable (normal → reduced needs true). */
  reducedApproved?: boolean;
}

export type SwitchingEvent =
  | LotEvent
  /** Production became irregular or delayed: reduced → normal. */
  | { type: "productionIrregular" }
  /** Other conditions warrant normal inspection (responsible authority): reduced → normal. */
  | { type: "reinstateNormal" }
  /** After discontinuation: the supplier's corrective action was (or was not) accepted. */
  | { type: "resume"; correctiveActionAccepted: boolean };

export type SwitchingReasonKey =
  | "aql.switching.normalToTightened"
  | "aql.switching.normalToReduced"
  | "aql.switching.stayNormal"
  | "aql.switching.stayNormalReducedConditionsUnmet"
  | "aql.switching.tightenedToNormal"
  | "aql.switching.tightenedToDiscontinued"
  | "aql.switching.stayTightened"
  | "aql.switching.reducedToNormalNotAccepted"
  | "aql.switching.reducedToNormalIrregularProduction"
  | "aql.switching.reducedToNormalAuthority"
  | "aql.switching.stayReduced"
  | "aql.switching.discontinuedLotIgnored"
  | "aql.switching.resumeToTightened"
  | "aql.switching.resumeRefused"
  | "aql.switching.noEffect";

export interface SwitchingTransition {
  state: SwitchingState;
  from: SwitchingStage;
  to: SwitchingStage;
  changed: boolean;
  /** English explanation. */
  reason: string;
  /** Stable key for translation; `reasonParams` holds the numbers to interpolate. */
  reasonKey: SwitchingReasonKey;
  reasonParams: Readonly<Record<string, number | string>>;
}

const R = SWITCHING_RULES;

function stageState(stage: SwitchingStage): SwitchingState {
  return { ...initialSwitchingState(), stage };
}

function checkState(state: unknown): SwitchingState {
  const s = state as Partial<SwitchingState> | null;
  const stages: readonly unknown[] = ["normal", "tightened", "reduced", "discontinued"];
  if (typeof s !== "object" || s === null || !stages.includes(s.stage)) {
    throw new AqlInputError("state", "state must be a SwitchingState (see initialSwitchingState)");
  }
  if (!Array.isArray(s.recentNormalResults))
    throw new AqlInputError("state.recentNormalResults", "must be an array");
  checkCount(s.switchingScore, "state.switchingScore");
  checkCount(s.consecutiveAcceptedOnTightened, "state.consecutiveAcceptedOnTightened");
  checkCount(s.notAcceptedOnTightened, "state.notAcceptedOnTightened");
  return s as SwitchingState;
}

function transition(
  from: SwitchingState,
  state: SwitchingState,
  reasonKey: SwitchingReasonKey,
  reason: string,
  reasonParams: Record<string, number | string> = {},
): SwitchingTransition {
  return {
    state,
    from: from.stage,
    to: state.stage,
    changed: from.stage !== state.stage,
    reason,
    reasonKey,
    reasonParams,
  };
}

function lotOnNormal(state: SwitchingState, e: LotEvent): SwitchingTransition {
  const window = [...state.recentNormalResults, e.accepted].slice(-R.tightenWindow);
  const notAccepted = window.filter((ok) => !ok).length;
  if (notAccepted >= R.tightenAfterNotAccepted) {
    return transition(
      state,
      stageState("tightened"),
      "aql.switching.normalToTightened",
      `${notAccepted} of the last ${window.length} lots on normal inspection were not accepted: switch to tightened inspection.`,
      { notAccepted, lots: window.length },
    );
  }

  let score: number;
  if (e.acceptanceNumber >= 2) {
    if (e.accepted && e.acceptedAtTighterAql === undefined) {
      throw new AqlInputError(
        "acceptedAtTighterAql",
        "with Ac ≥ 2 on normal inspection the switching score needs to know whether the lot would also have " +
          "been accepted at the AQL one step tighter",
      );
    }
    score = e.accepted && e.acceptedAtTighterAql === true ? state.switchingScore + R.scoreTighterPass : 0;
  } else {
    score = e.accepted ? state.switchingScore + R.scoreAccepted : 0;
  }

  if (score >= R.reducedScore && e.productionSteady === true && e.reducedApproved === true) {
    return transition(
      state,
      stageState("reduced"),
      "aql.switching.normalToReduced",
      `Switching score ${score} ≥ ${R.reducedScore}, production steady and reduced inspection approved: switch to reduced inspection.`,
      { score, threshold: R.reducedScore },
    );
  }
  const next: SwitchingState = { ...state, recentNormalResults: window, switchingScore: score };
  if (score >= R.reducedScore) {
    const missing = [
      e.productionSteady === true ? null : "steady production",
      e.reducedApproved === true ? null : "approval by the responsible authority",
    ]
      .filter((m) => m !== null)
      .join(" and ");
    return transition(
      state,
      next,
      "aql.switching.stayNormalReducedConditionsUnmet",
      `Switching score ${score} ≥ ${R.reducedScore}, but reduced inspection also needs ${missing}: stay on normal inspection.`,
      { score, threshold: R.reducedScore, missing },
    );
  }
  return transition(
    state,
    next,
    "aql.switching.stayNormal",
    `Lot ${e.accepted ? "accepted" : "not accepted"}; switching score ${score}: stay on normal inspection.`,
    { score, notAccepted, lots: window.length },
  );
}

function lotOnTightened(state: SwitchingState, e: LotEvent): SwitchingTransition {
  if (!e.accepted) {
    const notAccepted = state.notAcceptedOnTightened + 1;
    if (notAccepted >= R.discontinueAfterNotAccepted) {
      return transition(
        state,
        stageState("discontinued"),
        "aql.switching.tightenedToDiscontinued",
        `${notAccepted} lots not accepted on tightened inspection: discontinue acceptance inspection until the supplier's corrective action is accepted.`,
        { notAccepted },
      );
    }
    return transition(
      state,
      { ...state, notAcceptedOnTightened: notAccepted, consecutiveAcceptedOnTightened: 0 },
      "aql.switching.stayTightened",
      `Lot not accepted (${notAccepted} not accepted on tightened inspection so far): stay on tightened inspection.`,
      { notAccepted, consecutiveAccepted: 0 },
    );
  }
  const consecutive = state.consecutiveAcceptedOnTightened + 1;
  if (consecutive >= R.relaxAfterConsecutiveAccepted) {
    return transition(
      state,
      stageState("normal"),
      "aql.switching.tightenedToNormal",
      `${consecutive} consecutive lots accepted on tightened inspection: return to normal inspection.`,
      { consecutiveAccepted: consecutive },
    );
  }
  return transition(
    state,
    { ...state, consecutiveAcceptedOnTightened: consecutive },
    "aql.switching.stayTightened",
    `Lot accepted (${consecutive} in a row on tightened inspection): stay on tightened inspection.`,
    { notAccepted: state.notAcceptedOnTightened, consecutiveAccepted: consecutive },
  );
}

function lotOnReduced(state: SwitchingState, e: LotEvent): SwitchingTransition {
  if (!e.accepted) {
    return transition(
      state,
      stageState("normal"),
      "aql.switching.reducedToNormalNotAccepted",
      "A lot was not accepted on reduced inspection: return to normal inspection.",
    );
  }
  if (e.productionSteady === false) {
    return transition(
      state,
      stageState("normal"),
      "aql.switching.reducedToNormalIrregularProduction",
      "Production is irregular or delayed: return to normal inspection.",
    );
  }
  return transition(state, state, "aql.switching.stayReduced", "Lot accepted: stay on reduced inspection.");
}

function noEffect(state: SwitchingState, what: string): SwitchingTransition {
  return transition(
    state,
    state,
    "aql.switching.noEffect",
    `${what} has no effect on ${state.stage} inspection.`,
    {
      event: what,
    },
  );
}

/**
 * The switching state after one event (pure: the input state is not modified).
 *
 * - normal → tightened when 2 of 5 or fewer consecutive lots are not accepted;
 * - tightened → normal after 5 consecutive accepted lots;
 * - normal → reduced when the switching score is ≥ 30 and the lot event says production is steady and the
 *   responsible authority approves (both default to false, so reduced inspection is never entered silently);
 * - reduced → normal when a lot is not accepted, production is irregular (`productionSteady: false` or a
 *   `productionIrregular` event) or the authority reinstates normal (`reinstateNormal`);
 * - tightened → discontinued when lots not accepted on tightened reach 5 in total;
 * - discontinued → tightened only on `resume` with the corrective action accepted.
 *
 * Switching score (9.3.3.2, single sampling): starts at 0 whenever normal inspection starts; for each lot on normal
 * inspection, if Ac ≥ 2 add 3 when the lot would also have been accepted at the AQL one step tighter, else reset to
 * 0; if Ac is 0 or 1 add 2 when the lot is accepted, else reset to 0.
 *
 * Lot events while discontinued are ignored (no lots should be inspected under the scheme then).
 */
export function nextSwitchingState(state: SwitchingState, event: SwitchingEvent): SwitchingTransition {
  const s = checkState(state);
  const e = event as Partial<SwitchingEvent> | null;
  if (typeof e !== "object" || e === null) throw new AqlInputError("event", "event must be an object");
  switch (e.type) {
    case "lot": {
      const lot = e as LotEvent;
      if (typeof lot.accepted !== "boolean")
        throw new AqlInputError("accepted", "accepted must be a boolean");
      checkCount(lot.acceptanceNumber, "acceptanceNumber");
      if (s.stage === "normal") return lotOnNormal(s, lot);
      if (s.stage === "tightened") return lotOnTightened(s, lot);
      if (s.stage === "reduced") return lotOnReduced(s, lot);
      return transition(
        s,
        s,
        "aql.switching.discontinuedLotIgnored",
        "Acceptance inspection is discontinued; the lot does not count until inspection resumes.",
      );
    }
    case "productionIrregular":
      if (s.stage !== "reduced") return noEffect(s, "Irregular production");
      return transition(
        s,
        stageState("normal"),
        "aql.switching.reducedToNormalIrregularProduction",
        "Production is irregular or delayed: return to normal inspection.",
      );
    case "reinstateNormal":
      if (s.stage !== "reduced") return noEffect(s, "Reinstating normal inspection");
      return transition(
        s,
        stageState("normal"),
        "aql.switching.reducedToNormalAuthority",
        "The responsible authority requires normal inspection: return to normal inspection.",
      );
    case "resume": {
      const r = e as { correctiveActionAccepted?: unknown };
      if (typeof r.correctiveActionAccepted !== "boolean") {
        throw new AqlInputError("correctiveActionAccepted", "correctiveActionAccepted must be a boolean");
      }
      if (s.stage !== "discontinued") return noEffect(s, "Resuming");
      if (!r.correctiveActionAccepted) {
        return transition(
          s,
          s,
          "aql.switching.resumeRefused",
          "The supplier's corrective action has not been accepted: inspection stays discontinued.",
        );
      }
      return transition(
        s,
        stageState("tightened"),
        "aql.switching.resumeToTightened",
        "The supplier's corrective action was accepted: resume with tightened inspection.",
      );
    }
    default:
      throw new AqlInputError("event.type", `unknown switching event ${JSON.stringify(e.type)}`);
  }
}

/**
 * Builds the lot event for `nextSwitchingState` from the plan input and the count found for one defect class:
 * accepted = d ≤ Ac, and for Ac ≥ 2 whether d would also pass the same sample's Ac at the AQL one step tighter
 * (false when that cell is an arrow or there is no tighter AQL — never the case for Ac ≥ 2 in Table 2-A).
 */
export function switchingLotEvent(
  input: SamplingPlanInput,
  defectsFound: number,
  options: { tables?: AqlTables; productionSteady?: boolean; reducedApproved?: boolean } = {},
): LotEvent {
  const tables = options.tables ?? DEFAULT_AQL_TABLES;
  const plan = samplingPlan(input, tables);
  const d = checkCount(defectsFound, "defectsFound");
  const event: LotEvent = { type: "lot", accepted: d <= plan.accept, acceptanceNumber: plan.accept };
  if (plan.accept >= 2) {
    const tighter = tighterAqlAcceptNumber(tables.plans[input.stage], plan.planLetter, input.aql);
    event.acceptedAtTighterAql = tighter !== null && d <= tighter;
  }
  if (options.productionSteady !== undefined) event.productionSteady = options.productionSteady;
  if (options.reducedApproved !== undefined) event.reducedApproved = options.reducedApproved;
  return event;
}
