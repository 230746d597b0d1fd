import { ADMIN, REGULATORS, STAFF, type Who } from "../../testing/access-expected.ts";

/** Routes of the cases module → who may call them (checked by platform/access-matrix.test.ts). */
export const CASE_ACCESS: Record<string, Who> = {
  // Public portal: raise, follow, rate; the categories for the form
  "POST /api/v1/public/cases": "public",
  "GET /api/v1/public/cases/:trackingNumber": "public",
  "POST /api/v1/public/cases/:trackingNumber/rating": "public",
  "GET /api/v1/case-categories": "public",
  // Cases: every signed-in user, scoped (coordinators all, departments theirs, enterprises their own)
  "GET /api/v1/cases": "authenticated",
  "POST /api/v1/cases": ["admin", "regulator", "enterprise"],
  "GET /api/v1/cases/export": "authenticated",
  "GET /api/v1/cases/stats": "authenticated",
  "GET /api/v1/cases/:id": "authenticated",
  "POST /api/v1/cases/:id/actions": "authenticated",
  "POST /api/v1/cases/:id/notes": STAFF,
  "POST /api/v1/cases/:id/split": REGULATORS,
  // Salons: staff read, coordinators write
  "GET /api/v1/salons": STAFF,
  "POST /api/v1/salons": REGULATORS,
  "GET /api/v1/salons/:id": STAFF,
  "PUT /api/v1/salons/:id": REGULATORS,
  "DELETE /api/v1/salons/:id": REGULATORS,
  // Administration
  "GET /api/v1/departments": STAFF,
  "POST /api/v1/departments": ADMIN,
  "PATCH /api/v1/departments/:id": ADMIN,
  "PUT /api/v1/departments/:id/members": ADMIN,
  "POST /api/v1/case-categories": ADMIN,
  "PUT /api/v1/case-categories/:code": ADMIN,
  "GET /api/v1/work-calendar": "authenticated",
  "PUT /api/v1/work-calendar/:year": ADMIN,
  // Notifications and the outbox
  "GET /api/v1/notifications": "authenticated",
  "POST /api/v1/notifications/:id/read": "authenticated",
  "POST /api/v1/notifications/read-all": "authenticated",
  "GET /api/v1/email-outbox": ADMIN,
  "GET /api/v1/mail-settings": ADMIN,
  "PUT /api/v1/mail-settings": ADMIN,
  "POST /api/v1/mail-settings/test": ADMIN,
};
