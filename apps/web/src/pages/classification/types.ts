// Types of the classification API (apps/server/src/modules/classification/schemas.ts) as the pages use them.

export type EnterpriseClass = "I" | "II" | "III" | "IV";
export const CLASSES: readonly EnterpriseClass[] = ["I", "II", "III", "IV"];

export type ClassSource = "decision" | "override" | "unclassified";
export const SOURCES: readonly ClassSource[] = ["decision", "override", "unclassified"];

export type ProductRisk = "low" | "medium" | "high";
export const RISKS: readonly ProductRisk[] = ["low", "medium", "high"];

export type SupervisionMode = "verification" | "general" | "stringent" | "special";
export const MODES: readonly SupervisionMode[] = ["verification", "general", "stringent", "special"];

export const ELEMENT_IDS = [
  "creditworthiness",
  "productionCapacity",
  "inspectionCapability",
  "staffCompetence",
  "supplierManagement",
  "exportComplaints",
  "traceability",
  "qualityManagementSystem",
  "otherFactors",
] as const;

export const METRICS = [
  "officialPassRate",
  "selfInspectionPassRate",
  "lotsRejected",
  "returnsAndClaims",
  "penalties",
  "certificationsInForce",
  "zeroToleranceFindings",
  "evaluationRatingE",
] as const;
export type SignalMetric = (typeof METRICS)[number];
export const PERCENT_METRICS: ReadonlySet<string> = new Set(["officialPassRate", "selfInspectionPassRate"]);

export const COMPARISONS = ["<", "<=", ">", ">="] as const;
export const EFFECT_KINDS = ["capAt", "demoteBy", "floor"] as const;
export const INSPECTION_LEVELS = ["S-1", "S-2", "S-3", "S-4", "I", "II", "III"] as const;
/** The AQL series of GB/T 2828.1 (the server refuses anything else). */
export const AQL_SERIES = [
  0.01, 0.015, 0.025, 0.04, 0.065, 0.1, 0.15, 0.25, 0.4, 0.65, 1, 1.5, 2.5, 4, 6.5, 10, 15, 25, 40, 65, 100,
  150, 250, 400, 650, 1000,
] as const;

export interface ClassListItem {
  id: string;
  name: string;
  uscc: string;
  town: string | null;
  townName: string | null;
  class: EnterpriseClass;
  source: ClassSource;
  computedClass: EnterpriseClass | null;
  score: number | null;
  decidedAt: string | null;
  ruleSetVersion: string | null;
  overrideExpiresOn: string | null;
}

export interface ReclassifyResult {
  enterprises: number;
  classified: number;
  changed: number;
  notAssessed: number;
  durationMs: number;
  ruleSetVersion: string;
}

export interface ClassSummary {
  total: number;
  byClass: Record<EnterpriseClass, number>;
  unclassified: number;
  overrides: number;
  ruleSetVersion: string;
  schedule: {
    enabled: boolean;
    cron: string;
    lastRunAt: string | null;
    lastResult: ReclassifyResult | null;
  } | null;
}

export interface TraceLine {
  key: string;
  params: Record<string, string | number>;
  text: string;
}

export interface SignalObservation {
  metric: string;
  windowMonths: number;
  value: number;
  evidence?: { count: number; total?: number };
}

export interface AppliedEffect {
  ruleId: string;
  metric: string;
  windowMonths: number;
  value: number;
  comparison: string;
  threshold: number;
  effect: { kind: string; class?: EnterpriseClass; steps?: number };
  classBefore: EnterpriseClass;
  classAfter: EnterpriseClass;
}

export interface Decision {
  id: string;
  class: EnterpriseClass;
  computedClass: EnterpriseClass;
  baseClass: EnterpriseClass;
  scoreTotal: number;
  ruleSetId: string;
  ruleSetVersion: string;
  signals?: SignalObservation[];
  applied?: AppliedEffect[];
  trace: TraceLine[];
  override: {
    status: "applied" | "expired";
    class: EnterpriseClass;
    reason: string;
    expiresOn: string;
  } | null;
  trigger: "single" | "all" | "schedule" | "override" | "demo";
  decidedAt: string;
  decidedBy: string | null;
}

export interface AssessmentElement {
  id: string;
  weight: number;
  maxScore: number;
}

export interface ClassDetail {
  enterprise: {
    id: string;
    name: string;
    uscc: string;
    town: string | null;
    townName: string | null;
    exportFlag: boolean;
  };
  classInForce: { class: EnterpriseClass; source: ClassSource; decisionId: string | null };
  decision: Decision | null;
  assessment: {
    id: string;
    scores: Record<string, number>;
    assessedOn: string;
    note: string | null;
    assessedBy: string | null;
    createdAt: string;
  } | null;
  override: {
    class: EnterpriseClass;
    reason: string;
    expiresOn: string;
    inForce: boolean;
    by: string | null;
  } | null;
  switchingStates: {
    productCategory: string;
    nameZh: string;
    nameEn: string;
    stage: string;
    updatedAt: string;
  }[];
  modes: {
    productCategory: string;
    nameZh: string;
    nameEn: string;
    risk: ProductRisk;
    mode: SupervisionMode;
    samplingShare: number;
    fullInspection: boolean;
  }[];
  ruleSet: { id: string; version: string; elements: AssessmentElement[] };
}

export interface ProductCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  risk: ProductRisk;
  hsPrefixes: string[];
  inspectionLevel: string;
  aqlCritical: number | null;
  aqlMajor: number;
  aqlMinor: number;
}

export type RuleSetStatus = "draft" | "published" | "retired";

export interface RuleSetSummary {
  id: string;
  version: string;
  status: RuleSetStatus;
  verified: boolean;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface SignalRule {
  id: string;
  metric: string;
  windowMonths: number;
  comparison: string;
  threshold: number;
  effect: { kind: string; class?: string; steps?: number };
}

export interface Rules {
  version?: string;
  verified: boolean;
  elements: AssessmentElement[];
  bands: { class: string; min: number; max: number }[];
  signalRules: SignalRule[];
  modeMatrix: Partial<Record<EnterpriseClass, Partial<Record<ProductRisk, string>>>>;
  samplingShares: Partial<Record<SupervisionMode, number>>;
}

export interface RuleSetIssue {
  path: string;
  code: string;
  severity: "error" | "warning";
  /** In the page's language. */
  message: string;
  /** The validator's own (English) words, with the numbers involved. */
  detail: string;
}

export interface RuleSetDetail extends RuleSetSummary {
  rules: Rules;
  issues: RuleSetIssue[];
}
