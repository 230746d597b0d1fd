import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { AssessmentAnswers } from "./answers.ts";
import {
  type AssessmentScore,
  prepareSystem,
  type ScoreOptions,
  scoreAssessment,
  scorePrepared,
} from "./score.ts";
import { authored } from "./systems/build.ts";
import { copy, FULL, FULL_METRICS, fixture } from "./testing.ts";
import type { EvaluationSystem, RatingRule } from "./types.ts";

function ok(sys: EvaluationSystem, answers: AssessmentAnswers, options: ScoreOptions = {}): AssessmentScore {
  const r = scoreAssessment(sys, answers, { metrics: FULL_METRICS, ...options });
  assert.ok(r.ok, JSON.stringify(r));
  return r;
}

const with_ = (changes: AssessmentAnswers): AssessmentAnswers => ({ ...FULL, ...changes });

describe("scoreAssessment: hand-worked weighted percent", () => {
  const cases: {
    name: string;
    answers: AssessmentAnswers;
    metrics?: Record<string, number>;
    missing?: "zero" | "exclude";
    s1: number | null;
    s2: number | null;
    overall: number;
    level: string;
    sectionLevels: [string | null, string | null];
  }[] = [
    {
      name: "full marks",
      answers: FULL,
      s1: 100,
      s2: 100,
      overall: 100,
      level: "good",
      sectionLevels: ["good", "good"],
    },
    {
      // s1 = 0.5·50 + 0.4·50 = 45; overall 0.6·45 + 0.4·100 = 67
      name: "partial and 260 h",
      answers: with_({ i1: { self: "partial" }, i2: { self: 260 } }),
      s1: 45,
      s2: 100,
      overall: 67,
      level: "fair",
      sectionLevels: ["poor", "good"],
    },
    {
      // s2 = 0.5·30 + 0.75·25 + 0·20 + 0.6·25 = 48.75; overall 60 + 0.4·48.75 = 79.5
      name: "choice b, x+z, one file of two, overtime share 3 %",
      answers: with_({ i3: { self: "b" }, i4: { self: ["x", "z"] }, i5: { self: ["f1"] } }),
      metrics: { "labour.monthlyOvertimeOver36h": 3 },
      s1: 100,
      s2: 48.75,
      overall: 79.5,
      level: "fair",
      sectionLevels: ["good", "poor"],
    },
    {
      name: "multi choice points capped at maxPoints",
      answers: with_({ i4: { self: ["x", "y", "z"] } }),
      s1: 100,
      s2: 100,
      overall: 100,
      level: "good",
      sectionLevels: ["good", "good"],
    },
    {
      // i5 not applicable: s2 = (0 + 25 + 25) / 80 = 62.5; overall 60 + 25 = 85
      name: "not applicable leaves the indicator out",
      answers: with_({ i3: { self: "c" }, i5: { self: null } }),
      s1: 100,
      s2: 62.5,
      overall: 85,
      level: "good",
      sectionLevels: ["good", "fair"],
    },
    {
      name: "unanswered counts zero by default",
      answers: { ...FULL, i1: {} },
      s1: 50,
      s2: 100,
      overall: 70,
      level: "fair",
      sectionLevels: ["fair", "good"],
    },
    {
      name: "unanswered excluded on request",
      answers: { ...FULL, i1: {} },
      missing: "exclude",
      s1: 100,
      s2: 100,
      overall: 100,
      level: "good",
      sectionLevels: ["good", "good"],
    },
    {
      name: "a section with nothing counted is not rated and drops out of the overall",
      answers: { i3: { self: "a" }, i4: { self: ["x", "y"] }, i5: { self: ["f1", "f2"] } },
      missing: "exclude",
      s1: null,
      s2: 100,
      overall: 100,
      level: "good",
      sectionLevels: [null, "good"],
    },
    {
      name: "hours above every step earn nothing",
      answers: with_({ i2: { self: 300 } }),
      s1: 50,
      s2: 100,
      overall: 70,
      level: "fair",
      sectionLevels: ["fair", "good"],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const opts: ScoreOptions = {};
      if (c.metrics) opts.metrics = c.metrics;
      if (c.missing) opts.missing = c.missing;
      const r = ok(fixture(), c.answers, opts);
      assert.deepEqual(
        r.sections.map((s) => s.percent),
        [c.s1, c.s2],
      );
      assert.deepEqual(
        r.sections.map((s) => s.level),
        c.sectionLevels,
      );
      assert.equal(r.overall.percent, c.overall);
      assert.equal(r.overall.level, c.level);
    });
  }

  test("indicator outcomes and points", () => {
    const r = ok(fixture(), with_({ i1: { self: "partial" }, i3: { self: "c" }, i5: { self: null } }));
    const by = Object.fromEntries(r.indicators.map((i) => [i.id, i]));
    assert.equal(by.i1?.outcome, "partial");
    assert.equal(by.i1?.points, 1);
    assert.equal(by.i3?.outcome, "fail");
    assert.equal(by.i5?.outcome, "notApplicable");
    assert.equal(by.i6?.source, "metric");
    assert.equal(by.i6?.points, 10);
    assert.equal(r.complete, true);
  });

  test("the level's validity and follow-up come with the result", () => {
    const r = ok(fixture(), with_({ i1: { self: "partial" }, i2: { self: 260 } }));
    assert.equal(r.overall.validityMonths, 12);
    assert.equal(r.overall.followUpMonths, 6);
  });

  test("trace: one line per indicator and section, hand-checked texts, final line", () => {
    const r = ok(fixture(), with_({ i1: { self: "partial" }, i2: { self: 260 } }));
    assert.equal(r.trace.filter((l) => l.key === "evaluation.trace.indicator").length, 6);
    assert.equal(r.trace.filter((l) => l.key === "evaluation.trace.section").length, 2);
    const texts = r.trace.map((l) => l.text);
    assert.ok(
      texts.includes('indicator i1: "partial" by self-assessment → 1 of 2 points (partial)'),
      texts.join("\n"),
    );
    assert.ok(
      texts.includes("indicator i6: 0 from metric labour.monthlyOvertimeOver36h → 10 of 10 points (pass)"),
    );
    assert.ok(texts.includes("section s1: 5 of 12 points, 45 % → level poor"));
    assert.ok(texts.includes("overall 67 % → level fair (band [50, 80))"));
    assert.equal(texts.at(-1), "final level fair (system fixture 1)");
  });

  test("trace off: same scores, no lines", () => {
    const a = ok(fixture(), FULL);
    const b = ok(fixture(), FULL, { trace: false });
    assert.deepEqual(b.trace, []);
    assert.deepEqual({ ...b, trace: a.trace }, a);
  });
});

