import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestDb, DB_KINDS, type TestDb } from "../testing/harness.ts";
import { type Db, openPostgres } from "./db.ts";
import { listMigrations, migrate } from "./migrate.ts";

describe("migration files", () => {
  it("are numbered NNNN_name.sql, each number once, in order", () => {
    const versions = listMigrations().map((m) => m.version);
    assert.ok(versions.length >= 3);
    for (const v of versions) assert.match(v, /^\d{4}_[a-z0-9_]+$/);
    const numbers = versions.map((v) => v.slice(0, 4));
    assert.equal(new Set(numbers).size, numbers.length, `two migrations share a number: ${numbers}`);
    assert.deepEqual(versions, [...versions].sort());
  });

  it("manage no transactions of their own (the runner wraps each in one)", () => {
    for (const m of listMigrations()) {
      const code = m.sql.replace(/--.*$/gm, "");
      assert.doesNotMatch(code, /^\s*(begin|commit|rollback)\s*;/im, m.version);
    }
  });
});

const tables = async (db: Db) =>
  (
    await db.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
    )
  ).map((r) => r.name);

for (const kind of DB_KINDS) {
  describe(`migrations [${kind}]`, () => {
    let fresh: TestDb;
    before(async () => {
      fresh = await createTestDb(kind, { migrate: false });
    });
    after(() => fresh.drop());

    it("apply every migration once, in order, on an empty database", async () => {
      const all = listMigrations().map((m) => m.version);
      assert.deepEqual(await tables(fresh.db), []);
      assert.deepEqual(await migrate(fresh.db), all);
      const recorded = await fresh.db.query<{ version: string }>(
        "select version from schema_migrations order by version",
      );
      assert.deepEqual(
        recorded.map((r) => r.version),
        all,
      );
      const present = await tables(fresh.db);
      for (const t of ["users", "sessions", "audit_log", "enterprises", "towns", "schema_migrations"])
        assert.ok(present.includes(t), `table ${t}`);
      const [towns] = await fresh.db.query<{ n: number }>("select count(*)::int as n from towns");
      assert.equal(towns?.n, 9);
    });

    it("are idempotent: running again applies nothing and changes nothing", async () => {
      const count = async () =>
        fresh.db.query(
          `select (select count(*) from towns)::int as towns, (select count(*) from certification_types)::int as c,
                  (select count(*) from schema_migrations)::int as m`,
        );
      const before = await count();
      assert.deepEqual(await migrate(fresh.db), []);
      assert.deepEqual(await migrate(fresh.db), []);
      assert.deepEqual(await count(), before);
    });

    it("several servers starting at once apply each migration exactly once", async () => {
      const target = await createTestDb(kind, { migrate: false });
      const extra: Db[] = [];
      try {
        // On PostgreSQL each migrator is its own pool, as separate server processes would be.
        const migrators =
          kind === "postgres" && target.url
            ? [target.db, ...Array.from({ length: 3 }, () => openPostgres(target.url as string, 2))]
            : [target.db, target.db, target.db, target.db];
        extra.push(...migrators.slice(1).filter((d) => d !== target.db));
        const results = await Promise.all(migrators.map((d) => migrate(d)));
        assert.deepEqual(
          results.flat().sort(),
          listMigrations().map((m) => m.version),
        );
        const [towns] = await target.db.query<{ n: number }>("select count(*)::int as n from towns");
        assert.equal(towns?.n, 9);
      } finally {
        for (const d of extra) await d.close();
        await target.drop();
      }
    });
  });
}
