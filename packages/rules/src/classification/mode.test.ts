import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_RULE_SET, supervisionMode } from "./mode.ts";
import type { EnterpriseClass, ProductRisk, SupervisionMode } from "./types.ts";

describe("supervisionMode defaults (unverified, configurable)", () => {
  const expected: [EnterpriseClass, ProductRisk, SupervisionMode, number][] = [
    ["I", "low", "verification", 0.05],
    ["I", "medium", "verification", 0.05],
    ["I", "high", "general", 0.3],
    ["II", "low", "verification", 0.05],
    ["II", "medium", "general", 0.3],
    ["II", "high", "stringent", 1],
    ["III", "low", "general", 0.3],
    ["III", "medium", "stringent", 1],
    ["III", "high", "special", 1],
    ["IV", "low", "special", 1],
    ["IV", "medium", "special", 1],
    ["IV", "high", "special", 1],
  ];
  for (const [c, risk, mode, share] of expected) {
    test(`class ${c}, ${risk} risk → ${mode}`, () => {
      assert.deepEqual(supervisionMode(DEFAULT_RULE_SET, c, risk), {
        mode,
        samplingShare: share,
        fullInspection: mode === "special",
      });
    });
  }

  test("the default rule set is marked unverified", () => {
    assert.equal(DEFAULT_RULE_SET.verified, false);
  });

  test("a regulator's matrix and shares are used", () => {
    const rs = {
      ...DEFAULT_RULE_SET,
      modeMatrix: {
        ...DEFAULT_RULE_SET.modeMatrix,
        I: { low: "general", medium: "general", high: "general" },
      },
      samplingShares: { ...DEFAULT_RULE_SET.samplingShares, general: 0.5 },
    } as typeof DEFAULT_RULE_SET;
    assert.deepEqual(supervisionMode(rs, "I", "low"), {
      mode: "general",
      samplingShare: 0.5,
      fullInspection: false,
    });
  });
});
