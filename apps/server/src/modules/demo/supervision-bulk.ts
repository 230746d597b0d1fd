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
