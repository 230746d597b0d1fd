import assert from "node:assert/strict";
import { before, it } from "node:test";
import { DEFAULT_RULE_SET } from "@jingwei/rules";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Role, type Session } from "../../testing/harness.ts";
import { rulesWith } from "./testing.ts";

const BASE = "/api/v1/classification/rule-sets";

interface Issue {
  path: string;
  code: string;
  severity: string;
}
interface FieldError {
  field: string;
  code: string;
  message: string;
}

describeWithFixtures("classification rule sets and product categories", (ctx) => {
  let as: Record<Role, Session>;

  before(async () => {
    as = await loginEveryRole(ctx().app, ctx().fixtures);
  });

  const countRows = async (table: string) => {
    const [row] = await ctx().db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return row?.n ?? 0;
  };

  it("lists the documented defaults, published on first use, to staff of the supervision", async () => {
    const res = await call(ctx().app, as.inspector, "GET", BASE);
    assert.equal(res.statusCode, 200);
    const items = res.json().items;
    assert.equal(items.length, 1);
    assert.equal(items[0].version, DEFAULT_RULE_SET.version);
    assert.equal(items[0].status, "published");
    assert.equal(items[0].verified, false);
    const one = await call(ctx().app, as.inspector, "GET", `${BASE}/${items[0].id}`);
    assert.equal(one.statusCode, 200);
    assert.deepEqual(one.json().rules.bands, DEFAULT_RULE_SET.bands);
    assert.deepEqual(one.json().issues, []);
    assert.equal((await call(ctx().app, as.enterprise, "GET", BASE)).statusCode, 403);
  });

  it("creates a draft, refuses a version twice and an empty or mistyped body", async () => {
    const { app } = ctx();
    const res = await call(app, as.regulator, "POST", BASE, {
      version: "pinghu-2025.1",
      rules: DEFAULT_RULE_SET,
      note: "from the defaults",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, "draft");
    assert.equal(res.json().rules.version, "pinghu-2025.1", "the stored rules carry the row's version");
    assert.equal(res.json().createdBy, "t-regulator");

    const twice = await call(app, as.regulator, "POST", BASE, {
      version: "pinghu-2025.1",
      rules: DEFAULT_RULE_SET,
    });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.code, "RULE_SET_VERSION_TAKEN");

    const before = await countRows("classification_rule_sets");
    assert.equal((await call(app, as.regulator, "POST", BASE, {})).statusCode, 400);
    const mistyped = await call(app, as.regulator, "POST", BASE, {
      version: "x",
      rules: { ...DEFAULT_RULE_SET, bands: [{ class: "I", min: "90", max: 100 }] },
    });
    assert.equal(mistyped.statusCode, 400);
    assert.ok(mistyped.json().error.fields.some((f: FieldError) => f.field === "rules.bands[0].min"));
    assert.equal(await countRows("classification_rule_sets"), before, "nothing half-written");
    assert.equal(
      (await call(app, as.inspector, "POST", BASE, { version: "y", rules: DEFAULT_RULE_SET })).statusCode,
      403,
    );
  });

  it("saves a draft with a gap, and refuses to publish it with the gap named at its band", async () => {
    const { app } = ctx();
    const draft = (
      await call(app, as.regulator, "POST", BASE, { version: "gap", rules: DEFAULT_RULE_SET })
    ).json();
    const gap = rulesWith((rs) => ({
      ...rs,
      bands: [
        { class: "I", min: 90, max: 100 },
        { class: "II", min: 75, max: 90 },
        { class: "III", min: 65, max: 75 }, // 60–65 falls in no class
        { class: "IV", min: 0, max: 60 },
      ],
    }));
    const saved = await call(app, as.regulator, "PUT", `${BASE}/${draft.id}`, { version: "gap", rules: gap });
    assert.equal(saved.statusCode, 200, saved.body);
    const gapIssue = saved.json().issues.find((i: Issue) => i.code === "band_gap");
    assert.equal(gapIssue.severity, "error");
    assert.equal(gapIssue.path, "bands[2].min");
    assert.match(gapIssue.message, /空缺/, "the issue speaks the reader's language");
    assert.match(gapIssue.detail, /scores from 60 to 65 fall in no class/, "…with the validator's numbers");

    const audits = await countRows("audit_log");
    const res = await call(app, as.regulator, "POST", `${BASE}/${draft.id}/publish`);
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, "RULE_SET_INVALID");
    assert.deepEqual(
      res.json().error.fields.map((f: FieldError) => [f.field, f.code]),
      [["bands[2].min", "band_gap"]],
    );
    assert.match(res.json().error.fields[0].message, /空缺/);
    const still = (await call(app, as.regulator, "GET", `${BASE}/${draft.id}`)).json();
    assert.equal(still.status, "draft");
    assert.equal(await countRows("audit_log"), audits, "a refused publication writes nothing");
  });

  it("refuses overlapping bands and weights that do not sum to 100, each at its path", async () => {
    const { app } = ctx();
    const overlap = rulesWith((rs) => ({
      ...rs,
      bands: [
        { class: "IV", min: 0, max: 60 },
        { class: "III", min: 55, max: 75 },
        { class: "II", min: 75, max: 90 },
        { class: "I", min: 90, max: 100 },
      ],
      elements: rs.elements.map((e) => (e.id === "otherFactors" ? { ...e, weight: 10 } : e)),
    }));
    const draft = (await call(app, as.admin, "POST", BASE, { version: "overlap", rules: overlap })).json();
    const res = await call(app, as.admin, "POST", `${BASE}/${draft.id}/publish`);
    assert.equal(res.statusCode, 422);
    const fields = res.json().error.fields.map((f: FieldError) => [f.field, f.code]);
    assert.deepEqual(fields, [
      ["elements", "weights_sum"],
      ["bands[1].min", "band_overlap"],
    ]);
    assert.equal(
      (
        await call(app, as.admin, "POST", `${BASE}/${draft.id}/publish`, {}, { "accept-language": "en-US" })
      ).json().error.message,
      "The rule set has 2 errors and cannot be published",
    );
  });

  it("publishes a valid draft with its warnings, retires the one in force, and freezes both", async () => {
    const { app, db } = ctx();
    const list = (await call(app, as.regulator, "GET", BASE)).json().items;
    const draft = list.find((r: { version: string }) => r.version === "pinghu-2025.1");
    const inForce = list.find((r: { status: string }) => r.status === "published");
    // Class II gets a lighter mode than class I for low risk: allowed, with a warning.
    const lighter = rulesWith((rs) => ({
      ...rs,
      modeMatrix: { ...rs.modeMatrix, I: { ...rs.modeMatrix.I, low: "general" } },
    }));
    assert.equal(
      (
        await call(app, as.regulator, "PUT", `${BASE}/${draft.id}`, {
          version: "pinghu-2025.1",
          rules: lighter,
        })
      ).statusCode,
      200,
    );
    const res = await call(app, as.regulator, "POST", `${BASE}/${draft.id}/publish`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().ruleSet.status, "published");
    assert.equal(res.json().ruleSet.publishedBy, "t-regulator");
    assert.equal(res.json().retired, DEFAULT_RULE_SET.version);
    assert.ok(res.json().warnings.some((w: Issue) => w.code === "mode_matrix_not_monotone"));

    const statuses = await db.query<{ version: string; status: string }>(
      "select version, status from classification_rule_sets where status <> 'draft' order by version",
    );
    assert.deepEqual(statuses, [
      { version: DEFAULT_RULE_SET.version, status: "retired" },
      { version: "pinghu-2025.1", status: "published" },
    ]);

    for (const id of [draft.id, inForce.id]) {
      const edit = await call(app, as.regulator, "PUT", `${BASE}/${id}`, {
        version: "again",
        rules: DEFAULT_RULE_SET,
      });
      assert.equal(edit.statusCode, 409);
      assert.equal(edit.json().error.code, "RULE_SET_FROZEN");
      const publish = await call(app, as.regulator, "POST", `${BASE}/${id}/publish`);
      assert.equal(publish.statusCode, 409);
      assert.equal(publish.json().error.code, "RULE_SET_FROZEN");
    }
    const audit = await db.query<{ action: string }>(
      "select action from audit_log where entity_type = 'classification_rule_set' and entity_id = $1 order by id",
      [draft.id],
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ["classification_rule_set.create", "classification_rule_set.update", "classification_rule_set.publish"],
    );
    // Back to the documented matrix for the tests that follow.
    const clean = (
      await call(app, as.regulator, "POST", BASE, { version: "pinghu-2025.2", rules: DEFAULT_RULE_SET })
    ).json();
    const second = await call(app, as.regulator, "POST", `${BASE}/${clean.id}/publish`);
    assert.equal(second.json().retired, "pinghu-2025.1");
    assert.deepEqual(second.json().warnings, []);
  });

  it("answers 404 for an unknown rule set", async () => {
    const unknown = "00000000-0000-4000-8000-000000000001";
    assert.equal((await call(ctx().app, as.regulator, "GET", `${BASE}/${unknown}`)).statusCode, 404);
    assert.equal((await call(ctx().app, as.regulator, "POST", `${BASE}/${unknown}/publish`)).statusCode, 404);
  });

  it("lists product categories to everyone signed in and lets the authority change risk and AQLs", async () => {
    const { app, db } = ctx();
    const list = await call(app, as.enterprise, "GET", "/api/v1/product-categories");
    assert.equal(list.statusCode, 200);
    const knitted = list.json().items.find((c: { code: string }) => c.code === "knitted");
    assert.deepEqual(
      [knitted.risk, knitted.inspectionLevel, knitted.aqlCritical, knitted.aqlMajor, knitted.aqlMinor],
      ["medium", "II", null, 2.5, 4],
    );
    const res = await call(app, as.regulator, "PATCH", "/api/v1/product-categories/knitted", {
      risk: "high",
      aqlCritical: 0.065,
      aqlMajor: 1.5,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().risk, res.json().aqlCritical, res.json().aqlMajor], ["high", 0.065, 1.5]);
    const back = await call(app, as.regulator, "PATCH", "/api/v1/product-categories/knitted", {
      risk: "medium",
      aqlCritical: null,
      aqlMajor: 2.5,
    });
    assert.equal(back.json().aqlCritical, null, "null critical AQL: not allowed");
    const [audit] = await db.query<{ n: number }>(
      "select count(*)::int as n from audit_log where entity_type = 'product_category' and entity_id = 'knitted'",
    );
    assert.equal(audit?.n, 2);
  });

  it("refuses AQLs outside the series and unknown levels, changing nothing", async () => {
    const { app, db } = ctx();
    const before = await db.query("select * from product_categories where code = 'woven'");
    const res = await call(app, as.admin, "PATCH", "/api/v1/product-categories/woven", {
      risk: "low",
      inspectionLevel: "IV",
      aqlCritical: 0,
      aqlMajor: 3,
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      res.json().error.fields.map((f: FieldError) => [f.field, f.code]),
      [
        ["inspectionLevel", "inspection_level_unknown"],
        ["aqlCritical", "aql_not_in_series"],
        ["aqlMajor", "aql_not_in_series"],
      ],
    );
    assert.deepEqual(await db.query("select * from product_categories where code = 'woven'"), before);
    assert.equal(
      (await call(app, as.admin, "PATCH", "/api/v1/product-categories/woven", {})).statusCode,
      400,
    );
    assert.equal(
      (await call(app, as.admin, "PATCH", "/api/v1/product-categories/shoes", { risk: "low" })).statusCode,
      404,
    );
    assert.equal(
      (await call(app, as.inspector, "PATCH", "/api/v1/product-categories/woven", { risk: "low" }))
        .statusCode,
      403,
    );
  });

  it("records quality events for staff, refusing unknown enterprises and future dates", async () => {
    const { app, fixtures } = ctx();
    const a = fixtures.enterpriseA.id;
    const res = await call(app, as.inspector, "POST", "/api/v1/quality-events", {
      enterpriseId: a,
      kind: "claim",
      occurredOn: "2025-01-10",
      description: "买方索赔：尺寸超差",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().enterpriseName, fixtures.enterpriseA.name);
    assert.equal(res.json().recordedBy, "t-inspector");

    const bad = await call(app, as.inspector, "POST", "/api/v1/quality-events", {
      enterpriseId: "00000000-0000-4000-8000-000000000002",
      kind: "penalty",
      occurredOn: "2999-01-01",
      description: "x",
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad.json().error.fields.map((f: FieldError) => [f.field, f.code]),
      [
        ["enterpriseId", "enterprise_unknown"],
        ["occurredOn", "date_in_future"],
      ],
    );
    const kind = await call(app, as.inspector, "POST", "/api/v1/quality-events", {
      enterpriseId: a,
      kind: "rumour",
      occurredOn: "2025-01-10",
      description: "x",
    });
    assert.equal(kind.statusCode, 400);

    const list = await call(app, as.regulator, "GET", `/api/v1/quality-events?enterpriseId=${a}`);
    assert.equal(list.json().total, 1);
    const other = await call(
      app,
      as.regulator,
      "GET",
      `/api/v1/quality-events?enterpriseId=${fixtures.enterpriseB.id}`,
    );
    assert.equal(other.json().total, 0);
    assert.equal((await call(app, as.enterprise, "GET", "/api/v1/quality-events")).statusCode, 403);
  });
});
