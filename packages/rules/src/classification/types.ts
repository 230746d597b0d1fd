// Classified supervision of export enterprises (REFERENCE.md §3, AQSIQ Decree 113): the rule set is data a
// regulator edits and versions; classify.ts applies it, mode.ts maps class × product risk to a supervision mode.

/** Enterprise class: I is the best (least supervision), IV the worst. */
export type EnterpriseClass = "I" | "II" | "III" | "IV";

/** Classes from best to worst; the index is the class rank minus one. */
export const ENTERPRISE_CLASSES: readonly EnterpriseClass[] = ["I", "II", "III", "IV"];

/** 1 for class I … 4 for class IV: a larger rank is a worse class. */
export function classRank(c: EnterpriseClass): 1 | 2 | 3 | 4 {
  return (ENTERPRISE_CLASSES.indexOf(c) + 1) as 1 | 2 | 3 | 4;
}

/** The class of a rank, clamped to 1–4. */
export function classOfRank(rank: number): EnterpriseClass {
  const r = Math.min(4, Math.max(1, Math.round(rank)));
  return ENTERPRISE_CLASSES[r - 1] ?? "IV";
}

export function isEnterpriseClass(x: unknown): x is EnterpriseClass {
  return typeof x === "string" && (ENTERPRISE_CLASSES as readonly string[]).includes(x);
}

/** The nine assessment elements of Decree 113 (REFERENCE.md §3, verified list). */
export type AssessmentElementId =
  | "creditworthiness"
  | "productionCapacity"
  | "inspectionCapability"
  | "staffCompetence"
  | "supplierManagement"
  | "exportComplaints"
  | "traceability"
  | "qualityManagementSystem"
  | "otherFactors";

export const ASSESSMENT_ELEMENT_IDS: readonly AssessmentElementId[] = [
  "creditworthiness",
  "productionCapacity",
  "inspectionCapability",
  "staffCompetence",
  "supplierManagement",
  "exportComplaints",
  "traceability",
  "qualityManagementSystem",
  "otherFactors",
];

/** English names of the elements, for traces (UI translations key on the id). */
export const ASSESSMENT_ELEMENT_NAMES: Readonly<Record<AssessmentElementId, string>> = {
  creditworthiness: "creditworthiness",
  productionCapacity: "production capacity",
  inspectionCapability: "in-house inspection and testing capability",
  staffCompetence: "staff competence",
  supplierManagement: "management of raw-material suppliers",
  exportComplaints: "warnings, claims, returns and complaints on exports",
  traceability: "traceability",
  qualityManagementSystem: "quality management system",
  otherFactors: "other factors",
};

/** One checklist element: the regulator scores it 0…maxScore; it contributes weight × score ÷ maxScore. */
export interface AssessmentElementRule {
  id: AssessmentElementId;
  /** Share of the 0–100 total; the weights of the nine elements sum to 100. */
  weight: number;
  /** Highest score the regulator can give (> 0). */
  maxScore: number;
}

/**
 * A score band [min, max) over the 0–100 checklist total. The band whose max is 100 also contains 100.
 * Bands must tile 0–100 without gap or overlap, one per class, better classes on higher scores.
 */
export interface ScoreBand {
  class: EnterpriseClass;
  min: number;
  max: number;
}

export type SignalMetric =
  | "officialPassRate"
  | "selfInspectionPassRate"
  | "lotsRejected"
  | "returnsAndClaims"
  | "penalties"
  | "certificationsInForce"
  | "zeroToleranceFindings"
  | "evaluationRatingE";

export interface SignalMetricInfo {
  /** English label used in traces. */
  label: string;
  /** "percent": 0–100; "count": a non-negative integer (evaluationRatingE: number of E ratings, 0 or more). */
  unit: "percent" | "count";
  /** Noun for the evidence counts: "(3 of 79 lots rejected)". */
  evidenceNoun: string;
}

