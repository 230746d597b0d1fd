import { createTransport } from "nodemailer";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";

// The SMTP sender of the outbox. The loop only ever writes mail to email_outbox (in the transaction of the change
// that caused it); this sends what is due, in batches, every minute from the case jobs (jobs.ts). Unconfigured —
// the demo — it sends nothing and the mail stays in the outbox for administrators to read.
//
// Two servers never send a row twice: a batch is claimed with `for update skip locked` and leased (next_attempt_at
// moves past the time a send can take) before any mail leaves, so the slow SMTP conversation runs outside the
// transaction. A row whose lease runs out (the server died mid-send) is claimed again. A failed attempt is
// retried after a growing delay; after MAX_MAIL_ATTEMPTS the row is marked failed with the last error.

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the start (smtps, port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  pass: string;
  from: string;
  /** Where the settings come from, for the console. */
  source: "environment" | "console";
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one mail or throws; the test can put its own in. */
export type MailTransport = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export const MAX_MAIL_ATTEMPTS = 5;
export const MAIL_BATCH = 50;
/** How long a claimed row is left alone: longer than any send with the timeouts below. */
const LEASE_MS = 10 * 60_000;
const SMTP_TIMEOUT_MS = 60_000;

/** The wait before attempt n + 1 after n failed: 1, 4, 16, 64 minutes (capped at 2 hours). */
export function mailRetryDelayMs(failedAttempts: number): number {
  return Math.min(2 * 3600_000, 60_000 * 4 ** Math.max(0, failedAttempts - 1));
}

/** `smtp[s]://user:pass@host:port` and a sender address, or null when unset or unreadable. */
export function smtpFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  const raw = env.JINGWEI_SMTP_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== "smtp:" && url.protocol !== "smtps:") || !url.hostname) return null;
  const secure = url.protocol === "smtps:";
  const user = decodeURIComponent(url.username);
  const from = env.JINGWEI_SMTP_FROM?.trim() || (user.includes("@") ? user : `jingwei@${url.hostname}`);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    user,
    pass: decodeURIComponent(url.password),
    from,
    source: "environment",
  };
}

export type MailMode = "environment" | "console" | "off";

export interface StoredMailSettings {
  mode: MailMode;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  from: string;
}

export async function loadStoredMailSettings(sql: Sql): Promise<StoredMailSettings | null> {
  const [row] = await sql.query<StoredMailSettings>(
    `select mode, host, port, secure, username, password, from_address as "from" from mail_settings where id = 1`,
  );
  return row ?? null;
}

/** The settings in force: the console's when chosen there, else the environment's; null sends nothing. */
export async function mailConfig(sql: Sql, env: NodeJS.ProcessEnv = process.env): Promise<SmtpConfig | null> {
  const stored = await loadStoredMailSettings(sql);
  if (stored?.mode === "off") return null;
  if (stored?.mode === "console") {
    if (!stored.host || !stored.from) return null;
    return {
      host: stored.host,
      port: stored.port,
      secure: stored.secure,
      user: stored.username,
      pass: stored.password,
      from: stored.from,
      source: "console",
    };
  }
  return smtpFromEnv(env);
}

export function smtpTransport(config: SmtpConfig): MailTransport {
  const transporter = createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.pass } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        // Tells mail servers and autoresponders that no person sent it (RFC 3834).
        headers: { "Auto-Submitted": "auto-generated" },
      });
    },
    close: () => transporter.close(),
  };
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

export interface OutboxRun {
  sent: number;
  failed: number;
  /** Rows that reached the last attempt and were given up. */
  gaveUp: number;
}

/**
 * Claims up to `batch` due rows and sends them one by one. Returns the counts; never throws for a failed mail
 * (it is recorded on its row).
 */
export async function sendOutbox(
  db: Db,
  transport: MailTransport,
  { now = new Date(), batch = MAIL_BATCH }: { now?: Date; batch?: number } = {},
): Promise<OutboxRun> {
  const claimed = await db.tx((sql) =>
    sql.query<{ id: string; to: string; subject: string; body: string; attempts: number }>(
      `update email_outbox o set attempts = o.attempts + 1, next_attempt_at = $2
        where o.id in (select id from email_outbox
                        where sent_at is null and failed_at is null
                          and (next_attempt_at is null or next_attempt_at <= $1)
                        order by created_at, id limit $3
                        for update skip locked)
       returning o.id, o.to_address as "to", o.subject, o.body, o.attempts`,
      [now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), batch],
    ),
  );
  const run: OutboxRun = { sent: 0, failed: 0, gaveUp: 0 };
  for (const mail of claimed) {
    try {
      await transport.send({ to: mail.to, subject: mail.subject, text: mail.body });
      await db.query(
        "update email_outbox set sent_at = $2, error = null, next_attempt_at = null where id = $1",
        [mail.id, new Date().toISOString()],
      );
      run.sent++;
    } catch (err) {
      const last = mail.attempts >= MAX_MAIL_ATTEMPTS;
      await db.query(
        "update email_outbox set error = $2, next_attempt_at = $3, failed_at = $4 where id = $1",
        [
          mail.id,
          errorText(err),
          last ? null : new Date(now.getTime() + mailRetryDelayMs(mail.attempts)).toISOString(),
          last ? new Date().toISOString() : null,
        ],
      );
      run.failed++;
      if (last) run.gaveUp++;
    }
  }
  return run;
}

/** One round of the minute job: nothing when no SMTP is configured (the demo keeps its mail in the outbox). */
export async function sendPendingMail(
  db: Db,
  makeTransport: (config: SmtpConfig) => MailTransport = smtpTransport,
): Promise<OutboxRun | null> {
  const config = await mailConfig(db);
  if (!config) return null;
  const transport = makeTransport(config);
  try {
    return await sendOutbox(db, transport);
  } finally {
    transport.close();
  }
}

/**
 * The administrator's test: sends one mail now with the settings in force and keeps it in the outbox (sent, or
 * failed with the server's answer). Not configured → 409; the server refused → 502 with its answer.
 */
export async function sendTestMail(
  db: Db,
  actor: Actor,
  to: string,
  makeTransport: (config: SmtpConfig) => MailTransport = smtpTransport,
): Promise<{ sentAt: string; from: string; source: SmtpConfig["source"] }> {
  const config = await mailConfig(db);
  if (!config) throw new AppError("MAIL_NOT_CONFIGURED");
  const subject = "【经纬】测试邮件";
  const text = `这是经纬平台发出的测试邮件，发件设置来自${config.source === "console" ? "控制台" : "环境变量"}（${config.host}:${config.port}）。\n\nA test mail from Jingwei.`;
  const transport = makeTransport(config);
  let error: string | null = null;
  try {
    await transport.send({ to, subject, text });
  } catch (err) {
    error = errorText(err);
  } finally {
    transport.close();
  }
  const at = new Date().toISOString();
  await db.tx(async (sql) => {
    await sql.query(
      `insert into email_outbox (to_address, subject, body, kind, attempts, sent_at, failed_at, error)
       values ($1, $2, $3, 'mail.test', 1, $4, $5, $6)`,
      [to, subject, text, error ? null : at, error ? at : null, error],
    );
    await writeAudit(sql, actor, {
      action: "mail.test",
      entityType: "mail_settings",
      entityId: null,
      after: { to, source: config.source, host: config.host, error },
    });
  });
  if (error) throw new AppError("MAIL_SEND_FAILED", { detail: error });
  return { sentAt: at, from: config.from, source: config.source };
}
