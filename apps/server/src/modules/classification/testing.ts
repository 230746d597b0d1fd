import {
  ASSESSMENT_ELEMENT_IDS,
  type AssessmentElementId,
  type ClassificationRuleSet,
  DEFAULT_RULE_SET,
} from "@jingwei/rules";
import type { Db } from "../../platform/db.ts";
import { todayInChina } from "../supervision/context.ts";

// Helpers of the classification tests: lots written straight into `lots` (the trigger keeps lot_stats_monthly),
// and checklists and rule sets to start from.

let lotSerial = 0;

/**
 * `count` lots of the enterprise declared on `declaredOn`: the first `rejected` rejected at their original
 * inspection, the first `selfFailed` failed in self-inspection; the rest pass both.
 */
export async function insertLots(
  db: Db,
  enterpriseId: string,
  opts: { count: number; rejected?: number; selfFailed?: number; declaredOn?: string },
): Promise<void> {
  lotSerial++;
  await db.query(
    `insert into lots (declaration_no, enterprise_id, product_category, hs_code, quantity, lot_size, value_usd,
       destination, ship_date, self_passed, declared_on, enterprise_class, product_risk, mode, sampling_share,
       decision, decision_reason, rule_set_version, status, official_result)
     select 'T' || $2 || '-' || g, $1, 'knitted', '610910', 1000, 1000, 5000, 'US', $3::date, g > $5, $3::date,
       'III', 'medium', 'stringent', 1, 'inspect', '{"key":"test","params":{},"text":"test"}'::jsonb,
       'default-2024.1', case when g <= $4 then 'rework' else 'accepted' end,
       case when g <= $4 then 'rejected' else 'accepted' end
     from generate_series(1, $6::int) g`,
    [
      enterpriseId,
      `${Date.now()}-${lotSerial}`,
      opts.declaredOn ?? todayInChina(),
      opts.rejected ?? 0,
      opts.selfFailed ?? 0,
      opts.count,
    ],
  );
}

/** Every element of the default rule set scored `score` (of 10). */
export function fullChecklist(score = 10): Record<AssessmentElementId, number> {
  return Object.fromEntries(ASSESSMENT_ELEMENT_IDS.map((id) => [id, score])) as Record<
    AssessmentElementId,
    number
  >;
}

/** A copy of the default rules, with changes. */
export function rulesWith(
  change: (rs: ClassificationRuleSet) => ClassificationRuleSet,
): ClassificationRuleSet {
  return change(structuredClone(DEFAULT_RULE_SET) as ClassificationRuleSet);
}

/** YYYY-MM-DD `days` after today (China time); negative for the past. */
export function daysFromToday(days: number): string {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
