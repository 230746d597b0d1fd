import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type CheckTimesheetOptions, checkTimesheet, type LabourFinding } from "./check.ts";
import type { CountyTierAssignment, MinimumWageTable } from "./minimum-wage.ts";
import type { LabourRuleId } from "./rules.ts";
import { datesBetween, patchDay, row, standardMonth, weekdayDates } from "./testing.ts";
import { LabourCheckError, type TimesheetRow } from "./timesheet.ts";

/** Test-only tier assignments, so the cases do not depend on the unverified real ones. */
const TIERS: CountyTierAssignment[] = [
  {
    county: "T1",
    name: "tier 1 county",
    city: "test",
    tier: 1,
    from: "2021-08-01",
    verified: true,
    note: "",
  },
  {
    county: "T2",
    name: "tier 2 county",
    city: "test",
    tier: 2,
    from: "2021-08-01",
    verified: true,
    note: "",
  },
];

function check(rows: readonly TimesheetRow[], options: Partial<CheckTimesheetOptions> = {}): LabourFinding[] {
  return checkTimesheet(rows, { county: "T2", countyTiers: TIERS, ...options });
}

interface Expected {
  period: string;
  workerId?: string;
  /** Hand-computed values; only these keys are compared. */
  detail?: Record<string, number | string | boolean>;
}

interface Case {
  name: string;
  rows: TimesheetRow[];
  options?: Partial<CheckTimesheetOptions>;
  expected: Expected[];
}

function runCases(rule: LabourRuleId, cases: Case[]) {
  describe(rule, () => {
    for (const c of cases) {
      test(c.name, () => {
        const found = check(c.rows, c.options).filter((f) => f.rule === rule);
        assert.deepEqual(
          found.map((f) => [f.workerId, f.period]),
          c.expected.map((e) => [e.workerId ?? "w1", e.period]),
        );
        c.expected.forEach((e, i) => {
          for (const [key, value] of Object.entries(e.detail ?? {})) {
            assert.equal(found[i]?.detail[key], value, `${c.name}: detail.${key}`);
          }
        });
      });
    }
  });
}

/** Mon 2024-01-29 … Sun 2024-02-04 is ISO week 2024-W05. */
const W05 = datesBetween("2024-01-29", "2024-02-04");

runCases("weekly_hours", [
  {
    name: "6 × 10 h + 1 × 8 h in one ISO week → 68 h > 40",
    rows: W05.map((d, i) => row("w1", d, i < 6 ? 10 : 8, { overtimeHours: i < 6 ? 2 : 0 })),
    expected: [{ period: "2024-W05", detail: { hours: 68, limit: 40, excess: 28, daysWorked: 7 } }],
  },
  {
    name: "5 × 8 h = 40 h is not over",
    rows: W05.slice(0, 5).map((d) => row("w1", d, 8)),
    expected: [],
  },
  {
    name: "8.1 + 7.9 + 8.1 + 7.9 + 8 = 40 h despite floating point",
    rows: W05.slice(0, 5).map((d, i) => row("w1", d, [8.1, 7.9, 8.1, 7.9, 8][i] ?? 0)),
    expected: [],
  },
  {
    name: "a week across the new year is one ISO week (2025-W01)",
    rows: datesBetween("2024-12-30", "2025-01-03").map((d) => row("w1", d, 8.5, { overtimeHours: 0.5 })),
    expected: [{ period: "2025-W01", detail: { hours: 42.5, excess: 2.5, daysWorked: 5 } }],
  },
  {
    name: "each worker's weeks are separate",
    rows: [
      ...W05.slice(0, 5).map((d) => row("w1", d, 9, { overtimeHours: 1 })),
      ...W05.slice(0, 5).map((d) => row("w2", d, 8)),
    ],
    expected: [{ period: "2024-W05", workerId: "w1", detail: { hours: 45 } }],
  },
  {
    name: "maxWeeklyHours 60: 50 h passes",
    rows: W05.slice(0, 5).map((d) => row("w1", d, 10, { overtimeHours: 2 })),
    options: { rules: { maxWeeklyHours: 60 } },
    expected: [],
  },
  {
    name: "maxWeeklyHours 60: 68 h still fails",
    rows: W05.map((d, i) => row("w1", d, i < 6 ? 10 : 8, { overtimeHours: i < 6 ? 2 : 0 })),
    options: { rules: { maxWeeklyHours: 60 } },
    expected: [{ period: "2024-W05", detail: { hours: 68, limit: 60, excess: 8 } }],
  },
]);

