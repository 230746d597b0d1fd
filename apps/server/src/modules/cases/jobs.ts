import { shanghaiDate } from "@jingwei/rules";
import type { Db } from "../../platform/db.ts";
import { startPeriodic } from "../../platform/periodic.ts";
import { performCaseAction } from "./actions.ts";
import { notifyUsers } from "./events.ts";
import { sendPendingMail } from "./mailer.ts";

// Background work of the loop, checked hourly: close answers nobody rated within the period, put overdue cases
// under supervision (督办), and once a day mail each department a digest of its overdue cases (to the outbox).
// Each step is idempotent, so a restart or a second server does no harm beyond a repeated check. Every minute the
// SMTP sender (mailer.ts) sends the outbox when SMTP is configured; unconfigured, that round does nothing.

const HOUR_MS = 3600_000;
const MINUTE_MS = 60_000;
const DIGEST_JOB = "case-digest";
const BATCH = 500;

export interface CaseJobResult {
  autoClosed: number;
  escalated: number;
  digests: number;
}

export async function runCaseJobs(db: Db, now: Date = new Date()): Promise<CaseJobResult> {
  let autoClosed = 0;
  let escalated = 0;
  // Candidates by calendar days (a lower bound of working days); the rules decide with the calendar.
  const answered = await db.query<{ id: string }>(
    `select id from cases where status = 'answered' and (rating is null or rating <> 'notSatisfied')
        and answered_at < $1::timestamptz - interval '10 days' order by answered_at limit ${BATCH}`,
    [now.toISOString()],
  );
  for (const c of answered) {
    try {
      await performCaseAction(db, { system: true }, c.id, { type: "close" }, now);
      autoClosed++;
    } catch {
      // not due yet by working days, or changed meanwhile: next hour
    }
  }
  const overdue = await db.query<{ id: string }>(
    `select id from cases where status in ('new', 'acknowledged', 'inProgress') and escalations = 0
        and resolve_due < $1 order by resolve_due limit ${BATCH}`,
    [now.toISOString()],
  );
  for (const c of overdue) {
    try {
      await performCaseAction(
        db,
        { system: true },
        c.id,
        { type: "escalate", reason: "逾期未办结，系统自动督办" },
        now,
      );
      escalated++;
    } catch {
      // changed meanwhile
    }
  }
  const digests = await runDailyDigest(db, now);
  return { autoClosed, escalated, digests };
}

/** Once per Shanghai day: one mail per department with overdue cases. Returns how many were written. */
export async function runDailyDigest(db: Db, now: Date = new Date()): Promise<number> {
  const today = shanghaiDate(now);
  return db.tx(async (sql) => {
    const [job] = await sql.query<{ enabled: boolean; lastRunAt: Date | null }>(
      `select enabled, last_run_at as "lastRunAt" from scheduled_jobs where name = $1 for update`,
      [DIGEST_JOB],
    );
    if (!job?.enabled) return 0;
    if (job.lastRunAt && shanghaiDate(new Date(job.lastRunAt)) >= today) return 0;
    const rows = await sql.query<{
      departmentId: string;
      name: string;
      email: string | null;
      overdue: number;
      lines: string[];
    }>(
      `select d.id as "departmentId", d.name_zh as name, d.email, count(*)::int as overdue,
              (array_agg(c.tracking_number || '  ' || c.title || '（办结时限 ' ||
                         to_char(c.resolve_due + interval '8 hours', 'YYYY-MM-DD') || '）'
                         order by c.resolve_due))[1:20] as lines
         from cases c join departments d on d.id = c.department_id and d.active
        where c.status in ('new', 'acknowledged', 'inProgress') and c.resolve_due < $1
        group by d.id, d.name_zh, d.email`,
      [now.toISOString()],
    );
    let written = 0;
    for (const r of rows) {
      const subject = `【经纬】${r.name}：${r.overdue} 件案件已逾期（${today}）`;
      const body = `${r.name}：\n\n截至 ${today}，贵部门有 ${r.overdue} 件案件超过办结时限：\n\n${r.lines.join("\n")}\n\n请登录经纬平台处理。`;
      if (r.email) {
        await sql.query(
          `insert into email_outbox (to_address, subject, body, kind, department_id) values ($1, $2, $3, 'case.digest', $4)`,
          [r.email, subject, body, r.departmentId],
        );
        written++;
      }
      const members = await sql.query<{ id: string }>(
        "select user_id as id from user_departments where department_id = $1",
        [r.departmentId],
      );
      await notifyUsers(
        sql,
        members.map((m) => m.id),
        { caseId: null, kind: "case.digest", title: subject },
      );
    }
    await sql.query("update scheduled_jobs set last_run_at = $2, last_result = $3::jsonb where name = $1", [
      DIGEST_JOB,
      now.toISOString(),
      JSON.stringify({ departments: rows.length, mails: written }),
    ]);
    return written;
  });
}

/**
 * Starts the hourly check (first after 10 s) and the minute mail round (a round never overlaps the previous one;
 * the lease keeps rows apart between servers anyway). Call from `serve` (main.ts); the returned function stops both.
 */
export function startCaseJobs(db: Db, log: (message: string) => void = console.log): () => void {
  const stopChecks = startPeriodic(() => runCaseJobs(db), {
    everyMs: HOUR_MS,
    onResult: (r) => {
      if (r.autoClosed || r.escalated || r.digests)
        log(`Cases: ${r.autoClosed} closed unrated, ${r.escalated} escalated overdue, ${r.digests} digests`);
    },
    onError: (err) => log(`Case jobs failed: ${err instanceof Error ? err.message : err}`),
  });
  const stopMail = startPeriodic(() => sendPendingMail(db), {
    firstAfterMs: MINUTE_MS,
    everyMs: MINUTE_MS,
    onResult: (r) => {
      if (r && (r.sent || r.failed))
        log(`Mail: ${r.sent} sent, ${r.failed} failed${r.gaveUp ? ` (${r.gaveUp} given up)` : ""}`);
    },
    onError: (err) => log(`Mail round failed: ${err instanceof Error ? err.message : err}`),
  });
  return () => {
    stopChecks();
    stopMail();
  };
}
