import { type InspectionLevel, isInspectionLevel, samplingPlan } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue, validationError } from "../../platform/errors.ts";
import {
  classInForce,
  type ProductCategory,
  productCategory,
  ruleSetInForce,
  todayInChina,
} from "../supervision/context.ts";
import { COUNTRY_CODES, DOMESTIC_COUNTRY } from "./countries.ts";
import { decideLot } from "./decision.ts";
import { nextLotNumber } from "./numbers.ts";
import { DETAIL_COLUMNS } from "./read.ts";
import type { Lot, LotDeclare } from "./schemas.ts";

// Declaring a lot (报检): checks, then the decision at once, in the same transaction as the insert.
//
// Rules the schema cannot express (documented in the OpenAPI description of POST /api/v1/lots):
// - hsCode must start with one of the category's hs_prefixes (a category without prefixes takes any code): an
//   error, not a warning — a code of another chapter means the wrong category, hence the wrong risk and mode.
// - destination: an ISO 3166-1 alpha-2 code, not CN.
// - shipDate: today (China time) or later.
// - selfInspection: defectsFound ≤ sampleSize ≤ lotSize; passed = true needs sampleSize ≥ 1 and at most Ac
//   defects, Ac being that of the normal single sampling plan for the lot at the category's major AQL and level
//   (the enterprise applies the same plan as the official inspection); passed = false with no defect needs a note.

/** Checks of the declaration that need no database. */
function checkDeclaration(input: LotDeclare, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const destination = input.destination.toUpperCase();
  if (!COUNTRY_CODES.has(destination))
    issues.push({ field: "destination", code: "unknown_country", params: { value: input.destination } });
  else if (destination === DOMESTIC_COUNTRY)
    issues.push({ field: "destination", code: "destination_domestic" });
  if (input.shipDate < today) issues.push({ field: "shipDate", code: "date_past", params: { today } });
  const self = input.selfInspection;
  if (self.defectsFound > self.sampleSize)
    issues.push({ field: "selfInspection.defectsFound", code: "self_defects_exceed_sample" });
  if (self.sampleSize > input.lotSize)
    issues.push({ field: "selfInspection.sampleSize", code: "self_sample_exceeds_lot" });
  if (self.passed && self.sampleSize === 0)
    issues.push({ field: "selfInspection.passed", code: "self_pass_needs_sample" });
  if (!self.passed && self.defectsFound === 0 && !self.note?.trim())
    issues.push({ field: "selfInspection.note", code: "self_fail_needs_note" });
  return issues;
}

/** Checks against the product category: HS prefix and the self-inspection's pass against Ac. */
function checkAgainstCategory(input: LotDeclare, category: ProductCategory): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const prefixes = category.hsPrefixes;
  if (prefixes.length > 0 && !prefixes.some((p) => input.hsCode.startsWith(p)))
    issues.push({ field: "hsCode", code: "hs_code_category", params: { prefixes: prefixes.join(", ") } });
  const self = input.selfInspection;
  if (self.passed && self.defectsFound > 0) {
    const level: InspectionLevel = isInspectionLevel(category.inspectionLevel)
      ? category.inspectionLevel
      : "II";
    try {
      const plan = samplingPlan({ lotSize: input.lotSize, level, aql: category.aqlMajor, stage: "normal" });
      if (self.defectsFound > plan.accept)
        issues.push({
          field: "selfInspection.passed",
          code: "self_passed_contradiction",
          params: { defects: self.defectsFound, accept: plan.accept, aql: category.aqlMajor },
        });
    } catch {
      // A category whose AQL the tables do not know cannot judge the self-inspection; the inspection plan
      // reports that problem when it matters.
    }
  }
  return issues;
}

async function exemptionInForce(sql: Sql, enterpriseId: string, category: string, today: string) {
  const [row] = await sql.query<{ validTo: string | null }>(
    `select valid_to as "validTo" from exemption_applications
      where enterprise_id = $1 and product_category = $2 and status = 'approved'
        and (valid_from is null or valid_from <= $3) and (valid_to is null or valid_to >= $3)
      limit 1`,
    [enterpriseId, category, today],
  );
  return row ?? null;
}

