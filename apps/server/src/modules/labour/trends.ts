import { DEFAULT_LABOUR_RULES, standardMonthlyHours } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import type { MonthlyLabour } from "./check.ts";
import { type Compliance, type Counts, complianceOf } from "./compliance.ts";

// Hours and wage compliance per enterprise and month (labour_monthly_metrics, migration 0018): written by a labour
// check inside an assessment (evaluations/findings.ts) and by the demo, read as trends for the programme page.

export interface MonthlySource {
  enterpriseId: string;
  assessmentId: string | null;
  source: "check" | "demo";
  checkedBy: string | null;
}

/**
 * Keeps a timesheet's months for the enterprise: a month already kept (an earlier check, the demo) is replaced, the
 * others are left alone. Runs in the caller's transaction, one statement.
 */
export async function storeMonthlyLabour(sql: Sql, to: MonthlySource, months: readonly MonthlyLabour[]) {
  if (months.length === 0) return;
  const col = <K extends keyof MonthlyLabour>(k: K) => months.map((m) => m[k]);
  await sql.query(
    `insert into labour_monthly_metrics (enterprise_id, month, assessment_id, source, checked_by, workers, total_hours,
       overtime_over_36h, rest_day_breaches, minimum_wage_shortfalls, overtime_pay_shortfalls, paid_in_full, insured)
     select $1, (m || '-01')::date, $2, $3, $4, w, h, ot, rd, mw, op, pf, ins
     from unnest($5::text[], $6::int[], $7::numeric[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[],
       $13::int[]) as x(m, w, h, ot, rd, mw, op, pf, ins)
     on conflict (enterprise_id, month) do update set assessment_id = excluded.assessment_id,
       source = excluded.source, checked_by = excluded.checked_by, checked_at = now(), workers = excluded.workers,
       total_hours = excluded.total_hours, overtime_over_36h = excluded.overtime_over_36h,
       rest_day_breaches = excluded.rest_day_breaches, minimum_wage_shortfalls = excluded.minimum_wage_shortfalls,
       overtime_pay_shortfalls = excluded.overtime_pay_shortfalls, paid_in_full = excluded.paid_in_full,
       insured = excluded.insured`,
    [
      to.enterpriseId,
      to.assessmentId,
      to.source,
      to.checkedBy,
      col("month"),
      col("workers"),
      col("totalHours"),
      col("overtimeOver36h"),
      col("restDayBreaches"),
      col("minimumWageShortfalls"),
      col("overtimePayShortfalls"),
      col("paidInFull"),
      col("insured"),
    ],
  );
}

export interface TrendMonth {
  month: string;
  /** Enterprises behind the figure (1 for an enterprise's own row). */
  enterprises: number;
  workers: number;
  /** Worker-weighted: all hours ÷ all worker-months. */
  averageHours: number;
  compliance: Compliance;
}

export interface LabourTrends {
  from: string | null;
  to: string | null;
  /** Reference lines (REFERENCE.md §6): 21.75 days × 8 h, and the 36 h of overtime allowed on top. */
  reference: { standardMonthlyHours: number; maxMonthlyOvertimeHours: number };
  cluster: TrendMonth[];
  /** Cluster months of fewer enterprises than this are left out for an enterprise user (it could subtract its own). */
  clusterMinimumEnterprises: number;
  enterprise: { id: string; name: string; months: TrendMonth[] } | null;
  /** Enterprises with months kept, by name (at most ENTERPRISE_LIST_MAX); an enterprise user: its own. */
  enterprises: { id: string; name: string; months: number }[];
  /** More enterprises have months than are listed (pick one by searching the registry). */
  enterprisesMore: boolean;
}

