import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import type { Db } from "../../platform/db.ts";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Role, type Session } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";
import { todayInChina } from "../supervision/context.ts";
import { lastDayOfValidity } from "./exemption.service.ts";
import { EXEMPTION_CRITERIA } from "./exemption-criteria.ts";
import { windowStart } from "./shared.ts";
import { addQualityEvent, daysBefore, insertLot, setClass } from "./test-helpers.ts";

const BASE = "/api/v1/exemptions";
const rand = seededRandom(3005);

type Criterion = {
  key: string;
  value: unknown;
  met: boolean;
  verified: boolean;
  records: Record<string, unknown>;
};
/** The criterion of that key (failing the test when it is missing). */
const byKey =
  (criteria: Criterion[]) =>
  (key: string): Criterion => {
    const found = criteria.find((c) => c.key === key);
    assert.ok(found, `criterion ${key}`);
    return found;
  };

/** One officially accepted, self-passed lot of `category` in each of the three years of the window, and one released. */
async function threeCleanYears(db: Db, enterpriseId: string, category = "knitted") {
  const today = todayInChina();
  for (const declaredOn of [
    daysBefore(windowStart(today, 24), 20),
    daysBefore(windowStart(today, 12), 20),
    today,
  ])
    await insertLot(db, { enterpriseId, category, declaredOn, officialResult: "accepted" });
  await insertLot(db, { enterpriseId, category, declaredOn: today, officialResult: null });
}

async function counts(db: Db) {
  const [row] = await db.query<{ applications: number; audit: number }>(
    `select (select count(*) from exemption_applications)::int as applications,
            (select count(*) from audit_log where entity_type = 'exemption_application')::int as audit`,
  );
  return row;
}