describe("scoreAssessment: points sum", () => {
  function pointsSystem(basis: "percent" | "points"): EvaluationSystem {
    const s = fixture();
    s.scoringMethod = "pointsSum";
    for (const sec of s.sections) {
      delete sec.weight;
      for (const i of sec.indicators) delete i.weight;
    }
    if (basis === "points") {
      s.rating.overall = {
        method: "bands",
        banding: {
          basis: "points",
          bands: [
            { level: "good", min: 25.6, max: 32 },
            { level: "fair", min: 16, max: 25.6 },
            { level: "poor", min: 0, max: 16 },
          ],
        },
      };
    }
    return s;
  }

  test("percent basis: 25 of 32 points = 78.125 % → fair", () => {
    const r = ok(pointsSystem("percent"), with_({ i1: { self: "partial" }, i2: { self: 260 } }));
    assert.equal(r.overall.points, 25);
    assert.equal(r.overall.maxPoints, 32);
    assert.equal(r.overall.percent, 78.125);
    assert.equal(r.overall.level, "fair");
    assert.deepEqual(
      r.sections.map((s) => [s.points, s.maxPoints, s.percent]),
      [
        [5, 12, 41.6667],
        [20, 20, 100],
      ],
    );
  });

  test("points basis: full marks 32 → good; not applicable scales to the full scale", () => {
    assert.equal(ok(pointsSystem("points"), FULL).overall.level, "good");
    // 23 of 30 counted points = 76.6667 % → 24.5333 of 32 → fair
    const r = ok(
      pointsSystem("points"),
      with_({ i1: { self: "partial" }, i2: { self: 260 }, i5: { self: null } }),
    );
    assert.equal(r.overall.points, 23);
    assert.equal(r.overall.maxPoints, 30);
    assert.equal(r.overall.level, "fair");
    assert.ok(r.trace.some((l) => l.text === "overall 24.53 of 32 points → level fair (band [16, 25.6))"));
  });

  test("the top band includes its maximum", () => {
    const r = ok(pointsSystem("points"), FULL);
    assert.ok(r.trace.some((l) => l.text === "overall 32 of 32 points → level good (band [25.6, 32])"));
  });
});

