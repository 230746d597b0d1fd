import {
  type AnswerValue,
  type AssessmentAnswers,
  type AssessmentRole,
  type AssessmentScore,
  type AssessmentStage,
  allIndicators,
  applyStageAction,
  checkAnswerValue,
  type EvaluationSystem,
  moveToStage,
  type OfferedAction,
  type StageAction,
  type StageContext,
  type StageRefusal,
  sameAnswer,
  scoreAssessment,
  stageActions,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldErrorCode, type FieldIssue, validationError } from "../../platform/errors.ts";
import { todayInChina } from "../supervision/context.ts";
import { ensureShippedSystems } from "./systems.ts";

// Assessments through their stages (the CSC9000T pilot's four stages, then rating and follow-up): who may do what
// is the rules' stage machine; this module records the facts its guards read and scores with scoreAssessment.

const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export interface AssessmentRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  systemId: string;
  systemCode: string;
  systemVersion: string;
  systemNameZh: string;
  systemNameEn: string;
  stage: AssessmentStage;
  title: string | null;
  auditorIds: string[];
  selfDueOn: string | null;
  siteVisitOn: string | null;
  workerInterviews: number;
  documentReviewDone: boolean;
  trialStartedOn: string | null;
  reassessmentDueOn: string | null;
  metrics: Record<string, number>;
  percent: number | null;
  level: string | null;
  worstLevel: boolean;
  ratingWithheld: boolean;
  ratedOn: string | null;
  validUntil: string | null;
  followUpDueOn: string | null;
  cancelReason: string | null;
  openFindings: number;
  openCapItems: number;
  overdueCapItems: number;
  createdAt: string;
  updatedAt: string;
}

export const ASSESSMENT_COLUMNS = `a.id, a.enterprise_id as "enterpriseId", e.name as "enterpriseName", a.system_id as "systemId",
  a.system_code as "systemCode", a.system_version as "systemVersion", s.name_zh as "systemNameZh",
  s.name_en as "systemNameEn", a.stage, a.title, a.auditor_ids::text[] as "auditorIds", a.self_due_on as "selfDueOn",
  a.site_visit_on as "siteVisitOn", a.worker_interviews as "workerInterviews",
  a.document_review_done as "documentReviewDone", a.trial_started_on as "trialStartedOn",
  a.reassessment_due_on as "reassessmentDueOn", a.metrics, a.percent::float8 as percent, a.level,
  a.worst_level as "worstLevel", a.rating_withheld as "ratingWithheld", a.rated_on as "ratedOn",
  a.valid_until as "validUntil", a.follow_up_due_on as "followUpDueOn", a.cancel_reason as "cancelReason",
  (select count(*)::int from evaluation_cap_items c where c.assessment_id = a.id and c.status <> 'closed') as "openFindings",
  (select count(*)::int from evaluation_cap_items c where c.assessment_id = a.id and c.status <> 'closed') as "openCapItems",
  (select count(*)::int from evaluation_cap_items c where c.assessment_id = a.id and c.status in ('open', 'rejected')
     and c.deadline < $TODAY) as "overdueCapItems",
  ${iso("a.created_at")} as "createdAt", ${iso("a.updated_at")} as "updatedAt"`;
export const ASSESSMENT_FROM = `evaluation_assessments a join enterprises e on e.id = a.enterprise_id
  join evaluation_systems s on s.id = a.system_id`;

export function columns(todayParam: string): string {
  return ASSESSMENT_COLUMNS.replace("$TODAY", todayParam);
}

/** An enterprise user's queries carry its enterprise; others see every assessment. */
export function scopeOf(actor: Actor): string | null {
  return actor.role === "enterprise" ? (actor.enterpriseId ?? "00000000-0000-0000-0000-000000000000") : null;
}

