import type { Who } from "../../testing/access-expected.ts";

/** Routes of the cases module → who may call them (checked by platform/access-matrix.test.ts). */
export const CASE_ACCESS: Record<string, Who> = {};
