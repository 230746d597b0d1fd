import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { type CaseViewer, viewerOf } from "./model.ts";
import { filterSql } from "./read.ts";
import type { StatsQuery } from "./schemas.ts";

// The loop's dashboard, in SQL with the definitions of packages/rules stats.ts: collected = every case but
// duplicates; closed (办结) = closed, not responsible, withdrawn; medians over the cases that got there.
//
// Staff read the rollups of migration 0017 (case_stats_daily, case_stats_durations, kept exact by a trigger): at
// 1,000,000 cases counting the cases table takes seconds, the rollups' ~30,000 rows a few milliseconds. Overdue
// counts come from the index of open cases by deadline (they depend on the time of the request), medians from the
// duration histogram and then the index on the duration (bench/README.md, "Case scenarios"). Enterprise users see
// their own few cases: counted from the cases table (statsFromCases, also the reference the tests compare with).

const CLOSED = `('closed', 'notResponsible', 'withdrawn')`;
const OPEN = `('new', 'acknowledged', 'inProgress')`;
/** The duration histogram's step (migration 0017): four hours. */
const BUCKET_SECONDS = 14_400;

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

/**
 * The rollups' WHERE for the viewer and the filters: `dims` on department, category and channel (both rollups and
 * cases, by alias), `days` on the submission day (case_stats_daily only).
 */