/**
 * Declares a lot. Speed matters (every exporter's every shipment): the four reads the decision needs and the
 * declaration number run side by side before the transaction, which inserts the lot returning its view and audits.
 */
export async function declareLot(db: Db, actor: Actor, input: LotDeclare, now = new Date()): Promise<Lot> {
  const enterpriseId = actor.enterpriseId;
  if (!enterpriseId || (input.enterpriseId !== undefined && input.enterpriseId !== enterpriseId))
    throw new AppError("LOT_FOREIGN_ENTERPRISE");
  const today = todayInChina(now);
  const issues = checkDeclaration(input, today);

  // The number comes from a sequence, which no transaction rolls back anyway: taking it with the reads saves the
  // transaction a round trip (a refused declaration leaves a gap, as a rolled-back one always did).
  const [category, ruleSet, klass, exemption, declarationNo] = await Promise.all([
    productCategory(db, input.productCategory).catch((err: unknown) => {
      if (!(err instanceof AppError) || err.code !== "VALIDATION") throw err;
      issues.push(...err.fields);
      return null;
    }),
    ruleSetInForce(db),
    classInForce(db, enterpriseId, today),
    exemptionInForce(db, enterpriseId, input.productCategory, today),
    nextLotNumber(db, "BJ", today),
  ]);
  if (category) issues.push(...checkAgainstCategory(input, category));
  if (issues.length > 0 || !category) throw validationError(issues);

  return db.tx(async (sql) => {
    const d = decideLot({
      rules: ruleSet.rules,
      ruleSetVersion: ruleSet.version,
      enterpriseClass: klass.class,
      risk: category.risk,
      exemption,
      declarationNo,
      declaredOn: today,
    });
    // Released at once: the release number mirrors the declaration's (same day, same sequence value, so unique).
    const releaseNo = d.status === "released" ? `FX${declarationNo.slice(2)}` : null;
    const self = input.selfInspection;
    const [lot] = await sql.query<Lot>(
      `with l as (
         insert into lots (declaration_no, enterprise_id, product_category, hs_code, description, quantity, unit,
           lot_size, value_usd, destination, buyer, brand, ship_date, self_sample_size, self_defects, self_passed,
           self_note, declared_by, declared_on, enterprise_class, product_risk, mode, sampling_share, draw_seed,
           draw_value, draw_hash, decision, decision_reason, rule_set_version, fee_waived, status, release_no,
           released_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
           $23, $24, $25, $26, $27, $28::jsonb, $29, $30, $31, $32,
           case when $32::text is null then null else now() end)
         returning *)
       select ${DETAIL_COLUMNS} from l join enterprises e on e.id = l.enterprise_id
         left join users iu on iu.id = l.inspector_id`,
      [
        declarationNo,
        enterpriseId,
        category.code,
        input.hsCode,
        input.description?.trim() || null,
        input.quantity,
        input.unit?.trim() || "pcs",
        input.lotSize,
        Math.round(input.valueUsd * 100) / 100,
        input.destination.toUpperCase(),
        input.buyer?.trim() || null,
        input.brand?.trim() || null,
        input.shipDate,
        self.sampleSize,
        self.defectsFound,
        self.passed,
        self.note?.trim() || null,
        actor.userId,
        today,
        klass.class,
        category.risk,
        d.mode,
        d.samplingShare,
        d.draw?.seed ?? null,
        d.draw?.value ?? null,
        d.draw?.hash ?? null,
        d.decision,
        JSON.stringify(d.reason),
        ruleSet.version,
        d.feeWaived,
        d.status,
        releaseNo,
      ],
    );
    if (!lot) throw new Error("the lot was not inserted");
    await writeAudit(sql, actor, {
      action: "lot.declare",
      entityType: "lot",
      entityId: lot.id,
      after: {
        declarationNo,
        productCategory: lot.productCategory,
        lotSize: lot.lotSize,
        classSource: klass.source,
        enterpriseClass: lot.enterpriseClass,
        mode: lot.mode,
        decision: lot.decision,
        reason: d.reason.text,
        status: lot.status,
        releaseNo,
      },
    });
    return lot;
  });
}
