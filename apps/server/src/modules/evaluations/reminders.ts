import {
  type AssessmentStage,
  type CapStatus,
  capDeadlineState,
  capRemindersDue,
  STAGE_OWNERS,
  shanghaiDate,
} from "@jingwei/rules";
import type { Db, Sql } from "../../platform/db.ts";
import { startPeriodic } from "../../platform/periodic.ts";

// Reminders of the evaluation programme, once per Shanghai day: CAP deadlines (to the enterprise while it owes the
// answer, to the assessment's auditors while the item waits on them) and assessment stage due dates (to the stage's
// owners). Each reminder is in-app notifications plus mail rows in email_outbox. The scheduled_jobs row makes the
// run daily across restarts and servers; evaluation_reminders (migration 0019) makes each reminder unique, so a
// rerun on the same day, forced or not, never sends one twice.

export const REMINDER_JOB = "evaluation-reminders";
const HOUR_MS = 3600_000;

export interface ReminderOptions {
  /** Days before a due date to remind, e.g. [7, 1]: the rules' capRemindersDue windows. */
  daysBefore: number[];
  /** Days between reminders of a date already passed; 0 reminds once. */
  overdueRepeatDays: number;
}

export const DEFAULT_REMINDER_OPTIONS: ReminderOptions = { daysBefore: [7, 1], overdueRepeatDays: 7 };

/** JINGWEI_EVALUATION_REMINDER_DAYS ("7,1") and JINGWEI_EVALUATION_OVERDUE_REPEAT_DAYS ("7"); bad values fall back. */
export function reminderOptions(env: NodeJS.ProcessEnv = process.env): ReminderOptions {
  const days = (env.JINGWEI_EVALUATION_REMINDER_DAYS ?? "")
    .split(",")
    .filter((s) => s.trim() !== "")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 0 && n <= 365);
  const repeat = Number(env.JINGWEI_EVALUATION_OVERDUE_REPEAT_DAYS);
  return {
    daysBefore: days.length > 0 ? days : DEFAULT_REMINDER_OPTIONS.daysBefore,
    overdueRepeatDays:
      env.JINGWEI_EVALUATION_OVERDUE_REPEAT_DAYS !== undefined && Number.isInteger(repeat) && repeat >= 0
        ? repeat
        : DEFAULT_REMINDER_OPTIONS.overdueRepeatDays,
  };
}

export interface ReminderSlot {
  phase: "due" | "overdue";
  /** Days before the date (phase due), or the period of delay, 0 from the first day past (phase overdue). */
  threshold: number;
  /** Days from today to the date: negative once passed. */
  daysLeft: number;
}

/** The reminder a date calls for today, or null: the rules' windows, then one per repeat period once passed. */
export function reminderSlot(dueOn: string, today: string, options: ReminderOptions): ReminderSlot | null {
  // capRemindersDue speaks of CAP items the enterprise owes; any date someone must meet reads the same way.
  const r = capRemindersDue([{ id: "", status: "open", deadline: dueOn }], today, options.daysBefore)
    .reminders[0];
  if (!r) return null;
  if (r.kind === "upcoming") return { phase: "due", threshold: r.threshold, daysLeft: r.daysLeft };
  const late = -r.daysLeft - 1;
  const threshold = options.overdueRepeatDays > 0 ? Math.floor(late / options.overdueRepeatDays) : 0;
  return { phase: "overdue", threshold, daysLeft: r.daysLeft };
}

/** The assessment dates a stage is due by, and the stages in which each counts. */
export const STAGE_DUE_DATES = [
  { field: "selfDueOn", column: "self_due_on", stages: ["selfAssessment"], zh: "自评估" },
  {
    field: "reassessmentDueOn",
    column: "reassessment_due_on",
    stages: ["trainingTrial", "reassessment"],
    zh: "复评",
  },
  { field: "followUpDueOn", column: "follow_up_due_on", stages: ["rated", "followUp"], zh: "跟踪评价" },
] as const satisfies readonly {
  field: string;
  column: string;
  stages: readonly AssessmentStage[];
  zh: string;
}[];

