import assert from "node:assert/strict";
import { before, it } from "node:test";
import argon2 from "argon2";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, freshAddress, login, TEST_PASSWORD } from "../../testing/harness.ts";
import { createUser } from "../users/service.ts";

const LOGIN = "/api/auth/login";

describeWithFixtures("auth", (ctx) => {
  const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
    ctx().app.inject({
      method: "POST",
      url: LOGIN,
      payload: { username, password },
      headers,
      remoteAddress: freshAddress(),
    });

  let disabledUser: string;
  before(async () => {
    const { db, app, fixtures } = ctx();
    const user = await createUser(db, null, {
      username: "t-disabled",
      displayName: "停用账号",
      role: "inspector",
      password: TEST_PASSWORD,
    });
    disabledUser = user.username;
    const admin = await login(app, fixtures.users.admin);
    const res = await call(app, admin, "PATCH", `/api/v1/users/${user.id}`, { disabled: true });
    assert.equal(res.statusCode, 200);
  });

  it("signs in: the user, a CSRF token and an httpOnly SameSite=Lax session cookie", async () => {
    const { fixtures } = ctx();
    const res = await signIn(fixtures.users.regulator, TEST_PASSWORD);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.user.username, fixtures.users.regulator);
    assert.equal(body.user.role, "regulator");
    assert.equal(body.user.disabled, false);
    assert.equal(typeof body.csrfToken, "string");
    assert.ok(body.csrfToken.length >= 20);
    assert.equal(body.user.password_hash, undefined);
    assert.equal(body.user.passwordHash, undefined);
    const cookie = res.cookies.find((c) => c.name === "jw_session");
    assert.ok(cookie, "session cookie");
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, "Lax");
    assert.equal(cookie.path, "/");
    assert.equal(cookie.maxAge, 12 * 3600);
    assert.ok(cookie.value.length >= 32);
    // The cookie carries the session id, never the CSRF token: a script cannot read one and forge the other.
    assert.notEqual(cookie.value, body.csrfToken);
  });

  it("the database keeps only a digest of the session id", async () => {
    const { db, app, fixtures } = ctx();
    const session = await login(app, fixtures.users.lab);
    const token = session.cookie.replace("jw_session=", "");
    const rows = await db.query<{ id: string }>("select id from sessions where id = $1", [token]);
    assert.equal(rows.length, 0);
  });

  it("accepts the username in any letter case", async () => {
    const res = await signIn(ctx().fixtures.users.admin.toUpperCase(), TEST_PASSWORD);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().user.username, ctx().fixtures.users.admin);
  });

  it("a wrong password and an unknown user get the same 401 INVALID_CREDENTIALS answer", async () => {
    const wrong = await signIn(ctx().fixtures.users.admin, "not-the-password");
    const unknown = await signIn("no-such-user", "not-the-password");
    for (const res of [wrong, unknown]) {
      assert.equal(res.statusCode, 401);
      assert.deepEqual(res.json(), {
        error: { code: "INVALID_CREDENTIALS", message: "用户名或密码错误" },
      });
      assert.equal(
        res.cookies.find((c) => c.name === "jw_session"),
        undefined,
      );
    }
    assert.equal(wrong.body, unknown.body);
  });

  it("a disabled account cannot sign in (403 ACCOUNT_DISABLED), and says so only to the right password", async () => {
    const ok = await signIn(disabledUser, TEST_PASSWORD);
    assert.equal(ok.statusCode, 403);
    assert.equal(ok.json().error.code, "ACCOUNT_DISABLED");
    assert.equal(ok.json().error.message, "账号已停用，请联系管理员");
    const wrong = await signIn(disabledUser, "not-the-password");
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, "INVALID_CREDENTIALS");
  });

  it("/me answers the signed-in user and the session's CSRF token; anonymous gets 401 UNAUTHENTICATED", async () => {
    const { app, fixtures } = ctx();
    const session = await login(app, fixtures.users.enterprise);
    const me = await call(app, session, "GET", "/api/auth/me");
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.username, fixtures.users.enterprise);
    assert.equal(me.json().user.enterpriseId, fixtures.enterpriseA.id);
    assert.equal(me.json().user.enterpriseName, fixtures.enterpriseA.name);
    assert.equal(me.json().csrfToken, session.csrf);
    const anon = await call(app, null, "GET", "/api/auth/me");
    assert.equal(anon.statusCode, 401);
    assert.equal(anon.json().error.code, "UNAUTHENTICATED");
  });

  it("signing in is audited", async () => {
    const { app, db, fixtures } = ctx();
    await login(app, fixtures.users.association);
    const rows = await db.query<{ actor_name: string }>(
      "select actor_name from audit_log where action = 'auth.login' and entity_id = $1",
      [fixtures.userIds.association],
    );
    assert.ok(rows.length >= 1);
    assert.match(rows[0]?.actor_name ?? "", /t-association/);
  });

  it("logout ends the session: the cookie is cleared and the old cookie is refused", async () => {
    const { app, db, fixtures } = ctx();
    const session = await login(app, fixtures.users.inspector);
    const count = async () =>
      (
        await db.query<{ n: number }>("select count(*)::int as n from sessions where user_id = $1", [
          fixtures.userIds.inspector,
        ])
      )[0]?.n;
    const sessionsBefore = await count();
    const out = await call(app, session, "POST", "/api/auth/logout");
    assert.equal(out.statusCode, 204);
    const cleared = out.cookies.find((c) => c.name === "jw_session");
    assert.ok(cleared, "logout sends a clearing cookie");
    assert.equal(cleared.value, "");
    assert.ok((cleared.expires?.getTime() ?? Date.now()) <= Date.now());
    assert.equal(await count(), (sessionsBefore ?? 0) - 1);
    const later = await call(app, session, "GET", "/api/auth/me");
    assert.equal(later.statusCode, 401);
    assert.equal(later.json().error.code, "SESSION_EXPIRED");
  });

  it("an expired session is refused with 401 SESSION_EXPIRED", async () => {
    const { app, db, fixtures } = ctx();
    const session = await login(app, fixtures.users.lab);
    assert.equal((await call(app, session, "GET", "/api/auth/me")).statusCode, 200);
    await db.query("update sessions set expires_at = now() - interval '1 minute' where user_id = $1", [
      fixtures.userIds.lab,
    ]);
    const res = await call(app, session, "GET", "/api/v1/enterprises");
    assert.equal(res.statusCode, 401);
    assert.deepEqual(res.json(), {
      error: { code: "SESSION_EXPIRED", message: "登录已过期，请重新登录" },
    });
  });

  it("an unknown session cookie is refused with 401 SESSION_EXPIRED", async () => {
    const res = await call(ctx().app, { cookie: "jw_session=forged", csrf: "x" }, "GET", "/api/auth/me");
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, "SESSION_EXPIRED");
  });

  it("a mutation without the x-csrf-token header, or with a wrong one, is refused (403 CSRF)", async () => {
    const { app, fixtures } = ctx();
    const session = await login(app, fixtures.users.admin);
    const url = `/api/v1/enterprises/${fixtures.enterpriseB.id}`;
    const missing = await app.inject({
      method: "PATCH",
      url,
      payload: { employees: 81 },
      headers: { cookie: session.cookie },
    });
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().error.code, "CSRF");
    const wrong = await call(app, session, "PATCH", url, { employees: 81 }, { "x-csrf-token": "wrong" });
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json().error.code, "CSRF");
    // Another session's token is just as wrong.
    const other = await login(app, fixtures.users.admin);
    const crossed = await call(app, session, "PATCH", url, { employees: 81 }, { "x-csrf-token": other.csrf });
    assert.equal(crossed.statusCode, 403);
    const logout = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.cookie },
    });
    assert.equal(logout.statusCode, 403);
    assert.equal(logout.json().error.code, "CSRF");
    // Nothing changed, and the session is still alive.
    const b = await call(app, session, "GET", url);
    assert.equal(b.statusCode, 200);
    assert.equal(b.json().employees, 80);
    // Reads need no token; the right token lets the mutation through.
    const right = await call(app, session, "PATCH", url, { employees: 81 });
    assert.equal(right.statusCode, 200);
    assert.equal(right.json().employees, 81);
  });

  it("errors are { error: { code, message } }, in Chinese by default and English for Accept-Language: en-US", async () => {
    const { app } = ctx();
    const zh = await call(app, null, "GET", "/api/v1/enterprises");
    assert.equal(zh.statusCode, 401);
    assert.match(String(zh.headers["content-type"]), /^application\/json/);
    assert.deepEqual(zh.json(), { error: { code: "UNAUTHENTICATED", message: "请先登录" } });
    const en = await call(app, null, "GET", "/api/v1/enterprises", undefined, { "accept-language": "en-US" });
    assert.deepEqual(en.json(), { error: { code: "UNAUTHENTICATED", message: "Please sign in" } });
    const enFirst = await call(app, null, "GET", "/api/v1/enterprises", undefined, {
      "accept-language": "en-GB,en;q=0.9,zh-CN;q=0.8",
    });
    assert.equal(enFirst.json().error.message, "Please sign in");
    const zhFirst = await call(app, null, "GET", "/api/v1/enterprises", undefined, {
      "accept-language": "zh-CN,zh;q=0.9,en;q=0.8",
    });
    assert.equal(zhFirst.json().error.message, "请先登录");
    const wrong = await signIn("no-such-user", "x", { "accept-language": "en-US" });
    assert.deepEqual(wrong.json(), {
      error: { code: "INVALID_CREDENTIALS", message: "Wrong username or password" },
    });
  });

  it("validation errors list each field with a code and a message in the request's language", async () => {
    const res = await ctx().app.inject({
      method: "POST",
      url: LOGIN,
      payload: { username: "", extra: 1 },
      headers: { "accept-language": "en-US" },
      remoteAddress: freshAddress(),
    });
    assert.equal(res.statusCode, 400);
    const { error } = res.json();
    assert.equal(error.code, "VALIDATION");
    assert.equal(error.message, "Some fields are invalid");
    const byField = Object.fromEntries(
      error.fields.map((f: { field: string; code: string; message: string }) => [f.field, f]),
    );
    assert.deepEqual(byField.username, { field: "username", code: "required", message: "Required" });
    assert.deepEqual(byField.password, { field: "password", code: "required", message: "Required" });
    assert.deepEqual(byField.extra, { field: "extra", code: "unknown_field", message: "Unknown field" });
  });

  it("passwords are stored as argon2id hashes, never as given", async () => {
    const { db } = ctx();
    const rows = await db.query<{ username: string; password_hash: string }>(
      "select username, password_hash from users",
    );
    assert.ok(rows.length >= 6);
    for (const row of rows) {
      assert.match(row.password_hash, /^\$argon2id\$v=19\$/, row.username);
      assert.ok(!row.password_hash.includes(TEST_PASSWORD));
    }
    assert.equal(await argon2.verify(rows[0]?.password_hash ?? "", TEST_PASSWORD), true);
    // Each hash has its own salt.
    assert.equal(new Set(rows.map((r) => r.password_hash)).size, rows.length);
  });

  it("sign-in attempts are rate limited per client address (429 RATE_LIMITED)", async () => {
    const { app } = ctx();
    const attempt = () =>
      app.inject({
        method: "POST",
        url: LOGIN,
        // An invalid body is answered without hashing, and still counts against the limit.
        payload: { username: "no-such-user" },
        remoteAddress: "192.0.2.77",
      });
    for (let i = 0; i < 10; i++) assert.equal((await attempt()).statusCode, 400, `attempt ${i + 1}`);
    const limited = await attempt();
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, "RATE_LIMITED");
    assert.equal(limited.json().error.message, "操作过于频繁，请稍后再试");
    // Another address is not affected.
    assert.equal((await signIn(ctx().fixtures.users.admin, TEST_PASSWORD)).statusCode, 200);
  });
});
