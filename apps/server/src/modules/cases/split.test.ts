import assert from "node:assert/strict";
import { before, it } from "node:test";
import { addWorkingDays, DEFAULT_WORK_CALENDAR, formatTrackingNumber } from "@jingwei/rules";
import type { Role } from "../../platform/access.ts";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, freshAddress, type Session } from "../../testing/harness.ts";
import { casesSetUp, recordCase } from "./testing.ts";

// POST /api/v1/cases/:id/split: one case raising several problems becomes new cases routed by category.

const LETTER = {
  category: "policy",
  title: "园区企业反映的三个问题",
  description: "一、招工难；二、厂区雨水管网排污；三、园区东门路灯损坏。希望相关部门分别处理。",
  contact: "13900000000 李先生",
  enterpriseName: "平湖市拆分测试服饰有限公司",
};
const PARTS = [
  { category: "labourAndTalent", title: "旺季招工难", description: "希望人社部门对接职业院校实习生。" },
  { category: "environment", title: "雨水管网疑似排污", description: "厂区外雨水井有异味，请环保部门核查。" },
  { category: "other", title: "园区东门路灯损坏", description: "东门一带路灯损坏两周，夜间无照明。" },
];

describeWithFixtures("cases: split", (ctx) => {
  let s: Record<Role, Session>;
  let depts: Record<string, string>;

  const split = (session: Session, id: string, body: unknown) =>
    call(ctx().app, session, "POST", `/api/v1/cases/${id}/split`, body);
  /** A case the enterprise user raised (so the parts' submitter can be checked too). */
  const raise = (title = LETTER.title) => recordCase(ctx().app, s.enterprise, { ...LETTER, title });
  const counts = async () => {
    const [row] = await ctx().db.query<{ cases: number; events: number; audit: number }>(
      `select (select count(*)::int from cases) as cases, (select count(*)::int from case_events) as events,
              (select count(*)::int from audit_log) as audit`,
    );
    return row;
  };

  before(async () => {
    const { app, db, fixtures } = ctx();
    ({ s, depts } = await casesSetUp(app, db, fixtures, [
      ["hrss", "inspector"],
      ["env", "lab"],
      ["econ", "association"],
    ]));
  });

  it("creates one routed case per part on the original's clock, linked both ways, and tells everyone", async () => {
    const { app, db } = ctx();
    const original = await raise();
    const res = await split(s.regulator, original.id, { parts: PARTS });
    assert.equal(res.statusCode, 201, res.body);
    const parts = res.json().parts as { id: string; trackingNumber: string; departmentId: string | null }[];
    assert.deepEqual(
      parts.map((p) => p.departmentId),
      [depts.hrss, depts.env, null],
    );

    const [orig] = await db.query<{ status: string; submittedAt: Date }>(
      `select status, submitted_at as "submittedAt" from cases where id = $1`,
      [original.id],
    );
    assert.ok(orig);
    assert.equal(orig.status, "new", "the original keeps its status and carries on");
    const rows = await db.query<{
      id: string;
      splitFrom: string;
      status: string;
      submittedAt: Date;
      acknowledgeDue: Date;
      resolveDue: Date;
      contact: string;
      enterpriseId: string;
      enterpriseName: string;
      channel: string;
      title: string;
    }>(
      `select id, split_from as "splitFrom", status, submitted_at as "submittedAt", acknowledge_due as "acknowledgeDue",
              resolve_due as "resolveDue", contact, enterprise_id as "enterpriseId",
              enterprise_name as "enterpriseName", channel, title
         from cases where split_from = $1 order by title`,
      [original.id],
    );
    assert.equal(rows.length, 3);
    for (const r of rows) {
      assert.equal(r.status, "new");
      assert.equal(r.submittedAt.getTime(), orig.submittedAt.getTime(), "the original's clock");
      assert.equal(
        r.acknowledgeDue.getTime(),
        addWorkingDays(DEFAULT_WORK_CALENDAR, orig.submittedAt, 1).getTime(),
      );
      assert.equal(
        r.resolveDue.getTime(),
        addWorkingDays(DEFAULT_WORK_CALENDAR, orig.submittedAt, 15).getTime(),
      );
      assert.equal(r.contact, LETTER.contact);
      assert.equal(r.enterpriseName, LETTER.enterpriseName);
      assert.equal(r.enterpriseId, ctx().fixtures.enterpriseA.id);
      assert.equal(r.channel, "enterprise");
    }

    // Both timelines name the other side, on the public page too; nothing private there.
    const numbers = parts.map((p) => formatTrackingNumber(p.trackingNumber));
    const view = await app.inject({
      method: "GET",
      url: `/api/v1/public/cases/${original.trackingNumber}`,
      remoteAddress: freshAddress(),
    });
    assert.equal(view.statusCode, 200, view.body);
    const splitEvent = view.json().timeline.find((e: { type: string }) => e.type === "split");
    assert.ok(splitEvent, view.body);
    for (const n of numbers) assert.ok(splitEvent.text.includes(n), splitEvent.text);
    assert.ok(!view.body.includes(LETTER.contact));
    const partView = await app.inject({
      method: "GET",
      url: `/api/v1/public/cases/${parts[0]?.trackingNumber}`,
      remoteAddress: freshAddress(),
    });
    assert.equal(partView.statusCode, 200, partView.body);
    const from = partView.json().timeline.find((e: { type: string }) => e.type === "splitFrom");
    assert.equal(from?.text, formatTrackingNumber(original.trackingNumber));
    assert.ok(!partView.body.includes(LETTER.contact));
    assert.equal(partView.json().departmentName, "平湖市人力资源和社会保障局");

    // Told as on routing: each department's members (and its mailbox), the coordinators for the unrouted part,
    // and the submitter, who finds the parts among its own cases.
    const noticeOf = async (session: Session, caseId: string | undefined) =>
      (
        (await call(app, session, "GET", "/api/v1/notifications?pageSize=100")).json().items as {
          caseId: string;
          kind: string;
        }[]
      ).filter((n) => n.caseId === caseId);
    assert.deepEqual(
      (await noticeOf(s.inspector, parts[0]?.id)).map((n) => n.kind),
      ["case.routed"],
    );
    assert.deepEqual(
      (await noticeOf(s.lab, parts[1]?.id)).map((n) => n.kind),
      ["case.routed"],
    );
    assert.deepEqual(
      (await noticeOf(s.regulator, parts[2]?.id)).map((n) => n.kind),
      ["case.unrouted"],
    );
    assert.deepEqual(
      (await noticeOf(s.enterprise, original.id)).map((n) => n.kind),
      ["case.split"],
    );
    const [mail] = await db.query<{ n: number }>(
      "select count(*)::int as n from email_outbox where case_id = any($1::uuid[]) and kind = 'case.routed'",
      [parts.map((p) => p.id)],
    );
    assert.equal(mail?.n, 2);
    const mine = await call(app, s.enterprise, "GET", "/api/v1/cases?pageSize=200");
    const ids = mine.json().items.map((c: { id: string }) => c.id);
    for (const p of parts) assert.ok(ids.includes(p.id));

    // Staff see the link on the case pages as well; the labour bureau sees its part only.
    const detail = await call(app, s.regulator, "GET", `/api/v1/cases/${original.id}`);
    assert.ok(detail.json().timeline.some((e: { type: string; text: string }) => e.type === "split"));
    assert.equal((await call(app, s.inspector, "GET", `/api/v1/cases/${parts[0]?.id}`)).statusCode, 200);
    assert.equal((await call(app, s.inspector, "GET", `/api/v1/cases/${parts[1]?.id}`)).statusCode, 404);

    const audit = await db.query<{ action: string; entityId: string }>(
      `select action, entity_id as "entityId" from audit_log where entity_id = any($1::text[]) order by id`,
      [[original.id, ...parts.map((p) => p.id)]],
    );
    assert.equal(audit.filter((a) => a.action === "case.split" && a.entityId === original.id).length, 1);
    assert.equal(audit.filter((a) => a.action === "case.create").length, 3);
  });

  it("refuses bad parts with field errors parts[i].x and writes nothing", async () => {
    const original = await raise("待拆分：字段校验");
    const before = await counts();
    const cases: [unknown, string, string][] = [
      [
        { parts: [PARTS[0], { ...PARTS[1], category: "nonsense" }] },
        "parts[1].category",
        "case_category_unknown",
      ],
      [{ parts: [{ ...PARTS[0], title: "  " }] }, "parts[0].title", "required"],
      [{ parts: [PARTS[0], { ...PARTS[1], title: "一\n二" }] }, "parts[1].title", "case_newline"],
      [{ parts: [{ ...PARTS[0], description: "长".repeat(5001) }] }, "parts[0].description", "too_long"],
      [{ parts: [] }, "parts", "out_of_range"],
    ];
    for (const [body, field, code] of cases) {
      const res = await split(s.regulator, original.id, body);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, "VALIDATION");
      const fields = res.json().error.fields as { field: string; code: string }[];
      assert.ok(
        fields.some((f) => f.field === field && f.code === code),
        `${field}/${code}: ${res.body}`,
      );
    }
    const tooMany = await split(s.regulator, original.id, {
      parts: Array.from({ length: 51 }, () => PARTS[0]),
    });
    assert.equal(tooMany.statusCode, 400, tooMany.body);
    const extra = await split(s.regulator, original.id, { parts: [{ ...PARTS[0], contact: "x" }] });
    assert.equal(extra.statusCode, 400, extra.body);
    assert.deepEqual(await counts(), before);
  });

  it("only coordinators split, open cases only; others' cases are not found", async () => {
    const { app } = ctx();
    const original = await raise("待拆分：权限");
    const before = await counts();
    // Routed to the policy bureau (econ), whose member is the association user: a member cannot split.
    for (const role of ["association", "inspector", "lab", "enterprise"] as const) {
      const res = await split(s[role], original.id, { parts: [PARTS[0]] });
      assert.equal(res.statusCode, 403, `${role}: ${res.body}`);
    }
    const anonymous = await app.inject({
      method: "POST",
      url: `/api/v1/cases/${original.id}/split`,
      payload: { parts: [PARTS[0]] },
    });
    assert.equal(anonymous.statusCode, 401);
    const missing = await split(s.regulator, "00000000-0000-4000-8000-000000000000", { parts: [PARTS[0]] });
    assert.equal(missing.statusCode, 404, missing.body);
    assert.deepEqual(await counts(), before);

    const withdrawn = await call(app, s.regulator, "POST", `/api/v1/cases/${original.id}/actions`, {
      type: "withdraw",
      reason: "企业来电撤回",
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.ok(!withdrawn.json().allowedActions.includes("split"));
    const afterWithdraw = await counts();
    const refused = await split(s.regulator, original.id, { parts: [PARTS[0]] });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.code, "CASE_ACTION_REFUSED");
    assert.deepEqual(await counts(), afterWithdraw);
  });
});
