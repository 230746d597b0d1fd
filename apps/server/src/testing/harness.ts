import { randomBytes } from "node:crypto";
import { after, before, describe } from "node:test";
import pg from "pg";
import { buildApp } from "../app.ts";
import type { Role } from "../platform/access.ts";
import { loadConfig } from "../platform/config.ts";
import { type Db, openPglite, openPostgres } from "../platform/db.ts";
import type { App } from "../platform/http.ts";
import { migrate } from "../platform/migrate.ts";

/**
 * Tests run against real databases: an in-memory PGlite, and a throwaway database on the PostgreSQL server at
 * JINGWEI_TEST_DATABASE_URL (default: the local server). The server is required: if it is unreachable the
 * PostgreSQL half of every suite fails rather than skips.
 */
export const TEST_PG_URL =
  process.env.JINGWEI_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type DbKind = "pglite" | "postgres";
export const DB_KINDS: DbKind[] = ["pglite", "postgres"];

export interface TestDb {
  db: Db;
  /** The PostgreSQL database's URL, to open more connections to it (null for PGlite). */
  url: string | null;
  drop(): Promise<void>;
}

/** A fresh database of the given kind, migrated unless `migrate: false` (for testing the migrations). */
export async function createTestDb(kind: DbKind, opts: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrated = opts.migrate ?? true;
  if (kind === "pglite") {
    const db = await openPglite(null);
    if (migrated) await migrate(db);
    return { db, url: null, drop: () => db.close() };
  }
  const name = `jingwei_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is unreachable at ${TEST_PG_URL}: ${(err as Error).message}`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), 5);
  const testDb: TestDb = {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
  if (migrated) {
    try {
      await migrate(db);
    } catch (err) {
      await testDb.drop().catch(() => {}); // leave no database behind
      throw err;
    }
  }
  return testDb;
}

export interface TestContext<F = void> {
  kind: DbKind;
  db: Db;
  app: App;
  /** What the suite's setup returned (e.g. seedFixtures' ids and usernames). */
  fixtures: F;
}

/**
 * Declares `describe("<title> [pglite]")` and `[postgres]`, each with a fresh migrated database and one app for
 * the whole suite. `setup` runs once per database in `before`; what it returns is `ctx().fixtures`.
 */
export function describeEachDb<F = void>(
  title: string,
  body: (ctx: () => TestContext<F>) => void,
  setup?: (ctx: TestContext<undefined>) => Promise<F>,
): void {
  for (const kind of DB_KINDS) {
    describe(`${title} [${kind}]`, () => {
      let ctx: TestContext<F> | undefined;
      let testDb: TestDb | undefined;
      before(async () => {
        testDb = await createTestDb(kind);
        const app = await buildApp({ db: testDb.db, config: loadConfig({}), serveWeb: false });
        await app.ready();
        const bare: TestContext<undefined> = { kind, db: testDb.db, app, fixtures: undefined };
        const fixtures = (setup ? await setup(bare) : undefined) as F;
        ctx = { ...bare, fixtures };
      });
      after(async () => {
        await ctx?.app.close();
        await testDb?.drop();
      });
      body(() => {
        if (!ctx) throw new Error("test context not ready");
        return ctx;
      });
    });
  }
}

export interface Session {
  cookie: string;
  csrf: string;
}

let nextAddress = 0;

/**
 * A client address of its own for each login, so a suite's sign-ins never trip the login rate limit (10 a minute
 * per address); tests of the limit itself send from one address.
 */
export function freshAddress(): string {
  nextAddress++;
  return `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
}

export async function login(app: App, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: freshAddress(),
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "jw_session");
  if (!cookie) throw new Error("no session cookie");
  return { cookie: `jw_session=${cookie.value}`, csrf: res.json().csrfToken };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A request as a signed-in user (or anonymous when session is null), with the CSRF header on mutations. */
export function call(
  app: App,
  session: Session | null,
  method: Method,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method,
    url,
    payload: payload as never,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      ...(session && method !== "GET" ? { "x-csrf-token": session.csrf } : {}),
      ...headers,
    },
  });
}

export const TEST_PASSWORD = "test-password-1";

export interface RegisteredRoute {
  method: string;
  url: string;
}

const METHODS_SUFFIX = / \(([A-Z, ]+)\)$/;

/**
 * Every route the app has registered, one entry per method, read from `app.printRoutes()`:
 * each line of that tree is `<branch drawing><path segment> (METHODS)` and a route's URL is its segment appended
 * to its ancestors'. HEAD routes that Fastify derives from GET routes are left out.
 */
export function listRoutes(app: App): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes().split("\n")) {
    const m = /^([│ ]*)[├└]── (.*)$/.exec(line);
    if (!m) continue;
    const depth = [...(m[1] ?? "")].length / 4;
    const rest = m[2] ?? "";
    const methods = METHODS_SUFFIX.exec(rest);
    const segment = methods ? rest.slice(0, methods.index) : rest;
    stack.length = depth;
    stack.push(segment);
    if (!methods) continue;
    const url = stack.join("");
    for (const method of (methods[1] ?? "").split(",").map((s) => s.trim())) {
      if (method === "HEAD" || !method) continue;
      routes.push({ method, url });
    }
  }
  // Guard the parser: every route it read must be one the router knows.
  for (const r of routes) {
    if (!app.hasRoute({ method: r.method as "GET", url: r.url }))
      throw new Error(`listRoutes misread the route table: ${r.method} ${r.url}`);
  }
  return routes;
}

export type { Role };
