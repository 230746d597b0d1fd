import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import ExcelJS from "exceljs";
import type { Db } from "../../platform/db.ts";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Role, type Session } from "../../testing/harness.ts";
import { createEnterprise } from "./service.ts";

const BASE = "/api/v1/enterprises";
const rand = seededRandom(20240601);
const newUscc = () => generateUscc(rand);

type Item = { id: string; name: string; employees: number | null };
const ids = (res: { json(): { items: Item[] } }) => res.json().items.map((e) => e.id);

/** Row counts that a failed create or update must leave as they were. */
async function snapshot(db: Db) {
  const [row] = await db.query(
    `select (select count(*) from enterprises)::int as enterprises,
            (select count(*) from enterprise_certifications)::int as certifications,
            (select count(*) from enterprise_honours)::int as honours,
            (select count(*) from audit_log where entity_type = 'enterprise')::int as audit`,
  );
  return row;
}

describeWithFixtures("enterprises", (ctx) => {
  let as: Record<Role, Session>;
  /** The five enterprises of the suite, by letter: A and B from the fixtures, C–E added here. */
  const id: Record<"A" | "B" | "C" | "D" | "E", string> = { A: "", B: "", C: "", D: "", E: "" };

  before(async () => {
    const { app, db, fixtures } = ctx();
    as = await loginEveryRole(app, fixtures);
    id.A = fixtures.enterpriseA.id;
    id.B = fixtures.enterpriseB.id;
    id.C = (
      await createEnterprise(db, null, {
        uscc: newUscc(),
        name: "平湖市乍浦雅莹服装有限公司",
        town: "zhapu",
        aboveScale: true,
        employees: 300,
        foundedOn: "2005-03-01",
        certifications: [{ type: "CSC9000T", validFrom: "2023-01-01", validTo: "2026-01-01" }],
      })
    ).id;
    id.D = (
      await createEnterprise(db, null, {
        uscc: newUscc(),
        name: "嘉兴当湖针织有限公司",
        town: "danghu",
        exportFlag: true,
        brands: [{ name: "Lilybird", kind: "brand" }],
        honours: [{ type: "REGIONAL_DEMO", title: "区域化管理示范企业" }],
      })
    ).id;
    id.E = (
      await createEnterprise(db, null, {
        uscc: newUscc(),
        name: "平湖市钟埭羽绒制品厂",
        town: "zhongdai",
        employees: 45,
        foundedOn: "1998-06-30",
      })
    ).id;
  });

  const list = (query: string, who: Role = "inspector") =>
    call(ctx().app, as[who], "GET", `${BASE}?${query}`);
  const setOf = (...letters: (keyof typeof id)[]) => new Set(letters.map((l) => id[l]));

  describe("search", () => {
    for (const [q, expected] of [
      ["华城", ["A"]],
      ["华城集团", ["A"]],
      ["hcjt", ["A"]],
      ["huacheng", ["A"]],
      ["HuaCheng", ["A"]],
      ["平湖", ["B", "C", "E"]],
      ["雅莹", ["C"]],
      ["lily", ["D"]],
      ["zzzzqqq", []],
    ] as const) {
      it(`"${q}" finds ${expected.join(", ") || "nothing"}`, async () => {
        const res = await list(`q=${encodeURIComponent(q)}`);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(new Set(ids(res)), setOf(...expected));
        assert.equal(res.json().total, expected.length);
      });
    }

    it("an exact USCC finds exactly that enterprise, also typed in lower case with spaces", async () => {
      const { uscc } = ctx().fixtures.enterpriseB;
      for (const q of [uscc, ` ${uscc.toLowerCase()} `]) {
        const res = await list(`q=${encodeURIComponent(q)}`);
        assert.deepEqual(ids(res), [id.B], q);
        assert.equal(res.json().total, 1);
      }
    });

    it("a query of only punctuation finds nothing (and does not fail)", async () => {
      for (const q of ["!!!", "，。、", "'", "&|!()", ":*", "\\"]) {
        const res = await list(`q=${encodeURIComponent(q)}`);
        assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
        assert.deepEqual(res.json().items, [], q);
        assert.equal(res.json().total, 0, q);
      }
    });

    it("the exact alias ranks its enterprise first", async () => {
      const res = await list(`q=${encodeURIComponent("华城集团")}`);
      assert.equal(res.json().items[0]?.id, id.A);
    });
  });

  describe("filters, sorting and paging", () => {
    for (const [query, expected] of [
      ["town=danghu", ["A", "D"]],
      ["town=xincang", ["B"]],
      ["scale=above", ["A", "C"]],
      ["scale=below", ["B", "D", "E"]],
      ["certification=ISO9001", ["A"]],
      ["certification=CSC9000T", ["C"]],
      ["honour=EXPORT_EXEMPT", ["A"]],
      ["honour=REGIONAL_DEMO", ["D"]],
      ["exportFlag=true", ["A", "D"]],
      ["exportFlag=false", ["B", "C", "E"]],
      ["town=danghu&exportFlag=true&scale=below", ["D"]],
      [`town=danghu&q=${encodeURIComponent("平湖")}`, []],
      [`town=zhapu&q=${encodeURIComponent("平湖")}`, ["C"]],
      ["", ["A", "B", "C", "D", "E"]],
    ] as const) {
      it(`${query || "no filter"} → ${expected.join(", ") || "nothing"}`, async () => {
        const res = await list(`${query}&pageSize=200`);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(new Set(ids(res)), setOf(...expected));
        assert.equal(res.json().total, expected.length);
      });
    }

    it("sorts by employees, with unknown counts last either way", async () => {
      assert.deepEqual(ids(await list("sort=-employees")), [id.A, id.C, id.B, id.E, id.D]);
      assert.deepEqual(ids(await list("sort=employees")), [id.E, id.B, id.C, id.A, id.D]);
    });

    it("sorts by founding date, unknown dates last", async () => {
      const found = ids(await list("sort=foundedOn"));
      assert.deepEqual(found.slice(0, 2), [id.E, id.C]);
      assert.deepEqual(new Set(found.slice(2)), setOf("A", "B", "D"));
      assert.deepEqual(ids(await list("sort=-foundedOn")).slice(0, 2), [id.C, id.E]);
    });

    it("sorts by name both ways", async () => {
      const up = ids(await list("sort=name"));
      const down = ids(await list("sort=-name"));
      assert.equal(up.length, 5);
      assert.deepEqual(down, [...up].reverse());
    });

    it("pages: totals on every page, every row once, and a page past the end is empty with the total", async () => {
      const seen: string[] = [];
      for (const [page, size] of [
        [1, 2],
        [2, 2],
        [3, 1],
      ] as const) {
        const res = await list(`sort=name&pageSize=2&page=${page}`);
        assert.equal(res.json().total, 5);
        assert.equal(res.json().page, page);
        assert.equal(res.json().pageSize, 2);
        assert.equal(res.json().items.length, size);
        seen.push(...ids(res));
      }
      assert.deepEqual(seen, ids(await list("sort=name")));
      const past = await list("sort=name&pageSize=2&page=4");
      assert.equal(past.statusCode, 200);
      assert.deepEqual(past.json(), { items: [], total: 5, page: 4, pageSize: 2 });
      const filteredPast = await list("town=danghu&page=9");
      assert.deepEqual(filteredPast.json().items, []);
      assert.equal(filteredPast.json().total, 2);
    });

    it("rejects page sizes over 200 and unknown parameters", async () => {
      const big = await list("pageSize=201");
      assert.equal(big.statusCode, 400);
      assert.equal(big.json().error.fields[0].field, "pageSize");
      assert.equal((await list("sort=bogus")).statusCode, 400);
      assert.equal((await list("scale=huge")).statusCode, 400);
    });
  });

  describe("export", () => {
    const HEADERS = [
      "统一社会信用代码",
      "企业名称",
      "曾用名",
      "简称",
      "法定代表人",
      "地址",
      "镇街道",
      "行业代码",
      "规上企业",
      "从业人数",
      "成立日期",
      "出口企业",
      "主要产品",
      "品牌商标",
      "认证",
      "荣誉",
      "演示数据",
    ];

    async function readXlsx(payload: Buffer) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(payload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("企业名录");
      assert.ok(sheet, "sheet 企业名录");
      const rows: unknown[][] = [];
      sheet.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1));
      });
      return rows;
    }

    it("is a real XLSX workbook: the header row, then one row per enterprise", async () => {
      const res = await call(ctx().app, as.regulator, "GET", `${BASE}/export`);
      assert.equal(res.statusCode, 200);
      assert.equal(
        res.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      assert.match(
        String(res.headers["content-disposition"]),
        /^attachment; filename="enterprises-\d{4}-\d{2}-\d{2}\.xlsx"$/,
      );
      assert.equal(res.rawPayload.subarray(0, 2).toString(), "PK");
      const rows = await readXlsx(res.rawPayload);
      assert.deepEqual(rows[0], HEADERS);
      assert.equal(rows.length, 1 + 5);
      const a = rows.find((r) => r[0] === ctx().fixtures.enterpriseA.uscc);
      assert.ok(a, "A is exported");
      assert.equal(a[1], ctx().fixtures.enterpriseA.name);
      assert.equal(a[3], "华城集团");
      assert.equal(a[6], "当湖街道");
      assert.equal(a[8], "是");
      assert.equal(a[9], 1200);
      assert.equal(a[14], "ISO9001(至2099-12-31)");
      assert.equal(a[15], "出口免验企业");
    });

    it("exports what the filters select", async () => {
      const res = await call(ctx().app, as.admin, "GET", `${BASE}/export?town=danghu`);
      const rows = await readXlsx(res.rawPayload);
      assert.equal(rows.length, 1 + 2);
      const searched = await call(ctx().app, as.admin, "GET", `${BASE}/export?q=hcjt`);
      const found = await readXlsx(searched.rawPayload);
      assert.deepEqual(
        found.slice(1).map((r) => r[0]),
        [ctx().fixtures.enterpriseA.uscc],
      );
      const none = await readXlsx(
        (await call(ctx().app, as.admin, "GET", `${BASE}/export?q=!!!`)).rawPayload,
      );
      assert.deepEqual(none, [HEADERS]);
    });
  });

  describe("create", () => {
    const body = (extra: Record<string, unknown> = {}) => ({
      uscc: newUscc(),
      name: "平湖市新埭测试服饰有限公司",
      town: "xindai",
      employees: 10,
      ...extra,
    });

    async function expectRejected(
      payload: unknown,
      status: number,
      check: (error: {
        code: string;
        message: string;
        fields?: { field: string; code: string; message: string }[];
      }) => void,
    ) {
      const { app, db } = ctx();
      const before = await snapshot(db);
      const res = await call(app, as.admin, "POST", BASE, payload);
      assert.equal(res.statusCode, status, res.body);
      check(res.json().error);
      assert.deepEqual(await snapshot(db), before, "nothing written");
    }

    const field = (fields: { field: string; code: string; message: string }[] | undefined, name: string) => {
      const found = fields?.find((f) => f.field === name);
      assert.ok(found, `a field error for ${name} in ${JSON.stringify(fields)}`);
      return found;
    };

    it("rejects a wrong check character, naming the expected one", async () => {
      const good = newUscc();
      const expected = good.charAt(17);
      const wrong = `${good.slice(0, 17)}${expected === "0" ? "1" : "0"}`;
      await expectRejected(body({ uscc: wrong }), 400, (error) => {
        assert.equal(error.code, "VALIDATION");
        const f = field(error.fields, "uscc");
        assert.equal(f.code, "uscc_check");
        assert.equal(f.message, `统一社会信用代码校验位错误（应为 ${expected}）`);
      });
    });

    it("rejects codes of the wrong length or with letters a USCC never uses", async () => {
      await expectRejected(body({ uscc: "91330482" }), 400, (e) =>
        assert.equal(field(e.fields, "uscc").code, "uscc_length"),
      );
      await expectRejected(body({ uscc: "91330482MA2BCDEFGI" }), 400, (e) =>
        assert.equal(field(e.fields, "uscc").code, "uscc_charset"),
      );
    });

    it("rejects a USCC already registered (409 USCC_TAKEN), however it is typed", async () => {
      const { uscc } = ctx().fixtures.enterpriseB;
      for (const typed of [uscc, ` ${uscc.toLowerCase()}`]) {
        await expectRejected(body({ uscc: typed }), 409, (error) => {
          assert.equal(error.code, "USCC_TAKEN");
          assert.equal(error.message, `统一社会信用代码 ${uscc} 已登记`);
        });
      }
    });

    it("names each invalid field: required, type, unknown_field, unknown_town, date_order", async () => {
      const { name: _name, ...nameless } = body();
      await expectRejected(nameless, 400, (e) => assert.equal(field(e.fields, "name").code, "required"));
      await expectRejected(body({ name: "" }), 400, (e) =>
        assert.equal(field(e.fields, "name").code, "required"),
      );
      await expectRejected(body({ employees: "5" }), 400, (e) => {
        const f = field(e.fields, "employees");
        assert.equal(f.code, "type");
        assert.match(f.message, /integer/);
      });
      await expectRejected(body({ website: "x" }), 400, (e) =>
        assert.equal(field(e.fields, "website").code, "unknown_field"),
      );
      await expectRejected(body({ town: "atlantis" }), 400, (e) => {
        const f = field(e.fields, "town");
        assert.equal(f.code, "unknown_town");
        assert.equal(f.message, "未知的镇/街道：atlantis");
      });
      await expectRejected(
        body({ certifications: [{ type: "ISO9001", validFrom: "2025-01-02", validTo: "2025-01-01" }] }),
        400,
        (e) => assert.equal(field(e.fields, "certifications[0].validTo").code, "date_order"),
      );
      await expectRejected(body({ certifications: [{ type: "ISO0000" }] }), 400, (e) =>
        assert.equal(field(e.fields, "certifications[0].type").code, "unknown_type"),
      );
      await expectRejected(body({ foundedOn: "2020-13-01" }), 400, (e) =>
        assert.equal(field(e.fields, "foundedOn").code, "format"),
      );
    });

    it("reports every problem at once, in English when asked", async () => {
      const { app } = ctx();
      const res = await call(
        app,
        as.admin,
        "POST",
        BASE,
        body({
          town: "atlantis",
          certifications: [{ type: "ISO9001", validFrom: "2025-02-01", validTo: "2025-01-01" }],
        }),
        { "accept-language": "en-US" },
      );
      assert.equal(res.statusCode, 400);
      const fields = res.json().error.fields;
      assert.deepEqual(fields.map((f: { field: string }) => f.field).sort(), [
        "certifications[0].validTo",
        "town",
      ]);
      assert.equal(field(fields, "town").message, "Unknown town or sub-district: atlantis");
    });

    it("registers an enterprise (201): the code normalised, children stored, one audit entry", async () => {
      const { app, db } = ctx();
      const uscc = newUscc();
      const before = await snapshot(db);
      const res = await call(app, as.association, "POST", BASE, {
        uscc: ` ${uscc.toLowerCase()} `,
        name: "平湖市林埭新建服装有限公司",
        aliases: ["林埭新建"],
        town: "lindai",
        aboveScale: true,
        employees: 66,
        foundedOn: "2019-09-09",
        exportFlag: true,
        brands: [{ name: "Lindai", kind: "trademark" }],
        certifications: [{ type: "BSCI", number: "B-1", validFrom: "2024-01-01", validTo: "2026-12-31" }],
        honours: [{ type: "OTHER", title: "县级荣誉" }],
        contacts: [{ name: "王经理", phone: "0573-1234567" }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.equal(created.uscc, uscc);
      assert.equal(created.townName, "林埭镇");
      assert.equal(created.certifications.length, 1);
      assert.equal(created.certifications[0].validTo, "2026-12-31");
      assert.equal(created.honours[0].title, "县级荣誉");
      assert.deepEqual(created.contacts, [{ name: "王经理", phone: "0573-1234567" }]);
      const after = await snapshot(db);
      assert.deepEqual(after, {
        enterprises: (before?.enterprises as number) + 1,
        certifications: (before?.certifications as number) + 1,
        honours: (before?.honours as number) + 1,
        audit: (before?.audit as number) + 1,
      });
      const got = await call(app, as.lab, "GET", `${BASE}/${created.id}`);
      assert.deepEqual(got.json(), created);
      const [entry] = await db.query<{ action: string; actor_id: string; after: Record<string, unknown> }>(
        "select action, actor_id, after from audit_log where entity_type = 'enterprise' and entity_id = $1",
        [created.id],
      );
      assert.equal(entry?.action, "enterprise.create");
      assert.equal(entry?.actor_id, ctx().fixtures.userIds.association);
      assert.equal(entry?.after.uscc, uscc);
      assert.equal(entry?.after.name, "平湖市林埭新建服装有限公司");
      // Found at once by search.
      assert.deepEqual(ids(await list(`q=${encodeURIComponent("林埭新建")}`)), [created.id]);
    });

    it("answers 404 for an unknown id and 400 for a malformed one", async () => {
      const unknown = await call(ctx().app, as.admin, "GET", `${BASE}/00000000-0000-4000-8000-000000000000`);
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, "NOT_FOUND");
      const malformed = await call(ctx().app, as.admin, "GET", `${BASE}/not-a-uuid`);
      assert.equal(malformed.statusCode, 400);
      const patch = await call(ctx().app, as.admin, "PATCH", `${BASE}/00000000-0000-4000-8000-000000000000`, {
        employees: 1,
      });
      assert.equal(patch.statusCode, 404);
    });
  });

  describe("update and history", () => {
    let f: string;
    before(async () => {
      const res = await call(ctx().app, as.admin, "POST", BASE, {
        uscc: newUscc(),
        name: "平湖市广陈历史服饰有限公司",
        aliases: ["甲", "乙"],
        town: "guangchen",
        employees: 20,
        certifications: [{ type: "ISO9001" }, { type: "BSCI" }],
      });
      assert.equal(res.statusCode, 201, res.body);
      f = res.json().id;
    });

    const auditOf = (entityId: string) =>
      ctx().db.query<{
        action: string;
        actor_id: string;
        before: Record<string, unknown>;
        after: Record<string, unknown>;
      }>(
        "select action, actor_id, before, after from audit_log where entity_type = 'enterprise' and entity_id = $1 order by id",
        [entityId],
      );

    it("arrays replace, and the audit entry holds before → after of just the changed fields", async () => {
      const { app, db } = ctx();
      const res = await call(app, as.regulator, "PATCH", `${BASE}/${f}`, {
        aliases: ["丙"],
        certifications: [{ type: "SA8000", validFrom: "2024-05-01", validTo: "2027-04-30" }],
        employees: 20,
      });
      assert.equal(res.statusCode, 200, res.body);
      const updated = res.json();
      assert.deepEqual(updated.aliases, ["丙"]);
      assert.deepEqual(
        updated.certifications.map((c: { type: string }) => c.type),
        ["SA8000"],
      );
      assert.equal(updated.name, "平湖市广陈历史服饰有限公司");
      assert.equal(updated.employees, 20);
      const [{ n }] = (await db.query<{ n: number }>(
        "select count(*)::int as n from enterprise_certifications where enterprise_id = $1",
        [f],
      )) as [{ n: number }];
      assert.equal(n, 1);
      const entries = await auditOf(f);
      const last = entries.at(-1);
      assert.ok(last);
      assert.equal(last.action, "enterprise.update");
      assert.equal(last.actor_id, ctx().fixtures.userIds.regulator);
      assert.deepEqual(Object.keys(last.before).sort(), ["aliases", "certifications"]);
      assert.deepEqual(Object.keys(last.after).sort(), ["aliases", "certifications"]);
      assert.deepEqual(last.before.aliases, ["甲", "乙"]);
      assert.deepEqual(last.after.aliases, ["丙"]);
      assert.deepEqual(
        (last.before.certifications as { type: string }[]).map((c) => c.type),
        ["ISO9001", "BSCI"],
      );
    });

    it("a change that changes nothing writes no audit entry", async () => {
      const before = (await auditOf(f)).length;
      const res = await call(ctx().app, as.admin, "PATCH", `${BASE}/${f}`, {
        employees: 20,
        aliases: ["丙"],
      });
      assert.equal(res.statusCode, 200);
      assert.equal((await auditOf(f)).length, before);
    });

    it("a rename is searchable at once under the new name and no longer under the old", async () => {
      const res = await call(ctx().app, as.admin, "PATCH", `${BASE}/${f}`, {
        name: "平湖市广陈改名服饰有限公司",
      });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(ids(await list(`q=${encodeURIComponent("改名")}`)), [f]);
      assert.deepEqual(ids(await list(`q=${encodeURIComponent("历史服饰")}`)), []);
    });

    it("an invalid change is refused and leaves the record and the log as they were", async () => {
      const { app, db, fixtures } = ctx();
      const before = await call(app, as.admin, "GET", `${BASE}/${f}`);
      const log = (await auditOf(f)).length;
      const snap = await snapshot(db);
      const cases: [unknown, number][] = [
        [{ certifications: [{ type: "ISO9001", validFrom: "2025-02-01", validTo: "2025-01-01" }] }, 400],
        [{ town: "atlantis" }, 400],
        [{ uscc: fixtures.enterpriseB.uscc }, 409],
        [{}, 400],
        [{ name: null }, 400],
      ];
      for (const [patch, status] of cases) {
        const res = await call(app, as.admin, "PATCH", `${BASE}/${f}`, patch);
        assert.equal(res.statusCode, status, `${JSON.stringify(patch)}: ${res.body}`);
      }
      assert.deepEqual((await call(app, as.admin, "GET", `${BASE}/${f}`)).json(), before.json());
      assert.equal((await auditOf(f)).length, log);
      assert.deepEqual(await snapshot(db), snap);
    });

    it("the enterprise user may change the contacts of its own record, but not its name (403)", async () => {
      const { app, fixtures } = ctx();
      const url = `${BASE}/${fixtures.enterpriseA.id}`;
      const contacts = [{ name: "李会计", role: "财务", email: "li@example.com" }];
      const ok = await call(app, as.enterprise, "PATCH", url, { contacts });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json().contacts, contacts);
      const entries = await auditOf(fixtures.enterpriseA.id);
      assert.equal(entries.at(-1)?.actor_id, fixtures.userIds.enterprise);
      assert.deepEqual(Object.keys(entries.at(-1)?.after ?? {}), ["contacts"]);
      for (const patch of [
        { name: "改个名字有限公司" },
        { contacts: [], name: "改个名字有限公司" },
        { honours: [] },
        { uscc: newUscc() },
        { town: "zhapu" },
      ]) {
        const res = await call(app, as.enterprise, "PATCH", url, patch);
        assert.equal(res.statusCode, 403, JSON.stringify(patch));
        assert.equal(res.json().error.code, "FORBIDDEN");
      }
      const now = await call(app, as.enterprise, "GET", url);
      assert.equal(now.json().name, fixtures.enterpriseA.name);
      assert.deepEqual(now.json().contacts, contacts);
      assert.equal(now.json().honours.length, 1);
    });

    it("the history lists the record's entries, newest first", async () => {
      const { app } = ctx();
      const res = await call(app, as.inspector, "GET", `${BASE}/${f}/history`);
      assert.equal(res.statusCode, 200);
      const items: { id: string; at: string; action: string; actorName: string }[] = res.json().items;
      assert.deepEqual(
        items.map((e) => e.action),
        ["enterprise.update", "enterprise.update", "enterprise.create"],
      );
      const numericIds = items.map((e) => Number(e.id));
      assert.deepEqual(
        numericIds,
        [...numericIds].sort((x, y) => y - x),
      );
      const times = items.map((e) => e.at);
      assert.deepEqual(times, [...times].sort().reverse());
      assert.match(items[0]?.actorName ?? "", /t-admin/);
      // The enterprise user reads its own history.
      const own = await call(app, as.enterprise, "GET", `${BASE}/${ctx().fixtures.enterpriseA.id}/history`);
      assert.equal(own.statusCode, 200);
      assert.equal(own.json().items[0].action, "enterprise.update");
    });
  });
});
