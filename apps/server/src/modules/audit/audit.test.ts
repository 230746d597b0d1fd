import assert from "node:assert/strict";
import { before, it } from "node:test";
import { writeAudit } from "../../platform/audit.ts";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, login, type Session } from "../../testing/harness.ts";

type Entry = {
  id: string;
  at: string;
  actorName: string;
  action: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

describeWithFixtures("audit log", (ctx) => {
  let regulator: Session;
  const actor = {
    userId: "00000000-0000-4000-8000-00000000a001",
    username: "probe-actor",
    displayName: "审计探针",
    role: "admin" as const,
    enterpriseId: null,
  };

  before(async () => {
    const { app, db, fixtures } = ctx();
    regulator = await login(app, fixtures.users.regulator);
    await writeAudit(db, actor, {
      action: "probe.first",
      entityType: "probe",
      entityId: "p1",
      after: { n: 1 },
    });
    await writeAudit(db, actor, {
      action: "probe.second",
      entityType: "probe",
      entityId: "p2",
      before: { n: 1 },
      after: { n: 2 },
    });
    await writeAudit(db, null, { action: "probe.first", entityType: "probe", entityId: "p1" });
    await db.query(
      `insert into audit_log (at, actor_name, action, entity_type, entity_id)
       values ('2020-01-15 12:00:00+00', 'archive', 'probe.old', 'probe', 'p0')`,
    );
  });

  const list = async (query: string) => {
    const res = await call(ctx().app, regulator, "GET", `/api/v1/audit?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: Entry[]; total: number; page: number; pageSize: number };
  };

  it("lists entries newest first, with before → after as written", async () => {
    const { items, total } = await list("entityType=probe");
    assert.equal(total, 4);
    assert.deepEqual(
      items.map((e) => e.action),
      ["probe.old", "probe.first", "probe.second", "probe.first"],
    );
    // Newest first by entry order; the back-dated archive row was written last.
    const ids = items.map((e) => Number(e.id));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a),
    );
    const second = items.find((e) => e.action === "probe.second");
    assert.deepEqual(second?.before, { n: 1 });
    assert.deepEqual(second?.after, { n: 2 });
    assert.equal(second?.actorName, "审计探针 (probe-actor)");
    assert.equal(items.find((e) => e.action === "probe.first" && e.actorName === "system")?.entityId, "p1");
  });

  it("filters by actor, entity, action prefix and day range", async () => {
    assert.equal((await list("entityType=probe&actor=PROBE-ACTOR")).total, 2);
    assert.equal((await list("entityType=probe&actor=审计")).total, 2);
    assert.equal((await list("entityType=probe&entityId=p1")).total, 2);
    assert.equal((await list("action=probe.")).total, 4);
    assert.equal((await list("action=probe.first")).total, 2);
    const old = await list("entityType=probe&from=2020-01-15&to=2020-01-15");
    assert.deepEqual(
      old.items.map((e) => e.action),
      ["probe.old"],
    );
    assert.equal((await list("entityType=probe&to=2020-01-14")).total, 0);
    assert.equal((await list("entityType=probe&from=2020-01-16")).total, 3);
  });

  it("pages, with the total on every page", async () => {
    const first = await list("entityType=probe&pageSize=3");
    const second = await list("entityType=probe&pageSize=3&page=2");
    assert.equal(first.items.length, 3);
    assert.equal(second.items.length, 1);
    assert.equal(second.total, 4);
    const past = await list("entityType=probe&pageSize=3&page=3");
    assert.deepEqual(past.items, []);
    assert.equal(past.total, 4);
  });

  it("rejects malformed filters", async () => {
    const res = await call(ctx().app, regulator, "GET", "/api/v1/audit?from=yesterday");
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.fields[0].field, "from");
  });

  it("records the fixtures' own changes too: every account and enterprise created", async () => {
    assert.equal((await list("action=user.create")).total, 6);
    assert.equal((await list("action=enterprise.create")).total, 2);
  });
});
