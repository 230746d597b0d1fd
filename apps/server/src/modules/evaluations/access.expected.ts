import type { Who } from "../../testing/access-expected.ts";

/** Routes of the evaluations module → who may call them (checked by platform/access-matrix.test.ts). */
export const EVALUATION_ACCESS: Record<string, Who> = {};
