import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { GB_REDUCED, R_NORMAL, R_TIGHTENED } from "./cross-check.fixture.ts";
import { codeLetterFor, resolvePlan } from "./plan.ts";
import {
  AQL_LABELS,
  AQL_SERIES,
  type AqlTables,
  CODE_LETTERS,
  DEFAULT_AQL_TABLES,
  formatPlanRow,
  INSPECTION_LEVELS,
  type InspectionLevel,
  type InspectionStage,
  type PlanCell,
  parsePlanRow,
  type SamplingPlanTable,
  TABLE_1,
  TABLE_2A,
  TABLE_2B,
  TABLE_2C,
  validateAqlTables,
} from "./tables.ts";

/** REFERENCE.md §2 Table 1, verbatim: lot size range, then S-1 S-2 S-3 S-4 I II III. */
const REFERENCE_TABLE_1: [number, number | null, string][] = [
  [2, 8, "A A A A A A B"],
  [9, 15, "A A A A A B C"],
  [16, 25, "A A B B B C D"],
  [26, 50, "A B B C C D E"],
  [51, 90, "B B C C C E F"],
  [91, 150, "B B C D D F G"],
  [151, 280, "B C D E E G H"],
  [281, 500, "B C D E F H J"],
  [501, 1200, "C C E F G J K"],
  [1201, 3200, "C D E G H K L"],
  [3201, 10000, "C D F G J L M"],
  [10001, 35000, "C D F H K M N"],
  [35001, 150000, "D E G J L N P"],
  [150001, 500000, "D E G J M P Q"],
  [500001, null, "D E H K N Q R"],
];

/** REFERENCE.md §2 Table 2-A excerpt (verified), verbatim: letter, n, cells for AQL 0.65 1.0 1.5 2.5 4.0 6.5. */
const REFERENCE_2A_EXCERPT: [string, number, string][] = [
  ["A", 2, "↓ ↓ ↓ ↓ ↓ 0/1"],
  ["B", 3, "↓ ↓ ↓ ↓ 0/1 ↑"],
  ["C", 5, "↓ ↓ ↓ 0/1 ↑ ↓"],
  ["D", 8, "↓ ↓ 0/1 ↑ ↓ 1/2"],
  ["E", 13, "↓ 0/1 ↑ ↓ 1/2 2/3"],
  ["F", 20, "0/1 ↑ ↓ 1/2 2/3 3/4"],
  ["G", 32, "↑ ↓ 1/2 2/3 3/4 5/6"],
  ["H", 50, "↓ 1/2 2/3 3/4 5/6 7/8"],
  ["J", 80, "1/2 2/3 3/4 5/6 7/8 10/11"],
  ["K", 125, "2/3 3/4 5/6 7/8 10/11 14/15"],
  ["L", 200, "3/4 5/6 7/8 10/11 14/15 21/22"],
  ["M", 315, "5/6 7/8 10/11 14/15 21/22 ↑"],
  ["N", 500, "7/8 10/11 14/15 21/22 ↑ ↑"],
  ["P", 800, "10/11 14/15 21/22 ↑ ↑ ↑"],
  ["Q", 1250, "14/15 21/22 ↑ ↑ ↑ ↑"],
  ["R", 2000, "21/22 ↑ ↑ ↑ ↑ ↑"],
];
const EXCERPT_AQLS = [0.65, 1, 1.5, 2.5, 4, 6.5];

function row(table: SamplingPlanTable, letter: string) {
  const r = table.rows.find((x) => x.letter === letter);
  assert.ok(r, `${table.id} has row ${letter}`);
  return r;
}

function isPlan(cell: PlanCell | undefined): cell is { accept: number; reject: number } {
  return typeof cell === "object" && cell !== null;
}

describe("Table 1 (sample size code letters)", () => {
  test("has the 15 rows of REFERENCE.md, every cell", () => {
    assert.equal(TABLE_1.rows.length, REFERENCE_TABLE_1.length);
    REFERENCE_TABLE_1.forEach(([min, max, letters], i) => {
      const r = TABLE_1.rows[i];
      assert.ok(r);
      assert.equal(r.min, min);
      assert.equal(r.max, max);
      assert.deepEqual(
        INSPECTION_LEVELS.map((level) => r.letters[level]),
        letters.split(" "),
        `row ${min}–${max ?? "∞"}`,
      );
    });
  });

  for (const [min, max, letters] of REFERENCE_TABLE_1) {
    test(`lookup at the bounds of ${min}–${max ?? "∞"}`, () => {
      const expected = letters.split(" ");
      INSPECTION_LEVELS.forEach((level: InspectionLevel, j) => {
        assert.equal(codeLetterFor(min, level), expected[j]);
        assert.equal(codeLetterFor(max ?? 10_000_000, level), expected[j]);
      });
    });
  }
});

