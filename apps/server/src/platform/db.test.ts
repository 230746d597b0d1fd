import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { createTestDb, DB_KINDS, TEST_PG_URL, type TestDb } from "../testing/harness.ts";

for (const kind of DB_KINDS) {
  describe(`database driver [${kind}]`, () => {
    let t: TestDb;
    before(async () => {
      t = await createTestDb(kind);
    });
    after(() => t.drop());

    it("reads dates as YYYY-MM-DD strings and counts as numbers, the same on both drivers", async () => {
      const [row] = await t.db.query<{ d: unknown; n: unknown; ts: unknown }>(
        "select date '2024-02-29' as d, count(*) as n from (values (1), (2)) v(x)",
      );
      assert.deepEqual(row, { d: "2024-02-29", n: 2 });
    });

    it("a transaction commits all or nothing", async () => {
      await t.db.exec("create table tx_probe (n int primary key)");
      await t.db.tx(async (sql) => {
        await sql.query("insert into tx_probe values (1)");
      });
      await assert.rejects(
        t.db.tx(async (sql) => {
          await sql.query("insert into tx_probe values (2)");
          await sql.query("insert into tx_probe values (1)"); // duplicate key
        }),
      );
      assert.deepEqual(await t.db.query("select n from tx_probe order by n"), [{ n: 1 }]);
    });

    it("queries fanned out inside a transaction all run, in the transaction, one at a time", async () => {
      // pg deprecates piling queries onto one client (it will refuse them in pg@9); the driver queues them.
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on("warning", onWarning);
      const rows = await t.db.tx(async (sql) => {
        await sql.exec("create table fan_probe (n int); insert into fan_probe values (1), (2)");
        return Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            sql.query<{ n: number; i: number }>("select count(*)::int as n, $1::int as i from fan_probe", [
              i,
            ]),
          ),
        );
      });
      assert.deepEqual(
        rows.map((r) => r[0]),
        Array.from({ length: 8 }, (_, i) => ({ n: 2, i })),
      );
      await new Promise((resolve) => setImmediate(resolve));
      process.off("warning", onWarning);
      assert.deepEqual(
        warnings.filter((w) => w.includes("already executing a query")),
        [],
      );
    });

    if (kind === "postgres") {
      it("survives the server ending its idle connections (restart, failover) and reconnects", async () => {
        await Promise.all([t.db.query("select 1"), t.db.query("select 2")]); // two idle clients in the pool
        const [{ current_database: name }] = (await t.db.query<{ current_database: string }>(
          "select current_database()",
        )) as [{ current_database: string }];
        const admin = new pg.Client({ connectionString: TEST_PG_URL });
        await admin.connect();
        try {
          const killed = await admin.query(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
            [name],
          );
          assert.ok((killed.rowCount ?? 0) >= 1);
        } finally {
          await admin.end();
        }
        await new Promise((resolve) => setTimeout(resolve, 200)); // let the pool notice
        assert.deepEqual(await t.db.query("select 1 as ok"), [{ ok: 1 }]);
      });
    }
  });
}
