import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BSCI_SYSTEM } from "./systems/bsci.ts";
import { authored } from "./systems/build.ts";
import { STAR_RATING_SYSTEM } from "./systems/star-rating.ts";
import { copy, fixture } from "./testing.ts";
import type { EvaluationSystem, Indicator } from "./types.ts";
import { isUsableSystem, type SystemIssueCode, validateEvaluationSystem } from "./validate.ts";

/** Loose access for mutating a copy into invalid shapes. */
// biome-ignore lint/suspicious/noExplicitAny: tests build invalid data on purpose
type Loose = Record<string, any>;

function ind(s: EvaluationSystem, section: number, i: number): Loose {
  const x = s.sections[section]?.indicators[i];
  assert.ok(x);
  return x as unknown as Loose;
}

describe("validateEvaluationSystem", () => {
  test("the fixture and a shipped system are valid", () => {
    assert.deepEqual(validateEvaluationSystem(fixture()), []);
    assert.ok(isUsableSystem(BSCI_SYSTEM));
  });

  const cases: {
    name: string;
    base?: () => EvaluationSystem;
    mutate: (s: EvaluationSystem) => void;
    path: string;
    code: SystemIssueCode;
    severity?: "warning";
  }[] = [
    { name: "bad system id", mutate: (s) => (s.id = "a b"), path: "id", code: "id_invalid" },
    { name: "no version", mutate: (s) => (s.version = " "), path: "version", code: "version_missing" },
    { name: "no English name", mutate: (s) => (s.name.en = ""), path: "name.en", code: "text_missing" },
    { name: "unknown kind", mutate: (s) => ((s as Loose).kind = "x"), path: "kind", code: "kind_unknown" },
    {
      name: "unknown status",
      mutate: (s) => ((s as Loose).status = "live"),
      path: "status",
      code: "status_unknown",
    },
    {
      name: "unknown scoring method",
      mutate: (s) => ((s as Loose).scoringMethod = "median"),
      path: "scoringMethod",
      code: "scoring_method_unknown",
    },
    { name: "no sections", mutate: (s) => (s.sections = []), path: "sections", code: "sections_empty" },
    {
      name: "empty section",
      mutate: (s) => {
        (s.sections[1] as Loose).indicators = [];
      },
      path: "sections[1].indicators",
      code: "section_empty",
    },
    {
      name: "duplicate section id",
      mutate: (s) => ((s.sections[1] as Loose).id = "s1"),
      path: "sections[1].id",
      code: "section_id_duplicate",
    },
    {
      name: "duplicate indicator id across sections",
      mutate: (s) => (ind(s, 1, 0).id = "i1"),
      path: "sections[1].indicators[0].id",
      code: "indicator_id_duplicate",
    },
    {
      name: "section weights not summing to 100",
      mutate: (s) => ((s.sections[0] as Loose).weight = 50),
      path: "sections",
      code: "weights_sum",
    },
    {
      name: "indicator weights of a section not summing to 100",
      mutate: (s) => (ind(s, 1, 0).weight = 31),
      path: "sections[1].indicators",
      code: "weights_sum",
    },
    {
      name: "weight missing under weightedPercent",
      mutate: (s) => delete ind(s, 0, 0).weight,
      path: "sections[0].indicators[0].weight",
      code: "weight_missing",
    },
    {
      name: "negative weight",
      mutate: (s) => (ind(s, 0, 0).weight = -1),
      path: "sections[0].indicators[0].weight",
      code: "weight_invalid",
    },
    {
      name: "weight ignored under pointsSum",
      mutate: (s) => {
        s.scoringMethod = "pointsSum";
        for (const sec of s.sections) {
          delete sec.weight;
          for (const i of sec.indicators) delete i.weight;
        }
        ind(s, 0, 1).weight = 5;
      },
      path: "sections[0].indicators[1].weight",
      code: "weight_ignored",
      severity: "warning",
    },
    {
      name: "maxPoints 0",
      mutate: (s) => (ind(s, 0, 0).maxPoints = 0),
      path: "sections[0].indicators[0].maxPoints",
      code: "max_points_invalid",
    },
    {
      name: "unknown indicator type",
      mutate: (s) => (ind(s, 0, 0).type = "slider"),
      path: "sections[0].indicators[0].type",
      code: "indicator_type_unknown",
    },
    {
      name: "partial points not below max",
      mutate: (s) => (ind(s, 0, 0).partialPoints = 2),
      path: "sections[0].indicators[0].partialPoints",
      code: "partial_points_invalid",
    },
    {
      name: "number min > max",
      mutate: (s) => (ind(s, 0, 1).min = 500),
      path: "sections[0].indicators[1].min",
      code: "range_invalid",
    },
    {
      name: "number without unit",
      mutate: (s) => (ind(s, 0, 1).unit = ""),
      path: "sections[0].indicators[1].unit",
      code: "unit_missing",
    },
    {
      name: "unknown threshold direction",
      mutate: (s) => (ind(s, 0, 1).scoring.direction = "up"),
      path: "sections[0].indicators[1].scoring.direction",
      code: "scoring_direction_unknown",
    },
    {
      name: "no threshold steps",
      mutate: (s) => (ind(s, 0, 1).scoring.steps = []),
      path: "sections[0].indicators[1].scoring.steps",
      code: "scoring_steps_empty",
    },
    {
      name: "step points above max",
      mutate: (s) => (ind(s, 0, 1).scoring.steps[1].points = 11),
      path: "sections[0].indicators[1].scoring.steps[1].points",
      code: "scoring_step_invalid",
    },
    {
      name: "step threshold outside min–max",
      mutate: (s) => (ind(s, 0, 1).scoring.steps[2].threshold = 401),
      path: "sections[0].indicators[1].scoring.steps[2].threshold",
      code: "scoring_step_out_of_range",
      severity: "warning",
    },
    {
      name: "no step earns full points",
      mutate: (s) => (ind(s, 0, 1).scoring.steps[0].points = 9),
      path: "sections[0].indicators[1].scoring.steps",
      code: "scoring_full_unreachable",
      severity: "warning",
    },
    {
      name: "a choice with one option",
      mutate: (s) => ind(s, 1, 0).options.splice(1),
      path: "sections[1].indicators[0].options",
      code: "options_too_few",
    },
    {
      name: "option without points",
      mutate: (s) => delete ind(s, 1, 0).options[1].points,
      path: "sections[1].indicators[0].options[1].points",
      code: "option_points_missing",
    },
    {
      name: "option points above max",
      mutate: (s) => (ind(s, 1, 0).options[0].points = 5),
      path: "sections[1].indicators[0].options[0].points",
      code: "option_points_invalid",
    },
    {
      name: "duplicate option id",
      mutate: (s) => (ind(s, 1, 1).options[2].id = "x"),
      path: "sections[1].indicators[1].options[2].id",
      code: "option_id_duplicate",
    },
    {
      name: "no single option earns full points",
      mutate: (s) => (ind(s, 1, 0).options[0].points = 3),
      path: "sections[1].indicators[0].options",
      code: "scoring_full_unreachable",
      severity: "warning",
    },
    {
      name: "file needs at least one file",
      mutate: (s) => (ind(s, 1, 2).minFiles = 0),
      path: "sections[1].indicators[2].minFiles",
      code: "min_files_invalid",
    },
    {
      name: "computed metric name in the wrong format",
      mutate: (s) => (ind(s, 1, 3).metric = "Monthly overtime"),
      path: "sections[1].indicators[3].metric",
      code: "metric_name_invalid",
    },
    {
      name: "computed metric with one part",
      mutate: (s) => (ind(s, 1, 3).metric = "overtime"),
      path: "sections[1].indicators[3].metric",
      code: "metric_name_invalid",
    },
    {
      name: "computed metric the platform does not know",
      mutate: (s) => (ind(s, 1, 3).metric = "labour.nightShifts"),
      path: "sections[1].indicators[3].metric",
      code: "metric_unknown",
      severity: "warning",
    },
    {
      name: "indicator without provenance",
      mutate: (s) => delete ind(s, 0, 0).provenance,
      path: "sections[0].indicators[0].provenance",
      code: "provenance_missing",
    },
    {
      name: "source without citation",
      mutate: (s) => (ind(s, 0, 0).provenance = { kind: "source", cite: "" }),
      path: "sections[0].indicators[0].provenance.cite",
      code: "provenance_cite_missing",
    },
    {
      name: "no levels",
      mutate: (s) => (s.rating.levels = []),
      path: "rating.levels",
      code: "levels_empty",
    },
    {
      name: "duplicate level",
      mutate: (s) => ((s.rating.levels[2] as Loose).id = "good"),
      path: "rating.levels[2].id",
      code: "level_duplicate",
    },
    {
      name: "validity not a whole number of months",
      mutate: (s) => ((s.rating.levels[0] as Loose).validityMonths = 1.5),
      path: "rating.levels[0].validityMonths",
      code: "level_period_invalid",
    },
    {
      name: "overlapping bands",
      mutate: (s) => {
        const b = s.rating.overall.method === "bands" ? s.rating.overall.banding.bands : [];
        (b[1] as Loose).max = 85;
      },
      path: "rating.overall.banding.bands[0].min",
      code: "band_overlap",
    },
    {
      name: "gap between bands",
      mutate: (s) => ((s.rating.sectionBands?.[1] as Loose).max = 75),
      path: "rating.sectionBands[0].min",
      code: "band_gap",
    },
    {
      name: "bands not reaching 100",
      mutate: (s) => ((s.rating.sectionBands?.[0] as Loose).max = 99),
      path: "rating.sectionBands[0].max",
      code: "band_coverage",
    },
    {
      name: "bands not starting at 0",
      mutate: (s) => ((s.rating.sectionBands?.[2] as Loose).min = 1),
      path: "rating.sectionBands[2].min",
      code: "band_coverage",
    },
    {
      name: "a worse level on a higher band",
      mutate: (s) => {
        const b = s.rating.sectionBands ?? [];
        (b[0] as Loose).level = "fair";
        (b[1] as Loose).level = "good";
      },
      path: "rating.sectionBands[0].level",
      code: "band_order",
    },
    {
      name: "band min ≥ max",
      mutate: (s) => ((s.rating.sectionBands?.[2] as Loose).max = 0),
      path: "rating.sectionBands[2]",
      code: "band_range_invalid",
    },
    {
      name: "band for an unknown level",
      mutate: (s) => ((s.rating.sectionBands?.[2] as Loose).level = "awful"),
      path: "rating.sectionBands[2].level",
      code: "level_unknown",
    },
    {
      name: "two bands for one level",
      mutate: (s) => ((s.rating.sectionBands?.[2] as Loose).level = "fair"),
      path: "rating.sectionBands[2].level",
      code: "band_level_duplicate",
    },
    {
      name: "a level without a band",
      mutate: (s) => {
        s.rating.levels.push({ id: "none", name: { zh: "无", en: "none" } });
      },
      path: "rating.sectionBands",
      code: "band_level_missing",
      severity: "warning",
    },
    {
      name: "points bands must end at the system's total",
      mutate: (s) => {
        s.rating.overall = {
          method: "bands",
          banding: {
            basis: "points",
            bands: [
              { level: "good", min: 25, max: 100 },
              { level: "fair", min: 10, max: 25 },
              { level: "poor", min: 0, max: 10 },
            ],
          },
        };
      },
      path: "rating.overall.banding.bands[0].max",
      code: "band_coverage",
    },
    {
      name: "unknown banding basis",
      mutate: (s) => {
        if (s.rating.overall.method === "bands") (s.rating.overall.banding as Loose).basis = "stars";
      },
      path: "rating.overall.banding.basis",
      code: "banding_basis_unknown",
    },
    {
      name: "unknown overall method",
      mutate: (s) => ((s.rating.overall as Loose).method = "vote"),
      path: "rating.overall.method",
      code: "overall_method_unknown",
    },
    {
      name: "section levels without section bands",
      base: () => copy(BSCI_SYSTEM),
      mutate: (s) => delete s.rating.sectionBands,
      path: "rating.sectionBands",
      code: "section_bands_missing",
    },
    {
      name: "empty ladder",
      base: () => copy(BSCI_SYSTEM),
      mutate: (s) => {
        if (s.rating.overall.method === "sectionLevels") s.rating.overall.ladder = [];
      },
      path: "rating.overall.ladder",
      code: "ladder_empty",
    },
    {
      name: "ladder condition without bounds",
      base: () => copy(BSCI_SYSTEM),
      mutate: (s) => {
        if (s.rating.overall.method === "sectionLevels") delete s.rating.overall.ladder[0]?.when[0]?.atLeast;
      },
      path: "rating.overall.ladder[0].when[0]",
      code: "ladder_condition_invalid",
    },
    {
      name: "ladder names an unknown level",
      base: () => copy(BSCI_SYSTEM),
      mutate: (s) => {
        if (s.rating.overall.method === "sectionLevels") (s.rating.overall.ladder[1] as Loose).level = "F";
      },
      path: "rating.overall.ladder[1].level",
      code: "level_unknown",
    },
    {
      name: "unknown rule kind",
      mutate: (s) => s.rating.rules.push({ kind: "bonus", provenance: authored() } as unknown as never),
      path: "rating.rules[0].kind",
      code: "rule_kind_unknown",
    },
    {
      name: "rule without provenance",
      mutate: (s) =>
        s.rating.rules.push({ kind: "crucialFailureCap", scope: "overall", capAt: "fair" } as never),
      path: "rating.rules[0].provenance",
      code: "provenance_missing",
    },
    {
      name: "unknown zero-tolerance effect",
      mutate: (s) =>
        s.rating.rules.push({ kind: "zeroTolerance", effect: "fine", provenance: authored() } as never),
      path: "rating.rules[0].effect",
      code: "rule_effect_unknown",
    },
    {
      name: "unknown cap scope",
      mutate: (s) =>
        s.rating.rules.push({
          kind: "crucialFailureCap",
          scope: "site",
          capAt: "fair",
          provenance: authored(),
        } as never),
      path: "rating.rules[0].scope",
      code: "rule_scope_unknown",
    },
    {
      name: "cap at an unknown level",
      mutate: (s) =>
        s.rating.rules.push({
          kind: "crucialFailureCap",
          scope: "overall",
          capAt: "meh",
          provenance: authored(),
        }),
      path: "rating.rules[0].capAt",
      code: "level_unknown",
    },
    {
      name: "share cap with both count and share",
      mutate: (s) =>
        s.rating.rules.push({
          kind: "sectionLevelShareCap",
          atOrWorse: "fair",
          capAt: "fair",
          minCount: 1,
          minSharePercent: 50,
          provenance: authored(),
        }),
      path: "rating.rules[0]",
      code: "rule_threshold_invalid",
    },
    {
      name: "share cap above 100 %",
      mutate: (s) =>
        s.rating.rules.push({
          kind: "sectionLevelShareCap",
          atOrWorse: "fair",
          capAt: "fair",
          minSharePercent: 120,
          provenance: authored(),
        }),
      path: "rating.rules[0]",
      code: "rule_threshold_invalid",
    },
    {
      name: "two zero-tolerance rules",
      mutate: (s) => {
        ind(s, 0, 0).zeroTolerance = true;
        s.rating.rules.push(
          { kind: "zeroTolerance", effect: "worstLevel", provenance: authored() },
          { kind: "zeroTolerance", effect: "noRating", provenance: authored() },
        );
      },
      path: "rating.rules[1]",
      code: "rule_duplicate",
      severity: "warning",
    },
    {
      name: "zero-tolerance flags without a rule",
      mutate: (s) => (ind(s, 0, 0).zeroTolerance = true),
      path: "rating.rules",
      code: "zero_tolerance_unused",
      severity: "warning",
    },
    {
      name: "crucial flags without a rule",
      mutate: (s) => (ind(s, 0, 0).crucial = true),
      path: "rating.rules",
      code: "crucial_unused",
      severity: "warning",
    },
  ];

  for (const c of cases) {
    test(`${c.name} → ${c.code}`, () => {
      const s = c.base ? c.base() : fixture();
      c.mutate(s);
      const issues = validateEvaluationSystem(s);
      const hit = issues.find((i) => i.code === c.code && i.path === c.path);
      assert.ok(hit, `expected ${c.code} at ${c.path}, got ${JSON.stringify(issues, null, 1)}`);
      assert.equal(hit.severity, c.severity ?? "error");
      assert.equal(
        isUsableSystem(s),
        issues.every((i) => i.severity !== "error"),
      );
      if (c.severity === "warning") assert.ok(isUsableSystem(s), JSON.stringify(issues));
    });
  }

  test("garbage never throws", () => {
    const junk: unknown[] = [
      null,
      {},
      { sections: [null] },
      { sections: [{ indicators: [null, 3, "x"] }], rating: { overall: null, rules: [null] } },
      {
        rating: {
          levels: [null],
          sectionBands: [null],
          overall: { method: "sectionLevels", ladder: [null] },
        },
      },
      copy(STAR_RATING_SYSTEM) as unknown,
    ];
    for (const j of junk) {
      const run = () => validateEvaluationSystem(j as EvaluationSystem);
      assert.doesNotThrow(run, JSON.stringify(j)?.slice(0, 80));
    }
  });

  test("every indicator of a shipped system has provenance", () => {
    const all: Indicator[] = STAR_RATING_SYSTEM.sections.flatMap((s) => s.indicators);
    assert.ok(all.every((i) => i.provenance.kind === "source" || i.provenance.kind === "authored"));
  });
});
