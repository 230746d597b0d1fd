import {
  type CaseStatus,
  caseAllowedActions,
  DEFAULT_CASE_SLA,
  evaluateSla,
  normaliseTrackingNumber,
  OPEN_CASE_STATUSES,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { workCalendar } from "./calendar.ts";
import {
  CASE_COLUMNS,
  type CaseRow,
  type CaseViewer,
  canSee,
  caseActorFor,
  scopeSql,
  stateOf,
  viewerOf,
} from "./model.ts";
import { caseStatsWhere, STATUS_COLUMNS } from "./rollup.ts";
import { ACTION_TYPES, type CaseFilters, type CaseListQuery, type CaseSummary } from "./schemas.ts";

const OPEN_SQL = `('new', 'acknowledged', 'inProgress')`;

export function filterSql(viewer: CaseViewer, filters: CaseFilters, now = new Date()) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  const scope = scopeSql(viewer, params);
  if (scope) where.push(scope);
  const q = filters.q?.trim();
  if (q) {
    const tracking = normaliseTrackingNumber(q);
    if (tracking) add((p) => `c.tracking_number = ${p}`, tracking);
    else {
      const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      add((p) => `(c.title ilike ${p} or c.enterprise_name ilike ${p})`, like);
      // The character pairs of migration 0017 narrow it down through their index first.
      if ([...q].length >= 2) add((p) => `c.search_grams @> case_search_grams(lower(${p}))`, q);
    }
  }
  if (filters.status) add((p) => `c.status = ${p}`, filters.status);
  if (filters.category) add((p) => `c.category = ${p}`, filters.category);
  if (filters.departmentId) add((p) => `c.department_id = ${p}::uuid`, filters.departmentId);
  if (filters.channel) add((p) => `c.channel = ${p}`, filters.channel);
  if (filters.salonId) add((p) => `c.salon_id = ${p}::uuid`, filters.salonId);
  if (filters.overdue === true) add((p) => `c.status in ${OPEN_SQL} and c.resolve_due < ${p}`, now);
  // Dates are Shanghai dates: [from 00:00, to + 1 day 00:00) at UTC+8.
  if (filters.from) add((p) => `c.submitted_at >= (${p}::date - interval '8 hours')`, filters.from);
  if (filters.to) add((p) => `c.submitted_at < (${p}::date + interval '16 hours')`, filters.to);
  return { where: where.length ? `where ${where.join(" and ")}` : "", params };
}

const SUMMARY_COLUMNS = `c.id, c.tracking_number as "trackingNumber", c.channel, c.category,
  c.department_id as "departmentId", d.name_zh as "departmentName", c.status, c.title,
  c.enterprise_name as "enterpriseName", c.submitted_at as "submittedAt", c.resolve_due as "resolveDue",
  (c.status in ${OPEN_SQL} and c.resolve_due < now()) as overdue, c.rating,
  c.held_for_review as "heldForReview"`;

export async function listCases(db: Db, actor: Actor, query: CaseListQuery) {
  const viewer = await viewerOf(db, actor);
  const { page, pageSize, ...filters } = query;
  const { where, params } = filterSql(viewer, filters);
  const offset = (page - 1) * pageSize;
  const items = await db.query<CaseSummary>(
    `select ${SUMMARY_COLUMNS} from cases c left join departments d on d.id = c.department_id
       ${where} order by c.submitted_at desc, c.id desc limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, pageSize, offset],
  );
  let total = offset + items.length;
  if (items.length === pageSize || (items.length === 0 && offset > 0))
    total = await countCases(db, viewer, filters, { where, params });
  return { items, total, page, pageSize };
}

/**
 * How many cases a list has. Staff filtering by department, category, channel, status and dates: the sum of the
 * rollup rows (migration 0017), exact at any size; otherwise counted from the cases, up to 100,001.
 */
async function countCases(
  db: Db,
  viewer: CaseViewer,
  filters: CaseFilters,
  cases: { where: string; params: unknown[] },
): Promise<number> {
  const { q, overdue, salonId, status, ...rollup } = filters;
  if (viewer.actor.role !== "enterprise" && !q?.trim() && overdue !== true && !salonId) {
    const params: unknown[] = [];
    const where = caseStatsWhere(viewer, rollup, params);
    const counted = status
      ? `s.${STATUS_COLUMNS[status]}`
      : Object.values(STATUS_COLUMNS)
          .map((c) => `s.${c}`)
          .join(" + ");
    const [row] = await db.query<{ n: number }>(
      `select coalesce(sum(${counted}), 0)::int as n from case_stats s ${where}`,
      params,
    );
    return row?.n ?? 0;
  }
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from cases c ${cases.where} limit 100001) x`,
    cases.params,
  );
  return row?.n ?? 0;
}

