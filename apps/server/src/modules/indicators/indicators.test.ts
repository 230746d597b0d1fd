import assert from "node:assert/strict";
import { before, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import ExcelJS from "exceljs";
import type { Role } from "../../platform/access.ts";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Session } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";
import { insertLot, lotMix } from "./testing.ts";

type FieldError = { field: string; code: string };

interface Expected {
  period: string;
  lots: number;
  valueUsd: number;
  selfPassed: number;
  inspected: number;
  officialAccepted: number;
  officialRejected: number;
  releasedWithoutInspection: number;
  verification: number;
  general: number;
  stringent: number;
  special: number;
  feesWaived: number;
}

/** The indicators aggregated from lots directly (never through the statistics tables). */
async function directly(
  ctx: { db: { query: <T>(q: string, p?: unknown[]) => Promise<T[]> } },
  where: string,
  params: unknown[],
  /** YYYY-MM, YYYY, or all: one row for everything. */
  period: "YYYY-MM" | "YYYY" | "all",
): Promise<Map<string, Expected>> {
  const periodExpr = period === "all" ? "'all'" : `to_char(l.declared_on, '${period}')`;
  const rows = await ctx.db.query<Expected>(
    `select ${periodExpr} as period, count(*)::int as lots,
       sum(l.value_usd)::float8 as "valueUsd", count(*) filter (where l.self_passed)::int as "selfPassed",
       count(*) filter (where l.official_result is not null)::int as inspected,
       count(*) filter (where l.official_result = 'accepted')::int as "officialAccepted",
       count(*) filter (where l.official_result = 'rejected')::int as "officialRejected",
       count(*) filter (where l.decision = 'release')::int as "releasedWithoutInspection",
       count(*) filter (where l.mode = 'verification')::int as verification,
       count(*) filter (where l.mode = 'general')::int as general,
       count(*) filter (where l.mode = 'stringent')::int as stringent,
       count(*) filter (where l.mode = 'special')::int as special,
       sum(l.fee_waived)::float8 as "feesWaived"
     from lots l join enterprises e on e.id = l.enterprise_id
     where ${where} group by 1`,
    params,
  );
  return new Map(rows.map((r) => [r.period, r]));
}

const rateOf = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

function assertPoint(point: Record<string, unknown>, e: Expected | undefined, label: string) {
  const x = e ?? {
    lots: 0,
    valueUsd: 0,
    selfPassed: 0,
    inspected: 0,
    officialAccepted: 0,
    officialRejected: 0,
    releasedWithoutInspection: 0,
    verification: 0,
    general: 0,
    stringent: 0,
    special: 0,
    feesWaived: 0,
  };
  assert.deepEqual(
    point,
    {
      period: point.period,
      lots: x.lots,
      valueUsd: Math.round(x.valueUsd * 100) / 100,
      selfPassed: x.selfPassed,
      selfInspectionPassRate: rateOf(x.selfPassed, x.lots),
      officialPassRate: rateOf(x.officialAccepted, x.inspected),
      inspected: x.inspected,
      officialAccepted: x.officialAccepted,
      officialRejected: x.officialRejected,
      releasedWithoutInspection: x.releasedWithoutInspection,
      lotsByMode: {
        verification: x.verification,
        general: x.general,
        stringent: x.stringent,
        special: x.special,
      },
      feesWaived: Math.round(x.feesWaived * 100) / 100,
    },
    label,
  );
}

const MONTHS = ["2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"];