describeWithFixtures("exemption applications", (ctx) => {
  let as: Record<Role, Session>;
  let A: string;
  let B: string;
  /** An exporter whose record turns bad between application and decision. */
  let C: string;
  const today = todayInChina();

  before(async () => {
    const { app, db, fixtures } = ctx();
    as = await loginEveryRole(app, fixtures);
    A = fixtures.enterpriseA.id; // ISO 9001 to 2099 (fixtures)
    B = fixtures.enterpriseB.id; // no certificate, never classified, no lots
    C = (
      await createEnterprise(db, null, {
        uscc: generateUscc(rand),
        name: "平湖市曹桥针织服饰有限公司",
        exportFlag: true,
        certifications: [{ type: "ISO9001", validFrom: "2020-01-01", validTo: "2099-12-31" }],
      })
    ).id;
    await setClass(db, A, "I");
    await setClass(db, C, "II");
    await threeCleanYears(db, A);
    await threeCleanYears(db, C);
    // Outside the evidence: another category's rejection, and an objection older than the 36-month window.
    await insertLot(db, {
      enterpriseId: A,
      category: "woven",
      declaredOn: today,
      officialResult: "rejected",
    });
    await addQualityEvent(db, A, "claim", daysBefore(windowStart(today, 36), 5));
  });

  const evidence = (who: Role, query: string) => call(ctx().app, as[who], "GET", `${BASE}/evidence?${query}`);

  describe("evidence", () => {
    it("evaluates every criterion from the records: A's knitted lots meet them all", async () => {
      const res = await evidence("regulator", `enterpriseId=${A}&productCategory=knitted`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.criteriaMet, true);
      assert.equal(body.evaluatedOn, today);
      assert.equal(body.windowFrom, windowStart(today, 36));
      assert.deepEqual(
        body.criteria.map((c: Criterion) => c.key),
        EXEMPTION_CRITERIA.map((c) => c.key),
      );
      const c = byKey(body.criteria);
      assert.equal(c("officialPassRate").value, 100);
      assert.deepEqual(
        { ...c("officialPassRate").records, lots: undefined },
        { inspected: 3, accepted: 3, rejected: 0, lots: undefined },
      );
      assert.equal((c("officialPassRate").records.lots as unknown[]).length, 3);
      assert.equal(c("inspectedYears").value, 3);
      assert.equal(c("selfInspectionPassRate").value, 100);
      assert.equal(c("selfInspectionPassRate").records.lots, 4);
      assert.equal(c("qualityObjections").value, 0, "the claim older than 3 years does not count");
      assert.equal(c("enterpriseClass").value, "I");
      assert.deepEqual(c("qualityCertification").value, ["ISO9001"]);
      // Which thresholds are assumptions is part of the answer.
      assert.equal(c("officialPassRate").verified, true);
      assert.equal(c("enterpriseClass").verified, false);
    });

    it("shows what is missing: B has no inspected lots, no class above III and no certificate", async () => {
      const res = await evidence("inspector", `enterpriseId=${B}&productCategory=knitted`);
      assert.equal(res.statusCode, 200, res.body);
      const c = byKey(res.json().criteria);
      assert.equal(res.json().criteriaMet, false);
      assert.deepEqual(
        { value: c("officialPassRate").value, met: c("officialPassRate").met },
        { value: null, met: false },
      );
      assert.equal(c("inspectedYears").value, 0);
      assert.equal(c("enterpriseClass").value, "III");
      assert.equal(c("enterpriseClass").met, false);
      assert.deepEqual(c("qualityCertification").value, []);
      assert.equal(c("qualityObjections").met, true);
    });

    it("counts a rejection, a failed self-inspection and an objection of the window", async () => {
      const { db } = ctx();
      const D = (await createEnterprise(db, null, { uscc: generateUscc(rand), name: "平湖市新埭服装厂" })).id;
      await insertLot(db, { enterpriseId: D, declaredOn: today, officialResult: "accepted" });
      await insertLot(db, {
        enterpriseId: D,
        declaredOn: today,
        officialResult: "rejected",
        selfPassed: false,
      });
      await addQualityEvent(db, D, "return", today);
      await addQualityEvent(db, D, "penalty", today);
      const c = byKey((await evidence("admin", `enterpriseId=${D}&productCategory=knitted`)).json().criteria);
      assert.equal(c("officialPassRate").value, 50);
      assert.equal(
        (c("officialPassRate").records.lots as { officialResult: string }[])[0]?.officialResult,
        "rejected",
        "rejections are listed first",
      );
      assert.equal(c("selfInspectionPassRate").value, 50);
      assert.equal((c("selfInspectionPassRate").records.failedLots as unknown[]).length, 1);
      assert.equal(c("qualityObjections").value, 1);
      assert.equal(c("penalties").value, 1);
      assert.equal(c("inspectedYears").value, 1);
    });

    it("an enterprise user gets its own evidence; another enterprise's is not found", async () => {
      const own = await evidence("enterprise", "productCategory=knitted");
      assert.equal(own.statusCode, 200, own.body);
      assert.equal(own.json().enterpriseId, A);
      const other = await evidence("enterprise", `enterpriseId=${B}&productCategory=knitted`);
      assert.equal(other.statusCode, 404);
      assert.equal(other.json().error.code, "NOT_FOUND");
    });

    it("refuses a missing enterprise (staff), an unknown category and an unknown enterprise", async () => {
      const missing = await evidence("regulator", "productCategory=knitted");
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(
        missing.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code]),
        [["enterpriseId", "required"]],
      );
      const category = await evidence("regulator", `enterpriseId=${A}&productCategory=hats`);
      assert.equal(category.statusCode, 400);
      assert.equal(category.json().error.fields[0].code, "unknown_type");
      const unknown = await evidence(
        "regulator",
        `enterpriseId=${crypto.randomUUID()}&productCategory=knitted`,
      );
      assert.equal(unknown.statusCode, 404);
      const noCategory = await evidence("regulator", `enterpriseId=${A}`);
      assert.equal(noCategory.statusCode, 400);
    });
  });

  describe("applications and decisions", () => {
    let aKnitted: string;
    let bKnitted: string;
    let cKnitted: string;

    it("an enterprise applies for itself: the evidence snapshot is stored with criteria_met", async () => {
      const { app, db } = ctx();
      const res = await call(app, as.enterprise, "POST", BASE, {
        productCategory: "knitted",
        statement: "  近三年针织服装出口批次全部合格。 ",
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      aKnitted = body.id;
      assert.equal(body.enterpriseId, A);
      assert.equal(body.status, "submitted");
      assert.equal(body.criteriaMet, true);
      assert.equal(body.statement, "近三年针织服装出口批次全部合格。");
      assert.equal(body.evidence.criteriaMet, true);
      assert.equal(body.decisionEvidence, null);
      const [row] = await db.query<{ evidence: { criteria: unknown[] }; applied_by: string }>(
        "select evidence, applied_by from exemption_applications where id = $1",
        [aKnitted],
      );
      assert.equal(row?.evidence.criteria.length, EXEMPTION_CRITERIA.length);
      assert.equal(row?.applied_by, ctx().fixtures.userIds.enterprise);
      const [audit] = await db.query<{ action: string }>(
        "select action from audit_log where entity_type = 'exemption_application' and entity_id = $1",
        [aKnitted],
      );
      assert.equal(audit?.action, "exemption.apply");
    });

    it("a second open application for the same enterprise × category is a conflict (409), nothing written", async () => {
      const { app, db } = ctx();
      const before = await counts(db);
      for (const who of ["enterprise", "regulator"] as const) {
        const res = await call(app, as[who], "POST", BASE, {
          enterpriseId: A,
          productCategory: "knitted",
          statement: "再次申请",
        });
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.code, "EXEMPTION_OPEN_EXISTS");
        assert.match(res.json().error.message, /针织服装/);
      }
      assert.deepEqual(await counts(db), before);
    });

    it("an enterprise filing for another enterprise is refused; bad input is a field error", async () => {
      const { app, db } = ctx();
      const before = await counts(db);
      const forB = await call(app, as.enterprise, "POST", BASE, {
        enterpriseId: B,
        productCategory: "woven",
        statement: "代为申请",
      });
      assert.equal(forB.statusCode, 403);
      assert.equal(forB.json().error.code, "FORBIDDEN");
      const cases: [unknown, string, string][] = [
        [{ productCategory: "woven" }, "statement", "required"],
        [{ productCategory: "woven", statement: "   " }, "statement", "required"],
        [{ productCategory: "hats", statement: "说明" }, "productCategory", "unknown_type"],
        [{ productCategory: "woven", statement: "说明", extra: 1 }, "extra", "unknown_field"],
      ];
      for (const [body, field, code] of cases) {
        const res = await call(app, as.enterprise, "POST", BASE, body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
        assert.deepEqual(
          res.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code]),
          [[field, code]],
          JSON.stringify(body),
        );
      }
      const staffWithout = await call(app, as.regulator, "POST", BASE, {
        productCategory: "woven",
        statement: "说明",
      });
      assert.equal(staffWithout.statusCode, 400);
      assert.equal(staffWithout.json().error.fields[0].field, "enterpriseId");
      const unknown = await call(app, as.regulator, "POST", BASE, {
        enterpriseId: crypto.randomUUID(),
        productCategory: "woven",
        statement: "说明",
      });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.fields[0].code, "unknown_enterprise");
      assert.deepEqual(await counts(db), before);
    });

    it("the authority files for any enterprise, criteria met or not", async () => {
      const { app } = ctx();
      const b = await call(app, as.regulator, "POST", BASE, {
        enterpriseId: B,
        productCategory: "knitted",
        statement: "依企业书面申请代为录入",
      });
      assert.equal(b.statusCode, 201, b.body);
      assert.equal(b.json().criteriaMet, false);
      bKnitted = b.json().id;
      const c = await call(app, as.admin, "POST", BASE, {
        enterpriseId: C,
        productCategory: "knitted",
        statement: "申请针织服装免验",
      });
      assert.equal(c.statusCode, 201, c.body);
      assert.equal(c.json().criteriaMet, true);
      cKnitted = c.json().id;
    });

    it("lists: the enterprise sees its own only and another's application is 404; staff filter", async () => {
      const { app } = ctx();
      const own = await call(app, as.enterprise, "GET", `${BASE}?pageSize=200`);
      assert.equal(own.statusCode, 200);
      assert.deepEqual(
        own.json().items.map((a: { id: string }) => a.id),
        [aKnitted],
      );
      const asksForB = await call(app, as.enterprise, "GET", `${BASE}?enterpriseId=${B}`);
      assert.equal(asksForB.json().total, 0);
      const readB = await call(app, as.enterprise, "GET", `${BASE}/${bKnitted}`);
      assert.equal(readB.statusCode, 404);
      assert.equal(readB.json().error.code, "NOT_FOUND");
      const readOwn = await call(app, as.enterprise, "GET", `${BASE}/${aKnitted}`);
      assert.equal(readOwn.statusCode, 200);
      assert.equal(readOwn.json().evidence.enterpriseId, A);

      const all = await call(app, as.inspector, "GET", BASE);
      assert.equal(all.json().total, 3);
      const onlyB = await call(app, as.inspector, "GET", `${BASE}?enterpriseId=${B}&status=submitted`);
      assert.deepEqual(
        onlyB.json().items.map((a: { id: string }) => a.id),
        [bKnitted],
      );
      const woven = await call(app, as.inspector, "GET", `${BASE}?productCategory=woven`);
      assert.equal(woven.json().total, 0);
      const badStatus = await call(app, as.inspector, "GET", `${BASE}?status=open`);
      assert.equal(badStatus.statusCode, 400);
    });

    it("approval re-checks the criteria: B's unmet criteria refuse it (422) unless an override reason is given", async () => {
      const { app, db } = ctx();
      const refused = await call(app, as.regulator, "POST", `${BASE}/${bKnitted}/approve`, {
        note: "专家评审通过",
      });
      assert.equal(refused.statusCode, 422, refused.body);
      assert.equal(refused.json().error.code, "EXEMPTION_CRITERIA_NOT_MET");
      assert.match(refused.json().error.message, /官方检验合格率/);
      const blankOverride = await call(app, as.regulator, "POST", `${BASE}/${bKnitted}/approve`, {
        note: "专家评审通过",
        overrideReason: "   ",
      });
      assert.equal(blankOverride.statusCode, 422);
      const [still] = await db.query<{ status: string }>(
        "select status from exemption_applications where id = $1",
        [bKnitted],
      );
      assert.equal(still?.status, "submitted");

      const approved = await call(app, as.regulator, "POST", `${BASE}/${bKnitted}/approve`, {
        note: "专家评审通过",
        overrideReason: "获国际质量奖（REFERENCE §3 第 1 项），证书已核验",
        validFrom: "2026-01-01",
      });
      assert.equal(approved.statusCode, 200, approved.body);
      const body = approved.json();
      assert.equal(body.status, "approved");
      assert.equal(body.overrideReason, "获国际质量奖（REFERENCE §3 第 1 项），证书已核验");
      assert.equal(body.validFrom, "2026-01-01");
      assert.equal(body.validTo, "2028-12-31");
      assert.equal(body.decisionEvidence.criteriaMet, false);
      assert.equal(body.decidedByName, ctx().fixtures.users.regulator);
    });

    it("approval refuses when the records have turned since the application (C's new complaint)", async () => {
      const { app, db } = ctx();
      await addQualityEvent(db, C, "complaint", today);
      const refused = await call(app, as.admin, "POST", `${BASE}/${cKnitted}/approve`, { note: "复核" });
      assert.equal(refused.statusCode, 422, refused.body);
      assert.match(refused.json().error.message, /质量异议/);
      const en = await call(
        app,
        as.admin,
        "POST",
        `${BASE}/${cKnitted}/approve`,
        { note: "复核" },
        {
          "accept-language": "en-US",
        },
      );
      assert.match(en.json().error.message, /Quality objections/);
    });

    it("approves A (criteria met) for 3 years by default; approving twice is a conflict", async () => {
      const { app, db } = ctx();
      const missingNote = await call(app, as.admin, "POST", `${BASE}/${aKnitted}/approve`, {});
      assert.equal(missingNote.statusCode, 400);
      assert.equal(missingNote.json().error.fields[0].field, "note");
      const badOrder = await call(app, as.admin, "POST", `${BASE}/${aKnitted}/approve`, {
        note: "通过",
        validFrom: "2026-06-01",
        validTo: "2026-05-01",
      });
      assert.equal(badOrder.statusCode, 400);
      assert.deepEqual(
        badOrder.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code]),
        [["validTo", "date_order"]],
      );
      const ok = await call(app, as.admin, "POST", `${BASE}/${aKnitted}/approve`, {
        note: "材料齐全，抽样检测合格",
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().validFrom, today);
      assert.equal(ok.json().validTo, lastDayOfValidity(today));
      assert.equal(ok.json().overrideReason, null);
      assert.equal(ok.json().expired, false);
      const again = await call(app, as.admin, "POST", `${BASE}/${aKnitted}/approve`, { note: "再次" });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, "EXEMPTION_STATE");
      assert.match(again.json().error.message, /已批准/);
      const [audit] = await db.query<{ before: { status: string }; after: { status: string } }>(
        `select before, after from audit_log where entity_type = 'exemption_application' and entity_id = $1
           and action = 'exemption.approve'`,
        [aKnitted],
      );
      assert.deepEqual([audit?.before.status, audit?.after.status], ["submitted", "approved"]);
    });

    it("rejects a submitted application with a note; a rejected one cannot be revoked or approved", async () => {
      const { app } = ctx();
      const missing = await call(app, as.regulator, "POST", `${BASE}/${cKnitted}/reject`, { note: "" });
      assert.equal(missing.statusCode, 400);
      const res = await call(app, as.regulator, "POST", `${BASE}/${cKnitted}/reject`, {
        note: "近期有客户投诉",
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, "rejected");
      assert.equal(res.json().decisionNote, "近期有客户投诉");
      for (const [action, body] of [
        ["revoke", { reason: "撤销" }],
        ["approve", { note: "通过", overrideReason: "破例" }],
        ["reject", { note: "再驳回" }],
      ] as const) {
        const r = await call(app, as.regulator, "POST", `${BASE}/${cKnitted}/${action}`, body);
        assert.equal(r.statusCode, 409, action);
        assert.equal(r.json().error.code, "EXEMPTION_STATE");
      }
      // A rejected application is closed: the enterprise may apply again.
      const again = await call(app, as.admin, "POST", BASE, {
        enterpriseId: C,
        productCategory: "knitted",
        statement: "整改后重新申请",
      });
      assert.equal(again.statusCode, 201);
    });

    it("revokes an approved exemption with a reason; then a new application may be filed", async () => {
      const { app } = ctx();
      const missing = await call(app, as.regulator, "POST", `${BASE}/${aKnitted}/revoke`, {});
      assert.equal(missing.statusCode, 400);
      const unknown = await call(app, as.regulator, "POST", `${BASE}/${crypto.randomUUID()}/revoke`, {
        reason: "x",
      });
      assert.equal(unknown.statusCode, 404);
      const res = await call(app, as.regulator, "POST", `${BASE}/${aKnitted}/revoke`, {
        reason: "境外通报质量问题",
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, "revoked");
      assert.equal(res.json().revokeReason, "境外通报质量问题");
      assert.ok(res.json().revokedAt);
      const twice = await call(app, as.regulator, "POST", `${BASE}/${aKnitted}/revoke`, { reason: "再次" });
      assert.equal(twice.statusCode, 409);
      const reapply = await call(app, as.enterprise, "POST", BASE, {
        productCategory: "knitted",
        statement: "整改完成，重新申请",
      });
      assert.equal(reapply.statusCode, 201, reapply.body);
    });
  });
});
