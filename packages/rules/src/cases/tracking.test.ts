import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { seededRandom } from "../random.ts";
import {
  CROCKFORD_ALPHABET,
  formatTrackingNumber,
  generateTrackingNumber,
  isWellFormedTrackingNumber,
  normaliseTrackingNumber,
  TRACKING_NUMBER_LENGTH,
  TRACKING_RANDOM_BYTES,
  trackingCheckSymbol,
  trackingNumberDate,
} from "./tracking.ts";

/** Independent GF(32) arithmetic: carry-less product reduced by x^5 + x^2 + 1. */
function gfMul(a: number, b: number): number {
  let p = 0;
  for (let i = 0; i < 5; i++) if ((b >> i) & 1) p ^= a << i;
  for (let i = 9; i >= 5; i--) if ((p >> i) & 1) p ^= 0b100101 << (i - 5);
  return p;
}

/** Σ α^(n−1−i)·sᵢ computed with explicit powers of α = 2. */
function syndrome(s: string): number {
  let sum = 0;
  [...s].forEach((c, i) => {
    let w = 1;
    for (let k = 0; k < s.length - 1 - i; k++) w = gfMul(w, 2);
    sum ^= gfMul(w, CROCKFORD_ALPHABET.indexOf(c));
  });
  return sum;
}

function randomBytes(rand: () => number): Uint8Array {
  return Uint8Array.from({ length: TRACKING_RANDOM_BYTES }, () => Math.floor(rand() * 256));
}

describe("generateTrackingNumber", () => {
  test("fixed examples", () => {
    assert.equal(generateTrackingNumber("2025-02-10", new Uint8Array(7)), "PH2502100000000000R");
    assert.equal(generateTrackingNumber("2025-02-10", new Uint8Array(7).fill(255)), "PH250210ZZZZZZZZZZW");
    // Symbols 1…10 packed as 5-bit groups, big-endian: 00001 00010 00011 … 01010 000000.
    const bytes = Uint8Array.from([0x08, 0x86, 0x42, 0x98, 0xe8, 0x4a, 0x80]);
    assert.equal(generateTrackingNumber("2025-02-10", bytes), "PH250210123456789AC");
  });

  test("the check symbol satisfies the GF(32) equation (independent arithmetic)", () => {
    for (const t of ["PH2502100000000000R", "PH250210ZZZZZZZZZZW", "PH250210123456789AC"]) {
      assert.equal(syndrome(t), 0, t);
      assert.equal(trackingCheckSymbol(t.slice(0, -1)), t.slice(-1));
    }
  });

  test("the date is the Shanghai date of the instant", () => {
    const bytes = new Uint8Array(7);
    assert.match(generateTrackingNumber(new Date("2025-02-09T16:30:00Z"), bytes), /^PH250210/);
    assert.match(generateTrackingNumber(new Date("2025-02-09T15:59:59Z"), bytes), /^PH250209/);
  });

  test("refuses too little randomness and dates outside 2000–2099", () => {
    assert.throws(() => generateTrackingNumber("2025-02-10", new Uint8Array(6)), RangeError);
    assert.throws(() => generateTrackingNumber("2025-02-30", new Uint8Array(7)), RangeError);
    assert.throws(() => generateTrackingNumber("1999-12-31", new Uint8Array(7)), RangeError);
    assert.throws(() => generateTrackingNumber("2100-01-01", new Uint8Array(7)), RangeError);
    assert.throws(() => trackingCheckSymbol("PH25021O"), RangeError);
  });

  test("uses 50 bits: different random bytes give different numbers", () => {
    const rand = seededRandom(7);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(generateTrackingNumber("2025-02-10", randomBytes(rand)));
    assert.equal(seen.size, 2000);
  });
});

