import assert from "node:assert/strict";
import { before, it } from "node:test";
import { CSC9000T_SYSTEM, type EvaluationSystem, serialiseSystem } from "@jingwei/rules";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, login, type Session } from "../../testing/harness.ts";
import { day, multipartBody } from "../labour/testing.ts";
import { evaluationSignals } from "./findings.ts";
import { PNG, passingAnswers } from "./testing.ts";

describeWithFixtures("evaluation systems", (ctx) => {
  let admin: Session;
  let assoc: Session;
  let csc: { id: string };
  before(async () => {
    admin = await login(ctx().app, ctx().fixtures.users.admin);
    assoc = await login(ctx().app, ctx().fixtures.users.association);
    const list = await call(ctx().app, assoc, "GET", "/api/v1/evaluation-systems");
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.json().items.filter((s: { status: string }) => s.status === "published").length, 4);
    csc = list.json().items.find((s: { code: string }) => s.code === "csc9000t-style");
  });

  it("refuses to edit a published version in place", async () => {
    const res = await call(ctx().app, admin, "PUT", `/api/v1/evaluation-systems/${csc.id}`, {
      definition: CSC9000T_SYSTEM,
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.code, "EVALUATION_SYSTEM_PUBLISHED");
  });

  it("refuses a system whose weights do not add up, naming the path; nothing is stored", async () => {
    const bad: EvaluationSystem = structuredClone({
      ...CSC9000T_SYSTEM,
      version: "bad-weights",
      status: "draft",
    });
    (bad.sections[0] as { weight?: number }).weight = 1;
    const res = await call(ctx().app, admin, "POST", "/api/v1/evaluation-systems", { definition: bad });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, "EVALUATION_SYSTEM_INVALID");
    assert.ok(
      res.json().error.fields.some((f: { field: string }) => f.field.startsWith("definition.")),
      res.body,
    );
    const [n] = await ctx().db.query<{ n: number }>(
      "select count(*)::int as n from evaluation_systems where version = 'bad-weights'",
    );
    assert.equal(n?.n, 0);
  });

  it("imports YAML as a draft, edits it, publishes it, then freezes it; exports what it stored", async () => {
    const yaml = serialiseSystem(
      { ...CSC9000T_SYSTEM, version: "2025.1-draft", status: "published" },
      "yaml",
    );
    const created = await call(ctx().app, assoc, "POST", "/api/v1/evaluation-systems", {
      text: yaml,
      format: "yaml",
    });
    assert.equal(created.statusCode, 201, created.body);
    const sys = created.json();
    assert.equal(sys.status, "draft");
    const dup = await call(ctx().app, assoc, "POST", "/api/v1/evaluation-systems", {
      text: yaml,
      format: "yaml",
    });
    assert.equal(dup.json().error.code, "EVALUATION_SYSTEM_EXISTS");
    const edited = structuredClone(sys.definition);
    edited.name.zh = "CSC9000T（2025 修订草案）";
    const put = await call(ctx().app, assoc, "PUT", `/api/v1/evaluation-systems/${sys.id}`, {
      definition: edited,
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().nameZh, "CSC9000T（2025 修订草案）");
    const pub = await call(ctx().app, assoc, "POST", `/api/v1/evaluation-systems/${sys.id}/publish`);
    assert.equal(pub.statusCode, 200, pub.body);
    assert.equal(pub.json().status, "published");
    const again = await call(ctx().app, assoc, "PUT", `/api/v1/evaluation-systems/${sys.id}`, {
      definition: edited,
    });
    assert.equal(again.json().error.code, "EVALUATION_SYSTEM_PUBLISHED");
    const exp = await call(
      ctx().app,
      assoc,
      "GET",
      `/api/v1/evaluation-systems/${sys.id}/export?format=json`,
    );
    assert.equal(exp.statusCode, 200);
    assert.equal(JSON.parse(exp.body).name.zh, "CSC9000T（2025 修订草案）");
    const regulator = await login(ctx().app, ctx().fixtures.users.regulator);
    const denied = await call(ctx().app, regulator, "POST", `/api/v1/evaluation-systems/${sys.id}/publish`);
    assert.equal(denied.statusCode, 403);
  });
});

