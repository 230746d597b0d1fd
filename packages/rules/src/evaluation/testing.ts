// Test fixtures for the evaluation module (not exported from index.ts).
import type { AnswerEntry, AnswerValue, AssessmentAnswers } from "./answers.ts";
import { authored, t } from "./systems/build.ts";
import type { EvaluationSystem, Indicator, RatingRule } from "./types.ts";

/**
 * A small weighted system with every indicator type:
 * s1 (weight 60): i1 yes/partial/no (50), i2 monthly hours, lower is better (50);
 * s2 (weight 40): i3 single choice (30), i4 multi choice (25), i5 two files (20), i6 computed overtime share (25).
 * Levels good [80, 100], fair [50, 80), poor [0, 50) for sections and overall.
 */
export function fixture(rules: RatingRule[] = []): EvaluationSystem {
  return {
    id: "fixture",
    version: "1",
    name: t("测试体系", "Test system"),
    kind: "custom",
    status: "draft",
    scoringMethod: "weightedPercent",
    sections: [
      {
        id: "s1",
        name: t("一", "One"),
        weight: 60,
        indicators: [
          {
            id: "i1",
            type: "yesPartialNo",
            name: t("是否", "Yes/no"),
            weight: 50,
            maxPoints: 2,
            provenance: authored(),
          },
          {
            id: "i2",
            type: "number",
            name: t("月工时", "Monthly hours"),
            weight: 50,
            maxPoints: 10,
            unit: "h",
            min: 0,
            max: 400,
            scoring: {
              direction: "lowerIsBetter",
              steps: [
                { threshold: 210, points: 10 },
                { threshold: 250, points: 7 },
                { threshold: 280, points: 4 },
              ],
            },
            provenance: authored(),
          },
        ],
      },
      {
        id: "s2",
        name: t("二", "Two"),
        weight: 40,
        indicators: [
          {
            id: "i3",
            type: "singleChoice",
            name: t("单选", "Single"),
            weight: 30,
            maxPoints: 4,
            options: [
              { id: "a", label: t("甲", "a"), points: 4 },
              { id: "b", label: t("乙", "b"), points: 2 },
              { id: "c", label: t("丙", "c"), points: 0 },
            ],
            provenance: authored(),
          },
          {
            id: "i4",
            type: "multiChoice",
            name: t("多选", "Multi"),
            weight: 25,
            maxPoints: 4,
            options: [
              { id: "x", label: t("x", "x"), points: 2 },
              { id: "y", label: t("y", "y"), points: 2 },
              { id: "z", label: t("z", "z"), points: 1 },
            ],
            provenance: authored(),
          },
          {
            id: "i5",
            type: "file",
            name: t("文件", "Files"),
            weight: 20,
            maxPoints: 2,
            minFiles: 2,
            allowNotApplicable: true,
            provenance: authored(),
          },
          {
            id: "i6",
            type: "computed",
            name: t("加班", "Overtime"),
            weight: 25,
            maxPoints: 10,
            metric: "labour.monthlyOvertimeOver36h",
            unit: "%",
            scoring: {
              direction: "lowerIsBetter",
              steps: [
                { threshold: 0, points: 10 },
                { threshold: 5, points: 6 },
              ],
            },
            provenance: authored(),
          },
        ],
      },
    ],
    rating: {
      levels: [
        { id: "good", name: t("好", "good"), validityMonths: 24 },
        { id: "fair", name: t("中", "fair"), validityMonths: 12, followUpMonths: 6 },
        { id: "poor", name: t("差", "poor"), validityMonths: 12, followUpMonths: 3 },
      ],
      sectionBands: [
        { level: "good", min: 80, max: 100 },
        { level: "fair", min: 50, max: 80 },
        { level: "poor", min: 0, max: 50 },
      ],
      overall: {
        method: "bands",
        banding: {
          basis: "percent",
          bands: [
            { level: "good", min: 80, max: 100 },
            { level: "fair", min: 50, max: 80 },
            { level: "poor", min: 0, max: 50 },
          ],
        },
      },
      rules,
    },
  };
}

