import { ASSESSMENT_STAGES, CAP_TRANSITIONS, STAGE_TRANSITIONS } from "@jingwei/rules";
import { Type } from "@sinclair/typebox";
import { Nullable } from "../../platform/schemas.ts";

const Literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const DateString = Type.String({ format: "date", description: "YYYY-MM-DD" });
const Uuid = Type.String({ format: "uuid" });

export const SystemSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  version: Type.String(),
  status: Literals(["draft", "published"] as const),
  kind: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  shipped: Type.Boolean(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedBy: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
});

/** A validation issue: the message in the reader's language, and in both (packages/rules validate-messages.ts). */
export const SystemIssueSchema = Type.Object({
  path: Type.String({ description: 'into the definition, e.g. "sections[2].indicators[0].weight"' }),
  code: Type.String(),
  severity: Literals(["error", "warning"] as const),
  message: Type.String(),
  zh: Type.String(),
  en: Type.String(),
});

export const SystemDetailSchema = Type.Composite([
  SystemSummary,
  Type.Object({
    definition: Type.Unknown({ description: "the EvaluationSystem (packages/rules evaluation/types.ts)" }),
    issues: Type.Array(SystemIssueSchema),
    assessments: Type.Integer(),
  }),
]);

export const SystemWrite = Type.Object(
  {
    definition: Type.Optional(Type.Unknown({ description: "the system as an object" })),
    text: Type.Optional(
      Type.String({ maxLength: 2_000_000, description: "or the system as JSON or YAML text" }),
    ),
    format: Type.Optional(Literals(["json", "yaml"] as const)),
  },
  { additionalProperties: false },
);

export const SystemValidateBody = Type.Object(
  {
    definition: Type.Optional(Type.Unknown({ description: "the system as an object" })),
    text: Type.Optional(Type.String({ maxLength: 2_000_000, description: "or as JSON or YAML text" })),
    format: Type.Optional(Literals(["json", "yaml"] as const)),
    /** Also return the definition as text in this format. */
    as: Type.Optional(Literals(["json", "yaml"] as const)),
  },
  { additionalProperties: false },
);

export const SystemValidation = Type.Object({
  ok: Type.Boolean({ description: "no error: a save would be accepted" }),
  errors: Type.Integer(),
  warnings: Type.Integer(),
  issues: Type.Array(SystemIssueSchema),
  definition: Type.Unknown({ description: "the definition read (null when its syntax or shape is wrong)" }),
  text: Nullable(Type.String()),
});

export const SystemVersionBody = Type.Object(
  {
    version: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 60,
        description: "default: the next free label (2024.1 → 2024.2)",
      }),
    ),
  },
  { additionalProperties: false },
);

export const ExportQuery = Type.Object({ format: Literals(["json", "yaml"] as const) });

export const Assessment = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  systemId: Type.String(),
  systemCode: Type.String(),
  systemVersion: Type.String(),
  systemNameZh: Type.String(),
  systemNameEn: Type.String(),
  stage: Literals(ASSESSMENT_STAGES),
  title: Nullable(Type.String()),
  auditorIds: Type.Array(Type.String()),
  selfDueOn: Nullable(Type.String()),
  siteVisitOn: Nullable(Type.String()),
  workerInterviews: Type.Integer(),
  documentReviewDone: Type.Boolean(),
  trialStartedOn: Nullable(Type.String()),
  reassessmentDueOn: Nullable(Type.String()),
  metrics: Type.Record(Type.String(), Type.Number()),
  percent: Nullable(Type.Number()),
  level: Nullable(Type.String()),
  worstLevel: Type.Boolean(),
  ratingWithheld: Type.Boolean(),
  ratedOn: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  followUpDueOn: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  openFindings: Type.Integer(),
  openCapItems: Type.Integer(),
  overdueCapItems: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const AssessmentCreateBody = Type.Object(
  {
    enterpriseId: Uuid,
    systemId: Uuid,
    title: Type.Optional(Type.String({ maxLength: 200 })),
    auditorIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    selfDueOn: Type.Optional(DateString),
  },
  { additionalProperties: false },
);

