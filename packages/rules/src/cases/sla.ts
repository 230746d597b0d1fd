// Service levels per category: three deadlines in working days from submission — acknowledge (受理), first answer
// and resolve — their state at a given moment, and how far a late case is escalated.
import {
  addWorkingDays,
  type DeadlineOptions,
  deadlineStatus,
  shanghaiDate,
  type WorkCalendar,
  warnFrom,
  workingDaysBetween,
} from "./calendar.ts";

export interface CaseSla {
  acknowledgeDays: number;
  firstAnswerDays: number;
  resolveDays: number;
}

export type SlaMilestone = "acknowledge" | "firstAnswer" | "resolve";
export const SLA_MILESTONES: readonly SlaMilestone[] = ["acknowledge", "firstAnswer", "resolve"];

const DAYS_KEY: Record<SlaMilestone, keyof CaseSla> = {
  acknowledge: "acknowledgeDays",
  firstAnswer: "firstAnswerDays",
  resolve: "resolveDays",
};

/** Platform default (1 / 5 / 15 working days); each category can have its own. Not from a regulation. */
export const DEFAULT_CASE_SLA: CaseSla = { acknowledgeDays: 1, firstAnswerDays: 5, resolveDays: 15 };

/** The issue's default categories (editable by administrators; ids are stable, names are translated). */
export const DEFAULT_CASE_CATEGORIES = [
  "policy",
  "finance",
  "landAndPremises",
  "labourAndTalent",
  "environment",
  "qualityAndInspection",
  "marketAccess",
  "legal",
  "other",
] as const;

/** Longest deadline accepted: a year of working days. */
export const MAX_SLA_DAYS = 250;

export type SlaIssueCode = "sla_days_invalid" | "sla_order";

export interface SlaIssue {
  path: keyof CaseSla;
  code: SlaIssueCode;
  message: string;
}

/** Whole working days 1–250, and acknowledge ≤ first answer ≤ resolve. */
export function validateCaseSla(sla: CaseSla): SlaIssue[] {
  const issues: SlaIssue[] = [];
  for (const m of SLA_MILESTONES) {
    const v = sla[DAYS_KEY[m]];
    if (!Number.isInteger(v) || v < 1 || v > MAX_SLA_DAYS) {
      issues.push({
        path: DAYS_KEY[m],
        code: "sla_days_invalid",
        message: `${DAYS_KEY[m]} must be a whole number of working days from 1 to ${MAX_SLA_DAYS}`,
      });
    }
  }
  if (issues.length === 0) {
    if (sla.firstAnswerDays < sla.acknowledgeDays) {
      issues.push({
        path: "firstAnswerDays",
        code: "sla_order",
        message: "the first answer cannot be due before acknowledgement",
      });
    }
    if (sla.resolveDays < sla.firstAnswerDays) {
      issues.push({
        path: "resolveDays",
        code: "sla_order",
        message: "resolution cannot be due before the first answer",
      });
    }
  }
  return issues;
}

/** The category's SLA, or the fallback for a category without one. */
export function slaForCategory(
  table: Readonly<Record<string, CaseSla>>,
  category: string,
  fallback: CaseSla = DEFAULT_CASE_SLA,
): CaseSla {
  return Object.hasOwn(table, category) ? (table[category] as CaseSla) : fallback;
}

export type CaseDeadlines = Record<SlaMilestone, Date>;

/**
 * The clock of a case (`CaseState` from workflow.ts fits). `reopenedAt` restarts the resolve deadline: a case
 * sent back for re-handling gets a full resolve period from the reopen; acknowledge and first answer keep theirs.
 * A transfer restarts nothing — a misrouted case is the platform's delay, not the submitter's.
 */
export interface SlaClock {
  submittedAt: Date;
  acknowledgedAt?: Date | null;
  firstAnsweredAt?: Date | null;
  resolvedAt?: Date | null;
  reopenedAt?: Date | null;
}

/** The three deadlines (close of business on the N-th working day, see calendar.ts). */
export function caseDeadlines(
  calendar: WorkCalendar,
  sla: CaseSla,
  clock: SlaClock,
  options: DeadlineOptions = {},
): CaseDeadlines {
  return {
    acknowledge: addWorkingDays(calendar, clock.submittedAt, sla.acknowledgeDays, options),
    firstAnswer: addWorkingDays(calendar, clock.submittedAt, sla.firstAnswerDays, options),
    resolve: addWorkingDays(calendar, clock.reopenedAt ?? clock.submittedAt, sla.resolveDays, options),
  };
}

/**
 * When a milestone was reached. A later event implies the earlier ones: an answer given without a separate
 * acknowledgement acknowledges too, and an end state (not responsible, duplicate, withdrawn) ends all three.
 */
function metAt(clock: SlaClock, m: SlaMilestone): Date | null {
  const chain: (Date | null | undefined)[] =
    m === "acknowledge"
      ? [clock.acknowledgedAt, clock.firstAnsweredAt, clock.resolvedAt]
      : m === "firstAnswer"
        ? [clock.firstAnsweredAt, clock.resolvedAt]
        : [clock.resolvedAt];
  const times = chain.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}

export type MilestoneState = "met" | "metLate" | "ok" | "dueSoon" | "overdue";

