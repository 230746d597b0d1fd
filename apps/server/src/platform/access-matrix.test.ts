// The access matrix: every /api route × every role and anonymous, against an explicit table of who may call what.
// The table is written here by hand, not read from the routes' config (that would test the config against itself).
// It is strict both ways: a registered route missing from the table fails, and so does a table entry that no
// longer matches a registered route — adding, renaming or removing a route forces an update here.
import assert from "node:assert/strict";
import { before, it } from "node:test";
import ExcelJS from "exceljs";
import { CASE_ACCESS } from "../modules/cases/access.expected.ts";
import { CLASSIFICATION_ACCESS } from "../modules/classification/access.expected.ts";
import { EVALUATION_ACCESS } from "../modules/evaluations/access.expected.ts";
import { INDICATOR_ACCESS } from "../modules/indicators/access.expected.ts";
import { LABOUR_ACCESS } from "../modules/labour/access.expected.ts";
import { LOT_ACCESS } from "../modules/lots/access.expected.ts";
import { PRIVILEGE_ACCESS } from "../modules/privileges/access.expected.ts";
import { VIDEO_ACCESS } from "../modules/video/access.expected.ts";
import {
  ADMIN,
  ALL_ROLES,
  AUDITORS,
  EDITORS,
  EDITORS_AND_OWNER,
  type Who,
} from "../testing/access-expected.ts";
import { describeWithFixtures, type Fixtures, loginEveryRole } from "../testing/fixtures.ts";
import { call, listRoutes, login, type Session } from "../testing/harness.ts";
import type { Role } from "./access.ts";

/** Imports of the registry: the authorities that maintain it (the web console's "imports" capability). */
const IMPORTERS: readonly Role[] = ["admin", "regulator", "association"];

/** Route ("METHOD /path" as registered) → who may call it. */
const EXPECTED: Record<string, Who> = {
  // Platform and documentation
  "GET /api/health": "public",
  "GET /api/openapi.json": "public",
  "GET /api/docs": "public",
  "GET /api/docs/": "public",
  "GET /api/docs/json": "public",
  "GET /api/docs/yaml": "public",
  // Sessions
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": "authenticated",
  "GET /api/auth/me": "authenticated",
  // Enterprise registry: everyone signed in reads (enterprise users their own record only), authorities write
  "GET /api/v1/enterprises": "authenticated",
  "POST /api/v1/enterprises": EDITORS,
  "GET /api/v1/enterprises/export": "authenticated",
  "GET /api/v1/enterprises/:id": "authenticated",
  "PATCH /api/v1/enterprises/:id": EDITORS_AND_OWNER,
  "GET /api/v1/enterprises/:id/history": "authenticated",
  // Imports of the registry: upload, review rows, decide potential matches, commit or discard.
  "GET /api/v1/imports": IMPORTERS,
  "POST /api/v1/imports": IMPORTERS,
  "GET /api/v1/imports/:id": IMPORTERS,
  "GET /api/v1/imports/:id/rows": IMPORTERS,
  "PUT /api/v1/imports/:id/rows/:rowNumber": IMPORTERS,
  "POST /api/v1/imports/:id/rows/:rowNumber/decision": IMPORTERS,
  "POST /api/v1/imports/:id/accept-suggestions": IMPORTERS,
  "POST /api/v1/imports/:id/commit": IMPORTERS,
  "DELETE /api/v1/imports/:id": IMPORTERS,
  // Reference code lists and the public portal
  "GET /api/v1/reference/towns": "public",
  "GET /api/v1/reference/certification-types": "public",
  "GET /api/v1/reference/honour-types": "public",
  "GET /api/v1/public/cluster": "public",
  // AQL sampling plans (GB/T 2828.1): a public calculator, for inspectors and anyone else
  "GET /api/v1/sampling/plan": "public",
  "GET /api/v1/sampling/plans": "public",
  // Console
  "GET /api/v1/dashboard/summary": "authenticated",
  // Accounts and the audit log
  "GET /api/v1/users": ADMIN,
  "POST /api/v1/users": ADMIN,
  "PATCH /api/v1/users/:id": ADMIN,
  "POST /api/v1/users/:id/reset-password": ADMIN,
  "GET /api/v1/audit": AUDITORS,
  // Classified supervision (issue 3), each module's table beside its routes
  ...CLASSIFICATION_ACCESS,
  ...LOT_ACCESS,
  ...PRIVILEGE_ACCESS,
  ...VIDEO_ACCESS,
  ...INDICATOR_ACCESS,
  // Evaluation systems and labour checks (issue 4), the case loop (issue 5)
  ...EVALUATION_ACCESS,
  ...LABOUR_ACCESS,
  ...CASE_ACCESS,
};

