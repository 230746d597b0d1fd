import type { Sql } from "../../platform/db.ts";

// Multi-row inserts: one statement per chunk of rows, the chunk passed as one JSON array and unpacked by
// json_to_recordset. Cheaper than an array parameter per column on PGlite (no array-literal escaping of JSON
// values in JavaScript: ~35 % less CPU for rows with JSON columns), and the same on PostgreSQL.

export interface Column<R> {
  name: string;
  /** The column's type in the record definition ("text", "uuid", "int", "numeric", "jsonb", …). */
  type: string;
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
  const record = columns.map((c) => `${c.name} ${c.type}`).join(", ");
  const text = `insert into ${table} (${names}) select ${names} from json_to_recordset($1::json) as x(${record})`;
  for (let from = 0; from < rows.length; from += chunk) {
    const part = rows.slice(from, from + chunk).map((r) => {
      const o: Record<string, unknown> = {};
      for (const c of columns) o[c.name] = c.value(r) ?? null;
      return o;
    });
    await sql.query(text, [JSON.stringify(part)]);
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