export interface TrendsQuery {
  enterpriseId?: string | undefined;
  /** YYYY-MM, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

export const CLUSTER_MINIMUM_ENTERPRISES = 3;
export const ENTERPRISE_LIST_MAX = 200;

interface Row extends Counts {
  month: string;
  enterprises: number;
}

const SUMS = `count(*)::int as enterprises, sum(workers)::int as workers, sum(total_hours)::float8 as "totalHours",
  sum(overtime_over_36h)::int as "overtimeOver36h", sum(rest_day_breaches)::int as "restDayBreaches",
  sum(minimum_wage_shortfalls)::int as "minimumWageShortfalls", sum(overtime_pay_shortfalls)::int as "overtimePayShortfalls",
  sum(paid_in_full)::int as "paidInFull", sum(insured)::int as insured`;

const trendMonth = (r: Row): TrendMonth => ({
  month: r.month,
  enterprises: r.enterprises,
  workers: r.workers,
  averageHours: r.workers === 0 ? 0 : Math.round((r.totalHours / r.workers) * 100) / 100,
  compliance: complianceOf(r),
});

/** The cluster's monthly figures, and one enterprise's: staff see any enterprise, an enterprise user its own. */
export async function labourTrends(db: Db, actor: Actor, q: TrendsQuery): Promise<LabourTrends> {
  if (q.from && q.to && q.from > q.to) throw validationError([{ field: "to", code: "date_order" }]);
  const ownOnly = actor.role === "enterprise";
  // Another enterprise's months are not the enterprise user's to see: 404, as for its ratings.
  if (ownOnly && q.enterpriseId !== undefined && q.enterpriseId !== actor.enterpriseId)
    throw new AppError("NOT_FOUND");
  const enterpriseId = ownOnly ? actor.enterpriseId : (q.enterpriseId ?? null);
  const params = [q.from ? `${q.from}-01` : null, q.to ? `${q.to}-01` : null];
  const range = "($1::date is null or m.month >= $1) and ($2::date is null or m.month <= $2)";
  // The cluster's months from their rollup (migration 0018); an enterprise's from its own rows.
  const cluster = await db.query<Row>(
    `select to_char(m.month, 'YYYY-MM') as month, m.enterprises, m.workers::int as workers,
       m.total_hours::float8 as "totalHours", m.overtime_over_36h::int as "overtimeOver36h",
       m.rest_day_breaches::int as "restDayBreaches", m.minimum_wage_shortfalls::int as "minimumWageShortfalls",
       m.overtime_pay_shortfalls::int as "overtimePayShortfalls", m.paid_in_full::int as "paidInFull",
       m.insured::int as insured
     from labour_cluster_monthly m where m.enterprises > 0 and ${range} order by m.month`,
    params,
  );
  let enterprise: LabourTrends["enterprise"] = null;
  if (enterpriseId !== null) {
    const [e] = await db.query<{ name: string }>("select name from enterprises where id = $1", [
      enterpriseId,
    ]);
    if (!e) throw new AppError("NOT_FOUND");
    const months = await db.query<Row>(
      `select to_char(m.month, 'YYYY-MM') as month, ${SUMS} from labour_monthly_metrics m
       where m.enterprise_id = $3 and ${range} group by m.month order by m.month`,
      [...params, enterpriseId],
    );
    enterprise = { id: enterpriseId, name: e.name, months: months.map(trendMonth) };
  }
  // Enterprises with months kept, by name: walks the name index and stops after the page (the range is not applied:
  // the list is for picking one).
  const listed = await db.query<{ id: string; name: string; months: number }>(
    `select e.id, e.name,
       (select count(*)::int from labour_monthly_metrics m where m.enterprise_id = e.id) as months
     from enterprises e
     where exists (select 1 from labour_monthly_metrics m where m.enterprise_id = e.id)
       and ($1::uuid is null or e.id = $1)
     order by e.name, e.id limit ${ENTERPRISE_LIST_MAX + 1}`,
    [ownOnly ? enterpriseId : null],
  );
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    reference: {
      standardMonthlyHours: standardMonthlyHours(DEFAULT_LABOUR_RULES),
      maxMonthlyOvertimeHours: DEFAULT_LABOUR_RULES.maxMonthlyOvertimeHours,
    },
    cluster: cluster.filter((r) => !ownOnly || r.enterprises >= CLUSTER_MINIMUM_ENTERPRISES).map(trendMonth),
    clusterMinimumEnterprises: ownOnly ? CLUSTER_MINIMUM_ENTERPRISES : 1,
    enterprise,
    enterprises: listed.slice(0, ENTERPRISE_LIST_MAX),
    enterprisesMore: listed.length > ENTERPRISE_LIST_MAX,
  };
}
