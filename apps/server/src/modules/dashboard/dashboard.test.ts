import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Role, type Session } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";
import { ensureShippedSystems } from "../evaluations/systems.ts";
import { todayInChina } from "../supervision/context.ts";

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
    const { evaluations: _, ...registry } = res.json();
    assert.deepEqual(registry, {
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

  describe("the evaluation programme", () => {
    const today = todayInChina();
    const on = (offset: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const ids: Record<string, string> = {};

    before(async () => {
      const { db, fixtures } = ctx();
      await ensureShippedSystems(db);
      const [s] = await db.query<{ id: string; code: string; version: string }>(
        "select id, code, version from evaluation_systems where code = 'csc9000t-style' limit 1",
      );
      const assessment = async (key: string, enterpriseId: string, stage: string, dates: string[]) => {
        const [row] = await db.query<{ id: string }>(
          `insert into evaluation_assessments (enterprise_id, system_id, system_code, system_version, stage,
             self_due_on, reassessment_due_on, follow_up_due_on)
           values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
          [enterpriseId, s?.id, s?.code, s?.version, stage, ...dates],
        );
        ids[key] = (row as { id: string }).id;
      };
      const cap = async (key: string, assessment: string, status: string, deadline: string) => {
        const [a] = await db.query<{ e: string }>(
          "select enterprise_id as e from evaluation_assessments where id = $1",
          [ids[assessment]],
        );
        const [f] = await db.query<{ id: string }>(
          `insert into evaluation_findings (assessment_id, enterprise_id, source, severity, title, found_on)
           values ($1, $2, 'manual', 'medium', $3, $4) returning id`,
          [ids[assessment], a?.e, key, on(-30)],
        );
        const [c] = await db.query<{ id: string }>(
          `insert into evaluation_cap_items (finding_id, assessment_id, enterprise_id, status, deadline)
           values ($1, $2, $3, $4, $5) returning id`,
          [f?.id, ids[assessment], a?.e, status, deadline],
        );
        ids[key] = (c as { id: string }).id;
      };
      // A: re-assessment booked for yesterday; its CAP items around today. B: self-assessment due in 2 days.
      await assessment("a", fixtures.enterpriseA.id, "reassessment", [on(-20), on(-1), null as never]);
      await assessment("aRated", fixtures.enterpriseA.id, "rated", [null as never, null as never, on(30)]);
      await assessment("b", fixtures.enterpriseB.id, "selfAssessment", [on(2), null as never, null as never]);
      await cap("overdue", "a", "open", on(-2));
      await cap("submitted", "a", "submitted", on(-5));
      await cap("soon", "a", "open", on(3));
      await cap("rejected", "a", "rejected", on(7));
      await cap("later", "a", "open", on(8));
      await cap("closed", "a", "closed", on(-9));
      await cap("bOverdue", "b", "open", on(-1));
    });

    it("staff see overdue and due-soon CAP items and the stages due, cluster-wide", async () => {
      const res = await call(ctx().app, as.association, "GET", "/api/v1/dashboard/summary");
      assert.equal(res.statusCode, 200, res.body);
      const ev = res.json().evaluations;
      const overdue = await call(ctx().app, as.association, "GET", "/api/v1/cap-items/overdue");
      assert.equal(ev.overdueCapItems, overdue.json().total);
      assert.equal(ev.overdueCapItems, 2);
      assert.equal(ev.dueSoonCapItems, 2);
      assert.equal(ev.stagesDue, 2);
      assert.deepEqual(
        ev.stages.map((s: { assessmentId: string; field: string; dueOn: string; daysLeft: number }) => [
          s.assessmentId,
          s.field,
          s.dueOn,
          s.daysLeft,
        ]),
        [
          [ids.a, "reassessmentDueOn", on(-1), -1],
          [ids.b, "selfDueOn", on(2), 2],
        ],
      );
      assert.deepEqual(ev.capItems, []);
    });

    it("an enterprise user sees its own open CAP items with their deadlines, and its own counts", async () => {
      const res = await call(ctx().app, as.enterprise, "GET", "/api/v1/dashboard/summary");
      const ev = res.json().evaluations;
      assert.equal(ev.overdueCapItems, 1);
      assert.equal(ev.dueSoonCapItems, 2);
      assert.equal(ev.stagesDue, 1);
      assert.deepEqual(
        ev.capItems.map((c: { title: string; deadline: string; daysLeft: number; overdue: boolean }) => [
          c.title,
          c.deadline,
          c.daysLeft,
          c.overdue,
        ]),
        [
          ["submitted", on(-5), -5, false],
          ["overdue", on(-2), -2, true],
          ["soon", on(3), 3, false],
          ["rejected", on(7), 7, false],
          ["later", on(8), 8, false],
        ],
      );
      assert.ok(ev.capItems.every((c: { assessmentId: string }) => c.assessmentId === ids.a));
    });
  });
});