export const AssessmentPatchBody = Type.Object(
  {
    title: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    auditorIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    selfDueOn: Type.Optional(Nullable(DateString)),
    siteVisitOn: Type.Optional(Nullable(DateString)),
    workerInterviews: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    documentReviewDone: Type.Optional(Type.Boolean()),
    reassessmentDueOn: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AssessmentListQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  enterpriseId: Type.Optional(Uuid),
  stage: Type.Optional(Literals(ASSESSMENT_STAGES)),
  systemCode: Type.Optional(Type.String({ maxLength: 64 })),
});

const STAGE_ACTIONS = [...new Set(STAGE_TRANSITIONS.map((t) => t.action))];
export const StageBody = Type.Object(
  {
    action: Type.Optional(Literals(STAGE_ACTIONS)),
    to: Type.Optional(Literals(ASSESSMENT_STAGES)),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const AnswerValueSchema = Type.Union([
  Type.String({ maxLength: 200 }),
  Type.Number(),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }),
  Type.Null(),
]);
export const AnswersBody = Type.Object(
  {
    answers: Type.Record(
      Type.String({ maxLength: 64 }),
      Type.Object(
        {
          value: AnswerValueSchema,
          overruleReason: Type.Optional(Type.String({ maxLength: 2000 })),
        },
        { additionalProperties: false },
      ),
      {
        description:
          "by indicator id: the value (yesPartialNo: yes|partial|no; number; option id(s); file: attachment ids; null: not applicable). " +
          "The enterprise answers its self-assessment; an auditor's values are scored, with overruleReason where they differ.",
      },
    ),
  },
  { additionalProperties: false },
);

export const FindingBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    detail: Type.Optional(Type.String({ maxLength: 5000 })),
    severity: Literals(["low", "medium", "high"] as const),
    sectionId: Type.Optional(Type.String({ maxLength: 64 })),
    indicatorId: Type.Optional(Type.String({ maxLength: 64 })),
    zeroTolerance: Type.Optional(Type.Boolean()),
    deadline: Type.Optional(DateString),
    evidenceRequired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const CapActionBody = Type.Object(
  {
    action: Literals([...new Set(CAP_TRANSITIONS.map((t) => t.action))]),
    rootCause: Type.Optional(Type.String({ maxLength: 5000 })),
    correctiveAction: Type.Optional(Type.String({ maxLength: 5000 })),
    ownerName: Type.Optional(Type.String({ maxLength: 100 })),
    comment: Type.Optional(Type.String({ maxLength: 5000 })),
    verificationNote: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);

export const Finding = Type.Unknown({ description: "a finding with its CAP item (findings.ts FindingRow)" });
export const PagingQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
export const ProgrammeQuery = Type.Object({
  systemCode: Type.Optional(Type.String({ maxLength: 64 })),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  stage: Type.Optional(Literals(ASSESSMENT_STAGES)),
  level: Type.Optional(Type.String({ maxLength: 64, description: "the latest assessment's level id" })),
  q: Type.Optional(
    Type.String({ maxLength: 100, description: "the enterprise: name, pinyin, initials or USCC" }),
  ),
  sort: Type.Optional(
    Literals([
      "name",
      "-name",
      "ratedOn",
      "-ratedOn",
      "percent",
      "-percent",
      "level",
      "-level",
      "stage",
      "-stage",
    ] as const),
  ),
});

export const RatingsQuery = Type.Object({
  enterpriseId: Type.String({ format: "uuid", description: "the enterprise whose results are listed" }),
});
const Localized = Type.Object({ zh: Type.String(), en: Type.String() });
export const EnterpriseRating = Type.Object({
  assessmentId: Type.String(),
  systemCode: Type.String(),
  systemVersion: Type.String(),
  systemName: Localized,
  title: Nullable(Type.String()),
  stage: Literals(ASSESSMENT_STAGES),
  level: Nullable(Type.String({ description: "the level given at the rating; null before it" })),
  levelName: Nullable(Localized),
  percent: Nullable(Type.Number()),
  worstLevel: Type.Boolean(),
  ratingWithheld: Type.Boolean(),
  ratedOn: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  followUpDueOn: Nullable(Type.String()),
});
