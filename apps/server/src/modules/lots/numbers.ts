import type { Sql } from "../../platform/db.ts";

/**
 * Declaration (报检号, "BJ") and release (放行号, "FX") numbers: prefix + the day (YYYYMMDD, China time) + the next
 * value of lot_number_seq, at least 6 digits. One sequence serves both, so every number is unique whatever its day
 * or prefix; beyond 999,999 lots the number simply grows a digit. A lot released at declaration takes "FX" + the
 * rest of its own declaration number (declare.ts): that sequence value is used by no other number.
 */
export async function nextLotNumber(sql: Sql, prefix: "BJ" | "FX", day: string): Promise<string> {
  const [row] = await sql.query<{ n: number }>("select nextval('lot_number_seq')::int8 as n");
  if (!row) throw new Error("lot_number_seq returned nothing");
  return `${prefix}${day.replaceAll("-", "")}${String(row.n).padStart(6, "0")}`;
}
