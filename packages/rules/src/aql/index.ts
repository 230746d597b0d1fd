// Acceptance sampling by attributes (ISO 2859-1:1999 / GB/T 2828.1-2012): tables, plan lookup, verdicts, switching.
export * from "./errors.ts";
export * from "./plan.ts";
export * from "./switching.ts";
export * from "./tables.ts";
