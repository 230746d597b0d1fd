import assert from "node:assert/strict";
import { before, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, login, type Session } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";

const URL = "/api/v1/evaluation-programme";

interface Row {
  enterpriseName: string;
  stage: string;
  level: string | null;
  ratedOn: string | null;
  openCapItems: number;
}

describeWithFixtures("evaluation programme at scale: paged, sorted, filtered", (ctx) => {
  let assoc: Session;
  let ent: Session;

  before(async () => {
    const { app, db, fixtures } = ctx();
    assoc = await login(app, fixtures.users.association);
    ent = await login(app, fixtures.users.enterprise);
    const systems = await call(app, assoc, "GET", "/api/v1/evaluation-systems");
    const sys = systems.json().items.find((s: { code: string }) => s.code === "csc9000t-style");
    const rand = seededRandom(11);
    const insert = (
      enterpriseId: string,
      stage: string,
      level: string | null,
      ratedOn: string | null,
      at: string,
    ) =>
      db.query<{ id: string }>(
        `insert into evaluation_assessments (enterprise_id, system_id, system_code, system_version, stage, level,
           rated_on, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
        [enterpriseId, sys.id, sys.code, sys.version, stage, level, ratedOn, at],
      );
    // Five more enterprises: 甲 … 戊, rated in turn; A (华城) has an old rated assessment and a newer draft, B (金穗) a
    // cancelled one only.
    const names = ["甲", "乙", "丙", "丁", "戊"];
    for (const [i, n] of names.entries()) {
      const e = await createEnterprise(db, null, {
        name: `平湖市${n}字号服饰有限公司`,
        uscc: generateUscc(rand),
      });
      await insert(
        e.id,
        "rated",
        i % 2 === 0 ? "compliant" : "conditional",
        `202${i}-06-01`,
        `202${i}-01-01`,
      );
    }
    const [old] = await insert(fixtures.enterpriseA.id, "rated", "compliant", "2019-05-05", "2019-01-01");
    await insert(fixtures.enterpriseA.id, "draft", null, null, "2024-01-01");
    await insert(fixtures.enterpriseB.id, "cancelled", null, null, "2024-01-01");
    // An open CAP item on A's old assessment: counted in the totals, not on A's row (its latest is the draft).
    const [f] = await db.query<{ id: string }>(
      `insert into evaluation_findings (assessment_id, enterprise_id, source, section_id, severity, title, found_on)
       values ($1, $2, 'manual', 'workingHours', 'high', '超时加班', '2019-05-05') returning id`,
      [old?.id, fixtures.enterpriseA.id],
    );
    await db.query(
      `insert into evaluation_cap_items (finding_id, assessment_id, enterprise_id, deadline)
       values ($1, $2, $3, '2019-06-05')`,
      [f?.id, old?.id, fixtures.enterpriseA.id],
    );
  });

  it("lists each enterprise's latest assessment (cancelled ones left out), a page at a time with the total", async () => {
    const { app } = ctx();
    const first = await call(app, assoc, "GET", `${URL}?pageSize=4`);
    assert.equal(first.statusCode, 200, first.body);
    const body = first.json();
    assert.equal(body.enterpriseCount, 6);
    assert.equal(body.enterprises.total, 6);
    assert.equal(body.enterprises.items.length, 4);
    const second = (await call(app, assoc, "GET", `${URL}?pageSize=4&page=2`)).json().enterprises;
    const all: Row[] = [...body.enterprises.items, ...second.items];
    assert.equal(new Set(all.map((r) => r.enterpriseName)).size, 6);
    const a = all.find((r) => r.enterpriseName === ctx().fixtures.enterpriseA.name);
    assert.equal(a?.stage, "draft");
    assert.equal(a?.openCapItems, 0);
    assert.equal(body.openCapItems, 1);
    assert.equal(body.overdueCapItems, 1);
    assert.deepEqual(body.openFindingsBySection, [{ sectionId: "workingHours", findings: 1 }]);
    assert.ok(body.stages.some((s: { stage: string }) => s.stage === "cancelled"));
    // The enterprise's own counts come from its items, the same.
    const own = (await call(app, ent, "GET", URL)).json();
    assert.deepEqual(
      [own.openCapItems, own.overdueCapItems, own.openFindingsBySection],
      [1, 1, [{ sectionId: "workingHours", findings: 1 }]],
    );
    const past = (await call(app, assoc, "GET", `${URL}?pageSize=4&page=9`)).json().enterprises;
    assert.deepEqual([past.items.length, past.total], [0, 6]);
  });

  const cases: { query: string; expect: (rows: Row[]) => void }[] = [
    {
      query: "stage=rated&level=conditional",
      expect: (rows) =>
        assert.deepEqual(
          rows.map((r) => r.enterpriseName).sort(),
          ["平湖市丁字号服饰有限公司", "平湖市乙字号服饰有限公司"].sort(),
        ),
    },
    {
      query: "sort=-ratedOn&pageSize=2",
      expect: (rows) =>
        assert.deepEqual(
          rows.map((r) => r.ratedOn),
          ["2024-06-01", "2023-06-01"],
        ),
    },
    {
      query: "sort=ratedOn",
      expect: (rows) => assert.equal(rows.at(-1)?.ratedOn, null, "never rated last"),
    },
    {
      query: `q=${encodeURIComponent("丙字号")}`,
      expect: (rows) =>
        assert.deepEqual(
          rows.map((r) => r.enterpriseName),
          ["平湖市丙字号服饰有限公司"],
        ),
    },
    { query: `q=${encodeURIComponent("、、")}`, expect: (rows) => assert.deepEqual(rows, []) },
  ];
  for (const c of cases)
    it(`filters and sorts: ${decodeURIComponent(c.query)}`, async () => {
      const res = await call(ctx().app, assoc, "GET", `${URL}?${c.query}`);
      assert.equal(res.statusCode, 200, res.body);
      c.expect(res.json().enterprises.items);
    });

  it("keeps the open and overdue counts exact through status and deadline changes and deletions", async () => {
    const { app, db } = ctx();
    const counts = async () => {
      const body = (await call(app, assoc, "GET", URL)).json();
      const [direct] = await db.query<{ open: number; overdue: number }>(
        `select count(*) filter (where status <> 'closed')::int as open,
           count(*) filter (where status in ('open', 'rejected') and deadline < current_date)::int as overdue
         from evaluation_cap_items`,
      );
      assert.deepEqual([body.openCapItems, body.overdueCapItems], [direct?.open, direct?.overdue]);
      return [body.openCapItems, body.overdueCapItems];
    };
    assert.deepEqual(await counts(), [1, 1]);
    await db.query("update evaluation_cap_items set status = 'submitted'");
    assert.deepEqual(await counts(), [1, 0]);
    await db.query("update evaluation_cap_items set status = 'rejected', deadline = '2999-01-01'");
    assert.deepEqual(await counts(), [1, 0]);
    await db.query("update evaluation_cap_items set deadline = '2019-06-05'");
    assert.deepEqual(await counts(), [1, 1]);
    await db.query("update evaluation_cap_items set status = 'closed'");
    assert.deepEqual(await counts(), [0, 0]);
    await db.query("update evaluation_cap_items set status = 'open'");
    await db.query("delete from evaluation_findings");
    assert.deepEqual(await counts(), [0, 0]);
  });

  it("shows an enterprise user its own row only; refuses an unknown sort", async () => {
    const { app, fixtures } = ctx();
    const own = (await call(app, ent, "GET", URL)).json();
    assert.equal(own.enterpriseCount, 1);
    assert.deepEqual(
      own.enterprises.items.map((r: Row) => r.enterpriseName),
      [fixtures.enterpriseA.name],
    );
    assert.equal((await call(app, assoc, "GET", `${URL}?sort=openCapItems`)).statusCode, 400);
  });
});
