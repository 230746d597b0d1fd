import assert from "node:assert/strict";
import { before, it } from "node:test";
import {
  DEFAULT_MODE_MATRIX,
  ENTERPRISE_CLASSES,
  type EnterpriseClass,
  generateUscc,
  type ProductRisk,
  seededRandom,
} from "@jingwei/rules";
import ExcelJS from "exceljs";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Role, type Session } from "../../testing/harness.ts";
import { ensureShippedSystems } from "../evaluations/systems.ts";
import { classInForce, todayInChina } from "../supervision/context.ts";
import { runScheduledReclassify } from "./schedule.ts";
import { reclassifyAll } from "./service.ts";
import { daysFromToday, fullChecklist, insertLots } from "./testing.ts";

const CLASSES = "/api/v1/classes";

interface FieldError {
  field: string;
  code: string;
}
interface TraceLine {
  key: string;
  params: Record<string, string | number>;
  text: string;
}

describeWithFixtures("classes: checklist, signals, reclassification, overrides", (ctx) => {
  let as: Record<Role, Session>;
  let a = "";
  let b = "";

  before(async () => {
    const { app, fixtures } = ctx();
    as = await loginEveryRole(app, fixtures);
    a = fixtures.enterpriseA.id;
    b = fixtures.enterpriseB.id;
  });

  const count = async (table: string) => {
    const [row] = await ctx().db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return row?.n ?? 0;
  };

  it("shows an exporter never assessed as unclassified, under class III", async () => {
    const res = await call(ctx().app, as.regulator, "GET", `${CLASSES}/${a}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().classInForce, { class: "III", source: "unclassified", decisionId: null });
    assert.equal(res.json().decision, null);
    assert.equal(res.json().assessment, null);
    assert.equal(res.json().ruleSet.elements.length, 9);
  });

  it("refuses to classify without a checklist", async () => {
    const res = await call(ctx().app, as.regulator, "POST", `${CLASSES}/${a}/reclassify`);
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, "ENTERPRISE_NOT_ASSESSED");
    assert.equal(await count("class_decisions"), 0);
  });

  it("refuses a checklist with a missing, out-of-range or unknown element, or a future date, writing nothing", async () => {
    const { app } = ctx();
    const { traceability: _missing, ...scores } = fullChecklist(8);
    const res = await call(app, as.regulator, "PUT", `${CLASSES}/${a}/assessment`, {
      scores: { ...scores, creditworthiness: 11, staffCompetence: -1, charm: 5 },
      assessedOn: daysFromToday(1),
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(
      res.json().error.fields.map((f: FieldError) => [f.field, f.code]),
      [
        ["scores.creditworthiness", "assessment_score_range"],
        ["scores.staffCompetence", "assessment_score_range"],
        ["scores.traceability", "required"],
        ["scores.charm", "assessment_element_unknown"],
        ["assessedOn", "date_in_future"],
      ],
    );
    assert.match(res.json().error.fields[0].message, /0 到 10/);
    assert.equal(await count("enterprise_assessments"), 0);
    assert.equal((await call(app, as.regulator, "PUT", `${CLASSES}/${a}/assessment`, {})).statusCode, 400);
    const unknown = await call(
      app,
      as.regulator,
      "PUT",
      `${CLASSES}/00000000-0000-4000-8000-000000000003/assessment`,
      {
        scores: fullChecklist(),
        assessedOn: daysFromToday(0),
      },
    );
    assert.equal(unknown.statusCode, 404);
    assert.equal(
      (
        await call(app, as.inspector, "PUT", `${CLASSES}/${a}/assessment`, {
          scores: fullChecklist(),
          assessedOn: daysFromToday(0),
        })
      ).statusCode,
      403,
    );
  });

  it("classifies from checklist and lots: the trace names the official pass rate and its counts", async () => {
    const { app, db } = ctx();
    const saved = await call(app, as.regulator, "PUT", `${CLASSES}/${a}/assessment`, {
      scores: fullChecklist(10),
      assessedOn: daysFromToday(0),
      note: "现场核查",
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().assessment.scores.traceability, 10);
    assert.equal(saved.json().assessment.assessedBy, "t-regulator");

    // 79 lots this month, 3 rejected at their original inspection: 96.2 % < 98 %.
    await insertLots(db, a, { count: 79, rejected: 3 });
    // Lots outside the 12-month window do not count.
    await insertLots(db, a, { count: 5, rejected: 5, declaredOn: daysFromToday(-800) });

    const res = await call(app, as.regulator, "POST", `${CLASSES}/${a}/reclassify`);
    assert.equal(res.statusCode, 200, res.body);
    const { changed, detail } = res.json();
    assert.equal(changed, true);
    // Score 100 → class I; 3 lots not accepted → one class worse (II); pass rate < 98 % → at best III.
    assert.deepEqual(
      [detail.classInForce.class, detail.classInForce.source, detail.decision.baseClass],
      ["III", "decision", "I"],
    );
    const texts = detail.decision.trace.map((l: TraceLine) => l.text);
    assert.ok(
      texts.some((t: string) =>
        t.includes("official pass rate 96.2 % < 98 % over 12 months (3 of 79 lots rejected)"),
      ),
      texts.join("\n"),
    );
    const capLine = detail.decision.trace.find((l: TraceLine) => l.key === "classification.trace.capAt");
    assert.deepEqual(
      [capLine.params.metric, capLine.params.evidenceCount, capLine.params.evidenceTotal],
      ["officialPassRate", 3, 79],
    );
    const official = detail.decision.signals.find((s: { metric: string }) => s.metric === "officialPassRate");
    assert.deepEqual(official.evidence, { count: 3, total: 79 });
    const certs = detail.decision.signals.find(
      (s: { metric: string }) => s.metric === "certificationsInForce",
    );
    assert.equal(certs.value, 1, "the ISO 9001 certificate of the fixture is in force");
    assert.deepEqual(
      detail.decision.applied.map((e: { ruleId: string }) => e.ruleId),
      ["lots-rejected", "official-pass-rate"],
    );
    assert.equal(detail.decision.trigger, "single");
    assert.equal(detail.decision.decidedBy, "t-regulator");
    assert.equal((await classInForce(db, a, todayInChina())).class, "III");
    const [audit] = await db.query<{ action: string }>(
      "select action from audit_log where entity_type = 'enterprise_class' and entity_id = $1 order by id desc limit 1",
      [a],
    );
    assert.equal(audit?.action, "classification.reclassify_single");
  });

  it("leaves a rate over no lots unobserved, and traces the rule as not evaluated", async () => {
    const { app, db } = ctx();
    await db.query(
      "insert into enterprise_assessments (enterprise_id, scores, assessed_on) values ($1, $2::jsonb, $3)",
      [b, JSON.stringify(fullChecklist(8)), daysFromToday(-1)],
    );
    const res = await call(app, as.admin, "POST", `${CLASSES}/${b}/reclassify`);
    assert.equal(res.statusCode, 200, res.body);
    const { decision } = res.json().detail;
    assert.ok(!decision.signals.some((s: { metric: string }) => s.metric === "officialPassRate"));
    assert.ok(
      decision.trace.some(
        (l: TraceLine) =>
          l.key === "classification.trace.signalMissing" && l.params.rule === "official-pass-rate",
      ),
    );
    // Score 80 → II; no certificate → at best II.
    assert.equal(decision.class, "II");
  });

  it("refuses overrides without a reason, in the past or too far ahead", async () => {
    const { app } = ctx();
    const url = `${CLASSES}/${a}/override`;
    const blank = await call(app, as.regulator, "PUT", url, {
      class: "I",
      reason: "   ",
      expiresOn: daysFromToday(30),
    });
    assert.equal(blank.statusCode, 400);
    assert.equal(blank.json().error.fields[0].field, "reason");
    const missing = await call(app, as.regulator, "PUT", url, { class: "I", expiresOn: daysFromToday(30) });
    assert.equal(missing.json().error.fields[0].field, "reason");
    const today = await call(app, as.regulator, "PUT", url, {
      class: "I",
      reason: "r",
      expiresOn: daysFromToday(0),
    });
    assert.deepEqual(today.json().error.fields, [
      { field: "expiresOn", code: "override_expiry_past", message: "到期日须晚于今天" },
    ]);
    const far = await call(app, as.regulator, "PUT", url, {
      class: "I",
      reason: "r",
      expiresOn: daysFromToday(4 * 366),
    });
    assert.equal(far.json().error.fields[0].code, "override_expiry_too_far");
    const badClass = await call(app, as.regulator, "PUT", url, {
      class: "V",
      reason: "r",
      expiresOn: daysFromToday(9),
    });
    assert.equal(badClass.statusCode, 400);
    const [row] = await ctx().db.query<{ overrideClass: string | null }>(
      `select override_class as "overrideClass" from enterprise_supervision where enterprise_id = $1`,
      [a],
    );
    assert.equal(row?.overrideClass, null);
  });

  it("an override decides the class in force and each class × risk gives the matrix's mode", async () => {
    const { app, db } = ctx();
    const risks = new Map<string, ProductRisk>(
      (await db.query<{ code: string; risk: ProductRisk }>("select code, risk from product_categories")).map(
        (r) => [r.code, r.risk],
      ),
    );
    assert.deepEqual(new Set(risks.values()), new Set(["low", "medium", "high"]));
    for (const cls of ENTERPRISE_CLASSES) {
      const res = await call(app, as.regulator, "PUT", `${CLASSES}/${a}/override`, {
        class: cls,
        reason: `复核：${cls}`,
        expiresOn: daysFromToday(90),
      });
      assert.equal(res.statusCode, 200, res.body);
      const detail = res.json();
      assert.deepEqual([detail.classInForce.class, detail.classInForce.source], [cls, "override"]);
      assert.deepEqual(
        [detail.override.class, detail.override.inForce, detail.override.by],
        [cls, true, "t-regulator"],
      );
      assert.equal(detail.decision.trigger, "override");
      assert.equal(detail.decision.computedClass, "III", "the computed class stays beside the override");
      assert.ok(
        detail.decision.trace.some((l: TraceLine) => l.key === "classification.trace.overrideApplied"),
      );
      assert.equal(detail.modes.length, risks.size);
      for (const m of detail.modes) {
        const risk = risks.get(m.productCategory) as ProductRisk;
        const expected = DEFAULT_MODE_MATRIX[cls as EnterpriseClass][risk];
        assert.equal(m.mode, expected, `${cls} × ${risk}`);
        assert.equal(m.fullInspection, expected === "special");
        if (expected === "stringent" || expected === "special") assert.equal(m.samplingShare, 1);
      }
    }
    assert.equal((await classInForce(db, a, todayInChina())).source, "override");
  });

  it("an expired override no longer applies; removing one restores the computed class", async () => {
    const { app, db } = ctx();
    await db.query("update enterprise_supervision set override_expires_on = $2 where enterprise_id = $1", [
      a,
      daysFromToday(-1),
    ]);
    const expired = (await call(app, as.inspector, "GET", `${CLASSES}/${a}`)).json();
    assert.deepEqual([expired.classInForce.class, expired.classInForce.source], ["III", "decision"]);
    assert.equal(expired.override.inForce, false);

    await call(app, as.regulator, "PUT", `${CLASSES}/${a}/override`, {
      class: "I",
      reason: "示范企业",
      expiresOn: daysFromToday(10),
    });
    const removed = await call(app, as.regulator, "DELETE", `${CLASSES}/${a}/override`);
    assert.equal(removed.statusCode, 200, removed.body);
    assert.deepEqual(
      [removed.json().classInForce.class, removed.json().classInForce.source],
      ["III", "decision"],
    );
    assert.equal(removed.json().override, null);
    const again = await call(app, as.regulator, "DELETE", `${CLASSES}/${a}/override`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, "OVERRIDE_NONE");
    const audit = await db.query<{ action: string }>(
      "select action from audit_log where entity_type = 'enterprise_class' and entity_id = $1 and action like 'enterprise_class.%' order by id",
      [a],
    );
    assert.equal(audit.filter((x) => x.action === "enterprise_class.override").length, 5);
    assert.equal(audit.at(-1)?.action, "enterprise_class.override_remove");
  });

  it("lists every decision newest first", async () => {
    const { app } = ctx();
    const res = await call(app, as.regulator, "GET", `${CLASSES}/${a}/history`);
    assert.equal(res.statusCode, 200);
    const items = res.json().items as { id: string; trigger: string; decidedAt: string; class: string }[];
    // single, four overrides, one more override, its removal
    assert.equal(items.length, 7);
    assert.deepEqual(
      items.map((i) => i.trigger),
      ["override", "override", "override", "override", "override", "override", "single"],
    );
    assert.deepEqual(
      items.map((i) => i.class),
      ["III", "I", "IV", "III", "II", "I", "III"],
    );
    for (let i = 1; i < items.length; i++)
      assert.ok((items[i - 1]?.decidedAt ?? "") >= (items[i]?.decidedAt ?? ""), "newest first");
    const detail = (await call(app, as.regulator, "GET", `${CLASSES}/${a}`)).json();
    assert.equal(items[0]?.id, detail.classInForce.decisionId);
  });

  it("shows an enterprise user its own class, read-only, and nobody else's", async () => {
    const { app } = ctx();
    const own = await call(app, as.enterprise, "GET", `${CLASSES}/${a}`);
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().classInForce.class, "III");
    assert.equal((await call(app, as.enterprise, "GET", `${CLASSES}/${a}/history`)).statusCode, 200);
    for (const url of [`${CLASSES}/${b}`, `${CLASSES}/${b}/history`]) {
      const res = await call(app, as.enterprise, "GET", url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, "NOT_FOUND");
    }
    assert.equal((await call(app, as.enterprise, "GET", CLASSES)).statusCode, 403);
    assert.equal((await call(app, as.enterprise, "POST", `${CLASSES}/${a}/reclassify`)).statusCode, 403);
    assert.equal(
      (
        await call(app, as.enterprise, "PUT", `${CLASSES}/${a}/override`, {
          class: "I",
          reason: "self",
          expiresOn: daysFromToday(5),
        })
      ).statusCode,
      403,
    );
    assert.equal((await call(app, as.lab, "GET", `${CLASSES}/${a}`)).statusCode, 403);
  });

  it("reclassifies all exporters, counting the ones not assessed", async () => {
    const { app, db } = ctx();
    assert.equal((await call(app, as.regulator, "POST", `${CLASSES}/reclassify-all`, {})).statusCode, 400);
    // B becomes an exporter by declaring lots; its checklist was removed, so it is not assessed.
    await db.query("delete from enterprise_assessments where enterprise_id = $1", [b]);
    await insertLots(db, b, { count: 4 });
    const before = await count("class_decisions");
    const res = await call(app, as.regulator, "POST", `${CLASSES}/reclassify-all`, { confirm: true });
    assert.equal(res.statusCode, 200, res.body);
    const result = res.json();
    assert.deepEqual(
      [result.enterprises, result.classified, result.changed, result.notAssessed, result.ruleSetVersion],
      [2, 1, 0, 1, "default-2024.1"],
    );
    assert.equal(typeof result.durationMs, "number");
    assert.equal(await count("class_decisions"), before + 1);
    // B keeps the class of its earlier decision.
    const bDetail = (await call(app, as.regulator, "GET", `${CLASSES}/${b}`)).json();
    assert.equal(bDetail.classInForce.class, "II");

    const direct = await reclassifyAll(db, null, "all");
    assert.deepEqual([direct.enterprises, direct.classified, direct.notAssessed], [2, 1, 1]);
    const [decision] = await db.query<{ trigger: string; decidedBy: string | null }>(
      `select trigger, decided_by as "decidedBy" from class_decisions where enterprise_id = $1
       order by decided_at desc limit 1`,
      [a],
    );
    assert.deepEqual(decision, { trigger: "all", decidedBy: null });
  });

  it("lists, filters, sums up and exports the classes", async () => {
    const { app, fixtures } = ctx();
    const all = await call(app, as.inspector, "GET", `${CLASSES}?sort=-class`);
    assert.equal(all.statusCode, 200, all.body);
    assert.deepEqual(
      all.json().items.map((i: { id: string; class: string; source: string }) => [i.id, i.class, i.source]),
      [
        [a, "III", "decision"],
        [b, "II", "decision"],
      ],
    );
    const iii = await call(app, as.inspector, "GET", `${CLASSES}?class=III`);
    assert.deepEqual(
      iii.json().items.map((i: { id: string }) => i.id),
      [a],
    );
    assert.equal(
      (await call(app, as.inspector, "GET", `${CLASSES}?q=${fixtures.enterpriseA.uscc}`)).json().total,
      1,
    );
    assert.equal((await call(app, as.inspector, "GET", `${CLASSES}?q=华城`)).json().items[0].id, a);
    assert.equal((await call(app, as.inspector, "GET", `${CLASSES}?source=override`)).json().total, 0);
    assert.equal((await call(app, as.inspector, "GET", `${CLASSES}?town=xincang`)).json().total, 1);
    assert.equal((await call(app, as.inspector, "GET", `${CLASSES}?class=V`)).statusCode, 400);

    const summary = await call(app, as.regulator, "GET", `${CLASSES}/summary`);
    assert.equal(summary.statusCode, 200);
    assert.deepEqual(summary.json().byClass, { I: 0, II: 1, III: 1, IV: 0 });
    assert.equal(summary.json().total, 2);
    assert.equal(summary.json().unclassified, 0);

    const xlsx = await call(app, as.regulator, "GET", `${CLASSES}/export?class=III`);
    assert.equal(xlsx.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    assert.equal(sheet.getRow(1).getCell(4).value, "现行类别");
    assert.deepEqual(
      [sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(4).value],
      [fixtures.enterpriseA.uscc, "三类"],
    );
    assert.equal(sheet.rowCount, 2);
  });

  it("runs the monthly reclassification once a month and shows the last run", async () => {
    const { app, db } = ctx();
    const now = new Date();
    const first = await runScheduledReclassify(db, now);
    assert.ok(first);
    assert.equal(first.enterprises, 2);
    assert.equal(await runScheduledReclassify(db, now), null, "not again in the same month");
    await db.query("update scheduled_jobs set last_run_at = $1 where name = 'reclassify-all'", [
      new Date(now.getTime() - 40 * 24 * 3600_000).toISOString(),
    ]);
    assert.ok(await runScheduledReclassify(db, now), "due again in a later month");
    const summary = (await call(app, as.regulator, "GET", `${CLASSES}/summary`)).json();
    assert.ok(summary.schedule.lastRunAt);
    assert.equal(summary.schedule.lastResult.enterprises, 2);
    const [decision] = await db.query<{ trigger: string }>(
      "select trigger from class_decisions where enterprise_id = $1 order by decided_at desc limit 1",
      [a],
    );
    assert.equal(decision?.trigger, "schedule");
  });

  it("a zero-tolerance finding of an evaluation (issue 4) puts the exporter in class IV, with the reason", async () => {
    const { app, db } = ctx();
    const created = await call(app, as.admin, "POST", "/api/v1/enterprises", {
      uscc: generateUscc(seededRandom(113)),
      name: "平湖市零容忍测试服饰有限公司",
      exportFlag: true,
    });
    assert.equal(created.statusCode, 201, created.body);
    const c: string = created.json().id;
    const saved = await call(app, as.regulator, "PUT", `${CLASSES}/${c}/assessment`, {
      scores: fullChecklist(10),
      assessedOn: daysFromToday(0),
    });
    assert.equal(saved.statusCode, 200, saved.body);
    await ensureShippedSystems(db);
    const [system] = await db.query<{ id: string; code: string; version: string }>(
      "select id, code, version from evaluation_systems order by code limit 1",
    );
    assert.ok(system);
    const [assessment] = await db.query<{ id: string }>(
      `insert into evaluation_assessments (enterprise_id, system_id, system_code, system_version, stage)
       values ($1, $2, $3, $4, 'expertInitial') returning id`,
      [c, system.id, system.code, system.version],
    );
    await db.query(
      `insert into evaluation_findings (assessment_id, enterprise_id, source, severity, zero_tolerance, title, found_on)
       values ($1, $2, 'manual', 'high', true, '使用童工', $3)`,
      [assessment?.id, c, daysFromToday(-10)],
    );
    const res = await call(app, as.regulator, "POST", `${CLASSES}/${c}/reclassify`);
    assert.equal(res.statusCode, 200, res.body);
    const { detail } = res.json();
    assert.equal(detail.classInForce.class, "IV");
    const lines = (detail.decision.trace as TraceLine[]).map((l) => l.text).join("\n");
    assert.match(lines, /zero-tolerance findings 1/);
  });
});