/** Full marks on the fixture (metric labour.monthlyOvertimeOver36h = 0 passed separately). */
export const FULL: AssessmentAnswers = {
  i1: { self: "yes" },
  i2: { self: 200 },
  i3: { self: "a" },
  i4: { self: ["x", "y"] },
  i5: { self: ["f1", "f2"] },
};

export const FULL_METRICS = { "labour.monthlyOvertimeOver36h": 0 };

/** A deep copy to mutate in a test. */
export function copy<T>(x: T): T {
  return structuredClone(x);
}

/** The answer (or metric value) that earns an indicator's best points. */
export function bestValue(ind: Indicator): AnswerValue {
  switch (ind.type) {
    case "yesPartialNo":
      return "yes";
    case "number":
    case "computed": {
      const best = [...ind.scoring.steps].sort((a, b) => b.points - a.points)[0];
      return best?.threshold ?? 0;
    }
    case "singleChoice":
      return [...ind.options].sort((a, b) => b.points - a.points)[0]?.id ?? "";
    case "multiChoice":
      return ind.options.map((o) => o.id);
    case "file":
      return Array.from({ length: ind.minFiles }, (_, i) => `file-${i}`);
  }
}

/** The answer that earns nothing. */
export function worstValue(ind: Indicator): AnswerValue {
  switch (ind.type) {
    case "yesPartialNo":
      return "no";
    case "number":
    case "computed": {
      const ts = ind.scoring.steps.map((s) => s.threshold);
      // Below every step (or above, for lower-is-better); number answers stay within min–max.
      if (ind.scoring.direction === "higherIsBetter") {
        const below = Math.min(...ts) - 1;
        return ind.type === "number" && ind.min !== undefined ? Math.max(ind.min, below) : below;
      }
      return Math.max(...ts) + 1;
    }
    case "singleChoice":
      return [...ind.options].sort((a, b) => a.points - b.points)[0]?.id ?? "";
    case "multiChoice":
      return [];
    case "file":
      return [];
  }
}

/** Answers and metrics from a value picker applied to every indicator. */
export function answersBy(
  sys: EvaluationSystem,
  pick: (ind: Indicator) => AnswerValue,
): { answers: Record<string, AnswerEntry>; metrics: Record<string, number> } {
  const answers: Record<string, AnswerEntry> = {};
  const metrics: Record<string, number> = {};
  for (const s of sys.sections) {
    for (const ind of s.indicators) {
      const v = pick(ind);
      if (ind.type === "computed") metrics[ind.metric] = v as number;
      else answers[ind.id] = { self: v };
    }
  }
  return { answers, metrics };
}

/** A random valid answer (null sometimes, where allowed). */
export function randomValue(ind: Indicator, rnd: () => number): AnswerValue {
  if (ind.allowNotApplicable && rnd() < 0.1) return null;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  switch (ind.type) {
    case "yesPartialNo":
      return pick(["yes", "partial", "no"]);
    case "number":
    case "computed": {
      const ts = ind.scoring.steps.map((s) => s.threshold);
      const lo = ind.type === "number" && ind.min !== undefined ? ind.min : Math.min(0, ...ts);
      const hi = ind.type === "number" && ind.max !== undefined ? ind.max : Math.max(...ts) * 1.5 + 1;
      const v = lo + rnd() * (hi - lo);
      return ind.type === "number" && ind.integer ? Math.floor(v) : Math.round(v * 100) / 100;
    }
    case "singleChoice":
      return pick(ind.options).id;
    case "multiChoice":
      return ind.options.filter(() => rnd() < 0.5).map((o) => o.id);
    case "file":
      return Array.from({ length: Math.floor(rnd() * 3) }, (_, i) => `f${i}`);
  }
}
