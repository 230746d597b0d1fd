// Pure domain rules: standards and laws as functions and data. Nothing here performs I/O or imports from apps/.

export * from "./aql/index.ts";
export * from "./cases/index.ts";
export * from "./classification/index.ts";
export * from "./evaluation/index.ts";
export * from "./labour/index.ts";
export * from "./matching.ts";
export * from "./names.ts";
export * from "./random.ts";
export * from "./uscc.ts";
