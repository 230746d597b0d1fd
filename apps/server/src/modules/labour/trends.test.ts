import assert from "node:assert/strict";
import { before, it } from "node:test";
import { generateUscc, seededRandom, type TimesheetRow } from "@jingwei/rules";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, login, type Session } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";
import type { MonthlyLabour } from "./check.ts";
import { day } from "./testing.ts";
import { storeMonthlyLabour } from "./trends.ts";

/** Every weekday of a month: `hours` a day (above 8 h is overtime), paid `pay` on the first row; insured or not. */
function month(workerId: string, ym: string, o: { hours: number; pay: number; insured?: boolean }) {
  const rows: TimesheetRow[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = `${ym}-${String(d).padStart(2, "0")}`;
    const t = new Date(`${date}T00:00:00Z`);
    if (t.getUTCMonth() + 1 !== Number(ym.slice(5)) || t.getUTCDay() === 0 || t.getUTCDay() === 6) continue;
    const overtimeHours = Math.max(0, o.hours - 8);
    rows.push(
      day(workerId, date, {
        hours: o.hours,
        overtimeHours,
        // 150 % of 4350 / 21.75 / 8 = 25 an hour → 37.5 per overtime hour.
        overtimePay: overtimeHours * 37.5,
        pay: rows.length === 0 ? o.pay : 0,
        socialInsurance: o.insured ?? true,
      }),
    );
  }
  return rows;
}

/** A month's figures kept directly, for enterprises other than the one checked. */
const kept = (ym: string, workers: number, averageHours: number, breaches = 0): MonthlyLabour => ({
  month: ym,
  workers,
  totalHours: workers * averageHours,
  averageHours,
  overtimeOver36h: breaches,
  restDayBreaches: 0,
  minimumWageShortfalls: 0,
  overtimePayShortfalls: breaches,
  paidInFull: workers - breaches,
  insured: workers,
});

