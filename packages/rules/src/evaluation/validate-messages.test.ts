import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { parseSystem } from "./serialise.ts";
import { STAR_RATING_SYSTEM } from "./systems/star-rating.ts";
import { copy, fixture } from "./testing.ts";
import type { EvaluationSystem } from "./types.ts";
import { validateEvaluationSystem } from "./validate.ts";
import { PARSE_ISSUE_MESSAGES, SYSTEM_ISSUE_MESSAGES, systemIssueText } from "./validate-messages.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests build invalid data on purpose
type Loose = Record<string, any>;

const SOURCE = readFileSync(new URL("./validate.ts", import.meta.url), "utf8");

/** Every code validate.ts passes to add(…), with the literal variant when the call names one. */
function emittedCodes(): { code: string; variant?: string }[] {
  const out: { code: string; variant?: string }[] = [];
  for (const m of SOURCE.matchAll(/\badd\(\s*[^,]*?,\s*"([a-z][a-z_]*)"(?:\s*,\s*(\{[^}]*\}))?/g)) {
    const variant = m[2] ? /variant:\s*"(\w+)"/.exec(m[2])?.[1] : undefined;
    out.push(variant ? { code: m[1] as string, variant } : { code: m[1] as string });
  }
  return out;
}

/** The members of the SystemIssueCode union as written in validate.ts. */
function declaredCodes(): string[] {
  const block = /export type SystemIssueCode =([^;]+);/.exec(SOURCE)?.[1] ?? "";
  return [...block.matchAll(/"([a-z_]+)"/g)].map((m) => m[1] as string);
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u4e00-\u9fff]/;

type Entry = { zh: string; en: string } | { variants: Record<string, { zh: string; en: string }> };
const textsOf = (e: Entry) => ("variants" in e ? Object.values(e.variants) : [e]);

