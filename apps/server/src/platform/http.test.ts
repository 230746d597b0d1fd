// Request handling shared by every route: default deny at registration, the error envelope for what never reaches
// a handler (unknown routes, unreadable or oversized bodies).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify from "fastify";
import { buildApp } from "../app.ts";
import { createTestDb, type TestDb } from "../testing/harness.ts";
import { loadConfig } from "./config.ts";
import { type App, installAccessControl, installErrorHandling } from "./http.ts";

describe("request handling", () => {
  let t: TestDb;
  let app: App;
  before(async () => {
    t = await createTestDb("pglite");
    app = await buildApp({ db: t.db, config: loadConfig({}), serveWeb: false });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it("default deny: an /api route that declares no access rule cannot be registered", async () => {
    const bare = Fastify().withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
    installErrorHandling(bare);
    installAccessControl(bare, t.db);
    assert.throws(() => bare.get("/api/v1/forgotten", async () => ({ ok: true })), /declares no access rule/);
    // Routes outside the API (the web console's files) need none.
    bare.get("/index.html", async () => "ok");
    await bare.close();
  });

  it("an unknown /api path answers 404 ROUTE_NOT_FOUND in the envelope, for any method", async () => {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const res = await app.inject({ method, url: "/api/v1/nothing-here" });
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json(), { error: { code: "ROUTE_NOT_FOUND", message: "接口不存在" } });
    }
    const en = await app.inject({ url: "/api/v1/nothing-here", headers: { "accept-language": "en-US" } });
    assert.equal(en.json().error.message, "No such endpoint");
  });

  it("without the built console, other paths answer 404 too", async () => {
    const res = await app.inject({ url: "/console/enterprises" });
    assert.equal(res.statusCode, 404);
  });

  it("a body over the limit answers 413 FILE_TOO_LARGE with the limit in megabytes", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: JSON.stringify({ username: "x".repeat(3 * 1024 * 1024), password: "y" }),
      headers: { "content-type": "application/json" },
    });
    assert.equal(res.statusCode, 413);
    assert.deepEqual(res.json(), { error: { code: "FILE_TOO_LARGE", message: "文件过大（上限 2 MB）" } });
  });

  it("a NUL character, which PostgreSQL text cannot hold, is a field error (400), not a server error", async () => {
    const body = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin\u0000", password: "x" },
      remoteAddress: "192.0.2.200",
    });
    assert.equal(body.statusCode, 400, body.body);
    assert.deepEqual(body.json().error.fields, [
      { field: "username", code: "format", message: "格式不正确" },
    ]);
    const nested = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: "x", extra: [{ a: "\u0000" }] },
      remoteAddress: "192.0.2.200",
    });
    assert.equal(nested.json().error.fields[0].field, "extra[0].a");
    const query = await app.inject({ url: "/api/v1/reference/towns?q=%00" });
    assert.equal(query.statusCode, 400);
    assert.equal(query.json().error.fields[0].field, "q");
  });

  it("malformed JSON answers 400 BAD_REQUEST in the envelope", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: "{not json",
      headers: { "content-type": "application/json", "accept-language": "en-US" },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, "BAD_REQUEST");
    assert.match(res.json().error.message, /^Bad request: /);
  });
});
