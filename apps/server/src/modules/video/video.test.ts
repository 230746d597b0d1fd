import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { Role } from "../../platform/access.ts";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Session } from "../../testing/harness.ts";

type FieldError = { field: string; code: string; message: string };

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]);
const GIF = Buffer.from("GIF89a-not-an-allowed-image");

/** A multipart/form-data body: text fields, then optionally one file part. */
type FilePart = { name: string; filename: string; type: string; content: Buffer };

function multipart(fields: Record<string, string>, file?: FilePart | FilePart[]) {
  const boundary = `----jingwei-test-${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const f of file === undefined ? [] : Array.isArray(file) ? file : [file]) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\n` +
          `Content-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const fieldOf = (body: { error: { fields?: FieldError[] } }, field: string) =>
  body.error.fields?.find((f) => f.field === field);

describeWithFixtures("video: cameras and spot checks", (ctx) => {
  let s: Record<Role, Session>;
  let cameraA: string;
  let cameraB: string;
  const SECRET_URL = "rtsp://admin:Hc-2025!secret@10.8.1.21:554/Streaming/Channels/101";

  before(async () => {
    const { app, fixtures } = ctx();
    s = await loginEveryRole(app, fixtures);
    const a = await call(app, s.inspector, "POST", "/api/v1/cameras", {
      enterpriseId: fixtures.enterpriseA.id,
      name: "裁剪车间 1 号",
      location: "一号楼三层裁剪车间",
      streamUrl: SECRET_URL,
    });
    assert.equal(a.statusCode, 201, a.body);
    cameraA = a.json().id;
    const b = await call(app, s.regulator, "POST", "/api/v1/cameras", {
      enterpriseId: fixtures.enterpriseB.id,
      name: "缝制线",
      location: "二车间",
      streamUrl: "https://video.example.cn/hls/jinsui/line1.m3u8?token=t0ps3cret",
    });
    assert.equal(b.statusCode, 201, b.body);
    cameraB = b.json().id;
  });

  const counts = async () => {
    const [row] = await ctx().db.query<{ cameras: number; checks: number; files: number; audit: number }>(
      `select (select count(*)::int from cameras) as cameras, (select count(*)::int from video_spot_checks) as checks,
         (select count(*)::int from attachments) as files, (select count(*)::int from audit_log) as audit`,
    );
    return row;
  };

  it("registers a camera; the full URL goes to its registrar, lists mask the password for everyone", async () => {
    const { app } = ctx();
    const one = await call(app, s.inspector, "GET", `/api/v1/cameras/${cameraA}`);
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().streamUrl, SECRET_URL);
    assert.equal(one.json().streamUrlMasked, false);
    for (const role of ["admin", "regulator", "inspector", "enterprise"] as const) {
      const list = await call(app, s[role], "GET", "/api/v1/cameras?pageSize=200");
      assert.equal(list.statusCode, 200, list.body);
      assert.ok(!list.body.includes("Hc-2025!secret"), `${role} list leaks the password`);
      assert.ok(!list.body.includes("t0ps3cret"), `${role} list leaks the token`);
      const a = list.json().items.find((c: { id: string }) => c.id === cameraA);
      assert.equal(a.streamUrl, "rtsp://admin:***@10.8.1.21:554/Streaming/Channels/101");
      assert.equal(a.streamUrlMasked, true);
    }
    // The audit log never holds the credentials either.
    const audit = await ctx().db.query<{ after: unknown }>(
      "select after from audit_log where entity_type = 'camera' and entity_id = $1",
      [cameraA],
    );
    assert.equal(audit.length, 1);
    assert.ok(!JSON.stringify(audit).includes("secret"));
  });

  it("an enterprise user sees and registers its own cameras only", async () => {
    const { app, fixtures } = ctx();
    const list = await call(app, s.enterprise, "GET", "/api/v1/cameras");
    assert.deepEqual(
      list.json().items.map((c: { id: string }) => c.id),
      [cameraA],
    );
    const filtered = await call(
      app,
      s.enterprise,
      "GET",
      `/api/v1/cameras?enterpriseId=${fixtures.enterpriseB.id}`,
    );
    assert.equal(filtered.statusCode, 200);
    assert.equal(filtered.json().total, 0);
    // Its own camera in full, B's not at all.
    assert.equal(
      (await call(app, s.enterprise, "GET", `/api/v1/cameras/${cameraA}`)).json().streamUrl,
      SECRET_URL,
    );
    const other = await call(app, s.enterprise, "GET", `/api/v1/cameras/${cameraB}`);
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, "NOT_FOUND");
    const before = await counts();
    const patchB = await call(app, s.enterprise, "PATCH", `/api/v1/cameras/${cameraB}`, { name: "改名" });
    assert.equal(patchB.statusCode, 404);
    const forB = await call(app, s.enterprise, "POST", "/api/v1/cameras", {
      enterpriseId: fixtures.enterpriseB.id,
      name: "冒名",
      location: "某处",
      streamUrl: "rtsp://cam/1",
    });
    assert.equal(forB.statusCode, 403);
    // Switching its cameras off or on is the authority's decision.
    const off = await call(app, s.enterprise, "PATCH", `/api/v1/cameras/${cameraA}`, { active: false });
    assert.equal(off.statusCode, 403);
    assert.deepEqual(await counts(), before);

    const own = await call(app, s.enterprise, "POST", "/api/v1/cameras", {
      enterpriseId: fixtures.enterpriseA.id,
      name: "整烫包装",
      location: "包装车间",
      streamUrl: "http://192.168.3.9/live/pack.m3u8",
    });
    assert.equal(own.statusCode, 201, own.body);
    const renamed = await call(app, s.enterprise, "PATCH", `/api/v1/cameras/${own.json().id}`, {
      name: "整烫包装线",
      location: "三号楼包装车间",
    });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json().name, "整烫包装线");
  });

  it("refuses bad cameras naming the field, and writes nothing", async () => {
    const { app, fixtures } = ctx();
    const before = await counts();
    const base = { enterpriseId: fixtures.enterpriseA.id, name: "后整理", location: "一楼" };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, streamUrl: "ftp://10.0.0.1/cam" }, "streamUrl", "stream_url_scheme"],
      [{ ...base, streamUrl: "10.0.0.1:554/live" }, "streamUrl", "stream_url_scheme"],
      [{ ...base, streamUrl: "not a url" }, "streamUrl", "format"],
      [{ ...base, name: "   ", streamUrl: "rtsp://cam/1" }, "name", "required"],
      [
        { ...base, streamUrl: "rtsp://cam/1", enterpriseId: "00000000-0000-4000-8000-000000000000" },
        "enterpriseId",
        "video_unknown_enterprise",
      ],
      [{ ...base, streamUrl: "rtsp://cam/1", extra: 1 }, "extra", "unknown_field"],
      [{ name: "x", location: "y", streamUrl: "rtsp://cam/1" }, "enterpriseId", "required"],
    ];
    for (const [body, field, code] of cases) {
      const res = await call(app, s.regulator, "POST", "/api/v1/cameras", body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
      assert.equal(fieldOf(res.json(), field)?.code, code, res.body);
    }
    const scheme = await call(app, s.regulator, "PATCH", `/api/v1/cameras/${cameraA}`, {
      streamUrl: "rtmp://x/y",
    });
    assert.equal(scheme.statusCode, 400);
    assert.equal(fieldOf(scheme.json(), "streamUrl")?.code, "stream_url_scheme");
    assert.equal((await call(app, s.regulator, "PATCH", `/api/v1/cameras/${cameraA}`, {})).statusCode, 400);
    assert.deepEqual(await counts(), before);
  });

  it("logs spot checks as JSON and as multipart with a PNG or JPEG screenshot", async () => {
    const { app, db, fixtures } = ctx();
    const json = await call(app, s.inspector, "POST", "/api/v1/spot-checks", {
      cameraId: cameraA,
      checkedAt: "2025-03-10T02:30:00Z",
      result: "ok",
      findings: "裁剪区人员正常作业，验针记录齐全。",
    });
    assert.equal(json.statusCode, 201, json.body);
    assert.equal(json.json().enterpriseId, fixtures.enterpriseA.id);
    assert.equal(json.json().inspectorName, fixtures.users.inspector);
    assert.equal(json.json().screenshot, null);
    assert.equal(json.json().checkedAt, "2025-03-10T02:30:00.000Z");

    const form = multipart(
      {
        cameraId: cameraA,
        checkedAt: "2025-03-11T08:00:00+08:00",
        result: "issue",
        findings: "断针盒未上锁",
      },
      {
        name: "screenshot",
        filename: "C:\\截图\\line-1.png",
        type: "application/octet-stream",
        content: PNG,
      },
    );
    const withPng = await call(app, s.regulator, "POST", "/api/v1/spot-checks", form.payload, form.headers);
    assert.equal(withPng.statusCode, 201, withPng.body);
    const shot = withPng.json().screenshot;
    assert.equal(shot.mimeType, "image/png");
    assert.equal(shot.filename, "line-1.png");
    assert.equal(shot.sizeBytes, PNG.length);
    const [stored] = await db.query<{ owner_type: string; owner_id: string; content: Uint8Array }>(
      "select owner_type, owner_id, content from attachments where id = $1",
      [shot.id],
    );
    assert.equal(stored?.owner_type, "spot_check");
    assert.equal(stored?.owner_id, withPng.json().id);
    assert.deepEqual(Buffer.from(stored?.content ?? []), PNG);

    const jpeg = multipart(
      { cameraId: cameraB, checkedAt: "2025-04-01T01:00:00Z", result: "ok", findings: "正常" },
      { name: "screenshot", filename: "b.jpg", type: "image/jpeg", content: JPEG },
    );
    const withJpeg = await call(app, s.admin, "POST", "/api/v1/spot-checks", jpeg.payload, jpeg.headers);
    assert.equal(withJpeg.statusCode, 201, withJpeg.body);
    assert.equal(withJpeg.json().screenshot.mimeType, "image/jpeg");
    // A form sent without choosing a file.
    const empty = multipart(
      { cameraId: cameraB, checkedAt: "2025-04-02T01:00:00Z", result: "ok", findings: "正常" },
      { name: "screenshot", filename: "", type: "application/octet-stream", content: Buffer.alloc(0) },
    );
    const noFile = await call(app, s.admin, "POST", "/api/v1/spot-checks", empty.payload, empty.headers);
    assert.equal(noFile.statusCode, 201, noFile.body);
    assert.equal(noFile.json().screenshot, null);
    const audit = await db.query<{ action: string }>(
      "select action from audit_log where entity_type = 'spot_check' and entity_id = $1",
      [withPng.json().id],
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ["spot_check.create"],
    );
  });

  it("refuses a bad spot check naming the field, and writes nothing", async () => {
    const { app } = ctx();
    const before = await counts();
    const ok = { cameraId: cameraA, checkedAt: "2025-03-10T02:30:00Z", result: "ok", findings: "正常" };
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...ok, checkedAt: future }, "checkedAt", "in_future"],
      [{ ...ok, checkedAt: "2025-03-10" }, "checkedAt", "format"],
      [{ ...ok, findings: "" }, "findings", "required"],
      [{ ...ok, findings: "   " }, "findings", "required"],
      [{ ...ok, findings: "查".repeat(2001) }, "findings", "too_long"],
      [{ ...ok, result: "maybe" }, "result", "not_allowed"],
      [{ ...ok, cameraId: "00000000-0000-4000-8000-000000000000" }, "cameraId", "video_unknown_camera"],
      [{ cameraId: cameraA, checkedAt: ok.checkedAt, result: "ok" }, "findings", "required"],
    ];
    for (const [body, field, code] of cases) {
      const res = await call(app, s.inspector, "POST", "/api/v1/spot-checks", body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body).slice(0, 80)} → ${res.body}`);
      assert.equal(fieldOf(res.json(), field)?.code, code, res.body);
    }
    // Multipart: the wrong kind of file, a file under another name, a file too large, a bad field.
    const gif = multipart(ok, { name: "screenshot", filename: "x.png", type: "image/png", content: GIF });
    const wrongType = await call(app, s.inspector, "POST", "/api/v1/spot-checks", gif.payload, gif.headers);
    assert.equal(wrongType.statusCode, 400, wrongType.body);
    assert.equal(fieldOf(wrongType.json(), "screenshot")?.code, "screenshot_type");
    const other = multipart(ok, { name: "photo", filename: "x.png", type: "image/png", content: PNG });
    const otherField = await call(
      app,
      s.inspector,
      "POST",
      "/api/v1/spot-checks",
      other.payload,
      other.headers,
    );
    assert.equal(otherField.statusCode, 400);
    assert.equal(fieldOf(otherField.json(), "photo")?.code, "unknown_field");
    const png = { name: "screenshot", filename: "x.png", type: "image/png", content: PNG };
    const two = multipart(ok, [png, png]);
    const twoFiles = await call(app, s.inspector, "POST", "/api/v1/spot-checks", two.payload, two.headers);
    assert.equal(twoFiles.statusCode, 400, twoFiles.body);
    assert.equal(fieldOf(twoFiles.json(), "screenshot")?.code, "out_of_range");
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const large = multipart(ok, { name: "screenshot", filename: "big.png", type: "image/png", content: big });
    const tooLarge = await call(
      app,
      s.inspector,
      "POST",
      "/api/v1/spot-checks",
      large.payload,
      large.headers,
    );
    assert.equal(tooLarge.statusCode, 413, tooLarge.body);
    assert.equal(fieldOf(tooLarge.json(), "screenshot")?.code, "file_too_large");
    const futureForm = multipart(
      { ...ok, checkedAt: future },
      { name: "screenshot", filename: "x.png", type: "image/png", content: PNG },
    );
    const futureRes = await call(
      app,
      s.inspector,
      "POST",
      "/api/v1/spot-checks",
      futureForm.payload,
      futureForm.headers,
    );
    assert.equal(futureRes.statusCode, 400);
    assert.equal(fieldOf(futureRes.json(), "checkedAt")?.code, "in_future");
    // Enterprise users do not log checks of themselves.
    assert.equal((await call(app, s.enterprise, "POST", "/api/v1/spot-checks", ok)).statusCode, 403);
    assert.deepEqual(await counts(), before);
  });

  it("a deactivated camera cannot be spot-checked; reactivating it is audited", async () => {
    const { app, db } = ctx();
    const off = await call(app, s.inspector, "PATCH", `/api/v1/cameras/${cameraB}`, { active: false });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().active, false);
    const res = await call(app, s.inspector, "POST", "/api/v1/spot-checks", {
      cameraId: cameraB,
      checkedAt: "2025-04-03T01:00:00Z",
      result: "ok",
      findings: "正常",
    });
    assert.equal(res.statusCode, 400);
    assert.equal(fieldOf(res.json(), "cameraId")?.code, "camera_inactive");
    const on = await call(app, s.regulator, "PATCH", `/api/v1/cameras/${cameraB}`, { active: true });
    assert.equal(on.json().active, true);
    // A new password only: the audit says the credentials changed without saying what they are.
    const rotated = await call(app, s.regulator, "PATCH", `/api/v1/cameras/${cameraA}`, {
      streamUrl: "rtsp://admin:N3w-pass@10.8.1.21:554/Streaming/Channels/101",
    });
    assert.equal(rotated.statusCode, 200);
    const actions = await db.query<{ action: string; after: Record<string, unknown> }>(
      "select action, after from audit_log where entity_type = 'camera' order by id",
    );
    assert.ok(actions.some((a) => a.action === "camera.deactivate"));
    assert.ok(actions.some((a) => a.action === "camera.activate"));
    const rotation = actions.at(-1);
    assert.equal(rotation?.after.credentialsChanged, true);
    assert.ok(!JSON.stringify(actions).includes("N3w-pass"));
  });

  it("lists spot checks with filters; an enterprise user sees its own only", async () => {
    const { app, fixtures } = ctx();
    const all = await call(app, s.regulator, "GET", "/api/v1/spot-checks");
    assert.equal(all.statusCode, 200);
    assert.equal(all.json().total, 4);
    const dates = all.json().items.map((c: { checkedAt: string }) => c.checkedAt);
    assert.deepEqual(dates, [...dates].sort().reverse(), "newest first");
    const issues = await call(app, s.inspector, "GET", "/api/v1/spot-checks?result=issue");
    assert.equal(issues.json().total, 1);
    assert.equal(issues.json().items[0].screenshot.mimeType, "image/png");
    const ofB = await call(
      app,
      s.inspector,
      "GET",
      `/api/v1/spot-checks?enterpriseId=${fixtures.enterpriseB.id}`,
    );
    assert.equal(ofB.json().total, 2);
    // Days are China time: 2025-03-11T08:00+08:00 is on the 11th.
    const day = await call(app, s.inspector, "GET", "/api/v1/spot-checks?from=2025-03-11&to=2025-03-11");
    assert.equal(day.json().total, 1);
    const range = await call(app, s.inspector, "GET", "/api/v1/spot-checks?from=2025-03-01&to=2025-03-31");
    assert.equal(range.json().total, 2);
    const bad = await call(app, s.inspector, "GET", "/api/v1/spot-checks?from=2025-04-01&to=2025-03-01");
    assert.equal(bad.statusCode, 400);
    assert.equal(fieldOf(bad.json(), "to")?.code, "date_order");

    const own = await call(app, s.enterprise, "GET", "/api/v1/spot-checks");
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().total, 2);
    assert.ok(
      own.json().items.every((c: { enterpriseId: string }) => c.enterpriseId === fixtures.enterpriseA.id),
    );
    const askB = await call(
      app,
      s.enterprise,
      "GET",
      `/api/v1/spot-checks?enterpriseId=${fixtures.enterpriseB.id}`,
    );
    assert.equal(askB.json().total, 0);
    // The camera list shows the last check.
    const cams = await call(
      app,
      s.regulator,
      "GET",
      `/api/v1/cameras?enterpriseId=${fixtures.enterpriseA.id}`,
    );
    const a = cams.json().items.find((c: { id: string }) => c.id === cameraA);
    assert.equal(a.spotChecks, 2);
    assert.equal(a.lastResult, "issue");
    assert.equal(a.lastCheckedAt, "2025-03-11T00:00:00.000Z");
  });
});
