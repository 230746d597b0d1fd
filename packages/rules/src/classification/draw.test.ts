import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { drawForInspection, fmix32, fnv1a32 } from "./draw.ts";

describe("drawForInspection", () => {
  test("FNV-1a 32-bit matches the published test vectors", () => {
    assert.equal(fnv1a32(""), 0x811c9dc5);
    assert.equal(fnv1a32("a"), 0xe40c292c);
    assert.equal(fnv1a32("foobar"), 0xbf9cf968);
    assert.equal(fmix32(0), 0);
  });

  test("an auditor can recompute a draw from the documented steps", () => {
    const d = drawForInspection({ seed: "2024-Q3", lotId: "LOT-000123", share: 0.3 });
    const h = fmix32(fnv1a32("2024-Q3:LOT-000123"));
    assert.equal(d.value, h / 2 ** 32);
    assert.equal(d.hash, h.toString(16).padStart(8, "0"));
    assert.equal(d.selected, d.value < 0.3);
    // Pinned so any change to the algorithm is caught.
    assert.deepEqual(d, { selected: false, value: 0.8703863646369427, hash: "ded1a40b" });
  });

  test("non-ASCII ids are hashed as UTF-8", () => {
    // "经" is E7 BB 8F in UTF-8: hash those three bytes by hand.
    let h = 0x811c9dc5;
    for (const b of [0xe7, 0xbb, 0x8f]) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    assert.equal(fnv1a32("经"), h);
  });

  test("reproducible and in [0, 1); share 0 never, 1 always selects", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, lotId, share) => {
          const a = drawForInspection({ seed, lotId, share });
          const b = drawForInspection({ seed, lotId, share });
          assert.deepEqual(a, b);
          assert.ok(a.value >= 0 && a.value < 1);
          assert.equal(drawForInspection({ seed, lotId, share: 0 }).selected, false);
          assert.equal(drawForInspection({ seed, lotId, share: 1 }).selected, true);
        },
      ),
    );
  });

  test("selection is monotone in the share", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lotId, s, t) => {
          const [lo, hi] = s <= t ? [s, t] : [t, s];
          const a = drawForInspection({ seed: "x", lotId, share: lo });
          const b = drawForInspection({ seed: "x", lotId, share: hi });
          return !a.selected || b.selected;
        },
      ),
    );
  });

  test("the share is respected over 10,000 lot ids (±2 %)", () => {
    for (const share of [0.05, 0.3, 0.5]) {
      for (const seed of ["2024-Q3", "seed-b"]) {
        let n = 0;
        for (let i = 0; i < 10_000; i++) {
          if (drawForInspection({ seed, lotId: `LOT-${String(i).padStart(6, "0")}`, share }).selected) n++;
        }
        assert.ok(Math.abs(n / 10_000 - share) <= 0.02, `share ${share}, seed ${seed}: ${n / 10_000}`);
      }
    }
  });

  test("a different seed gives a different selection", () => {
    let differ = 0;
    for (let i = 0; i < 1000; i++) {
      const a = drawForInspection({ seed: "a", lotId: `L${i}`, share: 0.3 }).selected;
      const b = drawForInspection({ seed: "b", lotId: `L${i}`, share: 0.3 }).selected;
      if (a !== b) differ++;
    }
    assert.ok(differ > 300, `${differ}`);
  });

  test("an invalid share throws RangeError", () => {
    assert.throws(() => drawForInspection({ seed: "s", lotId: "l", share: 1.2 }), RangeError);
    assert.throws(() => drawForInspection({ seed: "s", lotId: "l", share: Number.NaN }), RangeError);
  });
});
