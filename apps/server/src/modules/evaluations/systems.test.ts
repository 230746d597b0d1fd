import assert from "node:assert/strict";
import { before, it } from "node:test";
import { type EvaluationSystem, STAR_RATING_SYSTEM, serialiseSystem } from "@jingwei/rules";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, login, type Session } from "../../testing/harness.ts";
import { nextVersion } from "./systems.ts";

// The editor's routes (issue 4): a dry-run validation, a new draft version from a published one, and validation
// issues with their Chinese and English messages on saves and in the system's detail.

interface Field {
  field: string;
  code: string;
  message: string;
}
interface Issue {
  path: string;
  code: string;
  severity: string;
  message: string;
  zh: string;
  en: string;
}

const EN = { "accept-language": "en-US" };

/** The star rating with one indicator worth 5 more points: the 1000-point bands no longer reach the total. */
function unbalanced(def: EvaluationSystem): EvaluationSystem {
  const copy = structuredClone(def);
  const first = copy.sections[0]?.indicators[0];
  assert.ok(first);
  first.maxPoints += 5;
  return copy;
}

it("nextVersion bumps the last number of a label", () => {
  const cases: [string, string][] = [
    ["2024.1", "2024.2"],
    ["2024.9", "2024.10"],
    ["v9-rc", "v10-rc"],
    ["2025", "2026"],
    ["draft", "draft.2"],
  ];
  for (const [from, to] of cases) assert.equal(nextVersion(from), to, from);
});

