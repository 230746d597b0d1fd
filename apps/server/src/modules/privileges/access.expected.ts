import type { Who } from "../../testing/access-expected.ts";

/** Routes of the privileges module → who may call them (checked by platform/access-matrix.test.ts). */
export const PRIVILEGE_ACCESS: Record<string, Who> = {};