describe("scoreAssessment: rating rules", () => {
  const ZT: RatingRule = { kind: "zeroTolerance", effect: "worstLevel", provenance: authored() };
  const ZT_NO_RATING: RatingRule = { kind: "zeroTolerance", effect: "noRating", provenance: authored() };
  const CRUCIAL_OVERALL: RatingRule = {
    kind: "crucialFailureCap",
    scope: "overall",
    capAt: "fair",
    provenance: authored(),
  };
  const CRUCIAL_SECTION: RatingRule = {
    kind: "crucialFailureCap",
    scope: "section",
    capAt: "poor",
    provenance: authored(),
  };
  const share = (x: { minCount?: number; minSharePercent?: number }): RatingRule => ({
    kind: "sectionLevelShareCap",
    atOrWorse: "fair",
    capAt: "fair",
    provenance: authored(),
    ...x,
  });

  function flagged(
    rules: RatingRule[],
    flags: Record<string, "crucial" | "zeroTolerance">,
  ): EvaluationSystem {
    const s = fixture(rules);
    for (const sec of s.sections) {
      for (const i of sec.indicators) {
        const f = flags[i.id];
        if (f) i[f] = true;
      }
    }
    return s;
  }

  // i3 "c" (crucial in these cases): s2 = 70 (fair), overall 60 + 28 = 88 (good) before rules.
  const I3_FAILS = with_({ i3: { self: "c" } });
  const cases: {
    name: string;
    rules: RatingRule[];
    flags: Record<string, "crucial" | "zeroTolerance">;
    answers: AssessmentAnswers;
    base: string | null;
    level: string | null;
    sections: (string | null)[];
    withheld?: boolean;
    zt?: string[];
    crucial?: string[];
  }[] = [
    {
      name: "no rule: crucial failure only listed",
      rules: [],
      flags: { i3: "crucial" },
      answers: I3_FAILS,
      base: "good",
      level: "good",
      sections: ["good", "fair"],
      crucial: ["i3"],
    },
    {
      name: "crucial failure caps the overall level",
      rules: [CRUCIAL_OVERALL],
      flags: { i3: "crucial" },
      answers: I3_FAILS,
      base: "good",
      level: "fair",
      sections: ["good", "fair"],
      crucial: ["i3"],
    },
    {
      name: "a partial answer is not a crucial failure",
      rules: [CRUCIAL_OVERALL],
      flags: { i3: "crucial" },
      answers: with_({ i3: { self: "b" } }),
      base: "good",
      level: "good",
      sections: ["good", "good"],
      crucial: [],
    },
    {
      name: "crucial failure caps its own section only",
      rules: [CRUCIAL_SECTION],
      flags: { i3: "crucial" },
      answers: I3_FAILS,
      base: "good",
      level: "good",
      sections: ["good", "poor"],
      crucial: ["i3"],
    },
    {
      name: "a cap never raises a level",
      rules: [CRUCIAL_OVERALL],
      flags: { i3: "crucial" },
      answers: with_({ i1: { self: "no" }, i2: { self: 300 }, i3: { self: "c" } }),
      base: "poor",
      level: "poor",
      sections: ["poor", "fair"],
      crucial: ["i3"],
    },
    {
      name: "share cap by count: 1 section fair or worse",
      rules: [share({ minCount: 1 })],
      flags: {},
      answers: I3_FAILS,
      base: "good",
      level: "fair",
      sections: ["good", "fair"],
    },
    {
      name: "share cap by count not met",
      rules: [share({ minCount: 2 })],
      flags: {},
      answers: I3_FAILS,
      base: "good",
      level: "good",
      sections: ["good", "fair"],
    },
    {
      name: "share cap by share: 1 of 2 = 50 % ≥ 50 %",
      rules: [share({ minSharePercent: 50 })],
      flags: {},
      answers: I3_FAILS,
      base: "good",
      level: "fair",
      sections: ["good", "fair"],
    },
    {
      name: "share cap by share: 50 % < 60 %",
      rules: [share({ minSharePercent: 60 })],
      flags: {},
      answers: I3_FAILS,
      base: "good",
      level: "good",
      sections: ["good", "fair"],
    },
    {
      name: "zero tolerance → worst level regardless of the score",
      rules: [ZT],
      flags: { i3: "zeroTolerance" },
      answers: I3_FAILS,
      base: "good",
      level: "poor",
      sections: ["good", "fair"],
      zt: ["i3"],
    },
    {
      name: "zero tolerance withholds the rating",
      rules: [ZT_NO_RATING],
      flags: { i3: "zeroTolerance" },
      answers: I3_FAILS,
      base: "good",
      level: null,
      withheld: true,
      sections: ["good", "fair"],
      zt: ["i3"],
    },
    {
      name: "zero tolerance prevails over caps, whatever the rule order",
      rules: [ZT, CRUCIAL_OVERALL],
      flags: { i3: "zeroTolerance", i1: "crucial" },
      answers: with_({ i1: { self: "no" }, i3: { self: "c" } }),
      base: "fair",
      level: "poor",
      sections: ["fair", "fair"],
      zt: ["i3"],
      crucial: ["i1"],
    },
    {
      name: "a partial zero-tolerance answer is no breach",
      rules: [ZT],
      flags: { i1: "zeroTolerance" },
      answers: with_({ i1: { self: "partial" } }),
      base: "good",
      level: "good",
      sections: ["fair", "good"],
      zt: [],
    },
    {
      name: "an unanswered zero-tolerance indicator is no breach",
      rules: [ZT],
      flags: { i1: "zeroTolerance" },
      answers: { ...FULL, i1: {} },
      base: "fair",
      level: "fair",
      sections: ["fair", "good"],
      zt: [],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = ok(flagged(c.rules, c.flags), c.answers);
      assert.equal(r.overall.baseLevel, c.base);
      assert.equal(r.overall.level, c.level);
      assert.equal(r.overall.ratingWithheld, c.withheld ?? false);
      assert.deepEqual(
        r.sections.map((s) => s.level),
        c.sections,
      );
      if (c.zt) assert.deepEqual(r.zeroToleranceBreaches, c.zt);
      if (c.crucial) assert.deepEqual(r.crucialFailures, c.crucial);
    });
  }

  test("applied rules record before and after, with the triggering indicators", () => {
    const r = ok(flagged([CRUCIAL_SECTION, CRUCIAL_OVERALL, ZT], { i3: "crucial", i1: "zeroTolerance" }), {
      ...I3_FAILS,
      i1: { self: "no" },
    });
    assert.deepEqual(r.applied, [
      {
        kind: "crucialFailureCap",
        sectionId: "s2",
        levelBefore: "fair",
        levelAfter: "poor",
        indicators: ["i3"],
      },
      { kind: "crucialFailureCap", levelBefore: "fair", levelAfter: "fair", indicators: ["i3"] },
      { kind: "zeroTolerance", levelBefore: "fair", levelAfter: "poor", indicators: ["i1"] },
    ]);
    assert.ok(
      r.trace.some(
        (l) => l.text === "zero-tolerance breach i1: level poor regardless of the score, immediate action",
      ),
    );
  });
});

