import { CASE_STATUSES, MAX_SPLIT_PARTS, SATISFACTION_RATINGS } from "@jingwei/rules";
import { type Static, Type } from "@sinclair/typebox";
import { Nullable, Paging } from "../../platform/schemas.ts";

export const CHANNELS = [
  "salon",
  "enterprise",
  "phone",
  "letter",
  "petition",
  "labourDispute",
  "web",
] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels a coordinator records on someone's behalf (web is the public form's, enterprise the user's own). */
export const STAFF_CHANNELS = [
  "salon",
  "enterprise",
  "phone",
  "letter",
  "petition",
  "labourDispute",
] as const;

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const DateTime = Type.String({ format: "date-time" });
const IsoDate = Type.String({ format: "date" });
// Generous caps at the edge; the rules' limits (SUBMISSION_TEXT_RULES) give the precise field errors.
const Text = (max: number) => Type.String({ maxLength: max });

export const Status = lit(CASE_STATUSES);
export const Rating = lit(SATISFACTION_RATINGS);

export const PublicSubmissionBody = Type.Object(
  {
    category: Text(64),
    title: Text(1000),
    description: Text(20_000),
    contact: Type.Optional(Text(1000)),
    enterpriseName: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
export type PublicSubmissionBody = Static<typeof PublicSubmissionBody>;

export const CaseCreateBody = Type.Object(
  {
    ...PublicSubmissionBody.properties,
    channel: Type.Optional(lit(STAFF_CHANNELS)),
    enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
    salonId: Type.Optional(Type.String({ format: "uuid" })),
  },
  { additionalProperties: false },
);
export type CaseCreateBody = Static<typeof CaseCreateBody>;

export const Created = Type.Object({ id: Type.Optional(Type.String()), trackingNumber: Type.String() });

export const TrackingParams = Type.Object({ trackingNumber: Type.String({ maxLength: 100 }) });

const Reason = Text(2000);
const obj = <P extends Parameters<typeof Type.Object>[0]>(p: P) =>
  Type.Object(p, { additionalProperties: false });
export const ActionBody = Type.Union([
  obj({ type: Type.Literal("acknowledge") }),
  obj({ type: Type.Literal("assign"), departmentId: Type.String({ maxLength: 64 }) }),
  obj({ type: Type.Literal("transfer"), departmentId: Type.String({ maxLength: 64 }), reason: Reason }),
  obj({ type: Type.Literal("decline"), reason: Reason }),
  obj({ type: Type.Literal("start") }),
  obj({ type: Type.Literal("answer"), reply: Text(5000) }),
  obj({ type: Type.Literal("rate"), rating: Rating, comment: Type.Optional(Reason) }),
  obj({ type: Type.Literal("close") }),
  obj({ type: Type.Literal("reopen"), reason: Reason }),
  obj({ type: Type.Literal("markNotResponsible"), reason: Reason }),
  obj({ type: Type.Literal("markDuplicate"), duplicateOf: Type.String({ maxLength: 64 }) }),
  obj({ type: Type.Literal("withdraw"), reason: Type.Optional(Reason) }),
  obj({ type: Type.Literal("reinstate"), reason: Reason }),
  obj({ type: Type.Literal("escalate"), reason: Reason }),
]);
export type ActionBody = Static<typeof ActionBody>;
/** The action types the API carries out: POST /cases/:id/actions, and `split` at POST /cases/:id/split. */
export const ACTION_TYPES: ReadonlySet<string> = new Set([
  ...ActionBody.anyOf.map((member) => String((member.properties.type as { const: unknown }).const)),
  "split",
]);

/** The rules refuse 0 parts (a field error on `parts`); the cap here only bounds the payload. */
export const SplitBody = obj({
  parts: Type.Array(
    obj({
      category: Text(64),
      title: Text(1000),
      description: Text(20_000),
    }),
    { maxItems: MAX_SPLIT_PARTS },
  ),
});
export type SplitBody = Static<typeof SplitBody>;
export const SplitResult = Type.Object({
  parts: Type.Array(
    Type.Object({
      id: Type.String(),
      trackingNumber: Type.String(),
      title: Type.String(),
      category: Type.String(),
      departmentId: Nullable(Type.String()),
    }),
  ),
});

export const RatingBody = obj({ rating: Rating, comment: Type.Optional(Reason) });
export const NoteBody = obj({ text: Text(5000) });

export const CaseFilters = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Status),
  category: Type.Optional(Type.String({ maxLength: 64 })),
  departmentId: Type.Optional(Type.String({ format: "uuid" })),
  channel: Type.Optional(lit(CHANNELS)),
  salonId: Type.Optional(Type.String({ format: "uuid" })),
  overdue: Type.Optional(Type.Boolean()),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});
