import type { Config } from "./config.ts";
import { type Db, openDb } from "./db.ts";
import { migrate } from "./migrate.ts";

/** Opens the configured database (PGlite in the data folder, or DATABASE_URL) and brings its schema up to date. */
export async function openMigratedDb(config: Config): Promise<{ db: Db; applied: string[] }> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  return { db, applied };
}

export function describeDb(db: Db, config: Config): string {
  return db.kind === "postgres"
    ? `PostgreSQL (${(config.databaseUrl ?? "").replace(/\/\/[^@]*@/, "//…@")})`
    : `PGlite (embedded) in ${config.dataDir}`;
}