describe("scoreAssessment: auditor overrule", () => {
  test("the auditor's value is scored, with the reason", () => {
    const r = ok(
      fixture(),
      with_({ i1: { self: "yes", auditor: "no", overruleReason: "no policy on file" } }),
    );
    const i1 = r.indicators.find((i) => i.id === "i1");
    assert.deepEqual(
      {
        source: i1?.source,
        value: i1?.value,
        overruled: i1?.overruled,
        reason: i1?.overruleReason,
        points: i1?.points,
      },
      { source: "auditor", value: "no", overruled: true, reason: "no policy on file", points: 0 },
    );
    assert.deepEqual(r.issues, []);
    assert.equal(r.complete, true);
    assert.ok(
      r.trace.some(
        (l) =>
          l.text ===
          'indicator i1: "no" by the auditor, overruling "yes" (no policy on file) → 0 of 2 points (fail)',
      ),
    );
  });

  const cases: {
    name: string;
    entry: AssessmentAnswers[string];
    id?: string;
    metrics?: Record<string, number>;
    source: string;
    overruled: boolean;
    points: number;
    issues: [string, string, string][];
  }[] = [
    {
      name: "overrule without a reason: scored, but an error",
      entry: { self: "yes", auditor: "no" },
      source: "auditor",
      overruled: true,
      points: 0,
      issues: [["answers.i1.overruleReason", "overrule_reason_missing", "error"]],
    },
    {
      name: "a blank reason is no reason",
      entry: { self: "yes", auditor: "no", overruleReason: "  " },
      source: "auditor",
      overruled: true,
      points: 0,
      issues: [["answers.i1.overruleReason", "overrule_reason_missing", "error"]],
    },
    {
      name: "an auditor who agrees needs no reason",
      entry: { self: "partial", auditor: "partial" },
      source: "auditor",
      overruled: false,
      points: 1,
      issues: [],
    },
    {
      name: "an auditor answering alone needs no reason",
      entry: { auditor: "yes" },
      source: "auditor",
      overruled: false,
      points: 2,
      issues: [],
    },
    {
      name: "option lists compare as sets",
      id: "i4",
      entry: { self: ["x", "y"], auditor: ["y", "x"] },
      source: "auditor",
      overruled: false,
      points: 4,
      issues: [],
    },
    {
      name: "an invalid auditor value falls back to the self answer, with an error",
      entry: { self: "yes", auditor: "nope", overruleReason: "x" },
      source: "self",
      overruled: false,
      points: 2,
      issues: [["answers.i1.auditor", "answer_type", "error"]],
    },
    {
      name: "an invalid self value replaced by the auditor still needs a reason",
      entry: { self: "maybe", auditor: "no" },
      source: "auditor",
      overruled: true,
      points: 0,
      issues: [
        ["answers.i1.self", "answer_type", "error"],
        ["answers.i1.overruleReason", "overrule_reason_missing", "error"],
      ],
    },
    {
      name: "a reason without an auditor answer is ignored",
      entry: { self: "yes", overruleReason: "why" },
      source: "self",
      overruled: false,
      points: 2,
      issues: [["answers.i1.overruleReason", "overrule_reason_unused", "warning"]],
    },
    {
      name: "the auditor overrules a computed metric, with a reason",
      id: "i6",
      entry: { auditor: 10, overruleReason: "timesheets incomplete; payroll shows 10 %" },
      metrics: { "labour.monthlyOvertimeOver36h": 3 },
      source: "auditor",
      overruled: true,
      points: 0,
      issues: [],
    },
    {
      name: "the auditor confirms a computed metric",
      id: "i6",
      entry: { auditor: 3 },
      metrics: { "labour.monthlyOvertimeOver36h": 3 },
      source: "auditor",
      overruled: false,
      points: 6,
      issues: [],
    },
    {
      name: "the auditor supplies a missing metric",
      id: "i6",
      entry: { auditor: 0 },
      metrics: {},
      source: "auditor",
      overruled: false,
      points: 10,
      issues: [],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const id = c.id ?? "i1";
      const opts: ScoreOptions = {};
      if (c.metrics) opts.metrics = c.metrics;
      const r = ok(fixture(), { ...FULL, [id]: c.entry }, opts);
      const s = r.indicators.find((i) => i.id === id);
      assert.equal(s?.source, c.source);
      assert.equal(s?.overruled, c.overruled);
      assert.equal(s?.points, c.points);
      assert.deepEqual(
        r.issues.map((i) => [i.path, i.code, i.severity]),
        c.issues,
      );
      assert.equal(
        r.complete,
        c.issues.every(([, , sev]) => sev !== "error"),
      );
    });
  }
});

