import type {
  ClassificationRuleSet,
  EnterpriseClass,
  ModeMatrix,
  ProductRisk,
  SupervisionMode,
} from "./types.ts";

/**
 * Default class × product risk → supervision mode. UNVERIFIED (REFERENCE.md §3): no public source gives the
 * matrix; the defaults follow the usual reading of Decree 113 and are configurable per rule set.
 * - Medium risk (the reference column): I → verification (验证监管), II → general (一般监管, a sampled share
 *   of lots), III → stringent (严密监管, every lot), IV → special (特别监管, full inspection).
 * - High risk: one step stricter (I → general, II → stringent, III → special; IV stays special, the strictest).
 * - Low risk: one step lighter for classes I–III (I stays verification, the lightest; II → verification,
 *   III → general). Class IV stays special whatever the risk: a class IV enterprise has shown it cannot be
 *   trusted, and low product risk does not restore that trust.
 */
export const DEFAULT_MODE_MATRIX: ModeMatrix = {
  I: { low: "verification", medium: "verification", high: "general" },
  II: { low: "verification", medium: "general", high: "stringent" },
  III: { low: "general", medium: "stringent", high: "special" },
  IV: { low: "special", medium: "special", high: "special" },
};

/**
 * Default share of lots drawn for inspection per mode. general 0.3 and verification 0.05 are UNVERIFIED
 * placeholders (no public source gives a share, REFERENCE.md §3); stringent and special inspect every lot
 * (verified definitions), so their share is 1 and validateRuleSet refuses anything else.
 */
export const DEFAULT_SAMPLING_SHARES: Record<SupervisionMode, number> = {
  verification: 0.05,
  general: 0.3,
  stringent: 1,
  special: 1,
};

/**
 * The default rule set. verified: false — the nine elements are Decree 113's (verified) but every weight, band,
 * signal threshold, window, the mode matrix and the sampling shares are illustrative defaults for the regulator
 * to replace in the UI.
 * - Weights (sum 100): creditworthiness, inspection capability and QMS 15 each; other factors 5; the rest 10.
 * - Bands: I [90, 100], II [75, 90), III [60, 75), IV [0, 60).
 * - Signals (12-month window unless stated): official pass rate < 98 % → at best III; self-inspection pass
 *   rate < 95 % → one class worse; ≥ 3 lots not accepted → one class worse; ≥ 1 return or claim → at best II;
 *   ≥ 1 penalty in 24 months → at best III; no certification in force → at best II; any zero-tolerance finding
 *   or E rating → IV.
 */
export const DEFAULT_RULE_SET: ClassificationRuleSet = {
  version: "default-2024.1",
  verified: false,
  elements: [
    { id: "creditworthiness", weight: 15, maxScore: 10 },
    { id: "productionCapacity", weight: 10, maxScore: 10 },
    { id: "inspectionCapability", weight: 15, maxScore: 10 },
    { id: "staffCompetence", weight: 10, maxScore: 10 },
    { id: "supplierManagement", weight: 10, maxScore: 10 },
    { id: "exportComplaints", weight: 10, maxScore: 10 },
    { id: "traceability", weight: 10, maxScore: 10 },
    { id: "qualityManagementSystem", weight: 15, maxScore: 10 },
    { id: "otherFactors", weight: 5, maxScore: 10 },
  ],
  bands: [
    { class: "I", min: 90, max: 100 },
    { class: "II", min: 75, max: 90 },
    { class: "III", min: 60, max: 75 },
    { class: "IV", min: 0, max: 60 },
  ],
  signalRules: [
    {
      id: "official-pass-rate",
      metric: "officialPassRate",
      windowMonths: 12,
      comparison: "<",
      threshold: 98,
      effect: { kind: "capAt", class: "III" },
    },
    {
      id: "self-inspection-pass-rate",
      metric: "selfInspectionPassRate",
      windowMonths: 12,
      comparison: "<",
      threshold: 95,
      effect: { kind: "demoteBy", steps: 1 },
    },
    {
      id: "lots-rejected",
      metric: "lotsRejected",
      windowMonths: 12,
      comparison: ">=",
      threshold: 3,
      effect: { kind: "demoteBy", steps: 1 },
    },
    {
      id: "returns-and-claims",
      metric: "returnsAndClaims",
      windowMonths: 12,
      comparison: ">=",
      threshold: 1,
      effect: { kind: "capAt", class: "II" },
    },
    {
      id: "penalties",
      metric: "penalties",
      windowMonths: 24,
      comparison: ">=",
      threshold: 1,
      effect: { kind: "capAt", class: "III" },
    },
    {
      id: "no-certification",
      metric: "certificationsInForce",
      windowMonths: 12,
      comparison: "<",
      threshold: 1,
      effect: { kind: "capAt", class: "II" },
    },
    {
      id: "zero-tolerance",
      metric: "zeroToleranceFindings",
      windowMonths: 12,
      comparison: ">=",
      threshold: 1,
      effect: { kind: "capAt", class: "IV" },
    },
    {
      id: "evaluation-rating-e",
      metric: "evaluationRatingE",
      windowMonths: 12,
      comparison: ">=",
      threshold: 1,
      effect: { kind: "capAt", class: "IV" },
    },
  ],
  modeMatrix: DEFAULT_MODE_MATRIX,
  samplingShares: DEFAULT_SAMPLING_SHARES,
};

export interface SupervisionModeResult {
  mode: SupervisionMode;
  /** Share of lots to inspect (0–1); 1 for stringent and special. */
  samplingShare: number;
  /** True for special supervision: every lot, and the whole lot rather than a sample (特别监管). */
  fullInspection: boolean;
}

/**
 * The supervision mode of a class and product risk under a rule set. Assumes a rule set accepted by
 * validateRuleSet; a missing cell falls back to "special" (the strictest), never to a lighter mode.
 */
export function supervisionMode(
  rs: ClassificationRuleSet,
  enterpriseClass: EnterpriseClass,
  risk: ProductRisk,
): SupervisionModeResult {
  const mode: SupervisionMode = rs.modeMatrix[enterpriseClass]?.[risk] ?? "special";
  const share = rs.samplingShares[mode];
  return {
    mode,
    samplingShare: mode === "stringent" || mode === "special" ? 1 : (share ?? 1),
    fullInspection: mode === "special",
  };
}
