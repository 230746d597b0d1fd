// Classified supervision of export enterprises (AQSIQ Decree 113, REFERENCE.md §3).

export * from "./classify.ts";
export * from "./draw.ts";
export * from "./mode.ts";
export * from "./types.ts";
export * from "./validate.ts";
