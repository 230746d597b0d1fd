import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue, validationError } from "../../platform/errors.ts";
import { ruleSetInForce, todayInChina } from "../supervision/context.ts";
import type { AssessmentPut, OverridePut } from "./schemas.ts";
import { hasAssessment, reclassifyEnterpriseIn } from "./service.ts";

// The regulator's hand on a class: the Decree 113 checklist scores, and a manual override with a reason and an
// expiry date.

/** How far ahead an override may run: long enough for a cycle of review, short enough to be looked at again. */
export const OVERRIDE_MAX_YEARS = 3;

async function assertEnterprise(sql: Sql, enterpriseId: string): Promise<void> {
  const [found] = await sql.query("select 1 from enterprises where id = $1", [enterpriseId]);
  if (!found) throw new AppError("NOT_FOUND");
}

/** YYYY-MM-DD plus whole years (29 February runs on to 1 March). */
export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export async function saveAssessment(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  input: AssessmentPut,
  today: string = todayInChina(),
) {
  return db.tx(async (sql) => {
    await assertEnterprise(sql, enterpriseId);
    const rs = await ruleSetInForce(sql);
    const issues: FieldIssue[] = [];
    const elements = new Map(rs.rules.elements.map((e) => [e.id as string, e]));
    for (const [id, el] of elements) {
      const score = input.scores[id];
      if (score === undefined) issues.push({ field: `scores.${id}`, code: "required" });
      else if (score < 0 || score > el.maxScore)
        issues.push({ field: `scores.${id}`, code: "assessment_score_range", params: { max: el.maxScore } });
    }
    for (const id of Object.keys(input.scores))
      if (!elements.has(id)) issues.push({ field: `scores.${id}`, code: "assessment_element_unknown" });
    if (input.assessedOn > today) issues.push({ field: "assessedOn", code: "date_in_future" });
    if (issues.length > 0) throw validationError(issues);

    // Stored in the rule set's element order, so the JSON reads like the checklist.
    const scores = Object.fromEntries([...elements.keys()].map((id) => [id, input.scores[id] as number]));
    const [row] = await sql.query<{ id: string }>(
      `insert into enterprise_assessments (enterprise_id, scores, assessed_on, assessed_by, note)
       values ($1, $2::jsonb, $3, $4, $5) returning id`,
      [enterpriseId, JSON.stringify(scores), input.assessedOn, actor.userId, input.note ?? null],
    );
    if (!row) throw new Error("insert returned no row");
    await writeAudit(sql, actor, {
      action: "enterprise_assessment.create",
      entityType: "enterprise_class",
      entityId: enterpriseId,
      after: { scores, assessedOn: input.assessedOn, note: input.note ?? null, ruleSetVersion: rs.version },
    });
    return { id: row.id, scores, assessedOn: input.assessedOn, note: input.note ?? null };
  });
}

/**
 * A fresh decision (trigger "override") so the history shows the override with its trace — when the enterprise
 * has a checklist that fits the rule set in force; otherwise the override stands on its own columns.
 */
async function recordInHistory(sql: Sql, actor: Actor, enterpriseId: string, today: string): Promise<void> {
  if (!(await hasAssessment(sql, enterpriseId))) return;
  try {
    await reclassifyEnterpriseIn(sql, actor, enterpriseId, "override", today);
  } catch (err) {
    // Thrown before anything is written, so the transaction stays usable.
    if (!(err instanceof AppError && err.code === "ASSESSMENT_NOT_APPLICABLE")) throw err;
  }
}

interface OverrideRow {
  class: string | null;
  reason: string | null;
  expiresOn: string | null;
}

async function currentOverride(sql: Sql, enterpriseId: string): Promise<OverrideRow | null> {
  const [row] = await sql.query<OverrideRow>(
    `select override_class as class, override_reason as reason, override_expires_on as "expiresOn"
     from enterprise_supervision where enterprise_id = $1 for update`,
    [enterpriseId],
  );
  return row?.class ? row : null;
}

/**
 * Sets a manual class until `expiresOn` (after today, at most OVERRIDE_MAX_YEARS ahead). When the enterprise has
 * a checklist, a fresh decision (trigger "override") records the override in the history with its trace.
 */
export async function setOverride(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  input: OverridePut,
  today: string = todayInChina(),
): Promise<void> {
  const limit = addYears(today, OVERRIDE_MAX_YEARS);
  const issues: FieldIssue[] = [];
  if (input.expiresOn <= today) issues.push({ field: "expiresOn", code: "override_expiry_past" });
  else if (input.expiresOn > limit)
    issues.push({ field: "expiresOn", code: "override_expiry_too_far", params: { limit } });
  if (issues.length > 0) throw validationError(issues);
  const reason = input.reason.trim();

  await db.tx(async (sql) => {
    await assertEnterprise(sql, enterpriseId);
    const before = await currentOverride(sql, enterpriseId);
    await sql.query(
      `insert into enterprise_supervision (enterprise_id, override_class, override_reason, override_expires_on,
         override_by, updated_at)
       values ($1, $2, $3, $4, $5, now())
       on conflict (enterprise_id) do update set override_class = excluded.override_class,
         override_reason = excluded.override_reason, override_expires_on = excluded.override_expires_on,
         override_by = excluded.override_by, updated_at = now()`,
      [enterpriseId, input.class, reason, input.expiresOn, actor.userId],
    );
    await writeAudit(sql, actor, {
      action: "enterprise_class.override",
      entityType: "enterprise_class",
      entityId: enterpriseId,
      before: before ? { override: before } : { override: null },
      after: { override: { class: input.class, reason, expiresOn: input.expiresOn } },
    });
    await recordInHistory(sql, actor, enterpriseId, today);
  });
}

/** Ends a manual class now; OVERRIDE_NONE when there is none. */
export async function removeOverride(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  today: string = todayInChina(),
): Promise<void> {
  await db.tx(async (sql) => {
    await assertEnterprise(sql, enterpriseId);
    const before = await currentOverride(sql, enterpriseId);
    if (!before) throw new AppError("OVERRIDE_NONE");
    await sql.query(
      `update enterprise_supervision set override_class = null, override_reason = null,
         override_expires_on = null, override_by = null, updated_at = now()
       where enterprise_id = $1`,
      [enterpriseId],
    );
    await writeAudit(sql, actor, {
      action: "enterprise_class.override_remove",
      entityType: "enterprise_class",
      entityId: enterpriseId,
      before: { override: before },
      after: { override: null },
    });
    await recordInHistory(sql, actor, enterpriseId, today);
  });
}
