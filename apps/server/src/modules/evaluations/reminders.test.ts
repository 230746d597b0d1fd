import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { CapStatus } from "@jingwei/rules";
import type { Db } from "../../platform/db.ts";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, login, TEST_PASSWORD } from "../../testing/harness.ts";
import { createUser } from "../users/service.ts";
import {
  assessmentLink,
  DEFAULT_REMINDER_OPTIONS,
  REMINDER_JOB,
  reminderOptions,
  reminderSlot,
  runEvaluationReminders,
  sendEvaluationReminders,
} from "./reminders.ts";
import { ensureShippedSystems } from "./systems.ts";

// A fixed "today" far from the clock: 2030-03-10 in Shanghai (09:00 there).
const TODAY = "2030-03-10";
const at = (date: string) => new Date(`${date}T01:00:00Z`);
const plus = (days: number, from = TODAY) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("reminderSlot: which reminder a date calls for", () => {
  const opts = DEFAULT_REMINDER_OPTIONS;
  const cases: [number, ReturnType<typeof reminderSlot>][] = [
    [10, null],
    [8, null],
    [7, { phase: "due", threshold: 7, daysLeft: 7 }],
    [3, { phase: "due", threshold: 7, daysLeft: 3 }],
    [1, { phase: "due", threshold: 1, daysLeft: 1 }],
    [0, { phase: "due", threshold: 1, daysLeft: 0 }],
    [-1, { phase: "overdue", threshold: 0, daysLeft: -1 }],
    [-7, { phase: "overdue", threshold: 0, daysLeft: -7 }],
    [-8, { phase: "overdue", threshold: 1, daysLeft: -8 }],
    [-15, { phase: "overdue", threshold: 2, daysLeft: -15 }],
  ];
  for (const [offset, want] of cases)
    it(`due in ${offset} days → ${want ? `${want.phase} ${want.threshold}` : "none"}`, () => {
      assert.deepEqual(reminderSlot(plus(offset), TODAY, opts), want);
    });

  it("reminds of a passed date once when the repeat is 0; other thresholds from the environment", () => {
    assert.equal(reminderSlot(plus(-30), TODAY, { daysBefore: [7, 1], overdueRepeatDays: 0 })?.threshold, 0);
    const env = reminderOptions({
      JINGWEI_EVALUATION_REMINDER_DAYS: "14, 3,x",
      JINGWEI_EVALUATION_OVERDUE_REPEAT_DAYS: "0",
    });
    assert.deepEqual(env, { daysBefore: [14, 3], overdueRepeatDays: 0 });
    assert.deepEqual(reminderOptions({}), DEFAULT_REMINDER_OPTIONS);
    assert.deepEqual(reminderOptions({ JINGWEI_EVALUATION_REMINDER_DAYS: "" }), DEFAULT_REMINDER_OPTIONS);
    assert.deepEqual(
      reminderOptions({ JINGWEI_EVALUATION_OVERDUE_REPEAT_DAYS: "-2" }),
      DEFAULT_REMINDER_OPTIONS,
    );
    assert.equal(reminderSlot(plus(10), TODAY, env)?.threshold, 14);
  });
});

