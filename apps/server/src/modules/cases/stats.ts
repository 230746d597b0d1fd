import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { type CaseViewer, viewerOf } from "./model.ts";
import { filterSql } from "./read.ts";
import { caseStatsWhere, departmentsOf, periodSql, splitPeriods } from "./rollup.ts";
import type { StatsQuery } from "./schemas.ts";

// The loop's dashboard, in SQL with the definitions of packages/rules stats.ts: collected = every case but
// duplicates; closed (办结) = closed, not responsible, withdrawn; medians over the cases that got there.
//
// Staff read the rollups of migration 0017 (case_stats, case_stats_durations, kept exact by a trigger): at
// 1,000,000 cases counting the cases table takes seconds, the rollup's ~13,000 month rows milliseconds. Overdue
// counts come from the index of open cases by deadline (they depend on the time of the request), medians from the
// duration histogram and then the index on the duration (bench/README.md, "Case scenarios"). Enterprise users see
// their own few cases: counted from the cases table (statsFromCases, also the reference the tests compare with).

const CLOSED = `('closed', 'notResponsible', 'withdrawn')`;
const OPEN = `('new', 'acknowledged', 'inProgress')`;

/** The medians over the cases of a WHERE (alias c), in seconds: the columns of migration 0017. */
const MEDIANS = `percentile_cont(0.5) within group (order by c.answer_seconds)
              filter (where c.answer_seconds is not null) as "answerSeconds",
            percentile_cont(0.5) within group (order by c.close_seconds)
              filter (where c.close_seconds is not null) as "closeSeconds"`;

export type CaseStats = Awaited<ReturnType<typeof statsFromCases>>;

