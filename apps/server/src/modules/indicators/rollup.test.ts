// The town-level monthly rollup (migration 0012) must always equal a direct aggregation of lots by the
// enterprise's current town: after inserts, updates of lots, deletes, and enterprises changing town.
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, login } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";
import { DIRECT_TOWN_AGGREGATE, insertLot, lotMix, ROLLUP_ROWS } from "./testing.ts";

describeWithFixtures("indicators: town rollup of lot statistics", (ctx) => {
  let noTown: string;
  const lotIds: string[] = [];

  const assertRollupExact = async (when: string) => {
    const { db } = ctx();
    const direct = await db.query(DIRECT_TOWN_AGGREGATE);
    const rollup = await db.query(ROLLUP_ROWS);
    assert.deepEqual(rollup, direct, `rollup differs from lots ${when}`);
  };

  before(async () => {
    const { db, fixtures } = ctx();
    const created = await createEnterprise(db, null, {
      uscc: generateUscc(seededRandom(9)),
      name: "平湖市无镇街道服饰有限公司",
    });
    noTown = created.id;
    const ids = [fixtures.enterpriseA.id, fixtures.enterpriseB.id, noTown];
    for (const lot of lotMix(ids, ["2024-11", "2024-12", "2025-01", "2025-02"], 60))
      lotIds.push(await insertLot(db, lot));
  });

  it("equals a direct aggregation after inserts, with the enterprise without a town under ''", async () => {
    await assertRollupExact("after inserts");
    const rows = await ctx().db.query<{ n: number }>(
      "select count(*)::int as n from lot_stats_town_monthly where town_code = '' and lots > 0",
    );
    assert.ok((rows[0]?.n ?? 0) > 0, "the placeholder town holds the town-less enterprise's lots");
  });

  it("follows updates of lots: an official result, a value, a mode, a move to another month", async () => {
    const { db } = ctx();
    await db.query(
      "update lots set official_result = 'accepted', status = 'accepted' where id = any($1::uuid[]) and decision = 'inspect' and official_result is null",
      [lotIds.slice(0, 30)],
    );
    await assertRollupExact("after official results");
    await db.query("update lots set official_result = 'rejected' where id = $1 and decision = 'inspect'", [
      lotIds[31],
    ]);
    await db.query("update lots set value_usd = value_usd + 1234.56, mode = 'special' where id = $1", [
      lotIds[32],
    ]);
    await db.query("update lots set declared_on = '2025-03-15' where id = any($1::uuid[])", [
      lotIds.slice(33, 38),
    ]);
    await db.query("update lots set enterprise_id = $2 where id = $1", [lotIds[38], noTown]);
    // An update that changes nothing the statistics count.
    await db.query("update lots set description = 'unchanged counters' where id = $1", [lotIds[39]]);
    await assertRollupExact("after updates");
  });

  it("follows deletes of lots, and of whole statistics rows", async () => {
    const { db } = ctx();
    await db.query("delete from lots where id = any($1::uuid[])", [lotIds.slice(40, 50)]);
    await assertRollupExact("after deleting lots");
    // A bulk loader rebuilding lot_stats_monthly: delete every row, then insert it again from lots.
    await db.tx(async (sql) => {
      await sql.query("delete from lot_stats_monthly");
      const empty = await sql.query(ROLLUP_ROWS);
      assert.deepEqual(empty, [], "deleting every statistics row empties the rollup");
      await sql.query(
        `insert into lot_stats_monthly (enterprise_id, month, lots, value_usd, self_passed, inspected,
           official_accepted, official_rejected, released_without_inspection, mode_verification, mode_general,
           mode_stringent, mode_special, fees_waived)
         select enterprise_id, date_trunc('month', declared_on)::date, count(*), sum(value_usd),
           count(*) filter (where self_passed), count(*) filter (where official_result is not null),
           count(*) filter (where official_result = 'accepted'), count(*) filter (where official_result = 'rejected'),
           count(*) filter (where decision = 'release'), count(*) filter (where mode = 'verification'),
           count(*) filter (where mode = 'general'), count(*) filter (where mode = 'stringent'),
           count(*) filter (where mode = 'special'), sum(fee_waived)
         from lots group by 1, 2`,
      );
    });
    await assertRollupExact("after rebuilding lot_stats_monthly");
  });

  it("moves an enterprise's history when it changes town (through the API and in SQL)", async () => {
    const { app, db, fixtures } = ctx();
    const admin = await login(app, fixtures.users.admin);
    const res = await call(app, admin, "PATCH", `/api/v1/enterprises/${fixtures.enterpriseA.id}`, {
      town: "zhapu",
    });
    assert.equal(res.statusCode, 200, res.body);
    await assertRollupExact("after A moved to zhapu");
    const danghu = await db.query<{ n: number }>(
      "select coalesce(sum(lots), 0)::int as n from lot_stats_town_monthly where town_code = 'danghu'",
    );
    assert.equal(danghu[0]?.n, 0, "nothing stays behind in the old town");
    await db.query("update enterprises set town_code = 'xincang' where id = $1", [noTown]);
    await db.query("update enterprises set town_code = null where id = $1", [fixtures.enterpriseB.id]);
    await assertRollupExact("after the town-less enterprise got a town and B lost its own");
    // New lots after the move count under the new town.
    await insertLot(db, {
      enterpriseId: fixtures.enterpriseA.id,
      declaredOn: "2025-02-10",
      valueUsd: 10,
      selfPassed: true,
      mode: "general",
      decision: "inspect",
      officialResult: null,
      feeWaived: 0,
    });
    await assertRollupExact("after a lot declared in the new town");
  });

  it("rebuild_lot_stats_town_monthly() recomputes the same table from scratch", async () => {
    const { db } = ctx();
    const before = await db.query(ROLLUP_ROWS);
    await db.query("update lot_stats_town_monthly set lots = lots + 99");
    await db.query("select rebuild_lot_stats_town_monthly()");
    assert.deepEqual(await db.query(ROLLUP_ROWS), before);
    await assertRollupExact("after a rebuild");
  });
});
