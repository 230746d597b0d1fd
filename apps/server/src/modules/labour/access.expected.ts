import type { Who } from "../../testing/access-expected.ts";

/** Routes of the labour module → who may call them (checked by platform/access-matrix.test.ts). */
export const LABOUR_ACCESS: Record<string, Who> = {
  "POST /api/v1/labour/check": ["admin", "regulator", "association", "enterprise"],
  "GET /api/v1/labour/trends": ["admin", "regulator", "association", "enterprise"],
};