describeWithFixtures("indicators", (ctx) => {
  let s: Record<Role, Session>;
  let noTown: string;

  before(async () => {
    const { app, db, fixtures } = ctx();
    s = await loginEveryRole(app, fixtures);
    noTown = (
      await createEnterprise(db, null, {
        uscc: generateUscc(seededRandom(11)),
        name: "平湖市某某制衣有限公司",
      })
    ).id;
    const ids = [fixtures.enterpriseA.id, fixtures.enterpriseB.id, noTown];
    for (const lot of lotMix(ids, MONTHS, 80, 3)) await insertLot(ctx().db, lot);
    // Some lots get their official result after declaration, as in the workflow.
    await db.query(
      "update lots set official_result = 'accepted' where official_result is null and decision = 'inspect' and value_usd > 20000",
    );
  });

  const get = (role: Role, url: string) => call(ctx().app, s[role], "GET", url);

  it("the cluster by month equals a direct aggregation of lots, every month present", async () => {
    const res = await get(
      "regulator",
      "/api/v1/indicators?scope=cluster&granularity=month&from=2024-09&to=2025-04",
    );
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.scope, "cluster");
    assert.equal(body.name, null);
    assert.deepEqual(body.targets, { selfInspectionPassRate: 98, officialPassRate: 99.9 });
    assert.deepEqual(
      body.series.map((p: { period: string }) => p.period),
      ["2024-09", ...MONTHS, "2025-04"],
    );
    const expected = await directly(ctx(), "true", [], "YYYY-MM");
    for (const point of body.series) assertPoint(point, expected.get(point.period), point.period);
    // Months without lots: zero counts and null rates, not 0 %.
    const empty = body.series[0];
    assert.equal(empty.lots, 0);
    assert.equal(empty.selfInspectionPassRate, null);
    assert.equal(empty.officialPassRate, null);
    const total = await directly(ctx(), "true", [], "all");
    assertPoint({ period: "all", ...body.total }, total.get("all"), "total");
    assert.equal(body.total.lots, 80);
  });

  it("by year sums the months of the range within each year", async () => {
    const res = await get("inspector", "/api/v1/indicators?granularity=year&from=2024-11&to=2025-02");
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(
      body.series.map((p: { period: string }) => p.period),
      ["2024", "2025"],
    );
    const expected = await directly(
      ctx(),
      "l.declared_on >= '2024-11-01' and l.declared_on < '2025-03-01'",
      [],
      "YYYY",
    );
    for (const point of body.series) assertPoint(point, expected.get(point.period), point.period);
    const total = await directly(
      ctx(),
      "l.declared_on >= '2024-11-01' and l.declared_on < '2025-03-01'",
      [],
      "all",
    );
    assertPoint({ period: "all", ...body.total }, total.get("all"), "total");
  });

  it("a town and an enterprise equal their own lots", async () => {
    const { fixtures } = ctx();
    const town = await get("association", "/api/v1/indicators?scope=town&id=xincang&from=2024-10&to=2025-03");
    assert.equal(town.statusCode, 200, town.body);
    assert.equal(town.json().name, "新仓镇");
    const expectedTown = await directly(ctx(), "e.town_code = $1", ["xincang"], "YYYY-MM");
    for (const point of town.json().series) assertPoint(point, expectedTown.get(point.period), point.period);

    const one = await get(
      "admin",
      `/api/v1/indicators?scope=enterprise&id=${fixtures.enterpriseA.id}&from=2024-10&to=2025-03`,
    );
    assert.equal(one.statusCode, 200, one.body);
    assert.equal(one.json().name, fixtures.enterpriseA.name);
    const expectedA = await directly(ctx(), "l.enterprise_id = $1", [fixtures.enterpriseA.id], "YYYY-MM");
    for (const point of one.json().series) assertPoint(point, expectedA.get(point.period), point.period);
  });

  it("an enterprise user sees its own enterprise only", async () => {
    const { fixtures } = ctx();
    const own = await get("enterprise", "/api/v1/indicators?from=2024-10&to=2025-03");
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(own.json().scope, "enterprise");
    assert.equal(own.json().id, fixtures.enterpriseA.id);
    const explicit = await get(
      "enterprise",
      `/api/v1/indicators?scope=enterprise&id=${fixtures.enterpriseA.id.toUpperCase()}&from=2024-10&to=2025-03`,
    );
    assert.equal(explicit.statusCode, 200, explicit.body);
    assert.deepEqual(explicit.json().series, own.json().series);

    const other = await get(
      "enterprise",
      `/api/v1/indicators?scope=enterprise&id=${fixtures.enterpriseB.id}`,
    );
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, "NOT_FOUND");
    for (const q of ["scope=cluster", "scope=town&id=danghu"]) {
      const res = await get("enterprise", `/api/v1/indicators?${q}`);
      assert.equal(res.statusCode, 403, q);
      assert.equal(res.json().error.code, "FORBIDDEN");
    }
    const exportOther = await get(
      "enterprise",
      `/api/v1/indicators/export?scope=enterprise&id=${fixtures.enterpriseB.id}`,
    );
    assert.equal(exportOther.statusCode, 404);
    assert.equal((await get("enterprise", "/api/v1/indicators/dashboard")).statusCode, 403);
  });

  it("refuses a bad query naming the field", async () => {
    const { fixtures } = ctx();
    const cases: [string, number, string, string][] = [
      ["from=2025-03&to=2025-01", 400, "to", "indicator_month_order"],
      ["from=2025-13", 400, "from", "format"],
      ["to=2025-1", 400, "to", "format"],
      ["scope=planet", 400, "scope", "not_allowed"],
      ["granularity=week", 400, "granularity", "not_allowed"],
      ["from=2000-01&to=2025-01", 400, "to", "indicator_range_too_long"],
      ["scope=town", 400, "id", "indicator_scope_id_required"],
      ["scope=town&id=atlantis", 404, "id", "unknown_town"],
      ["scope=enterprise&id=not-a-uuid", 400, "id", "format"],
      ["scope=enterprise&id=00000000-0000-4000-8000-000000000000", 404, "id", "indicator_unknown_enterprise"],
    ];
    for (const [q, status, field, code] of cases) {
      const res = await get("regulator", `/api/v1/indicators?${q}`);
      assert.equal(res.statusCode, status, `${q}: ${res.body}`);
      const issue = (res.json().error.fields as FieldError[] | undefined)?.find((f) => f.field === field);
      assert.equal(issue?.code, code, `${q}: ${res.body}`);
    }
    // The enterprise id of another enterprise is fine for staff.
    const staff = await get("inspector", `/api/v1/indicators?scope=enterprise&id=${fixtures.enterpriseB.id}`);
    assert.equal(staff.statusCode, 200);
    const badPeriod = await get("regulator", "/api/v1/indicators/dashboard?period=2025-00");
    assert.equal(badPeriod.statusCode, 400);
    assert.equal(badPeriod.json().error.fields[0].field, "period");
  });

  it("the dashboard of a year: totals, by mode, a row per town, twelve months", async () => {
    const res = await get("association", "/api/v1/indicators/dashboard?period=2025");
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.granularity, "year");
    const year = await directly(ctx(), "l.declared_on between '2025-01-01' and '2025-12-31'", [], "YYYY");
    assertPoint({ period: "2025", ...body.totals }, year.get("2025"), "totals");
    assert.deepEqual(body.byMode, body.totals.lotsByMode);
    assert.deepEqual(
      body.monthly.map((p: { period: string }) => p.period),
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`),
    );
    const months = await directly(ctx(), "true", [], "YYYY-MM");
    for (const point of body.monthly) assertPoint(point, months.get(point.period), point.period);
    // Every registered town has a row; the town-less enterprise's lots come last under ''.
    const towns = await ctx().db.query<{ code: string }>("select code from towns");
    const codes = body.towns.map((t: { townCode: string }) => t.townCode);
    for (const t of towns) assert.ok(codes.includes(t.code), t.code);
    for (const town of body.towns) {
      const where =
        town.townCode === ""
          ? "e.town_code is null and l.declared_on between '2025-01-01' and '2025-12-31'"
          : "e.town_code = $1 and l.declared_on between '2025-01-01' and '2025-12-31'";
      const expected = await directly(ctx(), where, town.townCode === "" ? [] : [town.townCode], "YYYY");
      const { townCode, townName, ...values } = town;
      assertPoint({ period: "2025", ...values }, expected.get("2025"), `town ${townCode} ${townName}`);
    }
    assert.equal(codes.at(-1), "", "the placeholder town is listed when it has lots");
    assert.equal(body.towns.at(-1).townName, null);
  });

  it("the dashboard of a month counts that month, with the year's months alongside", async () => {
    const res = await get("admin", "/api/v1/indicators/dashboard?period=2024-12");
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.granularity, "month");
    const month = await directly(ctx(), "true", [], "YYYY-MM");
    assertPoint({ period: "2024-12", ...body.totals }, month.get("2024-12"), "totals");
    assert.equal(body.monthly.length, 12);
    assert.equal(body.monthly[0].period, "2024-01");
    const sumTowns = body.towns.reduce((n: number, t: { lots: number }) => n + t.lots, 0);
    assert.equal(sumTowns, body.totals.lots);
  });

  it("exports the same numbers as XLSX (with the towns for the cluster)", async () => {
    const res = await get("regulator", "/api/v1/indicators/export?from=2024-10&to=2025-03");
    assert.equal(res.statusCode, 200, res.body.slice(0, 200));
    assert.match(String(res.headers["content-disposition"]), /indicators-cluster-2024-10-2025-03\.xlsx/);
    const json = (await get("regulator", "/api/v1/indicators?from=2024-10&to=2025-03")).json();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("监管指标");
    assert.ok(sheet);
    assert.equal(sheet.getRow(1).getCell(1).value, "月份");
    assert.equal(sheet.rowCount, 1 + json.series.length + 1);
    json.series.forEach((p: { period: string; lots: number; valueUsd: number }, i: number) => {
      const row = sheet.getRow(i + 2);
      assert.equal(row.getCell(1).value, p.period);
      assert.equal(row.getCell(2).value, p.lots);
      assert.equal(row.getCell(3).value, p.valueUsd);
    });
    assert.equal(sheet.getRow(sheet.rowCount).getCell(1).value, "合计");
    assert.equal(sheet.getRow(sheet.rowCount).getCell(2).value, json.total.lots);
    assert.ok(workbook.getWorksheet("各镇街道"));
    const bad = await get("regulator", "/api/v1/indicators/export?from=2025-03&to=2025-01");
    assert.equal(bad.statusCode, 400);
  });
});
