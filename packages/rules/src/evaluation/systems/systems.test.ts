import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { AnswerEntry } from "../answers.ts";
import { type AssessmentScore, type ScoreOptions, scoreAssessment } from "../score.ts";
import { answersBy, bestValue, copy, worstValue } from "../testing.ts";
import { allIndicators, type EvaluationSystem, isPublished, type Section } from "../types.ts";
import { validateEvaluationSystem } from "../validate.ts";
import { BSCI_SYSTEM } from "./bsci.ts";
import { authored, t } from "./build.ts";
import { CLEAN_ENTERPRISE_SYSTEM } from "./clean-enterprise.ts";
import { CSC9000T_SYSTEM } from "./csc9000t.ts";
import { SHIPPED_SYSTEMS } from "./index.ts";
import { STAR_RATING_SYSTEM } from "./star-rating.ts";

function ok(
  sys: EvaluationSystem,
  answers: Record<string, AnswerEntry>,
  options: ScoreOptions = {},
): AssessmentScore {
  const r = scoreAssessment(sys, answers, options);
  assert.ok(r.ok, JSON.stringify(r));
  return r;
}

describe("the four shipped systems", () => {
  for (const sys of SHIPPED_SYSTEMS) {
    test(`${sys.id}: valid, published, no warnings`, () => {
      assert.deepEqual(validateEvaluationSystem(sys), []);
      assert.ok(isPublished(sys));
    });

    test(`${sys.id}: every indicator says where it comes from`, () => {
      for (const { indicator } of allIndicators(sys)) {
        const p = indicator.provenance;
        assert.ok(p.kind === "authored" || (p.kind === "source" && p.cite.trim() !== ""), indicator.id);
      }
      assert.ok(sys.rating.rules.every((r) => r.provenance !== undefined));
    });

    test(`${sys.id}: best answers → best level, worst answers → worst level`, () => {
      const best = answersBy(sys, bestValue);
      const top = ok(sys, best.answers, { metrics: best.metrics });
      assert.equal(top.overall.percent, 100);
      assert.equal(top.overall.level, sys.rating.levels[0]?.id);
      assert.equal(top.complete, true);
      assert.deepEqual(top.issues, []);
      const worst = answersBy(sys, worstValue);
      const bottom = ok(sys, worst.answers, { metrics: worst.metrics });
      assert.equal(bottom.overall.percent, 0);
      assert.equal(bottom.overall.level, sys.rating.levels.at(-1)?.id);
    });
  }

  test("ids are unique across the shipped systems", () => {
    assert.equal(new Set(SHIPPED_SYSTEMS.map((s) => s.id)).size, SHIPPED_SYSTEMS.length);
  });

  test("CSC9000T: the ten elements of REFERENCE §5 plus the unverified eleventh", () => {
    assert.deepEqual(
      CSC9000T_SYSTEM.sections.map((s) => s.id),
      [
        "managementSystem",
        "discrimination",
        "unions",
        "childLabour",
        "forcedLabour",
        "contract",
        "workingHours",
        "wages",
        "harassment",
        "ohs",
        "environment",
      ],
    );
    const env = CSC9000T_SYSTEM.sections.at(-1)?.provenance;
    assert.ok(env?.kind === "source" && env.verified === false);
  });

  test("BSCI: 13 areas, yes/partial/no only, the four zero-tolerance cases", () => {
    assert.equal(BSCI_SYSTEM.sections.length, 13);
    const all = allIndicators(BSCI_SYSTEM).map((x) => x.indicator);
    assert.ok(all.every((i) => i.type === "yesPartialNo"));
    assert.deepEqual(
      all.filter((i) => i.zeroTolerance).map((i) => i.id),
      ["pa07-imminent-danger", "pa08-no-child", "pa11-no-bonded", "pa13-no-bribery"],
    );
  });

  test("star rating: 11 categories × 4 = 44 indicators on 1000 points; only culture is the seed's", () => {
    assert.equal(STAR_RATING_SYSTEM.sections.length, 11);
    assert.ok(STAR_RATING_SYSTEM.sections.every((s) => s.indicators.length === 4));
    assert.equal(
      allIndicators(STAR_RATING_SYSTEM).reduce((n, x) => n + x.indicator.maxPoints, 0),
      1000,
    );
    const fromSeed = STAR_RATING_SYSTEM.sections
      .filter((s) => s.provenance?.kind === "source")
      .map((s) => s.id);
    assert.deepEqual(fromSeed, ["culture"]);
  });

  test("clean enterprise: the six process areas of seed 004 carry risk points", () => {
    const riskSections = CLEAN_ENTERPRISE_SYSTEM.sections.filter((s) =>
      s.indicators.some((i) => i.tags?.includes("riskPoint")),
    );
    assert.deepEqual(
      riskSections.map((s) => s.id),
      ["procurement", "sales", "finance", "production", "legal", "logistics"],
    );
  });
});

