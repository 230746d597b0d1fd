import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { before, it } from "node:test";
import {
  addWorkingDays,
  DEFAULT_WORK_CALENDAR,
  formatTrackingNumber,
  generateTrackingNumber,
  isWellFormedTrackingNumber,
  TRACKING_RANDOM_BYTES,
} from "@jingwei/rules";
import type { Role } from "../../platform/access.ts";
import type { App } from "../../platform/http.ts";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, freshAddress, type Session } from "../../testing/harness.ts";
import { runDailyDigest } from "./jobs.ts";
import { casesSetUp } from "./testing.ts";

const VALID = {
  category: "labourAndTalent",
  title: "招工难，希望对接职业院校",
  description: "我们是平湖的服装企业，旺季缺少缝纫工，希望人社部门帮助对接职业院校实习生。",
  contact: "13800000000 王女士",
};

/** The public form from an address of its own (the rate limit is per address). */
function submit(app: App, body: unknown, headers: Record<string, string> = {}, address = freshAddress()) {
  return app.inject({
    method: "POST",
    url: "/api/v1/public/cases",
    payload: body as never,
    headers,
    remoteAddress: address,
  });
}
function track(app: App, number: string, address = freshAddress()) {
  return app.inject({
    method: "GET",
    url: `/api/v1/public/cases/${encodeURIComponent(number)}`,
    remoteAddress: address,
  });
}

