// Timesheet rows as the API receives them, and the validation every checker runs first: a row that cannot
// be real (25 hours, overtime longer than the day, 2024-02-30, the same worker twice on one date) would
// otherwise turn into confident nonsense findings.

import { parseIsoDate } from "./dates.ts";

/** One worker on one calendar date. */
export interface TimesheetRow {
  workerId: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** All hours worked that day, overtime included (0–24). */
  hours: number;
  /** The part of `hours` that is overtime (≤ hours). All hours on a rest day or holiday should be overtime. */
  overtimeHours: number;
  /** A scheduled rest day (normally Saturday/Sunday) worked without time off in lieu: overtime at 200 %. */
  restDay: boolean;
  /** A statutory holiday: overtime at 300 % (takes precedence over `restDay`). */
  holiday: boolean;
  /**
   * Regular pay (CNY, overtime pay excluded) attributed to this row: the day's pay, or a monthly wage booked
   * on one row of the month with 0 on the others. The checks only ever use its sum over a worker-month.
   */
  pay: number;
  /** Overtime pay (CNY) for this row's `overtimeHours`. */
  overtimePay: number;
  /** Social insurance was paid for the worker for this day. */
  socialInsurance: boolean;
}

export type TimesheetIssueCode =
  | "not_an_object"
  | "missing_worker_id"
  | "bad_date"
  | "not_a_number"
  | "negative_hours"
  | "hours_over_24"
  | "overtime_exceeds_hours"
  | "negative_pay"
  | "not_a_boolean"
  | "duplicate_worker_date";

export interface TimesheetIssue {
  /** Index of the row in the input array. */
  index: number;
  field: keyof TimesheetRow | "row";
  code: TimesheetIssueCode;
  message: string;
  /** For `duplicate_worker_date`: the index of the first row with the same worker and date. */
  duplicateOf?: number;
}

export class LabourCheckError extends Error {
  override readonly name = "LabourCheckError";
  constructor(
    readonly code: "invalid_rows" | "unknown_county" | "no_minimum_wage",
    message: string,
    readonly issues: readonly TimesheetIssue[] = [],
  ) {
    super(message);
  }
}

const NUMBER_FIELDS = ["hours", "overtimeHours", "pay", "overtimePay"] as const;
const BOOLEAN_FIELDS = ["restDay", "holiday", "socialInsurance"] as const;

/** Every problem with every row, in row order; empty when the rows can be checked. */
export function validateTimesheetRows(rows: readonly unknown[]): TimesheetIssue[] {
  if (!Array.isArray(rows)) throw new TypeError("rows must be an array");
  const issues: TimesheetIssue[] = [];
  const firstIndex = new Map<string, number>();
  rows.forEach((raw, index) => {
    const add = (field: TimesheetIssue["field"], code: TimesheetIssueCode, message: string) =>
      issues.push({ index, field, code, message });
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      add("row", "not_an_object", "row is not an object");
      return;
    }
    const row = raw as Record<string, unknown>;

    const workerId = row.workerId;
    const workerOk = typeof workerId === "string" && workerId.trim() !== "";
    if (!workerOk) add("workerId", "missing_worker_id", "workerId is missing or blank");

    const date = row.date;
    const dateOk = typeof date === "string" && parseIsoDate(date) !== undefined;
    if (!dateOk) add("date", "bad_date", `date is not a real ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);

    const num: Partial<Record<(typeof NUMBER_FIELDS)[number], number>> = {};
    for (const field of NUMBER_FIELDS) {
      const v = row[field];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        add(field, "not_a_number", `${field} is not a finite number: ${JSON.stringify(v)}`);
      } else {
        num[field] = v;
      }
    }
    for (const field of ["hours", "overtimeHours"] as const) {
      const v = num[field];
      if (v !== undefined && v < 0) add(field, "negative_hours", `${field} is negative: ${v}`);
    }
    if (num.hours !== undefined && num.hours > 24)
      add("hours", "hours_over_24", `hours exceed 24: ${num.hours}`);
    const { hours, overtimeHours } = num;
    // Only when both are otherwise sane: a negative `hours` is already reported.
    if (hours !== undefined && overtimeHours !== undefined && hours >= 0 && overtimeHours > hours) {
      add(
        "overtimeHours",
        "overtime_exceeds_hours",
        `overtimeHours ${overtimeHours} exceed hours ${hours} (hours include overtime)`,
      );
    }
    for (const field of ["pay", "overtimePay"] as const) {
      const v = num[field];
      if (v !== undefined && v < 0) add(field, "negative_pay", `${field} is negative: ${v}`);
    }
    for (const field of BOOLEAN_FIELDS) {
      if (typeof row[field] !== "boolean") add(field, "not_a_boolean", `${field} is not true or false`);
    }

    if (workerOk && dateOk) {
      const key = `${workerId}\u0000${date}`;
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, index);
      else {
        issues.push({
          index,
          field: "date",
          code: "duplicate_worker_date",
          message: `worker ${workerId} already has a row for ${date} (row ${first})`,
          duplicateOf: first,
        });
      }
    }
  });
  return issues;
}

/** Throws a `LabourCheckError` ("invalid_rows", with the issues) unless every row is valid. */
export function assertValidTimesheet(rows: readonly unknown[]): asserts rows is readonly TimesheetRow[] {
  const issues = validateTimesheetRows(rows);
  if (issues.length > 0) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    throw new LabourCheckError(
      "invalid_rows",
      `invalid timesheet: row ${first?.index}: ${first?.message}${more}`,
      issues,
    );
  }
}

/** Rows in canonical order (worker, then date), so every sum is computed in the same order whatever the input. */
export function sortTimesheetRows(rows: readonly TimesheetRow[]): TimesheetRow[] {
  return [...rows].sort((a, b) =>
    a.workerId !== b.workerId
      ? a.workerId < b.workerId
        ? -1
        : 1
      : a.date < b.date
        ? -1
        : a.date > b.date
          ? 1
          : 0,
  );
}