/** Code-point order, as PostgreSQL orders uuids and the ASCII codes of categories and channels. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const hours = (seconds: unknown) =>
  seconds === null || seconds === undefined ? null : Number(seconds) / 3600;

export async function caseStats(db: Db, actor: Actor, query: StatsQuery): Promise<CaseStats> {
  const viewer = await viewerOf(db, actor);
  if (viewer.actor.role === "enterprise") return statsFromCases(db, viewer, query);
  return statsFromRollups(db, viewer, query);
}

interface Totals {
  collected: number;
  closed: number;
  open: number;
  overdue: number;
  heldForReview: number;
  medianHoursToAnswer: number | null;
  medianHoursToClose: number | null;
  satisfied: number;
  basically: number;
  notSatisfied: number;
  byDepartment: {
    departmentId: string | null;
    departmentName: string | null;
    open: number;
    overdue: number;
  }[];
  topCategories: { category: string; count: number }[];
  byChannel: { channel: string; count: number }[];
  collectedByMonth: { month: string; n: number }[];
  closedByMonth: { month: string; n: number }[];
}

function shape(t: Totals) {
  const months = new Map<string, { month: string; collected: number; closed: number }>();
  const row = (m: string) => {
    const r = months.get(m) ?? { month: m, collected: 0, closed: 0 };
    months.set(m, r);
    return r;
  };
  for (const r of t.collectedByMonth) row(r.month).collected = r.n;
  for (const r of t.closedByMonth) row(r.month).closed = r.n;
  const rated = t.satisfied + t.basically + t.notSatisfied;
  return {
    collected: t.collected,
    closed: t.closed,
    closureRate: t.collected === 0 ? null : t.closed / t.collected,
    open: t.open,
    overdue: t.overdue,
    heldForReview: t.heldForReview,
    medianHoursToAnswer: t.medianHoursToAnswer,
    medianHoursToClose: t.medianHoursToClose,
    satisfaction: {
      rated,
      satisfied: t.satisfied,
      basically: t.basically,
      notSatisfied: t.notSatisfied,
      satisfactionRate: rated === 0 ? null : (t.satisfied + t.basically) / rated,
    },
    byDepartment: t.byDepartment,
    topCategories: t.topCategories,
    byChannel: t.byChannel,
    monthly: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}

/** Every figure counted from the cases table: for an enterprise's own cases, and the tests' reference. */
export async function statsFromCases(db: Db, viewer: CaseViewer, query: StatsQuery) {
  const now = new Date();
  const { where, params } = filterSql(viewer, query, now);
  const base = `from cases c ${where}`;
  const and = where ? "and" : "where";
  const withNow = [...params, now.toISOString()];
  const nowP = `$${withNow.length}::timestamptz`;

  const [t = {}] = await db.query<Record<string, number | null>>(
    `select count(*) filter (where c.status <> 'duplicate')::int as collected,
            count(*) filter (where c.status in ${CLOSED})::int as closed,
            count(*) filter (where c.status in ${OPEN})::int as open,
            count(*) filter (where c.status in ${OPEN} and c.resolve_due < ${nowP})::int as overdue,
            count(*) filter (where c.held_for_review)::int as "heldForReview",
            ${MEDIANS},
            count(*) filter (where c.rating = 'satisfied')::int as satisfied,
            count(*) filter (where c.rating = 'basically')::int as basically,
            count(*) filter (where c.rating = 'notSatisfied')::int as "notSatisfied"
       ${base}`,
    withNow,
  );
  const byDepartment = await db.query<Totals["byDepartment"][number]>(
    `select c.department_id as "departmentId", d.name_zh as "departmentName",
            count(*)::int as open, count(*) filter (where c.resolve_due < ${nowP})::int as overdue
       from cases c left join departments d on d.id = c.department_id
       ${where} ${and} c.status in ${OPEN}
      group by c.department_id, d.name_zh order by overdue desc, open desc, c.department_id nulls first`,
    withNow,
  );
  const byKey = (key: "category" | "channel", limit: string) =>
    db.query<{ category: string; channel: string; count: number }>(
      `select c.${key}, count(*)::int as count ${base} ${and} c.status <> 'duplicate'
        group by c.${key} order by count desc, c.${key} ${limit}`,
      params,
    );
  // Months in Shanghai time (UTC+8 all year), without relying on the server's time-zone data.
  const byMonth = (column: string, condition: string) =>
    db.query<{ month: string; n: number }>(
      `select to_char(c.${column} at time zone 'UTC' + interval '8 hours', 'YYYY-MM') as month, count(*)::int as n
         ${base} ${and} ${condition} group by 1`,
      params,
    );
  return shape({
    collected: num(t.collected),
    closed: num(t.closed),
    open: num(t.open),
    overdue: num(t.overdue),
    heldForReview: num(t.heldForReview),
    medianHoursToAnswer: hours(t.answerSeconds),
    medianHoursToClose: hours(t.closeSeconds),
    satisfied: num(t.satisfied),
    basically: num(t.basically),
    notSatisfied: num(t.notSatisfied),
    byDepartment,
    topCategories: await byKey("category", "limit 10"),
    byChannel: await byKey("channel", ""),
    collectedByMonth: await byMonth("submitted_at", "c.status <> 'duplicate'"),
    closedByMonth: await byMonth("closed_at", `c.status in ${CLOSED} and c.closed_at is not null`),
  });
}

// ── The rollups (migration 0017) ────────────────────────────────────────────────────────────────────────────

const COLLECTED = `s.st_new + s.st_acknowledged + s.st_in_progress + s.st_answered + s.st_closed +
  s.st_not_responsible + s.st_withdrawn`;
const CLOSED_SUM = "s.st_closed + s.st_not_responsible + s.st_withdrawn";
const OPEN_SUM = "s.st_new + s.st_acknowledged + s.st_in_progress";

