import { INSPECTORS, LOT_READERS, REGULATORS, type Who } from "../../testing/access-expected.ts";

/** Whoever files an exemption: the enterprise for itself, the authority for any enterprise. */
const FILERS = ["admin", "regulator", "enterprise"] as const;

/** Routes of the privileges module → who may call them (checked by platform/access-matrix.test.ts). */
export const PRIVILEGE_ACCESS: Record<string, Who> = {
  // 绿色通道: the authority decides, inspectors see who is in it
  "GET /api/v1/green-channel": INSPECTORS,
  "GET /api/v1/green-channel/candidates": REGULATORS,
  "PUT /api/v1/green-channel/:enterpriseId": REGULATORS,
  "DELETE /api/v1/green-channel/:enterpriseId": REGULATORS,
  // 免验: the enterprise applies for itself and reads its own; the authority decides
  "GET /api/v1/exemptions/categories": LOT_READERS,
  "GET /api/v1/exemptions/evidence": LOT_READERS,
  "GET /api/v1/exemptions": LOT_READERS,
  "GET /api/v1/exemptions/:id": LOT_READERS,
  "POST /api/v1/exemptions": FILERS,
  "POST /api/v1/exemptions/:id/approve": REGULATORS,
  "POST /api/v1/exemptions/:id/reject": REGULATORS,
  "POST /api/v1/exemptions/:id/revoke": REGULATORS,
  // 示范企业: everyone signed in reads (an enterprise user its own), the authority awards
  "GET /api/v1/demonstration-enterprises": "authenticated",
  "POST /api/v1/demonstration-enterprises": REGULATORS,
  // 宣传一批 / 通报一批: the authority drafts, reviews and publishes; the portal shows what is published
  "GET /api/v1/public-lists": REGULATORS,
  "GET /api/v1/public-lists/suggestions": REGULATORS,
  "POST /api/v1/public-lists": REGULATORS,
  "PATCH /api/v1/public-lists/:id": REGULATORS,
  "POST /api/v1/public-lists/:id/publish": REGULATORS,
  "POST /api/v1/public-lists/:id/withdraw": REGULATORS,
  "GET /api/v1/public/lists": "public",
};
