import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  ADMIN_PREFIXES,
  nameBigrams,
  nameSimilarity,
  normalisedNameSimilarity,
  normaliseEnterpriseName,
  ORG_SUFFIXES,
} from "./names.ts";

/** Name-shaped strings: place names, legal forms, brackets, spaces, full-width and Latin noise. */
const fragment = fc.oneof(
  fc.constantFrom(...ADMIN_PREFIXES),
  fc.constantFrom(...ORG_SUFFIXES),
  fc.constantFrom("华", "城", "实业", "投资", "服装", "箱包", "电子", "光", "有限", "省", "市", "县", "区"),
  fc.constantFrom("(", ")", "（", "）", "【", "】", "[", "]", " ", "\u3000", "·", "-", ".", "&"),
  fc.constantFrom("ABC", "ａｂｃ", "Ｘ", "e", "\u0301", "1", "２"),
);
const nameLike = fc.array(fragment, { maxLength: 10 }).map((parts) => parts.join(""));
const anyName = fc.oneof(nameLike, fc.string(), fc.string({ unit: "binary" }));

describe("normaliseEnterpriseName", () => {
  const cases: [string, string][] = [
    ["浙江华城实业投资集团有限公司", "华城实业投资"],
    ["平湖市华城实业投资集团有限公司", "华城实业投资"],
    ["嘉兴市 华城实业投资(集团)有限公司", "华城实业投资"],
    ["浙江省平湖市华城实业投资有限公司", "华城实业投资"],
    ["华城实业投资（平湖）有限公司", "华城实业投资"],
    ["华城实业投资【嘉兴市】有限公司", "华城实业投资"],
    ["华城实业投资（中国）有限公司", "华城实业投资"],
    ["宁波市鄞州区华城服饰股份有限公司", "华城服饰"],
    ["慈溪华城电器有限责任公司", "华城电器"],
    ["上海华城箱包厂", "华城箱包"],
    ["华城实业有限公司平湖分公司", "华城实业有限公司平湖"],
    ["华城服饰有限公司分公司", "华城服饰"],
    ["ＡＢＣ　Ｔｅｘｔｉｌｅ有限公司", "abctextile"],
    ["A.B.C. (Pinghu) Co., Ltd.", "abcpinghucoltd"],
    ["  华城  实业 ", "华城实业"],
    // Never stripped below two characters.
    ["中国", "中国"],
    ["平湖有限公司", "有限公司"],
    ["有限公司", "有限公司"],
    ["中国厂", "中国"],
    ["（平湖）", "平湖"],
    ["华厂", "华厂"],
    ["", ""],
    ["（）", ""],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(normaliseEnterpriseName(input), expected);
    });
  }

  test("a bracketed word that is not a region is kept", () => {
    assert.equal(normaliseEnterpriseName("华城(服饰)贸易有限公司"), "华城服饰贸易");
  });

  test("property: idempotent", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const once = normaliseEnterpriseName(name);
        assert.equal(normaliseEnterpriseName(once), once);
      }),
      { numRuns: 3000 },
    );
  });

  test("property: insensitive to whitespace and Latin case", () => {
    fc.assert(
      fc.property(nameLike, (name) => {
        assert.equal(normaliseEnterpriseName(` ${name.toUpperCase()}\t`), normaliseEnterpriseName(name));
      }),
    );
  });
});

describe("nameBigrams", () => {
  test("distinct bigrams, unigram for one character, none for empty", () => {
    assert.deepEqual(nameBigrams("华城实业"), ["华城", "城实", "实业"]);
    assert.deepEqual(nameBigrams("哈哈哈"), ["哈哈"]);
    assert.deepEqual(nameBigrams("华"), ["华"]);
    assert.deepEqual(nameBigrams(""), []);
  });

  test("counts astral characters as one", () => {
    assert.deepEqual(nameBigrams("𠀋华"), ["𠀋华"]);
  });
});

describe("nameSimilarity", () => {
  const cases: [string, string, number][] = [
    ["浙江华城实业投资集团有限公司", "平湖市华城实业投资有限公司", 1],
    ["华城实业投资有限公司", "华城实业有限公司", 0.75], // {华城,城实,实业,业投,投资} vs {华城,城实,实业}
    ["华城实业", "东方箱包", 0],
    ["华", "华", 1],
    ["华", "华城", 0],
    ["", "", 1],
    ["", "华城", 0],
  ];
  for (const [a, b, expected] of cases) {
    test(`${a || '""'} ~ ${b || '""'} = ${expected}`, () => {
      assert.ok(Math.abs(nameSimilarity(a, b) - expected) < 1e-12);
    });
  }

  test("property: symmetric, in [0, 1], 1 for identical", () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        const s = nameSimilarity(a, b);
        assert.ok(s >= 0 && s <= 1);
        assert.equal(nameSimilarity(b, a), s);
        assert.equal(nameSimilarity(a, a), 1);
      }),
      { numRuns: 2000 },
    );
  });

  test("property: 1 exactly when the bigram sets coincide", () => {
    fc.assert(
      fc.property(nameLike, nameLike, (a, b) => {
        const na = normaliseEnterpriseName(a);
        const nb = normaliseEnterpriseName(b);
        const sameSets =
          na === nb || new Set([...nameBigrams(na), ...nameBigrams(nb)]).size === nameBigrams(na).length;
        const equalSize = nameBigrams(na).length === nameBigrams(nb).length;
        assert.equal(normalisedNameSimilarity(na, nb) === 1, na === nb || (sameSets && equalSize));
      }),
    );
  });
});
