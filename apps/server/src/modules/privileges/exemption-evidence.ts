import type { Sql } from "../../platform/db.ts";
import type { Bilingual } from "../../platform/i18n.ts";
import { classInForce, type ProductCategory } from "../supervision/context.ts";
import {
  type Comparator,
  type CriterionKey,
  EXEMPTION_CRITERIA,
  EXEMPTION_WINDOW_MONTHS,
  type MeasuredValue,
  meets,
  OBJECTION_KINDS,
  PENALTY_KINDS,
} from "./exemption-criteria.ts";
import { type EnterpriseRef, passRate, windowStart } from "./shared.ts";

// The evidence of an exemption application: every criterion of exemption-criteria.ts evaluated from the records
// of one enterprise × product category, with the records behind each value, so a reviewer can check the figure.

/** At most this many records are listed under a criterion (the counts always cover all of them). */
const LISTED = 50;

export interface CriterionResult {
  key: CriterionKey;
  label: Bilingual;
  comparator: Comparator;
  threshold: number | string[];
  unit: string;
  verified: boolean;
  reference: string;
  value: MeasuredValue;
  met: boolean;
  records: Record<string, unknown>;
}

export interface ExemptionEvidence {
  enterpriseId: string;
  enterpriseName: string;
  productCategory: { code: string; nameZh: string; nameEn: string; risk: string };
  evaluatedOn: string;
  windowFrom: string;
  windowTo: string;
  criteriaMet: boolean;
  criteria: CriterionResult[];
}

interface LotTotals {
  lots: number;
  selfPassed: number;
  inspected: number;
  accepted: number;
  rejected: number;
  inspectedYear1: number;
  inspectedYear2: number;
  inspectedYear3: number;
}

export async function evaluateExemption(
  sql: Sql,
  enterprise: EnterpriseRef,
  category: ProductCategory,
  today: string,
): Promise<ExemptionEvidence> {
  const from = windowStart(today, EXEMPTION_WINDOW_MONTHS);
  const year2 = windowStart(today, 24);
  const year3 = windowStart(today, 12);
  const scope = [enterprise.id, category.code, from, today];
  const [[totals], inspectedLots, failedSelf, events, klass, certifications] = await Promise.all([
    sql.query<LotTotals>(
      `select count(*)::int as lots,
              count(*) filter (where self_passed)::int as "selfPassed",
              count(*) filter (where official_result is not null)::int as inspected,
              count(*) filter (where official_result = 'accepted')::int as accepted,
              count(*) filter (where official_result = 'rejected')::int as rejected,
              count(*) filter (where official_result is not null and declared_on < $5::date)::int as "inspectedYear1",
              count(*) filter (where official_result is not null and declared_on >= $5::date
                                 and declared_on < $6::date)::int as "inspectedYear2",
              count(*) filter (where official_result is not null and declared_on >= $6::date)::int as "inspectedYear3"
         from lots
        where enterprise_id = $1 and product_category = $2 and declared_on between $3::date and $4::date`,
      [...scope, year2, year3],
    ),
    // Rejections first: they are what a reviewer must see.
    sql.query(
      `select declaration_no as "declarationNo", declared_on as "declaredOn", official_result as "officialResult"
         from lots
        where enterprise_id = $1 and product_category = $2 and declared_on between $3::date and $4::date
          and official_result is not null
        order by official_result = 'rejected' desc, declared_on desc, declaration_no limit ${LISTED}`,
      scope,
    ),
    sql.query(
      `select declaration_no as "declarationNo", declared_on as "declaredOn", self_sample_size as "selfSampleSize",
              self_defects as "selfDefects"
         from lots
        where enterprise_id = $1 and product_category = $2 and declared_on between $3::date and $4::date
          and not self_passed
        order by declared_on desc, declaration_no limit ${LISTED}`,
      scope,
    ),
    sql.query<{ kind: string; occurredOn: string; description: string }>(
      `select kind, occurred_on as "occurredOn", description
         from quality_events
        where enterprise_id = $1 and occurred_on between $2::date and $3::date and kind = any($4::text[])
        order by occurred_on desc`,
      [enterprise.id, from, today, [...OBJECTION_KINDS, ...PENALTY_KINDS]],
    ),
    classInForce(sql, enterprise.id, today),
    sql.query<{ type: string }>(
      `select type, number, issuer, valid_from as "validFrom", valid_to as "validTo"
         from enterprise_certifications
        where enterprise_id = $1 and (valid_from is null or valid_from <= $2::date)
          and (valid_to is null or valid_to >= $2::date)
        order by type, id`,
      [enterprise.id, today],
    ),
  ]);
  const t = totals as LotTotals;
  const objections = events.filter((e) => (OBJECTION_KINDS as readonly string[]).includes(e.kind));
  const penalties = events.filter((e) => (PENALTY_KINDS as readonly string[]).includes(e.kind));
  const years = [
    { from, to: dayBefore(year2), inspected: t.inspectedYear1 },
    { from: year2, to: dayBefore(year3), inspected: t.inspectedYear2 },
    { from: year3, to: today, inspected: t.inspectedYear3 },
  ];

  const measured: Record<CriterionKey, { value: MeasuredValue; records: Record<string, unknown> }> = {
    officialPassRate: {
      value: passRate(t.accepted, t.inspected),
      records: { inspected: t.inspected, accepted: t.accepted, rejected: t.rejected, lots: inspectedLots },
    },
    inspectedYears: {
      value: years.filter((y) => y.inspected > 0).length,
      records: { years },
    },
    selfInspectionPassRate: {
      value: passRate(t.selfPassed, t.lots),
      records: { lots: t.lots, selfPassed: t.selfPassed, failedLots: failedSelf },
    },
    qualityObjections: { value: objections.length, records: { events: objections.slice(0, LISTED) } },
    penalties: { value: penalties.length, records: { events: penalties.slice(0, LISTED) } },
    enterpriseClass: { value: klass.class, records: { class: klass.class, source: klass.source } },
    qualityCertification: {
      value: certifications.map((c) => c.type),
      records: { certifications },
    },
  };

  const criteria = EXEMPTION_CRITERIA.map((c): CriterionResult => {
    const { value, records } = measured[c.key];
    return {
      key: c.key,
      label: c.label,
      comparator: c.comparator,
      threshold: typeof c.threshold === "number" ? c.threshold : [...c.threshold],
      unit: c.unit,
      verified: c.verified,
      reference: c.reference,
      value,
      met: meets(c, value),
      records,
    };
  });
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    productCategory: {
      code: category.code,
      nameZh: category.nameZh,
      nameEn: category.nameEn,
      risk: category.risk,
    },
    evaluatedOn: today,
    windowFrom: from,
    windowTo: today,
    criteriaMet: criteria.every((c) => c.met),
    criteria,
  };
}

/** The criteria an evaluation did not meet, named in both languages (for EXEMPTION_CRITERIA_NOT_MET). */
export function unmetCriteria(evidence: ExemptionEvidence): Bilingual {
  const unmet = evidence.criteria.filter((c) => !c.met);
  return { zh: unmet.map((c) => c.label.zh).join("、"), en: unmet.map((c) => c.label.en).join("; ") };
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