export const SIGNAL_METRICS: Readonly<Record<SignalMetric, SignalMetricInfo>> = {
  officialPassRate: { label: "official pass rate", unit: "percent", evidenceNoun: "lots rejected" },
  selfInspectionPassRate: {
    label: "self-inspection pass rate",
    unit: "percent",
    evidenceNoun: "lots failed in self-inspection",
  },
  lotsRejected: { label: "lots not accepted", unit: "count", evidenceNoun: "lots not accepted" },
  returnsAndClaims: { label: "returns and claims", unit: "count", evidenceNoun: "returns or claims" },
  penalties: { label: "penalties", unit: "count", evidenceNoun: "penalty decisions" },
  certificationsInForce: {
    label: "certifications in force",
    unit: "count",
    evidenceNoun: "certificates in force",
  },
  zeroToleranceFindings: {
    label: "zero-tolerance findings",
    unit: "count",
    evidenceNoun: "zero-tolerance findings",
  },
  evaluationRatingE: { label: "E ratings", unit: "count", evidenceNoun: "evaluations rated E" },
};

export function isSignalMetric(x: unknown): x is SignalMetric {
  return typeof x === "string" && Object.hasOwn(SIGNAL_METRICS, x);
}

export type Comparison = "<" | "<=" | ">" | ">=";
export const COMPARISONS: readonly Comparison[] = ["<", "<=", ">", ">="];

/**
 * What a triggered signal rule does to the class. Effects are applied in a fixed order whatever their order
 * in the rule set: all `demoteBy` (summed, clamped at IV), then `floor`, then `capAt`, so an adverse cap always
 * prevails over a favourable floor.
 * - capAt X: at best class X (e.g. official pass rate < 98 % → at best III).
 * - demoteBy n: n classes worse (n = 1–3).
 * - floor X: at worst class X (a favourable signal limits how far score and demotions push the class down).
 */
export type SignalEffect =
  | { kind: "capAt"; class: EnterpriseClass }
  | { kind: "demoteBy"; steps: number }
  | { kind: "floor"; class: EnterpriseClass };

export interface SignalRule {
  /** Stable id, unique in the rule set (shown in traces and stored with decisions). */
  id: string;
  metric: SignalMetric;
  /** Rolling window in whole months (≥ 1); the rule reads the observation with the same metric and window. */
  windowMonths: number;
  comparison: Comparison;
  /** Percent (0–100) for pass-rate metrics, a count otherwise. */
  threshold: number;
  effect: SignalEffect;
}

export type SupervisionMode = "verification" | "general" | "stringent" | "special";

/** Lightest to strictest. */
export const SUPERVISION_MODES: readonly SupervisionMode[] = [
  "verification",
  "general",
  "stringent",
  "special",
];

export type ProductRisk = "high" | "medium" | "low";
export const PRODUCT_RISKS: readonly ProductRisk[] = ["low", "medium", "high"];

export type ModeMatrix = Record<EnterpriseClass, Record<ProductRisk, SupervisionMode>>;

export interface ClassificationRuleSet {
  /** Version label stored with every class decision. */
  version: string;
  /** False while the defaults rest on unverified assumptions (see DEFAULT_RULE_SET). */
  verified: boolean;
  elements: readonly AssessmentElementRule[];
  bands: readonly ScoreBand[];
  signalRules: readonly SignalRule[];
  modeMatrix: ModeMatrix;
  /**
   * Share (0–1) of lots drawn for inspection per mode. Stringent (every lot) and special (full inspection)
   * must be 1.
   */
  samplingShares: Record<SupervisionMode, number>;
}

export type RuleSetIssueCode =
  | "version_missing"
  | "element_unknown"
  | "element_duplicate"
  | "element_missing"
  | "element_weight_invalid"
  | "element_max_score_invalid"
  | "weights_sum"
  | "band_class_unknown"
  | "band_class_duplicate"
  | "band_class_missing"
  | "band_range_invalid"
  | "band_gap"
  | "band_overlap"
  | "band_coverage"
  | "band_order"
  | "signal_id_duplicate"
  | "signal_metric_unknown"
  | "signal_window_invalid"
  | "signal_comparison_unknown"
  | "signal_threshold_invalid"
  | "signal_effect_invalid"
  | "mode_matrix_incomplete"
  | "mode_unknown"
  | "mode_matrix_not_monotone"
  | "sampling_share_range"
  | "sampling_share_must_be_one";

export interface RuleSetIssue {
  /** Dotted path into the rule set, e.g. "bands[2].min". */
  path: string;
  code: RuleSetIssueCode;
  /** "error" makes the rule set unusable; "warning" is shown to the regulator but does not block. */
  severity: "error" | "warning";
  message: string;
}
