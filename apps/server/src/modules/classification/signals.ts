import type { ClassificationRuleSet, SignalMetric, SignalObservation } from "@jingwei/rules";
import type { Sql } from "../../platform/db.ts";

// Signals for classification (docs/supervision.md, "Signals computed for classification"), computed set-based:
// one query per source (all its windows at once) for all the enterprises asked about, never one per enterprise,
// and never over the lots themselves — lot_stats_monthly holds their monthly sums.

/** Metrics read from lot_stats_monthly, quality_events, enterprise_certifications, or fixed at 0 for now. */
const LOT_METRICS = new Set<SignalMetric>(["officialPassRate", "selfInspectionPassRate", "lotsRejected"]);
const EVENT_METRICS = new Set<SignalMetric>(["returnsAndClaims", "penalties"]);
/** Fed by the evaluation systems (modules/evaluations): zero-tolerance findings and ratings at a system's worst level. */
const EVALUATION_METRICS = new Set<SignalMetric>(["zeroToleranceFindings", "evaluationRatingE"]);

/**
 * First day of the rolling window of `months` whole months that ends with the month of `today` (YYYY-MM-DD):
 * 12 months ending 2025-06-15 start on 2024-07-01.
 */
export function windowStart(today: string, months: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)); // 1–12
  const index = year * 12 + (month - 1) - (months - 1);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`;
}

interface LotSums {
  lots: number;
  selfPassed: number;
  inspected: number;
  rejected: number;
  accepted: number;
}

interface EventCounts {
  claims: number;
  penalties: number;
}

/** Distinct windows the rule set asks for, per metric. */
function windowsByMetric(rs: ClassificationRuleSet): Map<SignalMetric, number[]> {
  const out = new Map<SignalMetric, number[]>();
  for (const r of rs.signalRules) {
    const list = out.get(r.metric) ?? [];
    if (!list.includes(r.windowMonths)) list.push(r.windowMonths);
    out.set(r.metric, list);
  }
  return out;
}

function windowsOf(byMetric: Map<SignalMetric, number[]>, metrics: Set<SignalMetric>): number[] {
  const all = new Set<number>();
  for (const [metric, windows] of byMetric) if (metrics.has(metric)) for (const w of windows) all.add(w);
  return [...all].sort((a, b) => a - b);
}

export interface SignalScope {
  /** The enterprises to compute signals for. */
  ids: readonly string[];
  /**
   * Read every enterprise's rows and keep those asked about (a reclassification of all exporters), instead of
   * passing the ids to the database (one or a few enterprises).
   */
  wholeTable?: boolean;
}

function scopeFilter(scope: SignalScope, params: unknown[]): string {
  if (scope.wholeTable) return "";
  params.push(scope.ids);
  return `and enterprise_id = any($${params.length}::uuid[])`;
}

/**
 * Per window, the sums of the enterprises' rows over it: one scan from the earliest window start, one filtered
 * aggregate per window, so every window costs one pass over the table together.
 */
async function sumsByWindow<T>(
  sql: Sql,
  windows: readonly number[],
  today: string,
  scope: SignalScope,
  query: (from: string, windowStarts: string[], scopeSql: string) => string,
  pick: (row: Record<string, number>, i: number) => T,
): Promise<Map<number, Map<string, T>>> {
  const out = new Map<number, Map<string, T>>(windows.map((w) => [w, new Map()]));
  if (windows.length === 0) return out;
  const params: unknown[] = [today];
  const starts = windows.map((w) => {
    params.push(windowStart(today, w));
    return `$${params.length}::date`;
  });
  const from = starts[windows.indexOf(Math.max(...windows))] as string;
  const rows = await sql.query<Record<string, number> & { id: string }>(
    query(from, starts, scopeFilter(scope, params)),
    params,
  );
  windows.forEach((w, i) => {
    const byId = out.get(w);
    if (byId) for (const row of rows) byId.set(row.id, pick(row, i));
  });
  return out;
}

function lotSums(sql: Sql, windows: readonly number[], today: string, scope: SignalScope) {
  return sumsByWindow<LotSums>(
    sql,
    windows,
    today,
    scope,
    (from, starts, scopeSql) =>
      `select enterprise_id as id, ${starts
        .map(
          (start, i) => `sum(lots) filter (where month >= ${start})::int8 as l${i},
           sum(self_passed) filter (where month >= ${start})::int8 as s${i},
           sum(inspected) filter (where month >= ${start})::int8 as i${i},
           sum(official_accepted) filter (where month >= ${start})::int8 as a${i},
           sum(official_rejected) filter (where month >= ${start})::int8 as r${i}`,
        )
        .join(", ")}
       from lot_stats_monthly
       where month >= ${from} and month <= $1::date ${scopeSql}
       group by enterprise_id`,
    (row, i) => ({
      lots: row[`l${i}`] ?? 0,
      selfPassed: row[`s${i}`] ?? 0,
      inspected: row[`i${i}`] ?? 0,
      accepted: row[`a${i}`] ?? 0,
      rejected: row[`r${i}`] ?? 0,
    }),
  );
}

function eventCounts(sql: Sql, windows: readonly number[], today: string, scope: SignalScope) {
  return sumsByWindow<EventCounts>(
    sql,
    windows,
    today,
    scope,
    (from, starts, scopeSql) =>
      `select enterprise_id as id, ${starts
        .map(
          (start, i) => `count(*) filter (where occurred_on >= ${start}
             and kind in ('return', 'claim', 'warning', 'complaint'))::int8 as c${i},
           count(*) filter (where occurred_on >= ${start} and kind = 'penalty')::int8 as p${i}`,
        )
        .join(", ")}
       from quality_events
       where occurred_on >= ${from} and occurred_on <= $1::date ${scopeSql}
       group by enterprise_id`,
    (row, i) => ({ claims: row[`c${i}`] ?? 0, penalties: row[`p${i}`] ?? 0 }),
  );
}

/**
 * Zero-tolerance findings (by the date found) and assessments rated at their system's worst level (by the rating
 * date) per window. Two small tables, read with one aggregate each.
 */
async function evaluationCounts(sql: Sql, windows: readonly number[], today: string, scope: SignalScope) {
  const findings = await sumsByWindow<number>(
    sql,
    windows,
    today,
    scope,
    (from, starts, scopeSql) =>
      `select enterprise_id as id, ${starts
        .map((start, i) => `count(*) filter (where found_on >= ${start})::int8 as z${i}`)
        .join(", ")}
       from evaluation_findings
       where zero_tolerance and found_on >= ${from} and found_on <= $1::date ${scopeSql}
       group by enterprise_id`,
    (row, i) => row[`z${i}`] ?? 0,
  );
  const ratings = await sumsByWindow<number>(
    sql,
    windows,
    today,
    scope,
    (from, starts, scopeSql) =>
      `select enterprise_id as id, ${starts
        .map((start, i) => `count(*) filter (where rated_on >= ${start})::int8 as e${i}`)
        .join(", ")}
       from evaluation_assessments
       where worst_level and rated_on >= ${from} and rated_on <= $1::date ${scopeSql}
       group by enterprise_id`,
    (row, i) => row[`e${i}`] ?? 0,
  );
  return { findings, ratings };
}

async function certificationCounts(sql: Sql, today: string, scope: SignalScope) {
  const params: unknown[] = [today];
  const rows = await sql.query<{ id: string; n: number }>(
    `select enterprise_id as id, count(*)::int8 as n
     from enterprise_certifications
     where (valid_from is null or valid_from <= $1::date) and (valid_to is null or valid_to >= $1::date)
       ${scopeFilter(scope, params)}
     group by enterprise_id`,
    params,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

function lotObservation(
  metric: SignalMetric,
  windowMonths: number,
  s: LotSums | undefined,
): SignalObservation | null {
  const lots = s?.lots ?? 0;
  const inspected = s?.inspected ?? 0;
  const rejected = s?.rejected ?? 0;
  switch (metric) {
    case "officialPassRate":
      // A rate over no inspected lot says nothing: not observed, and the rule is traced as not evaluated.
      if (inspected <= 0) return null;
      return {
        metric,
        windowMonths,
        value: (100 * (s?.accepted ?? 0)) / inspected,
        evidence: { count: rejected, total: inspected },
      };
    case "selfInspectionPassRate": {
      if (lots <= 0) return null;
      const passed = s?.selfPassed ?? 0;
      return {
        metric,
        windowMonths,
        value: (100 * passed) / lots,
        evidence: { count: lots - passed, total: lots },
      };
    }
    default:
      return { metric, windowMonths, value: rejected, evidence: { count: rejected, total: inspected } };
  }
}

/**
 * Reads the sums every signal rule of `rs` needs for the enterprises of `scope` as of `today` (YYYY-MM-DD, China
 * time) — one query per source — and returns the function giving an enterprise's observations: one per distinct
 * metric × window, each with the counts behind it. Observations are built when asked for, so a reclassification
 * of every exporter does not hold them all at once.
 */
export async function readSignals(
  sql: Sql,
  rs: ClassificationRuleSet,
  today: string,
  scope: SignalScope,
): Promise<(enterpriseId: string) => SignalObservation[]> {
  const byMetric = windowsByMetric(rs);
  if (scope.ids.length === 0) return () => [];
  const lotsByWindow = await lotSums(sql, windowsOf(byMetric, LOT_METRICS), today, scope);
  const eventsByWindow = await eventCounts(sql, windowsOf(byMetric, EVENT_METRICS), today, scope);
  const certs = byMetric.has("certificationsInForce") ? await certificationCounts(sql, today, scope) : null;
  const evaluations = await evaluationCounts(sql, windowsOf(byMetric, EVALUATION_METRICS), today, scope);

  return (id) => {
    const observations: SignalObservation[] = [];
    for (const [metric, windows] of byMetric) {
      for (const windowMonths of windows) {
        let obs: SignalObservation | null;
        if (LOT_METRICS.has(metric)) {
          obs = lotObservation(metric, windowMonths, lotsByWindow.get(windowMonths)?.get(id));
        } else if (EVENT_METRICS.has(metric)) {
          const e = eventsByWindow.get(windowMonths)?.get(id);
          const count = metric === "penalties" ? (e?.penalties ?? 0) : (e?.claims ?? 0);
          obs = { metric, windowMonths, value: count, evidence: { count } };
        } else if (metric === "certificationsInForce") {
          // Certificates valid today, whatever the window: a certificate is in force or not.
          const count = certs?.get(id) ?? 0;
          obs = { metric, windowMonths, value: count, evidence: { count } };
        } else if (EVALUATION_METRICS.has(metric)) {
          const source = metric === "zeroToleranceFindings" ? evaluations.findings : evaluations.ratings;
          const count = source.get(windowMonths)?.get(id) ?? 0;
          obs = { metric, windowMonths, value: count, evidence: { count } };
        } else {
          obs = null; // a metric this version does not know: the rule is traced as not evaluated
        }
        if (obs) observations.push(obs);
      }
    }
    return observations;
  };
}

/** The observations of every enterprise of `scope` (see readSignals). */
export async function computeSignals(
  sql: Sql,
  rs: ClassificationRuleSet,
  today: string,
  scope: SignalScope,
): Promise<Map<string, SignalObservation[]>> {
  const observe = await readSignals(sql, rs, today, scope);
  return new Map(scope.ids.map((id) => [id, observe(id)]));
}