export type StageDueField = (typeof STAGE_DUE_DATES)[number]["field"];

/**
 * FROM clause of the stage due dates in force, one row per assessment and date (alias d: d.field, d.due_on), for
 * assessments `a` joined to enterprises `e`. The caller adds its own conditions on d.due_on.
 */
export const STAGE_DUE_FROM = `evaluation_assessments a join enterprises e on e.id = a.enterprise_id
  cross join lateral (values ${STAGE_DUE_DATES.map(
    (s) => `('${s.field}', a.${s.column}, a.stage in (${s.stages.map((x) => `'${x}'`).join(", ")}))`,
  ).join(", ")}) as d (field, due_on, applies)`;
export const STAGE_DUE_WHERE = "d.applies and d.due_on is not null";

export interface ReminderRunResult {
  /** False when today's run had already been done (or the job is disabled). */
  ran: boolean;
  reminders: number;
  notifications: number;
  mails: number;
}

/**
 * Once per Shanghai day (the job row, locked, remembers the last run): sends the reminders due on `now`'s date.
 * Tests pass a fixed instant; serve calls it hourly through startEvaluationReminders.
 */
export async function runEvaluationReminders(
  db: Db,
  now: Date = new Date(),
  options: ReminderOptions = reminderOptions(),
): Promise<ReminderRunResult> {
  const today = shanghaiDate(now);
  return db.tx(async (sql) => {
    const [job] = await sql.query<{ enabled: boolean; lastRunAt: Date | null }>(
      `select enabled, last_run_at as "lastRunAt" from scheduled_jobs where name = $1 for update`,
      [REMINDER_JOB],
    );
    if (!job?.enabled) return { ran: false, reminders: 0, notifications: 0, mails: 0 };
    if (job.lastRunAt && shanghaiDate(new Date(job.lastRunAt)) >= today)
      return { ran: false, reminders: 0, notifications: 0, mails: 0 };
    const result = await sendEvaluationReminders(sql, today, options);
    await sql.query("update scheduled_jobs set last_run_at = $2, last_result = $3::jsonb where name = $1", [
      REMINDER_JOB,
      now.toISOString(),
      JSON.stringify({ today, ...result }),
    ]);
    return { ran: true, ...result };
  });
}

interface Recipients {
  userIds: string[];
  /** Mail addresses, with the department each belongs to (null: an enterprise contact). */
  mail: { address: string; departmentId: string | null }[];
}

interface Reminder {
  itemId: string;
  kind: string;
  dueOn: string;
  slot: ReminderSlot;
  to: Recipients;
  title: string;
  body: string;
  link: string;
  mailKind: string;
}

const CAP_WAITING: Record<CapStatus, string> = {
  open: "待企业整改",
  rejected: "被退回，待企业重新整改",
  submitted: "待审核",
  accepted: "待验证",
  verified: "待关闭",
  closed: "已关闭",
};

export const assessmentLink = (id: string) => `/console/evaluations/assessments/${id}`;

function when(slot: ReminderSlot, dueOn: string): string {
  if (slot.phase === "overdue") return `已逾期 ${-slot.daysLeft} 天（期限 ${dueOn}）`;
  return slot.daysLeft === 0 ? `今天到期（${dueOn}）` : `将于 ${dueOn} 到期（还有 ${slot.daysLeft} 天）`;
}