describe("Table 2-A (normal) against REFERENCE.md's verified excerpt", () => {
  for (const [letter, n, printed] of REFERENCE_2A_EXCERPT) {
    test(`row ${letter}: n = ${n}, cells ${printed}`, () => {
      const r = row(TABLE_2A, letter);
      assert.equal(r.sampleSize, n);
      const cols = EXCERPT_AQLS.map((a) => AQL_SERIES.indexOf(a as never));
      assert.equal(formatPlanRow(cols.map((c) => r.cells[c] ?? null)), printed);
    });
  }
});

function checkAgainstFixture(table: SamplingPlanTable, fixture: Record<string, string>, skip: string[] = []) {
  let compared = 0;
  for (const letter of CODE_LETTERS) {
    const cells = fixture[letter]?.split(" ");
    assert.ok(cells && cells.length === AQL_SERIES.length, `fixture row ${letter}`);
    AQL_SERIES.forEach((aql, col) => {
      const where = `${letter}@${AQL_LABELS[col]}`;
      if (skip.includes(where)) return;
      const [n, ac] = (cells[col] ?? "").split("/").map(Number);
      const p = resolvePlan(table, letter, aql);
      assert.deepEqual([p.sampleSize, p.accept, p.reject], [n, ac, (ac ?? 0) + 1], `${table.id} ${where}`);
      compared++;
    });
  }
  return compared;
}

describe("cross-checks with the second sources (every resolved cell)", () => {
  test("2-A equals AAZ14Single.R's normal table in all 416 cells", () => {
    assert.equal(checkAgainstFixture(TABLE_2A, R_NORMAL), 416);
  });

  test("2-B equals AAZ14Single.R's tightened table in 415 cells; A@10 is the documented disagreement", () => {
    assert.equal(checkAgainstFixture(TABLE_2B, R_TIGHTENED, ["A@10"]), 415);
    assert.deepEqual(TABLE_2B.unverifiedCells, ["A@10"]);
    const ours = resolvePlan(TABLE_2B, "A", 10);
    assert.deepEqual(ours, { planLetter: "A", sampleSize: 2, accept: 0, reject: 1 });
    assert.equal(R_TIGHTENED.A?.split(" ")[15], "8/1");
  });

  test("2-C equals the GB/T 2828.1-2012 transcription in all 416 cells", () => {
    assert.equal(checkAgainstFixture(TABLE_2C, GB_REDUCED), 416);
  });
});