describe("validation messages", () => {
  test("the source scan finds the codes (else the checks below would pass vacuously)", () => {
    const codes = new Set(emittedCodes().map((c) => c.code));
    assert.ok(codes.size >= 50, `only ${codes.size} codes found`);
    assert.deepEqual([...codes].sort(), [...new Set(declaredCodes())].sort());
  });

  test("every code validate.ts emits has a Chinese and an English message with the same placeholders", () => {
    const table = SYSTEM_ISSUE_MESSAGES as Record<string, Entry>;
    for (const { code, variant } of emittedCodes()) {
      const entry = table[code];
      assert.ok(entry, `no message for ${code}`);
      if (variant) {
        assert.ok("variants" in entry && entry.variants[variant], `no variant ${variant} of ${code}`);
      }
      for (const text of textsOf(entry)) {
        assert.ok(text.zh.trim() && CJK.test(text.zh), `${code}: the Chinese message is missing`);
        assert.ok(text.en.trim() && !CJK.test(text.en), `${code}: the English message is missing`);
        assert.deepEqual(placeholders(text.zh), placeholders(text.en), code);
      }
    }
  });

  test("the table has no message for a code validate.ts never emits", () => {
    const emitted = new Set(emittedCodes().map((c) => c.code));
    assert.deepEqual(
      Object.keys(SYSTEM_ISSUE_MESSAGES).filter((c) => !emitted.has(c)),
      [],
    );
  });

  const broken: [string, (s: Loose) => void][] = [
    ["names and ids", (s) => Object.assign(s, { id: "a b", version: "", name: { zh: "", en: "" } })],
    ["no name at all", (s) => delete s.name],
    ["kind, status, method", (s) => Object.assign(s, { kind: "x", status: "live", scoringMethod: "median" })],
    ["weights", (s) => Object.assign(s.sections[0], { weight: 50 })],
    ["indicator weights", (s) => Object.assign(s.sections[1].indicators[0], { weight: 31 })],
    ["missing weight", (s) => delete s.sections[0].indicators[0].weight],
    ["duplicates", (s) => Object.assign(s.sections[1], { id: "s1" })],
    ["empty section", (s) => Object.assign(s.sections[1], { indicators: [] })],
    ["partial points", (s) => Object.assign(s.sections[0].indicators[0], { partialPoints: 5 })],
    ["number range", (s) => Object.assign(s.sections[0].indicators[1], { min: 500, unit: "" })],
    ["steps", (s) => Object.assign(s.sections[0].indicators[1].scoring, { direction: "up", steps: [] })],
    ["options", (s) => s.sections[1].indicators[0].options.push({ id: "a", label: { zh: "甲", en: "a" } })],
    ["files and metric", (s) => Object.assign(s.sections[1].indicators[2], { minFiles: 0 })],
    ["metric name", (s) => Object.assign(s.sections[1].indicators[3], { metric: "Bad Name" })],
    ["unknown metric", (s) => Object.assign(s.sections[1].indicators[3], { metric: "labour.unheardOf" })],
    ["unknown type", (s) => Object.assign(s.sections[0].indicators[0], { type: "essay" })],
    ["provenance", (s) => Object.assign(s.sections[0].indicators[0], { provenance: { kind: "source" } })],
    ["bands overlap", (s) => Object.assign(s.rating.overall.banding.bands[1], { min: 40 })],
    ["bands gap", (s) => Object.assign(s.rating.overall.banding.bands[1], { min: 60 })],
    ["bands coverage", (s) => Object.assign(s.rating.overall.banding.bands[0], { max: 90 })],
    [
      "band order",
      (s) => {
        const [best, next] = s.rating.overall.banding.bands;
        [best.level, next.level] = [next.level, best.level];
      },
    ],
    ["level period", (s) => Object.assign(s.rating.levels[0], { validityMonths: 0, followUpMonths: 1.5 })],
    [
      "rules",
      (s) =>
        s.rating.rules.push(
          { kind: "magic" },
          { kind: "zeroTolerance", effect: "x", provenance: { kind: "authored" } },
          { kind: "zeroTolerance", effect: "noRating", provenance: { kind: "authored" } },
          { kind: "crucialFailureCap", scope: "x", capAt: "meh", provenance: { kind: "authored" } },
          {
            kind: "sectionLevelShareCap",
            atOrWorse: "fair",
            capAt: "fair",
            provenance: { kind: "authored" },
          },
        ),
    ],
    [
      "flags without rules",
      (s) => Object.assign(s.sections[0].indicators[0], { crucial: true, zeroTolerance: true }),
    ],
    [
      "ladder",
      (s) => {
        delete s.rating.sectionBands;
        s.rating.overall = {
          method: "sectionLevels",
          ladder: [
            { level: "good", when: [{ levels: [] }] },
            { level: "fair", when: [] },
          ],
          otherwise: "poor",
        };
      },
    ],
    ["no ladder", (s) => (s.rating.overall = { method: "sectionLevels", ladder: [], otherwise: "poor" })],
    ["overall method", (s) => (s.rating.overall = { method: "vote" })],
    ["no rating", (s) => delete s.rating],
    [
      "ids, weights, points",
      (s) => {
        s.sections[1].indicators[1].id = "i1";
        s.sections[0].weight = -1;
        s.sections[0].indicators[0].maxPoints = 0;
      },
    ],
    ["steps", (s) => s.sections[0].indicators[1].scoring.steps.push({ threshold: "x", points: 99 })],
    ["unreachable", (s) => Object.assign(s.sections[0].indicators[1], { maxPoints: 20 })],
    ["unreachable option", (s) => Object.assign(s.sections[1].indicators[0], { maxPoints: 10 })],
    [
      "one option",
      (s) => (s.sections[1].indicators[0].options = [{ id: "a", label: { zh: "甲", en: "a" }, points: -1 }]),
    ],
    ["level twice", (s) => s.rating.levels.push({ id: "good", name: { zh: "好", en: "good" } })],
    ["no bands", (s) => (s.rating.overall.banding.bands = [])],
    [
      "band range, duplicate, missing",
      (s) => Object.assign(s.rating.overall.banding.bands[1], { min: 200, level: "good" }),
    ],
    ["basis", (s) => (s.rating.overall.banding.basis = "x")],
    ["no sections", (s) => (s.sections = [])],
  ];

  test("issues of broken systems read fully in both languages", () => {
    const seen = new Set<string>();
    const systems: EvaluationSystem[] = broken.map(([, mutate]) => {
      const s = fixture();
      mutate(s as unknown as Loose);
      return s;
    });
    const star = copy(STAR_RATING_SYSTEM) as Loose;
    Object.assign(star.sections[0], { weight: 10 });
    star.scoringMethod = "pointsSum";
    systems.push(star as EvaluationSystem, null as unknown as EvaluationSystem);
    for (const s of systems) {
      for (const issue of validateEvaluationSystem(s)) {
        seen.add(issue.code);
        const text = systemIssueText(issue);
        const where = `${issue.code} at ${issue.path}: ${JSON.stringify(text)}`;
        assert.doesNotMatch(text.zh, /\{\w+\}/, where);
        assert.doesNotMatch(text.en, /\{\w+\}/, where);
        assert.match(text.zh, CJK, where);
        assert.equal(issue.message, text.en, where);
      }
    }
    // The battery reaches most codes, so placeholders left unfilled would show.
    assert.ok(seen.size >= 55, `only ${seen.size} codes reached: ${[...seen].join(", ")}`);
  });

  test("parameters are filled in: the sum found, the band bounds", () => {
    const s = fixture() as unknown as Loose;
    s.sections[0].weight = 33.300000000000004;
    s.rating.overall.banding.bands[1].min = 40;
    const issues = validateEvaluationSystem(s as EvaluationSystem).map((i) => ({
      path: i.path,
      ...systemIssueText(i),
    }));
    assert.deepEqual(
      issues.find((i) => i.path === "sections"),
      {
        path: "sections",
        zh: "各要素权重之和为 73.3，应为 100",
        en: "section weights sum to 73.3, not 100",
      },
    );
    const overlap = issues.find((i) => i.zh.includes("重叠"));
    assert.ok(overlap, JSON.stringify(issues));
    assert.match(overlap.zh, /^40 至 50 之间的分数同时属于 \w+ 和 \w+/);
  });

  test("parse issues (syntax, shape) have Chinese messages too", () => {
    const cases: [string, string, RegExp][] = [
      ["{", "syntax_invalid", /^无法解析：/],
      [JSON.stringify({ ...STAR_RATING_SYSTEM, extra: 1 }), "field_unknown", /^不认识的字段$/],
      [
        JSON.stringify({ ...STAR_RATING_SYSTEM, version: 2 }),
        "field_type",
        /^类型不正确：应为文本，实为数字$/,
      ],
      [JSON.stringify({ ...STAR_RATING_SYSTEM, kind: "x" }), "field_type", /^类型不正确：应为以下之一：/],
      [
        JSON.stringify({
          ...STAR_RATING_SYSTEM,
          rating: { ...STAR_RATING_SYSTEM.rating, overall: { method: "x" } },
        }),
        "variant_unknown",
        /^取值不在允许范围内：method 应为以下之一：bands, sectionLevels，实为 "x"$/,
      ],
      [JSON.stringify({ ...STAR_RATING_SYSTEM, name: undefined }), "field_missing", /^必填$/],
    ];
    for (const [text, code, zh] of cases) {
      const r = parseSystem(text, "json");
      assert.equal(r.ok, false);
      const issue = r.issues.find((i) => i.code === code);
      assert.ok(issue, `${code}: ${JSON.stringify(r.issues)}`);
      const t = systemIssueText(issue);
      assert.match(t.zh, zh);
      assert.equal(t.en, issue.message);
    }
    assert.deepEqual(Object.keys(PARSE_ISSUE_MESSAGES).sort(), [
      "field_missing",
      "field_type",
      "field_unknown",
      "format_unknown",
      "syntax_invalid",
      "variant_unknown",
    ]);
  });

  test("an unknown code keeps its message", () => {
    assert.deepEqual(systemIssueText({ code: "nope", message: "m" }), { zh: "m", en: "m" });
  });
});