describeWithFixtures("evaluation system editor routes", (ctx) => {
  let admin: Session;
  let assoc: Session;
  let star: { id: string; version: string };
  const count = async (sql: string, params: unknown[] = []) =>
    (await ctx().db.query<{ n: number }>(sql, params))[0]?.n ?? -1;

  before(async () => {
    admin = await login(ctx().app, ctx().fixtures.users.admin);
    assoc = await login(ctx().app, ctx().fixtures.users.association);
    const list = await call(ctx().app, admin, "GET", "/api/v1/evaluation-systems");
    star = list.json().items.find((s: { code: string }) => s.code === STAR_RATING_SYSTEM.id);
    assert.ok(star, list.body);
  });

  it("validates without storing: issues with paths and messages in both languages", async () => {
    const systems = await count("select count(*)::int as n from evaluation_systems");
    const audits = await count("select count(*)::int as n from audit_log");
    const ok = await call(ctx().app, admin, "POST", "/api/v1/evaluation-systems/validate", {
      definition: STAR_RATING_SYSTEM,
      as: "yaml",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().ok, true);
    assert.equal(ok.json().errors, 0);
    assert.equal(ok.json().definition.id, STAR_RATING_SYSTEM.id);
    assert.equal(ok.json().text, serialiseSystem(STAR_RATING_SYSTEM, "yaml"));

    const bad = await call(ctx().app, admin, "POST", "/api/v1/evaluation-systems/validate", {
      definition: unbalanced(STAR_RATING_SYSTEM),
    });
    assert.equal(bad.statusCode, 200, bad.body);
    const body = bad.json();
    assert.equal(body.ok, false);
    assert.equal(body.errors, 1, bad.body);
    // The definition comes back for the editor's forms even though it has an error.
    assert.equal(body.definition.sections[0].indicators[0].maxPoints, 30);
    const coverage = body.issues.find((i: Issue) => i.code === "band_coverage");
    assert.deepEqual(coverage, {
      path: "rating.overall.banding.bands[0].max",
      code: "band_coverage",
      severity: "error",
      message: "分数段止于 1000，应止于满分 1005",
      zh: "分数段止于 1000，应止于满分 1005",
      en: "bands end at 1000, not 1005",
    });
    const english = await call(
      ctx().app,
      admin,
      "POST",
      "/api/v1/evaluation-systems/validate",
      { definition: unbalanced(STAR_RATING_SYSTEM) },
      EN,
    );
    assert.equal(
      english.json().issues.find((i: Issue) => i.code === "band_coverage").message,
      "bands end at 1000, not 1005",
    );

    // YAML text: read into a definition when well formed; a syntax error gives no definition.
    const yaml = await call(ctx().app, admin, "POST", "/api/v1/evaluation-systems/validate", {
      text: serialiseSystem(STAR_RATING_SYSTEM, "yaml"),
      format: "yaml",
    });
    assert.equal(yaml.json().definition.version, STAR_RATING_SYSTEM.version);
    const broken = await call(ctx().app, admin, "POST", "/api/v1/evaluation-systems/validate", {
      text: "id: [",
      format: "yaml",
    });
    assert.equal(broken.json().definition, null);
    assert.equal(broken.json().issues[0].code, "syntax_invalid");
    assert.match(broken.json().issues[0].zh, /^无法解析：/);

    const empty = await call(ctx().app, admin, "POST", "/api/v1/evaluation-systems/validate", {});
    assert.equal(empty.statusCode, 400, empty.body);
    assert.equal(await count("select count(*)::int as n from evaluation_systems"), systems);
    assert.equal(await count("select count(*)::int as n from audit_log"), audits);
  });

  it("copies a published version into a new draft version, bumped or as given, audited", async () => {
    const res = await call(ctx().app, assoc, "POST", `/api/v1/evaluation-systems/${star.id}/versions`, {});
    assert.equal(res.statusCode, 201, res.body);
    const draft = res.json();
    assert.equal(draft.status, "draft");
    assert.equal(draft.code, STAR_RATING_SYSTEM.id);
    assert.equal(draft.version, "2024.2");
    assert.equal(draft.definition.version, "2024.2");
    assert.equal(draft.definition.status, "draft");
    assert.equal(draft.definition.sections.length, STAR_RATING_SYSTEM.sections.length);
    const [audit] = await ctx().db.query<{ action: string; after: Record<string, unknown> }>(
      "select action, after from audit_log where entity_type = 'evaluation_system' and entity_id = $1",
      [draft.id],
    );
    assert.equal(audit?.action, "evaluation_system.create");
    assert.deepEqual(audit?.after.copiedFrom, { id: star.id, version: STAR_RATING_SYSTEM.version });

    // The next copy skips the label now taken.
    const again = await call(ctx().app, assoc, "POST", `/api/v1/evaluation-systems/${star.id}/versions`, {});
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.json().version, "2024.3");

    const named = await call(ctx().app, admin, "POST", `/api/v1/evaluation-systems/${star.id}/versions`, {
      version: "2025 修订",
    });
    assert.equal(named.statusCode, 201, named.body);
    assert.equal(named.json().version, "2025 修订");

    const before = await count("select count(*)::int as n from evaluation_systems");
    for (const version of ["2024.2", STAR_RATING_SYSTEM.version]) {
      const taken = await call(ctx().app, admin, "POST", `/api/v1/evaluation-systems/${star.id}/versions`, {
        version,
      });
      assert.equal(taken.statusCode, 409, taken.body);
      assert.equal(taken.json().error.code, "EVALUATION_SYSTEM_EXISTS");
      assert.match(taken.json().error.message, new RegExp(version));
    }
    assert.equal(await count("select count(*)::int as n from evaluation_systems"), before);

    const wrongType = await call(ctx().app, admin, "POST", `/api/v1/evaluation-systems/${star.id}/versions`, {
      version: 2025,
    });
    assert.equal(wrongType.statusCode, 400, wrongType.body);
    const unknown = await call(
      ctx().app,
      admin,
      "POST",
      "/api/v1/evaluation-systems/00000000-0000-0000-0000-000000000000/versions",
      {},
    );
    assert.equal(unknown.statusCode, 404, unknown.body);
  });

  it("refuses weights that do not add up with the field paths and Chinese messages; nothing is written", async () => {
    const created = await call(ctx().app, assoc, "POST", `/api/v1/evaluation-systems/${star.id}/versions`, {
      version: "2026.1",
    });
    assert.equal(created.statusCode, 201, created.body);
    const draft = created.json();
    const audits = await count("select count(*)::int as n from audit_log");

    // Points of the star rating: the bands stop short of the new total.
    const res = await call(ctx().app, assoc, "PUT", `/api/v1/evaluation-systems/${draft.id}`, {
      definition: unbalanced(draft.definition),
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, "EVALUATION_SYSTEM_INVALID");
    assert.equal(res.json().error.message, "评价体系有 1 处错误，请按标出的位置修改");
    assert.deepEqual(res.json().error.fields, [
      {
        field: "definition.rating.overall.banding.bands[0].max",
        code: "system_issue",
        message: "分数段止于 1000，应止于满分 1005",
      },
    ]);

    // Weights of a weighted system: a section's indicator weights summing to 110.
    const csc = structuredClone(draft.definition) as EvaluationSystem;
    Object.assign(csc, { scoringMethod: "weightedPercent" });
    csc.sections.forEach((s, si) => {
      s.weight = si === 0 ? 100 - (csc.sections.length - 1) * 9 : 9;
      s.indicators.forEach((i, ii) => {
        i.weight = ii === 0 ? 100 - (s.indicators.length - 1) * 10 : 10;
      });
    });
    const firstSection = csc.sections[0];
    assert.ok(firstSection?.indicators[0]);
    firstSection.indicators[0].weight = (firstSection.indicators[0].weight ?? 0) + 10;
    const weights = await call(ctx().app, assoc, "PUT", `/api/v1/evaluation-systems/${draft.id}`, {
      definition: csc,
    });
    assert.equal(weights.statusCode, 422, weights.body);
    assert.deepEqual(
      weights.json().error.fields.find((f: Field) => f.field === "definition.sections[0].indicators"),
      {
        field: "definition.sections[0].indicators",
        code: "system_issue",
        message: "要素“strategy”的指标权重之和为 110，应为 100",
      },
    );
    const inEnglish = await call(
      ctx().app,
      assoc,
      "PUT",
      `/api/v1/evaluation-systems/${draft.id}`,
      { definition: csc },
      EN,
    );
    assert.equal(
      inEnglish.json().error.fields.find((f: Field) => f.field === "definition.sections[0].indicators")
        .message,
      'indicator weights of section "strategy" sum to 110, not 100',
    );

    // Wrong types: named by their path, in Chinese.
    const typed = structuredClone(draft.definition);
    typed.sections[0].indicators[0].maxPoints = "25";
    typed.sections[0].colour = "red";
    const types = await call(ctx().app, assoc, "PUT", `/api/v1/evaluation-systems/${draft.id}`, {
      definition: typed,
    });
    assert.equal(types.statusCode, 422, types.body);
    assert.deepEqual(
      types
        .json()
        .error.fields.map((f: Field) => `${f.field} ${f.message}`)
        .sort(),
      [
        "definition.sections[0].colour 不认识的字段",
        "definition.sections[0].indicators[0].maxPoints 类型不正确：应为数字，实为文本",
      ],
    );
    const notObject = await call(ctx().app, assoc, "PUT", `/api/v1/evaluation-systems/${draft.id}`, {
      definition: 5,
    });
    assert.equal(notObject.statusCode, 422, notObject.body);
    assert.equal(notObject.json().error.fields[0].field, "definition");

    const stored = await call(ctx().app, assoc, "GET", `/api/v1/evaluation-systems/${draft.id}`);
    assert.deepEqual(stored.json().definition, draft.definition, "nothing half-written");
    assert.equal(await count("select count(*)::int as n from audit_log"), audits);
  });

  it("saves a fixed draft, publishes it, then refuses to edit the published version (409)", async () => {
    const created = await call(ctx().app, assoc, "POST", `/api/v1/evaluation-systems/${star.id}/versions`, {
      version: "2027.1",
    });
    const draft = created.json();
    const fixed = unbalanced(draft.definition);
    const second = fixed.sections[0]?.indicators[1];
    assert.ok(second);
    second.maxPoints -= 5;
    const saved = await call(ctx().app, assoc, "PUT", `/api/v1/evaluation-systems/${draft.id}`, {
      definition: fixed,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    // Only a warning is left: the first indicator's best option no longer earns its 30 points.
    assert.deepEqual(
      saved.json().issues.map((i: Issue) => `${i.severity} ${i.code}`),
      ["warning scoring_full_unreachable"],
    );
    const published = await call(ctx().app, assoc, "POST", `/api/v1/evaluation-systems/${draft.id}/publish`);
    assert.equal(published.statusCode, 200, published.body);
    const edit = await call(ctx().app, assoc, "PUT", `/api/v1/evaluation-systems/${draft.id}`, {
      definition: fixed,
    });
    assert.equal(edit.statusCode, 409, edit.body);
    assert.equal(edit.json().error.code, "EVALUATION_SYSTEM_PUBLISHED");
    assert.match(edit.json().error.message, /已发布，不能修改/);
    // Its detail lists warnings in the reader's language with both texts.
    const detail = await call(ctx().app, assoc, "GET", `/api/v1/evaluation-systems/${draft.id}`);
    assert.equal(detail.statusCode, 200, detail.body);
    const [warning] = detail.json().issues as Issue[];
    assert.deepEqual(warning, {
      path: "sections[0].indicators[0].options",
      code: "scoring_full_unreachable",
      severity: "warning",
      message: "没有任何答案能得到满分 30（最高 25）",
      zh: "没有任何答案能得到满分 30（最高 25）",
      en: "no answer earns maxPoints 30 (best 25)",
    });
  });

  it("lets only editors validate and copy versions", async () => {
    const regulator = await login(ctx().app, ctx().fixtures.users.regulator);
    const v = await call(ctx().app, regulator, "POST", "/api/v1/evaluation-systems/validate", {
      definition: STAR_RATING_SYSTEM,
    });
    assert.equal(v.statusCode, 403);
    const c = await call(ctx().app, regulator, "POST", `/api/v1/evaluation-systems/${star.id}/versions`, {});
    assert.equal(c.statusCode, 403);
  });
});
