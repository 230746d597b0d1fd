import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { AqlInputError } from "./errors.ts";
import {
  codeLetterFor,
  parseAql,
  resolvePlan,
  type SamplingPlanInput,
  samplingPlan,
  tighterAqlAcceptNumber,
} from "./plan.ts";
import {
  AQL_SERIES,
  type AqlTables,
  CODE_LETTERS,
  DEFAULT_AQL_TABLES,
  INSPECTION_LEVELS,
  INSPECTION_STAGES,
  parsePlanRow,
  TABLE_2A,
  TABLE_2B,
  validateAqlTables,
} from "./tables.ts";

const level = fc.constantFrom(...INSPECTION_LEVELS);
const stage = fc.constantFrom(...INSPECTION_STAGES);
const aql = fc.constantFrom(...AQL_SERIES);
const lotSize = fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 2_000_000 }));

function throwsField(fn: () => unknown, field: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AqlInputError, `expected AqlInputError, got ${String(e)}`);
    assert.equal(e.name, "AqlInputError");
    assert.equal(e.field, field);
    return true;
  });
}

describe("samplingPlan: worked examples", () => {
  test("the issue's example: lot 1200, level II, AQL 2.5, normal → J, n 80, 5/6", () => {
    assert.deepEqual(samplingPlan({ lotSize: 1200, level: "II", aql: 2.5, stage: "normal" }), {
      codeLetter: "J",
      planLetter: "J",
      planSampleSize: 80,
      sampleSize: 80,
      accept: 5,
      reject: 6,
      fullInspection: false,
    });
  });

  test("arrow down: letter A at AQL 2.5 normal uses C's plan, n 5, 0/1", () => {
    const p = samplingPlan({ lotSize: 8, level: "II", aql: 2.5, stage: "normal" });
    assert.deepEqual(p, {
      codeLetter: "A",
      planLetter: "C",
      planSampleSize: 5,
      sampleSize: 5,
      accept: 0,
      reject: 1,
      fullInspection: false,
    });
  });

  test("arrow up: letter G at AQL 0.65 normal uses F's plan, n 20, 0/1", () => {
    const p = samplingPlan({ lotSize: 200, level: "II", aql: 0.65, stage: "normal" });
    assert.equal(p.codeLetter, "G");
    assert.deepEqual([p.planLetter, p.sampleSize, p.accept, p.reject], ["F", 20, 0, 1]);
  });

  test("arrow up at the right edge: letter M at AQL 6.5 normal uses L, n 200, 21/22", () => {
    const p = samplingPlan({ lotSize: 20000, level: "II", aql: 6.5, stage: "normal" });
    assert.deepEqual([p.codeLetter, p.planLetter, p.sampleSize, p.accept, p.reject], ["M", "L", 200, 21, 22]);
  });

  test("full inspection when n ≥ lot size: lot 10, level III, AQL 0.65", () => {
    assert.deepEqual(samplingPlan({ lotSize: 10, level: "III", aql: 0.65, stage: "normal" }), {
      codeLetter: "C",
      planLetter: "F",
      planSampleSize: 20,
      sampleSize: 10,
      accept: 0,
      reject: 1,
      fullInspection: true,
    });
  });

  test("n equal to the lot size is full inspection too", () => {
    const p = samplingPlan({ lotSize: 5, level: "II", aql: 2.5, stage: "normal" });
    assert.deepEqual([p.sampleSize, p.fullInspection], [5, true]);
  });

  test("a lot of 1 item: the item is inspected, judged with the 2–8 row's plan", () => {
    const p = samplingPlan({ lotSize: 1, level: "II", aql: 2.5, stage: "normal" });
    assert.deepEqual(p, {
      codeLetter: "A",
      planLetter: "C",
      planSampleSize: 5,
      sampleSize: 1,
      accept: 0,
      reject: 1,
      fullInspection: true,
    });
  });

  test("nonconformities per 100 items, AQL 1000 on letter A: n 2, 30/31", () => {
    const p = samplingPlan({ lotSize: 50, level: "S-1", aql: 1000, stage: "normal" });
    assert.deepEqual([p.codeLetter, p.sampleSize, p.accept, p.reject], ["A", 2, 30, 31]);
  });
});

