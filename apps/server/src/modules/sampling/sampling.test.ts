import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { AQL_LABELS, INSPECTION_LEVELS, INSPECTION_STAGES, samplingPlan } from "@jingwei/rules";
import { describeEachDb } from "../../testing/harness.ts";

// GET /api/v1/sampling/plan and /plans: the ISO 2859-1 / GB/T 2828.1 rules behind the platform's edge — public,
// validated field by field, documented. The route touches no database; the app needs one all the same.

const PLAN = "/api/v1/sampling/plan";
const PLANS = "/api/v1/sampling/plans";

describeEachDb("sampling plans", (ctx) => {
  const get = (url: string, locale = "zh-CN") =>
    ctx().app.inject({ method: "GET", url, headers: { "accept-language": locale } });

  /** A 400 VALIDATION naming exactly `fields` (field → code), with zh/en texts. */
  async function rejects(url: string, fields: Record<string, string>) {
    for (const locale of ["zh-CN", "en-US"]) {
      const res = await get(url, locale);
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      const { error } = res.json();
      assert.equal(error.code, "VALIDATION", url);
      assert.equal(
        error.message,
        locale === "zh-CN" ? "提交的数据有误，请检查标出的字段" : "Some fields are invalid",
      );
      const got = Object.fromEntries(
        error.fields.map((f: { field: string; code: string }) => [f.field, f.code]),
      );
      assert.deepEqual(got, fields, url);
      for (const f of error.fields) assert.ok(f.message.length > 0, `${url} ${f.field}`);
    }
  }

  it("the issue's example: lot 1200, level II, AQL 2.5, normal → J, n 80, Ac 5 Re 6", async () => {
    const res = await get(`${PLAN}?lotSize=1200&level=II&aql=2.5&stage=normal`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      codeLetter: "J",
      planLetter: "J",
      planSampleSize: 80,
      sampleSize: 80,
      accept: 5,
      reject: 6,
      fullInspection: false,
      aql: "2.5",
      table: "2-A",
      tableVerified: true,
    });
  });

  it("answers anonymously, and level and stage default to II and normal", async () => {
    // No cookie at all: the route is public.
    const res = await ctx().app.inject({ url: `${PLAN}?lotSize=1200&aql=2.5` });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      [res.json().codeLetter, res.json().sampleSize, res.json().accept, res.json().reject],
      ["J", 80, 5, 6],
    );
    const plans = await ctx().app.inject({ url: `${PLANS}?lotSize=1200` });
    assert.equal(plans.statusCode, 200, plans.body);
  });

  it("AQL as printed or as a bare number: 0.65, 0.010, 4, 1.0", async () => {
    const cases: [string, string, number, number][] = [
      ["0.65", "0.65", 80, 1],
      ["0.010", "0.010", 1250, 0],
      ["0.01", "0.010", 1250, 0],
      ["4", "4.0", 80, 7],
      ["1.0", "1.0", 80, 2],
    ];
    for (const [aql, label, n, ac] of cases) {
      const res = await get(`${PLAN}?lotSize=1200&level=II&aql=${aql}&stage=normal`);
      assert.equal(res.statusCode, 200, `${aql}: ${res.body}`);
      const p = res.json();
      assert.equal(p.aql, label, aql);
      assert.deepEqual([p.planSampleSize, p.accept], [n, ac], aql);
    }
  });

  it("full inspection when the plan's n ≥ lot size: sampleSize is the lot size", async () => {
    const res = await get(`${PLAN}?lotSize=10&level=III&aql=0.65&stage=normal`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      codeLetter: "C",
      planLetter: "F",
      planSampleSize: 20,
      sampleSize: 10,
      accept: 0,
      reject: 1,
      fullInspection: true,
      aql: "0.65",
      table: "2-A",
      tableVerified: true,
    });
    // n equal to the lot size is full inspection too.
    const equal = (await get(`${PLAN}?lotSize=5&level=II&aql=2.5`)).json();
    assert.deepEqual([equal.sampleSize, equal.fullInspection], [5, true]);
  });

  it("tightened (Table 2-B) and reduced (Table 2-C) answers, marked unverified", async () => {
    const tightened = (await get(`${PLAN}?lotSize=1200&level=II&aql=2.5&stage=tightened`)).json();
    assert.deepEqual(tightened, {
      codeLetter: "J",
      planLetter: "J",
      planSampleSize: 80,
      sampleSize: 80,
      accept: 3,
      reject: 4,
      fullInspection: false,
      aql: "2.5",
      table: "2-B",
      tableVerified: false,
    });
    // An arrow on tightened: J at 0.65 moves down to K, n 125, 1/2.
    const arrow = (await get(`${PLAN}?lotSize=1200&level=II&aql=0.65&stage=tightened`)).json();
    assert.deepEqual(
      [arrow.codeLetter, arrow.planLetter, arrow.sampleSize, arrow.accept],
      ["J", "K", 125, 1],
    );
    const reduced = (await get(`${PLAN}?lotSize=1200&level=II&aql=2.5&stage=reduced`)).json();
    assert.deepEqual(reduced, {
      codeLetter: "J",
      planLetter: "J",
      planSampleSize: 32,
      sampleSize: 32,
      accept: 3,
      reject: 4,
      fullInspection: false,
      aql: "2.5",
      table: "2-C",
      tableVerified: false,
    });
  });

  it("agrees with the rules for every level and stage across lot sizes and AQLs", async () => {
    for (const level of INSPECTION_LEVELS) {
      for (const stage of INSPECTION_STAGES) {
        for (const [lotSize, aql] of [
          [2, "0.010"],
          [90, "1.5"],
          [3200, "4.0"],
          [600_000, "1000"],
        ] as const) {
          const res = await get(`${PLAN}?lotSize=${lotSize}&level=${level}&aql=${aql}&stage=${stage}`);
          assert.equal(res.statusCode, 200, res.body);
          const { aql: _label, table: _table, tableVerified: _verified, ...plan } = res.json();
          assert.deepEqual(plan, samplingPlan({ lotSize, level, aql: Number(aql), stage }));
        }
      }
    }
  });

  it("every bad parameter → 400 naming its field", async () => {
    const ok = { lotSize: "1200", level: "II", aql: "2.5", stage: "normal" };
    const url = (patch: Record<string, string | undefined>) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...ok, ...patch })) if (v !== undefined) q.set(k, v);
      return `${PLAN}?${q}`;
    };
    await rejects(url({ lotSize: "0" }), { lotSize: "out_of_range" });
    await rejects(url({ lotSize: "-5" }), { lotSize: "out_of_range" });
    await rejects(url({ lotSize: "1.5" }), { lotSize: "type" });
    await rejects(url({ lotSize: "abc" }), { lotSize: "type" });
    await rejects(url({ lotSize: "" }), { lotSize: "type" });
    await rejects(url({ lotSize: "99999999999999999999" }), { lotSize: "out_of_range" });
    await rejects(url({ lotSize: undefined }), { lotSize: "required" });
    await rejects(url({ level: "IV" }), { level: "not_allowed" });
    await rejects(url({ level: "ii" }), { level: "not_allowed" });
    await rejects(url({ level: "G-2" }), { level: "not_allowed" });
    await rejects(url({ stage: "strict" }), { stage: "not_allowed" });
    await rejects(url({ stage: "Normal" }), { stage: "not_allowed" });
    for (const aql of ["3", "0", "2.5%", "abc", "-2.5", "", "0.3"]) {
      await rejects(url({ aql }), { aql: "not_allowed" });
    }
    await rejects(url({ aql: undefined }), { aql: "required" });
    // Several at once: the schema's checks report together.
    await rejects(url({ lotSize: "0", level: "IV", stage: "x" }), {
      lotSize: "out_of_range",
      level: "not_allowed",
      stage: "not_allowed",
    });
  });

  it("the field messages are localised", async () => {
    const zh = (await get(`${PLAN}?lotSize=1200&aql=3`, "zh-CN")).json();
    assert.deepEqual(zh.error.fields, [{ field: "aql", code: "not_allowed", message: "取值不在允许范围内" }]);
    const en = (await get(`${PLAN}?lotSize=0&aql=2.5`, "en-US")).json();
    assert.deepEqual(en.error.fields, [{ field: "lotSize", code: "out_of_range", message: "Out of range" }]);
  });

  it("plans for the three classes: garment defaults 0 / 2.5 / 4.0, critical not allowed", async () => {
    const res = await get(`${PLANS}?lotSize=1200&level=II&stage=normal`);
    assert.equal(res.statusCode, 200, res.body);
    const { critical, major, minor } = res.json();
    assert.deepEqual(
      [major.codeLetter, major.sampleSize, major.accept, major.reject, major.aql],
      ["J", 80, 5, 6, "2.5"],
    );
    assert.deepEqual([minor.sampleSize, minor.accept, minor.reject, minor.aql], [80, 7, 8, "4.0"]);
    assert.deepEqual(
      [critical.codeLetter, critical.sampleSize, critical.accept, critical.reject, critical.aql],
      ["J", 80, 0, 1, "0"],
    );
    assert.equal(critical.zeroAcceptance, true);
    assert.equal(major.zeroAcceptance, false);
    assert.equal(minor.zeroAcceptance, false);
  });

  it("critical not allowed is judged on the larger of the major and minor samples", async () => {
    // Lot 200, II → G. Major 0.65 arrows up to F (n 20), minor 2.5 stays on G (n 32): critical uses n 32.
    const { critical, major, minor } = (
      await get(`${PLANS}?lotSize=200&aqlCritical=0&aqlMajor=0.65&aqlMinor=2.5`)
    ).json();
    assert.deepEqual([major.planLetter, major.sampleSize], ["F", 20]);
    assert.deepEqual([minor.planLetter, minor.sampleSize], ["G", 32]);
    assert.deepEqual(
      [critical.planLetter, critical.sampleSize, critical.accept, critical.reject],
      ["G", 32, 0, 1],
    );
  });

  it("an AQL for critical defects gives a plan of the tables (0.065 on J: ↓ to L, n 200, 0/1)", async () => {
    const { critical } = (await get(`${PLANS}?lotSize=1200&aqlCritical=0.065`)).json();
    assert.deepEqual(
      [critical.codeLetter, critical.planLetter, critical.sampleSize, critical.accept, critical.reject],
      ["J", "L", 200, 0, 1],
    );
    assert.equal(critical.zeroAcceptance, false);
  });

  it("plans: stage and full inspection apply to every class", async () => {
    const body = (await get(`${PLANS}?lotSize=10&level=III&stage=reduced&aqlCritical=0.65`)).json();
    for (const cls of ["critical", "major", "minor"]) {
      assert.equal(body[cls].table, "2-C", cls);
      assert.equal(body[cls].tableVerified, false, cls);
    }
    const small = (await get(`${PLANS}?lotSize=3`)).json();
    for (const cls of ["critical", "major", "minor"]) {
      assert.deepEqual([small[cls].sampleSize, small[cls].fullInspection], [3, true], cls);
    }
  });

  it("plans: every bad parameter → 400 naming its field (0 only for critical)", async () => {
    await rejects(`${PLANS}?lotSize=0`, { lotSize: "out_of_range" });
    await rejects(`${PLANS}?lotSize=x`, { lotSize: "type" });
    await rejects(`${PLANS}`, { lotSize: "required" });
    await rejects(`${PLANS}?lotSize=1200&level=V`, { level: "not_allowed" });
    await rejects(`${PLANS}?lotSize=1200&stage=loose`, { stage: "not_allowed" });
    await rejects(`${PLANS}?lotSize=1200&aqlCritical=0.3`, { aqlCritical: "not_allowed" });
    await rejects(`${PLANS}?lotSize=1200&aqlMajor=0`, { aqlMajor: "not_allowed" });
    await rejects(`${PLANS}?lotSize=1200&aqlMinor=5`, { aqlMinor: "not_allowed" });
    await rejects(`${PLANS}?lotSize=1200&aqlCritical=x&aqlMajor=3&aqlMinor=0`, {
      aqlCritical: "not_allowed",
      aqlMajor: "not_allowed",
      aqlMinor: "not_allowed",
    });
  });

  it("the OpenAPI document lists both routes, public, with described parameters and responses", async () => {
    const doc = (await ctx().app.inject({ url: "/api/openapi.json" })).json();
    for (const path of [PLAN, PLANS]) {
      const op = doc.paths[path]?.get;
      assert.ok(op, `${path} is documented`);
      assert.deepEqual(op.tags, ["sampling"]);
      assert.deepEqual(op.security, [], `${path} needs no session`);
      assert.ok(op.summary);
      for (const p of op.parameters) {
        assert.equal(p.in, "query");
        assert.ok(p.description, `${path} ${p.name} has a description`);
      }
      const props = op.responses["200"].content["application/json"].schema.properties;
      assert.ok(op.responses["400"], `${path} documents its 400`);
      if (path === PLAN) {
        for (const key of [
          "codeLetter",
          "sampleSize",
          "accept",
          "reject",
          "fullInspection",
          "tableVerified",
        ]) {
          assert.ok(props[key]?.description, `${key} is described`);
        }
      } else {
        assert.deepEqual(Object.keys(props).sort(), ["critical", "major", "minor"]);
      }
    }
    const params = Object.fromEntries(
      doc.paths[PLAN].get.parameters.map((p: { name: string }) => [p.name, p]),
    );
    assert.deepEqual(Object.keys(params).sort(), ["aql", "level", "lotSize", "stage"]);
    assert.equal(params.lotSize.required, true);
    assert.equal(params.aql.required, true);
    assert.equal(params.level.required, false);
    assert.deepEqual(params.level.schema.enum, [...INSPECTION_LEVELS]);
    assert.deepEqual(params.stage.schema.enum, [...INSPECTION_STAGES]);
    for (const label of AQL_LABELS) assert.ok(params.aql.description.includes(label), label);
  });
});