async function statsFromRollups(db: Db, viewer: CaseViewer, query: StatsQuery) {
  const now = new Date();
  const params: unknown[] = [];
  const where = caseStatsWhere(viewer, query, params);
  // One pass over the rollup rows: the totals (grouping set ()), and per department, category, channel, month of
  // submission and month closed.
  const rows = await db.query<{
    g: number;
    key: string | null;
    collected: number;
    closed: number;
    open: number;
    held: number;
    satisfied: number;
    basically: number;
    notSatisfied: number;
    answered: number;
  }>(
    `select grouping(s.department_id, s.category, s.channel, s.month, s.closed_month)::int as g,
            coalesce(s.department_id::text, s.category, s.channel, to_char(s.month, 'YYYY-MM'),
                     to_char(s.closed_month, 'YYYY-MM')) as key,
            sum(${COLLECTED})::int as collected, sum(${CLOSED_SUM})::int as closed, sum(${OPEN_SUM})::int as open,
            sum(s.held)::int as held, sum(s.satisfied)::int as satisfied, sum(s.basically)::int as basically,
            sum(s.not_satisfied)::int as "notSatisfied", sum(s.answered)::int as answered
       from case_stats s ${where}
      group by grouping sets ((), (s.department_id), (s.category), (s.channel), (s.month),
                              (s.closed_month))`,
    params,
  );
  // grouping() has a bit per argument, the first the highest: 15 = by department … 30 = by month closed.
  const of = (g: number) => rows.filter((r) => r.g === g);
  const total = of(31)[0];
  const cases = filterSql(viewer, query, now);
  const overdueRows = await db.query<{ departmentId: string | null; n: number }>(
    `select c.department_id as "departmentId", count(*)::int as n from cases c
      ${cases.where} ${cases.where ? "and" : "where"} c.status in ${OPEN} and c.resolve_due < $${cases.params.length + 1}
      group by c.department_id`,
    [...cases.params, now.toISOString()],
  );
  const overdueOf = new Map(overdueRows.map((r) => [r.departmentId, r.n]));
  const names = new Map(
    (await db.query<{ id: string; name: string }>("select id, name_zh as name from departments")).map((d) => [
      d.id,
      d.name,
    ]),
  );
  const byDepartment = of(15)
    .filter((r) => r.open > 0)
    .map((r) => ({
      departmentId: r.key,
      departmentName: r.key === null ? null : (names.get(r.key) ?? null),
      open: r.open,
      overdue: overdueOf.get(r.key) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.overdue - a.overdue || b.open - a.open || byText(a.departmentId ?? "", b.departmentId ?? ""),
    );
  const counted = <K extends string>(g: number, name: K, limit = Number.POSITIVE_INFINITY) =>
    of(g)
      .filter((r) => r.collected > 0)
      .map((r) => ({ [name]: r.key as string, count: r.collected }) as Record<K, string> & { count: number })
      .sort((a, b) => b.count - a.count || byText(a[name], b[name]))
      .slice(0, limit);
  // Closed for statistics with a closure time: the median's population.
  const closedTimed = of(30)
    .filter((r) => r.key !== null)
    .reduce((sum, r) => sum + r.closed, 0);
  const medians = await rollupMedians(db, viewer, query, {
    answer: total?.answered ?? 0,
    close: closedTimed,
  });
  return shape({
    collected: total?.collected ?? 0,
    closed: total?.closed ?? 0,
    open: total?.open ?? 0,
    overdue: overdueRows.reduce((s, r) => s + r.n, 0),
    heldForReview: total?.held ?? 0,
    medianHoursToAnswer: hours(medians.answer),
    medianHoursToClose: hours(medians.close),
    satisfied: total?.satisfied ?? 0,
    basically: total?.basically ?? 0,
    notSatisfied: total?.notSatisfied ?? 0,
    byDepartment,
    topCategories: counted(23, "category", 10),
    byChannel: counted(27, "channel"),
    collectedByMonth: of(29)
      .filter((r) => r.collected > 0)
      .map((r) => ({ month: r.key as string, n: r.collected })),
    closedByMonth: of(30)
      .filter((r) => r.key !== null && r.closed > 0)
      .map((r) => ({ month: r.key as string, n: r.closed })),
  });
}

/**
 * The medians of the cases the filters keep (`counts`: how many have each duration, from the rollup). With no
 * filter, the departments, a category or a channel alone, or dates alone, the duration histogram has their cases
 * and the median is read near where it lies; otherwise the index on the duration is read from the start.
 */
async function rollupMedians(
  db: Db,
  viewer: CaseViewer,
  query: StatsQuery,
  counts: { answer: number; close: number },
): Promise<{ answer: number | null; close: number | null }> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const departments = departmentsOf(viewer, query.departmentId);
  const dims = [
    departments ? `(s.dim = 'department' and s.value = any(${p(departments)}::text[]))` : null,
    query.category ? `(s.dim = 'category' and s.value = ${p(query.category)})` : null,
    query.channel ? `(s.dim = 'channel' and s.value = ${p(query.channel)})` : null,
    query.from || query.to
      ? periodSql(
          splitPeriods(query.from, query.to),
          (a, b) =>
            `(s.dim = 'month'${a ? ` and s.value >= ${p(a.slice(0, 7))}` : ""}${b ? ` and s.value <= ${p(b.slice(0, 7))}` : ""})`,
          (a, b) => `(s.dim = 'day' and s.value between ${p(a)} and ${p(b)})`,
        )
      : null,
  ].filter((d): d is string => d !== null);
  const cases = filterSql(viewer, query);
  const median = async (kind: "answer" | "close") => {
    if (dims.length <= 1)
      return medianSeconds(db, kind, { where: dims[0] ?? "(s.dim = 'all')", params }, cases);
    const total = counts[kind];
    return total === 0 ? null : middleValues(db, kind, cases, null, Math.floor((total - 1) / 2), total);
  };
  return { answer: await median("answer"), close: await median("close") };
}

/**
 * The median duration (percentile_cont(0.5): the middle value, or the mean of the two middle ones) of the cases of
 * `cases`, exactly: the histogram rows `histogram` (the same cases, by hour) say which hour holds the middle rank
 * and how many took less; the index on the duration, read from that hour, gives the values.
 */
async function medianSeconds(
  db: Db,
  kind: "answer" | "close",
  histogram: { where: string; params: unknown[] },
  cases: { where: string; params: unknown[] },
): Promise<number | null> {
  const hours = await db.query<{ hour: number; n: number }>(
    `select s.hour, sum(s.n)::int as n from case_stats_durations s
      where s.kind = $${histogram.params.length + 1} and ${histogram.where}
      group by s.hour having sum(s.n) <> 0 order by s.hour`,
    [...histogram.params, kind],
  );
  const total = hours.reduce((s, h) => s + h.n, 0);
  if (total === 0) return null;
  const middle = Math.floor((total - 1) / 2);
  let below = 0;
  for (const h of hours) {
    if (below + h.n > middle) return middleValues(db, kind, cases, h.hour * 3600, middle - below, total);
    below += h.n;
  }
  return null;
}

/** The median from the index on the duration: the value `skip` places after `from` seconds (and the next). */
async function middleValues(
  db: Db,
  kind: "answer" | "close",
  cases: { where: string; params: unknown[] },
  from: number | null,
  skip: number,
  total: number,
): Promise<number | null> {
  const column = kind === "answer" ? "c.answer_seconds" : "c.close_seconds";
  const n = cases.params.length;
  const bound = from === null ? `${column} is not null` : `${column} >= $${n + 2}`;
  const values = await db.query<{ v: number }>(
    `select ${column} as v from cases c ${cases.where} ${cases.where ? "and" : "where"} ${bound}
      order by ${column} offset $${n + 1} limit 2`,
    from === null ? [...cases.params, skip] : [...cases.params, skip, from],
  );
  const a = values[0]?.v;
  if (a === undefined) return null;
  // As percentile_cont interpolates, to the last bit: lower + (upper − lower) × 0.5.
  return total % 2 === 1 ? Number(a) : Number(a) + (Number(values[1]?.v ?? a) - Number(a)) * 0.5;
}