describe("samplingPlan: tightened (Table 2-B) spot checks", () => {
  const cases: [SamplingPlanInput, string, number, number][] = [
    // [input, plan letter, n, Ac] — both sources agree unless noted
    [{ lotSize: 1200, level: "II", aql: 2.5, stage: "tightened" }, "J", 80, 3],
    [{ lotSize: 1200, level: "II", aql: 6.5, stage: "tightened" }, "J", 80, 8],
    [{ lotSize: 1200, level: "II", aql: 1, stage: "tightened" }, "J", 80, 1],
    [{ lotSize: 1200, level: "II", aql: 0.65, stage: "tightened" }, "K", 125, 1],
    [{ lotSize: 5000, level: "II", aql: 0.4, stage: "tightened" }, "L", 200, 1],
    [{ lotSize: 600000, level: "III", aql: 0.025, stage: "tightened" }, "S", 3150, 1],
    [{ lotSize: 600000, level: "III", aql: 0.01, stage: "tightened" }, "R", 2000, 0],
    [{ lotSize: 600000, level: "III", aql: 0.015, stage: "tightened" }, "Q", 1250, 0],
    [{ lotSize: 300, level: "II", aql: 4, stage: "tightened" }, "H", 50, 3],
    [{ lotSize: 100, level: "S-2", aql: 1000, stage: "tightened" }, "B", 3, 41],
  ];
  for (const [input, planLetter, n, ac] of cases) {
    test(`${input.lotSize} ${input.level} AQL ${input.aql} → ${planLetter} n ${n} ${ac}/${ac + 1}`, () => {
      const p = samplingPlan(input);
      assert.deepEqual([p.planLetter, p.planSampleSize, p.accept, p.reject], [planLetter, n, ac, ac + 1]);
    });
  }

  test("tightened is never more lenient than normal for the same sample size", () => {
    for (const letter of CODE_LETTERS) {
      for (const a of AQL_SERIES) {
        const t = resolvePlan(TABLE_2B, letter, a);
        const n = resolvePlan(TABLE_2A, letter, a);
        if (t.sampleSize === n.sampleSize) assert.ok(t.accept <= n.accept, `${letter}@${a}`);
      }
    }
  });
});

describe("samplingPlan: reduced (Table 2-C, ISO 2859-1:1999 form) spot checks", () => {
  const cases: [SamplingPlanInput, string, number, number][] = [
    [{ lotSize: 1200, level: "II", aql: 2.5, stage: "reduced" }, "J", 32, 3],
    [{ lotSize: 1200, level: "II", aql: 6.5, stage: "reduced" }, "J", 32, 6],
    [{ lotSize: 1200, level: "II", aql: 4, stage: "reduced" }, "J", 32, 5],
    [{ lotSize: 1200, level: "II", aql: 0.65, stage: "reduced" }, "K", 50, 1],
    [{ lotSize: 3000, level: "II", aql: 1.5, stage: "reduced" }, "K", 50, 3],
    [{ lotSize: 8, level: "II", aql: 10, stage: "reduced" }, "D", 3, 1],
    [{ lotSize: 300000, level: "III", aql: 0.025, stage: "reduced" }, "N", 200, 0],
    [{ lotSize: 600000, level: "III", aql: 0.04, stage: "reduced" }, "R", 800, 1],
    [{ lotSize: 100, level: "S-3", aql: 100, stage: "reduced" }, "C", 2, 6],
  ];
  for (const [input, planLetter, n, ac] of cases) {
    test(`${input.lotSize} ${input.level} AQL ${input.aql} → ${planLetter} n ${n} ${ac}/${ac + 1}`, () => {
      const p = samplingPlan(input);
      assert.deepEqual([p.planLetter, p.planSampleSize, p.accept, p.reject], [planLetter, n, ac, ac + 1]);
    });
  }

  test("no Ac/Re gap anywhere (unlike the MIL-STD-105E reduced table)", () => {
    for (const letter of CODE_LETTERS) {
      for (const a of AQL_SERIES) {
        const p = samplingPlan({ lotSize: 10_000_000, level: "III", aql: a, stage: "reduced" });
        assert.equal(p.reject, p.accept + 1);
        const r = resolvePlan(DEFAULT_AQL_TABLES.plans.reduced, letter, a);
        assert.equal(r.reject, r.accept + 1);
      }
    }
  });
});