describe("BSCI overall rating from area ratings (REFERENCE §5), table-driven", () => {
  // The shipped BSCI rating scheme over 13 one-question areas whose answer sets the area percent directly.
  // X: nothing at all (0 points), a failing answer, so a breach where the indicator is zero-tolerance.
  const GRADE_POINTS: Record<string, number> = { A: 100, B: 80, C: 60, D: 40, E: 10, X: 0 };
  const ladderSystem: EvaluationSystem = {
    ...copy(BSCI_SYSTEM),
    id: "bsci-ladder",
    status: "draft",
    sections: BSCI_SYSTEM.sections.map(
      (s, n): Section => ({
        id: s.id,
        name: s.name,
        indicators: [
          {
            id: `g${n + 1}`,
            type: "singleChoice",
            name: t("等级", "grade"),
            maxPoints: 100,
            zeroTolerance: n === 7,
            options: Object.entries(GRADE_POINTS).map(([id, points]) => ({ id, label: t(id, id), points })),
            provenance: authored(),
          },
        ],
      }),
    ),
  };
  ladderSystem.rating = { ...ladderSystem.rating, rules: [BSCI_SYSTEM.rating.rules[0] as never] };

  const expand = (spec: string) =>
    spec.replace(/(\d+)([A-E])/g, (_, n: string, l: string) => l.repeat(Number(n)));
  const cases: [string, string][] = [
    ["13A", "A"],
    ["7A6B", "A"],
    ["6A7B", "B"],
    ["7A5B1C", "B"],
    ["10A3C", "B"],
    ["9A4C", "C"],
    ["12A1D", "C"],
    ["11A2D", "C"],
    ["5A3B3C2D", "C"],
    ["10A3D", "D"],
    ["12A1E", "D"],
    ["7A6E", "D"],
    ["6A4C3D", "D"],
    ["6A7E", "E"],
    ["13E", "E"],
    ["13C", "C"],
    ["13D", "D"],
  ];
  for (const [spec, want] of cases) {
    test(`${spec} → ${want}`, () => {
      const grades = expand(spec);
      assert.equal(grades.length, 13);
      const answers = Object.fromEntries([...grades].map((g, i) => [`g${i + 1}`, { self: g }]));
      const r = ok(ladderSystem, answers);
      assert.equal(r.sections.map((s) => s.level).join(""), grades);
      assert.equal(r.overall.level, want);
    });
  }

  test("zero tolerance (area 8 failing) makes any ladder result E", () => {
    const answers = Object.fromEntries(
      Array.from({ length: 13 }, (_, i) => [`g${i + 1}`, { self: i === 7 ? "X" : "A" }]),
    );
    const r = ok(ladderSystem, answers);
    assert.equal(r.overall.baseLevel, "D");
    assert.equal(r.overall.level, "E");
    assert.deepEqual(r.zeroToleranceBreaches, ["g8"]);
    const e = Object.fromEntries(
      Array.from({ length: 13 }, (_, i) => [`g${i + 1}`, { self: i === 7 ? "E" : "A" }]),
    );
    assert.equal(ok(ladderSystem, e).overall.level, "D", "graded E but not failed: no breach");
  });
});

