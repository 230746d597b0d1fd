import { ENTERPRISE_CLASSES, PRODUCT_RISKS, SUPERVISION_MODES } from "@jingwei/rules";
import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { Nullable, Paging } from "../../platform/schemas.ts";

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const strict = { additionalProperties: false } as const;
const DateText = Type.String({ format: "date" });

export const ClassSchema = literals(ENTERPRISE_CLASSES);
export const RiskSchema = literals(PRODUCT_RISKS);
export const ModeSchema = literals(SUPERVISION_MODES);
export const ClassSource = literals(["decision", "override", "unclassified"] as const);

// ── Product categories ───────────────────────────────────────────────────────────────────────────────────────

export const ProductCategory = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  risk: RiskSchema,
  hsPrefixes: Type.Array(Type.String()),
  inspectionLevel: Type.String(),
  aqlCritical: Nullable(Type.Number()),
  aqlMajor: Type.Number(),
  aqlMinor: Type.Number(),
});

export const ProductCategoryPatch = Type.Object(
  {
    risk: Type.Optional(RiskSchema),
    inspectionLevel: Type.Optional(Type.String({ minLength: 1, maxLength: 4 })),
    /** null: critical defects not allowed (Ac 0 / Re 1). */
    aqlCritical: Type.Optional(Nullable(Type.Number())),
    aqlMajor: Type.Optional(Type.Number()),
    aqlMinor: Type.Optional(Type.Number()),
  },
  { ...strict, minProperties: 1 },
);
export type ProductCategoryPatch = Static<typeof ProductCategoryPatch>;

export const CodeParams = Type.Object({ code: Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" }) });

// ── Rule sets ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The shape of a ClassificationRuleSet (packages/rules). Only types and sizes are checked here, so a draft can
 * be saved half-finished; the meaning (weights, bands, modes) is validateRuleSet's, on publication.
 */
export const RuleSetRules = Type.Object(
  {
    version: Type.Optional(Type.String({ maxLength: 60 })),
    verified: Type.Boolean(),
    elements: Type.Array(
      Type.Object(
        { id: Type.String({ maxLength: 60 }), weight: Type.Number(), maxScore: Type.Number() },
        strict,
      ),
      { maxItems: 20 },
    ),
    bands: Type.Array(
      Type.Object({ class: Type.String({ maxLength: 8 }), min: Type.Number(), max: Type.Number() }, strict),
      { maxItems: 10 },
    ),
    signalRules: Type.Array(
      Type.Object(
        {
          id: Type.String({ minLength: 1, maxLength: 60 }),
          metric: Type.String({ maxLength: 60 }),
          // Bounded so a window always makes a sensible date (50 years).
          windowMonths: Type.Number({ maximum: 600 }),
          comparison: Type.String({ maxLength: 4 }),
          threshold: Type.Number(),
          effect: Type.Object(
            {
              kind: Type.String({ maxLength: 20 }),
              class: Type.Optional(Type.String({ maxLength: 8 })),
              steps: Type.Optional(Type.Number()),
            },
            strict,
          ),
        },
        strict,
      ),
      { maxItems: 50 },
    ),
    modeMatrix: Type.Partial(
      Type.Object(
        Object.fromEntries(
          ENTERPRISE_CLASSES.map((c) => [
            c,
            Type.Partial(
              Type.Object(
                Object.fromEntries(PRODUCT_RISKS.map((r) => [r, Type.String({ maxLength: 20 })])),
                strict,
              ),
            ),
          ]),
        ) as Record<string, TSchema>,
        strict,
      ),
    ),
    samplingShares: Type.Partial(
      Type.Object(Object.fromEntries(SUPERVISION_MODES.map((m) => [m, Type.Number()])), strict),
    ),
  },
  strict,
);

export const RuleSetWrite = Type.Object(
  {
    version: Type.String({ minLength: 1, maxLength: 60, pattern: "\\S" }),
    rules: RuleSetRules,
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  strict,
);
export type RuleSetWrite = Static<typeof RuleSetWrite>;

export const RuleSetStatus = literals(["draft", "published", "retired"] as const);

export const RuleSetIssue = Type.Object({
  path: Type.String(),
  code: Type.String(),
  severity: literals(["error", "warning"] as const),
  /** The code's message in the request's language. */
  message: Type.String(),
  /** validateRuleSet's own words (English), naming the numbers involved. */
  detail: Type.String(),
});

export const RuleSetSummary = Type.Object({
  id: Type.String(),
  version: Type.String(),
  status: RuleSetStatus,
  verified: Type.Boolean(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  publishedBy: Nullable(Type.String()),
});

export const RuleSetDetail = Type.Composite([
  RuleSetSummary,
  Type.Object({
    rules: Type.Unknown(),
    /** validateRuleSet's findings, errors and warnings, for the editor. */
    issues: Type.Array(RuleSetIssue),
  }),
]);

export const PublishResult = Type.Object({
  ruleSet: RuleSetDetail,
  warnings: Type.Array(RuleSetIssue),
  retired: Nullable(Type.String()),
});

// ── Classes ──────────────────────────────────────────────────────────────────────────────────────────────────

export const CLASS_SORTS = [
  "name",
  "-name",
  "class",
  "-class",
  "score",
  "-score",
  "decidedAt",
  "-decidedAt",
] as const;

export const ClassFilters = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    town: Type.Optional(Type.String({ maxLength: 40 })),
    class: Type.Optional(ClassSchema),
    source: Type.Optional(ClassSource),
    sort: Type.Optional(literals(CLASS_SORTS)),
  },
  strict,
);
export type ClassFilters = Static<typeof ClassFilters>;

export const ClassListQuery = Type.Composite([ClassFilters, Paging], strict);
export type ClassListQuery = Static<typeof ClassListQuery>;

export const ClassListItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  uscc: Type.String(),
  town: Nullable(Type.String()),
  townName: Nullable(Type.String()),
  class: ClassSchema,
  source: ClassSource,
  computedClass: Nullable(ClassSchema),
  score: Nullable(Type.Number()),
  decidedAt: Nullable(Type.String()),
  ruleSetVersion: Nullable(Type.String()),
  overrideExpiresOn: Nullable(Type.String()),
});
export type ClassListItem = Static<typeof ClassListItem>;