export async function* iterateCases(db: Db, actor: Actor, filters: CaseFilters, max: number, batch = 2000) {
  const viewer = await viewerOf(db, actor);
  const { where, params } = filterSql(viewer, filters);
  for (let offset = 0; offset < max; offset += batch) {
    const rows = await db.query<CaseSummary & { submittedAt: Date; closedAt: Date | null }>(
      `select ${SUMMARY_COLUMNS}, c.closed_at as "closedAt", c.first_answered_at as "firstAnsweredAt"
         from cases c left join departments d on d.id = c.department_id
         ${where} order by c.submitted_at desc, c.id desc limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, Math.min(batch, max - offset), offset],
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

/** The case row, if the viewer may see it; else 404 (another's case is simply not found). */
export async function loadVisibleCase(
  sql: Sql,
  viewer: CaseViewer,
  id: string,
  lock = false,
): Promise<CaseRow> {
  const [row] = await sql.query<CaseRow>(
    `select ${CASE_COLUMNS} from cases c where c.id = $1${lock ? " for update" : ""}`,
    [id],
  );
  if (!row || !canSee(viewer, row)) throw new AppError("NOT_FOUND");
  return row;
}

async function slaOf(sql: Sql, category: string) {
  const [row] = await sql.query<{ acknowledgeDays: number; firstAnswerDays: number; resolveDays: number }>(
    `select acknowledge_days as "acknowledgeDays", first_answer_days as "firstAnswerDays",
            resolve_days as "resolveDays" from case_categories where code = $1`,
    [category],
  );
  return row ?? DEFAULT_CASE_SLA;
}

export async function activeDepartmentIds(sql: Sql): Promise<Set<string>> {
  const rows = await sql.query<{ id: string }>("select id from departments where active");
  return new Set(rows.map((r) => r.id));
}

export async function getCaseDetail(db: Db, actor: Actor, id: string) {
  const viewer = await viewerOf(db, actor);
  const row = await loadVisibleCase(db, viewer, id);
  const calendar = await workCalendar(db, db);
  const now = new Date();
  const state = stateOf(row);
  const sla = evaluateSla(calendar, await slaOf(db, row.category), state, now);
  const caseActor = caseActorFor(viewer, row);
  const departments = await activeDepartmentIds(db);
  const [dupCount] = await db.query<{ n: number }>(
    "select count(*)::int as n from cases where duplicate_of = $1",
    [id],
  );
  // Only what the API can carry out: an offered action without an endpoint is a button that always fails.
  const allowed = caseAllowedActions(state, caseActor, {
    now,
    calendar,
    caseId: id,
    departmentExists: (d) => departments.has(d),
    duplicateCount: dupCount?.n ?? 0,
  }).filter((a) => ACTION_TYPES.has(a));
  const internal = viewer.actor.role !== "enterprise";
  const timeline = await db.query(
    `select e.id, e.at, e.type, e.visibility, e.actor_kind as "actorKind", e.actor_name as "actorName",
            e.from_status as "fromStatus", e.to_status as "toStatus",
            fd.name_zh as "fromDepartmentName", td.name_zh as "toDepartmentName",
            case when $2 or e.text_public then e.text end as text, e.rating
       from case_events e
       left join departments fd on fd.id = e.from_department_id
       left join departments td on td.id = e.to_department_id
      where e.case_id = $1 and ($2 or e.visibility = 'public')
      order by e.at, e.id`,
    [id, internal],
  );
  const [dept] = row.departmentId
    ? await db.query<{ name: string }>("select name_zh as name from departments where id = $1", [
        row.departmentId,
      ])
    : [];
  return {
    ...row,
    departmentName: dept?.name ?? null,
    overdue: OPEN_CASE_STATUSES.includes(row.status) && now > new Date(row.resolveDue),
    milestones: sla.milestones.map((m) => ({
      milestone: m.milestone,
      deadline: m.deadline,
      state: m.state,
      workingDaysLate: m.workingDaysLate,
    })),
    escalation: sla.escalation,
    provisional: sla.provisional,
    allowedActions: allowed,
    canNote: internal,
    timeline,
  };
}

// ── The public tracking page ────────────────────────────────────────────────────────────────────────────

export async function getPublicCase(db: Db, input: string) {
  // A malformed or mistyped number is refused before any query: guessing costs nothing on the database.
  const trackingNumber = normaliseTrackingNumber(input);
  if (!trackingNumber) throw new AppError("NOT_FOUND");
  type PublicEvent = {
    at: Date;
    type: string;
    toStatus: string | null;
    departmentName: string | null;
    text: string | null;
    rating: string | null;
  };
  // One statement, the public timeline aggregated with the case: one round trip per lookup.
  const [row] = await db.query<{
    trackingNumber: string;
    category: string;
    title: string;
    status: CaseStatus;
    departmentName: string | null;
    submittedAt: Date;
    resolveDue: Date;
    rating: CaseRow["rating"];
    events: (Omit<PublicEvent, "at"> & { at: string })[];
  }>(
    `select c.tracking_number as "trackingNumber", c.category, c.title, c.status,
            d.name_zh as "departmentName", c.submitted_at as "submittedAt", c.resolve_due as "resolveDue", c.rating,
            coalesce((select json_agg(json_build_object('at', e.at, 'type', e.type, 'toStatus', e.to_status,
                                        'departmentName', td.name_zh,
                                        'text', case when e.text_public then e.text end, 'rating', e.rating)
                                      order by e.at, e.id)
                        from case_events e left join departments td on td.id = e.to_department_id
                       where e.case_id = c.id and e.visibility = 'public'), '[]') as events
       from cases c left join departments d on d.id = c.department_id
      where c.tracking_number = $1`,
    [trackingNumber],
  );
  if (!row) throw new AppError("NOT_FOUND");
  const { events: raw, ...view } = row;
  const events: PublicEvent[] = raw.map((e) => ({ ...e, at: new Date(e.at) }));
  return {
    ...view,
    canRate: row.status === "answered" && row.rating === null,
    replies: events
      .filter((e) => e.type === "answer" && e.text)
      .map((e) => ({ at: e.at, text: e.text as string })),
    timeline: events,
  };
}

/** The id of the case a tracking number names, or 404 (for the submitter's actions on the public page). */
export async function caseIdByTrackingNumber(sql: Sql, input: string): Promise<string> {
  const trackingNumber = normaliseTrackingNumber(input);
  if (!trackingNumber) throw new AppError("NOT_FOUND");
  const [row] = await sql.query<{ id: string }>("select id from cases where tracking_number = $1", [
    trackingNumber,
  ]);
  if (!row) throw new AppError("NOT_FOUND");
  return row.id;
}