describe("BSCI end to end with yes / partially / no", () => {
  const ALL_YES = answersBy(BSCI_SYSTEM, () => "yes").answers;
  const cases: {
    name: string;
    changes: Record<string, AnswerEntry>;
    areas: string;
    base: string;
    level: string;
    zt?: string[];
  }[] = [
    { name: "all yes", changes: {}, areas: "AAAAAAAAAAAAA", base: "A", level: "A" },
    {
      // area 1: 5 of 6 = 83.3 % → B
      name: "one partial",
      changes: { "pa01-responsible": { self: "partial" } },
      areas: "BAAAAAAAAAAAA",
      base: "A",
      level: "A",
    },
    {
      // area 5: 6 of 8 = 75 % → B, but a crucial no caps it at C; 12 A + 1 C → B
      name: "crucial minimum wage no",
      changes: { "pa05-minimum": { self: "no" } },
      areas: "AAAACAAAAAAAA",
      base: "B",
      level: "B",
    },
    {
      // area 8: 2 of 4 = 50 % → D; 12 A + 1 D → C; zero tolerance → E
      name: "child labour found",
      changes: {
        "pa08-no-child": { self: "yes", auditor: "no", overruleReason: "two workers aged 15 on the line" },
      },
      areas: "AAAAAAADAAAAA",
      base: "C",
      level: "E",
      zt: ["pa08-no-child"],
    },
    {
      name: "young workers not applicable: area 9 unrated",
      changes: { "pa09-hazardous": { self: null }, "pa09-register": { self: null } },
      areas: "AAAAAAAA-AAAA",
      base: "A",
      level: "A",
    },
    {
      // areas 1–4: 4 of 6 = 66.7 % → C each; four C areas are too many for B → C
      name: "four areas with one no each",
      changes: Object.fromEntries(
        ["pa01-responsible", "pa02-informed", "pa03-join", "pa04-pregnancy"].map((id) => [
          id,
          { self: "no" },
        ]),
      ),
      areas: "CCCCAAAAAAAAA",
      base: "C",
      level: "C",
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = ok(BSCI_SYSTEM, { ...ALL_YES, ...c.changes });
      assert.equal(r.sections.map((s) => s.level ?? "-").join(""), c.areas);
      assert.equal(r.overall.baseLevel, c.base);
      assert.equal(r.overall.level, c.level);
      assert.deepEqual(r.zeroToleranceBreaches, c.zt ?? []);
      assert.equal(
        r.overall.validityMonths,
        BSCI_SYSTEM.rating.levels.find((l) => l.id === c.level)?.validityMonths,
      );
    });
  }
});

describe("CSC9000T with the platform's labour metrics", () => {
  const best = answersBy(CSC9000T_SYSTEM, bestValue);
  test("the pilot's hours curve: 335 h → 290 h → 265 h a month", () => {
    const points = [335, 290, 265, 205].map((h) => {
      const r = ok(CSC9000T_SYSTEM, best.answers, {
        metrics: { ...best.metrics, "labour.averageMonthlyHours": h },
      });
      return r.indicators.find((i) => i.id === "wh-monthly-average")?.points;
    });
    assert.deepEqual(points, [0, 2, 4, 10]);
  });

  test("overtime over 36 h in 20 % of worker-months: crucial, at best conditionally compliant", () => {
    const r = ok(CSC9000T_SYSTEM, best.answers, {
      metrics: { ...best.metrics, "labour.monthlyOvertimeOver36h": 20 },
    });
    assert.deepEqual(r.crucialFailures, ["wh-overtime-36h"]);
    assert.equal(r.overall.baseLevel, "compliant");
    assert.equal(r.overall.level, "conditional");
  });
});
