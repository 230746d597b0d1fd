import assert from "node:assert/strict";
import { it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import { describeEachDb } from "../../testing/harness.ts";
import { PILOT_ENTERPRISES } from "../demo/pinghu-seed-data.ts";
import { createEnterprise } from "../enterprises/service.ts";
import { seedEvaluationDemo } from "./demo.ts";

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
});
