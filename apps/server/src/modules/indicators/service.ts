import type { Actor } from "../../platform/access.ts";
import type { Sql } from "../../platform/db.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { todayInChina } from "../supervision/context.ts";
import { addCounters, type Counters, counterColumns, toValues, zeroCounters } from "./counters.ts";
import { firstDay, monthAt, monthIndex, monthOfDate, monthsBetween } from "./months.ts";
import type {
  Dashboard,
  DashboardQuery,
  Granularity,
  IndicatorPoint,
  IndicatorQuery,
  IndicatorSeries,
  Scope,
  TownIndicators,
} from "./schemas.ts";

// Indicators read the statistics tables only, never lots: per enterprise from lot_stats_monthly, per town and for
// the cluster from lot_stats_town_monthly (migration 0012), so a request costs a few hundred rows at most.

/**
 * Targets the pass rates are drawn against (seed values, an assumption: the authority sets its own; no public
 * source fixes them): self-inspection ≥ 98 %, official (round 1) ≥ 99.9 %.
 */
export const INDICATOR_TARGETS = { selfInspectionPassRate: 98, officialPassRate: 99.9 } as const;

/** The longest range one request may ask for (ten years of months). */
export const MAX_MONTHS = 120;

/** Placeholder town of enterprises registered without one (see migration 0012). */
export const NO_TOWN = "";

export interface ResolvedQuery {
  scope: Scope;
  id: string | null;
  name: string | null;
  granularity: Granularity;
  from: string;
  to: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the query against the actor: staff may ask for any scope; an enterprise user only for its own enterprise
 * (another scope is refused, another enterprise is not found). Defaults: the cluster, by month, the twelve months
 * ending with the current one.
 */
export async function resolveQuery(sql: Sql, actor: Actor, q: IndicatorQuery): Promise<ResolvedQuery> {
  const granularity = q.granularity ?? "month";
  const to = q.to ?? monthOfDate(todayInChina());
  const from = q.from ?? monthAt(monthIndex(to) - 11);
  if (monthIndex(from) > monthIndex(to))
    throw validationError([{ field: "to", code: "indicator_month_order" }]);
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_MONTHS)
    throw validationError([{ field: "to", code: "indicator_range_too_long", params: { limit: MAX_MONTHS } }]);

  const isEnterprise = actor.role === "enterprise";
  const scope: Scope = q.scope ?? (isEnterprise ? "enterprise" : "cluster");
  if (isEnterprise && scope !== "enterprise") throw new AppError("FORBIDDEN");
  if (scope === "cluster") return { scope, id: null, name: null, granularity, from, to };

  const id = q.id?.trim() || (isEnterprise ? actor.enterpriseId : null);
  if (!id) throw validationError([{ field: "id", code: "indicator_scope_id_required" }]);
  if (scope === "town") {
    const [town] = await sql.query<{ name: string }>("select name from towns where code = $1", [id]);
    if (!town)
      throw new AppError("NOT_FOUND", {}, [{ field: "id", code: "unknown_town", params: { value: id } }]);
    return { scope, id, name: town.name, granularity, from, to };
  }
  if (!UUID.test(id)) throw validationError([{ field: "id", code: "format" }]);
  const enterpriseId = id.toLowerCase();
  const notFound = new AppError("NOT_FOUND", {}, [{ field: "id", code: "indicator_unknown_enterprise" }]);
  if (isEnterprise && enterpriseId !== actor.enterpriseId) throw notFound;
  const [enterprise] = await sql.query<{ name: string }>("select name from enterprises where id = $1", [
    enterpriseId,
  ]);
  if (!enterprise) throw notFound;
  return { scope, id: enterpriseId, name: enterprise.name, granularity, from, to };
}

/** Counters per month (YYYY-MM) of the scope within [from, to]; months without a row are absent. */
async function monthlyCounters(sql: Sql, r: ResolvedQuery): Promise<Map<string, Counters>> {
  const range = [firstDay(r.from), firstDay(r.to)];
  let rows: (Counters & { month: string })[];
  if (r.scope === "enterprise") {
    rows = await sql.query(
      `select s.month, ${counterColumns(false)} from lot_stats_monthly s
       where s.enterprise_id = $1 and s.month between $2 and $3`,
      [r.id, ...range],
    );
  } else if (r.scope === "town") {
    rows = await sql.query(
      `select s.month, ${counterColumns(false)} from lot_stats_town_monthly s
       where s.town_code = $1 and s.month between $2 and $3`,
      [r.id, ...range],
    );
  } else {
    rows = await sql.query(
      `select s.month, ${counterColumns(true)} from lot_stats_town_monthly s
       where s.month between $1 and $2 group by s.month`,
      range,
    );
  }
  return new Map(rows.map(({ month, ...c }) => [monthOfDate(month), c]));
}