const ScheduledRun = Type.Object({
  enabled: Type.Boolean(),
  cron: Type.String(),
  lastRunAt: Nullable(Type.String()),
  lastResult: Type.Unknown(),
});

export const ClassSummary = Type.Object({
  total: Type.Integer(),
  /** Exporters by class in force (override or decision); the unclassified are counted apart. */
  byClass: Type.Object({ I: Type.Integer(), II: Type.Integer(), III: Type.Integer(), IV: Type.Integer() }),
  unclassified: Type.Integer(),
  overrides: Type.Integer(),
  ruleSetVersion: Type.String(),
  schedule: Nullable(ScheduledRun),
});

export const EnterpriseParams = Type.Object({ enterpriseId: Type.String({ format: "uuid" }) });

export const Decision = Type.Object({
  id: Type.String(),
  class: ClassSchema,
  computedClass: ClassSchema,
  baseClass: ClassSchema,
  scoreTotal: Type.Number(),
  ruleSetId: Type.String(),
  ruleSetVersion: Type.String(),
  signals: Type.Unknown(),
  applied: Type.Unknown(),
  trace: Type.Unknown(),
  override: Type.Unknown(),
  trigger: Type.String(),
  decidedAt: Type.String(),
  decidedBy: Nullable(Type.String()),
});

export type Decision = Static<typeof Decision>;

const ModeRow = Type.Object({
  productCategory: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  risk: RiskSchema,
  mode: ModeSchema,
  samplingShare: Type.Number(),
  fullInspection: Type.Boolean(),
});

export const Assessment = Type.Object({
  id: Type.String(),
  scores: Type.Record(Type.String(), Type.Number()),
  assessedOn: Type.String(),
  note: Nullable(Type.String()),
  assessedBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Assessment = Static<typeof Assessment>;

export const ClassDetail = Type.Object({
  enterprise: Type.Object({
    id: Type.String(),
    name: Type.String(),
    uscc: Type.String(),
    town: Nullable(Type.String()),
    townName: Nullable(Type.String()),
    exportFlag: Type.Boolean(),
  }),
  classInForce: Type.Object({
    class: ClassSchema,
    source: ClassSource,
    decisionId: Nullable(Type.String()),
  }),
  decision: Nullable(Decision),
  assessment: Nullable(Assessment),
  override: Nullable(
    Type.Object({
      class: ClassSchema,
      reason: Type.String(),
      expiresOn: Type.String(),
      inForce: Type.Boolean(),
      by: Nullable(Type.String()),
    }),
  ),
  switchingStates: Type.Array(
    Type.Object({
      productCategory: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      stage: Type.String(),
      updatedAt: Type.String(),
    }),
  ),
  modes: Type.Array(ModeRow),
  ruleSet: Type.Object({
    id: Type.String(),
    version: Type.String(),
    elements: Type.Array(Type.Object({ id: Type.String(), weight: Type.Number(), maxScore: Type.Number() })),
  }),
});

export const HistoryItem = Type.Omit(Decision, ["signals", "applied"]);
export type HistoryItem = Static<typeof HistoryItem>;

export const AssessmentPut = Type.Object(
  {
    scores: Type.Record(Type.String({ maxLength: 60 }), Type.Number(), { maxProperties: 20 }),
    assessedOn: DateText,
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  strict,
);
export type AssessmentPut = Static<typeof AssessmentPut>;

export const OverridePut = Type.Object(
  {
    class: ClassSchema,
    reason: Type.String({ minLength: 1, maxLength: 1000, pattern: "\\S" }),
    expiresOn: DateText,
  },
  strict,
);
export type OverridePut = Static<typeof OverridePut>;

/** A mass operation: the body must say so, so a stray empty POST changes nothing. */
export const ReclassifyAllBody = Type.Object({ confirm: Type.Literal(true) }, strict);

export const ReclassifyResult = Type.Object({
  enterprises: Type.Integer(),
  classified: Type.Integer(),
  changed: Type.Integer(),
  notAssessed: Type.Integer(),
  durationMs: Type.Number(),
  ruleSetVersion: Type.String(),
});

// ── Quality events ───────────────────────────────────────────────────────────────────────────────────────────

export const QUALITY_EVENT_KINDS = ["return", "claim", "warning", "complaint", "penalty"] as const;
export const QualityEventKind = literals(QUALITY_EVENT_KINDS);

export const QualityEventQuery = Type.Composite(
  [
    Type.Object({
      enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
      kind: Type.Optional(QualityEventKind),
    }),
    Paging,
  ],
  strict,
);
export type QualityEventQuery = Static<typeof QualityEventQuery>;

export const QualityEventCreate = Type.Object(
  {
    enterpriseId: Type.String({ format: "uuid" }),
    kind: QualityEventKind,
    occurredOn: DateText,
    description: Type.String({ minLength: 1, maxLength: 2000, pattern: "\\S" }),
    lotId: Type.Optional(Nullable(Type.String({ format: "uuid" }))),
  },
  strict,
);
export type QualityEventCreate = Static<typeof QualityEventCreate>;

export const QualityEvent = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  kind: QualityEventKind,
  occurredOn: Type.String(),
  description: Type.String(),
  lotId: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type QualityEvent = Static<typeof QualityEvent>;
