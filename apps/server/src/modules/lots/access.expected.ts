import { INSPECTORS, LOT_READERS, REGULATORS, type Who } from "../../testing/access-expected.ts";

/** Routes of the lots module → who may call them (checked by platform/access-matrix.test.ts). */
export const LOT_ACCESS: Record<string, Who> = {
  "GET /api/v1/defect-types": "authenticated",
  "POST /api/v1/lots": ["enterprise"],
  "GET /api/v1/lots": LOT_READERS,
  "GET /api/v1/lots/export": LOT_READERS,
  "GET /api/v1/lots/:id": LOT_READERS,
  "POST /api/v1/lots/:id/withdraw": ["enterprise"],
  "POST /api/v1/lots/:id/attachments": LOT_READERS,
  // Every role; the file's owner decides (404 otherwise): lots/attachments.test.ts.
  "GET /api/v1/attachments/:id": "authenticated",
  "GET /api/v1/tasks": INSPECTORS,
  "POST /api/v1/lots/:id/claim": INSPECTORS,
  "GET /api/v1/lots/:id/plan": INSPECTORS,
  "POST /api/v1/lots/:id/inspections": INSPECTORS,
  "GET /api/v1/switching-states": LOT_READERS,
  "POST /api/v1/switching-states/:enterpriseId/:productCategory/resume": REGULATORS,
};