/** Routes whose call ends the caller's session: each cell signs in afresh so later cells keep theirs. */
const ENDS_SESSION = new Set(["POST /api/auth/logout"]);

/** Swagger UI's own files are served as they are; the matrix covers the API and the documentation entry points. */
const inMatrix = (url: string) => url.startsWith("/api") && !url.startsWith("/api/docs/static/");

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

function allowedRoles(who: Who): readonly Role[] {
  if (who === "public" || who === "authenticated") return ALL_ROLES;
  return who;
}

/** A concrete URL for a route pattern: real ids where the module has them, a well-formed unknown id otherwise. */
function concreteUrl(path: string, fx: Fixtures): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => {
    if (name !== "id") return "1";
    if (path.startsWith("/api/v1/enterprises/")) return fx.enterpriseA.id;
    if (path.startsWith("/api/v1/users/")) return fx.userIds.enterprise;
    return UNKNOWN_ID;
  });
}

describeWithFixtures("access matrix", (ctx) => {
  let sessions: Record<Role, Session>;

  before(async () => {
    sessions = await loginEveryRole(ctx().app, ctx().fixtures);
  });

  it("covers every registered /api route, and every route in the table is registered", () => {
    const registered = listRoutes(ctx().app)
      .filter((r) => inMatrix(r.url))
      .map((r) => `${r.method} ${r.url}`);
    const table = Object.keys(EXPECTED);
    const missingFromTable = registered.filter((r) => !table.includes(r)).sort();
    const notRegistered = table.filter((r) => !registered.includes(r)).sort();
    assert.deepEqual(
      { missingFromTable, notRegistered },
      { missingFromTable: [], notRegistered: [] },
      "update EXPECTED in access-matrix.test.ts to match the registered routes",
    );
  });

  for (const [route, who] of Object.entries(EXPECTED)) {
    it(`${route}: ${typeof who === "string" ? who : who.join(", ")}`, async () => {
      const { app, fixtures } = ctx();
      const [method, path] = route.split(" ") as ["GET" | "POST" | "PUT" | "PATCH" | "DELETE", string];
      assert.ok(app.hasRoute({ method, url: path }), `${route} is not registered`);
      const url = concreteUrl(path, fixtures);
      // Bodies that are syntactically JSON but fail validation: an allowed caller gets past access control
      // and is stopped by the schema (400), so no cell changes data.
      const payload = ["POST", "PUT", "PATCH"].includes(method) ? {} : undefined;
      const allowed = allowedRoles(who);
      const problems: string[] = [];

      const anon = await call(app, null, method, url, payload);
      if (who === "public") {
        if ([401, 403].includes(anon.statusCode) || anon.statusCode >= 500)
          problems.push(`anonymous: expected access, got ${anon.statusCode} ${anon.body.slice(0, 120)}`);
      } else if (anon.statusCode !== 401 || anon.json().error?.code !== "UNAUTHENTICATED") {
        problems.push(
          `anonymous: expected 401 UNAUTHENTICATED, got ${anon.statusCode} ${anon.body.slice(0, 120)}`,
        );
      }

      for (const role of ALL_ROLES) {
        const session = ENDS_SESSION.has(route) ? await login(app, fixtures.users[role]) : sessions[role];
        const res = await call(app, session, method, url, payload);
        if (allowed.includes(role)) {
          if ([401, 403].includes(res.statusCode) || res.statusCode >= 500)
            problems.push(`${role}: expected access, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        } else if (res.statusCode !== 403 || res.json().error?.code !== "FORBIDDEN") {
          problems.push(`${role}: expected 403 FORBIDDEN, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
      assert.deepEqual(problems, [], `${route}\n  ${problems.join("\n  ")}`);
    });
  }

  it("the enterprise user cannot read another enterprise's record or its history (404, not 403)", async () => {
    const { app, fixtures } = ctx();
    const b = fixtures.enterpriseB.id;
    for (const url of [`/api/v1/enterprises/${b}`, `/api/v1/enterprises/${b}/history`]) {
      const res = await call(app, sessions.enterprise, "GET", url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, "NOT_FOUND");
    }
    // …while staff can.
    const staff = await call(app, sessions.inspector, "GET", `/api/v1/enterprises/${b}`);
    assert.equal(staff.statusCode, 200);
  });

  it("the enterprise user cannot change another enterprise, even the fields it may change on its own", async () => {
    const { app, db, fixtures } = ctx();
    const b = fixtures.enterpriseB.id;
    const before = await db.query("select * from enterprises where id = $1", [b]);
    const auditBefore = await db.query("select count(*)::int as n from audit_log where entity_id = $1", [b]);
    for (const patch of [
      { contacts: [{ name: "冒名" }] },
      { employees: 1 },
      { name: "改名" },
      { uscc: fixtures.enterpriseA.uscc },
    ]) {
      const res = await call(app, sessions.enterprise, "PATCH", `/api/v1/enterprises/${b}`, patch);
      assert.ok(
        [403, 404].includes(res.statusCode),
        `${JSON.stringify(patch)} → ${res.statusCode} ${res.body}`,
      );
    }
    assert.deepEqual(await db.query("select * from enterprises where id = $1", [b]), before);
    assert.deepEqual(
      await db.query("select count(*)::int as n from audit_log where entity_id = $1", [b]),
      auditBefore,
    );
  });

  it("the enterprise user's list holds its own enterprise only, whatever the query", async () => {
    const { app, fixtures } = ctx();
    for (const q of [
      "",
      "?q=%E6%96%B0%E4%BB%93",
      `?q=${fixtures.enterpriseB.uscc}`,
      "?town=xincang",
      "?pageSize=200",
    ]) {
      const res = await call(app, sessions.enterprise, "GET", `/api/v1/enterprises${q}`);
      assert.equal(res.statusCode, 200, q);
      const ids = res.json().items.map((e: { id: string }) => e.id);
      assert.ok(
        ids.every((id: string) => id === fixtures.enterpriseA.id),
        `${q}: ${ids}`,
      );
      assert.equal(res.json().total, ids.length, q);
    }
    const all = await call(app, sessions.enterprise, "GET", "/api/v1/enterprises");
    assert.deepEqual(
      all.json().items.map((e: { id: string }) => e.id),
      [fixtures.enterpriseA.id],
    );
    // Staff see both.
    const staff = await call(app, sessions.lab, "GET", "/api/v1/enterprises");
    assert.equal(staff.json().total, 2);
  });

  it("the enterprise user's export holds its own enterprise only", async () => {
    const { app, fixtures } = ctx();
    const res = await call(app, sessions.enterprise, "GET", "/api/v1/enterprises/export");
    assert.equal(res.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    assert.deepEqual(codes, [fixtures.enterpriseA.uscc]);
  });

  it("the enterprise user's dashboard counts its own enterprise only", async () => {
    const { app } = ctx();
    const own = await call(app, sessions.enterprise, "GET", "/api/v1/dashboard/summary");
    assert.equal(own.json().enterprises, 1);
    const staff = await call(app, sessions.regulator, "GET", "/api/v1/dashboard/summary");
    assert.equal(staff.json().enterprises, 2);
  });
});
