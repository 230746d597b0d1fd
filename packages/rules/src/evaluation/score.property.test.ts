import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { seededRandom } from "../random.ts";
import type { AnswerEntry } from "./answers.ts";
import { prepareSystem, scorePrepared } from "./score.ts";
import { SHIPPED_SYSTEMS } from "./systems/index.ts";
import { answersBy, bestValue, fixture, randomValue } from "./testing.ts";
import { allIndicators, type EvaluationSystem } from "./types.ts";

const RUNS = 200;

function prepared(sys: EvaluationSystem) {
  const p = prepareSystem(sys);
  assert.ok(p.ok);
  return p.prepared;
}

const JUNK: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1e9,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  "yes",
  "maybe",
  [],
  ["x", 1],
  [""],
  {},
  true,
  { nested: 1 },
];

for (const sys of [...SHIPPED_SYSTEMS, fixture()]) {
  describe(`scoring properties: ${sys.id}`, () => {
    const p = prepared(sys);
    const indicators = allIndicators(sys).map((x) => x.indicator);
    const levelIds = sys.rating.levels.map((l) => l.id);
    const rank = (l: string | null) => (l === null ? levelIds.length : levelIds.indexOf(l));

    test("valid random answers: bounded totals, a known level, deterministic, complete", () => {
      const rnd = seededRandom(4);
      for (let run = 0; run < RUNS; run++) {
        const { answers, metrics } = answersBy(sys, (ind) => randomValue(ind, rnd));
        const r = scorePrepared(p, answers, { metrics });
        assert.ok(r.overall.percent === null || (r.overall.percent >= 0 && r.overall.percent <= 100));
        for (const s of r.sections) {
          assert.ok(s.points >= 0 && s.points <= s.maxPoints + 1e-9, `${s.id} ${s.points}/${s.maxPoints}`);
        }
        for (const i of r.indicators) assert.ok(i.points >= 0 && i.points <= i.maxPoints);
        assert.ok(r.overall.level === null ? r.overall.ratingWithheld : levelIds.includes(r.overall.level));
        assert.equal(r.complete, true, JSON.stringify(r.issues));
        if (run % 20 === 0) assert.deepEqual(scorePrepared(p, answers, { metrics }), r);
      }
    });

    test("improving one answer to its best never worsens the level", () => {
      const rnd = seededRandom(5);
      for (let run = 0; run < RUNS; run++) {
        const { answers, metrics } = answersBy(sys, (ind) => randomValue(ind, rnd));
        const before = scorePrepared(p, answers, { metrics, trace: false });
        const ind = indicators[Math.floor(rnd() * indicators.length)];
        assert.ok(ind);
        const best = bestValue(ind);
        const after =
          ind.type === "computed"
            ? scorePrepared(p, answers, {
                metrics: { ...metrics, [ind.metric]: best as number },
                trace: false,
              })
            : scorePrepared(p, { ...answers, [ind.id]: { self: best } }, { metrics, trace: false });
        assert.ok(
          rank(after.overall.level) <= rank(before.overall.level),
          `${ind.id}: ${before.overall.level} → ${after.overall.level}`,
        );
        assert.ok((after.overall.percent ?? 0) >= (before.overall.percent ?? 0) - 1e-9);
      }
    });

    test("an auditor who confirms every answer changes nothing", () => {
      const rnd = seededRandom(6);
      for (let run = 0; run < 50; run++) {
        const { answers, metrics } = answersBy(sys, (ind) => randomValue(ind, rnd));
        const confirmed: Record<string, AnswerEntry> = {};
        for (const [id, e] of Object.entries(answers))
          confirmed[id] = { self: e.self ?? null, auditor: e.self ?? null };
        const a = scorePrepared(p, answers, { metrics, trace: false });
        const b = scorePrepared(p, confirmed, { metrics, trace: false });
        assert.deepEqual(b.overall, a.overall);
        assert.ok(b.indicators.every((i) => !i.overruled));
        assert.deepEqual(b.issues, a.issues);
      }
    });

    test("junk answers never throw: issues, and an incomplete assessment", () => {
      const rnd = seededRandom(7);
      const pick = () => JUNK[Math.floor(rnd() * JUNK.length)];
      for (let run = 0; run < RUNS; run++) {
        const answers: Record<string, unknown> = {};
        for (const ind of indicators) {
          const roll = rnd();
          answers[ind.id] = roll < 0.2 ? pick() : { self: pick(), auditor: rnd() < 0.3 ? pick() : undefined };
        }
        const r = scorePrepared(p, answers as Record<string, AnswerEntry>, {
          metrics: Object.fromEntries(
            indicators.map((i) => [(i as { metric?: string }).metric ?? "x.y", pick()]),
          ) as Record<string, number>,
        });
        assert.ok(r.ok);
        assert.ok(r.overall.percent === null || (r.overall.percent >= 0 && r.overall.percent <= 100));
        for (const i of r.issues) assert.ok(i.code && i.path.startsWith("answers") && i.message);
      }
    });
  });
}