describe("jingwei sampling (CLI)", () => {
  const main = fileURLToPath(new URL("../../main.ts", import.meta.url));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", main, "sampling", ...args], {
      encoding: "utf8",
      env: { ...process.env, LANG: "en_US.UTF-8", LC_ALL: "" },
    });

  it("plan prints the API's JSON", () => {
    const r = cli("plan", "--lot", "1200", "--level", "II", "--aql", "2.5");
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      codeLetter: "J",
      planLetter: "J",
      planSampleSize: 80,
      sampleSize: 80,
      accept: 5,
      reject: 6,
      fullInspection: false,
      aql: "2.5",
      table: "2-A",
      tableVerified: true,
    });
    const tightened = cli("plan", "--lot", "1200", "--aql", "2.5", "--stage", "tightened");
    assert.equal(tightened.status, 0, tightened.stderr);
    assert.deepEqual(
      [JSON.parse(tightened.stdout).accept, JSON.parse(tightened.stdout).tableVerified],
      [3, false],
    );
  });

  it("plans prints the three classes", () => {
    const r = cli("plans", "--lot", "1200");
    assert.equal(r.status, 0, r.stderr);
    const body = JSON.parse(r.stdout);
    assert.deepEqual([body.critical.accept, body.major.accept, body.minor.accept], [0, 5, 7]);
  });

  it("bad input: a message naming each bad option and a non-zero exit", () => {
    const r = cli("plan", "--lot", "0", "--level", "IV", "--aql", "3");
    assert.notEqual(r.status, 0);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /Some fields are invalid/);
    assert.match(r.stderr, /--lot "0": Out of range/);
    assert.match(r.stderr, /--level "IV": Not one of the allowed values \(S-1, S-2, S-3, S-4, I, II, III\)/);
    assert.match(r.stderr, /--aql "3": Not one of the allowed values \(0\.010, .*, 1000\)/);
    const missing = cli("plan", "--aql", "2.5");
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /--lot/);
    const typo = cli("plan", "--lot", "12x", "--aql", "2.5");
    assert.notEqual(typo.status, 0);
    assert.match(typo.stderr, /--lot "12x": Wrong type/);
  });
});
