import {
  applyCapAction,
  type CapAction,
  type CapContext,
  type CapStatus,
  capAllowedActions,
  capDeadlineState,
  type LabourRuleId,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldErrorCode, validationError } from "../../platform/errors.ts";
import type { LabourCheckResult } from "../labour/check.ts";
import { LABOUR_RULE_NAMES } from "../labour/describe.ts";
import { checkTimesheetSource, type TimesheetSource } from "../labour/service.ts";
import { storeMonthlyLabour } from "../labour/trends.ts";
import { todayInChina } from "../supervision/context.ts";
import { addMonthsIso, loadAssessment, rescore, scopeOf, stageRole, systemOf } from "./assessments.ts";

// Findings of an assessment and their corrective action plan (CAP) items: every finding gets one item, moved by the
// rules' CAP machine (the enterprise answers, the auditor accepts or rejects, verifies; then it is closed).

const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Days the enterprise has to answer: 7 for a zero-tolerance breach, 30 otherwise (an assumption, unverified). */
export const CAP_DAYS = { zeroTolerance: 7, high: 30, medium: 30, low: 60 } as const;

export interface FindingRow {
  id: string;
  assessmentId: string;
  enterpriseId: string;
  enterpriseName: string;
  source: "manual" | "labour";
  sectionId: string | null;
  indicatorId: string | null;
  labourRule: string | null;
  severity: "low" | "medium" | "high";
  zeroTolerance: boolean;
  title: string;
  detail: string | null;
  workerIds: string[];
  periods: string[];
  foundOn: string;
  createdAt: string;
  cap: CapItemRow;
}

export interface CapItemRow {
  id: string;
  status: CapStatus;
  ownerName: string | null;
  deadline: string;
  evidenceRequired: boolean;
  rootCause: string | null;
  correctiveAction: string | null;
  auditorComment: string | null;
  verificationNote: string | null;
  evidenceFiles: number;
  daysLeft: number;
  overdue: boolean;
  /** Actions the current actor may take now. */
  actions: CapAction[];
}

const FINDING_SELECT = `select f.id, f.assessment_id as "assessmentId", f.enterprise_id as "enterpriseId",
    e.name as "enterpriseName", f.source, f.section_id as "sectionId", f.indicator_id as "indicatorId",
    f.labour_rule as "labourRule", f.severity, f.zero_tolerance as "zeroTolerance", f.title, f.detail,
    f.worker_ids as "workerIds", f.periods, f.found_on as "foundOn", ${iso("f.created_at")} as "createdAt",
    c.id as "capId", c.status, c.owner_name as "ownerName", c.deadline, c.evidence_required as "evidenceRequired",
    c.root_cause as "rootCause", c.corrective_action as "correctiveAction", c.auditor_comment as "auditorComment",
    c.verification_note as "verificationNote", a.auditor_ids::text[] as "auditorIds",
    (select count(*)::int from attachments t where t.owner_type = 'evaluation_cap' and t.owner_id = c.id) as "evidenceFiles"
  from evaluation_findings f join evaluation_cap_items c on c.finding_id = f.id
  join evaluation_assessments a on a.id = f.assessment_id join enterprises e on e.id = f.enterprise_id`;

type RawFinding = Omit<FindingRow, "cap"> &
  Omit<CapItemRow, "id" | "daysLeft" | "overdue" | "actions"> & { capId: string; auditorIds: string[] };

