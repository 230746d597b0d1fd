import assert from "node:assert/strict";
import { before, it } from "node:test";
import { formatTrackingNumber } from "@jingwei/rules";
import type { Role } from "../../platform/access.ts";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { freshAddress, type Session } from "../../testing/harness.ts";
import { casesSetUp, recordCase } from "./testing.ts";

// submitCase writes a submission in one statement (submit.ts SUBMIT_STATEMENT): the same rows addEvent,
// notifyDepartment / notifyCoordinators and writeAudit write for the other actions.

describeWithFixtures("case submission: the rows one statement writes", (ctx) => {
  let s: Record<Role, Session>;
  let hrss: string;

  before(async () => {
    const { app, db, fixtures } = ctx();
    const setUp = await casesSetUp(app, db, fixtures, [["hrss", "inspector"]]);
    s = setUp.s;
    hrss = setUp.depts.hrss as string;
  });

  const rowsOf = async (trackingNumber: string) => {
    const { db } = ctx();
    const [c] = await db.query<{ id: string; submittedAt: Date; departmentId: string | null }>(
      `select id, submitted_at as "submittedAt", department_id as "departmentId" from cases
        where tracking_number = $1`,
      [trackingNumber],
    );
    assert.ok(c, trackingNumber);
    const events = await db.query(
      `select type, visibility, text_public as "textPublic", actor_kind as "actorKind", actor_id as "actorId",
              actor_name as "actorName", to_status as "toStatus", to_department_id as "toDepartmentId", at
         from case_events where case_id = $1 order by at, id`,
      [c.id],
    );
    const notices = await db.query<{ userId: string; kind: string; title: string; body: string }>(
      `select user_id as "userId", kind, title, body from notifications where case_id = $1 order by user_id`,
      [c.id],
    );
    const mail = await db.query(
      `select to_address as "to", subject, body, kind, department_id as "departmentId" from email_outbox
        where case_id = $1`,
      [c.id],
    );
    const audit = await db.query<{
      actorId: string | null;
      actorName: string;
      action: string;
      after: unknown;
    }>(
      `select actor_id as "actorId", actor_name as "actorName", action, entity_type as "entityType", after
         from audit_log where entity_id = $1`,
      [c.id],
    );
    return { c, events, notices, mail, audit };
  };

  it("a public submission routed by category: timeline, the members and the mailbox told, the audit entry", async () => {
    const { app, fixtures } = ctx();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/public/cases",
      payload: {
        category: "labourAndTalent",
        title: "招工难",
        description: "旺季缺少缝纫工，希望帮助对接。",
      },
      remoteAddress: freshAddress(),
    });
    assert.equal(res.statusCode, 201, res.body);
    const number = res.json().trackingNumber as string;
    const { c, events, notices, mail, audit } = await rowsOf(number);
    const at = c.submittedAt;
    assert.deepEqual(events, [
      {
        type: "submitted",
        visibility: "public",
        textPublic: false,
        actorKind: "submitter",
        actorId: null,
        actorName: "",
        toStatus: "new",
        toDepartmentId: null,
        at,
      },
      {
        type: "routed",
        visibility: "public",
        textPublic: false,
        actorKind: "system",
        actorId: null,
        actorName: "",
        toStatus: null,
        toDepartmentId: hrss,
        at,
      },
    ]);
    assert.equal(notices.length, 1);
    assert.equal(notices[0]?.userId, fixtures.userIds.inspector);
    assert.equal(notices[0]?.kind, "case.routed");
    assert.equal(notices[0]?.title, `新案件 ${formatTrackingNumber(number)}：招工难`);
    assert.match(notices[0]?.body ?? "", /^请在 \d{4}-\d{2}-\d{2} 前受理。$/);
    assert.deepEqual(mail, [
      {
        to: "rsj@example.invalid",
        subject: notices[0]?.title,
        body: notices[0]?.body,
        kind: "case.routed",
        departmentId: hrss,
      },
    ]);
    assert.deepEqual(audit, [
      {
        actorId: null,
        actorName: "system",
        action: "case.submit",
        entityType: "case",
        after: {
          trackingNumber: number,
          channel: "web",
          category: "labourAndTalent",
          departmentId: hrss,
          heldForReview: false,
        },
      },
    ]);
  });

  it("a coordinator's record no department takes: the coordinators told, no mail, the coordinator audited", async () => {
    const { app, db, fixtures } = ctx();
    const { trackingNumber: number } = await recordCase(app, s.regulator, {
      channel: "phone",
      category: "other",
      title: "园区路灯损坏",
      description: "电话反映园区东门路灯损坏多日。",
    });
    const { c, events, notices, mail, audit } = await rowsOf(number);
    assert.equal(c.departmentId, null);
    assert.deepEqual(
      events.map((e) => [e.type, e.actorKind, e.actorId, e.actorName]),
      [["submitted", "coordinator", fixtures.userIds.regulator, fixtures.users.regulator]],
    );
    const coordinators = await db.query<{ id: string }>(
      "select id from users where role in ('admin', 'regulator') and not disabled order by id",
    );
    assert.deepEqual(
      notices.map((n) => n.userId),
      coordinators.map((u) => u.id),
    );
    assert.ok(
      notices.every((n) => n.kind === "case.unrouted" && n.title.includes(formatTrackingNumber(number))),
    );
    assert.deepEqual(mail, []);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actorId, fixtures.userIds.regulator);
    assert.equal(audit[0]?.actorName, `${fixtures.users.regulator} (${fixtures.users.regulator})`);
  });

  it("the same Idempotency-Key returns the same case and writes nothing more", async () => {
    const { app, db } = ctx();
    const send = () =>
      app.inject({
        method: "POST",
        url: "/api/v1/public/cases",
        payload: { category: "policy", title: "补助政策", description: "技改补助申报条件咨询。" },
        headers: { "idempotency-key": "submit-test-key-1" },
        remoteAddress: freshAddress(),
      });
    const [a, b] = await Promise.all([send(), send()]);
    assert.equal(a.statusCode, 201, a.body);
    assert.equal(b.statusCode, 201, b.body);
    assert.equal(a.json().trackingNumber, b.json().trackingNumber);
    const { c } = await rowsOf(a.json().trackingNumber);
    const [counts] = await db.query<{ events: number; audits: number }>(
      `select (select count(*)::int from case_events where case_id = $1::uuid) as events,
              (select count(*)::int from audit_log where entity_id = $1::text) as audits`,
      [c.id],
    );
    assert.deepEqual(counts, { events: 2, audits: 1 });
  });
});