runCases("daily_overtime", [
  {
    name: "workday 12 h with 4 h overtime → 4 > 3",
    rows: [row("w1", "2024-03-04", 12, { overtimeHours: 4 })],
    expected: [
      { period: "2024-03-04", detail: { hours: 12, overtimeHours: 4, overtimeCounted: 4, limit: 3 } },
    ],
  },
  {
    name: "workday 12 h with no overtime reported → 12 − 8 = 4 counted",
    rows: [row("w1", "2024-03-04", 12)],
    expected: [{ period: "2024-03-04", detail: { overtimeHours: 0, overtimeCounted: 4 } }],
  },
  {
    name: "workday 11 h with 3 h overtime is the limit",
    rows: [row("w1", "2024-03-04", 11, { overtimeHours: 3 })],
    expected: [],
  },
  {
    name: "rest day 12 h is not a workday",
    rows: [row("w1", "2024-03-09", 12, { overtimeHours: 12, restDay: true })],
    expected: [],
  },
  {
    name: "holiday 12 h is not a workday",
    rows: [row("w1", "2024-05-01", 12, { overtimeHours: 12, holiday: true })],
    expected: [],
  },
]);

const MARCH = weekdayDates("2024-03"); // 21 weekdays

runCases("monthly_overtime", [
  {
    name: "37 h in March 2024 (18 × 2 h + 1 × 1 h) → 37 > 36",
    rows: MARCH.map((d, i) =>
      i < 18
        ? row("w1", d, 10, { overtimeHours: 2 })
        : i === 18
          ? row("w1", d, 9, { overtimeHours: 1 })
          : row("w1", d, 8),
    ),
    expected: [
      { period: "2024-03", detail: { overtimeHours: 37, limit: 36, excess: 1, daysWithOvertime: 19 } },
    ],
  },
  {
    name: "36 h (18 × 2 h) is the limit",
    rows: MARCH.map((d, i) => (i < 18 ? row("w1", d, 10, { overtimeHours: 2 }) : row("w1", d, 8))),
    expected: [],
  },
  {
    name: "20 h in March + 20 h in April are separate months",
    rows: [
      ...MARCH.slice(-10).map((d) => row("w1", d, 10, { overtimeHours: 2 })),
      ...weekdayDates("2024-04")
        .slice(0, 10)
        .map((d) => row("w1", d, 10, { overtimeHours: 2 })),
    ],
    expected: [],
  },
  {
    name: "rest-day overtime counts: 15 × 2 h + 8 h on a Saturday = 38 h",
    rows: [
      ...MARCH.slice(0, 15).map((d) => row("w1", d, 10, { overtimeHours: 2 })),
      row("w1", "2024-03-30", 8, { overtimeHours: 8, restDay: true }),
    ],
    expected: [{ period: "2024-03", detail: { overtimeHours: 38 } }],
  },
]);

