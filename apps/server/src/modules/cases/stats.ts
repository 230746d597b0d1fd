import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { viewerOf } from "./model.ts";
import { filterSql } from "./read.ts";
import type { StatsQuery } from "./schemas.ts";

// The loop's dashboard, in SQL with the definitions of packages/rules stats.ts: collected = every case but
// duplicates; closed (办结) = closed, not responsible, withdrawn; medians over the cases that got there.

const CLOSED = `('closed', 'notResponsible', 'withdrawn')`;
const OPEN = `('new', 'acknowledged', 'inProgress')`;

export async function caseStats(db: Db, actor: Actor, query: StatsQuery) {
  const viewer = await viewerOf(db, actor);
  const now = new Date();
  const { where, params } = filterSql(viewer, query, now);
  const base = `from cases c ${where}`;
  const and = where ? "and" : "where";
  const withNow = [...params, now.toISOString()];
  const nowP = `$${withNow.length}::timestamptz`;

  const [totals] = await db.query<Record<string, number | null>>(
    `select count(*) filter (where c.status <> 'duplicate')::int as collected,
            count(*) filter (where c.status in ${CLOSED})::int as closed,
            count(*) filter (where c.status in ${OPEN})::int as open,
            count(*) filter (where c.status in ${OPEN} and c.resolve_due < ${nowP})::int as overdue,
            count(*) filter (where c.held_for_review)::int as "heldForReview",
            percentile_cont(0.5) within group (order by extract(epoch from c.first_answered_at - c.submitted_at))
              filter (where c.first_answered_at is not null) / 3600.0 as "medianHoursToAnswer",
            percentile_cont(0.5) within group (order by extract(epoch from c.closed_at - c.submitted_at))
              filter (where c.closed_at is not null and c.status in ${CLOSED}) / 3600.0 as "medianHoursToClose",
            count(*) filter (where c.rating = 'satisfied')::int as satisfied,
            count(*) filter (where c.rating = 'basically')::int as basically,
            count(*) filter (where c.rating = 'notSatisfied')::int as "notSatisfied"
       ${base}`,
    withNow,
  );
  const t = totals ?? {};
  const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  const rated = num(t.satisfied) + num(t.basically) + num(t.notSatisfied);

  const byDepartment = await db.query(
    `select c.department_id as "departmentId", d.name_zh as "departmentName",
            count(*)::int as open, count(*) filter (where c.resolve_due < ${nowP})::int as overdue
       from cases c left join departments d on d.id = c.department_id
       ${where} ${and} c.status in ${OPEN}
      group by c.department_id, d.name_zh order by overdue desc, open desc`,
    withNow,
  );
  const topCategories = await db.query(
    `select c.category, count(*)::int as count ${base} ${and} c.status <> 'duplicate'
      group by c.category order by count desc, c.category limit 10`,
    params,
  );
  const byChannel = await db.query(
    `select c.channel, count(*)::int as count ${base} ${and} c.status <> 'duplicate'
      group by c.channel order by count desc, c.channel`,
    params,
  );
  // Months in Shanghai time (UTC+8 all year), without relying on the server's time-zone data.
  const collectedByMonth = await db.query<{ month: string; n: number }>(
    `select to_char(c.submitted_at at time zone 'UTC' + interval '8 hours', 'YYYY-MM') as month, count(*)::int as n
       ${base} ${and} c.status <> 'duplicate' group by 1`,
    params,
  );
  const closedByMonth = await db.query<{ month: string; n: number }>(
    `select to_char(c.closed_at at time zone 'UTC' + interval '8 hours', 'YYYY-MM') as month, count(*)::int as n
       ${base} ${and} c.status in ${CLOSED} and c.closed_at is not null group by 1`,
    params,
  );
  const months = new Map<string, { month: string; collected: number; closed: number }>();
  const row = (m: string) => {
    const r = months.get(m) ?? { month: m, collected: 0, closed: 0 };
    months.set(m, r);
    return r;
  };
  for (const r of collectedByMonth) row(r.month).collected = r.n;
  for (const r of closedByMonth) row(r.month).closed = r.n;
  const monthly = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));

  const collected = num(t.collected);
  const closed = num(t.closed);
  return {
    collected,
    closed,
    closureRate: collected === 0 ? null : closed / collected,
    open: num(t.open),
    overdue: num(t.overdue),
    heldForReview: num(t.heldForReview),
    medianHoursToAnswer: t.medianHoursToAnswer === null ? null : Number(t.medianHoursToAnswer),
    medianHoursToClose: t.medianHoursToClose === null ? null : Number(t.medianHoursToClose),
    satisfaction: {
      rated,
      satisfied: num(t.satisfied),
      basically: num(t.basically),
      notSatisfied: num(t.notSatisfied),
      satisfactionRate: rated === 0 ? null : (num(t.satisfied) + num(t.basically)) / rated,
    },
    byDepartment,
    topCategories,
    byChannel,
    monthly,
  };
}
