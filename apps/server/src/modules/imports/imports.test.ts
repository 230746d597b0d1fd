import assert from "node:assert/strict";
import { it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../platform/config.ts";
import type { Db } from "../../platform/db.ts";
import { type Fixtures, seedFixtures } from "../../testing/fixtures.ts";
import { call, describeEachDb, login, type Session } from "../../testing/harness.ts";
import type { ImportJob, ImportRow } from "./schemas.ts";
import { ANALYZE_AFTER_ROWS, cancelImport, startImport } from "./service.ts";
import { commitAndWait, csvText, gb18030, settled, upload, uploadAndWait, xlsx } from "./testing.ts";

const rand = seededRandom(2024);
const newUscc = () => generateUscc(rand);

async function rowsOf(app: Parameters<typeof call>[0], s: Session, id: string, query = "", locale = "zh-CN") {
  const res = await call(app, s, "GET", `/api/v1/imports/${id}/rows?pageSize=200${query}`, undefined, {
    "accept-language": locale,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { items: ImportRow[]; total: number };
}

const countOf = async (
  db: { query: (q: string, p?: unknown[]) => Promise<unknown[]> },
  q: string,
  p?: unknown[],
) => ((await db.query(q, p)) as { n: number }[])[0]?.n ?? -1;

describeEachDb("enterprise list import", (ctx) => {
  let f: Fixtures;
  let admin: Session;
  let association: Session;

  it("signs in", async () => {
    const { app, db } = ctx();
    f = await seedFixtures(db);
    admin = await login(app, f.users.admin);
    association = await login(app, f.users.association);
  });

  it("previews a list, takes a fixed row and a confirmed match, and commits it all", async () => {
    const { app } = ctx();
    const fresh = newUscc();
    const fixable = newUscc();
    const file = await xlsx([
      ["统一社会信用代码", "企业名称", "地址", "镇（街道）", "从业人数", "成立日期", "规上企业"],
      [f.enterpriseA.uscc, f.enterpriseA.name, "平湖市当湖街道新华路 1 号", "当湖街道", 1200, null, "是"],
      [
        fresh,
        "平湖市澜溪新建服饰有限公司",
        "新埭镇工业园 8 号",
        "新埭镇",
        50,
        new Date(Date.UTC(2015, 2, 1)),
        "否",
      ],
      [fixable, "平湖市錾石制衣有限公司", null, "不存在镇", 30, "2019/5/6", "否"],
      [null, "新仓金穗服饰有限公司", null, null, 95, null, null],
    ]);
    const job = await uploadAndWait(app, association, file, "平湖名录.xlsx");
    assert.equal(job.status, "preview");
    assert.equal(job.filename, "平湖名录.xlsx");
    assert.deepEqual(job.progress, { done: 4, total: 4 });
    assert.deepEqual(job.summary, { total: 4, error: 1, match: 1, potential_match: 1, new: 1, unchanged: 0 });

    // The error row, with its message in Chinese, and in English when asked.
    const errors = await rowsOf(app, association, job.id, "&status=error");
    assert.equal(errors.total, 1);
    assert.equal(errors.items[0]?.rowNumber, 4);
    assert.deepEqual(errors.items[0]?.errors, [
      { field: "town", code: "unknown_town", message: "未知的镇/街道：不存在镇" },
    ]);
    const en = await rowsOf(app, association, job.id, "&status=error", "en-US");
    assert.equal(en.items[0]?.errors[0]?.message, "Unknown town or sub-district: 不存在镇");

    const all = await rowsOf(app, association, job.id);
    assert.deepEqual(
      all.items.map((r) => [r.rowNumber, r.status]),
      [
        [2, "match"],
        [3, "new"],
        [4, "error"],
        [5, "potential_match"],
      ],
    );
    assert.equal(all.items[0]?.enterpriseId, f.enterpriseA.id);
    assert.equal(all.items[1]?.data.foundedOn, "2015-03-01");
    const potential = all.items[3] as ImportRow;
    assert.equal(potential.candidates[0]?.enterpriseId, f.enterpriseB.id);
    assert.equal(potential.candidates[0]?.name, f.enterpriseB.name);
    assert.equal(potential.candidates[0]?.score, 1);

    // Commit is refused while the error row and the undecided match remain.
    const refused = await call(app, association, "POST", `/api/v1/imports/${job.id}/commit`);
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.code, "IMPORT_UNRESOLVED");
    assert.match(refused.json().error.message, /1 行错误、1 行疑似匹配/);

    // Fix the town.
    const fixed = await call(app, association, "PUT", `/api/v1/imports/${job.id}/rows/4`, {
      data: { town: "钟埭" },
    });
    assert.equal(fixed.statusCode, 200, fixed.body);
    assert.equal(fixed.json().status, "new");
    assert.equal(fixed.json().data.town, "钟埭");
    assert.deepEqual(fixed.json().errors, []);

    // Confirming needs one of the candidates.
    const wrong = await call(app, association, "POST", `/api/v1/imports/${job.id}/rows/5/decision`, {
      decision: "confirm",
      enterpriseId: f.enterpriseA.id,
    });
    assert.equal(wrong.statusCode, 400);
    const confirmed = await call(app, association, "POST", `/api/v1/imports/${job.id}/rows/5/decision`, {
      decision: "confirm",
      enterpriseId: f.enterpriseB.id,
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().status, "match");
    assert.equal(confirmed.json().decision, "confirm");
    assert.equal(confirmed.json().enterpriseId, f.enterpriseB.id);

    const preview = await settled(app, association, job.id);
    assert.deepEqual(preview.summary, {
      total: 4,
      error: 0,
      match: 2,
      potential_match: 0,
      new: 2,
      unchanged: 0,
    });

    const done = await commitAndWait(app, association, job.id);
    assert.equal(done.status, "committed", JSON.stringify(done.error));
    assert.equal(done.error, null);

    // The new enterprises are in the registry and found by search.
    const found = await call(
      app,
      association,
      "GET",
      `/api/v1/enterprises?q=${encodeURIComponent("澜溪新建")}`,
    );
    assert.equal(found.json().total, 1);
    assert.equal(found.json().items[0].uscc, fresh);
    assert.equal(found.json().items[0].town, "xindai");
    assert.equal(found.json().items[0].foundedOn, "2015-03-01");
    const byUscc = await call(app, association, "GET", `/api/v1/enterprises?q=${fixable}`);
    assert.equal(byUscc.json().items[0].town, "zhongdai");
    const committedRows = await rowsOf(app, association, job.id, "&status=new");
    assert.ok(committedRows.items.every((r) => r.enterpriseId !== null));

    // The matched ones changed only what the file said, and their history shows it.
    const b = await call(app, association, "GET", `/api/v1/enterprises/${f.enterpriseB.id}`);
    assert.equal(b.json().employees, 95);
    assert.equal(b.json().town, "xincang");
    const history = await call(app, association, "GET", `/api/v1/enterprises/${f.enterpriseB.id}/history`);
    type Entry = { action: string; before: unknown; after: unknown };
    const imported = (h: { json(): { items: Entry[] } }) =>
      h.json().items.filter((e) => e.action === "import.update");
    // A confirmed match was found by its name: the registry keeps its own name, the file's employees are taken.
    assert.deepEqual(
      imported(history).map((e) => [e.before, e.after]),
      [[{ employees: 80 }, { employees: 95 }]],
    );
    assert.equal(b.json().name, f.enterpriseB.name);
    const aHistory = await call(app, association, "GET", `/api/v1/enterprises/${f.enterpriseA.id}/history`);
    assert.deepEqual(
      imported(aHistory).map((e) => e.after),
      [{ address: "平湖市当湖街道新华路 1 号" }],
    );

    const audit = await ctx().db.query<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_log where action like 'import.%' group by action order by action`,
    );
    assert.deepEqual(
      audit.map((a) => [a.action, a.n]),
      [
        ["import.commit", 1],
        ["import.create", 2],
        ["import.update", 2],
      ],
    );
    const again = await call(app, association, "POST", `/api/v1/imports/${job.id}/commit`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, "IMPORT_STATE");
  });

  it("re-importing the same file changes nothing", async () => {
    const { app, db } = ctx();
    const file = Buffer.from(
      csvText([
        ["统一社会信用代码", "企业名称", "简称", "法定代表人", "地址", "所属镇街", "是否出口", "主要产品"],
        [
          newUscc(),
          "嘉兴市禾丰针织有限公司",
          "禾丰；禾丰针织",
          "李强",
          "新仓镇 3 号",
          "新仓镇",
          "是",
          "针织衫",
        ],
        [newUscc(), "平湖市沁远童装有限公司", null, "周敏", null, "danghu", "否", "童装"],
      ]),
    );
    const first = await uploadAndWait(app, admin, file, "list.csv");
    assert.equal(first.summary.new, 2);
    assert.equal((await commitAndWait(app, admin, first.id)).status, "committed");
    const auditBefore = await countOf(
      db,
      "select count(*)::int as n from audit_log where entity_type = 'enterprise'",
    );

    const second = await uploadAndWait(app, admin, file, "list.csv");
    assert.deepEqual(second.summary, {
      total: 2,
      error: 0,
      match: 0,
      potential_match: 0,
      new: 0,
      unchanged: 2,
    });
    assert.equal((await commitAndWait(app, admin, second.id)).status, "committed");
    assert.equal(
      await countOf(db, "select count(*)::int as n from audit_log where entity_type = 'enterprise'"),
      auditBefore,
    );
  });

  it("re-imports the registry's own export as all unchanged", async () => {
    const { app } = ctx();
    const exported = await call(app, admin, "GET", "/api/v1/enterprises/export");
    assert.equal(exported.statusCode, 200);
    const job = await uploadAndWait(app, admin, exported.rawPayload, "export.xlsx");
    assert.equal(job.status, "preview", JSON.stringify(job.error));
    assert.equal(job.summary.unchanged, job.summary.total, JSON.stringify(job.summary));
    assert.ok(job.summary.total >= 6);
  });

  it("reads a GBK CSV upload", async () => {
    const { app } = ctx();
    const file = gb18030(
      csvText([
        ["统一社会信用代码", "企业名称", "镇街道", "成立日期"],
        [newUscc(), "平湖市锦澜服饰有限公司", "乍浦镇", "2001年5月6日"],
      ]),
    );
    const job = await uploadAndWait(app, admin, file, "gbk.csv");
    assert.equal(job.summary.new, 1);
    const rows = await rowsOf(app, admin, job.id);
    assert.equal(rows.items[0]?.data.name, "平湖市锦澜服饰有限公司");
    assert.equal((await call(app, admin, "DELETE", `/api/v1/imports/${job.id}`)).json().status, "cancelled");
  });

  it("flags duplicates inside the file and frees them when the first row changes", async () => {
    const { app } = ctx();
    const dup = newUscc();
    const other = newUscc();
    const job = await uploadAndWait(
      app,
      admin,
      Buffer.from(
        csvText([
          ["统一社会信用代码", "企业名称"],
          [dup, "平湖市甲乙服饰有限公司"],
          [dup, "平湖市丙丁服饰有限公司"],
          [null, "甲乙服饰"],
        ]),
      ),
      "dup.csv",
    );
    const rows = await rowsOf(app, admin, job.id);
    assert.deepEqual(
      rows.items.map((r) => [r.status, r.errors.map((e) => `${e.field}:${e.code}:${e.message}`)]),
      [
        ["new", []],
        ["error", ["uscc:duplicate_in_file:与第 2 行重复"]],
        ["error", ["name:duplicate_in_file:与第 2 行重复"]],
      ],
    );
    const res = await call(app, admin, "PUT", `/api/v1/imports/${job.id}/rows/2`, { data: { uscc: other } });
    assert.equal(res.json().status, "new");
    const after = await rowsOf(app, admin, job.id);
    assert.deepEqual(
      after.items.map((r) => r.status),
      ["new", "new", "error"],
    );
    // Editing a row onto another row's USCC flags the edited row.
    const clash = await call(app, admin, "PUT", `/api/v1/imports/${job.id}/rows/3`, {
      data: { uscc: other },
    });
    assert.equal(clash.json().status, "error");
    assert.equal(clash.json().errors[0].code, "duplicate_in_file");
    const rejected = await call(app, admin, "POST", `/api/v1/imports/${job.id}/rows/2/decision`, {
      decision: "reject",
    });
    assert.equal(rejected.json().error.code, "IMPORT_NO_CANDIDATES");
    await call(app, admin, "DELETE", `/api/v1/imports/${job.id}`);
  });

  it("a rejected potential match becomes new, or an error without a USCC", async () => {
    const { app } = ctx();
    const job = await uploadAndWait(
      app,
      admin,
      Buffer.from(
        csvText([
          ["企业名称", "统一社会信用代码"],
          ["新仓金穗服饰厂", null],
        ]),
      ),
      "reject.csv",
    );
    assert.equal(job.summary.potential_match, 1);
    const res = await call(app, admin, "POST", `/api/v1/imports/${job.id}/rows/2/decision`, {
      decision: "reject",
    });
    assert.equal(res.json().status, "error");
    assert.equal(res.json().errors[0].code, "uscc_required_for_new");
    assert.equal(res.json().candidates.length, 1);
    // Given a USCC of its own, the row is another legal entity than the (differently coded) candidate: new.
    const put = await call(app, admin, "PUT", `/api/v1/imports/${job.id}/rows/2`, {
      data: { uscc: newUscc() },
    });
    assert.equal(put.json().status, "new");
    assert.deepEqual(put.json().candidates, []);
    await call(app, admin, "DELETE", `/api/v1/imports/${job.id}`);
  });

  it("accepts every suggestion at once, leaving a row whose best candidate another row takes", async () => {
    const { app, db } = ctx();
    const job = await uploadAndWait(
      app,
      association,
      Buffer.from(
        csvText([
          ["企业名称", "统一社会信用代码", "从业人数"],
          ["新仓金穗服饰", null, 81],
          ["新仓金穗服饰二厂", null, 82],
          ["华城实业投资集团", null, null],
        ]),
      ),
      "suggestions.csv",
    );
    assert.equal(job.summary.potential_match, 3, JSON.stringify(job.summary));
    const before = await rowsOf(app, association, job.id);
    assert.deepEqual(
      before.items.map((r) => r.candidates[0]?.enterpriseId),
      [f.enterpriseB.id, f.enterpriseB.id, f.enterpriseA.id],
    );
    const audits = () =>
      db.query<{ actor: string; before: unknown; after: Record<string, unknown> }>(
        `select actor_name as actor, before, after from audit_log
          where action = 'import.accept_suggestions' and entity_type = 'import' and entity_id = $1`,
        [job.id],
      );

    const res = await call(app, association, "POST", `/api/v1/imports/${job.id}/accept-suggestions`);
    assert.equal(res.statusCode, 200, res.body);
    const accepted = res.json() as ImportJob;
    assert.equal(accepted.id, job.id);
    assert.equal(accepted.status, "preview");
    // Row 2 changes B's employees; row 4 names A and says nothing new; row 3's best candidate is row 2's.
    assert.deepEqual(accepted.summary, {
      total: 3,
      error: 0,
      match: 1,
      potential_match: 1,
      new: 0,
      unchanged: 1,
    });
    const after = await rowsOf(app, association, job.id);
    assert.deepEqual(
      after.items.map((r) => [r.rowNumber, r.status, r.decision, r.enterpriseId]),
      [
        [2, "match", "confirm", f.enterpriseB.id],
        [3, "potential_match", null, null],
        [4, "unchanged", "confirm", f.enterpriseA.id],
      ],
    );
    const [entry, ...more] = await audits();
    assert.equal(more.length, 0);
    assert.match(entry?.actor ?? "", /t-association/);
    assert.deepEqual(entry?.before, { potential_match: 3 });
    assert.equal(entry?.after.accepted, 2);
    assert.equal(entry?.after.left, 1);
    assert.equal(entry?.after.filename, "suggestions.csv");

    // Nothing left to accept: the same job back, and no second entry.
    const again = await call(app, association, "POST", `/api/v1/imports/${job.id}/accept-suggestions`);
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json().summary, accepted.summary);
    assert.equal((await audits()).length, 1);

    // Only a job in preview, with the status said in the reader's language.
    await call(app, association, "DELETE", `/api/v1/imports/${job.id}`);
    const cancelled = await call(app, association, "POST", `/api/v1/imports/${job.id}/accept-suggestions`);
    assert.equal(cancelled.statusCode, 409);
    assert.equal(cancelled.json().error.code, "IMPORT_STATE");
    assert.equal(cancelled.json().error.message, "导入当前状态为“已取消”，不能执行此操作");
    const en = await call(
      app,
      association,
      "POST",
      `/api/v1/imports/${job.id}/accept-suggestions`,
      undefined,
      {
        "accept-language": "en-US",
      },
    );
    assert.equal(en.json().error.message, "The import is cancelled; not allowed now");
    const unknown = await call(
      app,
      association,
      "POST",
      `/api/v1/imports/${crypto.randomUUID()}/accept-suggestions`,
    );
    assert.equal(unknown.statusCode, 404);
  });

  it("analyzes the staged rows after a large job, not after a small one", async () => {
    const { db } = ctx();
    const actor = {
      userId: f.userIds.admin,
      username: "t-admin",
      displayName: "t-admin",
      role: "admin" as const,
    };
    const scripts: string[] = [];
    const watched: Db = {
      ...db,
      query: db.query.bind(db),
      tx: db.tx.bind(db),
      close: db.close.bind(db),
      exec: (script) => {
        scripts.push(script);
        return db.exec(script);
      },
    };
    const many = seededRandom(5000);
    const file = (n: number) =>
      Buffer.from(
        csvText([
          ["统一社会信用代码", "企业名称"],
          ...Array.from({ length: n }, (_, i) => [generateUscc(many), `平湖市批量${i}号服饰有限公司`]),
        ]),
      );
    for (const [n, analyzed] of [
      [10, false],
      [ANALYZE_AFTER_ROWS, true],
    ] as const) {
      scripts.length = 0;
      const { done } = await startImport(
        watched,
        { ...actor, enterpriseId: null },
        { filename: "many.csv", buffer: file(n) },
      );
      const job = await done;
      assert.equal(job.status, "preview", JSON.stringify(job.error));
      assert.equal(job.summary.new, n);
      assert.equal(scripts.includes("analyze import_rows"), analyzed, `${n} rows`);
      await cancelImport(db, { ...actor, enterpriseId: null }, job.id);
    }
    // The planner has statistics of the staged rows.
    assert.ok(
      (await countOf(db, "select count(*)::int as n from pg_stats where tablename = 'import_rows'")) > 0,
    );
  });

  it("refuses bad files before creating anything, each with its code and a field message", async () => {
    const { app, db } = ctx();
    const jobs = await countOf(db, "select count(*)::int as n from import_jobs");
    const png = await upload(
      app,
      admin,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      "a.xlsx",
    );
    assert.equal(png.statusCode, 415);
    assert.equal(png.json().error.code, "UNSUPPORTED_FILE");
    assert.equal(png.json().error.fields[0].message, "不是 XLSX 或 CSV 文件（PNG）");

    const good = await xlsx([["企业名称"], ["平湖市某某服饰有限公司"]]);
    const truncated = await upload(app, admin, good.subarray(0, good.length - 100), "cut.xlsx");
    assert.equal(truncated.statusCode, 422);
    assert.equal(truncated.json().error.code, "FILE_CORRUPT");

    const unknown = await call(
      app,
      admin,
      "POST",
      "/api/v1/imports",
      ...(() => {
        const { payload, headers } = multipartOf(
          Buffer.from(
            csvText([
              ["企业名称", "备注"],
              ["某厂", "x"],
            ]),
          ),
        );
        return [payload, { ...headers, "accept-language": "en-US" }] as const;
      })(),
    );
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().error.code, "IMPORT_UNKNOWN_COLUMNS");
    assert.equal(unknown.json().error.message, "Unknown columns: 备注");
    assert.equal(unknown.json().error.fields[0].message, "Unknown column “备注”");

    const noHeader = await upload(app, admin, Buffer.from(csvText([["地址"], ["某路"]])), "x.csv");
    assert.equal(noHeader.json().error.code, "IMPORT_NO_HEADER");
    const empty = await upload(app, admin, Buffer.from(csvText([["企业名称"]])), "x.csv");
    assert.equal(empty.json().error.code, "IMPORT_EMPTY");
    const notMultipart = await call(app, admin, "POST", "/api/v1/imports", { file: "x" });
    assert.equal(notMultipart.json().error.code, "IMPORT_NO_FILE");

    // A server with a 1 MB limit refuses a larger file.
    const small = await buildApp({
      db,
      config: { ...loadConfig({}), maxUploadBytes: 1024 * 1024 },
      serveWeb: false,
    });
    try {
      const s = await login(small, f.users.admin);
      const big = await upload(small, s, Buffer.alloc(1024 * 1024 + 10, 0x41), "big.csv");
      assert.equal(big.statusCode, 413);
      assert.equal(big.json().error.code, "FILE_TOO_LARGE");
      assert.equal(big.json().error.message, "文件过大（上限 1 MB）");
    } finally {
      await small.close();
    }
    assert.equal(await countOf(db, "select count(*)::int as n from import_jobs"), jobs);
  });

  it("documents the endpoints in the OpenAPI document, the upload as multipart", async () => {
    const doc = (await call(ctx().app, null, "GET", "/api/openapi.json")).json();
    const upload = doc.paths["/api/v1/imports"].post;
    assert.ok(upload.requestBody.content["multipart/form-data"].schema.properties.file);
    assert.ok(upload.responses["202"]);
    for (const path of [
      "/api/v1/imports/{id}",
      "/api/v1/imports/{id}/rows",
      "/api/v1/imports/{id}/rows/{rowNumber}",
      "/api/v1/imports/{id}/rows/{rowNumber}/decision",
      "/api/v1/imports/{id}/accept-suggestions",
      "/api/v1/imports/{id}/commit",
    ])
      assert.ok(doc.paths[path], path);
    const accept = doc.paths["/api/v1/imports/{id}/accept-suggestions"].post;
    assert.deepEqual(
      Object.keys(
        accept.responses["200"].content["application/json"].schema.properties.summary.properties,
      ).sort(),
      ["error", "match", "new", "potential_match", "total", "unchanged"],
    );
    assert.equal(accept.parameters.find((p: { name: string }) => p.name === "id")?.in, "path");
  });

  it("lets only the registry's editors import", async () => {
    const { app } = ctx();
    for (const role of ["enterprise", "inspector", "lab"] as const) {
      const s = await login(app, f.users[role]);
      const res = await upload(app, s, Buffer.from(csvText([["企业名称"], ["某厂"]])), "x.csv");
      assert.equal(res.statusCode, 403, role);
      assert.equal((await call(app, s, "GET", "/api/v1/imports")).statusCode, 403, role);
    }
    assert.equal((await upload(app, null, Buffer.from("企业名称\n某厂\n"), "x.csv")).statusCode, 401);
    const regulator = await login(app, f.users.regulator);
    const list = await call(app, regulator, "GET", "/api/v1/imports");
    assert.equal(list.statusCode, 200);
    assert.ok((list.json().items as ImportJob[]).length > 0);
  });

  it("a commit that loses a race for a USCC fails cleanly and writes nothing", async () => {
    const { app, db } = ctx();
    const contested = newUscc();
    const job = await uploadAndWait(
      app,
      admin,
      Buffer.from(
        csvText([
          ["统一社会信用代码", "企业名称", "从业人数"],
          [newUscc(), "平湖市先到服饰有限公司", 10],
          [contested, "平湖市后到服饰有限公司", 20],
          [f.enterpriseB.uscc, f.enterpriseB.name, 4321],
        ]),
      ),
      "race.csv",
    );
    assert.deepEqual([job.summary.new, job.summary.match], [2, 1]);
    // Someone registers the same code meanwhile.
    const taken = await call(app, admin, "POST", "/api/v1/enterprises", {
      uscc: contested,
      name: "别处登记的企业",
    });
    assert.equal(taken.statusCode, 201, taken.body);
    const enterprises = await countOf(db, "select count(*)::int as n from enterprises");
    const audits = await countOf(db, "select count(*)::int as n from audit_log");

    const failed = await commitAndWait(app, admin, job.id);
    assert.equal(failed.status, "failed");
    assert.equal(failed.error?.code, "USCC_TAKEN");
    assert.match(failed.error?.message ?? "", new RegExp(contested));
    assert.equal(await countOf(db, "select count(*)::int as n from enterprises"), enterprises);
    assert.equal(await countOf(db, "select count(*)::int as n from audit_log"), audits);
    const b = await call(app, admin, "GET", `/api/v1/enterprises/${f.enterpriseB.id}`);
    assert.notEqual(b.json().employees, 4321);
  });

  it("a commit that fails at its last statement leaves nothing written", async () => {
    const { app, db } = ctx();
    await db.exec(`
      create function fail_import_commit() returns trigger language plpgsql as $$
        begin raise exception 'simulated failure'; end $$;
      create trigger fail_import_commit before insert on audit_log
        for each row when (new.action = 'import.commit') execute function fail_import_commit();`);
    try {
      const job = await uploadAndWait(
        app,
        admin,
        Buffer.from(
          csvText([
            ["统一社会信用代码", "企业名称", "从业人数"],
            [newUscc(), "平湖市最后一步服饰有限公司", 10],
            [f.enterpriseB.uscc, f.enterpriseB.name, 777],
          ]),
        ),
        "fail.csv",
      );
      const enterprises = await countOf(db, "select count(*)::int as n from enterprises");
      const audits = await countOf(db, "select count(*)::int as n from audit_log");
      const failed = await commitAndWait(app, admin, job.id);
      assert.equal(failed.status, "failed");
      assert.equal(failed.error?.code, "INTERNAL");
      assert.equal(await countOf(db, "select count(*)::int as n from enterprises"), enterprises);
      assert.equal(await countOf(db, "select count(*)::int as n from audit_log"), audits);
      const b = await call(app, admin, "GET", `/api/v1/enterprises/${f.enterpriseB.id}`);
      assert.notEqual(b.json().employees, 777);
      const rows = await rowsOf(app, admin, job.id, "&status=new");
      assert.equal(rows.items[0]?.enterpriseId, null);
    } finally {
      await db.exec("drop trigger fail_import_commit on audit_log; drop function fail_import_commit();");
    }
  });

  it("cancels an import in preview, not a committed one", async () => {
    const { app } = ctx();
    const job = await uploadAndWait(
      app,
      admin,
      Buffer.from(
        csvText([
          ["统一社会信用代码", "企业名称"],
          [newUscc(), "平湖市取消服饰有限公司"],
        ]),
      ),
      "cancel.csv",
    );
    const res = await call(app, admin, "DELETE", `/api/v1/imports/${job.id}`);
    assert.equal(res.json().status, "cancelled");
    assert.equal((await rowsOf(app, admin, job.id)).total, 0);
    const edit = await call(app, admin, "PUT", `/api/v1/imports/${job.id}/rows/2`, { data: { name: "x" } });
    assert.equal(edit.statusCode, 409);
    assert.equal(edit.json().error.message, "导入当前状态为“已取消”，不能执行此操作");
    const [committed] = (await call(app, admin, "GET", "/api/v1/imports"))
      .json()
      .items.filter((j: ImportJob) => j.status === "committed");
    const refused = await call(app, admin, "DELETE", `/api/v1/imports/${committed.id}`);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, "IMPORT_STATE");
    assert.equal(refused.json().error.message, "导入当前状态为“已提交”，不能执行此操作");
    const refusedEn = await call(app, admin, "DELETE", `/api/v1/imports/${committed.id}`, undefined, {
      "accept-language": "en-US",
    });
    assert.equal(refusedEn.json().error.message, "The import is committed; not allowed now");
    assert.equal((await call(app, admin, "GET", `/api/v1/imports/${crypto.randomUUID()}`)).statusCode, 404);
  });
});

function multipartOf(buffer: Buffer) {
  const boundary = "----jingweiTestBoundary";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n` +
        "Content-Type: text/csv\r\n\r\n",
    ),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
