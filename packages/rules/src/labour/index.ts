// Labour rules: working time, overtime, rest days, overtime pay, minimum wage and social insurance checks
// over timesheets (REFERENCE.md §6). Pure functions and data; no I/O.
export * from "./aggregate.ts";
export * from "./check.ts";
export { isoWeek, weekdaysInMonth } from "./dates.ts";
export * from "./minimum-wage.ts";
export * from "./rules.ts";
export * from "./timesheet.ts";