function shape(actor: Actor, r: RawFinding, today: string): FindingRow {
  const state = capDeadlineState({ status: r.status, deadline: r.deadline }, today);
  const role = stageRole(actor, { auditorIds: r.auditorIds });
  const ctx: CapContext = {
    rootCause: "x",
    correctiveAction: "x",
    comment: "x",
    verificationNote: "x",
    evidenceFiles: r.evidenceFiles,
    evidenceRequired: r.evidenceRequired,
  };
  return {
    id: r.id,
    assessmentId: r.assessmentId,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    source: r.source,
    sectionId: r.sectionId,
    indicatorId: r.indicatorId,
    labourRule: r.labourRule,
    severity: r.severity,
    zeroTolerance: r.zeroTolerance,
    title: r.title,
    detail: r.detail,
    workerIds: r.workerIds,
    periods: r.periods,
    foundOn: r.foundOn,
    createdAt: r.createdAt,
    cap: {
      id: r.capId,
      status: r.status,
      ownerName: r.ownerName,
      deadline: r.deadline,
      evidenceRequired: r.evidenceRequired,
      rootCause: r.rootCause,
      correctiveAction: r.correctiveAction,
      auditorComment: r.auditorComment,
      verificationNote: r.verificationNote,
      evidenceFiles: r.evidenceFiles,
      daysLeft: state.ok ? state.daysLeft : 0,
      overdue: state.ok ? state.overdue : false,
      // Text fields are asked for with the action; only the evidence guard is known in advance.
      actions: role === null ? [] : capAllowedActions(r.status, role, ctx),
    },
  };
}

export async function findingsOf(sql: Sql, actor: Actor, assessmentId: string): Promise<FindingRow[]> {
  const rows = await sql.query<RawFinding>(
    `${FINDING_SELECT} where f.assessment_id = $1 order by f.created_at, f.id`,
    [assessmentId],
  );
  const today = todayInChina();
  return rows.map((r) => shape(actor, r, today));
}

async function findingById(sql: Sql, actor: Actor, id: string): Promise<FindingRow> {
  const [r] = await sql.query<RawFinding>(`${FINDING_SELECT} where f.id = $1`, [id]);
  const scope = scopeOf(actor);
  if (!r || (scope !== null && r.enterpriseId !== scope)) throw new AppError("NOT_FOUND");
  return shape(actor, r, todayInChina());
}

/** Stages in which the auditor records findings. */
const FINDING_STAGES = ["expertInitial", "trainingTrial", "reassessment", "rated", "followUp"];

export interface FindingCreate {
  title: string;
  detail?: string | undefined;
  severity: "low" | "medium" | "high";
  sectionId?: string | undefined;
  indicatorId?: string | undefined;
  zeroTolerance?: boolean | undefined;
  deadline?: string | undefined;
  evidenceRequired?: boolean | undefined;
}

