import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Role, type Session } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";
import { todayInChina } from "../supervision/context.ts";
import { insertLot, setClass } from "./test-helpers.ts";

const BASE = "/api/v1/public-lists";
const PUBLIC = "/api/v1/public/lists";
const rand = seededRandom(3004);

describeWithFixtures("public good and bad lists", (ctx) => {
  let as: Record<Role, Session>;
  let A: string;
  let B: string;
  const today = todayInChina();

  before(async () => {
    as = await loginEveryRole(ctx().app, ctx().fixtures);
    A = ctx().fixtures.enterpriseA.id;
    B = ctx().fixtures.enterpriseB.id;
  });

  const draft = (body: Record<string, unknown>, who: Role = "regulator") =>
    call(ctx().app, as[who], "POST", BASE, {
      list: "good",
      enterpriseId: A,
      title: "诚信守法、质量过硬的出口服装企业",
      reason: "近一年出口批次官方检验全部合格",
      period: "2026年第3季度",
      ...body,
    });
  const action = (id: string, verb: "publish" | "withdraw", who: Role, body?: unknown) =>
    call(ctx().app, as[who], "POST", `${BASE}/${id}/${verb}`, body);

  describe("drafting and review", () => {
    let good: string;
    let bad: string;

    it("drafts an entry (trimmed text), audited", async () => {
      const res = await draft({ title: " 诚信守法、质量过硬的出口服装企业 " });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      good = body.id;
      assert.equal(body.status, "draft");
      assert.equal(body.title, "诚信守法、质量过硬的出口服装企业");
      assert.equal(body.createdByName, ctx().fixtures.users.regulator);
      assert.equal(body.publishedAt, null);
      const b = await draft({
        list: "bad",
        enterpriseId: B,
        title: "出口服装质量问题通报",
        reason: "12 个月内 2 批出口服装检验不合格",
      });
      assert.equal(b.statusCode, 201);
      bad = b.json().id;
      const [audit] = await ctx().db.query<{ action: string }>(
        "select action from audit_log where entity_type = 'public_list_entry' and entity_id = $1",
        [good],
      );
      assert.equal(audit?.action, "public_list.create");
    });

    it("refuses missing or blank text, an unknown enterprise and an unknown list; nothing written", async () => {
      const { db } = ctx();
      const count = async () =>
        (await db.query<{ n: number }>("select count(*)::int as n from public_list_entries"))[0]?.n;
      const before = await count();
      const cases: [Record<string, unknown>, string, string][] = [
        [{ reason: undefined }, "reason", "required"],
        [{ reason: "  " }, "reason", "required"],
        [{ title: "" }, "title", "required"],
        [{ period: undefined }, "period", "required"],
        [{ list: "neutral" }, "list", "not_allowed"],
        [{ enterpriseId: crypto.randomUUID() }, "enterpriseId", "unknown_enterprise"],
      ];
      for (const [body, field, code] of cases) {
        const res = await draft(body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
        assert.deepEqual(
          res.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code]),
          [[field, code]],
          JSON.stringify(body),
        );
      }
      assert.equal(await count(), before);
    });

    it("changes a draft; an empty patch is refused", async () => {
      const { app } = ctx();
      const res = await call(app, as.admin, "PATCH", `${BASE}/${good}`, { period: "2026年第2季度" });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().period, "2026年第2季度");
      const empty = await call(app, as.admin, "PATCH", `${BASE}/${good}`, {});
      assert.equal(empty.statusCode, 400);
      const blank = await call(app, as.admin, "PATCH", `${BASE}/${good}`, { reason: " " });
      assert.equal(blank.statusCode, 400);
      const unknown = await call(app, as.admin, "PATCH", `${BASE}/${crypto.randomUUID()}`, { title: "x" });
      assert.equal(unknown.statusCode, 404);
    });

    it("is published by a second person only; publishing twice is a conflict", async () => {
      const own = await action(good, "publish", "regulator");
      assert.equal(own.statusCode, 409);
      assert.equal(own.json().error.code, "PUBLIC_LIST_SAME_REVIEWER");
      const res = await action(good, "publish", "admin");
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, "published");
      assert.equal(res.json().publishedByName, ctx().fixtures.users.admin);
      assert.ok(res.json().publishedAt);
      const twice = await action(good, "publish", "admin");
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().error.code, "PUBLIC_LIST_STATE");
      assert.match(twice.json().error.message, /已发布/);
      const edit = await call(ctx().app, as.admin, "PATCH", `${BASE}/${good}`, { title: "改标题" });
      assert.equal(edit.statusCode, 409);
      assert.equal((await action(bad, "publish", "admin")).statusCode, 200);
      const unknown = await action(crypto.randomUUID(), "publish", "admin");
      assert.equal(unknown.statusCode, 404);
    });

    it("withdraws a published entry with a reason; a draft cannot be withdrawn", async () => {
      const another = await draft({ title: "待审核的条目" });
      const draftId = another.json().id;
      const wrong = await action(draftId, "withdraw", "admin", { reason: "不需要了" });
      assert.equal(wrong.statusCode, 409);
      assert.equal(wrong.json().error.code, "PUBLIC_LIST_STATE");
      assert.match(wrong.json().error.message, /草稿/);
      const missing = await action(bad, "withdraw", "admin", {});
      assert.equal(missing.statusCode, 400);
      const res = await action(bad, "withdraw", "admin", { reason: "企业已整改，复查合格" });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, "withdrawn");
      assert.equal(res.json().withdrawnReason, "企业已整改，复查合格");
      const twice = await action(bad, "withdraw", "admin", { reason: "再次" });
      assert.equal(twice.statusCode, 409);
    });

    it("lists every status for the authority, with filters", async () => {
      const { app } = ctx();
      const all = await call(app, as.regulator, "GET", BASE);
      assert.equal(all.json().total, 3);
      assert.equal(all.json().items[0].status, "draft", "drafts first");
      const published = await call(app, as.regulator, "GET", `${BASE}?status=published`);
      assert.deepEqual(
        published.json().items.map((e: { id: string }) => e.id),
        [good],
      );
      const bads = await call(app, as.regulator, "GET", `${BASE}?list=bad`);
      assert.deepEqual(
        bads.json().items.map((e: { status: string }) => e.status),
        ["withdrawn"],
      );
      const period = await call(
        app,
        as.regulator,
        "GET",
        `${BASE}?period=${encodeURIComponent("2026年第2季度")}`,
      );
      assert.equal(period.json().total, 1);
    });

    it("the portal shows published entries only, anonymously, with no internal fields", async () => {
      const { app } = ctx();
      const res = await call(app, null, "GET", PUBLIC);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.total, 1);
      assert.deepEqual(Object.keys(body.items[0]).sort(), [
        "enterpriseName",
        "list",
        "period",
        "publishedOn",
        "reason",
        "title",
      ]);
      assert.deepEqual(body.items[0], {
        list: "good",
        enterpriseName: ctx().fixtures.enterpriseA.name,
        title: "诚信守法、质量过硬的出口服装企业",
        reason: "近一年出口批次官方检验全部合格",
        period: "2026年第2季度",
        publishedOn: today,
      });
      assert.deepEqual(body.periods, ["2026年第2季度"]);
      for (const hidden of [
        A,
        ctx().fixtures.enterpriseA.uscc,
        "待审核的条目",
        "t-admin",
        "t-regulator",
        "整改",
      ])
        assert.ok(!res.body.includes(hidden), `leaks ${hidden}`);
      const bad = await call(app, null, "GET", `${PUBLIC}?list=bad`);
      assert.deepEqual(bad.json().items, []);
      assert.deepEqual(bad.json().periods, []);
      const otherPeriod = await call(
        app,
        null,
        "GET",
        `${PUBLIC}?period=${encodeURIComponent("2026年第3季度")}`,
      );
      assert.equal(otherPeriod.json().total, 0);
      const wrongList = await call(app, null, "GET", `${PUBLIC}?list=neutral`);
      assert.equal(wrongList.statusCode, 400);
    });
  });

  it("suggests class I exporters with a clean year (good) and rejections or class IV (bad)", async () => {
    const { app, db } = ctx();
    const make = async (name: string) =>
      (await createEnterprise(db, null, { uscc: generateUscc(rand), name })).id;
    const clean = await make("平湖市独山港服饰有限公司");
    const rejected = await make("平湖市钟埭制衣厂");
    const classIV = await make("平湖市曹桥服装加工厂");
    const notClean = await make("平湖市乍浦时装有限公司");
    await setClass(db, clean, "I");
    await setClass(db, notClean, "I");
    await setClass(db, classIV, "IV");
    await insertLot(db, { enterpriseId: clean, declaredOn: today, officialResult: "accepted" });
    await insertLot(db, { enterpriseId: notClean, declaredOn: today, officialResult: "accepted" });
    await insertLot(db, { enterpriseId: notClean, declaredOn: today, officialResult: "rejected" });
    await insertLot(db, { enterpriseId: rejected, declaredOn: today, officialResult: "rejected" });
    await insertLot(db, { enterpriseId: rejected, declaredOn: today, officialResult: "rejected" });
    const res = await call(app, as.regulator, "GET", `${BASE}/suggestions`);
    assert.equal(res.statusCode, 200, res.body);
    const { good, bad } = res.json() as Record<
      "good" | "bad",
      { enterpriseId: string; reasons: string[]; passRate: number | null; listed: string | null }[]
    >;
    assert.deepEqual(
      good.map((s) => [s.enterpriseId, s.passRate, s.reasons]),
      [[clean, 100, ["passRate100"]]],
    );
    assert.deepEqual(
      bad.map((s) => [s.enterpriseId, s.reasons]),
      [
        [rejected, ["rejectedLots"]],
        [classIV, ["classIV"]],
      ],
    );
    assert.equal(good[0]?.listed, null);
  });
});
