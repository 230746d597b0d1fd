import {
  type AppliedEffect,
  type ClassificationRuleSet,
  classifyEnterprise,
  type OverrideOutcome,
  type SignalObservation,
  type TraceLine,
} from "@jingwei/rules";
import type { Sql } from "../../platform/db.ts";

// A class decision is stored as its inputs (checklist scores, signals, override, date) rather than its trace
// (migration 0016). Published rule sets are frozen and classifyEnterprise is pure, so running it again with the
// decision's rule set gives back exactly the trace and applied effects computed when the decision was taken.
// Decisions stored before 0016 carry their trace and are shown as stored.

/** The columns of a class_decisions row that the trace comes from. */
export interface StoredDecisionInputs {
  ruleSetId: string;
  trace: TraceLine[] | null;
  applied: AppliedEffect[] | null;
  scores: Record<string, number> | null;
  decidedOn: string | null;
  signals: SignalObservation[];
  override: OverrideOutcome | null;
}

/** SQL select list for StoredDecisionInputs of class_decisions `d` (the signals are selected by the caller). */
export const STORED_INPUT_COLUMNS = `d.rule_set_id as "ruleSetId", d.trace, d.applied, d.scores,
  d.decided_on as "decidedOn", d.override`;

/** The trace and applied effects of a stored decision: as stored, or computed again from its inputs. */
export function traceOf(
  rules: ClassificationRuleSet,
  d: StoredDecisionInputs,
): { trace: TraceLine[]; applied: AppliedEffect[] } {
  if (d.trace) return { trace: d.trace, applied: d.applied ?? [] };
  if (!d.scores || !d.decidedOn) throw new Error("class decision has neither a trace nor its inputs");
  const result = classifyEnterprise(rules, {
    checklist: d.scores,
    signals: d.signals,
    ...(d.override
      ? { override: { class: d.override.class, reason: d.override.reason, expiresOn: d.override.expiresOn } }
      : {}),
    today: d.decidedOn,
  });
  // The inputs were accepted once by this frozen rule set; a refusal now means the stored row was altered.
  if (!result.ok) throw new Error(`class decision cannot be traced again under rule set ${d.ruleSetId}`);
  return { trace: result.trace, applied: result.applied };
}

/**
 * The decisions with their trace and applied effects, each under the rule set it was taken with (read once per
 * rule set), and without the inputs columns.
 */
export async function withTraces<T extends StoredDecisionInputs>(
  sql: Sql,
  rows: readonly T[],
): Promise<(Omit<T, keyof StoredDecisionInputs> & StoredDecisionView)[]> {
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
    const { ruleSetId, trace: _t, applied: _a, scores: _s, decidedOn: _d, signals, override, ...rest } = row;
    const rules = rulesById.get(ruleSetId);
    const traced = row.trace
      ? { trace: row.trace, applied: row.applied ?? [] }
      : traceOf(rules ?? missingRuleSet(ruleSetId), row);
    return { ...rest, ruleSetId, signals, override, ...traced };
  });
}

/** What a reader gets of the stored inputs: the decision's rule set, signals, override, trace and effects. */
export interface StoredDecisionView {
  ruleSetId: string;
  signals: SignalObservation[];
  override: OverrideOutcome | null;
  trace: TraceLine[];
  applied: AppliedEffect[];
}

function missingRuleSet(id: string): never {
  throw new Error(`rule set ${id} of a class decision is missing`);
}