/** The months of the range grouped into periods (YYYY-MM or YYYY), every period present, zeros where empty. */
function seriesOf(
  byMonth: Map<string, Counters>,
  from: string,
  to: string,
  granularity: Granularity,
): { series: IndicatorPoint[]; total: Counters } {
  const periods = new Map<string, Counters>();
  const total = zeroCounters();
  for (const month of monthsBetween(from, to)) {
    const period = granularity === "year" ? month.slice(0, 4) : month;
    let acc = periods.get(period);
    if (!acc) {
      acc = zeroCounters();
      periods.set(period, acc);
    }
    const c = byMonth.get(month);
    if (c) {
      addCounters(acc, c);
      addCounters(total, c);
    }
  }
  return {
    series: [...periods].map(([period, c]) => ({ period, ...toValues(c) })),
    total,
  };
}

export async function indicatorSeries(sql: Sql, actor: Actor, q: IndicatorQuery): Promise<IndicatorSeries> {
  const resolved = await resolveQuery(sql, actor, q);
  const { series, total } = seriesOf(
    await monthlyCounters(sql, resolved),
    resolved.from,
    resolved.to,
    resolved.granularity,
  );
  return {
    ...resolved,
    targets: INDICATOR_TARGETS,
    total: toValues(total),
    series,
  };
}

/** Per-town counters over a range (for the export of the cluster scope), every town listed. */
export async function townBreakdown(sql: Sql, from: string, to: string): Promise<TownIndicators[]> {
  const rows = await sql.query<Counters & { townCode: string }>(
    `select s.town_code as "townCode", ${counterColumns(true)} from lot_stats_town_monthly s
     where s.month between $1 and $2 group by s.town_code`,
    [firstDay(from), firstDay(to)],
  );
  return townRows(sql, new Map(rows.map(({ townCode, ...c }) => [townCode, c])));
}

/** A row per registered town (zeros where nothing was declared), then the placeholder town when it has lots. */
async function townRows(sql: Sql, byTown: Map<string, Counters>): Promise<TownIndicators[]> {
  const towns = await sql.query<{ code: string; name: string }>(
    "select code, name from towns order by kind desc, code",
  );
  const out: TownIndicators[] = towns.map((t) => ({
    townCode: t.code,
    townName: t.name,
    ...toValues(byTown.get(t.code) ?? zeroCounters()),
  }));
  const known = new Set(towns.map((t) => t.code));
  for (const [code, c] of byTown) {
    if (known.has(code) || c.lots === 0) continue;
    out.push({ townCode: code, townName: code === NO_TOWN ? null : code, ...toValues(c) });
  }
  return out;
}

/**
 * The cluster dashboard of a year or a month: totals, by mode, a row per town, and the twelve months of the year.
 * One query of at most (towns + 1) × 12 rows of the town rollup.
 */
export async function dashboard(sql: Sql, q: DashboardQuery): Promise<Dashboard> {
  const period = q.period ?? todayInChina().slice(0, 4);
  const granularity: Granularity = period.length === 4 ? "year" : "month";
  const year = period.slice(0, 4);
  const rows = await sql.query<Counters & { townCode: string; month: string }>(
    `select s.town_code as "townCode", s.month, ${counterColumns(false)} from lot_stats_town_monthly s
     where s.month between $1 and $2`,
    [`${year}-01-01`, `${year}-12-01`],
  );
  const byMonth = new Map<string, Counters>();
  const byTown = new Map<string, Counters>();
  const totals = zeroCounters();
  for (const { townCode, month: day, ...c } of rows) {
    const month = monthOfDate(day);
    const m = byMonth.get(month) ?? zeroCounters();
    byMonth.set(month, addCounters(m, c));
    if (granularity === "month" && month !== period) continue;
    const t = byTown.get(townCode) ?? zeroCounters();
    byTown.set(townCode, addCounters(t, c));
    addCounters(totals, c);
  }
  const values = toValues(totals);
  return {
    period,
    granularity,
    targets: INDICATOR_TARGETS,
    totals: values,
    byMode: values.lotsByMode,
    towns: await townRows(sql, byTown),
    monthly: seriesOf(byMonth, `${year}-01`, `${year}-12`, "month").series,
  };
}
