// Types and constants of the sampling-plan API (GET /api/v1/sampling/plan, /plans; see the OpenAPI document).

/** ISO 2859-1 inspection levels: special S-1…S-4, general I, II, III. */
export const SPECIAL_LEVELS = ["S-1", "S-2", "S-3", "S-4"] as const;
export const GENERAL_LEVELS = ["I", "II", "III"] as const;
export const INSPECTION_LEVELS = [...SPECIAL_LEVELS, ...GENERAL_LEVELS] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

export const INSPECTION_STAGES = ["normal", "tightened", "reduced"] as const;
export type InspectionStage = (typeof INSPECTION_STAGES)[number];

/** The AQL series as printed in the standard's column heads (the server checks the same list). */
export const AQL_LABELS = [
  "0.010",
  "0.015",
  "0.025",
  "0.040",
  "0.065",
  "0.10",
  "0.15",
  "0.25",
  "0.40",
  "0.65",
  "1.0",
  "1.5",
  "2.5",
  "4.0",
  "6.5",
  "10",
  "15",
  "25",
  "40",
  "65",
  "100",
  "150",
  "250",
  "400",
  "650",
  "1000",
] as const;

/** AQL "0" for critical defects: not allowed, Ac 0 / Re 1 on the sample drawn for the other classes. */
export const NOT_ALLOWED = "0";

export const DEFECT_CLASSES = ["critical", "major", "minor"] as const;
export type DefectClass = (typeof DEFECT_CLASSES)[number];

export interface ClassPlan {
  codeLetter: string;
  planLetter: string;
  planSampleSize: number;
  sampleSize: number;
  accept: number;
  reject: number;
  fullInspection: boolean;
  aql: string;
  table: "2-A" | "2-B" | "2-C";
  tableVerified: boolean;
  zeroAcceptance: boolean;
}

export type ClassPlans = Record<DefectClass, ClassPlan>;
