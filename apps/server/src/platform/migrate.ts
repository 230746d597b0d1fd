import { readdirSync, readFileSync } from "node:fs";
import type { Db } from "./db.ts";

const MIGRATIONS_DIR = new URL("../../migrations/", import.meta.url);
// Any constant: serialises concurrent migrators on a PostgreSQL server.
const MIGRATION_LOCK = 4_772_001;

export interface Migration {
  version: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: f.replace(/\.sql$/, ""),
      sql: readFileSync(new URL(f, MIGRATIONS_DIR), "utf8"),
    }));
}

/** Applies pending migrations in order, each in its own transaction. Returns the versions applied. */
export async function migrate(db: Db): Promise<string[]> {
  // Under the lock too: two servers creating the table at once would otherwise collide in the catalogue
  // ("create table if not exists" is not safe against a concurrent create).
  await db.tx(async (sql) => {
    if (db.kind === "postgres") await sql.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await sql.query(
      "create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())",
    );
  });
  const applied: string[] = [];
  for (const m of listMigrations()) {
    const done = await db.tx(async (sql) => {
      if (db.kind === "postgres") await sql.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const seen = await sql.query("select 1 from schema_migrations where version = $1", [m.version]);
      if (seen.length > 0) return false;
      await sql.exec(m.sql);
      await sql.query("insert into schema_migrations (version) values ($1)", [m.version]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
