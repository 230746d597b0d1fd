import type { Who } from "../../testing/access-expected.ts";

/** Routes of the indicators module → who may call them (checked by platform/access-matrix.test.ts). */
export const INDICATOR_ACCESS: Record<string, Who> = {};
