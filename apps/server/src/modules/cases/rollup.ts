import type { CaseStatus } from "@jingwei/rules";
import type { CaseViewer } from "./model.ts";

// Reading the case rollups of migration 0017 (case_stats, case_stats_durations): which rows hold the cases a
// viewer's filters keep. The dashboard (stats.ts) and the list's totals (read.ts) count from them.

/** case_stats' column for each status. */
export const STATUS_COLUMNS: Record<CaseStatus, string> = {
  new: "st_new",
  acknowledged: "st_acknowledged",
  inProgress: "st_in_progress",
  answered: "st_answered",
  closed: "st_closed",
  notResponsible: "st_not_responsible",
  duplicate: "st_duplicate",
  withdrawn: "st_withdrawn",
};

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
function addMonths(firstDay: string, n: number): string {
  const d = new Date(`${firstDay}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export interface Periods {
  /** from > to: nothing. */
  empty: boolean;
  /** The whole months covered (first days; null bounds are open), or null for none. */
  months: { from: string | null; to: string | null } | null;
  /** Runs of days at the ends of the range that do not fill a month. */
  days: [string, string][];
}

/** A range of Shanghai submission dates (`YYYY-MM-DD`, inclusive) split into whole months and the days left over. */
export function splitPeriods(from?: string, to?: string): Periods {
  const days: [string, string][] = [];
  if (from && to && from > to) return { empty: true, months: null, days };
  let monthFrom: string | null = null;
  let monthTo: string | null = null;
  if (from) {
    monthFrom = firstOfMonth(from);
    if (from !== monthFrom) {
      const last = dayBefore(addMonths(monthFrom, 1));
      days.push([from, to && to < last ? to : last]);
      monthFrom = addMonths(monthFrom, 1);
    }
  }
  if (to) {
    monthTo = firstOfMonth(to);
    if (to !== dayBefore(addMonths(monthTo, 1))) {
      const start = from && from > monthTo ? from : monthTo;
      if (!days.some(([a, b]) => a === start && b === to)) days.push([start, to]);
      monthTo = addMonths(monthTo, -1);
    }
  }
  const months = monthFrom && monthTo && monthFrom > monthTo ? null : { from: monthFrom, to: monthTo };
  return { empty: false, months, days };
}

/** SQL for split periods: `month` for the whole months (null bounds are open), `day` for each run of days. */
export function periodSql(
  periods: Periods,
  month: (from: string | null, to: string | null) => string,
  day: (from: string, to: string) => string,
): string {
  if (periods.empty) return "false";
  const parts = periods.days.map(([a, b]) => day(a, b));
  if (periods.months) parts.unshift(month(periods.months.from, periods.months.to));
  return parts.length ? `(${parts.join(" or ")})` : "false";
}

/** The departments a staff viewer's figures cover: every case (null), or these (their own, narrowed by the filter). */
export function departmentsOf(viewer: CaseViewer, departmentId?: string): string[] | null {
  if (viewer.coordinator) return departmentId ? [departmentId] : null;
  if (!departmentId) return viewer.departments;
  return viewer.departments.includes(departmentId) ? [departmentId] : [];
}

export interface RollupFilters {
  departmentId?: string;
  category?: string;
  channel?: string;
  from?: string;
  to?: string;
}

/**
 * The WHERE over case_stats (alias s) for a staff viewer (not an enterprise: the rollups have no enterprise) and
 * the filters; pushes its parameters onto `params`.
 */
export function caseStatsWhere(viewer: CaseViewer, filters: RollupFilters, params: unknown[]): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  const departments = departmentsOf(viewer, filters.departmentId);
  if (departments) where.push(`s.department_id = any(${p(departments)}::uuid[])`);
  if (filters.category) where.push(`s.category = ${p(filters.category)}`);
  if (filters.channel) where.push(`s.channel = ${p(filters.channel)}`);
  where.push(
    periodSql(
      splitPeriods(filters.from, filters.to),
      (a, b) =>
        `(s.grain = 'month'${a ? ` and s.period >= ${p(a)}::date` : ""}${b ? ` and s.period <= ${p(b)}::date` : ""})`,
      (a, b) => `(s.grain = 'day' and s.period between ${p(a)}::date and ${p(b)}::date)`,
    ),
  );
  return `where ${where.join(" and ")}`;
}
