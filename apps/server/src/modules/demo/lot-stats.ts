import type { Sql } from "../../platform/db.ts";

// Bulk loaders (the demo seeder, the benchmark's generator) switch the per-row statistics trigger off while they
// insert lots, then rebuild the monthly table with one aggregation (docs/supervision.md). The aggregation below
// must count exactly what lot_stats_apply (migration 0008) adds per lot.

export const LOT_STATS_AGGREGATE = `
  select enterprise_id, date_trunc('month', declared_on)::date as month,
         count(*)::int as lots,
         coalesce(sum(value_usd), 0) as value_usd,
         count(*) filter (where self_passed)::int as self_passed,
         count(*) filter (where official_result is not null)::int as inspected,
         count(*) filter (where official_result = 'accepted')::int as official_accepted,
         count(*) filter (where official_result = 'rejected')::int as official_rejected,
         count(*) filter (where decision = 'release')::int as released_without_inspection,
         count(*) filter (where mode = 'verification')::int as mode_verification,
         count(*) filter (where mode = 'general')::int as mode_general,
         count(*) filter (where mode = 'stringent')::int as mode_stringent,
         count(*) filter (where mode = 'special')::int as mode_special,
         coalesce(sum(fee_waived), 0) as fees_waived
    from lots
   group by enterprise_id, date_trunc('month', declared_on)::date`;

const STATS_COLUMNS = `enterprise_id, month, lots, value_usd, self_passed, inspected, official_accepted,
  official_rejected, released_without_inspection, mode_verification, mode_general, mode_stringent, mode_special,
  fees_waived`;

/** Stops the per-row trigger (migration 0008's lots_stats) for a bulk load; pair with `rebuildLotStats`. */
export async function disableLotStatsTrigger(sql: Sql): Promise<void> {
  await sql.query("alter table lots disable trigger lots_stats");
}

export async function enableLotStatsTrigger(sql: Sql): Promise<void> {
  await sql.query("alter table lots enable trigger lots_stats");
}

/**
 * Rebuilds lot_stats_monthly from the lots with one insert … select … group by, then the town-level rollup when
 * its migration (0012, indicators) is present. The rollup's per-row trigger on lot_stats_monthly is switched off
 * meanwhile (the rollup is recomputed in one statement afterwards); without the rollup function the table's
 * triggers stay on. Returns the number of monthly rows.
 */
export async function rebuildLotStats(sql: Sql): Promise<{ monthlyRows: number; townRollup: boolean }> {
  const rollup = await townRollupKind(sql);
  if (rollup) await sql.query("alter table lot_stats_monthly disable trigger user");
  await sql.query("delete from lot_stats_monthly");
  const [row] = await sql.query<{ n: number }>(
    `with inserted as (insert into lot_stats_monthly (${STATS_COLUMNS}) ${LOT_STATS_AGGREGATE} returning 1)
     select count(*)::int as n from inserted`,
  );
  if (rollup) {
    await sql.query("alter table lot_stats_monthly enable trigger user");
    await sql.query(
      rollup === "p" ? "call rebuild_lot_stats_town_monthly()" : "select rebuild_lot_stats_town_monthly()",
    );
  }
  return { monthlyRows: row?.n ?? 0, townRollup: rollup !== null };
}

/** "f" (function) or "p" (procedure) when rebuild_lot_stats_town_monthly() exists, else null. */
async function townRollupKind(sql: Sql): Promise<string | null> {
  const [proc] = await sql.query<{ kind: string }>(
    `select prokind::text as kind from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.proname = 'rebuild_lot_stats_town_monthly' and n.nspname = current_schema() and p.pronargs = 0
      limit 1`,
  );
  return proc?.kind ?? null;
}

/** Calls rebuild_lot_stats_town_monthly() if it exists; false when it does not. */
export async function rebuildTownRollup(sql: Sql): Promise<boolean> {
  const kind = await townRollupKind(sql);
  if (!kind) return false;
  await sql.query(
    kind === "p" ? "call rebuild_lot_stats_town_monthly()" : "select rebuild_lot_stats_town_monthly()",
  );
  return true;
}