runCases("rest_day", [
  {
    name: "7 consecutive working days → reported at the first",
    rows: datesBetween("2024-03-04", "2024-03-10").map((d) => row("w1", d, 8)),
    expected: [{ period: "2024-03-04", detail: { endDate: "2024-03-10", consecutiveDays: 7, window: 7 } }],
  },
  {
    name: "6 consecutive working days are fine",
    rows: datesBetween("2024-03-04", "2024-03-09").map((d) => row("w1", d, 8)),
    expected: [],
  },
  {
    name: "14 consecutive days are one run, reported once",
    rows: datesBetween("2024-03-04", "2024-03-17").map((d) => row("w1", d, 8)),
    expected: [{ period: "2024-03-04", detail: { endDate: "2024-03-17", consecutiveDays: 14 } }],
  },
  {
    name: "a run across a month boundary",
    rows: datesBetween("2024-02-26", "2024-03-04").map((d) => row("w1", d, 4)),
    expected: [{ period: "2024-02-26", detail: { endDate: "2024-03-04", consecutiveDays: 8 } }],
  },
  {
    name: "a row with 0 hours is a day off",
    rows: datesBetween("2024-03-04", "2024-03-13").map((d) => row("w1", d, d === "2024-03-08" ? 0 : 8)),
    expected: [],
  },
  {
    name: "a missing date is a day off",
    rows: datesBetween("2024-03-04", "2024-03-13")
      .filter((d) => d !== "2024-03-09")
      .map((d) => row("w1", d, 8)),
    expected: [],
  },
  {
    name: "two runs of 7 separated by one day off → two findings",
    rows: datesBetween("2024-03-01", "2024-03-15")
      .filter((d) => d !== "2024-03-08")
      .map((d) => row("w1", d, 8)),
    expected: [
      { period: "2024-03-01", detail: { endDate: "2024-03-07" } },
      { period: "2024-03-09", detail: { endDate: "2024-03-15" } },
    ],
  },
]);

// March 2024: 21 weekdays × 8 h = 168 h = the month's full hours (min(174, 168)); monthly wage 3480 →
// hourly base 3480 ÷ 21.75 ÷ 8 = 20 yuan.
const MARCH_3480 = standardMonth("w1", "2024-03", 3480);

runCases("overtime_pay_workday", [
  {
    name: "2 h overtime on a workday paid at 140 % (56 < 1.5 × 20 × 2 = 60)",
    rows: patchDay(MARCH_3480, "2024-03-05", { hours: 10, overtimeHours: 2, overtimePay: 56 }),
    expected: [
      {
        period: "2024-03-05",
        detail: {
          overtimeHours: 2,
          overtimePay: 56,
          required: 60,
          shortfall: 4,
          requiredPercent: 150,
          paidPercent: 140,
          hourlyBase: 20,
          monthlyWage: 3480,
          baseSource: "pay",
        },
      },
    ],
  },
  {
    name: "paid at exactly 150 %",
    rows: patchDay(MARCH_3480, "2024-03-05", { hours: 10, overtimeHours: 2, overtimePay: 60 }),
    expected: [],
  },
  {
    name: "within the 0.01 yuan tolerance",
    rows: patchDay(MARCH_3480, "2024-03-05", { hours: 10, overtimeHours: 2, overtimePay: 59.995 }),
    expected: [],
  },
  {
    name: "partial month: 10 days, pay 1000 → wage 1000 × 168 ÷ 80 = 2100, base 12.069, due 36.21",
    rows: patchDay(
      weekdayDates("2024-02")
        .slice(0, 10)
        .map((d) => row("w1", d, 8, { pay: 100 })),
      "2024-02-05",
      { hours: 10, overtimeHours: 2, overtimePay: 36 },
    ),
    expected: [{ period: "2024-02-05", detail: { monthlyWage: 2100, hourlyBase: 12.069, required: 36.21 } }],
  },
  {
    name: "partial month paid 36.21 is enough",
    rows: patchDay(
      weekdayDates("2024-02")
        .slice(0, 10)
        .map((d) => row("w1", d, 8, { pay: 100 })),
      "2024-02-05",
      { hours: 10, overtimeHours: 2, overtimePay: 36.21 },
    ),
    expected: [],
  },
  {
    name: "day granularity: overtime pay booked on another row → each overtime day is short",
    rows: patchDay(
      patchDay(patchDay(MARCH_3480, "2024-03-05", { hours: 10, overtimeHours: 2 }), "2024-03-06", {
        hours: 10,
        overtimeHours: 2,
      }),
      "2024-03-29",
      { overtimePay: 112 },
    ),
    expected: [
      { period: "2024-03-05", detail: { required: 60, overtimePay: 0 } },
      { period: "2024-03-06", detail: { required: 60, overtimePay: 0 } },
    ],
  },
  {
    name: "month granularity: 4 h overtime, 112 paid on another workday row (140 % of 120)",
    rows: patchDay(
      patchDay(patchDay(MARCH_3480, "2024-03-05", { hours: 10, overtimeHours: 2 }), "2024-03-06", {
        hours: 10,
        overtimeHours: 2,
      }),
      "2024-03-29",
      { overtimePay: 112 },
    ),
    options: { rules: { overtimePayGranularity: "month" } },
    expected: [
      {
        period: "2024-03",
        detail: { overtimeHours: 4, overtimePay: 112, required: 120, paidPercent: 140, days: 2 },
      },
    ],
  },
]);

