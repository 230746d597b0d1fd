import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { drawForInspection } from "@jingwei/rules";
import ExcelJS from "exceljs";
import type { Db } from "../../platform/db.ts";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, login, type Role, type Session, TEST_PASSWORD } from "../../testing/harness.ts";
import { todayInChina } from "../supervision/context.ts";
import { createUser } from "../users/service.ts";
import { dayFromToday, declaration, declare, declared, setClass, setRisk } from "./testing.ts";

const today = () => todayInChina().replaceAll("-", "");

async function counts(db: Db) {
  const [row] = await db.query(
    `select (select count(*) from lots)::int as lots,
            (select count(*) from audit_log where entity_type = 'lot')::int as audit,
            (select coalesce(sum(lots), 0)::int from lot_stats_monthly) as stats`,
  );
  return row;
}

describeWithFixtures("lots: declaration and decision", (ctx) => {
  let as: Record<Role, Session>;
  let asB: Session;

  before(async () => {
    const { app, db, fixtures } = ctx();
    as = await loginEveryRole(app, fixtures);
    await createUser(db, null, {
      username: "t-enterprise-b",
      displayName: "B 企业用户",
      role: "enterprise",
      enterpriseId: fixtures.enterpriseB.id,
      password: TEST_PASSWORD,
    });
    asB = await login(app, "t-enterprise-b");
    await setRisk(db, "knitted", "medium");
  });

  describe("the decision for each mode", () => {
    it("class I × medium → verification: released at once with a release number", async () => {
      const { app, db, fixtures } = ctx();
      await setClass(db, fixtures.enterpriseA.id, "I");
      const lot = await declared(app, as.enterprise);
      assert.equal(lot.enterpriseId, fixtures.enterpriseA.id);
      assert.equal(lot.enterpriseClass, "I");
      assert.equal(lot.productRisk, "medium");
      assert.equal(lot.mode, "verification");
      assert.equal(lot.decision, "release");
      assert.equal(lot.status, "released");
      assert.match(lot.declarationNo, new RegExp(`^BJ${today()}\\d{6,}$`));
      assert.match(lot.releaseNo, new RegExp(`^FX${today()}\\d{6,}$`));
      assert.ok(lot.releasedAt);
      assert.equal(lot.draw, null);
      assert.ok(lot.feeWaived > 0);
      assert.equal(lot.decisionReason.key, "lots.reason.verification");
      assert.match(lot.decisionReason.text, /Class I × medium risk → verification supervision/);
      assert.equal(lot.ruleSetVersion, "default-2024.1");
      assert.equal(lot.valueUsd, 15600.5);
    });

    it("class II × medium → general: a draw anyone can recompute", async () => {
      const { app, db, fixtures } = ctx();
      await setClass(db, fixtures.enterpriseA.id, "II");
      const seen = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const lot = await declared(app, as.enterprise);
        assert.equal(lot.mode, "general");
        assert.equal(lot.samplingShare, 0.3);
        assert.equal(lot.draw.seed, `default-2024.1/${todayInChina()}`);
        const again = drawForInspection({ seed: lot.draw.seed, lotId: lot.declarationNo, share: 0.3 });
        assert.equal(lot.draw.value, again.value);
        assert.equal(lot.draw.hash, again.hash);
        assert.equal(lot.decision, again.selected ? "inspect" : "release");
        assert.equal(lot.status, again.selected ? "awaiting_inspection" : "released");
        assert.equal(lot.releaseNo === null, again.selected);
        assert.match(lot.decisionReason.text, new RegExp(`hash ${again.hash}\\)`));
        seen.add(lot.decision);
      }
      assert.ok(seen.size >= 1);
    });

    it("class III × medium → stringent, class III × high → special (every lot, in full)", async () => {
      const { app, db, fixtures } = ctx();
      await setClass(db, fixtures.enterpriseA.id, "III");
      const stringent = await declared(app, as.enterprise);
      assert.equal(stringent.mode, "stringent");
      assert.equal(stringent.decision, "inspect");
      assert.equal(stringent.status, "awaiting_inspection");
      assert.equal(stringent.releaseNo, null);
      assert.equal(stringent.feeWaived, 0);
      await setRisk(db, "knitted", "high");
      try {
        const special = await declared(app, as.enterprise);
        assert.equal(special.productRisk, "high");
        assert.equal(special.mode, "special");
        assert.equal(special.decisionReason.key, "lots.reason.special");
      } finally {
        await setRisk(db, "knitted", "medium");
      }
    });

    it("an unclassified exporter is class III (general supervision for medium risk → stringent)", async () => {
      const { app, db, fixtures } = ctx();
      await db.query("delete from enterprise_supervision where enterprise_id = $1", [
        fixtures.enterpriseA.id,
      ]);
      const lot = await declared(app, as.enterprise);
      assert.equal(lot.enterpriseClass, "III");
      assert.equal(lot.mode, "stringent");
    });

    it("class IV → special whatever the risk; an approved exemption in force releases it", async () => {
      const { app, db, fixtures } = ctx();
      await setClass(db, fixtures.enterpriseA.id, "IV");
      const special = await declared(app, as.enterprise, {
        productCategory: "sportswear",
        hsCode: "61121100",
      });
      assert.equal(special.productRisk, "low");
      assert.equal(special.mode, "special");
      await db.query(
        `insert into exemption_applications (enterprise_id, product_category, status, evidence, criteria_met,
           valid_from, valid_to)
         values ($1, 'sportswear', 'approved', '{}', true, $2, $3)`,
        [fixtures.enterpriseA.id, dayFromToday(-1), dayFromToday(365)],
      );
      const exempt = await declared(app, as.enterprise, {
        productCategory: "sportswear",
        hsCode: "61121100",
      });
      assert.equal(exempt.decision, "release");
      assert.equal(exempt.status, "released");
      assert.equal(exempt.decisionReason.key, "lots.reason.exemption");
      assert.equal(exempt.decisionReason.params.validTo, dayFromToday(365));
      // An expired exemption no longer counts.
      await db.query(
        "update exemption_applications set valid_to = $2 where enterprise_id = $1 and product_category = 'sportswear'",
        [fixtures.enterpriseA.id, dayFromToday(-1)],
      );
      const after = await declared(app, as.enterprise, { productCategory: "sportswear", hsCode: "61121100" });
      assert.equal(after.decision, "inspect");
      await setClass(db, fixtures.enterpriseA.id, "III");
    });

    it("audits the declaration and counts it in the monthly statistics", async () => {
      const { app, db } = ctx();
      const before = await counts(db);
      const lot = await declared(app, as.enterprise);
      const after = await counts(db);
      assert.equal(after?.lots, (before?.lots as number) + 1);
      assert.equal(after?.stats, (before?.stats as number) + 1);
      const [entry] = await db.query<{ action: string; after: { declarationNo: string; reason: string } }>(
        "select action, after from audit_log where entity_type = 'lot' and entity_id = $1",
        [lot.id],
      );
      assert.equal(entry?.action, "lot.declare");
      assert.equal(entry?.after.declarationNo, lot.declarationNo);
      assert.equal(entry?.after.reason, lot.decisionReason.text);
    });
  });

  describe("refusals write nothing", () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ["lot size 0", { lotSize: 0 }, "lotSize", "out_of_range"],
      ["negative lot size", { lotSize: -5 }, "lotSize", "out_of_range"],
      ["fractional lot size", { lotSize: 2.5 }, "lotSize", "type"],
      ["quantity 0", { quantity: 0 }, "quantity", "out_of_range"],
      ["negative value", { valueUsd: -1 }, "valueUsd", "out_of_range"],
      ["HS code too short", { hsCode: "61091" }, "hsCode", "format"],
      ["HS code with letters", { hsCode: "6109AB00" }, "hsCode", "format"],
      ["HS code of another chapter", { hsCode: "62034200" }, "hsCode", "hs_code_category"],
      ["unknown country", { destination: "XX" }, "destination", "unknown_country"],
      ["China as destination", { destination: "CN" }, "destination", "destination_domestic"],
      ["three-letter country", { destination: "USA" }, "destination", "format"],
      ["ship date in the past", { shipDate: dayFromToday(-1) }, "shipDate", "date_past"],
      ["impossible ship date", { shipDate: "2031-02-30" }, "shipDate", "format"],
      ["unknown category", { productCategory: "spacesuits" }, "productCategory", "unknown_type"],
      ["unknown field", { colour: "red" }, "colour", "unknown_field"],
      [
        "more defects than sampled",
        { selfInspection: { sampleSize: 5, defectsFound: 6, passed: false } },
        "selfInspection.defectsFound",
        "self_defects_exceed_sample",
      ],
      [
        "sample larger than the lot",
        { lotSize: 50, selfInspection: { sampleSize: 80, defectsFound: 0, passed: true } },
        "selfInspection.sampleSize",
        "self_sample_exceeds_lot",
      ],
      [
        "passed with more defects than Ac (lot 1,200: Ac 5)",
        { selfInspection: { sampleSize: 80, defectsFound: 6, passed: true } },
        "selfInspection.passed",
        "self_passed_contradiction",
      ],
      [
        "passed without sampling",
        { selfInspection: { sampleSize: 0, defectsFound: 0, passed: true } },
        "selfInspection.passed",
        "self_pass_needs_sample",
      ],
      [
        "failed with no defect and no note",
        { selfInspection: { sampleSize: 80, defectsFound: 0, passed: false } },
        "selfInspection.note",
        "self_fail_needs_note",
      ],
    ];
    for (const [name, patch, field, code] of cases) {
      it(`${name} → 400 ${field} ${code}`, async () => {
        const { app, db } = ctx();
        const before = await counts(db);
        const res = await call(app, as.enterprise, "POST", "/api/v1/lots", { ...declaration(), ...patch });
        assert.equal(res.statusCode, 400, res.body);
        const body = res.json();
        assert.equal(body.error.code, "VALIDATION");
        assert.ok(
          body.error.fields.some(
            (f: { field: string; code: string }) => f.field === field && f.code === code,
          ),
          JSON.stringify(body.error.fields),
        );
        assert.deepEqual(await counts(db), before);
      });
    }

    it("accepts passed with defects up to Ac, and a failed self-inspection with a note", async () => {
      const { app } = ctx();
      const ok = await declare(app, as.enterprise, {
        selfInspection: { sampleSize: 80, defectsFound: 5, passed: true },
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const failed = await declare(app, as.enterprise, {
        selfInspection: { sampleSize: 80, defectsFound: 0, passed: false, note: "面料色牢度送检未通过" },
      });
      assert.equal(failed.statusCode, 201, failed.body);
      assert.equal(failed.json().selfInspection.passed, false);
    });

    it("several problems are reported together, in English on request", async () => {
      const { app } = ctx();
      const res = await call(
        app,
        as.enterprise,
        "POST",
        "/api/v1/lots",
        declaration({ destination: "CN", shipDate: dayFromToday(-3), hsCode: "62034200" }),
        { "accept-language": "en-US" },
      );
      assert.equal(res.statusCode, 400);
      const fields = res
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort();
      assert.deepEqual(fields, ["destination", "hsCode", "shipDate"]);
      assert.match(res.json().error.fields[0].message, /[A-Za-z]/);
    });

    it("declaring for another enterprise → 403 LOT_FOREIGN_ENTERPRISE; for one's own → 201", async () => {
      const { app, db, fixtures } = ctx();
      const before = await counts(db);
      const res = await declare(app, as.enterprise, { enterpriseId: fixtures.enterpriseB.id });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, "LOT_FOREIGN_ENTERPRISE");
      assert.deepEqual(await counts(db), before);
      const own = await declare(app, as.enterprise, { enterpriseId: fixtures.enterpriseA.id });
      assert.equal(own.statusCode, 201);
    });

    it("only enterprise users declare", async () => {
      const { app } = ctx();
      for (const role of ["admin", "regulator", "inspector"] as const) {
        const res = await call(app, as[role], "POST", "/api/v1/lots", declaration());
        assert.equal(res.statusCode, 403, role);
      }
    });
  });

  describe("list, detail, export and scope", () => {
    let bLot: { id: string; declarationNo: string };

    before(async () => {
      const { app, db, fixtures } = ctx();
      await setClass(db, fixtures.enterpriseB.id, "III");
      bLot = await declared(app, asB, { buyer: "Nordic Wear AB", destination: "SE" });
    });

    it("an enterprise sees its own lots only; another's lot is 404 everywhere", async () => {
      const { app, fixtures } = ctx();
      const own = await call(app, as.enterprise, "GET", "/api/v1/lots?pageSize=200");
      assert.equal(own.statusCode, 200);
      assert.ok(own.json().items.length > 0);
      assert.ok(
        own.json().items.every((l: { enterpriseId: string }) => l.enterpriseId === fixtures.enterpriseA.id),
      );
      // Asking for B's lots by filter or number does not widen the scope.
      for (const q of [`enterpriseId=${fixtures.enterpriseB.id}`, `q=${bLot.declarationNo}`, "q=Nordic"]) {
        const res = await call(app, as.enterprise, "GET", `/api/v1/lots?${q}`);
        assert.equal(res.json().total, 0, q);
      }
      for (const url of [`/api/v1/lots/${bLot.id}`]) {
        const res = await call(app, as.enterprise, "GET", url);
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().error.code, "NOT_FOUND");
      }
      const withdraw = await call(app, as.enterprise, "POST", `/api/v1/lots/${bLot.id}/withdraw`);
      assert.equal(withdraw.statusCode, 404);
      const staff = await call(app, as.inspector, "GET", `/api/v1/lots/${bLot.id}`);
      assert.equal(staff.statusCode, 200);
      assert.equal(staff.json().lot.declarationNo, bLot.declarationNo);
    });

    it("staff see every enterprise's lots and filter them", async () => {
      const { app, fixtures } = ctx();
      const all = await call(app, as.regulator, "GET", "/api/v1/lots?pageSize=200");
      const ids = new Set(all.json().items.map((l: { enterpriseId: string }) => l.enterpriseId));
      assert.ok(ids.has(fixtures.enterpriseA.id) && ids.has(fixtures.enterpriseB.id));
      assert.equal(all.json().totalCapped, false);
      const b = await call(app, as.regulator, "GET", `/api/v1/lots?enterpriseId=${fixtures.enterpriseB.id}`);
      assert.deepEqual(
        b.json().items.map((l: { id: string }) => l.id),
        [bLot.id],
      );
      const byNumber = await call(
        app,
        as.inspector,
        "GET",
        `/api/v1/lots?q=${bLot.declarationNo.toLowerCase()}`,
      );
      assert.deepEqual(
        byNumber.json().items.map((l: { id: string }) => l.id),
        [bLot.id],
      );
      const byBuyer = await call(app, as.inspector, "GET", "/api/v1/lots?q=nordic");
      assert.equal(byBuyer.json().total, 1);
      const released = await call(app, as.admin, "GET", "/api/v1/lots?status=released&pageSize=200");
      assert.ok(released.json().items.every((l: { status: string }) => l.status === "released"));
      const stringent = await call(app, as.admin, "GET", "/api/v1/lots?mode=stringent&decision=inspect");
      assert.ok(stringent.json().items.every((l: { mode: string }) => l.mode === "stringent"));
      const sport = await call(app, as.admin, "GET", "/api/v1/lots?productCategory=sportswear");
      assert.equal(sport.json().total, 3);
      const none = await call(app, as.admin, "GET", `/api/v1/lots?declaredTo=${dayFromToday(-1)}`);
      assert.equal(none.json().total, 0);
      const todays = await call(
        app,
        as.admin,
        "GET",
        `/api/v1/lots?declaredFrom=${todayInChina()}&declaredTo=${todayInChina()}`,
      );
      assert.equal(todays.json().total, all.json().total);
    });

    it("pages and sorts", async () => {
      const { app } = ctx();
      const first = await call(app, as.admin, "GET", "/api/v1/lots?pageSize=3&sort=-value");
      assert.equal(first.json().items.length, 3);
      assert.ok(first.json().total > 3);
      const page2 = await call(app, as.admin, "GET", "/api/v1/lots?pageSize=3&page=2&sort=-value");
      const ids1 = first.json().items.map((l: { id: string }) => l.id);
      const ids2 = page2.json().items.map((l: { id: string }) => l.id);
      assert.ok(ids2.every((id: string) => !ids1.includes(id)));
      const bad = await call(app, as.admin, "GET", "/api/v1/lots?sort=colour");
      assert.equal(bad.statusCode, 400);
    });

    it("exports the enterprise's own lots as XLSX", async () => {
      const { app } = ctx();
      const res = await call(app, as.enterprise, "GET", "/api/v1/lots/export");
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      assert.ok(sheet);
      const numbers: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) numbers.push(String(row.getCell(1).value));
      });
      const list = await call(app, as.enterprise, "GET", "/api/v1/lots?pageSize=200");
      assert.deepEqual(
        numbers,
        list.json().items.map((l: { declarationNo: string }) => l.declarationNo),
      );
      assert.ok(!numbers.includes(bLot.declarationNo));
    });

    it("the detail holds the decision, files, inspections and the switching state", async () => {
      const { app } = ctx();
      const res = await call(app, as.admin, "GET", `/api/v1/lots/${bLot.id}`);
      const detail = res.json();
      assert.equal(detail.lot.id, bLot.id);
      assert.equal(detail.lot.decisionReason.key, "lots.reason.stringent");
      assert.deepEqual(detail.attachments, []);
      assert.deepEqual(detail.inspections, []);
      assert.equal(detail.switching.stage, "normal");
      assert.equal(detail.switching.recorded, false);
    });

    it("the defect taxonomy is there for everyone signed in", async () => {
      const { app } = ctx();
      const res = await call(app, as.lab, "GET", "/api/v1/defect-types");
      assert.equal(res.statusCode, 200);
      const items = res.json().items;
      assert.ok(items.length >= 20);
      assert.deepEqual(
        items.find((d: { code: string }) => d.code === "safety.needle"),
        {
          code: "safety.needle",
          category: "safety",
          nameZh: "断针、残留针",
          nameEn: "Broken or left-in needle",
          defaultClass: "critical",
        },
      );
    });
  });

  describe("withdrawal", () => {
    it("the enterprise withdraws a lot awaiting inspection, once", async () => {
      const { app, db, fixtures } = ctx();
      await setClass(db, fixtures.enterpriseA.id, "III");
      const lot = await declared(app, as.enterprise);
      const res = await call(app, as.enterprise, "POST", `/api/v1/lots/${lot.id}/withdraw`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, "withdrawn");
      const again = await call(app, as.enterprise, "POST", `/api/v1/lots/${lot.id}/withdraw`);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, "LOT_NOT_WITHDRAWABLE");
      const [audit] = await db.query(
        "select 1 from audit_log where action = 'lot.withdraw' and entity_id = $1",
        [lot.id],
      );
      assert.ok(audit);
    });

    it("a released lot cannot be withdrawn; staff cannot withdraw", async () => {
      const { app, db, fixtures } = ctx();
      await setClass(db, fixtures.enterpriseA.id, "I");
      const released = await declared(app, as.enterprise);
      const res = await call(app, as.enterprise, "POST", `/api/v1/lots/${released.id}/withdraw`);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, "LOT_NOT_WITHDRAWABLE");
      const staff = await call(app, as.regulator, "POST", `/api/v1/lots/${released.id}/withdraw`);
      assert.equal(staff.statusCode, 403);
      await setClass(db, fixtures.enterpriseA.id, "III");
    });
  });
});
