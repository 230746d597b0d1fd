import {
  AQL_LABELS,
  INSPECTION_LEVELS,
  INSPECTION_STAGES,
  type InspectionLevel,
  type InspectionStage,
} from "@jingwei/rules";
import { type Static, Type } from "@sinclair/typebox";
import { ErrorResponse } from "../../platform/schemas.ts";

const AQL_LIST = AQL_LABELS.join(", ");

const LotSize = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: "Number of items in the lot (批量): a whole number ≥ 1.",
  examples: [1200],
});

const Level = Type.Unsafe<InspectionLevel>({
  type: "string",
  enum: [...INSPECTION_LEVELS],
  default: "II",
  description:
    "Inspection level (检验水平): special levels S-1…S-4 or general levels I, II, III. Default II, the usual " +
    "level for export garments.",
});

const Stage = Type.Unsafe<InspectionStage>({
  type: "string",
  enum: [...INSPECTION_STAGES],
  default: "normal",
  description:
    "Inspection severity (检验严格度): normal (正常, Table 2-A), tightened (加严, Table 2-B) or reduced " +
    "(放宽, Table 2-C). Default normal.",
});

/** AQLs travel as text ("2.5", "0.65", "0.010"), are checked against the ISO 2859-1 series by the handler. */
const aqlParam = (description: string, extra: { default?: string; examples: string[] }) =>
  Type.String({ description: `${description} One of ${AQL_LIST}.`, ...extra });

const optionalAql = (description: string, extra: { default: string; examples: string[] }) =>
  Type.Optional(aqlParam(description, extra));

export const PlanQuery = Type.Object({
  lotSize: LotSize,
  level: Type.Optional(Level),
  aql: aqlParam("Acceptance quality limit (接收质量限), written as printed: 2.5, 0.65, 1.0…", {
    examples: ["2.5"],
  }),
  stage: Type.Optional(Stage),
});
export type PlanQuery = Static<typeof PlanQuery>;

export const PlansQuery = Type.Object({
  lotSize: LotSize,
  level: Type.Optional(Level),
  stage: Type.Optional(Stage),
  aqlCritical: optionalAql(
    "AQL for critical defects (致命缺陷). Default 0: not allowed — Ac 0 / Re 1 on the sample inspected for the " +
      "major and minor classes (the larger of the two). Or an AQL from the series.",
    { default: "0", examples: ["0", "0.065"] },
  ),
  aqlMajor: optionalAql("AQL for major defects (严重缺陷). Default 2.5.", {
    default: "2.5",
    examples: ["2.5"],
  }),
  aqlMinor: optionalAql("AQL for minor defects (轻微缺陷). Default 4.0.", {
    default: "4.0",
    examples: ["4.0"],
  }),
});
export type PlansQuery = Static<typeof PlansQuery>;

const planProperties = {
  codeLetter: Type.String({
    description: "Sample size code letter (样本量字码) from Table 1 for the lot size and inspection level.",
    examples: ["J"],
  }),
  planLetter: Type.String({
    description:
      "Row of the master table whose plan is used after following its arrows (↓/↑); differs from codeLetter " +
      "when the cell at codeLetter × AQL is an arrow. S occurs on tightened inspection only.",
    examples: ["J"],
  }),
  planSampleSize: Type.Integer({ description: "Sample size n of the plan used.", examples: [80] }),
  sampleSize: Type.Integer({
    description: "Items to inspect: planSampleSize, or the lot size when n ≥ lot size (full inspection).",
    examples: [80],
  }),
  accept: Type.Integer({
    description: "Acceptance number Ac: accept the lot when at most this many defectives are found.",
    examples: [5],
  }),
  reject: Type.Integer({
    description: "Rejection number Re (= Ac + 1): reject the lot when at least this many are found.",
    examples: [6],
  }),
  fullInspection: Type.Boolean({
    description: "True when the plan's n ≥ lot size: inspect every item, judged with the same Ac/Re.",
  }),
  aql: Type.String({
    description: "The AQL as printed in the standard's column head (2.5, 4.0, 0.010); 0 = not allowed.",
    examples: ["2.5"],
  }),
  table: Type.Unsafe<"2-A" | "2-B" | "2-C">({
    type: "string",
    enum: ["2-A", "2-B", "2-C"],
    description:
      "Master table of GB/T 2828.1-2012 / ISO 2859-1:1999 used: 2-A normal, 2-B tightened, 2-C reduced.",
  }),
  tableVerified: Type.Boolean({
    description:
      "Whether every cell of Table 1 and of the master table used was confirmed by two independent " +
      "transcriptions. False for tightened (2-B) and reduced (2-C) today: show the plan as unverified.",
  }),
};

export const SamplingPlanResult = Type.Object(planProperties, {
  description: "A single sampling plan (GB/T 2828.1-2012 / ISO 2859-1:1999).",
});
export type SamplingPlanResult = Static<typeof SamplingPlanResult>;

export const ClassPlan = Type.Object(
  {
    ...planProperties,
    zeroAcceptance: Type.Boolean({
      description:
        "True for a class whose defects are not allowed (AQL 0): Ac 0 / Re 1 on the larger of the other " +
        "classes' samples, not a plan of the tables.",
    }),
  },
  { description: "The plan for one class of defects." },
);
export type ClassPlan = Static<typeof ClassPlan>;

export const ClassPlans = Type.Object(
  { critical: ClassPlan, major: ClassPlan, minor: ClassPlan },
  { description: "One plan per defect class (致命 / 严重 / 轻微), for the same lot, level and stage." },
);
export type ClassPlans = Static<typeof ClassPlans>;

/** The platform's error body, for the 400 of these routes (a copy without the unregistered $id). */
export const BadRequest = Type.Object(
  { error: ErrorResponse.properties.error },
  {
    description:
      "VALIDATION: fields[] names each invalid parameter (lotSize, level, stage, aql…) with a code " +
      "(type, out_of_range, not_allowed, required) and a message in the request's language.",
  },
);
