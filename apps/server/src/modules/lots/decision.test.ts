import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_RULE_SET, drawForInspection } from "@jingwei/rules";
import { decideLot, drawSeed, STANDARD_INSPECTION_FEE_CNY } from "./decision.ts";

const base = {
  rules: DEFAULT_RULE_SET,
  ruleSetVersion: DEFAULT_RULE_SET.version,
  enterpriseClass: "II" as const,
  risk: "medium" as const,
  exemption: null,
  declarationNo: "BJ20250101000001",
  declaredOn: "2025-01-01",
};

/** Declaration numbers whose general-supervision draw selects (or not) the lot. */
function numberDrawn(selected: boolean): string {
  for (let n = 1; ; n++) {
    const no = `BJ20250101${String(n).padStart(6, "0")}`;
    const d = drawForInspection({
      seed: drawSeed(base.ruleSetVersion, base.declaredOn),
      lotId: no,
      share: 0.3,
    });
    if (d.selected === selected) return no;
  }
}

describe("decision at declaration", () => {
  it("class I × medium → verification: released on documents, fee waived, no draw", () => {
    const d = decideLot({ ...base, enterpriseClass: "I" });
    assert.equal(d.mode, "verification");
    assert.equal(d.decision, "release");
    assert.equal(d.status, "released");
    assert.equal(d.draw, null);
    assert.equal(d.samplingShare, 0);
    assert.equal(d.feeWaived, STANDARD_INSPECTION_FEE_CNY);
    assert.equal(d.reason.key, "lots.reason.verification");
    assert.match(d.reason.text, /^Class I × medium risk → verification supervision/);
  });

  it("class II × medium → general: the draw decides, and the reason gives its figures", () => {
    const drawn = decideLot({ ...base, declarationNo: numberDrawn(true) });
    assert.equal(drawn.mode, "general");
    assert.equal(drawn.decision, "inspect");
    assert.equal(drawn.status, "awaiting_inspection");
    assert.equal(drawn.feeWaived, 0);
    assert.equal(drawn.reason.key, "lots.reason.generalDrawn");
    assert.ok(drawn.draw && drawn.draw.value < 0.3);
    assert.match(drawn.reason.text, /drawn for inspection \(draw 0\.\d{4} < share 0\.30, hash [0-9a-f]{8}\)/);

    const notDrawn = decideLot({ ...base, declarationNo: numberDrawn(false) });
    assert.equal(notDrawn.decision, "release");
    assert.equal(notDrawn.reason.key, "lots.reason.generalNotDrawn");
    assert.ok(notDrawn.draw && notDrawn.draw.value >= 0.3);
    assert.equal(notDrawn.samplingShare, 0.3);
    assert.equal(notDrawn.feeWaived, STANDARD_INSPECTION_FEE_CNY);
  });

  it("the draw is reproducible from the stored seed, lot id and share", () => {
    const d = decideLot(base);
    assert.ok(d.draw);
    assert.equal(d.draw.seed, "default-2024.1/2025-01-01");
    const again = drawForInspection({ seed: d.draw.seed, lotId: base.declarationNo, share: d.samplingShare });
    assert.equal(again.value, d.draw.value);
    assert.equal(again.hash, d.draw.hash);
    assert.deepEqual(decideLot(base), d);
  });

  it("class III × medium → stringent, class IV → special: every lot inspected", () => {
    const stringent = decideLot({ ...base, enterpriseClass: "III" });
    assert.equal(stringent.mode, "stringent");
    assert.equal(stringent.decision, "inspect");
    assert.equal(stringent.samplingShare, 1);
    assert.equal(stringent.draw, null);
    const special = decideLot({ ...base, enterpriseClass: "IV", risk: "low" });
    assert.equal(special.mode, "special");
    assert.equal(special.decision, "inspect");
    assert.match(special.reason.text, /in full/);
  });

  it("product risk shifts the mode: class II × high → stringent, class III × low → general", () => {
    assert.equal(decideLot({ ...base, risk: "high" }).mode, "stringent");
    assert.equal(decideLot({ ...base, enterpriseClass: "III", risk: "low" }).mode, "general");
  });

  it("an exemption in force releases whatever the mode, and says until when", () => {
    const d = decideLot({ ...base, enterpriseClass: "IV", exemption: { validTo: "2027-12-31" } });
    assert.equal(d.mode, "special");
    assert.equal(d.decision, "release");
    assert.equal(d.reason.key, "lots.reason.exemption");
    assert.equal(d.reason.params.validTo, "2027-12-31");
    assert.match(d.reason.text, /exemption \(免验\) in force until 2027-12-31/);
  });
});
