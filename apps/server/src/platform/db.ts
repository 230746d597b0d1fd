import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: "pglite" | "postgres";
  /** Runs fn in one transaction: all of it commits, or none of it. */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Dates stay ISO strings (YYYY-MM-DD) and int8 counts become numbers, identically on both drivers.
const DATE_OID = 1082;
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
const pgliteParsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) };

type PgliteLike = Pick<PGlite, "exec"> & {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
};

export async function openPglite(dataDir: string | null): Promise<Db> {
  let path: string | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    path = join(dataDir, "pglite");
  }
  const db = await PGlite.create(path, { parsers: pgliteParsers });
  const wrap = (q: PgliteLike): Sql => ({
    query: async <T>(text: string, params?: unknown[]) => (await q.query<T>(text, params)).rows,
    exec: async (script) => {
      await q.exec(script);
    },
  });
  return {
    kind: "pglite",
    ...wrap(db),
    tx: (fn) => db.transaction((t) => fn(wrap(t))),
    close: () => db.close(),
  };
}

export function openPostgres(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client whose connection the server ends (restart, failover, pg_terminate_backend) is dropped from the
  // pool and replaced on next use; without a listener its error would be thrown and end the process.
  pool.on("error", () => {});
  return {
    kind: "postgres",
    ...wrapPg(pool),
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(wrapPg(client, true));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * A pool runs queries side by side; one client (a transaction) runs one at a time, so with `serial` the queries
 * that callers fan out with Promise.all are queued here rather than piled onto the client, which pg deprecates.
 */
function wrapPg(q: pg.Pool | pg.PoolClient, serial = false): Sql {
  let tail: Promise<unknown> = Promise.resolve();
  const run = <T>(fn: () => Promise<T>): Promise<T> => {
    if (!serial) return fn();
    const next = tail.then(fn, fn);
    tail = next.catch(() => {});
    return next;
  };
  return {
    query: (text, params) => run(async () => (await q.query(text, params)).rows),
    exec: (script) =>
      run(async () => {
        await q.query(script);
      }),
  };
}

export async function openDb(opts: { databaseUrl: string | null; dataDir: string | null }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
