import type { AnswerValue, AssessmentScore, EvaluationSystem, OfferedAction } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { termsOf } from "../enterprises/service.ts";
import { todayInChina } from "../supervision/context.ts";
import {
  type AssessmentRow,
  answersOf,
  loadAssessment,
  offeredActions,
  scopeOf,
  stageRole,
  systemOf,
} from "./assessments.ts";
import { type FindingRow, findingsOf } from "./findings.ts";

const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export interface AssessmentDetail {
  assessment: AssessmentRow;
  system: EvaluationSystem;
  /** The actor's part: enterprise, auditor, regulator, admin, or null (read only). */
  role: string | null;
  actions: OfferedAction[];
  answers: {
    indicatorId: string;
    self?: AnswerValue;
    auditor?: AnswerValue;
    overruleReason: string | null;
  }[];
  score: AssessmentScore | null;
  findings: FindingRow[];
  events: {
    action: string;
    fromStage: string;
    toStage: string;
    onDate: string;
    note: string | null;
    actorName: string | null;
  }[];
  attachments: { id: string; filename: string; mimeType: string; sizeBytes: number; createdAt: string }[];
}

export async function assessmentDetail(db: Db, actor: Actor, id: string): Promise<AssessmentDetail> {
  const assessment = await loadAssessment(db, actor, id);
  const [scoreRow] = await db.query<{ score: AssessmentScore | null }>(
    "select score from evaluation_assessments where id = $1",
    [id],
  );
  return {
    assessment,
    system: await systemOf(db, assessment.systemId),
    role: stageRole(actor, assessment),
    actions: await offeredActions(db, actor, assessment),
    answers: (await answersOf(db, id)).map((a) => ({
      indicatorId: a.indicatorId,
      ...(a.self !== undefined ? { self: a.self } : {}),
      ...(a.auditor !== undefined ? { auditor: a.auditor } : {}),
      overruleReason: a.overruleReason,
    })),
    score: scoreRow?.score ?? null,
    findings: await findingsOf(db, actor, id),
    events: await db.query(
      `select v.action, v.from_stage as "fromStage", v.to_stage as "toStage", v.on_date as "onDate", v.note,
         u.display_name as "actorName"
       from evaluation_stage_events v left join users u on u.id = v.actor_id
       where v.assessment_id = $1 order by v.created_at, v.id`,
      [id],
    ),
    attachments: await db.query(
      `select id, filename, mime_type as "mimeType", size_bytes as "sizeBytes", ${iso("created_at")} as "createdAt"
       from attachments where owner_type = 'evaluation_assessment' and owner_id = $1 order by created_at, id`,
      [id],
    ),
  };
}

export interface ProgrammeRow {
  assessmentId: string;
  enterpriseId: string;
  enterpriseName: string;
  systemCode: string;
  stage: string;
  level: string | null;
  percent: number | null;
  ratedOn: string | null;
  openCapItems: number;
  overdueCapItems: number;
}

export interface ProgrammeOverview {
  systemCode: string | null;
  stages: { stage: string; assessments: number }[];
  /** Enterprises with an assessment not cancelled (before the list's filters). */
  enterpriseCount: number;
  /** Each enterprise's latest assessment (not cancelled), filtered, sorted and paged. */
  enterprises: { items: ProgrammeRow[]; total: number; page: number; pageSize: number };
  ratingsOverTime: { year: string; level: string; assessments: number }[];
  openFindingsBySection: { sectionId: string; findings: number }[];
  overdueCapItems: number;
  openCapItems: number;
}

