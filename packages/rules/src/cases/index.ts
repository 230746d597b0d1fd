// The closed loop for problems raised (issue 5): working-day calendar, case workflow, SLAs, tracking numbers,
// submission text checks and dashboard statistics. Pure functions and data; no I/O.
export * from "./calendar.ts";
export * from "./sla.ts";
export * from "./stats.ts";
export * from "./text.ts";
export * from "./tracking.ts";
export * from "./workflow.ts";