export type CaseFilters = Static<typeof CaseFilters>;
export const CaseListQuery = Type.Composite([Paging, CaseFilters], { additionalProperties: false });
export type CaseListQuery = Static<typeof CaseListQuery>;

export const CaseSummary = Type.Object({
  id: Type.String(),
  trackingNumber: Type.String(),
  channel: Type.String(),
  category: Type.String(),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  status: Status,
  title: Type.String(),
  enterpriseName: Type.String(),
  submittedAt: DateTime,
  resolveDue: DateTime,
  overdue: Type.Boolean(),
  rating: Nullable(Rating),
  heldForReview: Type.Boolean(),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const TimelineEvent = Type.Object({
  id: Type.Number(),
  at: DateTime,
  type: Type.String(),
  visibility: lit(["public", "internal"]),
  actorKind: Type.String(),
  actorName: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  fromDepartmentName: Nullable(Type.String()),
  toDepartmentName: Nullable(Type.String()),
  text: Nullable(Type.String()),
  rating: Nullable(Type.String()),
});

const Milestone = Type.Object({
  milestone: Type.String(),
  deadline: DateTime,
  state: Type.String(),
  workingDaysLate: Type.Number(),
});

export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  description: Type.String(),
  contact: Type.String(),
  enterpriseId: Nullable(Type.String()),
  salonId: Nullable(Type.String()),
  duplicateOf: Nullable(Type.String()),
  acknowledgeDue: DateTime,
  firstAnswerDue: DateTime,
  firstAnsweredAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  reopenCount: Type.Number(),
  escalations: Type.Number(),
  abuseReasons: Type.Array(Type.String()),
  milestones: Type.Array(Milestone),
  escalation: Type.String(),
  provisional: Type.Boolean(),
  allowedActions: Type.Array(Type.String()),
  canNote: Type.Boolean(),
  timeline: Type.Array(TimelineEvent),
});

/** What the public tracking page shows: never contact details, the enterprise name or internal events. */
export const PublicCaseView = Type.Object({
  trackingNumber: Type.String(),
  category: Type.String(),
  title: Type.String(),
  status: Status,
  departmentName: Nullable(Type.String()),
  submittedAt: DateTime,
  resolveDue: DateTime,
  rating: Nullable(Rating),
  canRate: Type.Boolean(),
  replies: Type.Array(Type.Object({ at: DateTime, text: Type.String() })),
  timeline: Type.Array(
    Type.Object({
      at: DateTime,
      type: Type.String(),
      toStatus: Nullable(Type.String()),
      departmentName: Nullable(Type.String()),
      text: Nullable(Type.String()),
      rating: Nullable(Type.String()),
    }),
  ),
});

export const SalonBody = obj({
  heldOn: IsoDate,
  place: Type.String({ minLength: 1, maxLength: 200 }),
  topic: Type.Optional(Type.String({ maxLength: 200 })),
  hosts: Type.String({ minLength: 1, maxLength: 500 }),
  attendees: Type.Optional(Type.String({ maxLength: 10_000 })),
  attendeeCount: Type.Integer({ minimum: 0, maximum: 10_000 }),
});
export type SalonBody = Static<typeof SalonBody>;
export const Salon = Type.Object({
  id: Type.String(),
  heldOn: Type.String(),
  place: Type.String(),
  topic: Type.String(),
  hosts: Type.String(),
  attendees: Type.String(),
  attendeeCount: Type.Number(),
  caseCount: Type.Number(),
  closedCount: Type.Number(),
});
export const SalonQuery = Type.Composite(
  [
    Paging,
    Type.Object({
      q: Type.Optional(Type.String({ maxLength: 100 })),
      from: Type.Optional(IsoDate),
      to: Type.Optional(IsoDate),
    }),
  ],
  { additionalProperties: false },
);