/** The assessment as the actor may see it (another enterprise's is NOT_FOUND); `lock` takes a row lock. */
export async function loadAssessment(
  sql: Sql,
  actor: Actor,
  id: string,
  lock = false,
): Promise<AssessmentRow> {
  if (lock) await sql.query("select 1 from evaluation_assessments where id = $1 for update", [id]);
  const [row] = await sql.query<AssessmentRow>(
    `select ${columns("$2::date")} from ${ASSESSMENT_FROM} where a.id = $1`,
    [id, todayInChina()],
  );
  const scope = scopeOf(actor);
  if (!row || (scope !== null && row.enterpriseId !== scope)) throw new AppError("NOT_FOUND");
  return row;
}

/** The actor's part in the stage machine: the association (which runs the programme) and assigned staff audit. */
export function stageRole(actor: Actor, a: Pick<AssessmentRow, "auditorIds">): AssessmentRole | null {
  if (actor.role === "enterprise") return "enterprise";
  if (actor.role === "association" || a.auditorIds.includes(actor.userId)) return "auditor";
  if (actor.role === "regulator") return "regulator";
  if (actor.role === "admin") return "admin";
  return null;
}

export async function systemOf(sql: Sql, systemId: string): Promise<EvaluationSystem> {
  const [row] = await sql.query<{ definition: EvaluationSystem }>(
    "select definition from evaluation_systems where id = $1",
    [systemId],
  );
  if (!row) throw new AppError("NOT_FOUND");
  return row.definition;
}

interface AnswerRow {
  indicatorId: string;
  self: AnswerValue | undefined;
  auditor: AnswerValue | undefined;
  overruleReason: string | null;
}

export async function answersOf(sql: Sql, assessmentId: string): Promise<AnswerRow[]> {
  const rows = await sql.query<{
    indicatorId: string;
    selfValue: { v: AnswerValue } | null;
    auditorValue: { v: AnswerValue } | null;
    overruleReason: string | null;
  }>(
    `select indicator_id as "indicatorId", self_value as "selfValue", auditor_value as "auditorValue",
       overrule_reason as "overruleReason" from evaluation_answers where assessment_id = $1 order by indicator_id`,
    [assessmentId],
  );
  // Values are wrapped ({ v }) so that "not applicable" (null) differs from "no answer" (SQL null).
  return rows.map((r) => ({
    indicatorId: r.indicatorId,
    self: r.selfValue === null ? undefined : r.selfValue.v,
    auditor: r.auditorValue === null ? undefined : r.auditorValue.v,
    overruleReason: r.overruleReason,
  }));
}

export function toAssessmentAnswers(rows: readonly AnswerRow[]): AssessmentAnswers {
  const out: Record<string, { self?: AnswerValue; auditor?: AnswerValue; overruleReason?: string }> = {};
  for (const r of rows) {
    const e: { self?: AnswerValue; auditor?: AnswerValue; overruleReason?: string } = {};
    if (r.self !== undefined) e.self = r.self;
    if (r.auditor !== undefined) e.auditor = r.auditor;
    if (r.overruleReason) e.overruleReason = r.overruleReason;
    out[r.indicatorId] = e;
  }
  return out;
}

/** Every non-computed indicator has a valid self answer (computed ones come from platform data). */
export function selfComplete(system: EvaluationSystem, answers: readonly AnswerRow[]): boolean {
  const byId = new Map(answers.map((a) => [a.indicatorId, a]));
  return allIndicators(system).every(({ indicator }) => {
    if (indicator.type === "computed") return true;
    const a = byId.get(indicator.id);
    return a?.self !== undefined && checkAnswerValue(indicator, a.self).ok;
  });
}

/** Scores the stored answers and keeps the result on the assessment (level provisional until rated). */
export async function rescore(sql: Sql, a: AssessmentRow): Promise<AssessmentScore> {
  const system = await systemOf(sql, a.systemId);
  const result = scoreAssessment(system, toAssessmentAnswers(await answersOf(sql, a.id)), {
    metrics: a.metrics,
  });
  if (!result.ok) throw new AppError("EVALUATION_SYSTEM_INVALID", { count: result.systemIssues.length });
  // Once rated, the level given is the record (the enterprise page, the supervision signals read it): a later labour
  // check or rescore shows the score it would give, but does not change the rating. A new rating is a new assessment.
  if (a.ratedOn !== null) return result;
  const worst = system.rating.levels[system.rating.levels.length - 1]?.id;
  await sql.query(
    `update evaluation_assessments set score = $2::jsonb, scored_at = now(), percent = $3, level = $4,
       worst_level = $5, rating_withheld = $6, updated_at = now() where id = $1`,
    [
      a.id,
      JSON.stringify(result),
      result.overall.percent,
      result.overall.level,
      result.overall.level !== null && result.overall.level === worst,
      result.overall.ratingWithheld,
    ],
  );
  return result;
}

