// Test helpers for the classification module (not exported from index.ts).
import fc from "fast-check";
import { DEFAULT_RULE_SET } from "./mode.ts";
import {
  ASSESSMENT_ELEMENT_IDS,
  type AssessmentElementId,
  type ClassificationRuleSet,
  COMPARISONS,
  ENTERPRISE_CLASSES,
  SIGNAL_METRICS,
  type SignalMetric,
  type SignalRule,
} from "./types.ts";

export const METRICS = Object.keys(SIGNAL_METRICS) as SignalMetric[];

export function checklistOf(score: number): Record<AssessmentElementId, number> {
  return Object.fromEntries(ASSESSMENT_ELEMENT_IDS.map((id) => [id, score])) as Record<
    AssessmentElementId,
    number
  >;
}

/** A checklist for the default rule set (max score 10 per element). */
export const checklistArb = fc
  .tuple(...ASSESSMENT_ELEMENT_IDS.map(() => fc.integer({ min: 0, max: 10 })))
  .map((scores) => Object.fromEntries(ASSESSMENT_ELEMENT_IDS.map((id, i) => [id, scores[i] ?? 0])));

/** Nine non-negative integers summing to 100, from 8 cut points. */
const weightsArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 8, maxLength: 8 }).map((cuts) => {
  const s = [0, ...cuts.sort((a, b) => a - b), 100];
  return s.slice(1).map((v, i) => v - (s[i] ?? 0));
});

const signalRuleArb: fc.Arbitrary<Omit<SignalRule, "id">> = fc.record({
  metric: fc.constantFrom(...METRICS),
  windowMonths: fc.constantFrom(6, 12, 24),
  comparison: fc.constantFrom(...COMPARISONS),
  threshold: fc.integer({ min: 0, max: 100 }),
  effect: fc.oneof(
    fc.record({ kind: fc.constant("capAt" as const), class: fc.constantFrom(...ENTERPRISE_CLASSES) }),
    fc.record({ kind: fc.constant("floor" as const), class: fc.constantFrom(...ENTERPRISE_CLASSES) }),
    fc.record({ kind: fc.constant("demoteBy" as const), steps: fc.integer({ min: 1, max: 3 }) }),
  ),
});

/** Valid rule sets: random weights, max scores, band edges and signal rules. */
export const ruleSetArb: fc.Arbitrary<ClassificationRuleSet> = fc
  .record({
    weights: weightsArb,
    maxScores: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 9, maxLength: 9 }),
    edges: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 3 }),
    rules: fc.array(signalRuleArb, { maxLength: 8 }),
  })
  .map(({ weights, maxScores, edges, rules }) => {
    const [a = 1, b = 2, c = 3] = edges.sort((x, y) => x - y);
    return {
      ...DEFAULT_RULE_SET,
      version: "random",
      elements: ASSESSMENT_ELEMENT_IDS.map((id, i) => ({
        id,
        weight: weights[i] ?? 0,
        maxScore: maxScores[i] ?? 1,
      })),
      bands: [
        { class: "IV" as const, min: 0, max: a },
        { class: "III" as const, min: a, max: b },
        { class: "II" as const, min: b, max: c },
        { class: "I" as const, min: c, max: 100 },
      ],
      signalRules: rules.map((r, i) => ({ ...r, id: `r${i}` })),
    };
  });
