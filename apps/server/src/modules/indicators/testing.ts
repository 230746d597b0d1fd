import type { Sql } from "../../platform/db.ts";

// Lots written straight into the lots table for the indicator tests: only the columns the statistics read vary.

export interface TestLot {
  enterpriseId: string;
  declaredOn: string;
  valueUsd: number;
  selfPassed: boolean;
  mode: "verification" | "general" | "stringent" | "special";
  decision: "release" | "inspect";
  officialResult: "accepted" | "rejected" | null;
  feeWaived: number;
}

let sequence = 0;

export async function insertLot(sql: Sql, lot: TestLot): Promise<string> {
  sequence++;
  const status =
    lot.decision === "release"
      ? "released"
      : lot.officialResult === "accepted"
        ? "accepted"
        : lot.officialResult === "rejected"
          ? "rework"
          : "awaiting_inspection";
  const [row] = await sql.query<{ id: string }>(
    `insert into lots (declaration_no, enterprise_id, product_category, hs_code, quantity, lot_size, value_usd,
       destination, ship_date, self_passed, declared_on, enterprise_class, product_risk, mode, sampling_share,
       decision, decision_reason, rule_set_version, fee_waived, status, official_result)
     values ($1, $2, 'knitted', '610910', 100, 100, $3, 'JP', $4, $5, $4, 'III', 'medium', $6, 0.3, $7,
       '{"key":"test","params":{},"text":"test"}'::jsonb, 'test', $8, $9, $10)
     returning id`,
    [
      `T-${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
      lot.enterpriseId,
      lot.valueUsd,
      lot.declaredOn,
      lot.selfPassed,
      lot.mode,
      lot.decision,
      lot.feeWaived,
      status,
      lot.officialResult,
    ],
  );
  if (!row) throw new Error("lot not inserted");
  return row.id;
}

/** A deterministic spread of lots over the given enterprises and months (YYYY-MM). */
export function lotMix(enterpriseIds: string[], months: string[], count: number, seed = 7): TestLot[] {
  let s = seed;
  const next = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  const modes = ["verification", "general", "stringent", "special"] as const;
  const lots: TestLot[] = [];
  for (let i = 0; i < count; i++) {
    const mode = modes[Math.floor(next() * 4)] ?? "general";
    const decision = mode === "verification" || (mode === "general" && next() < 0.6) ? "release" : "inspect";
    const r = next();
    const officialResult =
      decision === "release" ? null : r < 0.7 ? "accepted" : r < 0.85 ? "rejected" : null;
    const month = months[Math.floor(next() * months.length)] ?? months[0] ?? "2025-01";
    lots.push({
      enterpriseId: enterpriseIds[Math.floor(next() * enterpriseIds.length)] ?? enterpriseIds[0] ?? "",
      declaredOn: `${month}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`,
      valueUsd: Math.round(next() * 5_000_000) / 100,
      selfPassed: next() < 0.9,
      mode,
      decision,
      officialResult,
      feeWaived: decision === "release" ? 350 : 0,
    });
  }
  return lots;
}

/** The rollup as it should be, aggregated from lots directly (nonzero rows only). */
export const DIRECT_TOWN_AGGREGATE = `
  select coalesce(e.town_code, '') as town_code, date_trunc('month', l.declared_on)::date as month,
    count(*)::int8 as lots, sum(l.value_usd)::numeric(18, 2)::text as value_usd,
    count(*) filter (where l.self_passed)::int8 as self_passed,
    count(*) filter (where l.official_result is not null)::int8 as inspected,
    count(*) filter (where l.official_result = 'accepted')::int8 as official_accepted,
    count(*) filter (where l.official_result = 'rejected')::int8 as official_rejected,
    count(*) filter (where l.decision = 'release')::int8 as released_without_inspection,
    count(*) filter (where l.mode = 'verification')::int8 as mode_verification,
    count(*) filter (where l.mode = 'general')::int8 as mode_general,
    count(*) filter (where l.mode = 'stringent')::int8 as mode_stringent,
    count(*) filter (where l.mode = 'special')::int8 as mode_special,
    sum(l.fee_waived)::numeric(16, 2)::text as fees_waived
  from lots l join enterprises e on e.id = l.enterprise_id
  group by 1, 2 order by 1, 2`;

export const ROLLUP_ROWS = `
  select town_code, month, lots, value_usd::numeric(18, 2)::text as value_usd, self_passed, inspected,
    official_accepted, official_rejected, released_without_inspection, mode_verification, mode_general,
    mode_stringent, mode_special, fees_waived::numeric(16, 2)::text as fees_waived
  from lot_stats_town_monthly
  where (lots, value_usd, self_passed, inspected, official_accepted, official_rejected, released_without_inspection,
    mode_verification, mode_general, mode_stringent, mode_special, fees_waived)
    <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  order by 1, 2`;
