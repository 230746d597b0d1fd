import assert from "node:assert/strict";
import { before, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Role, type Session } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";
import { todayInChina } from "../supervision/context.ts";
import { windowStart } from "./shared.ts";
import { daysBefore, insertLot, setClass } from "./test-helpers.ts";

const BASE = "/api/v1/green-channel";
const rand = seededRandom(3001);

describeWithFixtures("green channel", (ctx) => {
  let as: Record<Role, Session>;
  let A: string;
  let B: string;
  /** Class I exporter with a clean year: a candidate. */
  let C: string;
  /** Class III exporter: not a candidate. */
  let D: string;
  const today = todayInChina();

  before(async () => {
    const { app, db, fixtures } = ctx();
    as = await loginEveryRole(app, fixtures);
    A = fixtures.enterpriseA.id;
    B = fixtures.enterpriseB.id;
    const make = async (name: string) =>
      (await createEnterprise(db, null, { uscc: generateUscc(rand), name, exportFlag: true })).id;
    C = await make("平湖市林埭服饰有限公司");
    D = await make("平湖市广陈制衣厂");
    await setClass(db, B, "II");
    await setClass(db, C, "I");
    await setClass(db, D, "III");
    await db.query(
      `update enterprise_supervision set override_class = 'IV', override_reason = '测试', override_expires_on = '2000-01-01'
        where enterprise_id = $1`,
      [B],
    );
    await insertLot(db, { enterpriseId: C, declaredOn: today, officialResult: "accepted" });
    await insertLot(db, { enterpriseId: C, declaredOn: today, officialResult: "accepted" });
    await insertLot(db, { enterpriseId: D, declaredOn: today, officialResult: "accepted" });
    // Older than the 12-month window: does not count.
    await insertLot(db, {
      enterpriseId: C,
      declaredOn: daysBefore(windowStart(today, 12), 1),
      officialResult: "rejected",
    });
  });

  it("is empty at first, for everyone allowed to read it", async () => {
    for (const who of ["admin", "regulator", "inspector"] as const) {
      const res = await call(ctx().app, as[who], "GET", BASE);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { items: [], total: 0, page: 1, pageSize: 20 });
    }
  });

  it("candidates: class I/II exporters outside the channel, with the 12-month official pass rate", async () => {
    const res = await call(ctx().app, as.regulator, "GET", `${BASE}/candidates`);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as {
      enterpriseId: string;
      class: string;
      inspected: number;
      passRate: number;
    }[];
    const ids = items.map((c) => c.enterpriseId);
    assert.ok(!ids.includes(D), "class III is not a candidate");
    assert.ok(!ids.includes(A), "A is unclassified (III)");
    const c = items.find((i) => i.enterpriseId === C);
    assert.deepEqual(
      { class: c?.class, inspected: c?.inspected, passRate: c?.passRate },
      { class: "I", inspected: 2, passRate: 100 },
    );
    // B: class II decided, its expired override ignored; not an exporter by flag and no lots → not listed.
    assert.ok(!ids.includes(B));
  });

  it("adds an enterprise without a supervision row (inserted), touching only the green-channel columns", async () => {
    const { app, db } = ctx();
    const res = await call(app, as.regulator, "PUT", `${BASE}/${A}`, { reason: " 诚信度高、质量体系完善 " });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      enterpriseId: A,
      enterpriseName: ctx().fixtures.enterpriseA.name,
      uscc: ctx().fixtures.enterpriseA.uscc,
      greenChannel: true,
      since: today,
      reason: "诚信度高、质量体系完善",
      class: "III",
    });
    const [row] = await db.query<{ class: string | null; green_channel: boolean }>(
      "select class, green_channel from enterprise_supervision where enterprise_id = $1",
      [A],
    );
    assert.deepEqual(row, { class: null, green_channel: true });
  });

  it("adds an enterprise with a supervision row, keeping its class and override", async () => {
    const { app, db } = ctx();
    const res = await call(app, as.admin, "PUT", `${BASE}/${B}`, { reason: "二类企业，近一年无退运" });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().class, "II");
    const [row] = await db.query(
      `select class, override_class as "overrideClass", override_expires_on as "overrideExpiresOn", green_channel as "greenChannel"
         from enterprise_supervision where enterprise_id = $1`,
      [B],
    );
    assert.deepEqual(row, {
      class: "II",
      overrideClass: "IV",
      overrideExpiresOn: "2000-01-01",
      greenChannel: true,
    });
  });

  it("a second PUT changes the reason and keeps the date; audited as update", async () => {
    const { app, db } = ctx();
    await db.query(
      "update enterprise_supervision set green_channel_since = '2024-05-01' where enterprise_id = $1",
      [B],
    );
    const res = await call(app, as.regulator, "PUT", `${BASE}/${B}`, { reason: "复核后继续保留" });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().since, "2024-05-01");
    assert.equal(res.json().reason, "复核后继续保留");
    const actions = await db.query<{ action: string }>(
      "select action from audit_log where entity_type = 'enterprise_supervision' and entity_id = $1 order by id",
      [B],
    );
    assert.deepEqual(
      actions.map((a) => a.action),
      ["green_channel.add", "green_channel.update"],
    );
  });

  it("lists members with since, reason and class; members are no longer candidates", async () => {
    const { app } = ctx();
    const res = await call(app, as.inspector, "GET", BASE);
    assert.equal(res.json().total, 2);
    const byId = Object.fromEntries(
      res.json().items.map((e: { enterpriseId: string }) => [e.enterpriseId, e]),
    ) as Record<string, { class: string; since: string }>;
    assert.equal(byId[A]?.since, today);
    assert.equal(byId[B]?.class, "II");
    await call(app, as.regulator, "PUT", `${BASE}/${C}`, { reason: "一类企业" });
    const candidates = await call(app, as.regulator, "GET", `${BASE}/candidates`);
    assert.ok(!candidates.json().items.some((c: { enterpriseId: string }) => c.enterpriseId === C));
  });

  it("refuses a missing or blank reason, an unknown enterprise and a malformed id; nothing written", async () => {
    const { app, db } = ctx();
    const auditBefore = await db.query("select count(*)::int as n from audit_log");
    for (const body of [{}, { reason: "" }, { reason: "   " }, { reason: "x", extra: true }]) {
      const res = await call(app, as.regulator, "PUT", `${BASE}/${D}`, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
    }
    const blank = await call(app, as.regulator, "PUT", `${BASE}/${D}`, { reason: "  " });
    assert.deepEqual(
      blank.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code]),
      [["reason", "required"]],
    );
    const unknown = await call(app, as.regulator, "PUT", `${BASE}/${crypto.randomUUID()}`, {
      reason: "理由",
    });
    assert.equal(unknown.statusCode, 404);
    const malformed = await call(app, as.regulator, "PUT", `${BASE}/not-an-id`, { reason: "理由" });
    assert.equal(malformed.statusCode, 400);
    const [row] = await db.query(
      "select green_channel from enterprise_supervision where enterprise_id = $1",
      [D],
    );
    assert.deepEqual(row, { green_channel: false });
    assert.deepEqual(await db.query("select count(*)::int as n from audit_log"), auditBefore);
  });

  it("removes a member with a reason; removing a non-member is a conflict", async () => {
    const { app, db } = ctx();
    const missing = await call(app, as.regulator, "DELETE", `${BASE}/${B}`, {});
    assert.equal(missing.statusCode, 400);
    const res = await call(app, as.regulator, "DELETE", `${BASE}/${B}`, { reason: "出现退运" });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      { greenChannel: res.json().greenChannel, since: res.json().since, reason: res.json().reason },
      { greenChannel: false, since: null, reason: "出现退运" },
    );
    const [row] = await db.query("select class from enterprise_supervision where enterprise_id = $1", [B]);
    assert.deepEqual(row, { class: "II" });
    const again = await call(app, as.regulator, "DELETE", `${BASE}/${B}`, { reason: "再次" });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, "GREEN_CHANNEL_NOT_MEMBER");
    const never = await call(app, as.regulator, "DELETE", `${BASE}/${D}`, { reason: "从未加入" });
    assert.equal(never.statusCode, 409);
    const unknown = await call(app, as.regulator, "DELETE", `${BASE}/${crypto.randomUUID()}`, {
      reason: "x",
    });
    assert.equal(unknown.statusCode, 404);
    const list = await call(app, as.regulator, "GET", BASE);
    assert.ok(!list.json().items.some((e: { enterpriseId: string }) => e.enterpriseId === B));
    const [audit] = await db.query<{ before: { greenChannel: boolean }; after: { reason: string } }>(
      `select before, after from audit_log where entity_type = 'enterprise_supervision' and entity_id = $1
         and action = 'green_channel.remove'`,
      [B],
    );
    assert.equal(audit?.before.greenChannel, true);
    assert.equal(audit?.after.reason, "出现退运");
  });
});