describe("samplingPlan: validation", () => {
  const ok: SamplingPlanInput = { lotSize: 1200, level: "II", aql: 2.5, stage: "normal" };
  const bad = (patch: Record<string, unknown>) => ({ ...ok, ...patch }) as unknown as SamplingPlanInput;

  for (const v of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "1200", null, undefined]) {
    test(`lotSize ${String(v)} → field lotSize`, () =>
      throwsField(() => samplingPlan(bad({ lotSize: v })), "lotSize"));
  }
  for (const v of ["IV", "ii", "G-2", "", 2, undefined]) {
    test(`level ${JSON.stringify(v)} → field level`, () =>
      throwsField(() => samplingPlan(bad({ level: v })), "level"));
  }
  for (const v of [3, 0, 0.1 + 0.2, -2.5, "abc", Number.NaN, null]) {
    test(`aql ${String(v)} → field aql`, () => throwsField(() => samplingPlan(bad({ aql: v })), "aql"));
  }
  for (const v of ["strict", "Normal", "", undefined]) {
    test(`stage ${JSON.stringify(v)} → field stage`, () =>
      throwsField(() => samplingPlan(bad({ stage: v })), "stage"));
  }

  test("non-object input", () =>
    throwsField(() => samplingPlan(null as unknown as SamplingPlanInput), "input"));

  test("parseAql accepts printed labels", () => {
    assert.equal(parseAql("0.010"), 0.01);
    assert.equal(parseAql("1.0"), 1);
    assert.equal(parseAql(" 2.5 "), 2.5);
    assert.equal(parseAql(1000), 1000);
    throwsField(() => parseAql("2.5%"), "aql");
  });

  test("codeLetterFor validates too", () => {
    throwsField(() => codeLetterFor(0, "II"), "lotSize");
    throwsField(() => codeLetterFor(10, "X" as never), "level");
  });
});

describe("injectable tables", () => {
  test("an administrator's corrected cell changes the plan, the defaults stay untouched", () => {
    // e.g. adopting AAZ14Single.R's reading of 2-B A@10 (arrow down to D: n 8, 1/2).
    const corrected: AqlTables = {
      ...DEFAULT_AQL_TABLES,
      plans: {
        ...DEFAULT_AQL_TABLES.plans,
        tightened: {
          ...TABLE_2B,
          source: `${TABLE_2B.source} Corrected by administrator: A@10 ↓.`,
          rows: TABLE_2B.rows.map((r) =>
            r.letter === "A" ? { ...r, cells: r.cells.map((c, i) => (i === 15 ? ("down" as const) : c)) } : r,
          ),
        },
      },
    };
    assert.deepEqual(validateAqlTables(corrected), []);
    const input: SamplingPlanInput = { lotSize: 8, level: "II", aql: 10, stage: "tightened" };
    const p = samplingPlan(input, corrected);
    assert.deepEqual([p.planLetter, p.planSampleSize, p.accept, p.reject], ["D", 8, 1, 2]);
    const d = samplingPlan(input);
    assert.deepEqual([d.planLetter, d.planSampleSize, d.accept, d.reject], ["A", 2, 0, 1]);
  });

  test("a whole replacement row from printed text", () => {
    const tables: AqlTables = {
      ...DEFAULT_AQL_TABLES,
      plans: {
        ...DEFAULT_AQL_TABLES.plans,
        normal: {
          ...TABLE_2A,
          rows: TABLE_2A.rows.map((r) =>
            r.letter === "J" ? { ...r, cells: parsePlanRow(`${"↓ ".repeat(12)}4/5 ${"↑ ".repeat(13)}`) } : r,
          ),
        },
      },
    };
    const p = samplingPlan({ lotSize: 1200, level: "II", aql: 2.5, stage: "normal" }, tables);
    assert.deepEqual([p.accept, p.reject], [4, 5]);
  });
});