runCases("overtime_pay_rest_day", [
  {
    name: "8 h on a Saturday paid at 190 % (304 < 2 × 20 × 8 = 320)",
    rows: [...MARCH_3480, row("w1", "2024-03-09", 8, { overtimeHours: 8, restDay: true, overtimePay: 304 })],
    expected: [{ period: "2024-03-09", detail: { required: 320, paidPercent: 190, requiredPercent: 200 } }],
  },
  {
    name: "paid at 200 %",
    rows: [...MARCH_3480, row("w1", "2024-03-09", 8, { overtimeHours: 8, restDay: true, overtimePay: 320 })],
    expected: [],
  },
  {
    name: "no regular hours in the month → base from the tier-2 minimum (2260 ÷ 174 × 2 × 8 = 207.82)",
    rows: [row("w1", "2024-03-09", 8, { overtimeHours: 8, restDay: true, overtimePay: 100 })],
    expected: [
      { period: "2024-03-09", detail: { required: 207.82, monthlyWage: 2260, baseSource: "minimum_wage" } },
    ],
  },
]);

// May 2024: 23 weekdays; May 1 (a holiday) worked 8 h as overtime → 22 × 8 = 176 regular hours ≥ 174: full.
const MAY = standardMonth("w1", "2024-05", 3480);

runCases("overtime_pay_holiday", [
  {
    name: "8 h on May 1 paid at 250 % (400 < 3 × 20 × 8 = 480)",
    rows: patchDay(MAY, "2024-05-01", { holiday: true, overtimeHours: 8, overtimePay: 400 }),
    expected: [
      {
        period: "2024-05-01",
        detail: { required: 480, paidPercent: 250, requiredPercent: 300, hourlyBase: 20 },
      },
    ],
  },
  {
    name: "paid at 300 %",
    rows: patchDay(MAY, "2024-05-01", { holiday: true, overtimeHours: 8, overtimePay: 480 }),
    expected: [],
  },
  {
    name: "a holiday that is also a rest day takes the holiday premium",
    rows: [
      ...MARCH_3480,
      row("w1", "2024-03-09", 8, { overtimeHours: 8, restDay: true, holiday: true, overtimePay: 320 }),
    ],
    expected: [{ period: "2024-03-09", detail: { required: 480, paidPercent: 200 } }],
  },
]);

/** Every weekday of the month, 8 h, `perDay` yuan each. */
const fullMonth = (month: string, perDay: number, extra: Partial<TimesheetRow> = {}) =>
  weekdayDates(month).map((d) => row("w1", d, 8 + (extra.overtimeHours ?? 0), { pay: perDay, ...extra }));