function rollupFilter(viewer: CaseViewer, query: StatsQuery) {
  const params: unknown[] = [];
  const dims: ((alias: string) => string)[] = [];
  const days: string[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (!viewer.coordinator) {
    const ids = p(viewer.departments);
    dims.push((a) => `${a}.department_id = any(${ids}::uuid[])`);
  }
  if (query.departmentId) {
    const id = p(query.departmentId);
    dims.push((a) => `${a}.department_id = ${id}::uuid`);
  }
  if (query.category) {
    const category = p(query.category);
    dims.push((a) => `${a}.category = ${category}`);
  }
  if (query.channel) {
    const channel = p(query.channel);
    dims.push((a) => `${a}.channel = ${channel}`);
  }
  if (query.from) days.push(`s.day >= ${p(query.from)}::date`);
  if (query.to) days.push(`s.day <= ${p(query.to)}::date`);
  const where = (alias: string, withDays: boolean) => {
    const all = [...dims.map((d) => d(alias)), ...(withDays ? days : [])];
    return all.length ? `where ${all.join(" and ")}` : "";
  };
  return { params, where, dated: days.length > 0 };
}

const COLLECTED = `s.st_new + s.st_acknowledged + s.st_in_progress + s.st_answered + s.st_closed +
  s.st_not_responsible + s.st_withdrawn`;
const CLOSED_SUM = "s.st_closed + s.st_not_responsible + s.st_withdrawn";
const OPEN_SUM = "s.st_new + s.st_acknowledged + s.st_in_progress";

async function statsFromRollups(db: Db, viewer: CaseViewer, query: StatsQuery) {
  const now = new Date();
  const f = rollupFilter(viewer, query);
  const daily = `from case_stats_daily s ${f.where("s", true)}`;
  // One pass over the rollup rows: the totals (grouping ()), per department, category, channel, submission month
  // and month closed.
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
    `select grouping(s.department_id, s.category, s.channel, to_char(s.day, 'YYYY-MM'), s.closed_month)::int as g,
            coalesce(s.department_id::text, s.category, s.channel, to_char(s.day, 'YYYY-MM'),
                     to_char(s.closed_month, 'YYYY-MM')) as key,
            coalesce(sum(${COLLECTED}), 0)::int as collected, coalesce(sum(${CLOSED_SUM}), 0)::int as closed,
            coalesce(sum(${OPEN_SUM}), 0)::int as open, coalesce(sum(s.held), 0)::int as held,
            coalesce(sum(s.satisfied), 0)::int as satisfied, coalesce(sum(s.basically), 0)::int as basically,
            coalesce(sum(s.not_satisfied), 0)::int as "notSatisfied", coalesce(sum(s.answered), 0)::int as answered
       ${daily}
      group by grouping sets ((), (s.department_id), (s.category), (s.channel), (to_char(s.day, 'YYYY-MM')),
                              (s.closed_month))`,
    f.params,
  );
  // grouping() has a bit per argument, the first the highest: 15 = by department … 30 = by month closed.
  const of = (g: number) => rows.filter((r) => r.g === g);
  const total = of(31)[0];
  const { where: casesWhere, params: casesParams } = filterSql(viewer, query, now);
  const overdueRows = await db.query<{ departmentId: string | null; n: number }>(
    `select c.department_id as "departmentId", count(*)::int as n from cases c
      ${casesWhere} ${casesWhere ? "and" : "where"} c.status in ${OPEN} and c.resolve_due < $${casesParams.length + 1}
      group by c.department_id`,
    [...casesParams, now.toISOString()],
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
        b.overdue - a.overdue ||
        b.open - a.open ||
        byText(a.departmentId ?? "", b.departmentId ?? ""),
    );
  const counted = <K extends string>(g: number, name: K, limit = Number.POSITIVE_INFINITY) =>
    of(g)
      .filter((r) => r.collected > 0)
      .map((r) => ({ [name]: r.key as string, count: r.collected }) as Record<K, string> & { count: number })
      .sort((a, b) => b.count - a.count || byText(a[name], b[name]))
      .slice(0, limit);
  const medians = f.dated
    ? await datedMedians(db, viewer, query)
    : {
        answerSeconds: await medianSeconds(db, "answer", f),
        closeSeconds: await medianSeconds(db, "close", f),
      };
  return shape({
    collected: total?.collected ?? 0,
    closed: total?.closed ?? 0,
    open: total?.open ?? 0,
    overdue: overdueRows.reduce((s, r) => s + r.n, 0),
    heldForReview: total?.held ?? 0,
    medianHoursToAnswer: hours(medians.answerSeconds),
    medianHoursToClose: hours(medians.closeSeconds),
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

/** Medians of a date-filtered dashboard: the duration histogram has no dates, so over the cases submitted then. */
async function datedMedians(db: Db, viewer: CaseViewer, query: StatsQuery) {
  const { where, params } = filterSql(viewer, query);
  const [row] = await db.query<{ answerSeconds: number | null; closeSeconds: number | null }>(
    `select ${MEDIANS} from cases c ${where}`,
    params,
  );
  return { answerSeconds: row?.answerSeconds ?? null, closeSeconds: row?.closeSeconds ?? null };
}

/**
 * The median duration (percentile_cont(0.5): the middle value, or the mean of the two middle ones) of the cases
 * the filter keeps, exactly: the histogram says how many took less than each four-hour step and so which step holds
 * the middle rank; the index on the duration, read from that step's start, gives the values.
 */
async function medianSeconds(
  db: Db,
  kind: "answer" | "close",
  f: ReturnType<typeof rollupFilter>,
): Promise<number | null> {
  const k = `$${f.params.length + 1}`;
  const buckets = await db.query<{ bucket: number; n: number }>(
    `select s.bucket, sum(s.n)::int as n from case_stats_durations s
      ${f.where("s", false) || "where true"} and s.kind = ${k}
      group by s.bucket having sum(s.n) <> 0 order by s.bucket`,
    [...f.params, kind],
  );
  const total = buckets.reduce((s, b) => s + b.n, 0);
  if (total === 0) return null;
  const lower = Math.floor((total - 1) / 2);
  let below = 0;
  let bucket = 0;
  for (const b of buckets) {
    if (below + b.n > lower) {
      bucket = b.bucket;
      break;
    }
    below += b.n;
  }
  const column = kind === "answer" ? "c.answer_seconds" : "c.close_seconds";
  const cw = f.where("c", false);
  const values = await db.query<{ v: number }>(
    `select ${column} as v from cases c ${cw || "where true"} and ${column} >= $${f.params.length + 1}
      order by ${column} offset $${f.params.length + 2} limit 2`,
    [...f.params, bucket * BUCKET_SECONDS, lower - below],
  );
  const a = values[0]?.v;
  if (a === undefined) return null;
  return total % 2 === 1 ? Number(a) : (Number(a) + Number(values[1]?.v ?? a)) / 2;
}
