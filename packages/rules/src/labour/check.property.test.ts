import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { checkTimesheet, type LabourFinding } from "./check.ts";
import { epochDay, formatEpochDay, isoWeek } from "./dates.ts";
import type { CountyTierAssignment } from "./minimum-wage.ts";
import { DEFAULT_LABOUR_RULES } from "./rules.ts";
import { row, validRows } from "./testing.ts";
import type { TimesheetRow } from "./timesheet.ts";

/** Tier 1, the highest minimum: the strictest county a compliant timesheet must satisfy. */
const TIER1: CountyTierAssignment[] = [
  {
    county: "T1",
    name: "tier 1 county",
    city: "test",
    tier: 1,
    from: "2021-08-01",
    verified: true,
    note: "",
  },
];

const FIRST_MONDAY = epochDay("2021-08-02");

/**
 * A compliant timesheet: Monday–Friday up to 8 h, sometimes 1 h of overtime after a full day while the week
 * stays ≤ 40 h, weekends off (absent or a 0 h rest-day row), pay `rate` yuan per regular hour with rate ≥ 16
 * (≥ 2490 ÷ 160, the highest minimum over the shortest full month), overtime paid at 2 × rate (≥ 150 % of the
 * largest possible base, rate × 184 ÷ 174), insured every day.
 */
const compliantTimesheet: fc.Arbitrary<TimesheetRow[]> = fc
  .record({
    workers: fc.integer({ min: 1, max: 3 }),
    startWeek: fc.integer({ min: 0, max: 250 }),
    weeks: fc.integer({ min: 1, max: 10 }),
    rate: fc.integer({ min: 16, max: 40 }),
  })
  .chain(({ workers, startWeek, weeks, rate }) => {
    const day = fc.record({
      present: fc.boolean(),
      hours: fc.integer({ min: 0, max: 8 }),
      overtime: fc.boolean(),
    });
    const week = fc.array(day, { minLength: 7, maxLength: 7 });
    return fc.array(week, { minLength: workers * weeks, maxLength: workers * weeks }).map((plans) => {
      const rows: TimesheetRow[] = [];
      plans.forEach((plan, p) => {
        const workerId = `w${p % workers}`;
        const monday = FIRST_MONDAY + 7 * (startWeek + Math.floor(p / workers));
        let weekHours = 0;
        plan.forEach((d, i) => {
          if (!d.present) return;
          const date = formatEpochDay(monday + i);
          if (i >= 5) {
            rows.push(row(workerId, date, 0, { restDay: true }));
            return;
          }
          const ot = d.overtime && d.hours === 8 && weekHours + 9 <= 40 ? 1 : 0;
          weekHours += d.hours + ot;
          rows.push(
            row(workerId, date, d.hours + ot, {
              overtimeHours: ot,
              pay: rate * d.hours,
              overtimePay: 2 * rate * ot,
            }),
          );
        });
      });
      return rows;
    });
  });

/** A list of rows together with the same rows in another order. */
const rowsAndShuffle = validRows.chain((rows) =>
  fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
);

const key = (f: LabourFinding) => `${f.workerId}|${f.rule}|${f.period}`;

describe("checkTimesheet properties", () => {
  test("a compliant timesheet has no findings", () => {
    fc.assert(
      fc.property(compliantTimesheet, (rows) => {
        assert.deepEqual(checkTimesheet(rows, { county: "T1", countyTiers: TIER1 }), []);
      }),
      { numRuns: 300 },
    );
  });

  test("findings are deterministic and independent of row order", () => {
    fc.assert(
      fc.property(rowsAndShuffle, ([rows, shuffled]) => {
        const a = checkTimesheet(rows, { county: "330482" });
        assert.deepEqual(checkTimesheet(rows, { county: "330482" }), a);
        assert.deepEqual(checkTimesheet(shuffled, { county: "330482" }), a);
        for (const granularity of ["month"] as const) {
          const opts = { county: "330482", rules: { overtimePayGranularity: granularity } };
          assert.deepEqual(checkTimesheet(shuffled, opts), checkTimesheet(rows, opts));
        }
      }),
      { numRuns: 300 },
    );
  });

  test("findings are unique, name input workers, and carry the rule's default severity", () => {
    fc.assert(
      fc.property(validRows, (rows) => {
        const found = checkTimesheet(rows, { county: "330482" });
        assert.equal(new Set(found.map(key)).size, found.length);
        const workers = new Set(rows.map((r) => r.workerId));
        for (const f of found) {
          assert.ok(workers.has(f.workerId));
          assert.equal(f.severity, DEFAULT_LABOUR_RULES.severity[f.rule]);
        }
      }),
    );
  });

  test("weekly_hours, monthly_overtime and social_insurance match a direct count", () => {
    fc.assert(
      fc.property(validRows, (rows) => {
        const found = checkTimesheet(rows, { county: "330482" });
        const periods = (rule: string) =>
          found
            .filter((f) => f.rule === rule)
            .map((f) => `${f.workerId}|${f.period}`)
            .sort();
        const oracle = (
          period: (r: TimesheetRow) => string,
          value: (r: TimesheetRow) => number,
          over: number,
        ) => {
          const totals = new Map<string, number>();
          for (const r of rows) {
            const k = `${r.workerId}|${period(r)}`;
            // Sums in tenths of an hour are exact integers, unlike the float sums being checked.
            totals.set(k, (totals.get(k) ?? 0) + Math.round(value(r) * 10));
          }
          return [...totals]
            .filter(([, v]) => v > over * 10)
            .map(([k]) => k)
            .sort();
        };
        assert.deepEqual(
          periods("weekly_hours"),
          oracle(
            (r) => isoWeek(r.date),
            (r) => r.hours,
            40,
          ),
        );
        assert.deepEqual(
          periods("monthly_overtime"),
          oracle(
            (r) => r.date.slice(0, 7),
            (r) => r.overtimeHours,
            36,
          ),
        );
        assert.deepEqual(
          periods("social_insurance"),
          oracle(
            (r) => r.date.slice(0, 7),
            (r) => (r.socialInsurance ? 0 : 1),
            0,
          ),
        );
      }),
    );
  });

  test("rest_day runs: each reported run has ≥ 7 worked days and a day off (or nothing) on both sides", () => {
    fc.assert(
      fc.property(validRows, (rows) => {
        const worked = new Set(
          rows.filter((r) => r.hours > 0).map((r) => `${r.workerId}|${epochDay(r.date)}`),
        );
        const found = checkTimesheet(rows, { county: "330482" }).filter((f) => f.rule === "rest_day");
        for (const f of found) {
          const start = epochDay(f.period);
          const end = epochDay(String(f.detail.endDate));
          assert.equal(f.detail.consecutiveDays, end - start + 1);
          assert.ok(end - start + 1 >= 7);
          for (let d = start; d <= end; d++) assert.ok(worked.has(`${f.workerId}|${d}`));
          assert.ok(!worked.has(`${f.workerId}|${start - 1}`));
          assert.ok(!worked.has(`${f.workerId}|${end + 1}`));
        }
        // Conversely every worked day that starts a 7-day worked stretch is inside a reported run.
        for (const r of rows) {
          const d = epochDay(r.date);
          let all = true;
          for (let i = 0; i < 7 && all; i++) all = worked.has(`${r.workerId}|${d + i}`);
          if (!all) continue;
          assert.ok(
            found.some(
              (f) =>
                f.workerId === r.workerId &&
                epochDay(f.period) <= d &&
                d + 6 <= epochDay(String(f.detail.endDate)),
            ),
          );
        }
      }),
    );
  });
});
