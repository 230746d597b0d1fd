// Types of the lots API (GET/POST /api/v1/lots…, /api/v1/tasks, /api/v1/switching-states; see the OpenAPI document).

export type LotStatus = "released" | "awaiting_inspection" | "accepted" | "rework" | "withdrawn";
export type SupervisionMode = "verification" | "general" | "stringent" | "special";
export type EnterpriseClass = "I" | "II" | "III" | "IV";
export type Risk = "low" | "medium" | "high";
export type DefectClass = "critical" | "major" | "minor";
export type LotResult = "accepted" | "rejected";
export type Stage = "normal" | "tightened" | "reduced" | "discontinued";

export const DEFECT_CLASSES: readonly DefectClass[] = ["critical", "major", "minor"];
export const LOT_STATUSES: readonly LotStatus[] = [
  "awaiting_inspection",
  "rework",
  "accepted",
  "released",
  "withdrawn",
];
export const MODES: readonly SupervisionMode[] = ["verification", "general", "stringent", "special"];

export interface DecisionReason {
  key: string;
  params: Record<string, string | number>;
  text: string;
}

export interface LotSummary {
  id: string;
  declarationNo: string;
  enterpriseId: string;
  enterpriseName: string;
  productCategory: string;
  hsCode: string;
  quantity: number;
  unit: string;
  lotSize: number;
  valueUsd: number;
  destination: string;
  buyer: string | null;
  brand: string | null;
  shipDate: string;
  declaredAt: string;
  declaredOn: string;
  enterpriseClass: EnterpriseClass;
  productRisk: Risk;
  mode: SupervisionMode;
  decision: "release" | "inspect";
  status: LotStatus;
  officialResult: LotResult | null;
  releaseNo: string | null;
  inspectorId: string | null;
  inspectorName: string | null;
}

export interface Lot extends LotSummary {
  description: string | null;
  selfInspection: {
    sampleSize: number | null;
    defectsFound: number | null;
    passed: boolean;
    note: string | null;
  };
  declaredBy: string | null;
  samplingShare: number;
  draw: { seed: string; value: number; hash: string } | null;
  decisionReason: DecisionReason;
  ruleSetVersion: string;
  feeWaived: number;
  releasedAt: string | null;
  updatedAt: string;
}

export interface LotPage {
  items: LotSummary[];
  total: number;
  page: number;
  pageSize: number;
  totalCapped: boolean;
}

export interface Attachment {
  id: string;
  ownerType: "lot" | "inspection" | "defect" | "spot_check" | "exemption";
  ownerId: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  uploadedBy: string | null;
  uploadedByName: string | null;
  createdAt: string;
}

export interface ClassPlan {
  codeLetter: string;
  planLetter: string;
  planSampleSize: number;
  sampleSize: number;
  accept: number;
  reject: number;
  fullInspection: boolean;
  aql: string;
  table: string;
  tableVerified: boolean;
  zeroAcceptance: boolean;
}

export type ClassPlans = Record<DefectClass, ClassPlan>;

export interface Measurement {
  point: string;
  size: string;
  specCm: number;
  toleranceCm: number;
  measuredCm: number;
}

export interface InspectionDefect {
  id: string;
  defectCode: string;
  nameZh: string;
  nameEn: string;
  category: string;
  defectClass: DefectClass;
  quantity: number;
  measurement: Measurement | null;
  note: string | null;
}

export interface Inspection {
  id: string;
  lotId: string;
  round: number;
  inspectorId: string | null;
  inspectorName: string | null;
  stage: Stage;
  level: string;
  codeLetter: string;
  sampleSize: number;
  fullInspection: boolean;
  plans: ClassPlans;
  defectsFound: Record<DefectClass, number>;
  result: LotResult;
  note: string | null;
  completedAt: string;
  defects: InspectionDefect[];
}

export interface InspectionPlan {
  lotId: string;
  round: number;
  stage: Stage;
  level: string;
  lotSize: number;
  mode: SupervisionMode;
  codeLetter: string;
  sampleSize: number;
  fullInspection: boolean;
  plans: ClassPlans;
}

export interface SwitchingEvent {
  id: string;
  lotId: string | null;
  declarationNo: string | null;
  fromStage: Stage;
  toStage: Stage;
  reasonKey: string;
  reasonParams: Record<string, string | number>;
  reason: string;
  createdBy: string | null;
  createdAt: string;
}

export interface SwitchingStateView {
  enterpriseId: string;
  enterpriseName: string;
  productCategory: string;
  stage: Stage;
  state: {
    stage: Stage;
    recentNormalResults: boolean[];
    switchingScore: number;
    consecutiveAcceptedOnTightened: number;
    notAcceptedOnTightened: number;
  };
  recorded: boolean;
  updatedAt: string | null;
  events: SwitchingEvent[];
}

export interface LotDetail {
  lot: Lot;
  attachments: Attachment[];
  inspections: Inspection[];
  switching: SwitchingStateView;
}

export interface InspectionRecorded {
  inspection: Inspection;
  lot: Lot;
  switching: {
    from: Stage;
    to: Stage;
    changed: boolean;
    reasonKey: string;
    reasonParams: Record<string, string | number>;
    reason: string;
  } | null;
}

export interface Task extends LotSummary {
  stage: Stage;
  nextRound: number;
}

export interface DefectType {
  code: string;
  category: "fabric" | "workmanship" | "measurement" | "labelling" | "safety";
  nameZh: string;
  nameEn: string;
  defaultClass: DefectClass;
}

/** GET /api/v1/product-categories (classification module). */
export interface ProductCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  risk: Risk;
  hsPrefixes: string[];
  inspectionLevel: string;
  aqlCritical: number | null;
  aqlMajor: number;
  aqlMinor: number;
}
