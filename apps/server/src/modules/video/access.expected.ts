import type { Who } from "../../testing/access-expected.ts";

const STAFF_AND_OWNER = ["admin", "regulator", "inspector", "enterprise"] as const;

/** Routes of the video module → who may call them (checked by platform/access-matrix.test.ts). */
export const VIDEO_ACCESS: Record<string, Who> = {
  // The camera register: staff, and an enterprise user for its own cameras (another's is 404).
  "GET /api/v1/cameras": STAFF_AND_OWNER,
  "GET /api/v1/cameras/:id": STAFF_AND_OWNER,
  "POST /api/v1/cameras": STAFF_AND_OWNER,
  "PATCH /api/v1/cameras/:id": STAFF_AND_OWNER,
  // Remote spot checks: logged by the authority and inspectors, read by the checked enterprise too.
  "GET /api/v1/spot-checks": STAFF_AND_OWNER,
  "POST /api/v1/spot-checks": ["admin", "regulator", "inspector"],
};
