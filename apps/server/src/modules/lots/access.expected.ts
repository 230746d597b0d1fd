import type { Who } from "../../testing/access-expected.ts";

/** Routes of the lots module → who may call them (checked by platform/access-matrix.test.ts). */
export const LOT_ACCESS: Record<string, Who> = {};
