import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { productCategory, todayInChina } from "../supervision/context.ts";
import { STATUS_TEXT } from "./errors.ts";
import { EXEMPTION_VALIDITY_YEARS } from "./exemption-criteria.ts";
import { type ExemptionEvidence, evaluateExemption, unmetCriteria } from "./exemption-evidence.ts";
import {
  enterpriseOfField,
  findEnterprise,
  isoTimestamp,
  isUniqueViolation,
  requiredText,
  scopedEnterprise,
} from "./shared.ts";

// Inspection exemption (免验) applications: filed with the evidence computed at that moment, decided by the
// authority on the evidence computed again at decision time. The lots module reads approved, unexpired rows
// (status, valid_from, valid_to) when it decides a declaration.

export type ExemptionStatus = "submitted" | "approved" | "rejected" | "revoked";

export interface ExemptionApplication {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  productCategory: string;
  productCategoryNameZh: string;
  productCategoryNameEn: string;
  status: ExemptionStatus;
  criteriaMet: boolean;
  statement: string | null;
  appliedByName: string | null;
  appliedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  overrideReason: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Approved but past valid_to. */
  expired: boolean;
  revokedAt: string | null;
  revokeReason: string | null;
}

export interface ExemptionDetail extends ExemptionApplication {
  evidence: ExemptionEvidence;
  decisionEvidence: ExemptionEvidence | null;
}

const columns = (
  today: string,
) => `a.id, a.enterprise_id as "enterpriseId", e.name as "enterpriseName", e.uscc,
  a.product_category as "productCategory", pc.name_zh as "productCategoryNameZh",
  pc.name_en as "productCategoryNameEn", a.status, a.criteria_met as "criteriaMet", a.statement,
  ua.display_name as "appliedByName", ${isoTimestamp("a.applied_at")} as "appliedAt",
  ud.display_name as "decidedByName", ${isoTimestamp("a.decided_at")} as "decidedAt",
  a.decision_note as "decisionNote", a.override_reason as "overrideReason", a.valid_from as "validFrom",
  a.valid_to as "validTo", (a.status = 'approved' and a.valid_to < ${today}::date) as expired,
  ${isoTimestamp("a.revoked_at")} as "revokedAt", a.revoke_reason as "revokeReason"`;

const FROM = `exemption_applications a
  join enterprises e on e.id = a.enterprise_id
  join product_categories pc on pc.code = a.product_category
  left join users ua on ua.id = a.applied_by
  left join users ud on ud.id = a.decided_by`;

// ---------------------------------------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------------------------------------

/** The criteria evaluated now for an enterprise × category; an enterprise user may ask only for its own. */
export async function currentEvidence(
  db: Db,
  actor: Actor,
  q: { enterpriseId?: string; productCategory: string },
): Promise<ExemptionEvidence> {
  const enterpriseId = scopedEnterprise(actor, q.enterpriseId, "read");
  if (!enterpriseId) throw validationError([{ field: "enterpriseId", code: "required" }]);
  const enterprise = await findEnterprise(db, enterpriseId);
  if (!enterprise) throw new AppError("NOT_FOUND");
  const category = await productCategory(db, q.productCategory);
  return evaluateExemption(db, enterprise, category, todayInChina());
}

// ---------------------------------------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------------------------------------

