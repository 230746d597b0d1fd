import assert from "node:assert/strict";
import type { Role } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { App } from "../../platform/http.ts";
import { type Fixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Session } from "../../testing/harness.ts";

// Test set-up of the cases module: every role logged in and staff made members of the departments cases are
// routed to, as an admin would.

/** The inspector works for the labour bureau, the lab for the environment bureau. */
const DEFAULT_MEMBERS: readonly (readonly [string, Role])[] = [
  ["hrss", "inspector"],
  ["env", "lab"],
];

/** Every role's session and the departments' ids by code, each department in `members` staffed by its role. */
export async function casesSetUp(
  app: App,
  db: Db,
  fixtures: Fixtures,
  members: readonly (readonly [string, Role])[] = DEFAULT_MEMBERS,
): Promise<{ s: Record<Role, Session>; depts: Record<string, string> }> {
  const s = await loginEveryRole(app, fixtures);
  const rows = await db.query<{ id: string; code: string }>("select id, code from departments");
  const depts: Record<string, string> = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  for (const [code, role] of members) {
    const res = await call(app, s.admin, "PUT", `/api/v1/departments/${depts[code]}/members`, {
      userIds: [fixtures.userIds[role]],
    });
    assert.equal(res.statusCode, 200, res.body);
  }
  return { s, depts };
}

/** A case recorded through the console (POST /api/v1/cases), which must succeed. */
export async function recordCase(
  app: App,
  session: Session,
  body: Record<string, unknown>,
): Promise<{ id: string; trackingNumber: string }> {
  const res = await call(app, session, "POST", "/api/v1/cases", body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
