import assert from "node:assert/strict";
import { it } from "node:test";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { seedCaseDemo } from "./demo.ts";

describeWithFixtures("cases demo", (ctx) => {
  it("loads a year of salons and cases at the seed's closure rate, once", async () => {
    const { db } = ctx();
    const r = await seedCaseDemo(db, new Date("2025-12-04T04:00:00Z"));
    assert.equal(r.loaded, true);
    assert.equal(r.salons, 200);
    const [c] = await db.query<{ salon: number; closed: number; all: number }>(
      `select count(*) filter (where channel = 'salon')::int as salon,
              count(*) filter (where channel = 'salon' and status = 'closed')::int as closed,
              count(*)::int as all from cases`,
    );
    // 685 / 2,532 problems per salon → 54; 680 / 685 closed → 53.
    assert.deepEqual({ salon: c?.salon, closed: c?.closed }, { salon: 54, closed: 53 });
    assert.equal(r.cases, c?.all);
    assert.equal((await seedCaseDemo(db)).loaded, false);
  });
});
