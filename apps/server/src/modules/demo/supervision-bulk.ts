import type { Sql } from "../../platform/db.ts";

// Multi-row inserts through unnest: one statement per chunk of rows, one array parameter per column, so tens of
// thousands of rows take a handful of round trips on both PGlite and PostgreSQL.

export interface Column<R> {
  name: string;
  /** The element type of the array parameter ("text", "uuid", "int", "numeric", "boolean", "date", …). */
  type: string;
  /** A JSON column: the value is passed as text and cast. */
  json?: boolean;
  value: (row: R) => unknown;
}

export const CHUNK = 5_000;

export async function insertRows<R>(
  sql: Sql,
  table: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  chunk = CHUNK,
): Promise<void> {
  const names = columns.map((c) => c.name).join(", ");
  const selects = columns.map((c) => (c.json ? `x.${c.name}::jsonb` : `x.${c.name}`)).join(", ");
  const arrays = columns.map((c, i) => `$${i + 1}::${c.json ? "text" : c.type}[]`).join(", ");
  const text = `insert into ${table} (${names}) select ${selects} from unnest(${arrays}) as x(${names})`;
  for (let from = 0; from < rows.length; from += chunk) {
    const part = rows.slice(from, from + chunk);
    await sql.query(
      text,
      columns.map((c) =>
        part.map((r) => {
          const v = c.value(r);
          return c.json && v !== null && v !== undefined ? JSON.stringify(v) : (v ?? null);
        }),
      ),
    );
  }
}

/**
 * Runs `load` with the secondary indexes of `tables` dropped, and builds them again afterwards (one sort per index
 * instead of one insertion per row). Indexes that back a constraint (primary keys, unique constraints) stay.
 * Inside a transaction the indexes are never missing for anyone else.
 */
export async function withoutSecondaryIndexes<T>(
  sql: Sql,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const indexes = await sql.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1::text[])
        and not exists (select 1 from pg_constraint c
                         where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
    [tables],
  );
  for (const i of indexes) await sql.query(`drop index ${i.name}`);
  const result = await load();
  for (const i of indexes) await sql.query(i.definition);
  return result;
}
