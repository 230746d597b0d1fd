import type { Bilingual } from "../../platform/i18n.ts";

// The criteria of an export inspection exemption (出口免验), as data. Source: REFERENCE.md §3, "Export inspection
// exemption (出口免验), older national rules, verified". Those rules grant exemption on ONE of four grounds:
//   (1) an international quality award in the last 3 years;
//   (2) certification by a recognised international body plus long stable quality;
//   (3) 3 consecutive years of 100 % factory pass rate and 100 % official pass rate with no quality objections;
//   (4) 3 consecutive years of 100 % official pass rate and 100 % customer acceptance.
// Jingwei holds the records of ground (3) — lots with their self-inspection and official results, quality events —
// so it checks ground (3), together with the class in force and a certified quality system (assumptions below),
// and every criterion must be met. Grounds (1) and (4) rest on documents Jingwei does not hold: a regulator who
// accepts them approves with an override reason, which is recorded.
// `verified: false` marks a threshold or mapping REFERENCE.md does not give — confirm before relying on it.

export type CriterionKey =
  | "officialPassRate"
  | "inspectedYears"
  | "selfInspectionPassRate"
  | "qualityObjections"
  | "penalties"
  | "enterpriseClass"
  | "qualityCertification";

export type Comparator = "gte" | "lte" | "in" | "includesAny";

export interface ExemptionCriterion {
  key: CriterionKey;
  label: Bilingual;
  comparator: Comparator;
  threshold: number | readonly string[];
  unit: "percent" | "count" | "years" | "class" | "certifications";
  /** true: REFERENCE.md states this threshold (verified); false: an assumption of Jingwei's. */
  verified: boolean;
  reference: string;
}

/** The records looked at: 3 years, as 36 whole months ending with the current month. */
export const EXEMPTION_WINDOW_MONTHS = 36;

/** Validity of an approval when the regulator gives no end date: REFERENCE.md §3 "Unverified: certificate valid 3 years". */
export const EXEMPTION_VALIDITY_YEARS = 3;

export const EXEMPTION_CRITERIA: readonly ExemptionCriterion[] = [
  // REFERENCE.md §3, ground (3)/(4): "100 % official pass rate" over 3 years — verified. Counts the original
  // (round 1) official result of every lot of the category declared in the window; no inspected lot → not met.
  {
    key: "officialPassRate",
    label: { zh: "近三年官方检验合格率", en: "Official pass rate, 3 years" },
    comparator: "gte",
    threshold: 100,
    unit: "percent",
    verified: true,
    reference: "REFERENCE.md §3 出口免验 (3)(4): 100 % official pass rate for 3 consecutive years",
  },
  // REFERENCE.md §3, "3 consecutive years" — verified as a wording; evidencing it by at least one officially
  // inspected lot of the category in each of the three 12-month windows is an ASSUMPTION.
  {
    key: "inspectedYears",
    label: { zh: "连续三年均有官方检验记录", en: "Officially inspected lots in each of 3 years" },
    comparator: "gte",
    threshold: 3,
    unit: "years",
    verified: false,
    reference: "REFERENCE.md §3 出口免验 (3)(4): 3 consecutive years (one inspected lot a year: assumption)",
  },
  // REFERENCE.md §3, ground (3): "100 % factory pass rate" — verified. The factory's own inspection is the
  // self-inspection result declared with each lot (lots.self_passed).
  {
    key: "selfInspectionPassRate",
    label: { zh: "近三年企业自检合格率", en: "Factory (self-inspection) pass rate, 3 years" },
    comparator: "gte",
    threshold: 100,
    unit: "percent",
    verified: true,
    reference: "REFERENCE.md §3 出口免验 (3): 100 % factory pass rate",
  },
  // REFERENCE.md §3, ground (3): "no quality objections" — verified (zero). Which quality_events kinds are
  // objections (return, claim, warning, complaint) is Jingwei's mapping, the same set classification counts.
  {
    key: "qualityObjections",
    label: {
      zh: "近三年质量异议（退货、索赔、预警、投诉）",
      en: "Quality objections (returns, claims, warnings, complaints), 3 years",
    },
    comparator: "lte",
    threshold: 0,
    unit: "count",
    verified: true,
    reference: "REFERENCE.md §3 出口免验 (3): no quality objections",
  },
  // ASSUMPTION: no penalty decision in the window. REFERENCE.md does not list penalties for exemption; an exporter
  // penalised for quality or fraud is not one a regulator would exempt.
  {
    key: "penalties",
    label: { zh: "近三年行政处罚", en: "Penalty decisions, 3 years" },
    comparator: "lte",
    threshold: 0,
    unit: "count",
    verified: false,
    reference: "Assumption (not in REFERENCE.md §3)",
  },
  // ASSUMPTION: class in force I or II. REFERENCE.md §3 (Decree 113) reserves the lightest supervision for
  // excellent exporters but says nothing of exemption; an exporter under stringent or special supervision
  // (class III/IV) cannot at the same time be exempt.
  {
    key: "enterpriseClass",
    label: { zh: "现行企业类别为一类或二类", en: "Class in force is I or II" },
    comparator: "in",
    threshold: ["I", "II"],
    unit: "class",
    verified: false,
    reference: "Assumption, after REFERENCE.md §3 Decree 113 classes",
  },
  // REFERENCE.md §3, ground (2): "certification by a recognised international body" — verified as a ground;
  // requiring an ISO 9001 certificate in force (enterprise_certifications valid today) is an ASSUMPTION.
  {
    key: "qualityCertification",
    label: {
      zh: "有效的质量管理体系认证（ISO 9001）",
      en: "Quality management certification in force (ISO 9001)",
    },
    comparator: "includesAny",
    threshold: ["ISO9001"],
    unit: "certifications",
    verified: false,
    reference: "REFERENCE.md §3 出口免验 (2): international certification (ISO 9001 in force: assumption)",
  },
];

/** Quality event kinds counted as objections, and as penalties. */
export const OBJECTION_KINDS = ["return", "claim", "warning", "complaint"] as const;
export const PENALTY_KINDS = ["penalty"] as const;

export type MeasuredValue = number | string | string[] | null;

/** Whether a measured value meets a criterion; a value not observed (null) never does. */
export function meets(criterion: ExemptionCriterion, value: MeasuredValue): boolean {
  if (value === null) return false;
  const { comparator, threshold } = criterion;
  switch (comparator) {
    case "gte":
      return typeof value === "number" && typeof threshold === "number" && value >= threshold;
    case "lte":
      return typeof value === "number" && typeof threshold === "number" && value <= threshold;
    case "in":
      return typeof value === "string" && Array.isArray(threshold) && threshold.includes(value);
    case "includesAny":
      return Array.isArray(value) && Array.isArray(threshold) && value.some((v) => threshold.includes(v));
  }
}
