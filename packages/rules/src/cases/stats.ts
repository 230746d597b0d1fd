// Dashboard figures from case summaries: collected vs closed (the seed's 685 / 680), overdue by department,
// median times, satisfaction, top categories, monthly trend. At scale the server computes the same definitions
// in SQL; these functions fix the definitions and serve small sets (a department, a salon, a test).
import { shanghaiDate, type WorkCalendar, workingDaysBetween } from "./calendar.ts";
import {
  type CaseStatus,
  OPEN_CASE_STATUSES,
  SATISFACTION_RATINGS,
  type SatisfactionRating,
} from "./workflow.ts";

export interface CaseSummary {
  status: CaseStatus;
  category: string;
  departmentId: string | null;
  submittedAt: Date;
  firstAnsweredAt: Date | null;
  closedAt: Date | null;
  /** The submitter's rating of the latest answer. */
  rating: SatisfactionRating | null;
  /** The resolve deadline in force (sla.ts `caseDeadlines`), null if none applies. */
  resolveDeadline: Date | null;
}

/**
 * Counted as closed (办结): closed, and the end states that are an outcome for the submitter — "not
 * responsible" is an answer, a withdrawal is the submitter's own decision.
 */
export const CLOSED_FOR_STATISTICS: readonly CaseStatus[] = ["closed", "notResponsible", "withdrawn"];

/** The median, or null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export type DurationEnd = "firstAnsweredAt" | "closedAt";

/** Cases that reached `end` (and, for closedAt, are closed for statistics now), with when. */
function reached(cases: readonly CaseSummary[], end: DurationEnd): [CaseSummary, Date][] {
  return cases.flatMap((c): [CaseSummary, Date][] => {
    const at = c[end];
    if (!at) return [];
    if (end === "closedAt" && !CLOSED_FOR_STATISTICS.includes(c.status)) return [];
    return [[c, at]];
  });
}

/** Median milliseconds from submission to first answer or to closure, over the cases that got there. */
export function medianDurationMs(cases: readonly CaseSummary[], end: DurationEnd): number | null {
  return median(reached(cases, end).map(([c, at]) => at.getTime() - c.submittedAt.getTime()));
}

/** Median working days from submission to first answer or closure (an answer on the next working day is 1). */
export function medianWorkingDays(
  calendar: WorkCalendar,
  cases: readonly CaseSummary[],
  end: DurationEnd,
): number | null {
  return median(reached(cases, end).map(([c, at]) => workingDaysBetween(calendar, c.submittedAt, at)));
}

export interface ClosureRate {
  /** Problems raised: every case but duplicates (merged into the case that carries the work). */
  collected: number;
  closed: number;
  /** closed ÷ collected, null when nothing was collected. */
  rate: number | null;
}

export function closureRate(cases: readonly CaseSummary[]): ClosureRate {
  let collected = 0;
  let closed = 0;
  for (const c of cases) {
    if (c.status === "duplicate") continue;
    collected++;
    if (CLOSED_FOR_STATISTICS.includes(c.status)) closed++;
  }
  return { collected, closed, rate: collected === 0 ? null : closed / collected };
}

export interface DepartmentOverdue {
  /** null: not yet routed (the coordinator's queue). */
  departmentId: string | null;
  /** Cases still owed work (new, acknowledged, in progress). */
  open: number;
  /** Of those, past their resolve deadline at `now`. */
  overdue: number;
}

/** Open and overdue cases per department, most overdue first (ties: more open, then the unrouted queue, then id). */
export function overdueByDepartment(cases: readonly CaseSummary[], now: Date): DepartmentOverdue[] {
  const rows = new Map<string | null, DepartmentOverdue>();
  for (const c of cases) {
    if (!OPEN_CASE_STATUSES.includes(c.status)) continue;
    const row = rows.get(c.departmentId) ?? { departmentId: c.departmentId, open: 0, overdue: 0 };
    row.open++;
    if (c.resolveDeadline && now.getTime() > c.resolveDeadline.getTime()) row.overdue++;
    rows.set(c.departmentId, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.open - a.open ||
      String(a.departmentId ?? "").localeCompare(String(b.departmentId ?? "")),
  );
}

/** Open cases past their resolve deadline. */
export function overdueCount(cases: readonly CaseSummary[], now: Date): number {
  return overdueByDepartment(cases, now).reduce((n, r) => n + r.overdue, 0);
}

export interface SatisfactionShares {
  rated: number;
  counts: Record<SatisfactionRating, number>;
  /** Each rating's share of the rated cases, null when none is rated. */
  shares: Record<SatisfactionRating, number | null>;
  /** (satisfied + basically) ÷ rated, null when none is rated. */
  satisfactionRate: number | null;
}

export function satisfactionShares(cases: readonly CaseSummary[]): SatisfactionShares {
  const counts: Record<SatisfactionRating, number> = { satisfied: 0, basically: 0, notSatisfied: 0 };
  for (const c of cases) if (c.rating && SATISFACTION_RATINGS.includes(c.rating)) counts[c.rating]++;
  const rated = counts.satisfied + counts.basically + counts.notSatisfied;
  const share = (n: number) => (rated === 0 ? null : n / rated);
  return {
    rated,
    counts,
    shares: {
      satisfied: share(counts.satisfied),
      basically: share(counts.basically),
      notSatisfied: share(counts.notSatisfied),
    },
    satisfactionRate: share(counts.satisfied + counts.basically),
  };
}

/** The most frequent categories (duplicates not counted), ties by category id. */
export function topCategories(
  cases: readonly CaseSummary[],
  limit = 5,
): { category: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of cases)
    if (c.status !== "duplicate") counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))
    .slice(0, Math.max(0, limit));
}

export interface MonthlyFigures {
  /** `YYYY-MM`, Shanghai time. */
  month: string;
  collected: number;
  closed: number;
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Collected (by submission month) and closed (by closure month) per month, with empty months filled. */
export function monthlyTrend(cases: readonly CaseSummary[]): MonthlyFigures[] {
  const rows = new Map<string, MonthlyFigures>();
  const row = (month: string) => {
    const r = rows.get(month) ?? { month, collected: 0, closed: 0 };
    rows.set(month, r);
    return r;
  };
  for (const c of cases) {
    if (c.status === "duplicate") continue;
    row(shanghaiDate(c.submittedAt).slice(0, 7)).collected++;
    if (c.closedAt && CLOSED_FOR_STATISTICS.includes(c.status))
      row(shanghaiDate(c.closedAt).slice(0, 7)).closed++;
  }
  const months = [...rows.keys()].sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  const out: MonthlyFigures[] = [];
  for (let m = first; m <= last; m = nextMonth(m))
    out.push(rows.get(m) ?? { month: m, collected: 0, closed: 0 });
  return out;
}
