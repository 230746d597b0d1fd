import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, freshAddress, login, type Session, TEST_PASSWORD } from "../../testing/harness.ts";

const BASE = "/api/v1/users";

type FieldError = { field: string; code: string; message: string };

describeWithFixtures("users", (ctx) => {
  let admin: Session;
  before(async () => {
    admin = await login(ctx().app, ctx().fixtures.users.admin);
  });

  const create = (body: Record<string, unknown>, headers?: Record<string, string>) =>
    call(ctx().app, admin, "POST", BASE, body, headers);
  const signIn = (username: string, password: string) =>
    ctx().app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password },
      remoteAddress: freshAddress(),
    });
  const sessionsOf = async (userId: string) =>
    (
      await ctx().db.query<{ n: number }>("select count(*)::int as n from sessions where user_id = $1", [
        userId,
      ])
    )[0]?.n;
  const auditOf = (userId: string) =>
    ctx().db.query<{ action: string; actor_id: string | null; before: unknown; after: unknown }>(
      "select action, actor_id, before, after from audit_log where entity_type = 'user' and entity_id = $1 order by id",
      [userId],
    );

  it("the admin creates an account (201) that can sign in", async () => {
    const res = await create({
      username: "u-inspector2",
      displayName: "检验员二",
      role: "inspector",
      password: "long-enough-1",
    });
    assert.equal(res.statusCode, 201, res.body);
    const user = res.json();
    assert.equal(user.username, "u-inspector2");
    assert.equal(user.role, "inspector");
    assert.equal(user.enterpriseId, null);
    assert.equal(user.disabled, false);
    assert.equal(user.password, undefined);
    assert.equal(user.passwordHash, undefined);
    assert.equal((await signIn("u-inspector2", "long-enough-1")).statusCode, 200);
  });

  it("an enterprise account is bound to an enterprise", async () => {
    const { fixtures } = ctx();
    const res = await create({
      username: "u-enterprise-b",
      displayName: "金穗",
      role: "enterprise",
      enterpriseId: fixtures.enterpriseB.id,
      password: "long-enough-1",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().enterpriseId, fixtures.enterpriseB.id);
    assert.equal(res.json().enterpriseName, fixtures.enterpriseB.name);
  });

  it("rejects a weak password, a taken username and an enterprise account without its enterprise", async () => {
    const { db, fixtures } = ctx();
    const count = async () => (await db.query<{ n: number }>("select count(*)::int as n from users"))[0]?.n;
    const before = await count();

    const weak = await create({ username: "u-weak", displayName: "弱", role: "lab", password: "short" });
    assert.equal(weak.statusCode, 400);
    const pw = weak.json().error.fields.find((f: FieldError) => f.field === "password");
    assert.ok(pw, weak.body);
    assert.equal(pw.code, "too_short");
    assert.equal(pw.message, "至少 8 个字符");

    for (const username of [fixtures.users.lab, fixtures.users.lab.toUpperCase()]) {
      const taken = await create({ username, displayName: "重名", role: "lab", password: "long-enough-1" });
      assert.equal(taken.statusCode, 409, username);
      assert.deepEqual(taken.json().error, {
        code: "USERNAME_TAKEN",
        message: `用户名 ${username} 已存在`,
      });
    }

    for (const enterpriseId of [undefined, null]) {
      const unbound = await create({
        username: "u-unbound",
        displayName: "未绑定",
        role: "enterprise",
        password: "long-enough-1",
        ...(enterpriseId === undefined ? {} : { enterpriseId }),
      });
      assert.equal(unbound.statusCode, 400);
      assert.deepEqual(unbound.json().error.fields, [
        { field: "enterpriseId", code: "enterprise_required", message: "企业用户必须绑定企业" },
      ]);
    }
    const unknownEnterprise = await create({
      username: "u-unbound",
      displayName: "未绑定",
      role: "enterprise",
      enterpriseId: "00000000-0000-4000-8000-000000000000",
      password: "long-enough-1",
    });
    assert.equal(unknownEnterprise.statusCode, 400);
    assert.equal(unknownEnterprise.json().error.fields[0].field, "enterpriseId");

    const badName = await create({
      username: "有 空格",
      displayName: "x",
      role: "lab",
      password: "long-enough-1",
    });
    assert.equal(badName.statusCode, 400);
    assert.equal(badName.json().error.fields[0].field, "username");
    const badRole = await create({
      username: "u-root",
      displayName: "x",
      role: "root",
      password: "long-enough-1",
    });
    assert.equal(badRole.statusCode, 400);
    assert.equal(badRole.json().error.fields[0].field, "role");

    assert.equal(await count(), before, "nothing written");
  });

  it("lists accounts, filtered by role and by name", async () => {
    const { app, fixtures } = ctx();
    const byRole = await call(app, admin, "GET", `${BASE}?role=enterprise`);
    assert.equal(byRole.statusCode, 200);
    assert.ok(byRole.json().items.every((u: { role: string }) => u.role === "enterprise"));
    assert.ok(
      byRole.json().items.some((u: { username: string }) => u.username === fixtures.users.enterprise),
    );
    const byName = await call(app, admin, "GET", `${BASE}?q=INSPECTOR2`);
    assert.deepEqual(
      byName.json().items.map((u: { username: string }) => u.username),
      ["u-inspector2"],
    );
    const paged = await call(app, admin, "GET", `${BASE}?pageSize=2&page=1`);
    assert.equal(paged.json().items.length, 2);
    assert.ok(paged.json().total >= 8);
  });

  it("resetting a password ends the account's sessions; the new password works, the old does not", async () => {
    const { app, fixtures } = ctx();
    const id = fixtures.userIds.lab;
    const session = await login(app, fixtures.users.lab);
    await login(app, fixtures.users.lab);
    assert.equal(await sessionsOf(id), 2);
    const res = await call(app, admin, "POST", `${BASE}/${id}/reset-password`, {
      password: "brand-new-pass",
    });
    assert.equal(res.statusCode, 204);
    assert.equal(await sessionsOf(id), 0);
    const later = await call(app, session, "GET", "/api/auth/me");
    assert.equal(later.statusCode, 401);
    assert.equal((await signIn(fixtures.users.lab, TEST_PASSWORD)).statusCode, 401);
    assert.equal((await signIn(fixtures.users.lab, "brand-new-pass")).statusCode, 200);
    const weak = await call(app, admin, "POST", `${BASE}/${id}/reset-password`, { password: "short" });
    assert.equal(weak.statusCode, 400);
    const unknown = await call(
      app,
      admin,
      "POST",
      `${BASE}/00000000-0000-4000-8000-000000000000/reset-password`,
      {
        password: "brand-new-pass",
      },
    );
    assert.equal(unknown.statusCode, 404);
  });

  it("disabling an account ends its sessions and stops it signing in; enabling lets it back", async () => {
    const { app, fixtures } = ctx();
    const id = fixtures.userIds.association;
    const session = await login(app, fixtures.users.association);
    const res = await call(app, admin, "PATCH", `${BASE}/${id}`, { disabled: true });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().disabled, true);
    assert.equal(await sessionsOf(id), 0);
    assert.equal((await call(app, session, "GET", "/api/v1/enterprises")).statusCode, 401);
    const refused = await signIn(fixtures.users.association, TEST_PASSWORD);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, "ACCOUNT_DISABLED");
    const enabled = await call(app, admin, "PATCH", `${BASE}/${id}`, { disabled: false });
    assert.equal(enabled.json().disabled, false);
    assert.equal((await signIn(fixtures.users.association, TEST_PASSWORD)).statusCode, 200);
  });

  it("changing an account's role ends its sessions and rebinds it", async () => {
    const { app, db, fixtures } = ctx();
    const created = await create({
      username: "u-switch",
      displayName: "换岗",
      role: "enterprise",
      enterpriseId: fixtures.enterpriseA.id,
      password: "long-enough-1",
    });
    const id = created.json().id;
    const session = await login(app, "u-switch", "long-enough-1");
    const res = await call(app, admin, "PATCH", `${BASE}/${id}`, { role: "regulator" });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().role, "regulator");
    assert.equal(res.json().enterpriseId, null);
    assert.equal((await call(app, session, "GET", "/api/auth/me")).statusCode, 401);
    const back = await call(app, admin, "PATCH", `${BASE}/${id}`, { role: "enterprise" });
    assert.equal(back.statusCode, 400);
    assert.equal(back.json().error.fields[0].code, "enterprise_required");
    const [row] = await db.query<{ role: string }>("select role from users where id = $1", [id]);
    assert.equal(row?.role, "regulator");
  });

  it("an admin can neither disable nor demote themself", async () => {
    const { app, db, fixtures } = ctx();
    const id = fixtures.userIds.admin;
    for (const patch of [{ disabled: true }, { role: "regulator" }]) {
      const res = await call(app, admin, "PATCH", `${BASE}/${id}`, patch);
      assert.equal(res.statusCode, 403, JSON.stringify(patch));
      assert.equal(res.json().error.code, "FORBIDDEN");
    }
    const [row] = await db.query<{ role: string; disabled: boolean }>(
      "select role, disabled from users where id = $1",
      [id],
    );
    assert.deepEqual(row, { role: "admin", disabled: false });
    assert.equal((await call(app, admin, "GET", "/api/auth/me")).statusCode, 200);
    // Renaming oneself is fine.
    const renamed = await call(app, admin, "PATCH", `${BASE}/${id}`, { displayName: "管理员" });
    assert.equal(renamed.statusCode, 200);
  });

  it("every account change is in the audit log, by whom, with before → after, and never a password", async () => {
    const { app, fixtures } = ctx();
    const created = await create({
      username: "u-audited",
      displayName: "审计",
      role: "lab",
      password: "secret-pass-99",
    });
    const id = created.json().id;
    await call(app, admin, "PATCH", `${BASE}/${id}`, { displayName: "审计二" });
    await call(app, admin, "PATCH", `${BASE}/${id}`, { disabled: true });
    await call(app, admin, "POST", `${BASE}/${id}/reset-password`, { password: "other-secret-77" });
    const entries = await auditOf(id);
    assert.deepEqual(
      entries.map((e) => e.action),
      ["user.create", "user.update", "user.update", "user.reset_password"],
    );
    assert.ok(entries.every((e) => e.actor_id === fixtures.userIds.admin));
    assert.equal((entries[0]?.after as { username?: string } | undefined)?.username, "u-audited");
    assert.deepEqual(entries[1]?.before, { displayName: "审计" });
    assert.deepEqual(entries[1]?.after, { displayName: "审计二" });
    assert.deepEqual(entries[2]?.before, { disabled: false });
    assert.deepEqual(entries[2]?.after, { disabled: true });
    const text = JSON.stringify(entries);
    for (const secret of ["secret-pass-99", "other-secret-77", "argon2"])
      assert.ok(!text.includes(secret), secret);
    // The audit API shows the same to an auditor.
    const api = await call(app, admin, "GET", `/api/v1/audit?entityType=user&entityId=${id}`);
    assert.equal(api.json().total, 4);
    assert.equal(api.json().items[0].action, "user.reset_password");
  });
});
