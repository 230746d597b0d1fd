import { INSPECTORS, LOT_READERS, REGULATORS, type Who } from "../../testing/access-expected.ts";

/** Routes of the classification module → who may call them (checked by platform/access-matrix.test.ts). */
export const CLASSIFICATION_ACCESS: Record<string, Who> = {
  // Product categories: everyone signed in reads (declarations need them), the authority changes risk and AQLs
  "GET /api/v1/product-categories": "authenticated",
  "PATCH /api/v1/product-categories/:code": REGULATORS,
  // Rule sets: staff of the supervision read, the authority drafts and publishes
  "GET /api/v1/classification/rule-sets": INSPECTORS,
  "GET /api/v1/classification/rule-sets/:id": INSPECTORS,
  "POST /api/v1/classification/rule-sets": REGULATORS,
  "PUT /api/v1/classification/rule-sets/:id": REGULATORS,
  "POST /api/v1/classification/rule-sets/:id/publish": REGULATORS,
  // Classes: lists for staff; one enterprise's class also for the enterprise itself (its own only)
  "GET /api/v1/classes": INSPECTORS,
  "GET /api/v1/classes/summary": INSPECTORS,
  "GET /api/v1/classes/export": INSPECTORS,
  "POST /api/v1/classes/reclassify-all": REGULATORS,
  "GET /api/v1/classes/:enterpriseId": LOT_READERS,
  "GET /api/v1/classes/:enterpriseId/history": LOT_READERS,
  "PUT /api/v1/classes/:enterpriseId/assessment": REGULATORS,
  "POST /api/v1/classes/:enterpriseId/reclassify": REGULATORS,
  "PUT /api/v1/classes/:enterpriseId/override": REGULATORS,
  "DELETE /api/v1/classes/:enterpriseId/override": REGULATORS,
  // Quality events feeding the signals
  "GET /api/v1/quality-events": INSPECTORS,
  "POST /api/v1/quality-events": INSPECTORS,
};
