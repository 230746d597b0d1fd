import { type Static, Type } from "@sinclair/typebox";
import { Nullable, Paging } from "../../platform/schemas.ts";
import { ClassPlan } from "../sampling/schemas.ts";

// Request and response shapes of the lots module (declarations, decisions, inspections, switching, attachments).

const Text = (max: number) => Nullable(Type.String({ maxLength: max }));
const DateText = Type.String({ format: "date", description: "YYYY-MM-DD" });
const Int = (min: number) => Type.Integer({ minimum: min, maximum: 2_147_483_647 });

export const LOT_STATUSES = ["released", "awaiting_inspection", "accepted", "rework", "withdrawn"] as const;
export const OPEN_STATUSES = ["awaiting_inspection", "rework"] as const;
const Literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const LotStatus = Literals(LOT_STATUSES);
export const SupervisionModeSchema = Literals(["verification", "general", "stringent", "special"] as const);
export const DecisionSchema = Literals(["release", "inspect"] as const);
export const EnterpriseClassSchema = Literals(["I", "II", "III", "IV"] as const);
export const RiskSchema = Literals(["low", "medium", "high"] as const);
export const DefectClassSchema = Literals(["critical", "major", "minor"] as const);
export const ResultSchema = Literals(["accepted", "rejected"] as const);
export const StageSchema = Literals(["normal", "tightened", "reduced", "discontinued"] as const);

// ---------------------------------------------------------------------------------------------------------------
// Declaration

export const SelfInspection = Type.Object(
  {
    sampleSize: Int(0),
    defectsFound: Int(0),
    passed: Type.Boolean(),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);

export const LotDeclare = Type.Object(
  {
    productCategory: Type.String({ minLength: 1, maxLength: 40 }),
    hsCode: Type.String({ pattern: "^[0-9]{6,10}$", description: "6–10 digits" }),
    description: Type.Optional(Text(500)),
    quantity: Int(1),
    unit: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 20 }))),
    lotSize: Type.Integer({
      minimum: 1,
      maximum: 2_147_483_647,
      description: "Items in the lot, for the AQL plan",
    }),
    valueUsd: Type.Number({ minimum: 0, maximum: 999_999_999_999 }),
    destination: Type.String({ pattern: "^[A-Za-z]{2}$", description: "ISO 3166-1 alpha-2" }),
    buyer: Type.Optional(Text(200)),
    brand: Type.Optional(Text(100)),
    shipDate: DateText,
    selfInspection: SelfInspection,
    enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
  },
  { additionalProperties: false },
);
export type LotDeclare = Static<typeof LotDeclare>;

export const DecisionReason = Type.Object({
  key: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  text: Type.String(),
});
export type DecisionReason = Static<typeof DecisionReason>;

export const Draw = Type.Object({ seed: Type.String(), value: Type.Number(), hash: Type.String() });

const lotSummaryProps = {
  id: Type.String(),
  declarationNo: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  productCategory: Type.String(),
  hsCode: Type.String(),
  quantity: Type.Integer(),
  unit: Type.String(),
  lotSize: Type.Integer(),
  valueUsd: Type.Number(),
  destination: Type.String(),
  buyer: Nullable(Type.String()),
  brand: Nullable(Type.String()),
  shipDate: Type.String(),
  declaredAt: Type.String(),
  declaredOn: Type.String(),
  enterpriseClass: EnterpriseClassSchema,
  productRisk: RiskSchema,
  mode: SupervisionModeSchema,
  decision: DecisionSchema,
  status: LotStatus,
  officialResult: Nullable(ResultSchema),
  releaseNo: Nullable(Type.String()),
  inspectorId: Nullable(Type.String()),
  inspectorName: Nullable(Type.String()),
};

export const LotSummary = Type.Object(lotSummaryProps);
export type LotSummary = Static<typeof LotSummary>;