describe("scoreAssessment: answers of the wrong type become issues, never throws", () => {
  const cases: {
    name: string;
    answers: unknown;
    metrics?: unknown;
    path: string;
    code: string;
    severity?: string;
  }[] = [
    {
      name: "yes/no: other word",
      answers: { i1: { self: "maybe" } },
      path: "answers.i1.self",
      code: "answer_type",
    },
    {
      name: "yes/no: boolean",
      answers: { i1: { self: true } },
      path: "answers.i1.self",
      code: "answer_type",
    },
    {
      name: "number: string",
      answers: { i2: { self: "200" } },
      path: "answers.i2.self",
      code: "answer_type",
    },
    {
      name: "number: NaN",
      answers: { i2: { self: Number.NaN } },
      path: "answers.i2.self",
      code: "answer_type",
    },
    {
      name: "number: above max",
      answers: { i2: { self: 500 } },
      path: "answers.i2.self",
      code: "answer_out_of_range",
    },
    {
      name: "number: below min",
      answers: { i2: { self: -1 } },
      path: "answers.i2.self",
      code: "answer_out_of_range",
    },
    {
      name: "single: unknown option",
      answers: { i3: { self: "q" } },
      path: "answers.i3.self",
      code: "answer_option_unknown",
    },
    {
      name: "single: a list",
      answers: { i3: { self: ["a"] } },
      path: "answers.i3.self",
      code: "answer_type",
    },
    {
      name: "multi: duplicate",
      answers: { i4: { self: ["x", "x"] } },
      path: "answers.i4.self",
      code: "answer_option_duplicate",
    },
    {
      name: "multi: unknown option",
      answers: { i4: { self: ["w"] } },
      path: "answers.i4.self",
      code: "answer_option_unknown",
    },
    { name: "multi: a string", answers: { i4: { self: "x" } }, path: "answers.i4.self", code: "answer_type" },
    { name: "file: blank id", answers: { i5: { self: [""] } }, path: "answers.i5.self", code: "answer_type" },
    {
      name: "not applicable where not allowed",
      answers: { i1: { self: null } },
      path: "answers.i1.self",
      code: "not_applicable_refused",
    },
    {
      name: "self answer to a computed indicator",
      answers: { i6: { self: 3 } },
      path: "answers.i6.self",
      code: "computed_self_answer",
      severity: "warning",
    },
    { name: "entry not an object", answers: { i1: "yes" }, path: "answers.i1", code: "answer_shape" },
    {
      name: "unknown field in an entry",
      answers: { i1: { self: "yes", comment: "x" } },
      path: "answers.i1.comment",
      code: "answer_shape",
    },
    {
      name: "unknown indicator",
      answers: { i99: { self: "yes" } },
      path: "answers.i99",
      code: "answer_unknown_indicator",
      severity: "warning",
    },
    { name: "answers not an object", answers: [], path: "answers", code: "answer_shape" },
    {
      name: "metric missing",
      answers: {},
      metrics: {},
      path: "answers.i6",
      code: "metric_missing",
      severity: "warning",
    },
    {
      name: "metric not a number",
      answers: {},
      metrics: { "labour.monthlyOvertimeOver36h": "3" },
      path: "answers.i6",
      code: "metric_invalid",
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const answers = Array.isArray(c.answers) ? c.answers : { ...FULL, ...(c.answers as object) };
      const r = scoreAssessment(fixture(), answers as AssessmentAnswers, {
        metrics: (c.metrics ?? FULL_METRICS) as Record<string, number>,
      });
      assert.ok(r.ok);
      const hit = r.issues.find((i) => i.path === c.path && i.code === c.code);
      assert.ok(hit, `${c.code} at ${c.path} in ${JSON.stringify(r.issues)}`);
      assert.equal(hit.severity, c.severity ?? "error");
      assert.ok(hit.message.length > 0);
    });
  }

  test("a whole number is required where the indicator says so", () => {
    const s = fixture();
    const i2 = s.sections[0]?.indicators[1];
    assert.ok(i2?.type === "number");
    i2.integer = true;
    const r = scoreAssessment(s, with_({ i2: { self: 200.5 } }), { metrics: FULL_METRICS });
    assert.ok(r.ok);
    assert.deepEqual(
      r.issues.map((i) => i.code),
      ["answer_not_integer", "answer_missing"],
    );
  });

  test("a wrong answer is scored as unanswered and the assessment is incomplete", () => {
    const r = ok(fixture(), with_({ i1: { self: "maybe" } }));
    assert.equal(r.indicators[0]?.outcome, "unanswered");
    assert.equal(r.complete, false);
    assert.deepEqual(
      r.issues.map((i) => i.code),
      ["answer_type", "answer_missing"],
    );
  });
});

