import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { TimesheetRow } from "@jingwei/rules";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, login, type Session } from "../../testing/harness.ts";
import { day, multipartBody, timesheetXlsx } from "./testing.ts";

const URL = "/api/v1/labour/check";

/** Mon 2024-03-04 … Sat 2024-03-09: six 11-hour days (3 h overtime each), insured, no pay booked. */
const sixElevenHourDays = (): TimesheetRow[] =>
  ["04", "05", "06", "07", "08", "09"].map((d) => day("A1", `2024-03-${d}`, { hours: 11, overtimeHours: 3 }));

describeWithFixtures("labour check", (ctx) => {
  let ent: Session;
  let assoc: Session;
  before(async () => {
    ent = await login(ctx().app, ctx().fixtures.users.enterprise);
    assoc = await login(ctx().app, ctx().fixtures.users.association);
  });

  it("finds a 66-hour week of six 11-hour days (weekly hours), and no daily-overtime breach at exactly 3 h", async () => {
    const res = await call(ctx().app, ent, "POST", URL, { county: "330482", rows: sixElevenHourDays() });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const weekly = body.findings.filter((f: { rule: string }) => f.rule === "weekly_hours");
    assert.equal(weekly.length, 1);
    assert.equal(weekly[0].period, "2024-W10");
    assert.equal(weekly[0].values.hours, 66);
    assert.match(weekly[0].detail.zh, /66 小时/);
    assert.match(weekly[0].detail.en, /66 h/);
    assert.equal(body.findings.filter((f: { rule: string }) => f.rule === "daily_overtime").length, 0);
    assert.equal(body.rows, 6);
    assert.equal(body.workers, 1);
    assert.deepEqual(body.monthlyAverageHours, [{ month: "2024-03", workers: 1, averageHours: 66 }]);
  });

  it("finds 40 h of overtime in a month (over 36 h)", async () => {
    // Twenty weekdays of 2024-04 with 2 h overtime each = 40 h.
    const rows: TimesheetRow[] = [];
    for (let d = 1; d <= 30; d++) {
      const date = `2024-04-${String(d).padStart(2, "0")}`;
      const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (wd === 0 || wd === 6) continue;
      if (rows.length < 20) rows.push(day("B7", date, { hours: 10, overtimeHours: 2, overtimePay: 100 }));
    }
    rows[0] = { ...(rows[0] as TimesheetRow), pay: 5000 };
    const res = await call(ctx().app, assoc, "POST", URL, { county: "330482", rows });
    assert.equal(res.statusCode, 200, res.body);
    const monthly = res.json().findings.filter((f: { rule: string }) => f.rule === "monthly_overtime");
    assert.equal(monthly.length, 1);
    assert.equal(monthly[0].period, "2024-04");
    assert.equal(monthly[0].values.overtimeHours, 40);
    assert.equal(monthly[0].values.excess, 4);
  });

  it("finds holiday work paid at 200 % instead of 300 %", async () => {
    // A full month (22 weekdays × 8 h ≥ 174 h) paid 4350 → hourly base 4350 / 21.75 / 8 = 25; the holiday
    // 2024-10-01 worked 8 h is due 8 × 25 × 300 % = 600, paid 400 (200 %).
    const rows: TimesheetRow[] = [
      day("H1", "2024-10-01", { hours: 8, overtimeHours: 8, holiday: true, overtimePay: 400 }),
    ];
    for (let d = 2; d <= 31; d++) {
      const date = `2024-10-${String(d).padStart(2, "0")}`;
      const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (wd !== 0 && wd !== 6) rows.push(day("H1", date, { pay: rows.length === 1 ? 4350 : 0 }));
    }
    const res = await call(ctx().app, assoc, "POST", URL, { county: "330482", rows });
    assert.equal(res.statusCode, 200, res.body);
    const f = res.json().findings.find((x: { rule: string }) => x.rule === "overtime_pay_holiday");
    assert.ok(f, res.body);
    assert.equal(f.values.required, 600);
    assert.equal(f.values.shortfall, 200);
    assert.equal(f.values.paidPercent, 200);
  });

  it("checks an XLSX upload with Chinese headers below a title row, and audits the check without the rows", async () => {
    const file = await timesheetXlsx(sixElevenHourDays(), { titleRows: [["2024 年 3 月 工时表"]] });
    const { payload, headers } = multipartBody(file, "工时.xlsx", { county: "330482" });
    const res = await ctx().app.inject({
      method: "POST",
      url: URL,
      payload,
      headers: { ...headers, cookie: ent.cookie, "x-csrf-token": ent.csrf },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().rows, 6);
    assert.equal(res.json().byRule.find((r: { rule: string }) => r.rule === "weekly_hours").findings, 1);
    const [audit] = await ctx().db.query<{ entityId: string; after: Record<string, unknown> }>(
      `select entity_id as "entityId", after from audit_log where action = 'labour.check' order by id desc limit 1`,
    );
    assert.equal(audit?.entityId, ctx().fixtures.enterpriseA.id);
    assert.equal(audit?.after.rows, 6);
    assert.equal(audit?.after.source, "工时.xlsx");
    assert.equal(JSON.stringify(audit?.after).includes("A1"), false, "no worker ids in the audit");
  });

  it("refuses a file that is not a timesheet, and a PDF", async () => {
    const list = await timesheetXlsx([["浙江某某服饰有限公司", "当湖街道"]], {
      header: ["企业名称", "镇街"],
    });
    const up = multipartBody(list, "企业名录.xlsx");
    const res = await ctx().app.inject({
      method: "POST",
      url: URL,
      payload: up.payload,
      headers: { ...up.headers, cookie: assoc.cookie, "x-csrf-token": assoc.csrf },
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, "LABOUR_NOT_A_TIMESHEET");
    assert.equal(res.json().error.fields[0].code, "not_a_timesheet");
    const pdf = multipartBody(Buffer.from("%PDF-1.4 not a sheet"), "x.pdf");
    const res2 = await ctx().app.inject({
      method: "POST",
      url: URL,
      payload: pdf.payload,
      headers: { ...pdf.headers, cookie: assoc.cookie, "x-csrf-token": assoc.csrf },
    });
    assert.equal(res2.statusCode, 415, res2.body);
    const noHours = await timesheetXlsx([["A1", "2024-03-04"]], { header: ["工号", "日期"] });
    const up3 = multipartBody(noHours, "x.xlsx");
    const res3 = await ctx().app.inject({
      method: "POST",
      url: URL,
      payload: up3.payload,
      headers: { ...up3.headers, cookie: assoc.cookie, "x-csrf-token": assoc.csrf },
    });
    assert.equal(res3.json().error.code, "LABOUR_COLUMNS_MISSING", res3.body);
  });

  it("refuses negative hours, impossible dates and duplicates with the row and field, in JSON and in a file", async () => {
    const rows = [
      day("A1", "2024-03-04", { hours: -2 }),
      day("A1", "2024-02-30"),
      day("A2", "2024-03-05"),
      day("A2", "2024-03-05"),
    ];
    const res = await call(ctx().app, assoc, "POST", URL, { county: "330482", rows });
    assert.equal(res.statusCode, 400, res.body);
    const err = res.json().error;
    assert.equal(err.code, "LABOUR_INVALID_ROWS");
    const fields = err.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    assert.ok(fields.includes("rows[0].hours:negative_hours"), fields.join());
    assert.ok(fields.includes("rows[1].date:bad_date"), fields.join());
    assert.ok(fields.includes("rows[3].date:duplicate_worker_date"), fields.join());

    const file = await timesheetXlsx([
      ["A1", "2024-03-04", 8, 0, "否", "否", 0, 0, "是"],
      ["A1", "2024-03-05", -1, 0, "否", "否", 0, 0, "是"],
      ["A1", "2024-03-06", "八", 0, "也许", "否", 0, 0, "是"],
    ]);
    const up = multipartBody(file, "x.xlsx");
    const res2 = await ctx().app.inject({
      method: "POST",
      url: URL,
      payload: up.payload,
      headers: { ...up.headers, cookie: assoc.cookie, "x-csrf-token": assoc.csrf },
    });
    assert.equal(res2.statusCode, 400, res2.body);
    const f2 = res2.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    assert.deepEqual(f2.sort(), [
      "file.row[3].hours:negative_hours",
      "file.row[4].hours:not_a_number",
      "file.row[4].restDay:not_a_boolean",
    ]);
  });

  it("refuses an unknown county, a wrongly typed row, and an enterprise checking for another", async () => {
    const bad = await call(ctx().app, assoc, "POST", URL, { county: "999999", rows: sixElevenHourDays() });
    assert.equal(bad.json().error.code, "LABOUR_UNKNOWN_COUNTY", bad.body);
    const typed = await call(ctx().app, assoc, "POST", URL, {
      county: "330482",
      rows: [{ ...day("A1", "2024-03-04"), hours: "8" }],
    });
    assert.equal(typed.statusCode, 400);
    assert.equal(typed.json().error.fields[0].field, "rows[0].hours");
    const foreign = await call(
      ctx().app,
      ent,
      "POST",
      `${URL}?enterpriseId=${ctx().fixtures.enterpriseB.id}`,
      { county: "330482", rows: sixElevenHourDays() },
    );
    assert.equal(foreign.statusCode, 403);
    assert.equal(foreign.json().error.code, "LABOUR_FOREIGN_ENTERPRISE");
    const inspector = await login(ctx().app, ctx().fixtures.users.inspector);
    const denied = await call(ctx().app, inspector, "POST", URL, {
      county: "330482",
      rows: sixElevenHourDays(),
    });
    assert.equal(denied.statusCode, 403);
  });
});