export const Lot = Type.Object({
  ...lotSummaryProps,
  description: Nullable(Type.String()),
  selfInspection: Type.Object({
    sampleSize: Nullable(Type.Integer()),
    defectsFound: Nullable(Type.Integer()),
    passed: Type.Boolean(),
    note: Nullable(Type.String()),
  }),
  declaredBy: Nullable(Type.String()),
  samplingShare: Type.Number(),
  draw: Nullable(Draw),
  decisionReason: DecisionReason,
  ruleSetVersion: Type.String(),
  feeWaived: Type.Number(),
  releasedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type Lot = Static<typeof Lot>;

export const LotFilters = Type.Object({
  status: Type.Optional(LotStatus),
  mode: Type.Optional(SupervisionModeSchema),
  decision: Type.Optional(DecisionSchema),
  productCategory: Type.Optional(Type.String({ maxLength: 40 })),
  enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
  declaredFrom: Type.Optional(DateText),
  declaredTo: Type.Optional(DateText),
  q: Type.Optional(
    Type.String({ maxLength: 100, description: "Declaration or release number, buyer, brand" }),
  ),
  sort: Type.Optional(
    Literals(["declaredAt", "-declaredAt", "shipDate", "-shipDate", "value", "-value"] as const),
  ),
});
export type LotFilters = Static<typeof LotFilters>;

export const LotListQuery = Type.Composite([LotFilters, Paging], { additionalProperties: false });
export type LotListQuery = Static<typeof LotListQuery>;

// ---------------------------------------------------------------------------------------------------------------
// Attachments, inspections, switching

export const Attachment = Type.Object({
  id: Type.String(),
  ownerType: Literals([
    "lot",
    "inspection",
    "defect",
    "spot_check",
    "exemption",
    "evaluation_assessment",
    "evaluation_cap",
  ] as const),
  ownerId: Type.String(),
  filename: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  uploadedBy: Nullable(Type.String()),
  uploadedByName: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Attachment = Static<typeof Attachment>;

export const Measurement = Type.Object(
  {
    point: Type.String({ minLength: 1, maxLength: 60, description: "Measuring point, e.g. chest width" }),
    size: Type.String({ minLength: 1, maxLength: 20, description: "Garment size, e.g. M" }),
    specCm: Type.Number({ minimum: 0, maximum: 1000 }),
    toleranceCm: Type.Number({ minimum: 0, maximum: 100 }),
    measuredCm: Type.Number({ minimum: 0, maximum: 1000 }),
  },
  { additionalProperties: false },
);
export type Measurement = Static<typeof Measurement>;

export const DefectEntry = Type.Object(
  {
    defectCode: Type.String({ minLength: 1, maxLength: 60 }),
    defectClass: Type.Optional(DefectClassSchema),
    quantity: Int(1),
    measurement: Type.Optional(Nullable(Measurement)),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);

export const InspectionCreate = Type.Object(
  {
    round: Type.Integer({ minimum: 1, maximum: 100 }),
    defects: Type.Array(DefectEntry, { maxItems: 200 }),
    result: ResultSchema,
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
export type InspectionCreate = Static<typeof InspectionCreate>;

export const InspectionDefect = Type.Object({
  id: Type.String(),
  defectCode: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  category: Type.String(),
  defectClass: DefectClassSchema,
  quantity: Type.Integer(),
  measurement: Nullable(Measurement),
  note: Nullable(Type.String()),
});

export const ClassCounts = Type.Object({
  critical: Type.Integer(),
  major: Type.Integer(),
  minor: Type.Integer(),
});

export const ClassPlansSchema = Type.Object({ critical: ClassPlan, major: ClassPlan, minor: ClassPlan });

export const Inspection = Type.Object({
  id: Type.String(),
  lotId: Type.String(),
  round: Type.Integer(),
  inspectorId: Nullable(Type.String()),
  inspectorName: Nullable(Type.String()),
  stage: Type.String(),
  level: Type.String(),
  codeLetter: Type.String(),
  sampleSize: Type.Integer(),
  fullInspection: Type.Boolean(),
  plans: ClassPlansSchema,
  defectsFound: ClassCounts,
  result: ResultSchema,
  note: Nullable(Type.String()),
  completedAt: Type.String(),
  defects: Type.Array(InspectionDefect),
});
export type Inspection = Static<typeof Inspection>;

export const InspectionPlan = Type.Object({
  lotId: Type.String(),
  round: Type.Integer({
    description: "The round this plan is for: 1 original, 2… re-inspection after rework",
  }),
  stage: StageSchema,
  level: Type.String(),
  lotSize: Type.Integer(),
  mode: SupervisionModeSchema,
  codeLetter: Type.String(),
  sampleSize: Type.Integer({ description: "Items to draw: the largest sample of the three classes" }),
  fullInspection: Type.Boolean({
    description: "Every item of the lot is inspected (special mode, or n ≥ lot)",
  }),
  plans: ClassPlansSchema,
});
export type InspectionPlan = Static<typeof InspectionPlan>;

export const SwitchingEventView = Type.Object({
  id: Type.String(),
  lotId: Nullable(Type.String()),
  declarationNo: Nullable(Type.String()),
  fromStage: Type.String(),
  toStage: Type.String(),
  reasonKey: Type.String(),
  reasonParams: Type.Record(Type.String(), Type.Unknown()),
  reason: Type.String(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type SwitchingEventView = Static<typeof SwitchingEventView>;

export const SwitchingStateView = Type.Object({
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  productCategory: Type.String(),
  stage: StageSchema,
  state: Type.Object({
    stage: StageSchema,
    recentNormalResults: Type.Array(Type.Boolean()),
    switchingScore: Type.Number(),
    consecutiveAcceptedOnTightened: Type.Integer(),
    notAcceptedOnTightened: Type.Integer(),
  }),
  /** False when no original inspection has been recorded yet (the initial normal state). */
  recorded: Type.Boolean(),
  updatedAt: Nullable(Type.String()),
  events: Type.Array(SwitchingEventView),
});
export type SwitchingStateView = Static<typeof SwitchingStateView>;

export const SwitchingQuery = Type.Composite(
  [
    Type.Object({
      enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
      stage: Type.Optional(StageSchema),
    }),
    Paging,
  ],
  { additionalProperties: false },
);
export type SwitchingQuery = Static<typeof SwitchingQuery>;

export const SwitchingParams = Type.Object({
  enterpriseId: Type.String({ format: "uuid" }),
  productCategory: Type.String({ minLength: 1, maxLength: 40 }),
});

export const ResumeBody = Type.Object(
  {
    correctiveActionAccepted: Type.Boolean(),
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);

export const LotDetail = Type.Object({
  lot: Lot,
  attachments: Type.Array(Attachment),
  inspections: Type.Array(Inspection),
  switching: SwitchingStateView,
});
export type LotDetail = Static<typeof LotDetail>;

export const InspectionRecorded = Type.Object({
  inspection: Inspection,
  lot: Lot,
  switching: Nullable(
    Type.Object({
      from: Type.String(),
      to: Type.String(),
      changed: Type.Boolean(),
      reasonKey: Type.String(),
      reasonParams: Type.Record(Type.String(), Type.Unknown()),
      reason: Type.String(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------------------------
// Tasks and the taxonomy

export const TaskQuery = Type.Composite(
  [
    Type.Object({
      mine: Type.Optional(Type.Boolean({ description: "Only lots assigned to me" })),
      productCategory: Type.Optional(Type.String({ maxLength: 40 })),
      enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
      shipFrom: Type.Optional(DateText),
      shipTo: Type.Optional(DateText),
    }),
    Paging,
  ],
  { additionalProperties: false },
);
export type TaskQuery = Static<typeof TaskQuery>;

export const Task = Type.Object({
  ...lotSummaryProps,
  stage: StageSchema,
  nextRound: Type.Integer(),
});
export type Task = Static<typeof Task>;

export const DefectType = Type.Object({
  code: Type.String(),
  category: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  defaultClass: DefectClassSchema,
});
export type DefectType = Static<typeof DefectType>;
