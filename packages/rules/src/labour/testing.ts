// Fixture builders shared by the labour tests (not exported from the package).

import fc from "fast-check";
import { epochDay, formatEpochDay, isoWeekday } from "./dates.ts";
import type { TimesheetRow } from "./timesheet.ts";

/** A row with everything compliant-looking by default: no overtime, workday, no pay, insured. */
export function row(
  workerId: string,
  date: string,
  hours: number,
  extra: Partial<TimesheetRow> = {},
): TimesheetRow {
  return {
    workerId,
    date,
    hours,
    overtimeHours: 0,
    restDay: false,
    holiday: false,
    pay: 0,
    overtimePay: 0,
    socialInsurance: true,
    ...extra,
  };
}

/** Every date from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = epochDay(from); d <= epochDay(to); d++) out.push(formatEpochDay(d));
  return out;
}

/** The Monday–Friday dates of a `YYYY-MM` month. */
export function weekdayDates(month: string): string[] {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return datesBetween(`${month}-01`, `${month}-${String(last).padStart(2, "0")}`).filter(
    (d) => isoWeekday(epochDay(d)) <= 5,
  );
}

/** A full month of 8 h weekdays with the monthly wage booked on the first row. */
export function standardMonth(workerId: string, month: string, monthlyPay: number): TimesheetRow[] {
  return weekdayDates(month).map((date, i) => row(workerId, date, 8, { pay: i === 0 ? monthlyPay : 0 }));
}

/** Replace the row for `date` (which must exist) with `patch` applied. */
export function patchDay(rows: TimesheetRow[], date: string, patch: Partial<TimesheetRow>): TimesheetRow[] {
  if (!rows.some((r) => r.date === date)) throw new Error(`no row for ${date}`);
  return rows.map((r) => (r.date === date ? { ...r, ...patch } : r));
}

/**
 * Valid rows with unique worker-dates in the `days` days from `from`, with fractional hours (so float sums
 * are exercised), random day types, pay and insurance.
 */
export function validRowsArb(
  from: string,
  days: number,
  workers: readonly string[],
  minLength: number,
  maxLength: number,
): fc.Arbitrary<TimesheetRow[]> {
  return fc
    .uniqueArray(
      fc.record({
        workerId: fc.constantFrom(...workers),
        day: fc.integer({ min: 0, max: days - 1 }),
        tenths: fc.integer({ min: 0, max: 240 }),
        otShare: fc.integer({ min: 0, max: 10 }),
        restDay: fc.boolean(),
        holiday: fc.boolean(),
        payCents: fc.integer({ min: 0, max: 50_000 }),
        overtimePayCents: fc.integer({ min: 0, max: 30_000 }),
        socialInsurance: fc.boolean(),
      }),
      { selector: (r) => `${r.workerId}|${r.day}`, minLength, maxLength },
    )
    .map((items) =>
      items.map((r) =>
        row(r.workerId, formatEpochDay(epochDay(from) + r.day), r.tenths / 10, {
          overtimeHours: Math.floor((r.tenths * r.otShare) / 10) / 10,
          restDay: r.restDay,
          holiday: r.holiday,
          pay: r.payCents / 100,
          overtimePay: r.overtimePayCents / 100,
          socialInsurance: r.socialInsurance,
        }),
      ),
    );
}

/** Sparse: 2023–2024, across both Zhejiang minimum wage rows. */
export const sparseRows = validRowsArb("2023-01-01", 730, ["a", "b", "c"], 0, 60);
/** Dense: four weeks across the 2024-01-01 minimum wage change, so weekly and rest-day findings are common. */
export const denseRows = validRowsArb("2023-12-18", 28, ["a", "b"], 30, 56);
/** Either. */
export const validRows: fc.Arbitrary<TimesheetRow[]> = fc.oneof(sparseRows, denseRows);
