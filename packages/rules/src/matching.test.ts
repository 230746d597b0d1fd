import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  classifyRow,
  type ImportRow,
  type MatchResult,
  NameIndex,
  type NameIndexOptions,
  type RegistryCandidate,
  type RegistryLookup,
} from "./matching.ts";
import { normaliseEnterpriseName } from "./names.ts";
import { normaliseUscc } from "./uscc.ts";

function candidate(id: string, name: string, uscc: string | null = null): RegistryCandidate {
  return { id, uscc, name, normalisedName: normaliseEnterpriseName(name) };
}

function indexOf(entries: RegistryCandidate[], options?: NameIndexOptions): NameIndex {
  const index = new NameIndex(options);
  for (const e of entries) index.add(e);
  return index;
}

/** The reference lookup: every entry is a name candidate. */
function bruteForce(entries: RegistryCandidate[]): RegistryLookup {
  return {
    byUscc: (uscc) => entries.find((e) => e.uscc !== null && normaliseUscc(e.uscc) === normaliseUscc(uscc)),
    candidatesForName: () => entries,
  };
}

const registry = [
  candidate("e1", "浙江华城实业投资集团有限公司", "91330100716105852F"),
  candidate("e2", "平湖市东方箱包有限公司", "914403001922038216"),
  candidate("e3", "嘉兴华城服饰有限公司", null),
  candidate("e4", "华城实业有限公司", null),
];

describe("classifyRow", () => {
  const index = indexOf(registry);
  const cases: [string, ImportRow, MatchResult][] = [
    [
      "same USCC with a different name → match",
      { uscc: "91330100716105852F", name: "完全不同的名字有限公司" },
      { status: "match", enterpriseId: "e1", reason: "uscc" },
    ],
    [
      "USCC is normalised before lookup",
      { uscc: " ９１４４０３００１９２２０３８２１６ ", name: "" },
      { status: "match", enterpriseId: "e2", reason: "uscc" },
    ],
    [
      "same name after normalisation → potential match",
      { uscc: null, name: "平湖华城实业投资有限公司" },
      { status: "potential_match", candidates: [{ enterpriseId: "e1", score: 1 }] },
    ],
    [
      "an unknown USCC is another legal entity: a differently coded record is never proposed",
      { uscc: "91330482MA2B3C4D5E", name: "浙江华城实业投资集团有限公司" },
      { status: "new" },
    ],
    [
      "an unknown USCC still falls back to the name for records without a code",
      { uscc: "91330482MA2B3C4D5E", name: "平湖华城实业有限公司" },
      { status: "potential_match", candidates: [{ enterpriseId: "e4", score: 1 }] },
    ],
    [
      "similar but below threshold → new",
      { uscc: null, name: "华城实业发展有限公司" }, // vs 华城实业: 2·3/(5+3) = 0.75
      { status: "new" },
    ],
    ["unrelated → new", { uscc: null, name: "宁波甬江电子科技有限公司" }, { status: "new" }],
    ["empty name, no USCC → new", { uscc: "  ", name: "" }, { status: "new" }],
  ];
  for (const [title, row, expected] of cases) {
    test(title, () => {
      assert.deepEqual(classifyRow(row, index), expected);
      assert.deepEqual(classifyRow(row, bruteForce(registry)), expected);
    });
  }

  test("a lower threshold admits the weaker candidate, best first", () => {
    const r = classifyRow({ uscc: null, name: "华城实业发展有限公司" }, index, 0.6);
    assert.deepEqual(r, {
      status: "potential_match",
      candidates: [
        { enterpriseId: "e4", score: 0.75 },
        { enterpriseId: "e1", score: 0.6 }, // 华城实业投资: 2·3/(5+5)
      ],
    });
  });

  test("at most five candidates, ties broken by id", () => {
    const entries = ["k", "c", "a", "j", "b", "i"].map((id) => candidate(id, `${id}号华城实业有限公司`));
    const same = entries.map((e) => candidate(`x${e.id}`, "华城实业有限公司"));
    const r = classifyRow({ uscc: null, name: "华城实业" }, indexOf([...entries, ...same]));
    assert.equal(r.status, "potential_match");
    assert.deepEqual(r.status === "potential_match" && r.candidates.map((c) => c.enterpriseId), [
      "xa",
      "xb",
      "xc",
      "xi",
      "xj",
    ]);
  });
});

describe("NameIndex", () => {
  test("byUscc normalises and ignores null codes", () => {
    const index = indexOf(registry);
    assert.equal(index.size, 4);
    assert.equal(index.byUscc("91330100716105852f")?.id, "e1");
    assert.equal(index.byUscc("914403001922038217"), undefined);
  });

  test("rejects duplicate ids", () => {
    const index = indexOf(registry);
    assert.throws(() => index.add(candidate("e1", "别的")), /duplicate/);
  });

  test("skipping common bigrams still finds every qualifying name", () => {
    // All five query bigrams occur in > 50 entries, so three of them are skipped.
    const entries = Array.from({ length: 200 }, (_, i) => candidate(`f${i}`, `华城实业投资${i}有限公司`));
    entries.push(candidate("only", "华城实业投资有限公司"));
    const index = indexOf(entries);
    assert.ok(index.candidatesForName("华城实业投资").some((c) => c.id === "only"));
    for (const name of ["华城实业投资", "华城实业投资7", "华城实业投资123"]) {
      const row = { uscc: null, name };
      assert.deepEqual(classifyRow(row, index), classifyRow(row, bruteForce(entries)));
    }
  });

  test("grows past its initial scratch size", () => {
    const entries = Array.from({ length: 3000 }, (_, i) => candidate(`g${i}`, `华城实业${i}有限公司`));
    const index = indexOf(entries);
    const r = classifyRow({ uscc: null, name: "华城实业2998" }, index);
    assert.equal(r.status === "potential_match" && r.candidates[0]?.enterpriseId, "g2998");
  });

  test("property: index-backed classifyRow equals a brute-force scan", () => {
    const han = fc.constantFrom("华", "城", "实", "业", "投", "资", "服", "饰", "东", "方");
    const core = fc.array(han, { maxLength: 7 }).map((a) => a.join(""));
    const name = fc
      .tuple(
        fc.constantFrom("", "浙江", "平湖市", "嘉兴 "),
        core,
        fc.constantFrom("", "有限公司", "集团有限公司", "(集团)", "厂"),
      )
      .map((parts) => parts.join(""));
    const uscc = fc.option(fc.constantFrom("91330100716105852F", "914403001922038216", "91330482MA2B3C4D5E"));
    const options = fc.record({ scanListsUpTo: fc.constantFrom(0, 2, 50) });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, uscc), { maxLength: 40 }),
        fc.array(fc.tuple(name, uscc), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(0, 0.3, 0.5, 0.6, 0.75, 0.8, 0.9, 1, 1.1),
        options,
        (registryRows, rows, threshold, opts) => {
          const entries = registryRows.map(([n, u], i) => candidate(`r${i}`, n, u));
          const index = indexOf(entries, opts);
          const reference = bruteForce(entries);
          for (const [n, u] of rows) {
            const row = { uscc: u, name: n };
            assert.deepEqual(classifyRow(row, index, threshold), classifyRow(row, reference, threshold));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