describe("table structure", () => {
  const tables: [InspectionStage, SamplingPlanTable][] = [
    ["normal", TABLE_2A],
    ["tightened", TABLE_2B],
    ["reduced", TABLE_2C],
  ];

  test("the default tables validate", () => {
    assert.deepEqual(validateAqlTables(DEFAULT_AQL_TABLES), []);
  });

  test("provenance is recorded and unverified tables say so", () => {
    for (const t of [TABLE_1, TABLE_2A, TABLE_2B, TABLE_2C]) {
      assert.ok(t.source.length > 20, `${t.id} source`);
      assert.ok(t.verificationNote.length > 20, `${t.id} note`);
      assert.equal(t.verified, t.unverifiedCells.length === 0, `${t.id} verified ⇔ no unverified cells`);
    }
    assert.equal(TABLE_1.verified, true);
    assert.equal(TABLE_2A.verified, true);
    assert.equal(TABLE_2B.verified, false);
    assert.equal(TABLE_2C.verified, false);
  });

  for (const [stage, table] of tables) {
    test(`${table.id} (${stage}): 26 cells per row, Re = Ac + 1, n increasing`, () => {
      assert.equal(table.stage, stage);
      let previous = 0;
      for (const r of table.rows) {
        assert.equal(r.cells.length, 26);
        assert.ok(r.sampleSize >= previous);
        previous = r.sampleSize;
        for (const c of r.cells) if (isPlan(c)) assert.equal(c.reject, c.accept + 1);
      }
    });

    test(`${table.id}: Ac never decreases along a row (larger AQL, same letter)`, () => {
      for (const r of table.rows) {
        const acs = r.cells.filter(isPlan).map((c) => c.accept);
        for (let i = 1; i < acs.length; i++) {
          assert.ok((acs[i] ?? 0) >= (acs[i - 1] ?? 0), `${table.id} ${r.letter}`);
        }
      }
    });

    test(`${table.id}: every letter × AQL resolves to a plan`, () => {
      for (const letter of CODE_LETTERS) for (const aql of AQL_SERIES) resolvePlan(table, letter, aql);
    });
  }

  test("sample sizes per stage", () => {
    assert.deepEqual(
      TABLE_2A.rows.map((r) => r.sampleSize),
      [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000],
    );
    assert.deepEqual(
      TABLE_2B.rows.map((r) => `${r.letter}${r.sampleSize}`),
      TABLE_2A.rows.map((r) => `${r.letter}${r.sampleSize}`).concat("S3150"),
    );
    assert.deepEqual(
      TABLE_2C.rows.map((r) => r.sampleSize),
      [2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800],
    );
  });

  test("2-B row S carries only the 0.025 plan (1/2 on n = 3150), reached from Q and R", () => {
    const s = row(TABLE_2B, "S");
    assert.equal(s.sampleSize, 3150);
    assert.deepEqual(
      s.cells.map((c, i) => (c === null ? null : AQL_LABELS[i])),
      AQL_LABELS.map((l) => (l === "0.025" ? l : null)),
    );
    for (const letter of ["Q", "R"] as const) {
      assert.deepEqual(resolvePlan(TABLE_2B, letter, 0.025), {
        planLetter: "S",
        sampleSize: 3150,
        accept: 1,
        reject: 2,
      });
    }
  });
});

describe("parsePlanRow / formatPlanRow", () => {
  test("round-trip every default row", () => {
    for (const t of [TABLE_2A, TABLE_2B, TABLE_2C]) {
      for (const r of t.rows) assert.deepEqual(parsePlanRow(formatPlanRow(r.cells)), r.cells);
    }
  });

  test("ASCII arrows and blanks", () => {
    assert.deepEqual(parsePlanRow(" v ^ - 3/4 "), ["down", "up", null, { accept: 3, reject: 4 }]);
  });

  test("rejects garbage", () => {
    assert.throws(() => parsePlanRow("↓ 1-2"), RangeError);
  });
});

describe("validateAqlTables catches broken administrator tables", () => {
  function withNormal(rows: SamplingPlanTable["rows"]): AqlTables {
    return { ...DEFAULT_AQL_TABLES, plans: { ...DEFAULT_AQL_TABLES.plans, normal: { ...TABLE_2A, rows } } };
  }

  test("an arrow off the bottom of the table", () => {
    const rows = TABLE_2A.rows.map((r) =>
      r.letter === "R" ? { ...r, cells: r.cells.map((c, i) => (i === 5 ? ("down" as const) : c)) } : r,
    );
    const problems = validateAqlTables(withNormal(rows));
    assert.ok(
      problems.some((p) => p.includes("R@0.10")),
      problems.join("\n"),
    );
  });

  test("a gap between Ac and Re, a short row and a missing letter", () => {
    const rows = TABLE_2A.rows
      .filter((r) => r.letter !== "K")
      .map((r) => {
        if (r.letter === "J")
          return { ...r, cells: r.cells.map((c, i) => (i === 12 ? { accept: 5, reject: 7 } : c)) };
        if (r.letter === "H") return { ...r, cells: r.cells.slice(0, 25) };
        return r;
      });
    const problems = validateAqlTables(withNormal(rows));
    assert.ok(problems.some((p) => p.includes("J@2.5")));
    assert.ok(problems.some((p) => p.includes("H: 25 cells")));
    assert.ok(problems.some((p) => p.includes("no row for letter K")));
  });

  test("Table 1 ranges with a hole", () => {
    const rows = TABLE_1.rows.map((r, i) => (i === 3 ? { ...r, min: 27 } : r));
    const problems = validateAqlTables({ ...DEFAULT_AQL_TABLES, codeLetters: { ...TABLE_1, rows } });
    assert.ok(problems.some((p) => p.includes("row 4")));
  });
});
