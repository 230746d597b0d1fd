import assert from "node:assert/strict";
import { before, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Role, type Session } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";

describeWithFixtures("dashboard summary", (ctx) => {
  let as: Record<Role, Session>;
  /** Dates relative to the database's today, so the test holds whatever the clock and time zone. */
  let day: (offset: number) => string;

  before(async () => {
    const { app, db, fixtures } = ctx();
    as = await loginEveryRole(app, fixtures);
    const [row] = await db.query<{ today: string }>("select current_date::text as today");
    const today = new Date(`${row?.today}T00:00:00Z`);
    day = (offset) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const rand = seededRandom(99);
    await createEnterprise(db, null, {
      uscc: generateUscc(rand),
      name: "平湖市乍浦到期服饰有限公司",
      aboveScale: true,
      certifications: [
        { type: "ISO14001", validTo: day(30) },
        { type: "BSCI", validTo: day(200) },
      ],
    });
    await createEnterprise(db, null, {
      uscc: generateUscc(rand),
      name: "平湖市新埭边界服饰有限公司",
      exportFlag: true,
      certifications: [
        { type: "SA8000", validTo: day(-1) },
        { type: "WRAP", validTo: day(0) },
        { type: "GRS", validTo: day(90) },
        { type: "OEKO_TEX", validTo: day(91) },
      ],
    });
    await db.query(
      "insert into enterprise_certifications (enterprise_id, type, valid_to) values ($1, 'ISO14001', $2::date)",
      [fixtures.enterpriseA.id, day(10)],
    );
  });

  it("staff see the whole registry and the certifications lapsing within 90 days, soonest first", async () => {
    const res = await call(ctx().app, as.inspector, "GET", "/api/v1/dashboard/summary");
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.enterprises, 4);
    assert.equal(body.aboveScale, 2);
    assert.equal(body.exporters, 2);
    assert.deepEqual(
      body.expiringCertifications.map((c: { enterpriseName: string; type: string; validTo: string }) => [
        c.enterpriseName,
        c.type,
        c.validTo,
      ]),
      [
        ["平湖市新埭边界服饰有限公司", "WRAP", day(0)],
        [ctx().fixtures.enterpriseA.name, "ISO14001", day(10)],
        ["平湖市乍浦到期服饰有限公司", "ISO14001", day(30)],
        ["平湖市新埭边界服饰有限公司", "GRS", day(90)],
      ],
    );
  });

  it("the enterprise user sees its own enterprise only", async () => {
    const res = await call(ctx().app, as.enterprise, "GET", "/api/v1/dashboard/summary");
    assert.deepEqual(res.json(), {
      enterprises: 1,
      aboveScale: 1,
      exporters: 1,
      expiringCertifications: [
        {
          enterpriseId: ctx().fixtures.enterpriseA.id,
          enterpriseName: ctx().fixtures.enterpriseA.name,
          type: "ISO14001",
          validTo: day(10),
        },
      ],
    });
  });
});