describeWithFixtures("assessments through their stages", (ctx) => {
  let assoc: Session;
  let ent: Session;
  let systemId: string;
  let assessmentId: string;
  before(async () => {
    assoc = await login(ctx().app, ctx().fixtures.users.association);
    ent = await login(ctx().app, ctx().fixtures.users.enterprise);
    const list = await call(ctx().app, assoc, "GET", "/api/v1/evaluation-systems");
    systemId = list.json().items.find((s: { code: string }) => s.code === "csc9000t-style").id;
  });

  it("runs a CSC9000T assessment from self-assessment to rating, with a labour finding and its CAP item closed", async () => {
    const app = ctx().app;
    const created = await call(app, assoc, "POST", "/api/v1/assessments", {
      enterpriseId: ctx().fixtures.enterpriseA.id,
      systemId,
      title: "CSC9000T 试点",
    });
    assert.equal(created.statusCode, 201, created.body);
    assessmentId = created.json().id;
    const url = `/api/v1/assessments/${assessmentId}`;

    // The enterprise cannot answer before the self-assessment stage; the auditor starts it.
    const early = await call(app, ent, "PUT", `${url}/answers`, {
      answers: { "ms-policy": { value: "yes" } },
    });
    assert.equal(early.json().error.code, "EVALUATION_STAGE_LOCKED", early.body);
    assert.equal(
      (await call(app, assoc, "POST", `${url}/stage`, { action: "startSelfAssessment" })).statusCode,
      200,
    );

    const detail = (await call(app, ent, "GET", url)).json();
    assert.deepEqual(
      detail.actions.map((a: { action: string; blockedBy: string | null }) => [a.action, a.blockedBy]),
      [["submitSelfAssessment", "self_assessment_incomplete"]],
    );
    // A wrong answer type refuses the whole batch.
    const firstId = detail.system.sections[0].indicators.find(
      (i: { type: string }) => i.type === "yesPartialNo",
    ).id;
    const wrong = await call(app, ent, "PUT", `${url}/answers`, { answers: { [firstId]: { value: 3 } } });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.equal(wrong.json().error.code, "EVALUATION_ANSWERS_INVALID");
    assert.equal(wrong.json().error.fields[0].field, `answers.${firstId}.value`);

    // Evidence, then every indicator answered.
    const up = multipartBody(PNG, "手册.png");
    const file = await app.inject({
      method: "POST",
      url: `${url}/attachments`,
      payload: up.payload,
      headers: { ...up.headers, cookie: ent.cookie, "x-csrf-token": ent.csrf },
    });
    assert.equal(file.statusCode, 201, file.body);
    const answers = passingAnswers(detail.system, [file.json().id]);
    const saved = await call(app, ent, "PUT", `${url}/answers`, { answers });
    assert.equal(saved.statusCode, 200, saved.body);
    const submitted = await call(app, ent, "POST", `${url}/stage`, { action: "submitSelfAssessment" });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json().stage, "expertInitial");

    // The expert assessment needs its facts; dates out of order are refused.
    const blocked = await call(app, assoc, "POST", `${url}/stage`, { action: "completeInitialAssessment" });
    assert.equal(blocked.statusCode, 409);
    assert.equal(blocked.json().error.fields[0].code, "auditor_not_assigned");
    const future = await call(app, assoc, "PATCH", url, { siteVisitOn: "2999-01-01" });
    assert.equal(future.statusCode, 400);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const patched = await call(app, assoc, "PATCH", url, {
      auditorIds: [ctx().fixtures.userIds.association],
      siteVisitOn: today,
      workerInterviews: 12,
      documentReviewDone: true,
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const order = await call(app, assoc, "PATCH", url, { reassessmentDueOn: "2000-01-01" });
    assert.equal(order.json().error.fields[0].code, "date_order");

    // The auditor overrules a self answer only with a reason.
    const noReason = await call(app, assoc, "PUT", `${url}/answers`, {
      answers: { [firstId]: { value: "no" } },
    });
    assert.equal(noReason.json().error.fields[0].field, `answers.${firstId}.overruleReason`);
    const overruled = await call(app, assoc, "PUT", `${url}/answers`, {
      answers: { [firstId]: { value: "partial", overruleReason: "政策未向员工公示" } },
    });
    assert.equal(overruled.statusCode, 200, overruled.body);

    // A timesheet with 40 h of overtime in a month becomes a finding with a CAP item.
    const rows = [];
    for (let d = 1; d <= 20; d++)
      rows.push(
        day("W1", `2024-04-${String(d).padStart(2, "0")}`, { hours: 10, overtimeHours: 2, overtimePay: 60 }),
      );
    const check = await call(app, assoc, "POST", `${url}/labour-check`, { county: "330482", rows });
    assert.equal(check.statusCode, 200, check.body);
    const overtime = check
      .json()
      .findings.find((f: { labourRule: string }) => f.labourRule === "monthly_overtime");
    assert.ok(overtime, check.body);
    assert.equal(overtime.sectionId, "workingHours");
    assert.deepEqual(overtime.workerIds, ["W1"]);

    assert.equal(
      (await call(app, assoc, "POST", `${url}/stage`, { action: "completeInitialAssessment" })).statusCode,
      200,
    );
    const skipped = await call(app, assoc, "POST", `${url}/stage`, { to: "rated" });
    assert.equal(skipped.statusCode, 409);
    assert.equal(skipped.json().error.fields[0].code, "stage_skipped");
    const tooSoon = await call(app, ent, "POST", `${url}/stage`, { action: "startReassessment" });
    assert.equal(tooSoon.json().error.fields[0].code, "trial_too_short");

    // CAP: the enterprise answers, the auditor rejects with a comment, accepts, verifies, closes.
    const cap = `/api/v1/cap-items/${overtime.cap.id}/actions`;
    const bare = await call(app, ent, "POST", cap, { action: "submit" });
    assert.equal(bare.json().error.fields[0].code, "root_cause_missing");
    const answer = {
      action: "submit",
      rootCause: "旺季订单集中",
      correctiveAction: "增招临时工，排班上限每月 36 小时",
    };
    assert.equal((await call(app, ent, "POST", cap, answer)).json().cap.status, "submitted");
    const noComment = await call(app, assoc, "POST", cap, { action: "reject" });
    assert.equal(noComment.json().error.fields[0].code, "comment_missing");
    assert.equal(
      (await call(app, assoc, "POST", cap, { action: "reject", comment: "请附排班表" })).json().cap.status,
      "rejected",
    );
    assert.equal((await call(app, ent, "POST", cap, answer)).json().cap.status, "submitted");
    const entAccept = await call(app, ent, "POST", cap, { action: "accept" });
    assert.equal(entAccept.json().error.fields[0].code, "role_not_allowed");
    for (const step of [
      { action: "accept" },
      { action: "verify", verificationNote: "现场核查 5 月排班表" },
      { action: "close" },
    ])
      assert.equal((await call(app, assoc, "POST", cap, step)).statusCode, 200);

    // Two months of trial run later (recorded directly: the guard reads the stored start date).
    await ctx().db.query(
      `update evaluation_assessments set trial_started_on = trial_started_on - interval '3 months',
         site_visit_on = site_visit_on - interval '3 months' where id = $1`,
      [assessmentId],
    );
    assert.equal(
      (await call(app, ent, "POST", `${url}/stage`, { action: "startReassessment" })).statusCode,
      200,
    );
    const rated = await call(app, assoc, "POST", `${url}/stage`, { action: "rate" });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.equal(rated.json().stage, "rated");
    assert.ok(rated.json().level, rated.body);
    assert.ok(rated.json().validUntil > today);

    // A labour check after the rating records what it finds, but the rating given stands: a clean month no longer
    // breaks the crucial overtime indicator, and still the level, score and worst-level flag stay as rated.
    const clean = [day("W1", "2024-06-03", { pay: 3000 })];
    const later = await call(app, assoc, "POST", `${url}/labour-check`, { county: "330482", rows: clean });
    assert.equal(later.statusCode, 200, later.body);
    const kept = (await call(app, assoc, "GET", url)).json().assessment;
    assert.equal(kept.level, rated.json().level);
    assert.equal(kept.percent, rated.json().percent);
    const rescored = await call(app, assoc, "POST", `${url}/score`);
    assert.equal(rescored.statusCode, 200, rescored.body);
    assert.equal((await call(app, assoc, "GET", url)).json().assessment.level, rated.json().level);

    const audit = await ctx().db.query<{ action: string }>(
      "select action from audit_log where entity_id = $1 order by id",
      [assessmentId],
    );
    assert.ok(audit.some((a) => a.action === "evaluation.stage.rate"));
    assert.ok(audit.some((a) => a.action === "evaluation.answer.auditor"));
  });

  it("keeps enterprise B's assessment from t-enterprise (404), and its CAP items too", async () => {
    const b = await call(ctx().app, assoc, "POST", "/api/v1/assessments", {
      enterpriseId: ctx().fixtures.enterpriseB.id,
      systemId,
    });
    assert.equal(b.statusCode, 201);
    const res = await call(ctx().app, ent, "GET", `/api/v1/assessments/${b.json().id}`);
    assert.equal(res.statusCode, 404);
    const list = await call(ctx().app, ent, "GET", "/api/v1/assessments");
    assert.ok(
      list
        .json()
        .items.every((a: { enterpriseId: string }) => a.enterpriseId === ctx().fixtures.enterpriseA.id),
    );
    const stage = await call(ctx().app, ent, "POST", `/api/v1/assessments/${b.json().id}/stage`, {
      action: "cancel",
    });
    assert.equal(stage.statusCode, 404);
    const create = await call(ctx().app, ent, "POST", "/api/v1/assessments", {
      enterpriseId: ctx().fixtures.enterpriseA.id,
      systemId,
    });
    assert.equal(create.statusCode, 403);
  });

  it("lists an enterprise's results for its record: the level given with its name, none before the rating", async () => {
    const app = ctx().app;
    const a = ctx().fixtures.enterpriseA.id;
    const b = ctx().fixtures.enterpriseB.id;
    const own = await call(app, ent, "GET", `/api/v1/evaluation-ratings?enterpriseId=${a}`);
    assert.equal(own.statusCode, 200, own.body);
    const rated = own.json().items.find((r: { assessmentId: string }) => r.assessmentId === assessmentId);
    assert.equal(rated.stage, "rated");
    assert.equal(rated.level, "conditional");
    assert.deepEqual(rated.levelName, { zh: "有条件符合", en: "Conditionally compliant" });
    assert.ok(rated.ratedOn && rated.validUntil > rated.ratedOn, own.body);
    // B's assessment is still a draft: listed with its stage, without a level or score.
    const staff = await call(app, assoc, "GET", `/api/v1/evaluation-ratings?enterpriseId=${b}`);
    assert.equal(staff.statusCode, 200, staff.body);
    assert.equal(staff.json().items.length, 1);
    assert.equal(staff.json().items[0].stage, "draft");
    assert.equal(staff.json().items[0].level, null);
    assert.equal(staff.json().items[0].levelName, null);
    // Another enterprise's record, an unknown one, a malformed id.
    assert.equal(
      (await call(app, ent, "GET", `/api/v1/evaluation-ratings?enterpriseId=${b}`)).statusCode,
      404,
    );
    const unknown = "00000000-0000-4000-8000-000000000000";
    assert.equal(
      (await call(app, assoc, "GET", `/api/v1/evaluation-ratings?enterpriseId=${unknown}`)).statusCode,
      404,
    );
    assert.equal(
      (await call(app, assoc, "GET", "/api/v1/evaluation-ratings?enterpriseId=x")).statusCode,
      400,
    );
  });

  it("gives the supervision signals: zero-tolerance findings and worst-level ratings per enterprise", async () => {
    const a = ctx().fixtures.enterpriseA.id;
    const b = ctx().fixtures.enterpriseB.id;
    await ctx().db.query(
      `insert into evaluation_findings (assessment_id, enterprise_id, source, severity, zero_tolerance, title, found_on)
       values ($1, $2, 'manual', 'high', true, '童工', current_date)`,
      [assessmentId, a],
    );
    const signals = await evaluationSignals(ctx().db, [a, b], 12);
    assert.equal(signals.get(a)?.zeroToleranceFindings, 1);
    assert.equal(signals.get(b)?.zeroToleranceFindings, 0);
    assert.equal(signals.get(b)?.evaluationRatingE, 0);
  });
});
