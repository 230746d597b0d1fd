import assert from "node:assert/strict";
import { it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import { describeEachDb } from "../../testing/harness.ts";
import { PILOT_ENTERPRISES } from "../demo/pinghu-seed-data.ts";
import { createEnterprise } from "../enterprises/service.ts";
import { pilotLabourMonths, seedEvaluationDemo } from "./demo.ts";

describeEachDb("evaluation demo", (ctx) => {
  it("rates the 11 CSC9000T pilots once, with their stage history", async () => {
    const { db } = ctx();
    const rand = seededRandom(7);
    for (const p of PILOT_ENTERPRISES)
      await createEnterprise(db, null, { name: p.name, uscc: generateUscc(rand) });
    assert.equal(await seedEvaluationDemo(db), PILOT_ENTERPRISES.length);
    assert.equal(await seedEvaluationDemo(db), 0);
    const rows = await db.query<{ stage: string; events: number; ratedOn: string }>(
      `select a.stage, a.rated_on as "ratedOn",
         (select count(*)::int from evaluation_stage_events v where v.assessment_id = a.id) as events
       from evaluation_assessments a`,
    );
    assert.equal(rows.length, 11);
    assert.ok(rows.every((r) => r.stage === "rated" && r.events === 5 && r.ratedOn === "2008-11-20"));
  });

  it("keeps the pilots' months December 2006 – December 2013 on the seed's hours curve, once", async () => {
    const { db } = ctx();
    const [n] = await db.query<{ n: number; enterprises: number }>(
      `select count(*)::int as n, count(distinct enterprise_id)::int as enterprises from labour_monthly_metrics
       where source = 'demo' and assessment_id is not null`,
    );
    assert.deepEqual(n, { n: 11 * 85, enterprises: 11 });
    // The cluster's worker-weighted average at the seed's three points: 320–350 h, 280–300 h, 250–280 h.
    const avg = await db.query<{ month: string; hours: number; paid: number; insured: number }>(
      `select to_char(month, 'YYYY-MM') as month, sum(total_hours)::float8 / sum(workers) as hours,
         sum(paid_in_full)::float8 / sum(workers) as paid, sum(insured)::float8 / sum(workers) as insured
       from labour_monthly_metrics group by month order by month`,
    );
    const at = (m: string) => avg.find((r) => r.month === m) as (typeof avg)[number];
    assert.equal(avg[0]?.month, "2006-12");
    assert.equal(avg.at(-1)?.month, "2013-12");
    for (const [m, lo, hi] of [
      ["2006-12", 320, 350],
      ["2008-11", 280, 300],
      ["2013-12", 250, 280],
    ] as const)
      assert.ok(at(m).hours >= lo && at(m).hours <= hi, `${m}: ${at(m).hours}`);
    // Wages paid in full and insurance rise; every pilot's own month stays inside the seed's bands at the anchors.
    assert.ok(at("2006-12").paid < 0.5 && at("2013-12").paid > 0.95, JSON.stringify(avg.at(-1)));
    assert.ok(at("2006-12").insured < at("2013-12").insured);
    for (const p of PILOT_ENTERPRISES) {
      const months = pilotLabourMonths(p.no, null);
      const h = (m: string) => months.find((x) => x.month === m)?.averageHours ?? 0;
      assert.ok(h("2006-12") >= 320 && h("2006-12") <= 350);
      assert.ok(h("2013-12") >= 250 && h("2013-12") <= 280);
      assert.deepEqual(months, pilotLabourMonths(p.no, null), "deterministic");
    }
    await seedEvaluationDemo(db);
    const [again] = await db.query<{ n: number }>("select count(*)::int as n from labour_monthly_metrics");
    assert.equal(again?.n, 11 * 85);
  });
});
