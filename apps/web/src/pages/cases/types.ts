// Types of the cases API (apps/server/src/modules/cases/schemas.ts).

export const CASE_STATUSES = [
  "new",
  "acknowledged",
  "inProgress",
  "answered",
  "closed",
  "notResponsible",
  "duplicate",
  "withdrawn",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

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
export const STAFF_CHANNELS: Channel[] = [
  "phone",
  "letter",
  "petition",
  "labourDispute",
  "salon",
  "enterprise",
];

export const RATINGS = ["satisfied", "basically", "notSatisfied"] as const;
export type Rating = (typeof RATINGS)[number];

export const ACTIONS = [
  "acknowledge",
  "assign",
  "transfer",
  "decline",
  "start",
  "answer",
  "rate",
  "close",
  "reopen",
  "markNotResponsible",
  "markDuplicate",
  "withdraw",
  "reinstate",
  "escalate",
] as const;
export type CaseAction = (typeof ACTIONS)[number];

export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentId: string | null;
  departmentName: string | null;
  acknowledgeDays: number;
  firstAnswerDays: number;
  resolveDays: number;
  active: boolean;
  sortOrder: number;
}

export interface Department {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  email: string | null;
  active: boolean;
  sortOrder: number;
  members: { id: string; username: string; displayName: string }[];
}

export interface CaseSummary {
  id: string;
  trackingNumber: string;
  channel: Channel;
  category: string;
  departmentId: string | null;
  departmentName: string | null;
  status: CaseStatus;
  title: string;
  enterpriseName: string;
  submittedAt: string;
  resolveDue: string;
  overdue: boolean;
  rating: Rating | null;
  heldForReview: boolean;
}

export interface TimelineEvent {
  id: number;
  at: string;
  type: string;
  visibility: "public" | "internal";
  actorKind: string;
  actorName: string;
  fromStatus: string | null;
  toStatus: string | null;
  fromDepartmentName: string | null;
  toDepartmentName: string | null;
  text: string | null;
  rating: string | null;
}

export interface CaseDetail extends CaseSummary {
  description: string;
  contact: string;
  enterpriseId: string | null;
  salonId: string | null;
  duplicateOf: string | null;
  acknowledgeDue: string;
  firstAnswerDue: string;
  firstAnsweredAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  escalations: number;
  abuseReasons: string[];
  milestones: { milestone: string; deadline: string; state: string; workingDaysLate: number }[];
  escalation: string;
  provisional: boolean;
  /** Workflow actions, and "split" (its own endpoint and modal). */
  allowedActions: (CaseAction | "split")[];
  canNote: boolean;
  timeline: TimelineEvent[];
}

export interface PublicCase {
  trackingNumber: string;
  category: string;
  title: string;
  status: CaseStatus;
  departmentName: string | null;
  submittedAt: string;
  resolveDue: string;
  rating: Rating | null;
  canRate: boolean;
  replies: { at: string; text: string }[];
  timeline: {
    at: string;
    type: string;
    toStatus: string | null;
    departmentName: string | null;
    text: string | null;
    rating: string | null;
  }[];
}

export interface Salon {
  id: string;
  heldOn: string;
  place: string;
  topic: string;
  hosts: string;
  attendees: string;
  attendeeCount: number;
  caseCount: number;
  closedCount: number;
}

export interface CaseStats {
  collected: number;
  closed: number;
  closureRate: number | null;
  open: number;
  overdue: number;
  heldForReview: number;
  medianHoursToAnswer: number | null;
  medianHoursToClose: number | null;
  satisfaction: {
    rated: number;
    satisfied: number;
    basically: number;
    notSatisfied: number;
    satisfactionRate: number | null;
  };
  byDepartment: {
    departmentId: string | null;
    departmentName: string | null;
    open: number;
    overdue: number;
  }[];
  topCategories: { category: string; count: number }[];
  byChannel: { channel: Channel; count: number }[];
  monthly: { month: string; collected: number; closed: number }[];
}

export interface CalendarYear {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
  verified: boolean;
  source: string;
}

export const MAIL_STATUSES = ["pending", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** A row of the e-mail outbox (GET /api/v1/email-outbox). */
export interface OutboxMail {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  kind: string;
  caseId: string | null;
  createdAt: string;
  sentAt: string | null;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string | null;
  error: string | null;
}

export type MailMode = "environment" | "console" | "off";

/** GET /api/v1/mail-settings: never the password, only whether one is stored. */
export interface MailSettings {
  mode: MailMode;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  from: string;
  passwordSet: boolean;
  environment: { host: string; port: number; secure: boolean; username: string; from: string } | null;
  active: { source: "environment" | "console"; host: string; port: number; from: string } | null;
}

/** POST /api/v1/cases/:id/split → the new cases. */
export interface SplitPart {
  id: string;
  trackingNumber: string;
  title: string;
  category: string;
  departmentId: string | null;
}
