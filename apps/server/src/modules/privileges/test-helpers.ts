import type { Sql } from "../../platform/db.ts";

// Records the privileges tests build on, written straight into the tables the other modules own (lots,
// enterprise_supervision, quality_events): the trigger on lots keeps lot_stats_monthly as in production.

let lotNumber = 0;

export interface LotSpec {
  enterpriseId: string;
  category?: string;
  declaredOn: string;
  /** Round 1 result; null: released without inspection. */
  officialResult?: "accepted" | "rejected" | null;
  selfPassed?: boolean;
}

export async function insertLot(sql: Sql, spec: LotSpec): Promise<string> {
  lotNumber++;
  const result = spec.officialResult ?? null;
  const [row] = await sql.query<{ id: string }>(
    `insert into lots (declaration_no, enterprise_id, product_category, hs_code, quantity, lot_size, value_usd,
       destination, ship_date, self_passed, declared_on, enterprise_class, product_risk, mode, sampling_share,
       decision, decision_reason, rule_set_version, status, official_result)
     values ($1, $2, $3, '61091000', 1000, 1000, 5000, 'JP', $4::date, $5, $4::date, 'II', 'medium', 'general',
       0.3, $6, '{"key":"test","params":{},"text":"test"}'::jsonb, 'test', $7, $8)
     returning id`,
    [
      `T${String(lotNumber).padStart(8, "0")}-${Math.random().toString(36).slice(2, 8)}`,
      spec.enterpriseId,
      spec.category ?? "knitted",
      spec.declaredOn,
      spec.selfPassed ?? true,
      result ? "inspect" : "release",
      result === null ? "released" : result === "accepted" ? "accepted" : "rework",
      result,
    ],
  );
  return (row as { id: string }).id;
}

/** Sets the decided class (no decision row: the column is what classInForce reads). */
export async function setClass(
  sql: Sql,
  enterpriseId: string,
  klass: "I" | "II" | "III" | "IV",
): Promise<void> {
  await sql.query(
    `insert into enterprise_supervision (enterprise_id, class) values ($1, $2)
     on conflict (enterprise_id) do update set class = excluded.class`,
    [enterpriseId, klass],
  );
}

export async function addQualityEvent(
  sql: Sql,
  enterpriseId: string,
  kind: "return" | "claim" | "warning" | "penalty" | "complaint",
  occurredOn: string,
): Promise<void> {
  await sql.query(
    "insert into quality_events (enterprise_id, kind, occurred_on, description) values ($1, $2, $3::date, $4)",
    [enterpriseId, kind, occurredOn, `${kind} on ${occurredOn}`],
  );
}

/** A date `days` before `date` (YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
