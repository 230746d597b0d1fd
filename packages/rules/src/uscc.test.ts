import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { generateUscc, normaliseUscc, parseUscc, USCC_CHARSET, usccCheckChar, validateUscc } from "./uscc.ts";

const KNOWN_GOOD = ["91330100716105852F", "914403001922038216"];

const charsetChar = fc.integer({ min: 0, max: 30 }).map((i) => USCC_CHARSET.charAt(i));
const first17 = fc.array(charsetChar, { minLength: 17, maxLength: 17 }).map((a) => a.join(""));
const validCode = first17.map((f) => f + usccCheckChar(f));

/** Deterministic PRNG (mulberry32) so generated fixtures are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("USCC_CHARSET", () => {
  test("has 31 characters without I, O, S, V, Z", () => {
    assert.equal(USCC_CHARSET.length, 31);
    assert.equal(new Set(USCC_CHARSET).size, 31);
    for (const ch of "IOSVZ") assert.ok(!USCC_CHARSET.includes(ch));
  });
});

describe("usccCheckChar / validateUscc", () => {
  for (const code of KNOWN_GOOD) {
    test(`known-good ${code}`, () => {
      assert.equal(usccCheckChar(code.slice(0, 17)), code.slice(17));
      assert.deepEqual(validateUscc(code), { ok: true, value: code });
    });
  }

  test("check value 31 maps to '0'", () => {
    // Find a prefix whose weighted sum is ≡ 0 (mod 31) by adjusting position 1 (weight 1).
    const rest = "1330100716105852";
    for (const ch of USCC_CHARSET) {
      const code = ch + rest;
      if (usccCheckChar(code) === "0") {
        assert.deepEqual(validateUscc(`${code}0`), { ok: true, value: `${code}0` });
        return;
      }
    }
    assert.fail("no prefix produced check char 0");
  });

  test("wrong check character reports the expected one", () => {
    assert.deepEqual(validateUscc("91330100716105852E"), { ok: false, reason: "check", expected: "F" });
  });

  const reasons: [string, string][] = [
    ["", "empty"],
    ["   ", "empty"],
    ["\u3000", "empty"],
    ["91330100716105852", "length"],
    ["91330100716105852F0", "length"],
    ["9133010071610585 F", "charset"],
    ["91330100716105852I", "charset"],
    ["9133010071610585OF", "charset"],
    ["91330100716105852-", "charset"],
  ];
  for (const [input, reason] of reasons) {
    test(`${JSON.stringify(input)} → ${reason}`, () => {
      const r = validateUscc(input);
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.reason, reason);
    });
  }

  test("normalises whitespace, lowercase and full-width input", () => {
    assert.deepEqual(validateUscc("  91330100716105852f\n"), { ok: true, value: "91330100716105852F" });
    assert.deepEqual(validateUscc("９１３３０１００７１６１０５８５２Ｆ"), {
      ok: true,
      value: "91330100716105852F",
    });
    assert.deepEqual(validateUscc("\u3000９１３３０１００７１６１０５８５２ｆ\u3000"), {
      ok: true,
      value: "91330100716105852F",
    });
    assert.equal(normaliseUscc(" ９１ａｂ "), "91AB");
  });

  test("usccCheckChar rejects bad input", () => {
    assert.throws(() => usccCheckChar("123"), RangeError);
    assert.throws(() => usccCheckChar("9133010071610585I"), RangeError);
  });

  test("property: every single-character substitution is detected", () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
        const v = USCC_CHARSET.indexOf(code.charAt(pos));
        const replacement = USCC_CHARSET.charAt((v + shift) % 31);
        const corrupted = code.slice(0, pos) + replacement + code.slice(pos + 1);
        assert.notEqual(corrupted, code);
        const r = validateUscc(corrupted);
        assert.equal(r.ok, false);
        assert.equal(!r.ok && r.reason, "check");
      }),
      { numRuns: 2000 },
    );
  });

  test("property: swapping two different characters among positions 1–17 is detected", () => {
    // Weights are distinct powers of 3 mod 31, so (a−b)(w_i−w_j) ≢ 0 whenever a ≠ b.
    fc.assert(
      fc.property(validCode, fc.nat(16), fc.nat(16), (code, i, j) => {
        const a = code.charAt(i);
        const b = code.charAt(j);
        fc.pre(a !== b);
        const chars = [...code];
        chars[i] = b;
        chars[j] = a;
        assert.equal(validateUscc(chars.join("")).ok, false);
      }),
    );
  });

  test("property: validation is stable under case and width changes", () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const fullWidth = [...code.toLowerCase()]
          .map((ch) => String.fromCodePoint((ch.codePointAt(0) as number) + 0xfee0))
          .join("");
        assert.deepEqual(validateUscc(fullWidth), { ok: true, value: code });
      }),
    );
  });
});

describe("parseUscc", () => {
  test("splits the fields", () => {
    assert.deepEqual(parseUscc("91330100716105852F"), {
      authority: "9",
      orgType: "1",
      divisionCode: "330100",
      orgCode: "716105852",
      checkChar: "F",
    });
  });

  test("accepts non-canonical input and throws on invalid", () => {
    assert.equal(parseUscc("91330100716105852f").checkChar, "F");
    assert.throws(() => parseUscc("91330100716105852E"), /check/);
  });
});

describe("generateUscc", () => {
  test("deterministic for a given rand", () => {
    assert.equal(generateUscc(mulberry32(42)), generateUscc(mulberry32(42)));
    assert.notEqual(generateUscc(mulberry32(1)), generateUscc(mulberry32(2)));
  });

  test("uses the division code and the enterprise prefix", () => {
    const code = generateUscc(mulberry32(7), "330100");
    assert.equal(code.slice(0, 8), "91330100");
    assert.equal(generateUscc(mulberry32(7)).slice(0, 8), "91330482");
  });

  test("extreme rand values stay within the charset", () => {
    assert.ok(validateUscc(generateUscc(() => 0)).ok);
    assert.ok(validateUscc(generateUscc(() => 0.9999999999)).ok);
    assert.ok(validateUscc(generateUscc(() => 1)).ok);
  });

  test("rejects a malformed division code", () => {
    assert.throws(() => generateUscc(Math.random, "3304"), RangeError);
  });

  test("property: generated codes always validate", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const code = generateUscc(mulberry32(seed));
        assert.equal(code.length, 18);
        assert.deepEqual(validateUscc(code), { ok: true, value: code });
      }),
      { numRuns: 1000 },
    );
  });
});
