import type { Who } from "../../testing/access-expected.ts";

/** Routes of the indicators module → who may call them (checked by platform/access-matrix.test.ts). */
export const INDICATOR_ACCESS: Record<string, Who> = {
  // An enterprise user may read its own enterprise's indicators (the matrix's empty query asks for exactly that).
  "GET /api/v1/indicators": ["admin", "regulator", "inspector", "association", "enterprise"],
  "GET /api/v1/indicators/export": ["admin", "regulator", "inspector", "association", "enterprise"],
  "GET /api/v1/indicators/dashboard": ["admin", "regulator", "inspector", "association"],
};
