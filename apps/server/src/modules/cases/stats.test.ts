import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { before, describe, it } from "node:test";
import { generateTrackingNumber, TRACKING_RANDOM_BYTES } from "@jingwei/rules";
import type { Actor, Role } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { App } from "../../platform/http.ts";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, freshAddress, type Session } from "../../testing/harness.ts";
import { viewerOf } from "./model.ts";
import { filterSql, listCases } from "./read.ts";
import { splitPeriods } from "./rollup.ts";
import type { CaseFilters, StatsQuery } from "./schemas.ts";
import { caseStats, statsFromCases } from "./stats.ts";
import { casesSetUp, recordCase } from "./testing.ts";

// The rollups of migration 0017 (case_stats, case_stats_durations) must hold exactly what counting the cases gives,
// whatever happens to a case; the dashboard and the list's totals read from them must equal the plain counts.

describe("splitPeriods: whole months and the days left over", () => {
  const cases: [string, string | undefined, string | undefined, ReturnType<typeof splitPeriods>][] = [
    ["no dates", undefined, undefined, { empty: false, months: { from: null, to: null }, days: [] }],
    [
      "from a month's first day",
      "2026-03-01",
      undefined,
      { empty: false, months: { from: "2026-03-01", to: null }, days: [] },
    ],
    [
      "from mid-month",
      "2026-03-15",
      undefined,
      { empty: false, months: { from: "2026-04-01", to: null }, days: [["2026-03-15", "2026-03-31"]] },
    ],
    [
      "to a month's last day",
      undefined,
      "2026-03-31",
      { empty: false, months: { from: null, to: "2026-03-01" }, days: [] },
    ],
    [
      "to mid-month",
      undefined,
      "2026-03-15",
      { empty: false, months: { from: null, to: "2026-02-01" }, days: [["2026-03-01", "2026-03-15"]] },
    ],
    [
      "inside one month",
      "2026-03-10",
      "2026-03-20",
      { empty: false, months: null, days: [["2026-03-10", "2026-03-20"]] },
    ],
    [
      "one whole month",
      "2026-03-01",
      "2026-03-31",
      { empty: false, months: { from: "2026-03-01", to: "2026-03-01" }, days: [] },
    ],
    [
      "a month's second half",
      "2026-03-15",
      "2026-03-31",
      { empty: false, months: null, days: [["2026-03-15", "2026-03-31"]] },
    ],
    [
      "a month's first half",
      "2026-03-01",
      "2026-03-15",
      { empty: false, months: null, days: [["2026-03-01", "2026-03-15"]] },
    ],
    [
      "across a whole month",
      "2026-02-15",
      "2026-04-10",
      {
        empty: false,
        months: { from: "2026-03-01", to: "2026-03-01" },
        days: [
          ["2026-02-15", "2026-02-28"],
          ["2026-04-01", "2026-04-10"],
        ],
      },
    ],
    [
      "across a year's end",
      "2025-12-20",
      "2026-01-05",
      {
        empty: false,
        months: null,
        days: [
          ["2025-12-20", "2025-12-31"],
          ["2026-01-01", "2026-01-05"],
        ],
      },
    ],
    [
      "a leap February",
      "2024-02-10",
      "2024-02-29",
      { empty: false, months: null, days: [["2024-02-10", "2024-02-29"]] },
    ],
    ["from after to", "2026-03-02", "2026-03-01", { empty: true, months: null, days: [] }],
  ];
  for (const [name, from, to, expected] of cases)
    it(name, () => assert.deepEqual(splitPeriods(from, to), expected));
});

const MEASURES = `st_new <> 0 or st_acknowledged <> 0 or st_in_progress <> 0 or st_answered <> 0 or st_closed <> 0
  or st_not_responsible <> 0 or st_duplicate <> 0 or st_withdrawn <> 0 or held <> 0 or satisfied <> 0
  or basically <> 0 or not_satisfied <> 0 or answered <> 0`;

/** The rollups' rows that count something are exactly those counting the cases gives (both ways, with repeats). */
async function assertRollupsExact(db: Db, when: string) {
  const pairs = [
    [`select * from case_stats where ${MEASURES}`, "select * from case_stats_expected"],
    ["select * from case_stats_durations where n <> 0", "select * from case_stats_durations_expected"],
  ];
  for (const [kept, expected] of pairs) {
    const extra = await db.query(`(${kept}) except all (${expected})`);
    const missing = await db.query(`(${expected}) except all (${kept})`);
    assert.deepEqual({ extra, missing }, { extra: [], missing: [] }, `${when}: ${kept}`);
  }
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
    "select count(*)::int as n from case_stats_expected",
  );
  assert.ok(n > 0, `${when}: there are cases to count`);
}

