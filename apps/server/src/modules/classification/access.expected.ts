import type { Who } from "../../testing/access-expected.ts";

/** Routes of the classification module → who may call them (checked by platform/access-matrix.test.ts). */
export const CLASSIFICATION_ACCESS: Record<string, Who> = {};