describe("tighterAqlAcceptNumber (switching score)", () => {
  test("J at 2.5 normal: one step tighter (1.5) is 3/4 on the same n", () => {
    assert.equal(tighterAqlAcceptNumber(TABLE_2A, "J", 2.5), 3);
  });

  test("no tighter AQL than 0.010", () => {
    assert.equal(tighterAqlAcceptNumber(TABLE_2A, "Q", 0.01), null);
  });

  test("in Table 2-A every plan with Ac ≥ 2 has a plan on the same n one step tighter", () => {
    for (const r of TABLE_2A.rows) {
      r.cells.forEach((c, col) => {
        if (typeof c !== "object" || c === null || c.accept < 2) return;
        const aqlValue = AQL_SERIES[col];
        assert.ok(aqlValue !== undefined);
        const tighter = tighterAqlAcceptNumber(TABLE_2A, r.letter, aqlValue);
        assert.ok(tighter !== null && tighter < c.accept, `${r.letter}@${aqlValue}`);
      });
    }
  });
});

describe("properties", () => {
  test("sampleSize ≤ lotSize, ≥ 1; full inspection exactly when n ≥ lot size; accept < reject", () => {
    fc.assert(
      fc.property(lotSize, level, aql, stage, (lot, lv, a, st) => {
        const p = samplingPlan({ lotSize: lot, level: lv, aql: a, stage: st });
        assert.ok(p.sampleSize <= lot && p.sampleSize >= 1);
        assert.equal(p.fullInspection, p.planSampleSize >= lot);
        assert.equal(p.sampleSize, p.fullInspection ? lot : p.planSampleSize);
        assert.ok(p.accept < p.reject);
        assert.equal(p.reject, p.accept + 1);
      }),
      { numRuns: 2000 },
    );
  });

  test("the code letter never decreases as the lot grows, for every level", () => {
    fc.assert(
      fc.property(lotSize, lotSize, level, (x, y, lv) => {
        const [small, large] = x <= y ? [x, y] : [y, x];
        const a = CODE_LETTERS.indexOf(codeLetterFor(small, lv));
        const b = CODE_LETTERS.indexOf(codeLetterFor(large, lv));
        assert.ok(a <= b, `${small}→${CODE_LETTERS[a]} ${large}→${CODE_LETTERS[b]} at ${lv}`);
      }),
      { numRuns: 2000 },
    );
  });

  test("a larger AQL never gives a smaller Ac for the same letter when no arrow intervenes", () => {
    const tables = INSPECTION_STAGES.map((s) => DEFAULT_AQL_TABLES.plans[s]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 1, max: 25 }),
        (t, r, i, len) => {
          const cells = tables[t]?.rows[r]?.cells ?? [];
          const run = cells.slice(i, Math.min(i + len + 1, cells.length));
          if (run.length < 2 || !run.every((c) => typeof c === "object" && c !== null)) return;
          const first = run[0] as { accept: number };
          const last = run[run.length - 1] as { accept: number };
          assert.ok(first.accept <= last.accept);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("arrows point the right way: ↓ lands on a later row, ↑ on an earlier one", () => {
    fc.assert(
      fc.property(stage, fc.constantFrom(...CODE_LETTERS), aql, (st, letter, a) => {
        const table = DEFAULT_AQL_TABLES.plans[st];
        const from = table.rows.findIndex((r) => r.letter === letter);
        const cell = table.rows[from]?.cells[AQL_SERIES.indexOf(a)];
        const p = resolvePlan(table, letter, a);
        const to = table.rows.findIndex((r) => r.letter === p.planLetter);
        if (cell === "down") assert.ok(to > from);
        else if (cell === "up") assert.ok(to < from);
        else assert.equal(to, from);
      }),
      { numRuns: 1500 },
    );
  });
});