async function insertCase(
  db: Db,
  c: {
    submittedAt: string;
    status: string;
    category: string;
    channel: string;
    departmentId: string | null;
    firstAnsweredAt?: string;
    closedAt?: string;
    rating?: string;
    held?: boolean;
    resolveDue?: string;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into cases (tracking_number, channel, category, department_id, status, title, description, submitted_at,
                        first_answered_at, answered_at, closed_at, rating, held_for_review, acknowledge_due,
                        first_answer_due, resolve_due)
     values ($1, $2, $3, $4, $5, '统计测试', '统计测试用的案件', $6, $7, $7, $8, $9, $10, $6::timestamptz + interval '1 day',
             $6::timestamptz + interval '5 days', coalesce($11::timestamptz, $6::timestamptz + interval '15 days'))
     returning id`,
    [
      generateTrackingNumber(new Date(c.submittedAt), randomBytes(TRACKING_RANDOM_BYTES)),
      c.channel,
      c.category,
      c.departmentId,
      c.status,
      c.submittedAt,
      c.firstAnsweredAt ?? null,
      c.closedAt ?? null,
      c.rating ?? null,
      c.held ?? false,
      c.resolveDue ?? null,
    ],
  );
  return (row as { id: string }).id;
}

describeWithFixtures("case statistics: the rollups (migration 0017)", (ctx) => {
  let s: Record<Role, Session>;
  let depts: Record<string, string>;
  const actors = {} as Record<"regulator" | "inspector" | "lab", Actor>;

  const act = async (session: Session, id: string, body: unknown) => {
    const res = await call(ctx().app, session, "POST", `/api/v1/cases/${id}/actions`, body);
    assert.equal(res.statusCode, 200, `${JSON.stringify(body)}: ${res.body}`);
    return res.json();
  };
  const submit = async (app: App, category: string, title: string, extra = "") => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/public/cases",
      payload: {
        category,
        title,
        description: `统计测试：${title}。${extra}`,
        contact: "王女士 13800000000",
      },
      remoteAddress: freshAddress(),
    });
    assert.equal(res.statusCode, 201, res.body);
    const number = res.json().trackingNumber as string;
    const [row] = await ctx().db.query<{ id: string }>("select id from cases where tracking_number = $1", [
      number,
    ]);
    return { id: (row as { id: string }).id, number };
  };
  const rate = async (number: string, rating: string, comment?: string) => {
    const res = await ctx().app.inject({
      method: "POST",
      url: `/api/v1/public/cases/${number}/rating`,
      payload: comment ? { rating, comment } : { rating },
      remoteAddress: freshAddress(),
    });
    assert.equal(res.statusCode, 200, res.body);
  };

  before(async () => {
    const { app, db, fixtures } = ctx();
    ({ s, depts } = await casesSetUp(app, db, fixtures));
    for (const role of ["regulator", "inspector", "lab"] as const)
      actors[role] = {
        userId: fixtures.userIds[role],
        username: fixtures.users[role],
        displayName: fixtures.users[role],
        role,
        enterpriseId: null,
      };
  });

  it("stay exact through submissions and every workflow action", async () => {
    const { app, db } = ctx();
    const c1 = await submit(app, "labourAndTalent", "旺季缝纫工招工难");
    const c2 = await submit(app, "labourAndTalent", "外地员工子女入学");
    const c3 = await submit(app, "labourAndTalent", "技能人才评价申报");
    const c4 = await submit(app, "environment", "印花废水纳管排放");
    const c5 = await submit(app, "other", "园区路灯损坏");
    await submit(
      app,
      "policy",
      "政策咨询",
      '<a href="http://a.example">a</a> http://b.example http://c.example',
    );
    await recordCase(app, s.regulator, {
      channel: "phone",
      category: "finance",
      title: "电话反映续贷困难",
      description: "企业电话反映流动资金贷款续贷困难。",
    });
    const [{ held } = { held: 0 }] = await db.query<{ held: number }>(
      "select count(*)::int as held from cases where held_for_review",
    );
    assert.ok(held >= 1, "the submission with links is held for review");
    await assertRollupsExact(db, "after submissions");

    await act(s.inspector, c1.id, { type: "acknowledge" });
    await act(s.inspector, c1.id, { type: "start" });
    await act(s.inspector, c1.id, { type: "answer", reply: "已协调职业院校对接。" });
    await rate(c1.number, "satisfied");
    await act(s.regulator, c2.id, { type: "answer", reply: "请关注教育局通知。" });
    await act(s.regulator, c4.id, { type: "markDuplicate", duplicateOf: c2.number });
    await rate(c2.number, "notSatisfied", "没有解决问题");
    await assertRollupsExact(db, "after answers, ratings, a duplicate and a reopening");

    await act(s.inspector, c2.id, { type: "answer", reply: "已联系学校安排入学。" });
    await act(s.regulator, c2.id, { type: "close" });
    await act(s.regulator, c3.id, { type: "transfer", departmentId: depts.env, reason: "涉及环保" });
    await act(s.regulator, c3.id, { type: "markNotResponsible", reason: "不属于职责范围" });
    await act(s.regulator, c3.id, { type: "reinstate", reason: "重新受理" });
    await act(s.regulator, c3.id, { type: "withdraw", reason: "企业撤回" });
    await act(s.regulator, c4.id, { type: "reinstate", reason: "并非重复" });
    await act(s.regulator, c5.id, { type: "assign", departmentId: depts.econ });
    await act(s.regulator, c5.id, { type: "escalate", reason: "督办" });
    await assertRollupsExact(db, "after closing, transfers, reinstating, withdrawal and assignment");
  });

  it("stay exact when rows are written directly: bulk inserts, corrections, deletions, a rebuild", async () => {
    const { db } = ctx();
    const ids: string[] = [];
    // Around month ends in Shanghai (UTC+8): 2026-03-31T17:00Z is 1 April 01:00 there.
    const plan: Parameters<typeof insertCase>[1][] = [
      {
        submittedAt: "2026-03-31T17:00:00Z",
        status: "closed",
        category: "policy",
        channel: "web",
        departmentId: depts.econ as string,
        firstAnsweredAt: "2026-04-02T03:00:00Z",
        closedAt: "2026-04-30T17:30:00Z",
        rating: "satisfied",
      },
      {
        submittedAt: "2026-03-31T15:59:59Z",
        status: "closed",
        category: "policy",
        channel: "web",
        departmentId: depts.econ as string,
        firstAnsweredAt: "2026-04-01T03:00:00Z",
        closedAt: "2026-04-03T00:00:00Z",
        rating: "basically",
      },
      {
        submittedAt: "2026-02-10T02:00:00Z",
        status: "notResponsible",
        category: "finance",
        channel: "phone",
        departmentId: depts.finance as string,
        closedAt: "2026-02-11T02:00:00Z",
      },
      {
        submittedAt: "2026-02-12T02:00:00Z",
        status: "withdrawn",
        category: "finance",
        channel: "letter",
        departmentId: null,
        closedAt: "2026-02-20T02:00:00Z",
      },
      {
        submittedAt: "2026-02-13T02:00:00Z",
        status: "duplicate",
        category: "finance",
        channel: "letter",
        departmentId: depts.finance as string,
        closedAt: "2026-02-14T02:00:00Z",
      },
      {
        submittedAt: "2026-01-05T02:00:00Z",
        status: "inProgress",
        category: "labourAndTalent",
        channel: "salon",
        departmentId: depts.hrss as string,
        resolveDue: "2026-01-20T09:30:00Z",
      },
      {
        submittedAt: "2026-01-06T02:00:00Z",
        status: "answered",
        category: "labourAndTalent",
        channel: "enterprise",
        departmentId: depts.hrss as string,
        firstAnsweredAt: "2026-01-07T02:00:00Z",
      },
      {
        submittedAt: "2026-01-07T02:00:00Z",
        status: "new",
        category: "environment",
        channel: "petition",
        departmentId: null,
        held: true,
      },
    ];
    for (let k = 0; k < 3; k++) for (const c of plan) ids.push(await insertCase(db, c));
    await assertRollupsExact(db, "after direct inserts");

    await db.query(
      "update cases set submitted_at = submitted_at - interval '40 days', category = 'legal' where id = $1",
      [ids[0]],
    );
    await db.query(
      "update cases set status = 'closed', closed_at = $2, rating = 'notSatisfied', department_id = $3 where id = $1",
      [ids[6], "2026-02-01T00:00:00Z", depts.env],
    );
    await db.query("update cases set escalations = escalations + 1 where id = $1", [ids[5]]);
    await db.query("delete from cases where id = any($1::uuid[])", [[ids[1], ids[9]]]);
    // Two changes of one case in one transaction: the deferred trigger sees each.
    await db.tx(async (sql) => {
      await sql.query("update cases set status = 'acknowledged' where id = $1", [ids[13]]);
      await sql.query("update cases set status = 'inProgress', department_id = $2 where id = $1", [
        ids[13],
        depts.justice,
      ]);
    });
    await assertRollupsExact(db, "after corrections and deletions");

    await db.query("select rebuild_case_stats()");
    await assertRollupsExact(db, "after rebuild_case_stats()");
  });

  it("give the dashboard that counting the cases gives, for every viewer and filter", async () => {
    const { db } = ctx();
    const queries: StatsQuery[] = [
      {},
      { departmentId: depts.hrss },
      { category: "labourAndTalent" },
      { channel: "web" },
      { from: "2026-02-01" },
      { from: "2026-02-10", to: "2026-04-01" },
      { to: "2026-03-31" },
      { from: "2026-01-06", to: "2026-01-06" },
      { from: "2026-03-02", to: "2026-03-01" },
      { departmentId: depts.econ, category: "policy" },
      { category: "finance", from: "2026-02-01", to: "2026-02-28" },
      { channel: "letter", to: "2026-02-12" },
    ];
    for (const role of ["regulator", "inspector", "lab"] as const) {
      const viewer = await viewerOf(db, actors[role]);
      for (const q of queries) {
        const label = `${role} ${JSON.stringify(q)}`;
        assert.deepEqual(await caseStats(db, actors[role], q), await statsFromCases(db, viewer, q), label);
      }
    }
    const all = await caseStats(db, actors.regulator, {});
    assert.ok(
      all.collected > 10 && all.closed > 0 && all.medianHoursToAnswer !== null,
      "the data has substance",
    );
  });

  it("search titles and enterprise names through the character pairs, as ILIKE alone finds them", async () => {
    const { db } = ctx();
    const texts: [string, string][] = [
      ["ABC 招工难问题", "平湖市瑞鑫服饰有限公司"],
      ["客户满意度100%达标", ""],
      ["技改补助", "嘉兴市Ruixin针织有限公司"],
    ];
    for (const [title, enterpriseName] of texts) {
      const id = await insertCase(db, {
        submittedAt: "2026-05-06T02:00:00Z",
        status: "new",
        category: "policy",
        channel: "web",
        departmentId: depts.econ as string,
      });
      await db.query("update cases set title = $2, enterprise_name = $3 where id = $1", [
        id,
        title,
        enterpriseName,
      ]);
    }
    const searches = ["招工", "abc", "瑞鑫", "ruixin", "招", "100%", "0%达", "工招", "问题 平湖", "补助"];
    for (const q of searches) {
      const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const [{ n } = { n: -1 }] = await db.query<{ n: number }>(
        "select count(*)::int as n from cases where title ilike $1 or enterprise_name ilike $1",
        [like],
      );
      const page = await listCases(db, actors.regulator, { q, page: 1, pageSize: 100 });
      assert.equal(page.items.length, n, q);
      assert.equal(page.total, n, q);
    }
    const found = async (q: string) =>
      (await listCases(db, actors.regulator, { q, page: 1, pageSize: 5 })).total;
    // Across the title's words and letter case; never across title and enterprise name.
    assert.deepEqual(
      [
        await found("abc 招"),
        await found("RUIXIN"),
        await found("难问题"),
        await found("问题 平湖"),
        await found("补助达标"),
      ],
      [1, 1, 1, 0, 0],
    );
  });

  it("count the list's totals from the rollups, as counting the cases does", async () => {
    const { db } = ctx();
    const filters: CaseFilters[] = [
      {},
      { status: "closed" },
      { status: "new" },
      { category: "finance" },
      { channel: "letter", departmentId: depts.finance },
      { from: "2026-02-01", to: "2026-03-31" },
      { from: "2026-04-01" },
    ];
    for (const role of ["regulator", "inspector"] as const) {
      const viewer = await viewerOf(db, actors[role]);
      for (const f of filters) {
        const { where, params } = filterSql(viewer, f);
        const [{ n } = { n: -1 }] = await db.query<{ n: number }>(
          `select count(*)::int as n from cases c ${where}`,
          params,
        );
        const page = await listCases(db, actors[role], { ...f, page: 1, pageSize: 1 });
        assert.equal(page.total, n, `${role} ${JSON.stringify(f)}`);
      }
    }
  });
});