export interface MilestoneStatus {
  milestone: SlaMilestone;
  deadline: Date;
  state: MilestoneState;
  metAt: Date | null;
  /**
   * Working days begun after the deadline's day when it was met (metLate) or now (overdue); 0 on the deadline's
   * own day after close of business.
   */
  workingDaysLate: number;
}

/** Escalation ladder, lowest first. */
export type EscalationLevel = "none" | "reminder" | "overdue" | "supervisor" | "leadership";
export const ESCALATION_LEVELS: readonly EscalationLevel[] = [
  "none",
  "reminder",
  "overdue",
  "supervisor",
  "leadership",
];

export interface EscalationPolicy {
  /** "Due soon" (a reminder to the department) this many working days before a deadline. */
  warnBeforeWorkingDays: number;
  /** Overdue by at least this many working days: the department head and the coordinator (supervisor). */
  supervisorAfterWorkingDays: number;
  /** Overdue by at least this many working days: the leadership (leadership). */
  leadershipAfterWorkingDays: number;
}

/** Platform defaults; administrators set their own. */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  warnBeforeWorkingDays: 1,
  supervisorAfterWorkingDays: 3,
  leadershipAfterWorkingDays: 10,
};

export interface SlaEvaluation {
  deadlines: CaseDeadlines;
  milestones: MilestoneStatus[];
  /** Open milestones past their deadline. */
  overdue: SlaMilestone[];
  dueSoon: SlaMilestone[];
  /** Milestones met after their deadline (for statistics). */
  metLate: SlaMilestone[];
  /** From open milestones only: history does not escalate. */
  escalation: EscalationLevel;
  /** The deadlines run into a year the calendar has no holidays for: they may move when it is entered. */
  provisional: boolean;
}

function levelFor(m: MilestoneStatus, p: EscalationPolicy): EscalationLevel {
  if (m.state === "dueSoon") return "reminder";
  if (m.state !== "overdue") return "none";
  if (m.workingDaysLate >= p.leadershipAfterWorkingDays) return "leadership";
  if (m.workingDaysLate >= p.supervisorAfterWorkingDays) return "supervisor";
  return "overdue";
}

/** Where a case stands against its SLA at `now`. */
export function evaluateSla(
  calendar: WorkCalendar,
  sla: CaseSla,
  clock: SlaClock,
  now: Date,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
  options: DeadlineOptions = {},
): SlaEvaluation {
  const deadlines = caseDeadlines(calendar, sla, clock, options);
  const warn = { workingDays: policy.warnBeforeWorkingDays, calendar };
  const milestones = SLA_MILESTONES.map((milestone): MilestoneStatus => {
    const deadline = deadlines[milestone];
    const met = metAt(clock, milestone);
    const at = met ?? now;
    const late = at.getTime() > deadline.getTime();
    const workingDaysLate = late ? workingDaysBetween(calendar, deadline, at) : 0;
    const state: MilestoneState = met ? (late ? "metLate" : "met") : deadlineStatus(now, deadline, warn);
    return { milestone, deadline, state, metAt: met, workingDaysLate };
  });
  const pick = (s: MilestoneState) => milestones.filter((m) => m.state === s).map((m) => m.milestone);
  const escalation = milestones
    .map((m) => levelFor(m, policy))
    .reduce((a, b) => (ESCALATION_LEVELS.indexOf(b) > ESCALATION_LEVELS.indexOf(a) ? b : a), "none");
  const first = Number(shanghaiDate(clock.submittedAt).slice(0, 4));
  const last = Number(shanghaiDate(deadlines.resolve).slice(0, 4));
  let provisional = false;
  for (let y = first; y <= last; y++) if (!calendar.years.includes(y)) provisional = true;
  return {
    deadlines,
    milestones,
    overdue: pick("overdue"),
    dueSoon: pick("dueSoon"),
    metLate: pick("metLate"),
    escalation,
    provisional,
  };
}

/** The instant a milestone becomes "due soon" (for scheduling reminder jobs). */
export function reminderAt(
  calendar: WorkCalendar,
  deadline: Date,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): Date {
  return warnFrom(deadline, { workingDays: policy.warnBeforeWorkingDays, calendar });
}

export type EscalationPolicyIssueCode = "escalation_value_invalid" | "escalation_order";

export interface EscalationPolicyIssue {
  path: keyof EscalationPolicy;
  code: EscalationPolicyIssueCode;
  message: string;
}

/** Whole working days ≥ 0, and the leadership threshold not below the supervisor's. */
export function validateEscalationPolicy(p: EscalationPolicy): EscalationPolicyIssue[] {
  const keys: (keyof EscalationPolicy)[] = [
    "warnBeforeWorkingDays",
    "supervisorAfterWorkingDays",
    "leadershipAfterWorkingDays",
  ];
  const issues: EscalationPolicyIssue[] = keys
    .filter((k) => !(Number.isInteger(p[k]) && p[k] >= 0 && p[k] <= MAX_SLA_DAYS))
    .map((k) => ({
      path: k,
      code: "escalation_value_invalid",
      message: `${k} must be a whole number of working days from 0 to ${MAX_SLA_DAYS}`,
    }));
  if (issues.length === 0 && p.leadershipAfterWorkingDays < p.supervisorAfterWorkingDays) {
    issues.push({
      path: "leadershipAfterWorkingDays",
      code: "escalation_order",
      message: "leadership escalation cannot come before the supervisor's",
    });
  }
  return issues;
}