export async function getApplication(sql: Sql, actor: Actor, id: string): Promise<ExemptionDetail> {
  const params: unknown[] = [todayInChina(), id];
  let scope = "";
  if (actor.role === "enterprise") {
    params.push(actor.enterpriseId);
    scope = "and a.enterprise_id = $3";
  }
  const [row] = await sql.query<ExemptionDetail>(
    `select ${columns("$1")}, a.evidence, a.decision_evidence as "decisionEvidence"
       from ${FROM} where a.id = $2 ${scope}`,
    params,
  );
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export interface ApplicationFilters {
  status?: ExemptionStatus;
  productCategory?: string;
  enterpriseId?: string;
  page: number;
  pageSize: number;
}

export async function listApplications(sql: Sql, actor: Actor, f: ApplicationFilters) {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  // An enterprise user's list is its own, whatever else the query says.
  if (actor.role === "enterprise") add((p) => `a.enterprise_id = ${p}`, actor.enterpriseId);
  if (f.enterpriseId) add((p) => `a.enterprise_id = ${p}`, f.enterpriseId);
  if (f.status) add((p) => `a.status = ${p}`, f.status);
  if (f.productCategory) add((p) => `a.product_category = ${p}`, f.productCategory);
  const clause = where.length ? `where ${where.join(" and ")}` : "";
  const [count] = await sql.query<{ total: number }>(
    `select count(*)::int as total from exemption_applications a ${clause}`,
    params,
  );
  params.push(todayInChina(), f.pageSize, (f.page - 1) * f.pageSize);
  const n = params.length;
  const items = await sql.query<ExemptionApplication>(
    `select ${columns(`$${n - 2}`)} from ${FROM} ${clause}
      order by a.status = 'submitted' desc, a.applied_at desc, a.id
      limit $${n - 1} offset $${n}`,
    params,
  );
  return { items, total: count?.total ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function fileApplication(
  db: Db,
  actor: Actor,
  input: { enterpriseId?: string; productCategory: string; statement: string },
): Promise<ExemptionDetail> {
  const enterpriseId = scopedEnterprise(actor, input.enterpriseId, "act");
  if (!enterpriseId) throw validationError([{ field: "enterpriseId", code: "required" }]);
  const { statement } = requiredText({ statement: input.statement });
  try {
    return await db.tx(async (sql) => {
      const enterprise = await enterpriseOfField(sql, enterpriseId);
      const category = await productCategory(sql, input.productCategory);
      const open = await sql.query(
        `select 1 from exemption_applications
          where enterprise_id = $1 and product_category = $2 and status in ('submitted', 'approved')`,
        [enterpriseId, category.code],
      );
      if (open.length > 0) throw openExists(category.nameZh, category.nameEn);
      const evidence = await evaluateExemption(sql, enterprise, category, todayInChina());
      const [row] = await sql.query<{ id: string }>(
        `insert into exemption_applications (enterprise_id, product_category, status, evidence, criteria_met,
           statement, applied_by)
         values ($1, $2, 'submitted', $3::jsonb, $4, $5, $6) returning id`,
        [
          enterpriseId,
          category.code,
          JSON.stringify(evidence),
          evidence.criteriaMet,
          statement,
          actor.userId,
        ],
      );
      const created = await getApplication(sql, actor, (row as { id: string }).id);
      await writeAudit(sql, actor, {
        action: "exemption.apply",
        entityType: "exemption_application",
        entityId: created.id,
        after: {
          enterpriseId,
          productCategory: category.code,
          status: created.status,
          criteriaMet: created.criteriaMet,
          statement,
        },
      });
      return created;
    });
  } catch (err) {
    // Two filings at once: the partial unique index settles it.
    if (isUniqueViolation(err)) throw openExists(input.productCategory, input.productCategory);
    throw err;
  }
}

const openExists = (zh: string, en: string) =>
  new AppError("EXEMPTION_OPEN_EXISTS", { category: { zh, en } });

function requireStatus(app: ExemptionApplication, allowed: ExemptionStatus): void {
  if (app.status !== allowed)
    throw new AppError("EXEMPTION_STATE", { status: STATUS_TEXT[app.status] ?? app.status });
}

/** Lock the row for the decision, then read it as the actor sees it. */
async function lockForDecision(sql: Sql, actor: Actor, id: string): Promise<ExemptionDetail> {
  await sql.query("select 1 from exemption_applications where id = $1 for update", [id]);
  return getApplication(sql, actor, id);
}

const auditedFields = (a: ExemptionApplication) => ({
  status: a.status,
  criteriaMet: a.criteriaMet,
  validFrom: a.validFrom,
  validTo: a.validTo,
  decisionNote: a.decisionNote,
  overrideReason: a.overrideReason,
  revokeReason: a.revokeReason,
});

export async function approveApplication(
  db: Db,
  actor: Actor,
  id: string,
  input: { validFrom?: string; validTo?: string; note: string; overrideReason?: string },
): Promise<ExemptionDetail> {
  const { note } = requiredText({ note: input.note });
  // Blank is no reason: the approval then stands or falls on the criteria.
  const overrideReason = input.overrideReason?.trim() || null;
  const validFrom = input.validFrom ?? todayInChina();
  const validTo = input.validTo ?? lastDayOfValidity(validFrom);
  if (validTo < validFrom) throw validationError([{ field: "validTo", code: "date_order" }]);
  return db.tx(async (sql) => {
    const before = await lockForDecision(sql, actor, id);
    requireStatus(before, "submitted");
    // Records may have changed since the application: decide on the criteria as they stand today.
    const enterprise = await findEnterprise(sql, before.enterpriseId);
    const category = await productCategory(sql, before.productCategory);
    if (!enterprise) throw new AppError("NOT_FOUND");
    const evidence = await evaluateExemption(sql, enterprise, category, todayInChina());
    if (!evidence.criteriaMet && !overrideReason)
      throw new AppError("EXEMPTION_CRITERIA_NOT_MET", { unmet: unmetCriteria(evidence) });
    await sql.query(
      `update exemption_applications set status = 'approved', decided_by = $2, decided_at = now(),
         decision_note = $3, valid_from = $4::date, valid_to = $5::date, decision_evidence = $6::jsonb,
         override_reason = $7
       where id = $1`,
      [
        id,
        actor.userId,
        note,
        validFrom,
        validTo,
        JSON.stringify(evidence),
        evidence.criteriaMet ? null : overrideReason,
      ],
    );
    const after = await getApplication(sql, actor, id);
    await writeAudit(sql, actor, {
      action: "exemption.approve",
      entityType: "exemption_application",
      entityId: id,
      before: auditedFields(before),
      after: { ...auditedFields(after), criteriaMetAtDecision: evidence.criteriaMet },
    });
    return after;
  });
}

export async function rejectApplication(
  db: Db,
  actor: Actor,
  id: string,
  input: { note: string },
): Promise<ExemptionDetail> {
  const { note } = requiredText({ note: input.note });
  return db.tx(async (sql) => {
    const before = await lockForDecision(sql, actor, id);
    requireStatus(before, "submitted");
    await sql.query(
      `update exemption_applications set status = 'rejected', decided_by = $2, decided_at = now(),
         decision_note = $3
       where id = $1`,
      [id, actor.userId, note],
    );
    const after = await getApplication(sql, actor, id);
    await writeAudit(sql, actor, {
      action: "exemption.reject",
      entityType: "exemption_application",
      entityId: id,
      before: auditedFields(before),
      after: auditedFields(after),
    });
    return after;
  });
}

export async function revokeApplication(
  db: Db,
  actor: Actor,
  id: string,
  input: { reason: string },
): Promise<ExemptionDetail> {
  const { reason } = requiredText({ reason: input.reason });
  return db.tx(async (sql) => {
    const before = await lockForDecision(sql, actor, id);
    requireStatus(before, "approved");
    await sql.query(
      `update exemption_applications set status = 'revoked', revoked_at = now(), revoke_reason = $2 where id = $1`,
      [id, reason],
    );
    const after = await getApplication(sql, actor, id);
    await writeAudit(sql, actor, {
      action: "exemption.revoke",
      entityType: "exemption_application",
      entityId: id,
      before: auditedFields(before),
      after: auditedFields(after),
    });
    return after;
  });
}

/** The last day of an approval starting on `validFrom` when no end is given: EXEMPTION_VALIDITY_YEARS later. */
export function lastDayOfValidity(validFrom: string): string {
  const d = new Date(`${validFrom}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + EXEMPTION_VALIDITY_YEARS);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