runCases("minimum_wage", [
  {
    name: "2024-02, tier 2, pay 2100 < 2260 (from 2024-01-01)",
    rows: fullMonth("2024-02", 100),
    expected: [
      {
        period: "2024-02",
        detail: {
          pay: 2100,
          required: 2260,
          shortfall: 160,
          monthlyMinimum: 2260,
          minimumFrom: "2024-01-01",
          tier: 2,
          tierVerified: true,
          regularHours: 168,
          fullMonthHours: 168,
        },
      },
    ],
  },
  {
    name: "2023-12, tier 2, pay 2100 ≥ 2070 (from 2021-08-01)",
    rows: fullMonth("2023-12", 100),
    expected: [],
  },
  {
    name: "2023-12, tier 1, pay 2100 < 2280",
    rows: fullMonth("2023-12", 100),
    options: { county: "T1" },
    expected: [{ period: "2023-12", detail: { required: 2280, tier: 1, minimumFrom: "2021-08-01" } }],
  },
  {
    name: "partial month: 10 of 21 weekdays (80 h), pay 1000 < 2260 × 80 ÷ 168 = 1076.19",
    rows: weekdayDates("2024-02")
      .slice(0, 10)
      .map((d) => row("w1", d, 8, { pay: 100 })),
    expected: [{ period: "2024-02", detail: { required: 1076.19, shortfall: 76.19, regularHours: 80 } }],
  },
  {
    name: "partial month: pay 1100 ≥ 1076.19",
    rows: weekdayDates("2024-02")
      .slice(0, 10)
      .map((d) => row("w1", d, 8, { pay: 110 })),
    expected: [],
  },
  {
    name: "a 23-weekday month is full at 174 h: 2024-05 pay 2250 < 2260",
    rows: weekdayDates("2024-05").map((d, i) => row("w1", d, 8, { pay: i === 0 ? 2250 : 0 })),
    expected: [{ period: "2024-05", detail: { required: 2260, regularHours: 184, fullMonthHours: 174 } }],
  },
  {
    name: "overtime hours and overtime pay do not count as regular",
    rows: fullMonth("2024-02", 100, { overtimeHours: 2, overtimePay: 50 }),
    expected: [{ period: "2024-02", detail: { pay: 2100, regularHours: 168 } }],
  },
  {
    name: "the minimum is taken on the month's first day",
    rows: [...fullMonth("2024-02", 130), ...fullMonth("2024-03", 130)],
    options: {
      wageTable: {
        region: "test",
        currency: "CNY",
        rows: [
          {
            from: "2021-08-01",
            monthly: [2280, 2070, 1840],
            hourly: [22, 20, 18],
            source: "",
            verified: true,
          },
          {
            from: "2024-02-15",
            monthly: [3000, 3000, 3000],
            hourly: [30, 30, 30],
            source: "",
            verified: true,
          },
        ],
      } satisfies MinimumWageTable,
    },
    expected: [{ period: "2024-03", detail: { pay: 2730, required: 3000, minimumFrom: "2024-02-15" } }],
  },
  {
    name: "default county 330482 (平湖市): tier 2, flagged unverified",
    rows: fullMonth("2024-02", 100),
    options: { county: "330482", countyTiers: undefined },
    expected: [{ period: "2024-02", detail: { required: 2260, tier: 2, tierVerified: false } }],
  },
]);

runCases("social_insurance", [
  {
    name: "two uninsured days in March → one finding for the month",
    rows: patchDay(patchDay(MARCH_3480, "2024-03-12", { socialInsurance: false }), "2024-03-05", {
      socialInsurance: false,
    }),
    expected: [{ period: "2024-03", detail: { rowsWithoutInsurance: 2, rows: 21, firstDate: "2024-03-05" } }],
  },
  { name: "insured every day", rows: MARCH_3480, expected: [] },
  {
    name: "uninsured in two months → two findings",
    rows: [
      row("w1", "2024-03-29", 8, { socialInsurance: false }),
      row("w1", "2024-04-01", 8, { socialInsurance: false }),
    ],
    expected: [{ period: "2024-03" }, { period: "2024-04" }],
  },
]);

