import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type CountyTierAssignment,
  countyTierOn,
  isKnownCounty,
  type MinimumWageTable,
  minimumWageOn,
  validateMinimumWageTable,
  ZHEJIANG_COUNTY_TIERS,
  ZHEJIANG_MINIMUM_WAGE,
} from "./minimum-wage.ts";

describe("minimumWageOn (Zhejiang)", () => {
  const cases: [number, string, number, number, string][] = [
    [1, "2021-08-01", 2280, 22, "2021-08-01"],
    [2, "2021-08-01", 2070, 20, "2021-08-01"],
    [3, "2022-06-15", 1840, 18, "2021-08-01"],
    [2, "2023-12-01", 2070, 20, "2021-08-01"],
    [2, "2023-12-31", 2070, 20, "2021-08-01"],
    [1, "2024-01-01", 2490, 24, "2024-01-01"],
    [2, "2024-02-01", 2260, 22, "2024-01-01"],
    [3, "2030-01-01", 2010, 20, "2024-01-01"],
  ];
  for (const [tier, date, monthly, hourly, from] of cases) {
    test(`tier ${tier} on ${date} → ${monthly}/month, ${hourly}/h`, () => {
      assert.deepEqual(minimumWageOn(ZHEJIANG_MINIMUM_WAGE, tier, date), { monthly, hourly, from });
    });
  }

  test("refuses dates before the table, bad dates and bad tiers", () => {
    assert.throws(() => minimumWageOn(ZHEJIANG_MINIMUM_WAGE, 1, "2021-07-31"), RangeError);
    assert.throws(() => minimumWageOn(ZHEJIANG_MINIMUM_WAGE, 1, "2024-02-30"), RangeError);
    for (const tier of [0, 4, 1.5, Number.NaN]) {
      assert.throws(() => minimumWageOn(ZHEJIANG_MINIMUM_WAGE, tier, "2024-02-01"), RangeError);
    }
  });

  test("the default table is valid, and both rows are verified", () => {
    assert.deepEqual(validateMinimumWageTable(ZHEJIANG_MINIMUM_WAGE), []);
    assert.ok(ZHEJIANG_MINIMUM_WAGE.rows.every((r) => r.verified));
  });
});

describe("custom tables", () => {
  const table: MinimumWageTable = {
    region: "test",
    currency: "CNY",
    rows: [
      { from: "2025-07-01", monthly: [3000, 2800], hourly: [30, 28], source: "test", verified: false },
      { from: "2020-01-01", monthly: [2000, 1900], hourly: [20, 19], source: "test", verified: false },
    ],
  };

  test("rows need not be sorted", () => {
    assert.deepEqual(minimumWageOn(table, 2, "2025-06-30"), {
      monthly: 1900,
      hourly: 19,
      from: "2020-01-01",
    });
    assert.deepEqual(minimumWageOn(table, 2, "2025-07-01"), {
      monthly: 2800,
      hourly: 28,
      from: "2025-07-01",
    });
  });

  test("validateMinimumWageTable reports problems", () => {
    const bad: MinimumWageTable = {
      region: "bad",
      currency: "CNY",
      rows: [
        { from: "2024-13-01", monthly: [100, -1], hourly: [1], source: "", verified: false },
        { from: "2024-13-01", monthly: [100], hourly: [1], source: "", verified: false },
      ],
    };
    const problems = validateMinimumWageTable(bad);
    assert.ok(problems.some((p) => p.includes("not an ISO date")));
    assert.ok(problems.some((p) => p.includes("duplicate")));
    assert.ok(problems.some((p) => p.includes("hourly")));
    assert.ok(problems.some((p) => p.includes("-1")));
    assert.ok(problems.some((p) => p.includes("tiers")));
    assert.deepEqual(validateMinimumWageTable({ region: "x", currency: "CNY", rows: [] }), [
      "the table has no rows",
    ]);
  });
});

describe("county tiers", () => {
  test("the three seed counties are present, with verified division codes and unverified tiers", () => {
    const byCode = new Map(ZHEJIANG_COUNTY_TIERS.map((a) => [a.county, a]));
    assert.equal(byCode.get("330482")?.name, "平湖市");
    assert.equal(byCode.get("330212")?.name, "鄞州区");
    assert.equal(byCode.get("330282")?.name, "慈溪市");
    for (const a of ZHEJIANG_COUNTY_TIERS) {
      assert.equal(a.verified, false);
      assert.ok([1, 2, 3].includes(a.tier));
    }
  });

  test("countyTierOn picks the latest assignment on or before the date", () => {
    const assignments: CountyTierAssignment[] = [
      { county: "999999", name: "x", city: "y", tier: 3, from: "2021-08-01", verified: true, note: "" },
      { county: "999999", name: "x", city: "y", tier: 2, from: "2024-01-01", verified: true, note: "" },
      { county: "888888", name: "z", city: "y", tier: 1, from: "2021-08-01", verified: true, note: "" },
    ];
    assert.equal(countyTierOn(assignments, "999999", "2023-12-31")?.tier, 3);
    assert.equal(countyTierOn(assignments, "999999", "2024-01-01")?.tier, 2);
    assert.equal(countyTierOn(assignments, "999999", "2021-07-31"), undefined);
    assert.equal(countyTierOn(assignments, "777777", "2024-01-01"), undefined);
    assert.equal(isKnownCounty(assignments, "888888"), true);
    assert.equal(isKnownCounty(assignments, "777777"), false);
  });
});