describeWithFixtures("cases", (ctx) => {
  let s: Record<Role, Session>;
  let depts: Record<string, string>;

  const act = (session: Session, id: string, body: unknown) =>
    call(ctx().app, session, "POST", `/api/v1/cases/${id}/actions`, body);
  const idOf = async (trackingNumber: string) => {
    const [row] = await ctx().db.query<{ id: string }>("select id from cases where tracking_number = $1", [
      trackingNumber,
    ]);
    assert.ok(row, trackingNumber);
    return row.id;
  };

  before(async () => {
    const { app, db, fixtures } = ctx();
    ({ s, depts } = await casesSetUp(app, db, fixtures));
  });

  it("a public submission gets a tracking number, is routed by category and is stored with its deadlines", async () => {
    const { app, db } = ctx();
    const res = await submit(app, VALID);
    assert.equal(res.statusCode, 201, res.body);
    const { trackingNumber } = res.json();
    assert.ok(isWellFormedTrackingNumber(trackingNumber));
    const [row] = await db.query<{
      channel: string;
      departmentId: string;
      submittedAt: Date;
      acknowledgeDue: Date;
      resolveDue: Date;
    }>(
      `select channel, department_id as "departmentId", submitted_at as "submittedAt",
              acknowledge_due as "acknowledgeDue", resolve_due as "resolveDue"
         from cases where tracking_number = $1`,
      [trackingNumber],
    );
    assert.ok(row);
    assert.equal(row.channel, "web");
    assert.equal(row.departmentId, depts.hrss);
    assert.equal(
      row.acknowledgeDue.getTime(),
      addWorkingDays(DEFAULT_WORK_CALENDAR, row.submittedAt, 1).getTime(),
    );
    assert.equal(
      row.resolveDue.getTime(),
      addWorkingDays(DEFAULT_WORK_CALENDAR, row.submittedAt, 15).getTime(),
    );
  });

  it("a submission no department takes by category waits for the coordinators, who are told", async () => {
    const { app } = ctx();
    const res = await submit(app, { ...VALID, category: "other", title: "园区东门路灯损坏无人修" });
    assert.equal(res.statusCode, 201, res.body);
    const { trackingNumber } = res.json();
    const id = await idOf(trackingNumber);
    for (const role of ["admin", "regulator"] as const) {
      const notes = await call(app, s[role], "GET", "/api/v1/notifications?unread=true&pageSize=100");
      assert.equal(notes.statusCode, 200, notes.body);
      const mine = notes.json().items.filter((n: { caseId: string }) => n.caseId === id);
      assert.equal(mine.length, 1, role);
      assert.equal(mine[0].kind, "case.unrouted");
      assert.ok(mine[0].title.includes(formatTrackingNumber(trackingNumber)), mine[0].title);
    }
    // The coordinator is offered what the API carries out: routing, and splitting (POST /cases/:id/split).
    const detail = await call(app, s.regulator, "GET", `/api/v1/cases/${id}`);
    assert.equal(detail.statusCode, 200, detail.body);
    assert.ok(detail.json().allowedActions.includes("assign"));
    assert.ok(detail.json().allowedActions.includes("split"));
    // Department members are not told of a case that is not theirs.
    const inspector = await call(app, s.inspector, "GET", "/api/v1/notifications?pageSize=100");
    assert.ok(!inspector.json().items.some((n: { caseId: string }) => n.caseId === id));
  });

  it("deadlines count working days across the Spring Festival and its make-up days", async () => {
    const { app, db } = ctx();
    const salon = await call(app, s.regulator, "POST", "/api/v1/salons", {
      heldOn: "2025-01-24",
      place: "当湖街道企业服务中心",
      hosts: "市经信局",
      attendeeCount: 12,
    });
    assert.equal(salon.statusCode, 201, salon.body);
    const res = await call(app, s.regulator, "POST", "/api/v1/cases", {
      ...VALID,
      channel: "salon",
      salonId: salon.json().id,
    });
    assert.equal(res.statusCode, 201, res.body);
    const [row] = await db.query<{ a: Date; f: Date; r: Date }>(
      "select acknowledge_due as a, first_answer_due as f, resolve_due as r from cases where id = $1",
      [res.json().id],
    );
    assert.ok(row);
    // Raised Friday 2025-01-24 evening: Sunday 01-26 is a make-up working day; 01-28 … 02-04 are holidays.
    assert.equal(row.a.toISOString(), "2025-01-26T09:30:00.000Z");
    assert.equal(row.f.toISOString(), "2025-02-07T09:30:00.000Z");
    assert.equal(row.r.toISOString(), "2025-02-20T09:30:00.000Z");
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const { app, db } = ctx();
    const [before] = await db.query<{ n: number }>("select count(*)::int as n from cases");
    const empty = await submit(app, {});
    assert.equal(empty.statusCode, 400);
    const cases: [unknown, string, string][] = [
      [{ ...VALID, title: "   " }, "title", "required"],
      [{ ...VALID, category: "nonsense" }, "category", "case_category_unknown"],
      [{ ...VALID, description: "长".repeat(5001) }, "description", "too_long"],
      [{ ...VALID, title: "第一行\n第二行" }, "title", "case_newline"],
      [{ ...VALID, description: "。。。。。。" }, "description", "case_no_letters"],
    ];
    for (const [body, field, code] of cases) {
      const res = await submit(app, body);
      assert.equal(res.statusCode, 400, res.body);
      const fields = res.json().error.fields as { field: string; code: string }[];
      assert.ok(
        fields.some((f) => f.field === field && f.code === code),
        `${field}/${code}: ${res.body}`,
      );
    }
    const [after] = await db.query<{ n: number }>("select count(*)::int as n from cases");
    assert.deepEqual(after, before);
  });

  it("stores HTML as text, and holds likely spam for review instead of routing it", async () => {
    const { app, db } = ctx();
    const title = '<script>alert("x")</script>厂房漏水';
    const res = await submit(app, { ...VALID, title });
    assert.equal(res.statusCode, 201, res.body);
    const [row] = await db.query<{ title: string; reasons: string[] }>(
      "select title, abuse_reasons as reasons from cases where tracking_number = $1",
      [res.json().trackingNumber],
    );
    assert.deepEqual(row, { title, reasons: ["markup"] });
    const view = await track(app, res.json().trackingNumber);
    assert.equal(view.json().title, title);

    const spam = await submit(app, {
      ...VALID,
      description: "优惠 http://a.example http://b.example http://c.example 速来",
    });
    assert.equal(spam.statusCode, 201, "kept, never discarded");
    const [held] = await db.query<{ held: boolean; departmentId: string | null }>(
      `select held_for_review as held, department_id as "departmentId" from cases where tracking_number = $1`,
      [spam.json().trackingNumber],
    );
    assert.deepEqual(held, { held: true, departmentId: null });
  });

  it("the same Idempotency-Key gives the same tracking number and one case, also concurrently", async () => {
    const { app, db } = ctx();
    const key = `k-${randomBytes(8).toString("hex")}`;
    const body = { ...VALID, title: "幂等提交测试" };
    const first = await submit(app, body, { "idempotency-key": key });
    const second = await submit(app, body, { "idempotency-key": key });
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    assert.equal(second.json().trackingNumber, first.json().trackingNumber);
    const other = await submit(app, { ...body, title: "另一份内容" }, { "idempotency-key": key });
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().error.code, "CASE_IDEMPOTENCY_MISMATCH");

    const key2 = `k-${randomBytes(8).toString("hex")}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        submit(app, { ...body, title: "并发提交测试" }, { "idempotency-key": key2 }),
      ),
    );
    assert.ok(
      results.every((r) => r.statusCode === 201),
      results.map((r) => r.body).join("\n"),
    );
    assert.equal(new Set(results.map((r) => r.json().trackingNumber)).size, 1);
    const [count] = await db.query<{ n: number }>(
      "select count(*)::int as n from cases where title in ('幂等提交测试', '并发提交测试')",
    );
    assert.equal(count?.n, 2);
  });

  it("malformed and guessed tracking numbers are 404", async () => {
    const { app } = ctx();
    const guess = generateTrackingNumber(new Date(), randomBytes(TRACKING_RANDOM_BYTES));
    const typo = `${guess.slice(0, -1)}${guess.endsWith("0") ? "1" : "0"}`;
    for (const n of ["1", "PH", "x".repeat(90), typo, guess, "PH250230AAAAAAAAAAA"]) {
      const res = await track(app, n);
      assert.equal(res.statusCode, 404, n);
      assert.equal(res.json().error.code, "NOT_FOUND");
    }
  });

  it("works a case through the workflow: transfer, unknown department, forbidden jump, answer, rating", async () => {
    const { app } = ctx();
    const created = await submit(app, VALID);
    const number = created.json().trackingNumber as string;
    const id = await idOf(number);

    const jump = await act(s.regulator, id, { type: "close" });
    assert.equal(jump.statusCode, 409, jump.body);
    assert.equal(jump.json().error.code, "CASE_ACTION_REFUSED");

    for (const departmentId of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      const bad = await act(s.regulator, id, { type: "transfer", departmentId, reason: "错派" });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(
        bad.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code]),
        [["departmentId", "case_department_unknown"]],
      );
    }
    const noReason = await act(s.regulator, id, { type: "transfer", departmentId: depts.env, reason: " " });
    assert.equal(noReason.statusCode, 400);

    // The labour bureau acknowledges, then the coordinator moves it to the environment bureau.
    const ack = await act(s.inspector, id, { type: "acknowledge" });
    assert.equal(ack.statusCode, 200, ack.body);
    assert.equal(ack.json().status, "acknowledged");
    const moved = await act(s.regulator, id, {
      type: "transfer",
      departmentId: depts.env,
      reason: "涉及排污许可，内部理由",
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().departmentId, depts.env);
    // The labour bureau no longer sees it; the environment bureau answers.
    assert.equal((await act(s.inspector, id, { type: "answer", reply: "无权" })).statusCode, 404);
    const note = await call(app, s.lab, "POST", `/api/v1/cases/${id}/notes`, {
      text: "内部备注：已电话联系企业",
    });
    assert.equal(note.statusCode, 200, note.body);
    const answered = await act(s.lab, id, { type: "answer", reply: "已协调职业院校于下月对接。" });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().status, "answered");
    assert.ok(answered.json().allowedActions.includes("close") === false);

    // The public page: the reply, never the note, the transfer's reason or the contact.
    const view = await track(app, number);
    assert.equal(view.statusCode, 200);
    const text = view.body;
    assert.ok(text.includes("已协调职业院校"));
    for (const secret of ["内部备注", "内部理由", "13800000000", "contact"])
      assert.ok(!text.includes(secret), secret);
    assert.equal(view.json().canRate, true);

    const rated = await app.inject({
      method: "POST",
      url: `/api/v1/public/cases/${number}/rating`,
      payload: { rating: "satisfied" },
      remoteAddress: freshAddress(),
    });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.equal(rated.json().status, "closed");
    const again = await app.inject({
      method: "POST",
      url: `/api/v1/public/cases/${number}/rating`,
      payload: { rating: "notSatisfied", comment: "还没解决" },
      remoteAddress: freshAddress(),
    });
    assert.equal(again.statusCode, 409);
  });

  it("a not-satisfied rating reopens the case with a fresh resolve deadline", async () => {
    const { app, db } = ctx();
    const number = (await submit(app, VALID)).json().trackingNumber as string;
    const id = await idOf(number);
    assert.equal((await act(s.inspector, id, { type: "answer", reply: "请自行联系院校。" })).statusCode, 200);
    const rated = await app.inject({
      method: "POST",
      url: `/api/v1/public/cases/${number}/rating`,
      payload: { rating: "notSatisfied" },
      remoteAddress: freshAddress(),
    });
    assert.equal(rated.statusCode, 400, "a comment is required");
    const ok = await app.inject({
      method: "POST",
      url: `/api/v1/public/cases/${number}/rating`,
      payload: { rating: "notSatisfied", comment: "答复没有解决问题" },
      remoteAddress: freshAddress(),
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, "inProgress");
    const [row] = await db.query<{ reopenedAt: Date; resolveDue: Date; escalations: number }>(
      `select reopened_at as "reopenedAt", resolve_due as "resolveDue", escalations from cases where id = $1`,
      [id],
    );
    assert.ok(row);
    assert.equal(row.escalations, 1);
    assert.equal(
      row.resolveDue.getTime(),
      addWorkingDays(DEFAULT_WORK_CALENDAR, row.reopenedAt, 15).getTime(),
    );
  });

  it("scopes cases: an enterprise sees its own, a department only what is routed to it", async () => {
    const { app, fixtures } = ctx();
    const own = await call(app, s.enterprise, "POST", "/api/v1/cases", { ...VALID, title: "本企业诉求" });
    assert.equal(own.statusCode, 201, own.body);
    const foreign = await call(app, s.enterprise, "POST", "/api/v1/cases", {
      ...VALID,
      enterpriseId: fixtures.enterpriseB.id,
    });
    assert.equal(foreign.statusCode, 403);
    const forB = await call(app, s.regulator, "POST", "/api/v1/cases", {
      ...VALID,
      category: "environment",
      title: "乙企业来电",
      channel: "phone",
      enterpriseId: fixtures.enterpriseB.id,
    });
    assert.equal(forB.statusCode, 201, forB.body);

    const list = await call(app, s.enterprise, "GET", "/api/v1/cases?pageSize=200");
    assert.equal(list.statusCode, 200);
    assert.deepEqual(
      list.json().items.map((c: { id: string }) => c.id),
      [own.json().id],
    );
    assert.equal((await call(app, s.enterprise, "GET", `/api/v1/cases/${forB.json().id}`)).statusCode, 404);
    assert.equal((await act(s.enterprise, forB.json().id, { type: "withdraw" })).statusCode, 404);

    // The enterprise's own case: no internal notes in its timeline.
    await call(app, s.inspector, "POST", `/api/v1/cases/${own.json().id}/notes`, {
      text: "内部：企业规模较大",
    });
    const detail = await call(app, s.enterprise, "GET", `/api/v1/cases/${own.json().id}`);
    assert.equal(detail.statusCode, 200);
    assert.ok(!detail.body.includes("内部：企业规模较大"));
    assert.equal(detail.json().canNote, false);

    // The labour bureau (inspector) sees labour cases only; the environment case is not found.
    const hrss = await call(app, s.inspector, "GET", "/api/v1/cases?pageSize=200");
    assert.ok(hrss.json().items.every((c: { departmentId: string }) => c.departmentId === depts.hrss));
    assert.equal((await call(app, s.inspector, "GET", `/api/v1/cases/${forB.json().id}`)).statusCode, 404);
    // A staff user of no department sees nothing.
    assert.equal((await call(app, s.association, "GET", "/api/v1/cases")).json().total, 0);
    // The coordinator sees everything.
    assert.ok((await call(app, s.regulator, "GET", "/api/v1/cases")).json().total >= 5);
  });

  it("the dashboard counts collected and closed, and the digest mails departments with overdue cases", async () => {
    const { app, db } = ctx();
    const stats = await call(app, s.regulator, "GET", "/api/v1/cases/stats");
    assert.equal(stats.statusCode, 200, stats.body);
    const body = stats.json();
    const [expected] = await db.query<{ collected: number; closed: number }>(
      `select count(*) filter (where status <> 'duplicate')::int as collected,
              count(*) filter (where status in ('closed', 'notResponsible', 'withdrawn'))::int as closed from cases`,
    );
    assert.deepEqual({ collected: body.collected, closed: body.closed }, expected);
    assert.ok(body.closed >= 1);
    assert.ok(body.topCategories.length > 0);

    const written = await runDailyDigest(db, new Date("2099-01-05T02:00:00Z"));
    assert.ok(written >= 1);
    const outbox = await call(app, s.admin, "GET", "/api/v1/email-outbox");
    assert.ok(outbox.json().items.some((m: { kind: string }) => m.kind === "case.digest"));
    assert.equal(await runDailyDigest(db, new Date("2099-01-05T03:00:00Z")), 0, "once a day");
  });

  it("the export holds the caller's cases as XLSX", async () => {
    const { app } = ctx();
    const res = await call(app, s.enterprise, "GET", "/api/v1/cases/export");
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /spreadsheetml/);
  });

  it("rate-limits tracking-number lookups per address", async () => {
    const { app } = ctx();
    const address = freshAddress();
    let last = 0;
    for (let i = 0; i < 70 && last !== 429; i++)
      last = (await track(app, "PH000000000000000000", address)).statusCode;
    assert.equal(last, 429);
  });
});