describe("normaliseTrackingNumber", () => {
  const t = "PH250210123456789AC";
  const lenient: [string, string][] = [
    ["canonical", t],
    ["lower case", t.toLowerCase()],
    ["display form", "PH250210-12345-6789AC"],
    ["spaces and tabs", " PH 250210 12345 6789 AC\t"],
    ["full-width (IME)", "ＰＨ２５０２１０１２３４５６７８９ＡＣ"],
    ["ideographic space and full-width hyphen", "PH250210\u300012345－6789AC"],
  ];
  for (const [why, input] of lenient)
    test(`accepts ${why}`, () => assert.equal(normaliseTrackingNumber(input), t));

  test("O is 0, I and L are 1", () => {
    const z = "PH2502100000000000R";
    assert.equal(normaliseTrackingNumber("PH25O21OOOOOOOOOOOR"), z);
    assert.equal(normaliseTrackingNumber("ph250210i23456789ac"), t);
    assert.equal(normaliseTrackingNumber("PH250210l23456789AC"), t);
  });

  const refused: [string, unknown][] = [
    ["empty", ""],
    ["not a string", 250210],
    ["wrong prefix", "PJ250210123456789AC"],
    ["missing the check", "PH250210123456789A"],
    ["one symbol too many", "PH250210123456789ACC"],
    ["not a real date", "PH250230123456789AC"],
    ["U is not a symbol", "PH250210123456789AU"],
    ["punctuation inside", "PH250210/123456789AC"],
    ["wrong check", "PH250210123456789AD"],
    ["absurdly long input", `${t}${" ".repeat(100)}`],
  ];
  for (const [why, input] of refused) {
    test(`refuses ${why}`, () => {
      assert.equal(normaliseTrackingNumber(input), undefined);
      assert.equal(isWellFormedTrackingNumber(input), false);
    });
  }

  test("date and display form", () => {
    assert.equal(trackingNumberDate(t), "2025-02-10");
    assert.equal(formatTrackingNumber(t), "PH250210-12345-6789AC");
    assert.equal(TRACKING_NUMBER_LENGTH, 19);
  });
});

describe("tracking number properties", () => {
  const rand = seededRandom(20250210);
  const numbers = Array.from({ length: 200 }, () => {
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 730) * 86_400_000);
    return generateTrackingNumber(day, randomBytes(rand));
  });

  test("every generated number is canonical and well formed", () => {
    for (const t of numbers) {
      assert.equal(t.length, TRACKING_NUMBER_LENGTH);
      assert.equal(normaliseTrackingNumber(t), t);
      assert.equal(normaliseTrackingNumber(formatTrackingNumber(t).toLowerCase()), t);
    }
  });

  test("every single substitution is caught, check symbol included", () => {
    for (const t of numbers) {
      for (let i = 0; i < t.length; i++) {
        for (const c of CROCKFORD_ALPHABET) {
          if (c === t[i]) continue;
          const typo = t.slice(0, i) + c + t.slice(i + 1);
          assert.equal(isWellFormedTrackingNumber(typo), false, `${t} → ${typo}`);
        }
      }
    }
  });

  test("every adjacent transposition is caught, check symbol included", () => {
    for (const t of numbers) {
      for (let i = 0; i + 1 < t.length; i++) {
        if (t[i] === t[i + 1]) continue;
        const typo = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
        assert.equal(isWellFormedTrackingNumber(typo), false, `${t} → ${typo}`);
      }
    }
  });

  test("the check itself, without prefix and date rules, detects both errors (syndrome ≠ 0)", () => {
    // The prefix and date rules would hide failures there; the GF(32) sum alone must catch every error too.
    for (const t of numbers.slice(0, 50)) {
      for (let i = 0; i < t.length; i++) {
        for (const c of CROCKFORD_ALPHABET) {
          if (c !== t[i]) assert.notEqual(syndrome(t.slice(0, i) + c + t.slice(i + 1)), 0);
        }
        if (i + 1 < t.length && t[i] !== t[i + 1]) {
          assert.notEqual(syndrome(t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2)), 0);
        }
      }
    }
  });
});