async function insertFinding(
  sql: Sql,
  actor: Actor,
  a: { id: string; enterpriseId: string },
  f: FindingCreate & {
    source: "manual" | "labour";
    labourRule?: string;
    workerIds?: string[];
    periods?: string[];
  },
  today: string,
): Promise<string> {
  const deadline =
    f.deadline ?? addDays(today, f.zeroTolerance ? CAP_DAYS.zeroTolerance : CAP_DAYS[f.severity]);
  const [row] = await sql.query<{ id: string }>(
    `insert into evaluation_findings (assessment_id, enterprise_id, source, section_id, indicator_id, labour_rule,
       severity, zero_tolerance, title, detail, worker_ids, periods, found_on, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
    [
      a.id,
      a.enterpriseId,
      f.source,
      f.sectionId ?? null,
      f.indicatorId ?? null,
      f.labourRule ?? null,
      f.severity,
      f.zeroTolerance ?? false,
      f.title,
      f.detail ?? null,
      f.workerIds ?? [],
      f.periods ?? [],
      today,
      actor.userId,
    ],
  );
  const id = (row as { id: string }).id;
  await sql.query(
    `insert into evaluation_cap_items (finding_id, assessment_id, enterprise_id, deadline, evidence_required)
     values ($1, $2, $3, $4, $5)`,
    [id, a.id, a.enterpriseId, deadline, f.evidenceRequired ?? false],
  );
  await writeAudit(sql, actor, {
    action: "evaluation.finding.create",
    entityType: "evaluation_assessment",
    entityId: a.id,
    after: {
      findingId: id,
      source: f.source,
      title: f.title,
      severity: f.severity,
      deadline,
      rule: f.labourRule,
    },
  });
  return id;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function requireAuditor(actor: Actor, a: { auditorIds: string[] }): void {
  if (stageRole(actor, a) !== "auditor") throw new AppError("EVALUATION_NOT_AUDITOR");
}

export async function createFinding(db: Db, actor: Actor, assessmentId: string, input: FindingCreate) {
  return db.tx(async (sql) => {
    const a = await loadAssessment(sql, actor, assessmentId, true);
    requireAuditor(actor, a);
    if (!FINDING_STAGES.includes(a.stage)) throw new AppError("EVALUATION_STAGE_LOCKED", { stage: a.stage });
    const today = todayInChina();
    if (input.deadline && input.deadline < today)
      throw validationError([{ field: "deadline", code: "date_order" }]);
    const id = await insertFinding(sql, actor, a, { ...input, source: "manual" }, today);
    return findingById(sql, actor, id);
  });
}

const WORKER_LIST_MAX = 500;
/** The check's own findings in the response, as POST /api/v1/labour/check's default. */
const CHECK_FINDINGS_RETURNED = 2000;

/** The element of a CSC9000T-style system a labour breach belongs to (left empty when the system lacks it). */
const LABOUR_SECTION: Record<LabourRuleId, string> = {
  weekly_hours: "workingHours",
  daily_overtime: "workingHours",
  monthly_overtime: "workingHours",
  rest_day: "workingHours",
  overtime_pay_workday: "wages",
  overtime_pay_rest_day: "wages",
  overtime_pay_holiday: "wages",
  minimum_wage: "wages",
  social_insurance: "wages",
};

/**
 * A labour check run inside an assessment: its metrics feed the computed indicators, and each rule breached becomes
 * one finding (with the workers and periods concerned, at most 500 of each) and so one CAP item. The timesheet's
 * months are kept for the enterprise's trends, replacing those months of an earlier check.
 */
export async function labourCheckInAssessment(
  db: Db,
  actor: Actor,
  assessmentId: string,
  source: TimesheetSource,
  county: string,
): Promise<{ check: LabourCheckResult; findings: FindingRow[] }> {
  // Scope and role first, before reading a large file.
  const a0 = await loadAssessment(db, actor, assessmentId);
  requireAuditor(actor, a0);
  if (!FINDING_STAGES.includes(a0.stage)) throw new AppError("EVALUATION_STAGE_LOCKED", { stage: a0.stage });
  // Every finding is grouped by rule as the check goes; only the first ones are kept with their texts.
  const byRule = new Map<LabourRuleId, { workers: Set<string>; periods: Set<string>; severity: string }>();
  const check = await checkTimesheetSource(source, county, CHECK_FINDINGS_RETURNED, (f) => {
    let g = byRule.get(f.rule);
    if (!g) {
      g = { workers: new Set(), periods: new Set(), severity: f.severity };
      byRule.set(f.rule, g);
    }
    if (g.workers.size < WORKER_LIST_MAX) g.workers.add(f.workerId);
    if (g.periods.size < WORKER_LIST_MAX) g.periods.add(f.period);
  });
  return db.tx(async (sql) => {
    const a = await loadAssessment(sql, actor, assessmentId, true);
    const today = todayInChina();
    const sections = new Set((await systemOf(sql, a.systemId)).sections.map((x) => x.id));
    const ids: string[] = [];
    for (const r of check.byRule) {
      const g = byRule.get(r.rule as LabourRuleId);
      if (!g || r.findings === 0) continue;
      const name = LABOUR_RULE_NAMES[r.rule as LabourRuleId];
      ids.push(
        await insertFinding(
          sql,
          actor,
          a,
          {
            source: "labour",
            labourRule: r.rule,
            title: `${name.zh}（${name.en}）`,
            detail: `${r.findings} 处 / ${r.workers} 名员工（${r.findings} breaches, ${r.workers} workers), ${check.from} – ${check.to}`,
            severity: g.severity as "low" | "medium" | "high",
            sectionId: sections.has(LABOUR_SECTION[r.rule as LabourRuleId])
              ? LABOUR_SECTION[r.rule as LabourRuleId]
              : undefined,
            workerIds: [...g.workers],
            periods: [...g.periods].sort(),
          },
          today,
        ),
      );
    }
    const metrics = { ...a.metrics, ...check.metrics };
    await sql.query(
      "update evaluation_assessments set metrics = $2::jsonb, updated_at = now() where id = $1",
      [a.id, JSON.stringify(metrics)],
    );
    await writeAudit(sql, actor, {
      action: "evaluation.labour_check",
      entityType: "evaluation_assessment",
      entityId: a.id,
      after: {
        rows: check.rows,
        workers: check.workers,
        findings: check.totalFindings,
        created: ids.length,
        metrics: check.metrics,
        months: check.monthly.map((m) => m.month),
      },
    });
    await storeMonthlyLabour(
      sql,
      { enterpriseId: a.enterpriseId, assessmentId: a.id, source: "check", checkedBy: actor.userId },
      check.monthly,
    );
    await rescore(sql, { ...a, metrics });
    const findings = await findingsOf(sql, actor, a.id);
    return { check, findings: findings.filter((f) => ids.includes(f.id)) };
  });
}

export interface CapActionInput {
  action: CapAction;
  rootCause?: string | undefined;
  correctiveAction?: string | undefined;
  ownerName?: string | undefined;
  comment?: string | undefined;
  verificationNote?: string | undefined;
}

const CAP_FIELD: Record<string, { field: string; code: FieldErrorCode }> = {
  root_cause_missing: { field: "rootCause", code: "root_cause_missing" },
  corrective_action_missing: { field: "correctiveAction", code: "corrective_action_missing" },
  evidence_missing: { field: "evidence", code: "evidence_missing" },
  comment_missing: { field: "comment", code: "comment_missing" },
  verification_missing: { field: "verificationNote", code: "verification_missing" },
  cap_closed: { field: "action", code: "cap_closed" },
  action_not_allowed_in_status: { field: "action", code: "action_not_allowed_in_status" },
  role_not_allowed: { field: "action", code: "role_not_allowed" },
};

/** One step of a CAP item; the enterprise answers its own items only, the assessment's auditors decide. */
export async function capStep(
  db: Db,
  actor: Actor,
  capId: string,
  input: CapActionInput,
): Promise<FindingRow> {
  return db.tx(async (sql) => {
    const [item] = await sql.query<{ findingId: string; status: CapStatus; enterpriseId: string }>(
      `select finding_id as "findingId", status, enterprise_id as "enterpriseId" from evaluation_cap_items
        where id = $1 for update`,
      [capId],
    );
    const scope = scopeOf(actor);
    if (!item || (scope !== null && item.enterpriseId !== scope)) throw new AppError("NOT_FOUND");
    const f = await findingById(sql, actor, item.findingId);
    const [a] = await sql.query<{ auditorIds: string[] }>(
      `select auditor_ids::text[] as "auditorIds" from evaluation_assessments where id = $1`,
      [f.assessmentId],
    );
    const role = stageRole(actor, a as { auditorIds: string[] });
    if (role === null) throw new AppError("FORBIDDEN");
    const ctx: CapContext = {
      evidenceFiles: f.cap.evidenceFiles,
      evidenceRequired: f.cap.evidenceRequired,
    };
    if (input.rootCause !== undefined) ctx.rootCause = input.rootCause;
    if (input.correctiveAction !== undefined) ctx.correctiveAction = input.correctiveAction;
    if (input.comment !== undefined) ctx.comment = input.comment;
    if (input.verificationNote !== undefined) ctx.verificationNote = input.verificationNote;
    const move = applyCapAction(item.status, input.action, role, ctx);
    if (!move.ok) {
      const fe = CAP_FIELD[move.code] ?? { field: "action", code: "not_allowed" as FieldErrorCode };
      throw new AppError("EVALUATION_CAP_REFUSED", { reason: move.message }, [
        { field: fe.field, code: fe.code, params: { refusal: move.code } },
      ]);
    }
    const sets = ["status = $2", "updated_at = now()"];
    const params: unknown[] = [capId, move.to];
    const set = (col: string, v: unknown) => {
      params.push(v);
      sets.push(`${col} = $${params.length}`);
    };
    if (input.action === "submit") {
      set("root_cause", input.rootCause?.trim());
      set("corrective_action", input.correctiveAction?.trim());
      if (input.ownerName !== undefined) set("owner_name", input.ownerName.trim() || null);
    }
    if (input.action === "reject" || input.action === "accept")
      set("auditor_comment", input.comment?.trim() || null);
    if (input.action === "verify") set("verification_note", input.verificationNote?.trim());
    await sql.query(`update evaluation_cap_items set ${sets.join(", ")} where id = $1`, params);
    const comment = input.comment ?? input.verificationNote ?? input.correctiveAction ?? null;
    await sql.query(
      `insert into evaluation_cap_events (cap_item_id, action, from_status, to_status, comment, actor_id)
       values ($1, $2, $3, $4, $5, $6)`,
      [capId, move.action, move.from, move.to, comment, actor.userId],
    );
    await writeAudit(sql, actor, {
      action: `evaluation.cap.${move.action}`,
      entityType: "evaluation_cap_item",
      entityId: capId,
      before: { status: move.from },
      after: { status: move.to, ...(comment ? { comment } : {}) },
    });
    return findingById(sql, actor, item.findingId);
  });
}

/** CAP items past their deadline that the enterprise still owes (open or rejected), most overdue first. */
export async function overdueCapItems(
  db: Db,
  actor: Actor,
  q: { page: number; pageSize: number },
): Promise<{ items: FindingRow[]; total: number; page: number; pageSize: number }> {
  const today = todayInChina();
  const scope = scopeOf(actor);
  const params: unknown[] = [today];
  let w = "c.status in ('open', 'rejected') and c.deadline < $1";
  if (scope !== null) {
    params.push(scope);
    w += " and c.enterprise_id = $2";
  }
  const [n] = await db.query<{ n: number }>(
    `select count(*)::int as n from evaluation_cap_items c where ${w}`,
    params,
  );
  const rows = await db.query<RawFinding>(
    `${FINDING_SELECT} where ${w} order by c.deadline, c.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return {
    items: rows.map((r) => shape(actor, r, today)),
    total: n?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Supervision signals for the classification rules: per enterprise, zero-tolerance findings found in the last
 * `windowMonths` months, and ratings given at a system's worst level (E in the BSCI-style system) in that window.
 */
export async function evaluationSignals(
  sql: Sql,
  enterpriseIds: readonly string[],
  windowMonths: number,
  today: string = todayInChina(),
): Promise<Map<string, { zeroToleranceFindings: number; evaluationRatingE: number }>> {
  const out = new Map<string, { zeroToleranceFindings: number; evaluationRatingE: number }>();
  for (const id of enterpriseIds) out.set(id, { zeroToleranceFindings: 0, evaluationRatingE: 0 });
  if (enterpriseIds.length === 0) return out;
  const from = addMonthsIso(today, -windowMonths);
  const rows = await sql.query<{ enterpriseId: string; zt: number; e: number }>(
    `select x.id as "enterpriseId",
       (select count(*)::int from evaluation_findings f
         where f.enterprise_id = x.id and f.zero_tolerance and f.found_on > $2 and f.found_on <= $3) as zt,
       (select count(*)::int from evaluation_assessments a
         where a.enterprise_id = x.id and a.worst_level and a.rated_on > $2 and a.rated_on <= $3) as e
     from unnest($1::uuid[]) as x(id)`,
    [enterpriseIds, from, today],
  );
  for (const r of rows) out.set(r.enterpriseId, { zeroToleranceFindings: r.zt, evaluationRatingE: r.e });
  return out;
}