export interface ProgrammeQuery {
  systemCode?: string | undefined;
  /** Filters on the latest assessment: its stage, its level, the enterprise's name (or USCC, pinyin …). */
  stage?: string | undefined;
  level?: string | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Sort keys of the programme list, on the page query's output columns (sorted inside for the page, again outside
 * for the rows' order); every order ends with the enterprise id so that pages never overlap.
 */
export const PROGRAMME_SORTS: Record<string, string> = {
  name: '"enterpriseName", "enterpriseId"',
  "-name": '"enterpriseName" desc, "enterpriseId"',
  ratedOn: '"ratedOn" nulls last, "enterpriseName", "enterpriseId"',
  "-ratedOn": '"ratedOn" desc nulls last, "enterpriseName", "enterpriseId"',
  percent: 'percent nulls last, "enterpriseName", "enterpriseId"',
  "-percent": 'percent desc nulls last, "enterpriseName", "enterpriseId"',
  level: 'level nulls last, "enterpriseName", "enterpriseId"',
  "-level": 'level desc nulls last, "enterpriseName", "enterpriseId"',
  stage: 'stage, "enterpriseName", "enterpriseId"',
  "-stage": 'stage desc, "enterpriseName", "enterpriseId"',
};

/**
 * The programme as the cluster sees it: the latest assessment of each enterprise (a page of them), ratings by year,
 * open findings by element, CAP items open and overdue. An enterprise user sees its own.
 */
export async function programmeOverview(
  db: Db,
  actor: Actor,
  q: ProgrammeQuery = { page: 1, pageSize: 20 },
): Promise<ProgrammeOverview> {
  const scope = scopeOf(actor);
  const systemCode = q.systemCode ?? null;
  const params: unknown[] = [todayInChina(), systemCode, scope];
  // $1 (today) is used by some of the queries only; typed here so every query can take the same parameters.
  const filter =
    "$1::date is not null and ($2::text is null or a.system_code = $2) and ($3::uuid is null or a.enterprise_id = $3)";
  const { page: list, enterpriseCount } = await programmePage(db, q, params, filter);
  const stages = await db.query<{ stage: string; assessments: number }>(
    `select a.stage, count(*)::int as assessments from evaluation_assessments a where ${filter} group by a.stage`,
    params,
  );
  const ratingsOverTime = await db.query<{ year: string; level: string; assessments: number }>(
    `select y::text as year, level, assessments from (
       select extract(year from a.rated_on)::int as y, a.level, count(*)::int as assessments
       from evaluation_assessments a where ${filter} and a.rated_on is not null and a.level is not null
       group by 1, 2) r
     order by 1, 2`,
    params,
  );
  const open = await openCapCounts(db, params);
  return {
    systemCode,
    stages,
    enterpriseCount,
    enterprises: list,
    ratingsOverTime,
    openFindingsBySection: open.bySection,
    openCapItems: open.bySection.reduce((s, r) => s + r.findings, 0),
    overdueCapItems: open.overdue,
  };
}

/**
 * CAP items not closed by the element of their finding, and those overdue: the cluster's from the rollups kept by
 * trigger (migration 0018), an enterprise's from its own items.
 */
async function openCapCounts(db: Db, params: unknown[]) {
  const [today, systemCode, scope] = params;
  if (scope === null) {
    const bySection = await db.query<{ sectionId: string; findings: number }>(
      `select section_id as "sectionId", sum(items)::int as findings from evaluation_cap_open_sections
       where $1::text is null or system_code = $1 group by 1 having sum(items) > 0 order by 2 desc, 1`,
      [systemCode],
    );
    const [owed] = await db.query<{ n: number }>(
      `select coalesce(sum(items), 0)::int as n from evaluation_cap_owed_deadlines
       where deadline < $1 and ($2::text is null or system_code = $2)`,
      [today, systemCode],
    );
    return { bySection, overdue: owed?.n ?? 0 };
  }
  const rows = await db.query<{ sectionId: string; findings: number; overdue: number }>(
    `select coalesce(c.section_id, '') as "sectionId", count(*)::int as findings,
       count(*) filter (where c.status in ('open', 'rejected') and c.deadline < $1)::int as overdue
     from evaluation_cap_items c where c.enterprise_id = $3 and c.status <> 'closed'
       and ($2::text is null or c.system_code = $2)
     group by 1 order by 2 desc, 1`,
    [today, systemCode, scope],
  );
  return {
    bySection: rows.map((r) => ({ sectionId: r.sectionId, findings: r.findings })),
    overdue: rows.reduce((s, r) => s + r.overdue, 0),
  };
}

/**
 * The latest assessment of each enterprise (not cancelled) as `l (id, enterprise_id)`: kept by trigger (migration
 * 0018); for one system's programme, the latest of that system's, found by DISTINCT ON. Uses the overview's
 * parameters ($2 system, $3 the enterprise of an enterprise user).
 */
function latestAssessments(systemCode: string | null, filter: string): string {
  return systemCode === null
    ? `(select x.assessment_id as id, x.enterprise_id from evaluation_latest_assessments x
        where $2::text is null and ($3::uuid is null or x.enterprise_id = $3)) l`
    : `(select distinct on (a.enterprise_id) a.id, a.enterprise_id from evaluation_assessments a
        where ${filter} and a.stage <> 'cancelled' order by a.enterprise_id, a.created_at desc, a.id desc) l`;
}

/** One page of the latest assessments, and how many enterprises: filtered, and in all. */
async function programmePage(
  db: Db,
  q: ProgrammeQuery,
  base: unknown[],
  filter: string,
): Promise<{ page: ProgrammeOverview["enterprises"]; enterpriseCount: number }> {
  const params = [...base];
  const where: string[] = [];
  const add = (cond: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(cond(`$${params.length}`));
  };
  if (q.stage) add((p) => `a.stage = ${p}`, q.stage);
  if (q.level) add((p) => `a.level = ${p}`, q.level);
  const terms = termsOf(q.q);
  if (terms.uscc) add((p) => `e.uscc = ${p}`, terms.uscc);
  else if (terms.tsquery) add((p) => `e.search_tokens @@ to_tsquery('simple', ${p})`, terms.tsquery);
  else if (terms.text) where.push("false");
  const order = PROGRAMME_SORTS[q.sort ?? "name"] ?? PROGRAMME_SORTS.name;
  const latest = latestAssessments((base[1] as string | null) ?? null, filter);
  const w = where.length > 0 ? `where ${where.join(" and ")}` : "";
  // The page first (20 rows: the name index walked, or the filtered rows sorted), its CAP counts after.
  const items = await db.query<ProgrammeRow>(
    `select p.*,
       (select count(*)::int from evaluation_cap_items c where c.assessment_id = p."assessmentId"
          and c.status <> 'closed') as "openCapItems",
       (select count(*)::int from evaluation_cap_items c where c.assessment_id = p."assessmentId"
          and c.status in ('open', 'rejected') and c.deadline < $1) as "overdueCapItems"
     from (
       select a.id as "assessmentId", a.enterprise_id as "enterpriseId", e.name as "enterpriseName",
         a.system_code as "systemCode", a.stage, a.level, a.percent::float8 as percent, a.rated_on as "ratedOn"
       from ${latest} join evaluation_assessments a on a.id = l.id join enterprises e on e.id = l.enterprise_id
       ${w}
       order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}
     ) p order by ${order}`,
    params,
  );
  // Counts join only what their filters need. $1 is typed here for the overview's shared parameters.
  const count = async (filtered: boolean) => {
    const [n] = await db.query<{ n: number }>(
      `select count(*)::int as n from ${latest}
       ${filtered && (q.stage || q.level) ? "join evaluation_assessments a on a.id = l.id" : ""}
       ${filtered && q.q ? "join enterprises e on e.id = l.enterprise_id" : ""}
       where $1::date is not null ${filtered && where.length > 0 ? `and ${where.join(" and ")}` : ""}`,
      filtered ? params : base,
    );
    return n?.n ?? 0;
  };
  const filtered = where.length > 0;
  const total = await count(true);
  return {
    page: { items, total, page: q.page, pageSize: q.pageSize },
    enterpriseCount: filtered ? await count(false) : total,
  };
}
