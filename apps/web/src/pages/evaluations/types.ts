// Shapes of the evaluations API (apps/server/src/modules/evaluations), as the pages use them.

export interface AssessmentRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  systemId: string;
  systemCode: string;
  systemVersion: string;
  systemNameZh: string;
  systemNameEn: string;
  stage: string;
  title: string | null;
  auditorIds: string[];
  siteVisitOn: string | null;
  workerInterviews: number;
  documentReviewDone: boolean;
  trialStartedOn: string | null;
  reassessmentDueOn: string | null;
  percent: number | null;
  level: string | null;
  ratedOn: string | null;
  validUntil: string | null;
  openCapItems: number;
  overdueCapItems: number;
}

export interface CapItem {
  id: string;
  status: string;
  deadline: string;
  rootCause: string | null;
  correctiveAction: string | null;
  auditorComment: string | null;
  verificationNote: string | null;
  overdue: boolean;
  daysLeft: number;
  actions: string[];
}

export interface FindingRow {
  id: string;
  assessmentId: string;
  enterpriseName: string;
  source: string;
  sectionId: string | null;
  labourRule: string | null;
  severity: "low" | "medium" | "high";
  zeroTolerance: boolean;
  title: string;
  detail: string | null;
  workerIds: string[];
  foundOn: string;
  cap: CapItem;
}

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface Indicator {
  id: string;
  type: "yesPartialNo" | "number" | "singleChoice" | "multiChoice" | "file" | "computed";
  name: LocalizedText;
  guidance?: LocalizedText;
  weight?: number;
  maxPoints: number;
  crucial?: boolean;
  zeroTolerance?: boolean;
  allowNotApplicable?: boolean;
  unit?: string;
  min?: number;
  max?: number;
  metric?: string;
  options?: { id: string; label: LocalizedText; points: number }[];
}

export interface SystemDefinition {
  id: string;
  version: string;
  name: LocalizedText;
  sections: { id: string; name: LocalizedText; weight?: number; indicators: Indicator[] }[];
  rating: { levels: { id: string; name: LocalizedText; validityMonths?: number }[] };
}

export interface SystemRow {
  id: string;
  code: string;
  version: string;
  status: "draft" | "published";
  nameZh: string;
  nameEn: string;
  shipped: boolean;
  publishedAt: string | null;
}

export interface AssessmentDetail {
  assessment: AssessmentRow;
  system: SystemDefinition;
  role: string | null;
  actions: { action: string; to: string; blockedBy: string | null }[];
  answers: { indicatorId: string; self?: unknown; auditor?: unknown; overruleReason: string | null }[];
  score: {
    overall: { percent: number | null; level: string | null };
    indicators: { id: string; points: number; maxPoints: number; outcome: string }[];
  } | null;
  findings: FindingRow[];
  events: { action: string; toStage: string; onDate: string; actorName: string | null }[];
  attachments: { id: string; filename: string }[];
}

export interface LabourCheckResult {
  rows: number;
  workers: number;
  from: string | null;
  to: string | null;
  totalFindings: number;
  byRule: { rule: string; findings: number; workers: number }[];
  findings: { rule: string; workerId: string; period: string; severity: string; detail: LocalizedText }[];
  truncated: boolean;
  monthlyAverageHours: { month: string; workers: number; averageHours: number }[];
  monthly: { month: string; workers: number; averageHours: number; compliance: LabourCompliance }[];
}

/** Shares of workers in compliance, percent (labour/compliance.ts). */
export interface LabourCompliance {
  overtime: number;
  restDay: number;
  minimumWage: number;
  overtimePay: number;
  paidInFull: number;
  socialInsurance: number;
}

export interface EnterpriseRating {
  assessmentId: string;
  systemCode: string;
  systemVersion: string;
  systemName: LocalizedText;
  title: string | null;
  stage: string;
  level: string | null;
  levelName: LocalizedText | null;
  percent: number | null;
  worstLevel: boolean;
  ratingWithheld: boolean;
  ratedOn: string | null;
  validUntil: string | null;
}

export const MAIN_STAGES = [
  "draft",
  "selfAssessment",
  "expertInitial",
  "trainingTrial",
  "reassessment",
  "rated",
  "followUp",
  "closed",
] as const;

/** The platform role may open assessments (the server checks again). */
export const canCreate = (role: string) => ["admin", "regulator", "association"].includes(role);
export const canEditSystems = (role: string) => ["admin", "association"].includes(role);
