import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { type Db, openPglite, openPostgres } from "../apps/server/src/platform/db.ts";
import { migrate } from "../apps/server/src/platform/migrate.ts";

export type DbKind = "pglite" | "postgres";

export const DEFAULT_PG_URL =
  process.env.JINGWEI_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDb {
  kind: DbKind;
  db: Db;
  /** Where the data lives, for the report (credentials removed). */
  location: string;
  /** "PostgreSQL 15.20" or "PGlite 0.5.16 (PostgreSQL 17.4)". */
  version: string;
  /** Closes and removes the database unless it is kept for investigation. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own: a throwaway database on the PostgreSQL server at `pgUrl` (dropped
 * afterwards), or PGlite in a temporary data folder (or in memory), removed afterwards.
 */
export async function createBenchDb(
  kind: DbKind,
  opts: { pgUrl: string; keep: boolean; pgliteInMemory: boolean },
): Promise<BenchDb> {
  if (kind === "pglite") {
    const dir = opts.pgliteInMemory ? null : mkdtempSync(join(tmpdir(), "jingwei-bench-"));
    const db = await openPglite(dir);
    await migrate(db);
    const [row] = await db.query<{ v: string }>("select current_setting('server_version') as v");
    return {
      kind,
      db,
      location: dir ? `data folder ${dir}` : "in memory",
      version: `PGlite ${pgliteVersion()} (PostgreSQL ${row?.v ?? "?"})`,
      async drop() {
        await db.close();
        if (dir && !opts.keep) rmSync(dir, { recursive: true, force: true });
        else if (dir) console.error(`kept PGlite data folder ${dir}`);
      },
    };
  }
  const name = `jingwei_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: opts.pgUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is unreachable at ${opts.pgUrl}: ${(err as Error).message}`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(opts.pgUrl);
  url.pathname = `/${name}`;
  // The same pool size the server uses (openDb → openPostgres default).
  const db = openPostgres(url.toString());
  await migrate(db);
  const [row] = await db.query<{ v: string }>("select current_setting('server_version') as v");
  return {
    kind,
    db,
    location: `database ${name} on ${url.host}`,
    version: `PostgreSQL ${row?.v ?? "?"}`,
    async drop() {
      await db.close();
      if (opts.keep) {
        console.error(`kept database: ${url.toString()}`);
        return;
      }
      const c = new pg.Client({ connectionString: opts.pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function pgliteVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    // The package's exports do not expose package.json: walk up from its entry point.
    let dir = dirname(require.resolve("@electric-sql/pglite"));
    for (let i = 0; i < 5; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
          name?: string;
          version?: string;
        };
        if (pkg.name === "@electric-sql/pglite") return pkg.version ?? "?";
      } catch {
        // not here: go up
      }
      dir = dirname(dir);
    }
  } catch {
    // not resolvable from bench/
  }
  return "?";
}