/** Sends today's reminders in the caller's transaction; the table of those sent keeps each to one. */
export async function sendEvaluationReminders(
  sql: Sql,
  today: string,
  options: ReminderOptions = DEFAULT_REMINDER_OPTIONS,
): Promise<Omit<ReminderRunResult, "ran">> {
  const horizon = Math.max(0, ...options.daysBefore);
  const audience = recipientsOf(sql);
  const due: Reminder[] = [];

  const items = await sql.query<{
    id: string;
    status: CapStatus;
    deadline: string;
    assessmentId: string;
    enterpriseId: string;
    enterpriseName: string;
    title: string;
    auditorIds: string[];
  }>(
    `select c.id, c.status, c.deadline, c.assessment_id as "assessmentId", c.enterprise_id as "enterpriseId",
       e.name as "enterpriseName", f.title, a.auditor_ids::text[] as "auditorIds"
     from evaluation_cap_items c join evaluation_findings f on f.id = c.finding_id
     join evaluation_assessments a on a.id = c.assessment_id join enterprises e on e.id = c.enterprise_id
     where c.status <> 'closed' and a.stage <> 'cancelled' and c.deadline <= $1::date + $2::int
     order by c.deadline, c.id`,
    [today, horizon],
  );
  for (const c of items) {
    const slot = reminderSlot(c.deadline, today, options);
    if (!slot) continue;
    // Whose move it is: the enterprise while it owes the answer, else the auditors.
    const state = capDeadlineState(c, today);
    const enterprise = state.ok && state.waitingOn === "enterprise";
    due.push({
      itemId: c.id,
      kind: `cap${enterprise ? "" : ".review"}.${slot.phase}`,
      dueOn: c.deadline,
      slot,
      to: enterprise ? await audience.enterprise(c.enterpriseId) : await audience.auditors(c.auditorIds),
      title: enterprise
        ? `【经纬】整改项「${c.title}」${when(slot, c.deadline)}`
        : `【经纬】${c.enterpriseName} 的整改项「${c.title}」${CAP_WAITING[c.status]}，整改期限${when(slot, c.deadline)}`,
      body: enterprise
        ? `${c.enterpriseName}：\n\n整改项「${c.title}」${CAP_WAITING[c.status]}，整改期限 ${c.deadline}。请填写原因分析与整改措施、上传证据后提交。`
        : `${c.enterpriseName} 已提交整改项「${c.title}」，${CAP_WAITING[c.status]}。请审核、验证或关闭。`,
      link: assessmentLink(c.assessmentId),
      mailKind: "evaluation.cap-reminder",
    });
  }

  const stages = await sql.query<{
    id: string;
    stage: AssessmentStage;
    enterpriseId: string;
    enterpriseName: string;
    auditorIds: string[];
    field: StageDueField;
    dueOn: string;
  }>(
    `select a.id, a.stage, a.enterprise_id as "enterpriseId", e.name as "enterpriseName",
       a.auditor_ids::text[] as "auditorIds", d.field, d.due_on as "dueOn"
     from ${STAGE_DUE_FROM}
     where ${STAGE_DUE_WHERE} and d.due_on <= $1::date + $2::int
     order by d.due_on, a.id`,
    [today, horizon],
  );
  for (const s of stages) {
    const slot = reminderSlot(s.dueOn, today, options);
    if (!slot) continue;
    const owners = STAGE_OWNERS[s.stage];
    const to: Recipients = { userIds: [], mail: [] };
    // Regulators and administrators own no single assessment: they see due stages on the dashboard.
    if (owners.includes("enterprise")) merge(to, await audience.enterprise(s.enterpriseId));
    if (owners.includes("auditor")) merge(to, await audience.auditors(s.auditorIds));
    const what = STAGE_DUE_DATES.find((x) => x.field === s.field)?.zh ?? s.field;
    due.push({
      itemId: s.id,
      kind: `stage.${s.field}.${slot.phase}`,
      dueOn: s.dueOn,
      slot,
      to,
      title: `【经纬】${s.enterpriseName}：${what}${when(slot, s.dueOn)}`,
      body: `${s.enterpriseName} 的评价${what}${when(slot, s.dueOn)}。请登录经纬平台处理。`,
      link: assessmentLink(s.id),
      mailKind: "evaluation.stage-reminder",
    });
  }

  let reminders = 0;
  let notifications = 0;
  let mails = 0;
  for (const r of due) {
    const [row] = await sql.query<{ id: number }>(
      `insert into evaluation_reminders (item_id, kind, due_on, threshold, sent_on, recipients, mails)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (item_id, kind, due_on, threshold) do nothing returning id`,
      [r.itemId, r.kind, r.dueOn, r.slot.threshold, today, r.to.userIds.length, r.to.mail.length],
    );
    if (!row) continue;
    reminders++;
    if (r.to.userIds.length > 0) {
      await sql.query(
        `insert into notifications (user_id, kind, title, body, link)
         select u, $2, $3, $4, $5 from unnest($1::uuid[]) as u`,
        [r.to.userIds, `evaluation.${r.kind}`, r.title, r.body, r.link],
      );
      notifications += r.to.userIds.length;
    }
    // Mail names the console page (the title links to it in the app).
    const body = `${r.body}\n\n经纬平台：${r.link}`;
    for (const m of r.to.mail) {
      await sql.query(
        `insert into email_outbox (to_address, subject, body, kind, department_id) values ($1, $2, $3, $4, $5)`,
        [m.address, r.title, body, r.mailKind, m.departmentId],
      );
      mails++;
    }
    if (r.kind.startsWith("cap."))
      await sql.query("update evaluation_cap_items set last_reminded_on = $2 where id = $1", [
        r.itemId,
        today,
      ]);
  }
  return { reminders, notifications, mails };
}

