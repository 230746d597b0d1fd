import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Role, type Session } from "../../testing/harness.ts";

const BASE = "/api/v1/demonstration-enterprises";

describeWithFixtures("demonstration titles", (ctx) => {
  let as: Record<Role, Session>;
  let A: string;
  let B: string;

  before(async () => {
    as = await loginEveryRole(ctx().app, ctx().fixtures);
    A = ctx().fixtures.enterpriseA.id;
    B = ctx().fixtures.enterpriseB.id;
  });

  const honours = async () =>
    (await ctx().db.query<{ n: number }>("select count(*)::int as n from enterprise_honours"))[0]?.n;

  it("lists demonstration titles only: A's 出口免验企业 honour is not one", async () => {
    const res = await call(ctx().app, as.lab, "GET", BASE);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().total, 0);
  });

  it("awards a title as the registry writes honours, audited on the enterprise", async () => {
    const { app, db } = ctx();
    const res = await call(app, as.regulator, "POST", BASE, {
      enterpriseId: A,
      honourType: "REGIONAL_DEMO",
      recognisedOn: "2010-03-01",
      documentNo: "嘉检〔2010〕12号",
      issuer: "嘉兴检验检疫局",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(
      { ...(res.json() as Record<string, unknown>), id: undefined },
      {
        id: undefined,
        enterpriseId: A,
        enterpriseName: ctx().fixtures.enterpriseA.name,
        uscc: ctx().fixtures.enterpriseA.uscc,
        honourType: "REGIONAL_DEMO",
        honourTypeName: "区域化管理示范企业",
        title: "区域化管理示范企业",
        level: null,
        issuer: "嘉兴检验检疫局",
        recognisedOn: "2010-03-01",
        documentNo: "嘉检〔2010〕12号",
      },
    );
    // The registry shows it among the enterprise's honours.
    const record = await call(app, as.inspector, "GET", `/api/v1/enterprises/${A}`);
    assert.ok(
      record
        .json()
        .honours.some(
          (h: { type: string; documentNumber: string }) =>
            h.type === "REGIONAL_DEMO" && h.documentNumber === "嘉检〔2010〕12号",
        ),
    );
    const [audit] = await db.query<{ action: string; after: { honour: { type: string } } }>(
      "select action, after from audit_log where entity_type = 'enterprise' and entity_id = $1 order by id desc limit 1",
      [A],
    );
    assert.equal(audit?.action, "enterprise.honour.award");
    assert.equal(audit?.after.honour.type, "REGIONAL_DEMO");
  });

  it("awards the national title (migration 0011's honour type) to B", async () => {
    const res = await call(ctx().app, as.admin, "POST", BASE, {
      enterpriseId: B,
      honourType: "EXPORT_QUALITY_DEMO",
      recognisedOn: "2017-11-20",
      documentNo: "国质检〔2017〕88号",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().title, "出口质量安全示范企业");
  });

  it("lists: staff see every holder, newest first; an enterprise user its own only", async () => {
    const { app } = ctx();
    const staff = await call(app, as.inspector, "GET", BASE);
    assert.deepEqual(
      staff.json().items.map((t: { enterpriseId: string }) => t.enterpriseId),
      [B, A],
    );
    const filtered = await call(app, as.inspector, "GET", `${BASE}?honourType=REGIONAL_DEMO`);
    assert.equal(filtered.json().total, 1);
    const own = await call(app, as.enterprise, "GET", BASE);
    assert.deepEqual(
      own.json().items.map((t: { enterpriseId: string }) => t.enterpriseId),
      [A],
    );
    assert.equal(own.json().total, 1);
  });

  it("refuses a title held already, a non-demonstration honour, an unknown enterprise and bad fields", async () => {
    const { app } = ctx();
    const before = await honours();
    const held = await call(app, as.regulator, "POST", BASE, {
      enterpriseId: A,
      honourType: "REGIONAL_DEMO",
      recognisedOn: "2014-01-01",
      documentNo: "重复",
    });
    assert.equal(held.statusCode, 409);
    assert.equal(held.json().error.code, "DEMONSTRATION_HELD");
    assert.match(held.json().error.message, /区域化管理示范企业/);
    const valid = {
      enterpriseId: B,
      honourType: "REGIONAL_DEMO",
      recognisedOn: "2014-01-01",
      documentNo: "文号",
    };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...valid, honourType: "EXPORT_EXEMPT" }, "honourType", "not_demonstration_title"],
      [{ ...valid, enterpriseId: crypto.randomUUID() }, "enterpriseId", "unknown_enterprise"],
      [{ ...valid, enterpriseId: "B" }, "enterpriseId", "format"],
      [{ ...valid, recognisedOn: "2014-13-01" }, "recognisedOn", "format"],
      [{ ...valid, documentNo: "  " }, "documentNo", "required"],
      [{ ...valid, documentNo: undefined }, "documentNo", "required"],
    ];
    for (const [body, field, code] of cases) {
      const res = await call(app, as.regulator, "POST", BASE, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(
        res.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code]),
        [[field, code]],
        JSON.stringify(body),
      );
    }
    assert.equal(await honours(), before);
  });
});