export const DepartmentBody = obj({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: "^[a-zA-Z0-9_-]+$" }),
  nameZh: Type.String({ minLength: 1, maxLength: 100 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 200 }))),
  active: Type.Optional(Type.Boolean()),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
});
export type DepartmentBody = Static<typeof DepartmentBody>;
export const DepartmentPatch = Type.Partial(DepartmentBody, {
  additionalProperties: false,
  minProperties: 1,
});
export const Department = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  email: Nullable(Type.String()),
  active: Type.Boolean(),
  sortOrder: Type.Number(),
  members: Type.Array(
    Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() }),
  ),
});
export const MembersBody = obj({ userIds: Type.Array(Type.String({ format: "uuid" }), { maxItems: 500 }) });

export const CategoryBody = obj({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: "^[a-zA-Z][a-zA-Z0-9_]*$" }),
  nameZh: Type.String({ minLength: 1, maxLength: 100 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  departmentId: Nullable(Type.String({ format: "uuid" })),
  acknowledgeDays: Type.Integer({ minimum: 1, maximum: 250 }),
  firstAnswerDays: Type.Integer({ minimum: 1, maximum: 250 }),
  resolveDays: Type.Integer({ minimum: 1, maximum: 250 }),
  active: Type.Optional(Type.Boolean()),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
});
export type CategoryBody = Static<typeof CategoryBody>;
export const CategoryPut = Type.Omit(CategoryBody, ["code"], { additionalProperties: false });
export type CategoryPut = Static<typeof CategoryPut>;
export const Category = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  acknowledgeDays: Type.Number(),
  firstAnswerDays: Type.Number(),
  resolveDays: Type.Number(),
  active: Type.Boolean(),
  sortOrder: Type.Number(),
});

export const CalendarYearBody = obj({
  holidays: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 120 }),
  makeUpWorkdays: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 60 }),
  verified: Type.Boolean(),
  source: Type.String({ maxLength: 500 }),
});
export type CalendarYearBody = Static<typeof CalendarYearBody>;
export const CalendarYear = Type.Object({
  year: Type.Number(),
  holidays: Type.Array(Type.String()),
  makeUpWorkdays: Type.Array(Type.String()),
  verified: Type.Boolean(),
  source: Type.String(),
});
export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2099 }) });
export const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });

export const StatsQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    departmentId: Type.Optional(Type.String({ format: "uuid" })),
    category: Type.Optional(Type.String({ maxLength: 64 })),
    channel: Type.Optional(lit(CHANNELS)),
  },
  { additionalProperties: false },
);
export type StatsQuery = Static<typeof StatsQuery>;

// ── Mail: the outbox and the SMTP settings ─────────────────────────────────────────────────────────────────────

export const MAIL_STATUSES = ["pending", "sent", "failed"] as const;
export const OutboxQuery = Type.Composite(
  [Paging, Type.Object({ status: Type.Optional(lit(MAIL_STATUSES)) })],
  { additionalProperties: false },
);
export type OutboxQuery = Static<typeof OutboxQuery>;
export const OutboxMail = Type.Object({
  id: Type.String(),
  toAddress: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  kind: Type.String(),
  caseId: Nullable(Type.String()),
  createdAt: DateTime,
  sentAt: Nullable(DateTime),
  status: lit(MAIL_STATUSES),
  attempts: Type.Number(),
  nextAttemptAt: Nullable(DateTime),
  error: Nullable(Type.String()),
});

const MailMode = lit(["environment", "console", "off"] as const);
export const MailSettingsBody = obj({
  mode: MailMode,
  host: Type.String({ maxLength: 255 }),
  port: Type.Integer({ minimum: 1, maximum: 65535 }),
  secure: Type.Boolean(),
  username: Type.String({ maxLength: 255 }),
  /** Left out: keep the stored password; "": clear it. Never sent back. */
  password: Type.Optional(Type.String({ maxLength: 255 })),
  from: Type.String({ maxLength: 255 }),
});
export type MailSettingsBody = Static<typeof MailSettingsBody>;
const SmtpSummary = Type.Object({
  host: Type.String(),
  port: Type.Number(),
  secure: Type.Boolean(),
  username: Type.String(),
  from: Type.String(),
});
export const MailSettings = Type.Object({
  mode: MailMode,
  host: Type.String(),
  port: Type.Number(),
  secure: Type.Boolean(),
  username: Type.String(),
  from: Type.String(),
  passwordSet: Type.Boolean(),
  environment: Nullable(SmtpSummary),
  active: Nullable(
    Type.Object({
      source: lit(["environment", "console"] as const),
      host: Type.String(),
      port: Type.Number(),
      from: Type.String(),
    }),
  ),
});
export const MailTestBody = obj({ to: Type.String({ format: "email", maxLength: 255 }) });