describeWithFixtures("evaluation reminders", (ctx) => {
  let db: Db;
  let ids: Record<string, string>;
  let users: { a: string; b: string; assoc: string; auditor: string; regulator: string };
  let assessments: { a1: string; a2: string; b1: string; cancelled: string };

  async function assessment(
    enterpriseId: string,
    stage: string,
    auditorIds: string[],
    dates: { self?: string; reassessment?: string } = {},
  ): Promise<string> {
    const [s] = await db.query<{ id: string; code: string; version: string }>(
      "select id, code, version from evaluation_systems where code = 'csc9000t-style' limit 1",
    );
    const [row] = await db.query<{ id: string }>(
      `insert into evaluation_assessments (enterprise_id, system_id, system_code, system_version, stage,
         auditor_ids, self_due_on, reassessment_due_on)
       values ($1, $2, $3, $4, $5, $6::uuid[], $7, $8) returning id`,
      [
        enterpriseId,
        s?.id,
        s?.code,
        s?.version,
        stage,
        auditorIds,
        dates.self ?? null,
        dates.reassessment ?? null,
      ],
    );
    return (row as { id: string }).id;
  }

  async function capItem(assessmentId: string, title: string, status: CapStatus, deadline: string) {
    const [a] = await db.query<{ enterpriseId: string }>(
      `select enterprise_id as "enterpriseId" from evaluation_assessments where id = $1`,
      [assessmentId],
    );
    const [f] = await db.query<{ id: string }>(
      `insert into evaluation_findings (assessment_id, enterprise_id, source, severity, title, found_on)
       values ($1, $2, 'manual', 'medium', $3, '2030-01-01') returning id`,
      [assessmentId, a?.enterpriseId, title],
    );
    const [c] = await db.query<{ id: string }>(
      `insert into evaluation_cap_items (finding_id, assessment_id, enterprise_id, status, deadline)
       values ($1, $2, $3, $4, $5) returning id`,
      [f?.id, assessmentId, a?.enterpriseId, status, deadline],
    );
    ids[title] = (c as { id: string }).id;
  }

  const notices = (userId: string) =>
    db.query<{ kind: string; title: string; link: string | null }>(
      "select kind, title, link from notifications where user_id = $1 order by created_at, title",
      [userId],
    );

  before(async () => {
    const { fixtures } = ctx();
    db = ctx().db;
    ids = {};
    await ensureShippedSystems(db);
    const b = await createUser(db, null, {
      username: "t-enterprise-b",
      displayName: "B",
      role: "enterprise",
      enterpriseId: fixtures.enterpriseB.id,
      password: TEST_PASSWORD,
    });
    // A second association user, assigned to nothing: the fallback audience when no auditor is assigned.
    const other = await createUser(db, null, {
      username: "t-association-2",
      displayName: "协会二",
      role: "association",
      enterpriseId: null,
      password: TEST_PASSWORD,
    });
    users = {
      a: fixtures.userIds.enterprise,
      b: b.id,
      assoc: other.id,
      auditor: fixtures.userIds.association,
      regulator: fixtures.userIds.regulator,
    };
    // Mailboxes: enterprise contacts, and the auditor's department.
    await db.query("update enterprises set contacts = $2::jsonb where id = $1", [
      fixtures.enterpriseA.id,
      JSON.stringify([{ name: "王经理", email: "wang@a.example" }, { name: "无邮箱" }]),
    ]);
    await db.query("update enterprises set contacts = $2::jsonb where id = $1", [
      fixtures.enterpriseB.id,
      JSON.stringify([{ name: "李会计", email: "li@b.example" }]),
    ]);
    await db.query(
      "insert into user_departments (user_id, department_id) select $1, id from departments where code = 'econ'",
      [users.auditor],
    );
    assessments = {
      a1: await assessment(fixtures.enterpriseA.id, "expertInitial", [users.auditor]),
      // Re-assessment booked 8 days ago, nobody assigned: the association is told, in its second week of delay.
      a2: await assessment(fixtures.enterpriseA.id, "reassessment", [], { reassessment: plus(-8) }),
      b1: await assessment(fixtures.enterpriseB.id, "selfAssessment", [users.auditor], { self: plus(1) }),
      cancelled: await assessment(fixtures.enterpriseA.id, "cancelled", [users.auditor], { self: plus(1) }),
    };
    await capItem(assessments.a1, "c7", "open", plus(7));
    await capItem(assessments.a1, "c5", "open", plus(5));
    await capItem(assessments.a1, "c1", "rejected", plus(1));
    await capItem(assessments.a1, "c10", "open", plus(10));
    await capItem(assessments.a1, "cOver", "open", plus(-3));
    await capItem(assessments.a1, "cSub", "submitted", plus(1));
    await capItem(assessments.a1, "cClosed", "closed", plus(-1));
    await capItem(assessments.cancelled, "cCancelled", "open", plus(1));
  });

  it("sends today's reminders to the right people, in-app and by mail, each linking to its assessment", async () => {
    const r = await runEvaluationReminders(db, at(TODAY));
    assert.deepEqual(r, { ran: true, reminders: 7, notifications: 8, mails: 7 });

    const a = await notices(users.a);
    assert.deepEqual(a.map((n) => n.kind).sort(), [
      "evaluation.cap.due",
      "evaluation.cap.due",
      "evaluation.cap.due",
      "evaluation.cap.overdue",
    ]);
    assert.ok(a.every((n) => n.link === assessmentLink(assessments.a1)));
    for (const t of ["c7", "c5", "c1", "cOver"])
      assert.ok(
        a.some((n) => n.title.includes(`「${t}」`)),
        t,
      );
    assert.ok(a.find((n) => n.title.includes("「cOver」"))?.title.includes("已逾期 3 天"));
    assert.ok(a.find((n) => n.title.includes("「c7」"))?.title.includes("还有 7 天"));

    // Enterprise B hears of its own self-assessment only (no word of A's items).
    const b = await notices(users.b);
    assert.deepEqual(
      b.map((n) => [n.kind, n.link]),
      [["evaluation.stage.selfDueOn.due", assessmentLink(assessments.b1)]],
    );
    // The assigned auditor: the submitted item waiting on them. Nobody is assigned to a2: every association user.
    const auditor = await notices(users.auditor);
    assert.deepEqual(auditor.map((n) => n.kind).sort(), [
      "evaluation.cap.review.due",
      "evaluation.stage.reassessmentDueOn.overdue",
    ]);
    assert.deepEqual(
      (await notices(users.assoc)).map((n) => [n.kind, n.link]),
      [["evaluation.stage.reassessmentDueOn.overdue", assessmentLink(assessments.a2)]],
    );
    assert.deepEqual(await notices(users.regulator), []);

    const mail = await db.query<{ to: string; kind: string; n: number }>(
      `select to_address as to, kind, count(*)::int as n from email_outbox
        where kind like 'evaluation.%' group by 1, 2 order by 1, 2`,
    );
    assert.deepEqual(mail, [
      { to: "jxj@example.invalid", kind: "evaluation.cap-reminder", n: 1 },
      { to: "jxj@example.invalid", kind: "evaluation.stage-reminder", n: 1 },
      { to: "li@b.example", kind: "evaluation.stage-reminder", n: 1 },
      { to: "wang@a.example", kind: "evaluation.cap-reminder", n: 4 },
    ]);
    const [item] = await db.query<{ on: string | null }>(
      `select last_reminded_on as on from evaluation_cap_items where id = $1`,
      [ids.c7],
    );
    assert.equal(item?.on, TODAY);
  });

  it("never sends a reminder twice: not later the same day, not when forced, not on the next days of a window", async () => {
    assert.equal((await runEvaluationReminders(db, new Date(`${TODAY}T12:00:00Z`))).ran, false);
    const forced = await db.tx((sql) => sendEvaluationReminders(sql, TODAY));
    assert.deepEqual(forced, { reminders: 0, notifications: 0, mails: 0 });
    const next = await runEvaluationReminders(db, at(plus(1)));
    assert.deepEqual(next, { ran: true, reminders: 0, notifications: 0, mails: 0 });
    const [n] = await db.query<{ n: number }>("select count(*)::int as n from evaluation_reminders");
    assert.equal(n?.n, 7);
  });

  it("reminds again at the next threshold, when a date passes, and a week into a delay", async () => {
    const sixth = plus(6);
    const r = await runEvaluationReminders(db, at(sixth));
    assert.ok(r.ran);
    const sent = await db.query<{ item: string; kind: string; threshold: number }>(
      `select item_id as item, kind, threshold from evaluation_reminders where sent_on = $1 order by kind, threshold`,
      [sixth],
    );
    const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;
    assert.deepEqual(
      sent.map((s) => [name(s.item), s.kind, s.threshold]).sort(),
      [
        ["c1", "cap.overdue", 0],
        ["c10", "cap.due", 7],
        ["c5", "cap.overdue", 0],
        ["c7", "cap.due", 1],
        ["cOver", "cap.overdue", 1],
        ["cSub", "cap.review.overdue", 0],
        [assessments.b1, "stage.selfDueOn.overdue", 0],
      ].sort(),
    );
  });

  it("a due date moved later is a new date to remind of; a disabled job sends nothing", async () => {
    await db.query("update evaluation_assessments set self_due_on = $2 where id = $1", [
      assessments.b1,
      plus(8),
    ]);
    const r = await db.tx((sql) => sendEvaluationReminders(sql, plus(6)));
    assert.equal(r.reminders, 1);
    assert.equal(r.notifications, 1);
    await db.query("update scheduled_jobs set enabled = false where name = $1", [REMINDER_JOB]);
    assert.equal((await runEvaluationReminders(db, at(plus(30)))).ran, false);
    await db.query("update scheduled_jobs set enabled = true where name = $1", [REMINDER_JOB]);
  });

  it("the notification list carries the link for the web to follow", async () => {
    const session = await login(ctx().app, "t-enterprise-b");
    const res = await call(ctx().app, session, "GET", "/api/v1/notifications");
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as { link: string | null; caseId: string | null }[];
    assert.ok(items.length >= 1);
    assert.ok(items.every((n) => n.link === assessmentLink(assessments.b1) && n.caseId === null));
  });
});
