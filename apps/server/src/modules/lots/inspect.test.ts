import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Db } from "../../platform/db.ts";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, login, type Role, type Session, TEST_PASSWORD } from "../../testing/harness.ts";
import { todayInChina } from "../supervision/context.ts";
import { createUser } from "../users/service.ts";
import { dayFromToday, declared, setClass, setRisk } from "./testing.ts";

type Defect = { defectCode: string; quantity: number; defectClass?: string; measurement?: unknown };

/** n major defects of one kind. */
const majors = (n: number): Defect[] => (n > 0 ? [{ defectCode: "fabric.hole", quantity: n }] : []);

async function inspectionCount(db: Db, lotId: string) {
  const [row] = await db.query<{ n: number }>(
    "select count(*)::int as n from inspections where lot_id = $1",
    [lotId],
  );
  return row?.n ?? 0;
}

describeWithFixtures("lots: tasks, plans, inspections and switching", (ctx) => {
  let as: Record<Role, Session>;
  let inspector2: Session;

  before(async () => {
    const { app, db, fixtures } = ctx();
    as = await loginEveryRole(app, fixtures);
    await createUser(db, null, {
      username: "t-inspector-2",
      displayName: "检验员二",
      role: "inspector",
      enterpriseId: null,
      password: TEST_PASSWORD,
    });
    inspector2 = await login(app, "t-inspector-2");
    // Stringent supervision: every lot is inspected.
    await setClass(db, fixtures.enterpriseA.id, "III");
    await setRisk(db, "knitted", "medium");
  });

  const inspect = (who: Session, lotId: string, body: unknown) =>
    call(ctx().app, who, "POST", `/api/v1/lots/${lotId}/inspections`, body);
  const plan = (who: Session, lotId: string) => call(ctx().app, who, "GET", `/api/v1/lots/${lotId}/plan`);

  describe("tasks and claims", () => {
    it("lists open lots by ship date with enterprise, class, mode and stage; claims assign them", async () => {
      const { app, fixtures } = ctx();
      const later = await declared(app, as.enterprise, { shipDate: dayFromToday(20) });
      const sooner = await declared(app, as.enterprise, { shipDate: dayFromToday(2) });
      const res = await call(
        app,
        as.inspector,
        "GET",
        `/api/v1/tasks?enterpriseId=${fixtures.enterpriseA.id}`,
      );
      assert.equal(res.statusCode, 200, res.body);
      const ids = res.json().items.map((t: { id: string }) => t.id);
      assert.ok(ids.indexOf(sooner.id) < ids.indexOf(later.id));
      const task = res.json().items.find((t: { id: string }) => t.id === sooner.id);
      assert.equal(task.enterpriseName, fixtures.enterpriseA.name);
      assert.equal(task.enterpriseClass, "III");
      assert.equal(task.mode, "stringent");
      assert.equal(task.stage, "normal");
      assert.equal(task.nextRound, 1);
      assert.equal(task.inspectorId, null);

      const claim = await call(app, as.inspector, "POST", `/api/v1/lots/${sooner.id}/claim`);
      assert.equal(claim.statusCode, 200, claim.body);
      assert.equal(claim.json().inspectorId, ctx().fixtures.userIds.inspector);
      // Claiming one's own task again is harmless; another inspector cannot take it.
      assert.equal(
        (await call(app, as.inspector, "POST", `/api/v1/lots/${sooner.id}/claim`)).statusCode,
        200,
      );
      const taken = await call(app, inspector2, "POST", `/api/v1/lots/${sooner.id}/claim`);
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().error.code, "TASK_TAKEN");
      const notHis = await inspect(inspector2, sooner.id, { round: 1, defects: [], result: "accepted" });
      assert.equal(notHis.statusCode, 409);
      assert.equal(notHis.json().error.code, "TASK_TAKEN");

      // The second inspector's pool leaves out the first one's task; "mine" holds only one's own.
      const pool = await call(app, inspector2, "GET", "/api/v1/tasks?pageSize=200");
      assert.ok(!pool.json().items.some((t: { id: string }) => t.id === sooner.id));
      assert.ok(pool.json().items.some((t: { id: string }) => t.id === later.id));
      const mine = await call(app, as.inspector, "GET", "/api/v1/tasks?mine=true");
      assert.deepEqual(
        mine.json().items.map((t: { id: string }) => t.id),
        [sooner.id],
      );
      // The authority sees everything and may take a task over.
      const all = await call(app, as.regulator, "GET", "/api/v1/tasks?pageSize=200");
      assert.ok(all.json().items.some((t: { id: string }) => t.id === sooner.id));
      const window = await call(
        app,
        as.admin,
        "GET",
        `/api/v1/tasks?shipFrom=${dayFromToday(1)}&shipTo=${dayFromToday(3)}`,
      );
      assert.ok(window.json().items.every((t: { shipDate: string }) => t.shipDate <= dayFromToday(3)));
      const over = await call(app, as.regulator, "POST", `/api/v1/lots/${later.id}/claim`);
      assert.equal(over.statusCode, 200);
    });

    it("a released lot is no task: claim, plan and inspection are refused", async () => {
      const { app, db, fixtures } = ctx();
      await setClass(db, fixtures.enterpriseA.id, "I");
      const released = await declared(app, as.enterprise);
      await setClass(db, fixtures.enterpriseA.id, "III");
      for (const res of [
        await call(app, as.inspector, "POST", `/api/v1/lots/${released.id}/claim`),
        await plan(as.inspector, released.id),
        await inspect(as.inspector, released.id, { round: 1, defects: [], result: "accepted" }),
      ]) {
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.code, "LOT_NOT_OPEN");
      }
      const tasks = await call(app, as.admin, "GET", "/api/v1/tasks?pageSize=200");
      assert.ok(!tasks.json().items.some((t: { id: string }) => t.id === released.id));
    });
  });

  describe("plans and inspections", () => {
    it("the plan: normal stage, level II, J / n 80, Ac/Re per class, critical not allowed", async () => {
      const { app } = ctx();
      const lot = await declared(app, as.enterprise);
      const res = await plan(as.inspector, lot.id);
      assert.equal(res.statusCode, 200, res.body);
      const p = res.json();
      assert.equal(p.round, 1);
      assert.equal(p.stage, "normal");
      assert.equal(p.level, "II");
      assert.equal(p.codeLetter, "J");
      assert.equal(p.sampleSize, 80);
      assert.equal(p.fullInspection, false);
      assert.deepEqual([p.plans.major.accept, p.plans.major.reject], [5, 6]);
      assert.deepEqual([p.plans.minor.accept, p.plans.minor.reject], [7, 8]);
      assert.deepEqual([p.plans.critical.accept, p.plans.critical.reject], [0, 1]);
      assert.equal(p.plans.critical.zeroAcceptance, true);
    });

    it("special supervision inspects the whole lot", async () => {
      const { app, db, fixtures } = ctx();
      await setClass(db, fixtures.enterpriseA.id, "IV");
      const lot = await declared(app, as.enterprise, {
        lotSize: 300,
        quantity: 300,
        selfInspection: { sampleSize: 50, defectsFound: 0, passed: true },
      });
      await setClass(db, fixtures.enterpriseA.id, "III");
      const p = (await plan(as.inspector, lot.id)).json();
      assert.equal(p.mode, "special");
      assert.equal(p.sampleSize, 300);
      assert.equal(p.fullInspection, true);
      assert.equal(p.plans.major.sampleSize, 300);
    });

    it("refuses unknown defect codes, measurements within tolerance, and a round out of turn", async () => {
      const { app, db } = ctx();
      const lot = await declared(app, as.enterprise);
      const cases: [unknown, string, string][] = [
        [
          { round: 1, defects: [{ defectCode: "fabric.ghost", quantity: 1 }], result: "accepted" },
          "defects[0].defectCode",
          "unknown_type",
        ],
        [
          {
            round: 1,
            defects: [
              {
                defectCode: "measurement.out_of_tolerance",
                quantity: 1,
                measurement: { point: "胸围", size: "M", specCm: 100, toleranceCm: 2, measuredCm: 101.5 },
              },
            ],
            result: "accepted",
          },
          "defects[0].measurement.measuredCm",
          "within_tolerance",
        ],
        [
          {
            round: 1,
            defects: [{ defectCode: "measurement.out_of_tolerance", quantity: 1 }],
            result: "accepted",
          },
          "defects[0].measurement",
          "required",
        ],
        [
          {
            round: 1,
            defects: [
              {
                defectCode: "fabric.hole",
                quantity: 1,
                measurement: { point: "胸围", size: "M", specCm: 100, toleranceCm: 2, measuredCm: 110 },
              },
            ],
            result: "accepted",
          },
          "defects[0].measurement",
          "not_measurement_defect",
        ],
        [{ round: 2, defects: [], result: "accepted" }, "round", "inspection_round"],
        [
          { round: 1, defects: [{ defectCode: "fabric.hole", quantity: 0 }], result: "accepted" },
          "defects[0].quantity",
          "out_of_range",
        ],
        [{ round: 1, defects: [], result: "maybe" }, "result", "not_allowed"],
      ];
      for (const [body, field, code] of cases) {
        const res = await inspect(as.inspector, lot.id, body);
        assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
        assert.ok(
          res
            .json()
            .error.fields.some((f: { field: string; code: string }) => f.field === field && f.code === code),
          `${field} ${code}: ${res.body}`,
        );
      }
      assert.equal(await inspectionCount(db, lot.id), 0);
      // A measurement beyond its tolerance is a defect.
      const ok = await inspect(as.inspector, lot.id, {
        round: 1,
        defects: [
          {
            defectCode: "measurement.out_of_tolerance",
            quantity: 1,
            measurement: { point: "胸围", size: "M", specCm: 100, toleranceCm: 2, measuredCm: 102.5 },
          },
        ],
        result: "accepted",
      });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().inspection.defects[0].measurement.measuredCm, 102.5);
    });

    it("a verdict that contradicts Ac/Re is refused, naming the class; nothing is written", async () => {
      const { app, db } = ctx();
      const lot = await declared(app, as.enterprise);
      const res = await inspect(as.inspector, lot.id, { round: 1, defects: majors(6), result: "accepted" });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.code, "VERDICT_CONTRADICTS_PLAN");
      assert.match(res.json().error.message, /严重缺陷.*6.*Ac=5.*Re=6/);
      const en = await call(
        app,
        as.inspector,
        "POST",
        `/api/v1/lots/${lot.id}/inspections`,
        { round: 1, defects: [{ defectCode: "safety.needle", quantity: 1 }], result: "accepted" },
        { "accept-language": "en-US" },
      );
      assert.match(
        en.json().error.message,
        /1 critical defects found with Ac 0 \/ Re 1, so the lot is rejected/,
      );
      const lenient = await inspect(as.inspector, lot.id, {
        round: 1,
        defects: majors(5),
        result: "rejected",
      });
      assert.equal(lenient.statusCode, 422);
      assert.equal(await inspectionCount(db, lot.id), 0);
      const [row] = await db.query<{ status: string }>("select status from lots where id = $1", [lot.id]);
      assert.equal(row?.status, "awaiting_inspection");
    });

    it("accepted → release number; rejected → rework, round 2 re-inspects; a round is recorded once", async () => {
      const { app, db } = ctx();
      const accepted = await declared(app, as.enterprise);
      const ok = await inspect(as.inspector, accepted.id, {
        round: 1,
        defects: [...majors(5), { defectCode: "workmanship.loose_thread", quantity: 7 }],
        result: "accepted",
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const body = ok.json();
      assert.equal(body.lot.status, "accepted");
      assert.equal(body.lot.officialResult, "accepted");
      assert.match(body.lot.releaseNo, new RegExp(`^FX${todayInChina().replaceAll("-", "")}\\d{6,}$`));
      assert.ok(body.lot.releasedAt);
      assert.deepEqual(body.inspection.defectsFound, { critical: 0, major: 5, minor: 7 });
      assert.equal(body.inspection.stage, "normal");
      assert.equal(body.inspection.sampleSize, 80);
      assert.equal(body.switching.to, "normal");
      const again = await inspect(as.inspector, accepted.id, { round: 1, defects: [], result: "accepted" });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, "LOT_NOT_OPEN");

      const rejected = await declared(app, as.enterprise);
      // The inspector may re-class a defect for this lot: a stain counted as major.
      const bad = await inspect(as.inspector, rejected.id, {
        round: 1,
        defects: [{ defectCode: "fabric.stain", defectClass: "major", quantity: 6 }],
        result: "rejected",
        note: "污渍集中在前片",
      });
      assert.equal(bad.statusCode, 201, bad.body);
      assert.equal(bad.json().lot.status, "rework");
      assert.equal(bad.json().lot.officialResult, "rejected");
      assert.equal(bad.json().lot.releaseNo, null);
      assert.equal(bad.json().inspection.defects[0].defectClass, "major");
      const twice = await inspect(as.inspector, rejected.id, { round: 1, defects: [], result: "accepted" });
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().error.code, "INSPECTION_ALREADY_RECORDED");

      const tasks = await call(app, as.inspector, "GET", "/api/v1/tasks?pageSize=200");
      const task = tasks.json().items.find((t: { id: string }) => t.id === rejected.id);
      assert.equal(task?.status, "rework");
      assert.equal(task?.nextRound, 2);
      assert.equal((await plan(as.inspector, rejected.id)).json().round, 2);

      const [eventsBefore] = await db.query<{ n: number }>("select count(*)::int as n from switching_events");
      const round2 = await inspect(as.inspector, rejected.id, {
        round: 2,
        defects: majors(1),
        result: "accepted",
      });
      assert.equal(round2.statusCode, 201, round2.body);
      assert.equal(round2.json().lot.status, "accepted");
      assert.equal(round2.json().lot.officialResult, "rejected", "the official result is round 1's");
      assert.ok(round2.json().lot.releaseNo);
      assert.notEqual(round2.json().lot.releaseNo, body.lot.releaseNo);
      assert.equal(round2.json().switching, null, "re-inspections do not move the switching state");
      const [eventsAfter] = await db.query<{ n: number }>("select count(*)::int as n from switching_events");
      assert.equal(eventsAfter?.n, eventsBefore?.n);

      const detail = (await call(app, as.enterprise, "GET", `/api/v1/lots/${rejected.id}`)).json();
      assert.deepEqual(
        detail.inspections.map((i: { round: number; result: string }) => [i.round, i.result]),
        [
          [1, "rejected"],
          [2, "accepted"],
        ],
      );
      const audits = await db.query<{ action: string }>(
        "select action from audit_log where entity_id = $1 order by id",
        [rejected.id],
      );
      assert.deepEqual(
        audits.map((a) => a.action),
        ["lot.declare", "lot.inspect", "lot.inspect"],
      );
      // A rework lot cannot be withdrawn.
      const withdraw = await call(app, as.enterprise, "POST", `/api/v1/lots/${accepted.id}/withdraw`);
      assert.equal(withdraw.statusCode, 409);
    });

    it("enterprises cannot see plans or record inspections", async () => {
      const { app } = ctx();
      const lot = await declared(app, as.enterprise);
      assert.equal((await plan(as.enterprise, lot.id)).statusCode, 403);
      assert.equal(
        (await inspect(as.enterprise, lot.id, { round: 1, defects: [], result: "accepted" })).statusCode,
        403,
      );
    });
  });

  describe("switching end to end", () => {
    it("2 lots not accepted of 5 consecutive original inspections → the next plan is tightened", async () => {
      const { app, db, fixtures } = ctx();
      // Woven garments, a category of its own so the earlier tests' lots do not count; lot of 500 (H, n 50).
      await setRisk(db, "woven", "medium");
      const lotOf = () =>
        declared(app, as.enterprise, {
          productCategory: "woven",
          hsCode: "62034200",
          lotSize: 500,
          quantity: 500,
          selfInspection: { sampleSize: 50, defectsFound: 0, passed: true },
        });
      const first = await lotOf();
      const normal = (await plan(as.inspector, first.id)).json();
      assert.equal(normal.stage, "normal");
      assert.deepEqual([normal.plans.major.sampleSize, normal.plans.major.accept], [50, 3]);

      // accepted, rejected, accepted, accepted, rejected: the 2nd rejection within 5 lots tightens.
      const outcomes = ["accepted", "rejected", "accepted", "accepted", "rejected"] as const;
      let lot = first;
      const stages: string[] = [];
      for (const [i, result] of outcomes.entries()) {
        if (i > 0) lot = await lotOf();
        const res = await inspect(as.inspector, lot.id, {
          round: 1,
          defects: majors(result === "accepted" ? 1 : 4),
          result,
        });
        assert.equal(res.statusCode, 201, res.body);
        stages.push(res.json().switching.to);
      }
      assert.deepEqual(stages, ["normal", "normal", "normal", "normal", "tightened"]);

      const next = await lotOf();
      const tightened = (await plan(as.inspector, next.id)).json();
      assert.equal(tightened.stage, "tightened");
      assert.equal(tightened.plans.major.sampleSize, 50);
      assert.ok(tightened.plans.major.accept < normal.plans.major.accept, "smaller Ac for the same lot size");
      assert.deepEqual([tightened.plans.major.accept, tightened.plans.major.reject], [2, 3]);

      const states = await call(
        app,
        as.enterprise,
        "GET",
        `/api/v1/switching-states?enterpriseId=${fixtures.enterpriseA.id}`,
      );
      const woven = states
        .json()
        .items.find((s: { productCategory: string }) => s.productCategory === "woven");
      assert.equal(woven.stage, "tightened");
      assert.equal(woven.events[0].reasonKey, "aql.switching.normalToTightened");
      assert.match(woven.events[0].reason, /2 of the last 5 lots/);
      const detail = (await call(app, as.inspector, "GET", `/api/v1/lots/${next.id}`)).json();
      assert.equal(detail.switching.stage, "tightened");
      const tasks = (await call(app, as.inspector, "GET", "/api/v1/tasks?productCategory=woven")).json();
      assert.equal(tasks.items.find((t: { id: string }) => t.id === next.id)?.stage, "tightened");
      // Inspected on tightened, the lot is judged with the tightened Ac.
      const res = await inspect(as.inspector, next.id, { round: 1, defects: majors(3), result: "accepted" });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.code, "VERDICT_CONTRADICTS_PLAN");
    });

    it("discontinued refuses inspection until the authority accepts the corrective action", async () => {
      const { app, db, fixtures } = ctx();
      const a = fixtures.enterpriseA.id;
      await db.query(
        `insert into switching_states (enterprise_id, product_category, stage, state)
         values ($1, 'outerwear', 'discontinued', $2::jsonb)`,
        [
          a,
          JSON.stringify({
            stage: "discontinued",
            recentNormalResults: [],
            switchingScore: 0,
            consecutiveAcceptedOnTightened: 0,
            notAcceptedOnTightened: 0,
          }),
        ],
      );
      const lot = await declared(app, as.enterprise, { productCategory: "outerwear", hsCode: "62019300" });
      const refused = await plan(as.inspector, lot.id);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, "INSPECTION_DISCONTINUED");
      const noRecord = await inspect(as.inspector, lot.id, { round: 1, defects: [], result: "accepted" });
      assert.equal(noRecord.json().error.code, "INSPECTION_DISCONTINUED");

      const url = `/api/v1/switching-states/${a}/outerwear/resume`;
      assert.equal(
        (await call(app, as.inspector, "POST", url, { correctiveActionAccepted: true })).statusCode,
        403,
      );
      const no = await call(app, as.regulator, "POST", url, { correctiveActionAccepted: false });
      assert.equal(no.statusCode, 200, no.body);
      assert.equal(no.json().stage, "discontinued");
      const yes = await call(app, as.regulator, "POST", url, {
        correctiveActionAccepted: true,
        note: "整改报告已审核",
      });
      assert.equal(yes.statusCode, 200);
      assert.equal(yes.json().stage, "tightened");
      assert.equal(yes.json().events[0].reasonKey, "aql.switching.resumeToTightened");
      const again = await call(app, as.regulator, "POST", url, { correctiveActionAccepted: true });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, "SWITCHING_NOT_DISCONTINUED");
      assert.equal((await plan(as.inspector, lot.id)).json().stage, "tightened");
      const audits = await db.query(
        "select 1 from audit_log where action = 'switching.resume' and entity_id = $1",
        [a],
      );
      assert.equal(audits.length, 2);
      const unknown = await call(app, as.admin, "POST", `/api/v1/switching-states/${a}/spacesuits/resume`, {
        correctiveActionAccepted: true,
      });
      assert.equal(unknown.statusCode, 404);
    });

    it("an enterprise sees its own switching states only", async () => {
      const { app, fixtures } = ctx();
      const other = await call(
        app,
        as.enterprise,
        "GET",
        `/api/v1/switching-states?enterpriseId=${fixtures.enterpriseB.id}`,
      );
      assert.equal(other.statusCode, 404);
      const own = await call(app, as.enterprise, "GET", "/api/v1/switching-states");
      assert.ok(
        own.json().items.every((s: { enterpriseId: string }) => s.enterpriseId === fixtures.enterpriseA.id),
      );
      const staff = await call(app, as.inspector, "GET", "/api/v1/switching-states?stage=tightened");
      assert.ok(staff.json().items.length >= 1);
      assert.ok(staff.json().items.every((s: { stage: string }) => s.stage === "tightened"));
    });
  });
});
