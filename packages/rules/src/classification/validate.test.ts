import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { DEFAULT_RULE_SET } from "./mode.ts";
import { ruleSetArb } from "./testing.ts";
import type { ClassificationRuleSet, SignalMetric } from "./types.ts";
import { isUsableRuleSet, validateRuleSet } from "./validate.ts";

function codes(rs: ClassificationRuleSet): string[] {
  return validateRuleSet(rs).map((i) => `${i.code}@${i.path}`);
}

describe("validateRuleSet", () => {
  test("the default rule set has no issue at all", () => {
    assert.deepEqual(validateRuleSet(DEFAULT_RULE_SET), []);
  });

  test("weights not summing to 100", () => {
    const elements = DEFAULT_RULE_SET.elements.map((e, i) => (i === 0 ? { ...e, weight: 20 } : e));
    assert.deepEqual(codes({ ...DEFAULT_RULE_SET, elements }), ["weights_sum@elements"]);
  });

  test("negative weight, zero max score, missing and duplicate elements", () => {
    const [first, second, ...rest] = DEFAULT_RULE_SET.elements;
    assert.ok(first && second);
    const elements = [{ ...first, weight: -15 }, { ...first, maxScore: 0 }, ...rest];
    assert.deepEqual(codes({ ...DEFAULT_RULE_SET, elements }), [
      "element_weight_invalid@elements[0].weight",
      "element_duplicate@elements[1].id",
      "element_max_score_invalid@elements[1].maxScore",
      "element_missing@elements",
    ]);
  });

  test("a gap between classes is refused", () => {
    const bands = [
      { class: "I" as const, min: 90, max: 100 },
      { class: "II" as const, min: 75, max: 88 },
      { class: "III" as const, min: 60, max: 75 },
      { class: "IV" as const, min: 0, max: 60 },
    ];
    const issues = validateRuleSet({ ...DEFAULT_RULE_SET, bands });
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [["band_gap", "bands[0].min"]],
    );
    assert.match(issues[0]?.message ?? "", /from 88 to 90/);
    assert.equal(isUsableRuleSet({ ...DEFAULT_RULE_SET, bands }), false);
  });

  test("an overlap between classes is refused", () => {
    const bands = [
      { class: "I" as const, min: 85, max: 100 },
      { class: "II" as const, min: 75, max: 90 },
      { class: "III" as const, min: 60, max: 75 },
      { class: "IV" as const, min: 0, max: 60 },
    ];
    assert.deepEqual(codes({ ...DEFAULT_RULE_SET, bands }), ["band_overlap@bands[0].min"]);
  });

  test("bands not covering 0–100, out of order, duplicate or missing class", () => {
    const short = [
      { class: "I" as const, min: 90, max: 99 },
      { class: "II" as const, min: 75, max: 90 },
      { class: "III" as const, min: 60, max: 75 },
      { class: "IV" as const, min: 5, max: 60 },
    ];
    assert.deepEqual(codes({ ...DEFAULT_RULE_SET, bands: short }), [
      "band_coverage@bands[3].min",
      "band_coverage@bands[0].max",
    ]);
    const swapped = [
      { class: "II" as const, min: 90, max: 100 },
      { class: "I" as const, min: 75, max: 90 },
      { class: "III" as const, min: 60, max: 75 },
      { class: "IV" as const, min: 0, max: 60 },
    ];
    assert.deepEqual(codes({ ...DEFAULT_RULE_SET, bands: swapped }), ["band_order@bands[0].class"]);
    const dup = [
      { class: "I" as const, min: 50, max: 100 },
      { class: "I" as const, min: 0, max: 50 },
    ];
    assert.deepEqual(codes({ ...DEFAULT_RULE_SET, bands: dup }), [
      "band_class_duplicate@bands[1].class",
      "band_class_missing@bands",
      "band_class_missing@bands",
      "band_class_missing@bands",
    ]);
    const empty = [{ class: "IV" as const, min: 10, max: 10 }];
    assert.ok(codes({ ...DEFAULT_RULE_SET, bands: empty }).includes("band_range_invalid@bands[0]"));
  });

  test("signal rules: unknown metric, negative window, bad threshold and effect, duplicate id", () => {
    const [r0, r1] = DEFAULT_RULE_SET.signalRules;
    assert.ok(r0 && r1);
    const signalRules = [
      { ...r0, metric: "onTimeDelivery" as SignalMetric },
      { ...r1, windowMonths: -12 },
      { ...r0, threshold: 120 },
      { ...r1, id: "x", effect: { kind: "demoteBy" as const, steps: 0 } },
      { ...r1, id: "y", effect: { kind: "capAt" as const, class: "V" as "IV" } },
    ];
    assert.deepEqual(codes({ ...DEFAULT_RULE_SET, signalRules }), [
      "signal_metric_unknown@signalRules[0].metric",
      "signal_window_invalid@signalRules[1].windowMonths",
      "signal_id_duplicate@signalRules[2].id",
      "signal_threshold_invalid@signalRules[2].threshold",
      "signal_effect_invalid@signalRules[3].effect.steps",
      "signal_effect_invalid@signalRules[4].effect.class",
    ]);
  });

  test("mode matrix incomplete, unknown mode, non-monotone is a warning", () => {
    const { IV: _omit, ...rest } = DEFAULT_RULE_SET.modeMatrix;
    const incomplete = { ...DEFAULT_RULE_SET, modeMatrix: rest as ClassificationRuleSet["modeMatrix"] };
    assert.deepEqual(codes(incomplete), [
      "mode_matrix_incomplete@modeMatrix.IV.low",
      "mode_matrix_incomplete@modeMatrix.IV.medium",
      "mode_matrix_incomplete@modeMatrix.IV.high",
    ]);
    const lighter = {
      ...DEFAULT_RULE_SET,
      modeMatrix: {
        ...DEFAULT_RULE_SET.modeMatrix,
        IV: { low: "verification", medium: "special", high: "special" },
      },
    } as ClassificationRuleSet;
    const issues = validateRuleSet(lighter);
    assert.ok(issues.length > 0 && issues.every((i) => i.code === "mode_matrix_not_monotone"));
    assert.ok(issues.every((i) => i.severity === "warning"));
    assert.equal(isUsableRuleSet(lighter), true);
    const unknown = {
      ...DEFAULT_RULE_SET,
      modeMatrix: {
        ...DEFAULT_RULE_SET.modeMatrix,
        I: { low: "none", medium: "verification", high: "general" },
      },
    } as unknown as ClassificationRuleSet;
    assert.deepEqual(codes(unknown), ["mode_unknown@modeMatrix.I.low"]);
  });

  test("sampling shares outside 0–1, and stringent/special must be 1", () => {
    const rs = {
      ...DEFAULT_RULE_SET,
      samplingShares: { verification: -0.1, general: 1.5, stringent: 0.5, special: 1 },
    };
    assert.deepEqual(codes(rs), [
      "sampling_share_range@samplingShares.verification",
      "sampling_share_range@samplingShares.general",
      "sampling_share_must_be_one@samplingShares.stringent",
    ]);
  });

  test("version missing", () => {
    assert.deepEqual(codes({ ...DEFAULT_RULE_SET, version: " " }), ["version_missing@version"]);
  });

  test("property: generated valid rule sets have no error", () => {
    fc.assert(fc.property(ruleSetArb, (rs) => isUsableRuleSet(rs)));
  });
});
