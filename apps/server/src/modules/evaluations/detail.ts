import type { AnswerValue, AssessmentScore, EvaluationSystem, OfferedAction } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
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

/** A file of an assessment or of one of its CAP items, for its enterprise or staff. */
export async function readEvaluationFile(db: Db, actor: Actor, id: string) {
  const [row] = await db.query<{
    filename: string;
    mimeType: string;
    content: Uint8Array;
    enterpriseId: string | null;
  }>(
    `select t.filename, t.mime_type as "mimeType", t.content,
       case t.owner_type
         when 'evaluation_assessment' then (select enterprise_id from evaluation_assessments where id = t.owner_id)
         when 'evaluation_cap' then (select enterprise_id from evaluation_cap_items where id = t.owner_id)
       end as "enterpriseId"
     from attachments t where t.id = $1 and t.owner_type in ('evaluation_assessment', 'evaluation_cap')`,
    [id],
  );
  const scope = scopeOf(actor);
  if (!row || (scope !== null && row.enterpriseId !== scope)) throw new AppError("NOT_FOUND");
  return { filename: row.filename, mimeType: row.mimeType, content: Buffer.from(row.content) };
}

export interface ProgrammeOverview {
  systemCode: string | null;
  stages: { stage: string; assessments: number }[];
  enterprises: {
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
  }[];
  ratingsOverTime: { year: string; level: string; assessments: number }[];
  openFindingsBySection: { sectionId: string; findings: number }[];
  overdueCapItems: number;
  openCapItems: number;
}

/** The programme as the cluster sees it: the latest assessment of each enterprise, ratings by year, open findings. */
export async function programmeOverview(
  db: Db,
  actor: Actor,
  systemCode?: string,
): Promise<ProgrammeOverview> {
  const scope = scopeOf(actor);
  const params: unknown[] = [todayInChina(), systemCode ?? null, scope];
  // $1 (today) is used by some of the queries only; typed here so every query can take the same parameters.
  const filter =
    "$1::date is not null and ($2::text is null or a.system_code = $2) and ($3::uuid is null or a.enterprise_id = $3)";
  const enterprises = await db.query<ProgrammeOverview["enterprises"][number]>(
    `select distinct on (a.enterprise_id) a.id as "assessmentId", a.enterprise_id as "enterpriseId",
       e.name as "enterpriseName", a.system_code as "systemCode", a.stage, a.level, a.percent::float8 as percent,
       a.rated_on as "ratedOn",
       (select count(*)::int from evaluation_cap_items c where c.assessment_id = a.id and c.status <> 'closed') as "openCapItems",
       (select count(*)::int from evaluation_cap_items c where c.assessment_id = a.id and c.status in ('open', 'rejected')
          and c.deadline < $1) as "overdueCapItems"
     from evaluation_assessments a join enterprises e on e.id = a.enterprise_id
     where ${filter} and a.stage <> 'cancelled'
     order by a.enterprise_id, a.created_at desc`,
    params,
  );
  enterprises.sort((x, y) => x.enterpriseName.localeCompare(y.enterpriseName, "zh"));
  const stages = await db.query<{ stage: string; assessments: number }>(
    `select a.stage, count(*)::int as assessments from evaluation_assessments a where ${filter} group by a.stage`,
    params,
  );
  const ratingsOverTime = await db.query<{ year: string; level: string; assessments: number }>(
    `select to_char(a.rated_on, 'YYYY') as year, a.level, count(*)::int as assessments
     from evaluation_assessments a where ${filter} and a.rated_on is not null and a.level is not null
     group by 1, 2 order by 1, 2`,
    params,
  );
  const openFindingsBySection = await db.query<{ sectionId: string; findings: number }>(
    `select coalesce(f.section_id, '') as "sectionId", count(*)::int as findings
     from evaluation_findings f join evaluation_cap_items c on c.finding_id = f.id
     join evaluation_assessments a on a.id = f.assessment_id
     where ${filter} and c.status <> 'closed' group by 1 order by 2 desc`,
    params,
  );
  const [cap] = await db.query<{ open: number; overdue: number }>(
    `select count(*) filter (where c.status <> 'closed')::int as open,
       count(*) filter (where c.status in ('open', 'rejected') and c.deadline < $1)::int as overdue
     from evaluation_cap_items c join evaluation_assessments a on a.id = c.assessment_id where ${filter}`,
    params,
  );
  return {
    systemCode: systemCode ?? null,
    stages,
    enterprises,
    ratingsOverTime,
    openFindingsBySection,
    openCapItems: cap?.open ?? 0,
    overdueCapItems: cap?.overdue ?? 0,
  };
}