async function stageContext(sql: Sql, a: AssessmentRow, reason?: string): Promise<StageContext> {
  const system = await systemOf(sql, a.systemId);
  const answers = await answersOf(sql, a.id);
  const ctx: StageContext = {
    today: todayInChina(),
    selfAssessmentComplete: selfComplete(system, answers),
    auditorsAssigned: a.auditorIds.length,
    workerInterviews: a.workerInterviews,
    documentReviewDone: a.documentReviewDone,
    openCapItems: a.openCapItems,
  };
  if (a.siteVisitOn) ctx.siteVisitOn = a.siteVisitOn;
  if (a.trialStartedOn) ctx.trialStartedOn = a.trialStartedOn;
  if (reason !== undefined) ctx.reason = reason;
  if (a.stage === "reassessment") {
    const r = scoreAssessment(system, toAssessmentAnswers(answers), { metrics: a.metrics, trace: false });
    if (r.ok) {
      ctx.level = r.overall.level;
      if (r.overall.validityMonths !== undefined) ctx.validityMonths = r.overall.validityMonths;
    }
  }
  return ctx;
}

/** The actions offered to the actor now (blockedBy: the guard's code, to show it disabled with the reason). */
export async function offeredActions(sql: Sql, actor: Actor, a: AssessmentRow): Promise<OfferedAction[]> {
  const role = stageRole(actor, a);
  if (role === null) return [];
  // "cancel" needs a reason the UI asks for: offer it whenever the role may cancel.
  return stageActions(a.stage, role, await stageContext(sql, a, "—"));
}

const REFUSAL_FIELD: Record<string, FieldErrorCode> = { reason_missing: "reason_required" };

function refused(r: StageRefusal, field: string): AppError {
  const code = (REFUSAL_FIELD[r.code] ?? r.code) as FieldErrorCode;
  return new AppError("EVALUATION_STAGE_REFUSED", { reason: r.message }, [
    { field, code, params: { ...r.params, refusal: r.code } },
  ]);
}

