import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  DEFAULT_LABOUR_RULES,
  LABOUR_RULE_IDS,
  overtimeHourlyBase,
  resolveLabourRules,
  standardMonthlyHours,
} from "./rules.ts";

describe("labour rules", () => {
  test("statutory defaults", () => {
    const r = DEFAULT_LABOUR_RULES;
    assert.equal(r.standardDailyHours, 8);
    assert.equal(r.maxWeeklyHours, 40);
    assert.equal(r.maxDailyOvertimeHours, 3);
    assert.equal(r.maxMonthlyOvertimeHours, 36);
    assert.equal(r.restDayWindowDays, 7);
    assert.deepEqual(
      [r.overtimePercentWorkday, r.overtimePercentRestDay, r.overtimePercentHoliday],
      [150, 200, 300],
    );
    assert.equal(standardMonthlyHours(r), 174);
    assert.equal(overtimeHourlyBase(3480), 20);
    assert.equal(overtimeHourlyBase(2260), 2260 / 21.75 / 8);
    assert.deepEqual(Object.keys(r.severity).sort(), [...LABOUR_RULE_IDS].sort());
  });

  test("overrides apply; undefined keeps the default; severity merges", () => {
    const r = resolveLabourRules({
      maxWeeklyHours: 60,
      maxDailyOvertimeHours: undefined,
      severity: { weekly_hours: "low" },
    });
    assert.equal(r.maxWeeklyHours, 60);
    assert.equal(r.maxDailyOvertimeHours, 3);
    assert.equal(r.severity.weekly_hours, "low");
    assert.equal(r.severity.minimum_wage, "high");
    assert.equal(DEFAULT_LABOUR_RULES.maxWeeklyHours, 40, "defaults are not mutated");
  });

  const bad: [string, Parameters<typeof resolveLabourRules>[0]][] = [
    ["zero standard day", { standardDailyHours: 0 }],
    ["negative weekly", { maxWeeklyHours: -1 }],
    ["NaN pay days", { monthlyPayDays: Number.NaN }],
    ["negative tolerance", { moneyTolerance: -0.01 }],
    ["fractional window", { restDayWindowDays: 6.5 }],
    ["window 1", { restDayWindowDays: 1 }],
    ["unknown rule", { disabledRules: ["nope" as never] }],
    ["bad granularity", { overtimePayGranularity: "week" as never }],
  ];
  for (const [name, overrides] of bad) {
    test(`refuses ${name}`, () => assert.throws(() => resolveLabourRules(overrides), RangeError));
  }
});