describe("scoreAssessment: an invalid system is refused", () => {
  test("errors listed, nothing scored", () => {
    const s = fixture();
    const s1 = s.sections[0];
    assert.ok(s1);
    s1.weight = 70;
    const r = scoreAssessment(s, FULL);
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.systemIssues.some((i) => i.code === "weights_sum"));
  });

  test("prepareSystem once, score many: identical to scoreAssessment", () => {
    const p = prepareSystem(fixture());
    assert.ok(p.ok);
    const answers = with_({ i1: { self: "partial" } });
    assert.deepEqual(scorePrepared(p.prepared, answers, { metrics: FULL_METRICS }), ok(fixture(), answers));
  });

  test("scoring does not mutate the system or the answers", () => {
    const s = fixture();
    const before = copy(s);
    const answers = copy(with_({ i4: { self: ["y", "x"] } }));
    const answersBefore = copy(answers);
    ok(s, answers);
    assert.deepEqual(s, before);
    assert.deepEqual(answers, answersBefore);
  });
});

describe("scoreAssessment: ids that are Object.prototype names", () => {
  test("an unanswered indicator called constructor is unanswered, not malformed", () => {
    const s = fixture();
    const i1 = s.sections[0]?.indicators[0];
    assert.ok(i1);
    i1.id = "constructor";
    const r = scoreAssessment(s, { ...FULL, i1: undefined } as unknown as AssessmentAnswers, {
      metrics: FULL_METRICS,
    });
    assert.ok(r.ok);
    assert.deepEqual(
      r.issues.filter((i) => i.path.startsWith("answers.constructor")).map((i) => i.code),
      ["answer_missing"],
    );
  });
});