describeWithFixtures("labour trends", (ctx) => {
  let assoc: Session;
  let ent: Session;
  let assessmentId: string;
  const others: string[] = [];

  before(async () => {
    const { app, db, fixtures } = ctx();
    assoc = await login(app, fixtures.users.association);
    ent = await login(app, fixtures.users.enterprise);
    const systems = await call(app, assoc, "GET", "/api/v1/evaluation-systems");
    const systemId = systems.json().items.find((s: { code: string }) => s.code === "csc9000t-style").id;
    const created = await call(app, assoc, "POST", "/api/v1/assessments", {
      enterpriseId: fixtures.enterpriseA.id,
      systemId,
    });
    assert.equal(created.statusCode, 201, created.body);
    assessmentId = created.json().id;
    // Findings are recorded from the expert assessment on: put it there directly.
    await db.query("update evaluation_assessments set stage = 'expertInitial' where id = $1", [assessmentId]);
    const rand = seededRandom(3);
    for (const name of ["平湖市趋势测试一服饰有限公司", "平湖市趋势测试二服饰有限公司"])
      others.push((await createEnterprise(db, null, { name, uscc: generateUscc(rand) })).id);
  });

  it("keeps a check's months for the enterprise; a rerun replaces the months it covers, one transaction", async () => {
    const { app, db, fixtures } = ctx();
    const url = `/api/v1/assessments/${assessmentId}/labour-check`;
    // March: W1 10 h a day (42 h overtime), W2 8 h uninsured; April: both 8 h, paid in full.
    const first = await call(app, assoc, "POST", url, {
      county: "330482",
      rows: [
        ...month("W1", "2024-03", { hours: 10, pay: 4350 }),
        ...month("W2", "2024-03", { hours: 8, pay: 4350, insured: false }),
        ...month("W1", "2024-04", { hours: 8, pay: 4350 }),
        ...month("W2", "2024-04", { hours: 8, pay: 4350 }),
      ],
    });
    assert.equal(first.statusCode, 200, first.body);
    const march = first.json().check.monthly.find((m: { month: string }) => m.month === "2024-03");
    assert.equal(march.workers, 2);
    assert.equal(march.overtimeOver36h, 1);
    assert.equal(march.insured, 1);
    assert.equal(march.paidInFull, 2);
    assert.deepEqual(march.compliance, {
      overtime: 50,
      restDay: 100,
      minimumWage: 100,
      overtimePay: 100,
      paidInFull: 100,
      socialInsurance: 50,
    });
    const rows = () =>
      db.query<{ month: string; workers: number; overtime: number; source: string }>(
        `select to_char(month, 'YYYY-MM') as month, workers, overtime_over_36h as overtime, source
         from labour_monthly_metrics where enterprise_id = $1 order by month`,
        [fixtures.enterpriseA.id],
      );
    assert.deepEqual(
      (await rows()).map((r) => [r.month, r.workers, r.overtime, r.source]),
      [
        ["2024-03", 2, 1, "check"],
        ["2024-04", 2, 0, "check"],
      ],
    );

    // April again with one worker (over 36 h), and May: April replaced, March kept.
    const second = await call(app, assoc, "POST", url, {
      county: "330482",
      rows: [
        ...month("W3", "2024-04", { hours: 10, pay: 4350 }),
        ...month("W3", "2024-05", { hours: 8, pay: 4350 }),
      ],
    });
    assert.equal(second.statusCode, 200, second.body);
    assert.deepEqual(
      (await rows()).map((r) => [r.month, r.workers, r.overtime]),
      [
        ["2024-03", 2, 1],
        ["2024-04", 1, 1],
        ["2024-05", 1, 0],
      ],
    );

    // A refused check (a bad row) keeps nothing of it.
    const bad = await call(app, assoc, "POST", url, {
      county: "330482",
      rows: [day("W9", "2024-06-03", { hours: 30 })],
    });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal((await rows()).length, 3);
    const audit = await db.query<{ after: { months: string[] } }>(
      "select after from audit_log where action = 'evaluation.labour_check' and entity_id = $1 order by id",
      [assessmentId],
    );
    assert.deepEqual(audit.at(-1)?.after.months, ["2024-04", "2024-05"]);
  });

  it("gives the cluster worker-weighted and one enterprise beside it; an enterprise sees its own and the cluster only", async () => {
    const { app, db, fixtures } = ctx();
    // March 2024: A has 2 workers at 188.18 h (kept by the check above); two others 8 workers at 200 h and 10 at 250 h.
    await db.tx(async (sql) => {
      await storeMonthlyLabour(
        sql,
        { enterpriseId: others[0] as string, assessmentId: null, source: "demo", checkedBy: null },
        [kept("2024-03", 8, 200), kept("2024-05", 8, 200)],
      );
      await storeMonthlyLabour(
        sql,
        { enterpriseId: others[1] as string, assessmentId: null, source: "demo", checkedBy: null },
        [kept("2024-03", 10, 250, 5)],
      );
    });
    const staff = await call(app, assoc, "GET", `/api/v1/labour/trends?enterpriseId=${others[1]}`);
    assert.equal(staff.statusCode, 200, staff.body);
    const body = staff.json();
    assert.deepEqual(body.reference, { standardMonthlyHours: 174, maxMonthlyOvertimeHours: 36 });
    const a = await db.query<{ total: number }>(
      `select total_hours::float8 as total from labour_monthly_metrics where enterprise_id = $1 and month = '2024-03-01'`,
      [fixtures.enterpriseA.id],
    );
    const march = body.cluster.find((m: { month: string }) => m.month === "2024-03");
    assert.equal(march.enterprises, 3);
    assert.equal(march.workers, 20);
    assert.equal(march.averageHours, Math.round((((a[0]?.total ?? 0) + 1600 + 2500) / 20) * 100) / 100);
    // 1 (A) + 5 of 20 workers over 36 h of overtime: 70 % within.
    assert.equal(march.compliance.overtime, 70);
    assert.equal(body.enterprise.name, "平湖市趋势测试二服饰有限公司");
    assert.deepEqual(
      body.enterprise.months.map((m: { month: string; averageHours: number }) => [m.month, m.averageHours]),
      [["2024-03", 250]],
    );
    assert.equal(body.enterprises.length, 3);
    assert.equal(body.enterprisesMore, false);
    // The cluster's rollup (kept by statement triggers through inserts, replacements) equals the months' sums.
    const [direct] = await db.query<{ n: number; workers: number }>(
      `select count(distinct month)::int as n, sum(workers)::int as workers from labour_monthly_metrics`,
    );
    assert.equal(body.cluster.length, direct?.n);
    assert.equal(
      body.cluster.reduce((s: number, m: { workers: number }) => s + m.workers, 0),
      direct?.workers,
    );
    const ranged = await call(app, assoc, "GET", "/api/v1/labour/trends?from=2024-04&to=2024-05");
    assert.deepEqual(
      ranged.json().cluster.map((m: { month: string; enterprises: number }) => [m.month, m.enterprises]),
      [
        ["2024-04", 1],
        ["2024-05", 2],
      ],
    );

    // The enterprise user: its own months, the cluster's of at least 3 enterprises, no one else's rows or names.
    const own = await call(app, ent, "GET", "/api/v1/labour/trends");
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(own.json().enterprise.id, fixtures.enterpriseA.id);
    assert.deepEqual(
      own.json().cluster.map((m: { month: string }) => m.month),
      ["2024-03"],
    );
    assert.deepEqual(
      own.json().enterprises.map((e: { id: string }) => e.id),
      [fixtures.enterpriseA.id],
    );
    assert.equal(
      (await call(app, ent, "GET", `/api/v1/labour/trends?enterpriseId=${others[0]}`)).statusCode,
      404,
    );
    const inspector = await login(app, fixtures.users.inspector);
    assert.equal((await call(app, inspector, "GET", "/api/v1/labour/trends")).statusCode, 403);
    const order = await call(app, assoc, "GET", "/api/v1/labour/trends?from=2024-05&to=2024-03");
    assert.equal(order.statusCode, 400);
    assert.equal(order.json().error.fields[0].field, "to");
    assert.equal((await call(app, assoc, "GET", "/api/v1/labour/trends?from=2024-13")).statusCode, 400);
  });
});
