import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { SMTPServer } from "smtp-server";
import type { Role } from "../../platform/access.ts";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Session } from "../../testing/harness.ts";
import {
  MAX_MAIL_ATTEMPTS,
  mailConfig,
  mailRetryDelayMs,
  sendOutbox,
  sendPendingMail,
  smtpFromEnv,
  smtpTransport,
} from "./mailer.ts";

// The SMTP sender against a real SMTP server in this process (smtp-server on a random local port).

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/** Undoes what nodemailer does to headers (RFC 2047 encoded words) and text bodies (quoted-printable, base64). */
function decodeMail(raw: string): { subject: string; text: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfolded)?.[1] ?? "";
  const words = header("Subject").replace(/\?=\s+=\?/g, "?==?");
  const subject = words.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " ")),
  );
  const body = rest.join("\n\n");
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? qp(body.replace(/=\r?\n/g, ""))
        : body;
  return { subject, text: text.replace(/\r\n/g, "\n").trim() };
}
function qp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i] as string, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** A local SMTP server requiring user/pass; `reject` makes it refuse every recipient as a real server would. */
async function startSmtp(opts: { user: string; pass: string; reject?: boolean }) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === opts.user && auth.password === opts.pass) cb(null, { user: auth.username });
      else cb(new Error("535 authentication failed"));
    },
    onRcptTo(address, _session, cb) {
      if (opts.reject) {
        const err = new Error(`mailbox ${address.address} unavailable`) as Error & { responseCode: number };
        err.responseCode = 550;
        cb(err);
      } else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          ...decodeMail(raw),
          raw,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    url: `smtp://${encodeURIComponent(opts.user)}:${encodeURIComponent(opts.pass)}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("mailer: settings from the environment", () => {
  it("reads smtp[s]://user:pass@host:port and the sender", () => {
    const table: [Record<string, string>, ReturnType<typeof smtpFromEnv>][] = [
      [
        {
          JINGWEI_SMTP_URL: "smtps://jw%40pinghu.example:p%3Ass@mail.pinghu.example:2465",
          JINGWEI_SMTP_FROM: "经纬 <jingwei@pinghu.example>",
        },
        {
          host: "mail.pinghu.example",
          port: 2465,
          secure: true,
          user: "jw@pinghu.example",
          pass: "p:ss",
          from: "经纬 <jingwei@pinghu.example>",
          source: "environment",
        },
      ],
      [
        { JINGWEI_SMTP_URL: "smtp://relay.example" },
        {
          host: "relay.example",
          port: 587,
          secure: false,
          user: "",
          pass: "",
          from: "jingwei@relay.example",
          source: "environment",
        },
      ],
      [
        { JINGWEI_SMTP_URL: "smtps://ops@pinghu.example@mail.example" },
        {
          host: "mail.example",
          port: 465,
          secure: true,
          user: "ops@pinghu.example",
          pass: "",
          from: "ops@pinghu.example",
          source: "environment",
        },
      ],
      [{}, null],
      [{ JINGWEI_SMTP_URL: "  " }, null],
      [{ JINGWEI_SMTP_URL: "http://mail.example" }, null],
      [{ JINGWEI_SMTP_URL: "not a url" }, null],
    ];
    for (const [env, expected] of table) assert.deepEqual(smtpFromEnv(env), expected, JSON.stringify(env));
  });

  it("waits longer after each failure, at most two hours", () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 9].map((n) => mailRetryDelayMs(n) / 60_000),
      [1, 4, 16, 64, 120, 120],
    );
  });
});

describeWithFixtures("mailer", (ctx) => {
  let s: Record<Role, Session>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let refusing: Awaited<ReturnType<typeof startSmtp>>;

  const queue = async (to: string, subject: string, body: string) => {
    const [row] = await ctx().db.query<{ id: string }>(
      `insert into email_outbox (to_address, subject, body, kind) values ($1, $2, $3, 'case.routed') returning id`,
      [to, subject, body],
    );
    return (row as { id: string }).id;
  };
  const rowOf = async (id: string) => {
    const [row] = await ctx().db.query<{
      sentAt: Date | null;
      failedAt: Date | null;
      error: string | null;
      attempts: number;
      nextAttemptAt: Date | null;
    }>(
      `select sent_at as "sentAt", failed_at as "failedAt", error, attempts, next_attempt_at as "nextAttemptAt"
         from email_outbox where id = $1`,
      [id],
    );
    assert.ok(row, id);
    return row;
  };
  const envOf = (server: { url: string }) => ({
    JINGWEI_SMTP_URL: server.url,
    JINGWEI_SMTP_FROM: "jingwei@pinghu.example",
  });
  const transportFor = async (server: { url: string }) => {
    const config = smtpFromEnv(envOf(server));
    assert.ok(config);
    return smtpTransport(config);
  };

  before(async () => {
    s = await loginEveryRole(ctx().app, ctx().fixtures);
    smtp = await startSmtp({ user: "jw", pass: "s3cret:pw" });
    refusing = await startSmtp({ user: "jw", pass: "pw", reject: true });
  });
  after(async () => {
    await smtp.close();
    await refusing.close();
  });

  it("sends due mail once: it arrives with its sender, recipient, subject and body, and sent_at is set", async () => {
    const { db, app } = ctx();
    const id = await queue(
      "rsj@example.invalid",
      "新交办案件 PH250210-7K3M9-QX2WDT：招工难",
      "请在 2025-02-11 前受理。\n第二行",
    );
    const plain = await queue("czj@example.invalid", "Digest", "Two overdue cases.");
    const transport = await transportFor(smtp);
    try {
      const run = await sendOutbox(db, transport);
      assert.deepEqual(run, { sent: 2, failed: 0, gaveUp: 0 });
      assert.deepEqual(await sendOutbox(db, transport), { sent: 0, failed: 0, gaveUp: 0 }, "never twice");
    } finally {
      transport.close();
    }
    const mail = smtp.received.find((m) => m.to.includes("rsj@example.invalid"));
    assert.ok(mail, JSON.stringify(smtp.received.map((m) => m.to)));
    assert.equal(mail.from, "jingwei@pinghu.example");
    assert.equal(mail.subject, "新交办案件 PH250210-7K3M9-QX2WDT：招工难");
    assert.equal(mail.text, "请在 2025-02-11 前受理。\n第二行");
    assert.match(mail.raw, /^Auto-Submitted: auto-generated/im);
    assert.equal(smtp.received.filter((m) => m.to.includes("czj@example.invalid")).length, 1);
    for (const rowId of [id, plain]) {
      const row = await rowOf(rowId);
      assert.ok(row.sentAt, "sent_at is set");
      assert.equal(row.error, null);
      assert.equal(row.attempts, 1);
    }
    const outbox = await call(app, s.admin, "GET", "/api/v1/email-outbox?status=sent&pageSize=100");
    assert.equal(outbox.statusCode, 200, outbox.body);
    assert.ok(
      outbox.json().items.some((m: { id: string; status: string }) => m.id === id && m.status === "sent"),
    );
  });

  it("two senders at once send each mail exactly once", async () => {
    const { db } = ctx();
    const before = smtp.received.length;
    const subjects = Array.from({ length: 6 }, (_, i) => `concurrent-${i}`);
    for (const subject of subjects) await queue("jxj@example.invalid", subject, "body");
    const a = await transportFor(smtp);
    const b = await transportFor(smtp);
    try {
      const runs = await Promise.all([sendOutbox(db, a, { batch: 3 }), sendOutbox(db, b, { batch: 3 })]);
      // On PostgreSQL both claim at once (three each); PGlite runs one transaction after the other.
      assert.equal(runs[0].sent + runs[1].sent, 6);
    } finally {
      a.close();
      b.close();
    }
    const got = smtp.received
      .slice(before)
      .map((m) => m.subject)
      .sort();
    assert.deepEqual(got, subjects);
  });

  it("a refusing server: the error is recorded, retried later, and given up after the last attempt", async () => {
    const { db, app } = ctx();
    const id = await queue("nobody@example.invalid", "Refused", "body");
    const transport = await transportFor(refusing);
    const start = new Date();
    try {
      const first = await sendOutbox(db, transport, { now: start });
      assert.equal(first.failed, 1);
      let row = await rowOf(id);
      assert.equal(row.sentAt, null);
      assert.equal(row.failedAt, null, "pending: it will be retried");
      assert.equal(row.attempts, 1);
      assert.match(row.error ?? "", /550|unavailable/);
      assert.equal(row.nextAttemptAt?.getTime(), start.getTime() + mailRetryDelayMs(1));
      // Not due yet: nothing is sent before the delay.
      assert.deepEqual(await sendOutbox(db, transport, { now: start }), { sent: 0, failed: 0, gaveUp: 0 });
      let now = start;
      for (let attempt = 2; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
        now = new Date(now.getTime() + mailRetryDelayMs(attempt - 1));
        const run = await sendOutbox(db, transport, { now });
        assert.equal(run.failed, 1, `attempt ${attempt}`);
      }
      row = await rowOf(id);
      assert.equal(row.attempts, MAX_MAIL_ATTEMPTS);
      assert.ok(row.failedAt, "given up");
      assert.deepEqual(await sendOutbox(db, transport, { now: new Date(now.getTime() + 86_400_000) }), {
        sent: 0,
        failed: 0,
        gaveUp: 0,
      });
    } finally {
      transport.close();
    }
    const outbox = await call(app, s.admin, "GET", "/api/v1/email-outbox?status=failed&pageSize=100");
    const failed = outbox.json().items.find((m: { id: string }) => m.id === id);
    assert.equal(failed?.status, "failed");
    assert.match(failed?.error ?? "", /550|unavailable/);
  });

  it("no server listening: the connection error is recorded", async () => {
    const { db } = ctx();
    const closed = await startSmtp({ user: "x", pass: "y" });
    await closed.close();
    const id = await queue("nobody@example.invalid", "Unreachable", "body");
    const transport = await transportFor(closed);
    try {
      // Earlier tests' refused row is given up; this one is the only one due.
      const run = await sendOutbox(db, transport);
      assert.equal(run.failed, 1);
    } finally {
      transport.close();
    }
    assert.match((await rowOf(id)).error ?? "", /ECONNREFUSED|connect/i);
    await db.query("update email_outbox set failed_at = now() where id = $1", [id]);
  });

  it("settings in the console: password never returned, test mail sent, the minute job uses them", async () => {
    const { app, db } = ctx();
    const settings = {
      mode: "console",
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      username: "jw",
      password: "s3cret:pw",
      from: "jingwei@pinghu.example",
    };
    const put = await call(app, s.admin, "PUT", "/api/v1/mail-settings", settings);
    assert.equal(put.statusCode, 200, put.body);
    assert.ok(!put.body.includes("s3cret"), "the password never leaves the server");
    assert.equal(put.json().passwordSet, true);
    assert.equal(put.json().active.source, "console");
    // Saved again without a password: the stored one is kept (the test mail authenticates with it).
    const { password: _p, ...withoutPassword } = settings;
    const kept = await call(app, s.admin, "PUT", "/api/v1/mail-settings", withoutPassword);
    assert.equal(kept.json().passwordSet, true);
    const got = await call(app, s.admin, "GET", "/api/v1/mail-settings");
    assert.ok(!got.body.includes("s3cret"));
    const [audit] = await db.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'mail-settings.update' and after::text like '%s3cret%'",
    );
    assert.equal(audit?.n, 0, "nor reaches the audit log");

    const test = await call(app, s.admin, "POST", "/api/v1/mail-settings/test", {
      to: "admin@pinghu.example",
    });
    assert.equal(test.statusCode, 200, test.body);
    const arrived = smtp.received.find((m) => m.to.includes("admin@pinghu.example"));
    assert.equal(arrived?.subject, "【经纬】测试邮件");
    const sent = await call(app, s.admin, "GET", "/api/v1/email-outbox?pageSize=5");
    assert.equal(sent.json().items[0].kind, "mail.test");
    assert.equal(sent.json().items[0].status, "sent");

    const queued = await queue("amr@example.invalid", "From the job", "body");
    const run = await sendPendingMail(db);
    assert.equal(run?.sent, 1);
    assert.ok((await rowOf(queued)).sentAt);

    // A refusing server: the test says why (502) and the outbox keeps the failure.
    await call(app, s.admin, "PUT", "/api/v1/mail-settings", {
      ...settings,
      port: refusing.port,
      password: "pw",
    });
    const refused = await call(app, s.admin, "POST", "/api/v1/mail-settings/test", {
      to: "admin@pinghu.example",
    });
    assert.equal(refused.statusCode, 502, refused.body);
    assert.equal(refused.json().error.code, "MAIL_SEND_FAILED");
    const failed = await call(app, s.admin, "GET", "/api/v1/email-outbox?status=failed&pageSize=5");
    assert.equal(failed.json().items[0].kind, "mail.test");
    assert.ok(failed.json().items[0].error);
  });

  it("refuses incomplete settings; off sends nothing; the environment is the default", async () => {
    const { app, db } = ctx();
    const base = { mode: "console", host: "", port: 465, secure: true, username: "", from: "" };
    const bad = await call(app, s.admin, "PUT", "/api/v1/mail-settings", base);
    assert.equal(bad.statusCode, 400, bad.body);
    assert.deepEqual(
      bad.json().error.fields.map((f: { field: string; code: string }) => `${f.field}/${f.code}`),
      ["host/required", "from/required"],
    );
    const badFrom = await call(app, s.admin, "PUT", "/api/v1/mail-settings", {
      ...base,
      host: "mail.example",
      from: "not an address",
    });
    assert.deepEqual(
      badFrom.json().error.fields.map((f: { field: string; code: string }) => `${f.field}/${f.code}`),
      ["from/format"],
    );
    assert.equal((await call(app, s.regulator, "GET", "/api/v1/mail-settings")).statusCode, 403);

    const off = await call(app, s.admin, "PUT", "/api/v1/mail-settings", { ...base, mode: "off" });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().active, null);
    assert.equal(await mailConfig(db, envOf(smtp)), null, "off wins over the environment");
    assert.equal(await sendPendingMail(db), null);
    const test = await call(app, s.admin, "POST", "/api/v1/mail-settings/test", {
      to: "admin@pinghu.example",
    });
    assert.equal(test.statusCode, 409);
    assert.equal(test.json().error.code, "MAIL_NOT_CONFIGURED");

    await call(app, s.admin, "PUT", "/api/v1/mail-settings", { ...base, mode: "environment" });
    assert.equal((await mailConfig(db, envOf(smtp)))?.source, "environment");
    assert.equal(await mailConfig(db, {}), null, "no environment: the demo leaves mail in the outbox");
  });
});
