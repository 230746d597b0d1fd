// Aggregations of timesheets for charts.

import { monthOf } from "./dates.ts";
import { assertValidTimesheet, sortTimesheetRows } from "./timesheet.ts";

export interface MonthlyAverageHours {
  /** `YYYY-MM`. */
  month: string;
  /** Distinct workers with at least one row in the month. */
  workers: number;
  /** Total `hours` (overtime included) in the month ÷ workers, rounded to 0.01 h. */
  averageHours: number;
}

/**
 * Average hours per worker per calendar month, months ascending. A worker counts in a month if they have any
 * row in it (a row with 0 hours included), so part-month workers pull the average down. Rows are validated
 * first (throws `LabourCheckError` "invalid_rows"), since duplicates would inflate the totals.
 */
export function monthlyAverageHours(rows: readonly unknown[]): MonthlyAverageHours[] {
  assertValidTimesheet(rows);
  const months = new Map<string, { workers: Set<string>; hours: number }>();
  for (const row of sortTimesheetRows(rows)) {
    const month = monthOf(row.date);
    let m = months.get(month);
    if (!m) {
      m = { workers: new Set(), hours: 0 };
      months.set(month, m);
    }
    m.workers.add(row.workerId);
    m.hours += row.hours;
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, m]) => ({
      month,
      workers: m.workers.size,
      averageHours: Math.round((m.hours / m.workers.size) * 100) / 100,
    }));
}