/** Move an assessment: by action, or to a target stage (skipping a stage is refused: stage_skipped). */
export async function moveStage(
  db: Db,
  actor: Actor,
  id: string,
  input: { action?: StageAction; to?: AssessmentStage; reason?: string },
): Promise<AssessmentRow> {
  return db.tx(async (sql) => {
    const a = await loadAssessment(sql, actor, id, true);
    const role = stageRole(actor, a);
    if (role === null) throw new AppError("FORBIDDEN");
    if (input.action === undefined && input.to === undefined)
      throw validationError([{ field: "action", code: "required" }]);
    const ctx = await stageContext(sql, a, input.reason);
    const move =
      input.action !== undefined
        ? applyStageAction(a.stage, input.action, role, ctx)
        : moveToStage(a.stage, input.to as AssessmentStage, role, ctx);
    if (!move.ok) throw refused(move, input.action !== undefined ? "action" : "to");
    const sets: string[] = ["stage = $2", "updated_at = now()"];
    const params: unknown[] = [a.id, move.to];
    const set = (col: string, v: unknown) => {
      params.push(v);
      sets.push(`${col} = $${params.length}`);
    };
    if (move.action === "completeInitialAssessment") set("trial_started_on", ctx.today);
    if (move.action === "rate") {
      await rescore(sql, a);
      set("rated_on", ctx.today);
      set("valid_until", move.validUntil ?? null);
      const system = await systemOf(sql, a.systemId);
      const def = system.rating.levels.find((l) => l.id === ctx.level);
      set("follow_up_due_on", def?.followUpMonths ? addMonthsIso(ctx.today, def.followUpMonths) : null);
    }
    if (move.action === "cancel") set("cancel_reason", input.reason?.trim() ?? null);
    await sql.query(`update evaluation_assessments set ${sets.join(", ")} where id = $1`, params);
    await sql.query(
      `insert into evaluation_stage_events (assessment_id, action, from_stage, to_stage, on_date, note, actor_id)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [a.id, move.action, move.from, move.to, ctx.today, input.reason ?? null, actor.userId],
    );
    await writeAudit(sql, actor, {
      action: `evaluation.stage.${move.action}`,
      entityType: "evaluation_assessment",
      entityId: a.id,
      before: { stage: move.from },
      after: { stage: move.to, ...(move.validUntil ? { validUntil: move.validUntil } : {}) },
    });
    return loadAssessment(sql, actor, id);
  });
}

export function addMonthsIso(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

export interface AnswerInput {
  value: AnswerValue;
  overruleReason?: string | undefined;
}

/**
 * Saves answers: the enterprise its self-assessment (stage selfAssessment, its own assessment only), an auditor
 * its values (stages expertInitial and reassessment), with a reason wherever it differs from the self answer.
 * Every answer is checked against its indicator's type; one bad answer refuses them all.
 */
export async function saveAnswers(
  db: Db,
  actor: Actor,
  id: string,
  answers: Record<string, AnswerInput>,
): Promise<AssessmentRow> {
  return db.tx(async (sql) => {
    const a = await loadAssessment(sql, actor, id, true);
    const role = stageRole(actor, a);
    const side = role === "enterprise" ? "self" : role === "auditor" ? "auditor" : null;
    if (side === null) throw new AppError("EVALUATION_NOT_AUDITOR");
    const open: AssessmentStage[] = side === "self" ? ["selfAssessment"] : ["expertInitial", "reassessment"];
    if (!open.includes(a.stage)) throw new AppError("EVALUATION_STAGE_LOCKED", { stage: a.stage });
    const system = await systemOf(sql, a.systemId);
    const index = new Map(allIndicators(system).map(({ indicator }) => [indicator.id, indicator]));
    const stored = new Map((await answersOf(sql, a.id)).map((r) => [r.indicatorId, r]));
    const files = new Set(
      (
        await sql.query<{ id: string }>(
          "select id from attachments where owner_type = 'evaluation_assessment' and owner_id = $1",
          [a.id],
        )
      ).map((r) => r.id),
    );
    const issues: FieldIssue[] = [];
    const entries = Object.entries(answers);
    if (entries.length === 0) throw validationError([{ field: "answers", code: "required" }]);
    for (const [indicatorId, input] of entries) {
      const field = `answers.${indicatorId}`;
      const ind = index.get(indicatorId);
      if (!ind) {
        issues.push({ field, code: "unknown_indicator" });
        continue;
      }
      if (ind.type === "computed" && side === "self") {
        issues.push({
          field: `${field}.value`,
          code: "answer_issue",
          params: { message: `${indicatorId} is computed from platform data (${ind.metric})` },
        });
        continue;
      }
      const c = checkAnswerValue(ind, input.value);
      if (!c.ok) {
        issues.push({
          field: `${field}.value`,
          code: "answer_issue",
          params: { message: c.message, issue: c.code },
        });
        continue;
      }
      if (ind.type === "file" && Array.isArray(c.value)) {
        for (const f of c.value as string[])
          if (!files.has(f)) issues.push({ field: `${field}.value`, code: "file_not_of_assessment" });
      }
      if (side === "auditor") {
        const self = stored.get(indicatorId)?.self;
        const base = ind.type === "computed" ? a.metrics[ind.metric] : self;
        const differs = base !== undefined && !sameAnswer(base, c.value);
        if (differs && !input.overruleReason?.trim())
          issues.push({ field: `${field}.overruleReason`, code: "reason_required" });
      }
    }
    if (issues.length > 0) throw new AppError("EVALUATION_ANSWERS_INVALID", { count: issues.length }, issues);
    const changed: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    for (const [indicatorId, input] of entries) {
      const prev = stored.get(indicatorId);
      const wrapped = JSON.stringify({ v: input.value });
      if (side === "self") {
        await sql.query(
          `insert into evaluation_answers (assessment_id, indicator_id, self_value, self_by, self_at)
           values ($1, $2, $3::jsonb, $4, now())
           on conflict (assessment_id, indicator_id) do update set self_value = excluded.self_value,
             self_by = excluded.self_by, self_at = excluded.self_at`,
          [a.id, indicatorId, wrapped, actor.userId],
        );
        before[indicatorId] = prev?.self ?? null;
      } else {
        await sql.query(
          `insert into evaluation_answers (assessment_id, indicator_id, auditor_value, overrule_reason, auditor_by, auditor_at)
           values ($1, $2, $3::jsonb, $4, $5, now())
           on conflict (assessment_id, indicator_id) do update set auditor_value = excluded.auditor_value,
             overrule_reason = excluded.overrule_reason, auditor_by = excluded.auditor_by, auditor_at = excluded.auditor_at`,
          [a.id, indicatorId, wrapped, input.overruleReason?.trim() || null, actor.userId],
        );
        before[indicatorId] = prev?.auditor ?? null;
      }
      changed[indicatorId] = input.value;
    }
    await writeAudit(sql, actor, {
      action: side === "self" ? "evaluation.answer.self" : "evaluation.answer.auditor",
      entityType: "evaluation_assessment",
      entityId: a.id,
      before,
      after: changed,
    });
    await rescore(sql, a);
    return loadAssessment(sql, actor, id);
  });
}

export interface AssessmentCreate {
  enterpriseId: string;
  systemId: string;
  title?: string | undefined;
  auditorIds?: string[] | undefined;
  selfDueOn?: string | undefined;
}

/** Creates an assessment in stage draft, on a published system version. */
export async function createAssessment(
  db: Db,
  actor: Actor,
  input: AssessmentCreate,
): Promise<AssessmentRow> {
  return db.tx(async (sql) => {
    await ensureShippedSystems(sql);
    const [enterprise] = await sql.query("select 1 from enterprises where id = $1", [input.enterpriseId]);
    if (!enterprise) throw validationError([{ field: "enterpriseId", code: "enterprise_unknown" }]);
    const [system] = await sql.query<{ code: string; version: string; status: string }>(
      "select code, version, status from evaluation_systems where id = $1",
      [input.systemId],
    );
    if (!system) throw validationError([{ field: "systemId", code: "not_allowed" }]);
    if (system.status !== "published") throw new AppError("EVALUATION_SYSTEM_NOT_PUBLISHED");
    const auditors = await checkAuditors(sql, input.auditorIds ?? []);
    const [row] = await sql.query<{ id: string }>(
      `insert into evaluation_assessments (enterprise_id, system_id, system_code, system_version, stage, title,
         auditor_ids, self_due_on, created_by)
       values ($1, $2, $3, $4, 'draft', $5, $6::uuid[], $7, $8) returning id`,
      [
        input.enterpriseId,
        input.systemId,
        system.code,
        system.version,
        input.title ?? null,
        auditors,
        input.selfDueOn ?? null,
        actor.userId,
      ],
    );
    const id = (row as { id: string }).id;
    await writeAudit(sql, actor, {
      action: "evaluation.create",
      entityType: "evaluation_assessment",
      entityId: id,
      after: {
        enterpriseId: input.enterpriseId,
        system: `${system.code} ${system.version}`,
        auditorIds: auditors,
      },
    });
    return loadAssessment(sql, actor, id);
  });
}

async function checkAuditors(sql: Sql, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await sql.query<{ id: string }>(
    "select id from users where id = any($1::uuid[]) and role <> 'enterprise' and not disabled",
    [unique],
  );
  if (found.length !== unique.length)
    throw validationError([{ field: "auditorIds", code: "auditor_unknown" }]);
  return unique;
}

export interface AssessmentPatch {
  title?: string | null | undefined;
  auditorIds?: string[] | undefined;
  selfDueOn?: string | null | undefined;
  siteVisitOn?: string | null | undefined;
  workerInterviews?: number | undefined;
  documentReviewDone?: boolean | undefined;
  reassessmentDueOn?: string | null | undefined;
}

/** The facts of the expert assessment (visit, interviews, review) and the bookings; auditors and the authority. */
export async function patchAssessment(
  db: Db,
  actor: Actor,
  id: string,
  patch: AssessmentPatch,
): Promise<AssessmentRow> {
  return db.tx(async (sql) => {
    const a = await loadAssessment(sql, actor, id, true);
    if (a.stage === "closed" || a.stage === "cancelled")
      throw new AppError("EVALUATION_STAGE_LOCKED", { stage: a.stage });
    const today = todayInChina();
    const issues: FieldIssue[] = [];
    if (patch.siteVisitOn && patch.siteVisitOn > today)
      issues.push({ field: "siteVisitOn", code: "out_of_range" });
    const visit = patch.siteVisitOn === undefined ? a.siteVisitOn : patch.siteVisitOn;
    if (visit && a.trialStartedOn && visit > a.trialStartedOn)
      issues.push({ field: "siteVisitOn", code: "date_order" });
    const due = patch.reassessmentDueOn === undefined ? a.reassessmentDueOn : patch.reassessmentDueOn;
    if (due && visit && due < visit) issues.push({ field: "reassessmentDueOn", code: "date_order" });
    if (issues.length > 0) throw validationError(issues);
    const cols: Record<keyof AssessmentPatch, string> = {
      title: "title",
      auditorIds: "auditor_ids",
      selfDueOn: "self_due_on",
      siteVisitOn: "site_visit_on",
      workerInterviews: "worker_interviews",
      documentReviewDone: "document_review_done",
      reassessmentDueOn: "reassessment_due_on",
    };
    const sets: string[] = [];
    const params: unknown[] = [a.id];
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [k, col] of Object.entries(cols) as [keyof AssessmentPatch, string][]) {
      let v = patch[k];
      if (v === undefined) continue;
      if (k === "auditorIds") v = await checkAuditors(sql, v as string[]);
      params.push(v);
      sets.push(`${col} = $${params.length}${k === "auditorIds" ? "::uuid[]" : ""}`);
      before[k] = a[k];
      after[k] = v;
    }
    if (sets.length === 0) throw validationError([{ field: "body", code: "required" }]);
    await sql.query(
      `update evaluation_assessments set ${sets.join(", ")}, updated_at = now() where id = $1`,
      params,
    );
    await writeAudit(sql, actor, {
      action: "evaluation.update",
      entityType: "evaluation_assessment",
      entityId: a.id,
      before,
      after,
    });
    return loadAssessment(sql, actor, id);
  });
}

export interface AssessmentListQuery {
  page: number;
  pageSize: number;
  enterpriseId?: string | undefined;
  stage?: AssessmentStage | undefined;
  systemCode?: string | undefined;
}

export async function listAssessments(
  db: Db,
  actor: Actor,
  q: AssessmentListQuery,
): Promise<{ items: AssessmentRow[]; total: number; page: number; pageSize: number }> {
  const where: string[] = [];
  const params: unknown[] = [todayInChina()];
  const add = (cond: string, v: unknown) => {
    params.push(v);
    where.push(cond.replace("?", `$${params.length}`));
  };
  const scope = scopeOf(actor);
  if (scope !== null) add("a.enterprise_id = ?", scope);
  if (q.enterpriseId) add("a.enterprise_id = ?", q.enterpriseId);
  if (q.stage) add("a.stage = ?", q.stage);
  if (q.systemCode) add("a.system_code = ?", q.systemCode);
  const w = where.length > 0 ? `where ${where.join(" and ")}` : "";
  const [count] = await db.query<{ n: number }>(
    `select count(*)::int as n from evaluation_assessments a ${w}`.replace(
      /\$(\d+)/g,
      (_, n) => `$${Number(n) - 1}`,
    ),
    params.slice(1),
  );
  const items = await db.query<AssessmentRow>(
    `select ${columns("$1::date")} from ${ASSESSMENT_FROM} ${w}
     order by a.updated_at desc, a.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