describe("checkTimesheet", () => {
  test("a compliant month has no findings", () => {
    assert.deepEqual(check(MARCH_3480), []);
    assert.deepEqual(check([]), []);
  });

  test("findings carry the rule's severity, sorted by worker, rule, period", () => {
    const rows = [
      ...datesBetween("2024-03-04", "2024-03-10").map((d) =>
        row("w2", d, 5, { socialInsurance: false, pay: 400 }),
      ),
      ...W05.map((d) => row("w1", d, 10, { overtimeHours: 2, overtimePay: 1000, pay: 1000 })),
    ];
    const found = check(rows);
    assert.deepEqual(
      found.map((f) => [f.workerId, f.rule, f.period, f.severity]),
      [
        ["w1", "weekly_hours", "2024-W05", "medium"],
        ["w1", "rest_day", "2024-01-29", "high"],
        ["w2", "rest_day", "2024-03-04", "high"],
        ["w2", "social_insurance", "2024-03", "high"],
      ],
    );
  });

  test("disabledRules and severity overrides", () => {
    const rows = W05.map((d) => row("w1", d, 10, { overtimeHours: 2, overtimePay: 1000, pay: 1000 }));
    const found = check(rows, { rules: { disabledRules: ["rest_day"], severity: { weekly_hours: "high" } } });
    assert.deepEqual(
      found.map((f) => [f.rule, f.severity]),
      [["weekly_hours", "high"]],
    );
  });

  test("refuses invalid rows", () => {
    assert.throws(
      () => check([row("w1", "2024-03-04", 8), row("w1", "2024-03-04", 9)]),
      (e: unknown) => e instanceof LabourCheckError && e.code === "invalid_rows" && e.issues[0]?.index === 1,
    );
    assert.throws(
      () => check([{ ...row("w1", "2024-03-04", 8), hours: "8" } as unknown as TimesheetRow]),
      (e: unknown) => e instanceof LabourCheckError && e.code === "invalid_rows",
    );
  });

  test("refuses an unknown county", () => {
    assert.throws(
      () => check(MARCH_3480, { county: "110101" }),
      (e: unknown) => e instanceof LabourCheckError && e.code === "unknown_county",
    );
  });

  test("refuses months the minimum wage tables do not cover", () => {
    assert.throws(
      () => check(standardMonth("w1", "2021-07", 3000)),
      (e: unknown) => e instanceof LabourCheckError && e.code === "no_minimum_wage",
    );
    const late: CountyTierAssignment[] = [{ ...TIERS[1], from: "2024-01-01" } as CountyTierAssignment];
    assert.throws(
      () => check(standardMonth("w1", "2023-12", 3000), { countyTiers: late }),
      (e: unknown) => e instanceof LabourCheckError && e.code === "no_minimum_wage",
    );
    // Without a check that needs the minimum wage, the month can still be checked.
    assert.deepEqual(
      check(standardMonth("w1", "2021-07", 3000), { rules: { disabledRules: ["minimum_wage"] } }),
      [],
    );
  });

  test("refuses a malformed wage table and bad rules", () => {
    assert.throws(
      () => check(MARCH_3480, { wageTable: { region: "x", currency: "CNY", rows: [] } }),
      RangeError,
    );
    assert.throws(() => check(MARCH_3480, { rules: { standardDailyHours: 0 } }), RangeError);
  });

  test("does not mutate its input", () => {
    const rows = patchDay(MARCH_3480, "2024-03-05", {
      hours: 10,
      overtimeHours: 2,
      overtimePay: 56,
    }).reverse();
    const copy = structuredClone(rows);
    check(rows);
    assert.deepEqual(rows, copy);
  });
});
