// Evaluation systems as data (issue 4): types, validation, scoring and rating, the assessment stage machine,
// corrective action plans, JSON/YAML import and export, and the four shipped systems. Pure; no I/O.
export * from "./answers.ts";
export * from "./cap.ts";
export { addMonths } from "./dates.ts";
export * from "./lifecycle.ts";
export * from "./metrics.ts";
export * from "./score.ts";
export * from "./serialise.ts";
export * from "./stages.ts";
export * from "./systems/index.ts";
export * from "./types.ts";
export * from "./validate.ts";