function merge(into: Recipients, from: Recipients): void {
  for (const id of from.userIds) if (!into.userIds.includes(id)) into.userIds.push(id);
  for (const m of from.mail) if (!into.mail.some((x) => x.address === m.address)) into.mail.push(m);
}

/**
 * Who is told, memoised for one run: an enterprise's active users and the e-mail addresses of its contacts; an
 * assessment's assigned auditors (the association's active users when none is assigned) and the mailboxes of their
 * departments.
 */
function recipientsOf(sql: Sql) {
  const enterprises = new Map<string, Recipients>();
  const auditorSets = new Map<string, Recipients>();
  return {
    async enterprise(enterpriseId: string): Promise<Recipients> {
      let r = enterprises.get(enterpriseId);
      if (!r) {
        const users = await sql.query<{ id: string }>(
          "select id from users where role = 'enterprise' and enterprise_id = $1 and not disabled order by id",
          [enterpriseId],
        );
        const mail = await sql.query<{ address: string }>(
          `select distinct trim(c->>'email') as address from enterprises e, jsonb_array_elements(e.contacts) c
            where e.id = $1 and jsonb_typeof(c) = 'object' and coalesce(trim(c->>'email'), '') <> '' order by 1`,
          [enterpriseId],
        );
        r = {
          userIds: users.map((u) => u.id),
          mail: mail.map((m) => ({ address: m.address, departmentId: null })),
        };
        enterprises.set(enterpriseId, r);
      }
      return r;
    },
    async auditors(auditorIds: readonly string[]): Promise<Recipients> {
      const key = [...auditorIds].sort().join(",");
      let r = auditorSets.get(key);
      if (!r) {
        const users =
          auditorIds.length > 0
            ? await sql.query<{ id: string }>(
                "select id from users where id = any($1::uuid[]) and not disabled order by id",
                [auditorIds],
              )
            : await sql.query<{ id: string }>(
                "select id from users where role = 'association' and not disabled order by id",
              );
        const ids = users.map((u) => u.id);
        const mail = await sql.query<{ address: string; departmentId: string }>(
          `select distinct d.email as address, d.id as "departmentId" from user_departments ud
             join departments d on d.id = ud.department_id
            where ud.user_id = any($1::uuid[]) and d.active and coalesce(d.email, '') <> '' order by 1`,
          [ids],
        );
        r = { userIds: ids, mail };
        auditorSets.set(key, r);
      }
      return r;
    },
  };
}

/**
 * Starts the hourly check (first after 15 s); the day's run happens once whatever the number of checks or servers.
 * Call from `serve` (main.ts); the returned function stops it.
 */
export function startEvaluationReminders(db: Db, log: (message: string) => void = console.log): () => void {
  return startPeriodic(() => runEvaluationReminders(db), {
    firstAfterMs: 15_000,
    everyMs: HOUR_MS,
    onResult: (r) => {
      if (r.reminders)
        log(`Evaluations: ${r.reminders} reminders (${r.notifications} notifications, ${r.mails} mails)`);
    },
    onError: (err) => log(`Evaluation reminders failed: ${err instanceof Error ? err.message : err}`),
  });
}
