import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_RULE_SET } from "@jingwei/rules";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { todayInChina } from "../supervision/context.ts";
import { computeSignals, windowStart } from "./signals.ts";
import { daysFromToday, insertLots, rulesWith } from "./testing.ts";

describe("windowStart", () => {
  it("starts a rolling window of whole months that ends with the current month", () => {
    assert.equal(windowStart("2025-06-15", 12), "2024-07-01");
    assert.equal(windowStart("2025-06-15", 1), "2025-06-01");
    assert.equal(windowStart("2025-01-31", 13), "2024-01-01");
    assert.equal(windowStart("2025-12-01", 24), "2024-01-01");
  });
});

describeWithFixtures("classification signals", (ctx) => {
  it("computes every metric × window for several enterprises at once, with the counts behind each", async () => {
    const { db, fixtures } = ctx();
    const a = fixtures.enterpriseA.id;
    const b = fixtures.enterpriseB.id;
    await insertLots(db, a, { count: 40, rejected: 2, selfFailed: 4 });
    await insertLots(db, a, { count: 10, rejected: 10, declaredOn: daysFromToday(-500) }); // in 24 months only
    await db.query(
      `insert into quality_events (enterprise_id, kind, occurred_on, description) values
         ($1, 'return', $2, 'r'), ($1, 'warning', $2, 'w'), ($1, 'penalty', $3, 'p'), ($4, 'complaint', $2, 'c')`,
      [a, todayInChina(), daysFromToday(-500), b],
    );
    const rules = rulesWith((rs) => ({
      ...rs,
      signalRules: [
        ...rs.signalRules,
        { ...rs.signalRules[0], id: "official-24", windowMonths: 24 } as (typeof rs.signalRules)[number],
      ],
    }));
    const signals = await computeSignals(db, rules, todayInChina(), { ids: [a, b] });
    const of = (id: string, metric: string, windowMonths: number) =>
      signals.get(id)?.find((s) => s.metric === metric && s.windowMonths === windowMonths);

    assert.deepEqual(of(a, "officialPassRate", 12), {
      metric: "officialPassRate",
      windowMonths: 12,
      value: 95,
      evidence: { count: 2, total: 40 },
    });
    assert.deepEqual(of(a, "officialPassRate", 24)?.evidence, { count: 12, total: 50 });
    assert.equal(of(a, "selfInspectionPassRate", 12)?.value, 90);
    assert.deepEqual(of(a, "lotsRejected", 12)?.evidence, { count: 2, total: 40 });
    assert.equal(of(a, "returnsAndClaims", 12)?.value, 2);
    assert.equal(of(a, "penalties", 24)?.value, 1);
    assert.equal(of(a, "certificationsInForce", 12)?.value, 1);
    assert.equal(of(a, "zeroToleranceFindings", 12)?.value, 0);

    // B has no lots: no rate is observed, counts are.
    assert.equal(of(b, "officialPassRate", 12), undefined);
    assert.equal(of(b, "selfInspectionPassRate", 12), undefined);
    assert.equal(of(b, "lotsRejected", 12)?.value, 0);
    assert.equal(of(b, "returnsAndClaims", 12)?.value, 1);
    assert.equal(of(b, "certificationsInForce", 12)?.value, 0);

    // Reading the whole table gives the same observations.
    const whole = await computeSignals(db, rules, todayInChina(), { ids: [a, b], wholeTable: true });
    assert.deepEqual(whole, signals);
    // Only the windows the rule set asks for.
    const none = await computeSignals(db, { ...DEFAULT_RULE_SET, signalRules: [] }, todayInChina(), {
      ids: [a],
    });
    assert.deepEqual(none.get(a), []);
  });
});
