import {
  type AppliedEffect,
  type ClassificationRuleSet,
  classifyEnterprise,
  type OverrideOutcome,
  type SignalMetric,
  type SignalObservation,
  type TraceLine,
} from "@jingwei/rules";
import type { Sql } from "../../platform/db.ts";

// A class decision is stored as its inputs — checklist scores, signals, override, date — rather than its trace
// (migration 0016): the trace is ~5 KB a decision, the inputs a few hundred bytes. Published rule sets are frozen
// and classifyEnterprise is pure, so running it again with the decision's rule set gives back exactly the trace
// and applied effects computed when the decision was taken. Decisions stored before keep their trace.
//
// The inputs are stored compactly, in the rule set's terms:
//   scores  [8, 7.5, …]                      one score per element, in the order of the rule set's elements
//   signals [["officialPassRate", 12, 96.2, 3, 79], …]   metric, window, value, evidence count and total
// Both read back to exactly the numbers classified (JSON keeps a number's shortest exact form).

/** The checklist as stored with a decision: the scores of the rule set's elements, in its order. */
export function encodeScores(rules: ClassificationRuleSet, checklist: Record<string, number>): string {
  return JSON.stringify(rules.elements.map((e) => checklist[e.id] ?? null));
}

/** The checklist of a stored decision (an object, as in enterprise_assessments, is read as it is). */
export function decodeScores(rules: ClassificationRuleSet, stored: unknown): Record<string, number> {
  if (!Array.isArray(stored)) return stored as Record<string, number>;
  const checklist: Record<string, number> = {};
  rules.elements.forEach((e, i) => {
    const score = stored[i];
    if (typeof score === "number") checklist[e.id] = score;
  });
  return checklist;
}

type StoredSignal =
  | [SignalMetric, number, number]
  | [SignalMetric, number, number, number]
  | [SignalMetric, number, number, number, number];

/** The observations as stored with a decision: one tuple each. */
export function encodeSignals(signals: readonly SignalObservation[]): string {
  return JSON.stringify(
    signals.map((o): StoredSignal => {
      const ev = o.evidence;
      if (!ev) return [o.metric, o.windowMonths, o.value];
      return ev.total === undefined
        ? [o.metric, o.windowMonths, o.value, ev.count]
        : [o.metric, o.windowMonths, o.value, ev.count, ev.total];
    }),
  );
}

/** The observations of a stored decision, in the shape classifyEnterprise and the API use. */
export function decodeSignals(stored: unknown): SignalObservation[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((s: StoredSignal | SignalObservation) => {
    if (!Array.isArray(s)) return s; // stored whole, before migration 0016
    const [metric, windowMonths, value, count, total] = s;
    if (count === undefined) return { metric, windowMonths, value };
    return {
      metric,
      windowMonths,
      value,
      evidence: total === undefined ? { count } : { count, total },
    };
  });
}

/** The columns of a class_decisions row that a decision is read back from. */
export interface StoredDecisionInputs {
  ruleSetId: string;
  trace: TraceLine[] | null;
  applied: AppliedEffect[] | null;
  scores: unknown;
  decidedOn: string | null;
  signals: unknown;
  override: OverrideOutcome | null;
}

/** SQL select list for StoredDecisionInputs of class_decisions `d`. */
export const STORED_INPUT_COLUMNS = `d.rule_set_id as "ruleSetId", d.trace, d.applied, d.scores,
  d.decided_on as "decidedOn", d.signals, d.override`;

/** What a reader gets from the stored inputs: the decision's signals, override, trace and applied effects. */
export interface DecisionView {
  ruleSetId: string;
  signals: SignalObservation[];
  override: OverrideOutcome | null;
  trace: TraceLine[];
  applied: AppliedEffect[];
}

/**
 * The trace and applied effects of a stored decision under its rule set: as stored, or computed again from the
 * inputs. Throws when the inputs no longer classify — the row or the frozen rule set was altered.
 */
export function traceOf(
  rules: ClassificationRuleSet,
  d: StoredDecisionInputs,
): { trace: TraceLine[]; applied: AppliedEffect[] } {
  if (d.trace) return { trace: d.trace, applied: d.applied ?? [] };
  if (d.scores == null || !d.decidedOn) throw new Error("class decision has neither a trace nor its inputs");
  const ov = d.override;
  const result = classifyEnterprise(rules, {
    checklist: decodeScores(rules, d.scores),
    signals: decodeSignals(d.signals),
    ...(ov ? { override: { class: ov.class, reason: ov.reason, expiresOn: ov.expiresOn } } : {}),
    today: d.decidedOn,
  });
  if (!result.ok) throw new Error(`class decision cannot be classified again under rule set ${d.ruleSetId}`);
  return { trace: result.trace, applied: result.applied };
}

/**
 * The decisions with their signals, trace and applied effects, each under the rule set it was taken with (read
 * once per rule set), without the columns they are computed from.
 */
export async function withTraces<T extends StoredDecisionInputs>(
  sql: Sql,
  rows: readonly T[],
): Promise<(Omit<T, keyof StoredDecisionInputs> & DecisionView)[]> {
  const needed = [...new Set(rows.filter((r) => !r.trace).map((r) => r.ruleSetId))];
  const rulesById = new Map<string, ClassificationRuleSet>();
  if (needed.length > 0) {
    const sets = await sql.query<{ id: string; rules: ClassificationRuleSet }>(
      "select id, rules from classification_rule_sets where id = any($1::uuid[])",
      [needed],
    );
    for (const s of sets) rulesById.set(s.id, s.rules);
  }
  return rows.map((row) => {
    const { ruleSetId, trace, applied, scores: _s, decidedOn: _d, signals, override, ...rest } = row;
    const rules = trace ? null : rulesById.get(ruleSetId);
    if (rules === undefined) throw new Error(`rule set ${ruleSetId} of a class decision is missing`);
    const view: DecisionView = {
      ruleSetId,
      signals: decodeSignals(signals),
      override,
      ...(rules ? traceOf(rules, row) : { trace: trace ?? [], applied: applied ?? [] }),
    };
    return { ...rest, ...view };
  });
}
