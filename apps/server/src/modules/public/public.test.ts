import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeWithFixtures } from "../../testing/fixtures.ts";

// What anyone may read without signing in: health, the public portal, the reference code lists, the API docs.
// (One suite for the small public modules, so they share one database setup.)
describeWithFixtures("public endpoints", (ctx) => {
  before(async () => {
    await ctx().db.query(
      `insert into cluster_indicators (cluster, year, indicator_key, indicator, value, unit, source) values
         ('pinghu', 2022, 'output', '服装产业总产值', 301.5, '亿元', 'test'),
         ('pinghu', 2023, 'output', '服装产业总产值', 320.25, '亿元', 'test'),
         ('elsewhere', 2023, 'output', '别处产值', 1, '亿元', 'test')`,
    );
  });

  it("/api/health answers anonymously, naming the database behind the server (GET and HEAD)", async () => {
    const { app, kind } = ctx();
    const res = await app.inject({ url: "/api/health" });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: "ok", database: kind });
    assert.equal((await app.inject({ method: "HEAD", url: "/api/health" })).statusCode, 200);
  });

  const codeList = async (path: string) => {
    const res = await ctx().app.inject({ url: `/api/v1/reference/${path}` });
    assert.equal(res.statusCode, 200, path);
    return res.json().items as { code: string; name: string }[];
  };

  it("reference towns: the six towns and three sub-districts of Pinghu", async () => {
    const towns = await codeList("towns");
    assert.equal(towns.length, 9);
    assert.equal(towns.filter((t) => t.name.endsWith("街道")).length, 3);
    assert.equal(towns.filter((t) => t.name.endsWith("镇")).length, 6);
    assert.ok(towns.some((t) => t.code === "danghu" && t.name === "当湖街道"));
  });

  it("reference certification and honour types, in their display order", async () => {
    const certs = await codeList("certification-types");
    assert.equal(certs[0]?.code, "ISO9001");
    assert.ok(certs.some((c) => c.code === "CSC9000T"));
    const honours = await codeList("honour-types");
    assert.equal(honours[0]?.code, "EXPORT_EXEMPT");
    assert.equal(honours.at(-1)?.code, "OTHER");
  });

  it("/api/v1/public/cluster answers anonymously: enterprises by town and the indicators by year", async () => {
    const res = await ctx().app.inject({ url: "/api/v1/public/cluster" });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ["enterpriseCount", "indicators", "name", "towns"]);
    assert.equal(body.name, "平湖服装产业集群");
    assert.equal(body.enterpriseCount, 2);
    assert.equal(body.towns.length, 9);
    const byCode = Object.fromEntries(
      body.towns.map((t: { code: string; enterprises: number }) => [t.code, t]),
    );
    assert.deepEqual(byCode.danghu, { code: "danghu", name: "当湖街道", enterprises: 1 });
    assert.equal(byCode.xincang.enterprises, 1);
    assert.equal(byCode.zhapu.enterprises, 0);
    const counts = body.towns.map((t: { enterprises: number }) => t.enterprises);
    assert.deepEqual(
      counts,
      [...counts].sort((a: number, b: number) => b - a),
    );
    assert.deepEqual(body.indicators, [
      { year: 2022, indicatorKey: "output", indicator: "服装产业总产值", value: 301.5, unit: "亿元" },
      { year: 2023, indicatorKey: "output", indicator: "服装产业总产值", value: 320.25, unit: "亿元" },
    ]);
  });

  it("/api/openapi.json documents the enterprise routes", async () => {
    const res = await ctx().app.inject({ url: "/api/openapi.json" });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    assert.equal(doc.info.title, "Jingwei (经纬) API");
    assert.deepEqual(Object.keys(doc.paths["/api/v1/enterprises"]).sort(), ["get", "post"]);
    assert.deepEqual(Object.keys(doc.paths["/api/v1/enterprises/{id}"]).sort(), ["get", "patch"]);
    assert.ok(doc.paths["/api/v1/enterprises/{id}/history"]?.get);
    assert.ok(doc.paths["/api/v1/enterprises/export"]?.get);
    const create = doc.paths["/api/v1/enterprises"].post;
    assert.deepEqual(create.tags, ["enterprises"]);
    assert.ok(create.requestBody.content["application/json"].schema.properties.uscc);
    assert.ok(create.responses["201"]);
    const list = doc.paths["/api/v1/enterprises"].get;
    assert.ok(list.parameters.some((p: { name: string; in: string }) => p.name === "q" && p.in === "query"));
    assert.ok(doc.components.securitySchemes.session);
    // The document itself is hidden, and every documented path is under /api.
    assert.equal(doc.paths["/api/openapi.json"], undefined);
    for (const path of Object.keys(doc.paths)) assert.match(path, /^\/api\//);
  });

  it("/api/docs serves the API explorer", async () => {
    const res = await ctx().app.inject({ url: "/api/docs" });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /text\/html/);
    assert.match(res.body, /swagger/i);
  });
});
