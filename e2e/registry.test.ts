import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { generateUscc, seededRandom, usccCheckChar } from "@jingwei/rules";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD, expectTitle, journey, screenshot } from "./support.ts";

// The registry journey of issue 2: sign in, search 华城 and hcjt, open the detail, import an XLSX with one bad row,
// see the error, fix it, confirm a potential match, commit, find the new enterprise; switch language.

const NEW_NAME = "平湖市经纬测试服饰有限公司";
const FIXED_NAME = "平湖市星河测试制衣有限公司";

async function importFile(): Promise<{ path: string; goodUscc: string }> {
  const rand = seededRandom(7);
  const goodUscc = generateUscc(rand);
  const fixable = generateUscc(rand);
  // The same code with a wrong check character: the one bad row.
  const wrongCheck = fixable.slice(0, 17) + (usccCheckChar(fixable.slice(0, 17)) === "0" ? "1" : "0");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名单");
  sheet.addRow(["统一社会信用代码", "企业名称", "地址", "镇街道"]);
  sheet.addRow([goodUscc, NEW_NAME, "平湖市当湖街道经纬路1号", "当湖街道"]);
  sheet.addRow([wrongCheck, FIXED_NAME, "平湖市新仓镇星河路2号", "新仓镇"]);
  sheet.addRow(["", "平湖华城实业投资有限公司", "", ""]);
  const dir = mkdtempSync(join(tmpdir(), "jw-e2e-"));
  const path = join(dir, "企业名单.xlsx");
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return { path, goodUscc: fixable };
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(/\/console/);
}

async function search(page: Page, text: string) {
  await page.getByTestId("search-input").fill(text);
  await page.getByTestId("search-button").click();
  await page.waitForURL((url) => url.searchParams.get("q") === text);
}

describe("registry journey (browser)", () => {
  const session = journey();

  test("the public portal shows the cluster without signing in", async () => {
    const { server, page } = session();
    await page.goto(server.baseUrl);
    await page.getByTestId("indicator-chart").waitFor();
    await assert.doesNotReject(page.getByTestId("portal-enterprise-count").waitFor());
    await screenshot(page, "01-portal");
  });

  test("a regulator signs in and finds 华城 by Chinese fragment and by initials", async () => {
    const { server, page } = session();
    await signIn(page, server.baseUrl, "regulator");
    await page.goto(`${server.baseUrl}/console/enterprises`);
    await search(page, "华城");
    await page.getByTestId("enterprise-row").filter({ hasText: "浙江华城实业投资集团有限公司" }).waitFor();
    await screenshot(page, "02-search-huacheng");
    await search(page, "hcjt");
    // The table re-renders after the request: wait for the single hit rather than reading the old rows.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="enterprise-row"]').length === 1,
    );
    const rows = page.getByTestId("enterprise-row");
    assert.match((await rows.first().textContent()) ?? "", /浙江华城实业投资集团有限公司/);
  });

  test("the town filter narrows the list and is kept in the address", async () => {
    const { server, page } = session();
    await page.goto(`${server.baseUrl}/console/enterprises`);
    await page.getByTestId("filter-town").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "新仓镇" }).click();
    await page.getByTestId("search-button").click();
    await page.waitForURL((url) => url.searchParams.get("town") === "xincang");
    const [row] = await server.db.query<{ n: number }>(
      "select count(*)::int as n from enterprises where town_code = 'xincang'",
    );
    // The total follows the request: wait for the filtered count rather than reading the old one.
    await page
      .locator(".ant-pagination-total-text")
      .filter({ hasText: new RegExp(`\\b${row?.n}\\b`) })
      .waitFor();
    // Filters and the search live in the address: a link opens the same list.
    await page.goto(`${server.baseUrl}/console/enterprises?q=${encodeURIComponent("华城")}`);
    await page.getByTestId("enterprise-row").filter({ hasText: "浙江华城实业投资集团有限公司" }).waitFor();
  });

  test("the detail page shows the record, its honours and its history", async () => {
    const { page } = session();
    await page.getByTestId("enterprise-link").filter({ hasText: "浙江华城实业投资集团有限公司" }).click();
    await page.getByTestId("enterprise-info").waitFor();
    await expectTitle(page, /浙江华城实业投资集团有限公司/);
    await page.getByTestId("tab-honours").click();
    await page.getByTestId("honour-row").filter({ hasText: "出口免验" }).first().waitFor();
    await screenshot(page, "03-detail-honours");
  });

  test("an import with one bad row is previewed, fixed, confirmed and committed", async () => {
    const { server, page } = session();
    const file = await importFile();
    await page.goto(`${server.baseUrl}/console/imports/new`);
    await page.getByTestId("import-upload").setInputFiles(file.path);
    await page.getByTestId("import-summary").waitFor({ timeout: 30_000 });
    await page.getByTestId("import-blocked").waitFor();
    // The bad row shows its field error in Chinese.
    await page.getByTestId("import-tab-error").click();
    const errors = page.getByTestId("import-row-errors").first();
    await errors.waitFor();
    assert.match((await errors.textContent()) ?? "", /校验位/);
    await screenshot(page, "04-import-error");
    // Fix it in place.
    await page.getByTestId("import-row-edit").first().click();
    await page.getByTestId("import-row-field-uscc").fill(file.goodUscc);
    await page.getByTestId("import-row-save").click();
    await page.getByTestId("import-row-form").waitFor({ state: "detached" });
    // Confirm the potential match with 浙江华城.
    await page.getByTestId("import-tab-potential_match").click();
    await page.getByTestId("import-confirm-match").first().click();
    await page.getByTestId("import-ready").waitFor();
    await screenshot(page, "05-import-ready");
    await page.getByTestId("import-commit-button").click();
    await page.getByTestId("import-commit-confirm").click();
    await page.getByTestId("import-result").waitFor({ timeout: 30_000 });
    await screenshot(page, "06-import-done");
    // Both new enterprises are in the registry.
    await page.goto(`${server.baseUrl}/console/enterprises`);
    for (const name of [NEW_NAME, FIXED_NAME]) {
      await search(page, name.slice(3, 7));
      await page.getByTestId("enterprise-row").filter({ hasText: name }).waitFor();
    }
  });

  test("the suggestions of an import are accepted all at once", async () => {
    const { server, page } = session();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("名单");
    sheet.addRow(["统一社会信用代码", "企业名称", "从业人数"]);
    sheet.addRow(["", "平湖华城实业投资有限公司", 1300]);
    const path = join(mkdtempSync(join(tmpdir(), "jw-e2e-")), "建议.xlsx");
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.goto(`${server.baseUrl}/console/imports/new`);
    await page.getByTestId("import-upload").setInputFiles(path);
    await page.getByTestId("import-blocked").waitFor({ timeout: 30_000 });
    await page.getByTestId("import-accept-suggestions").click();
    await page.getByTestId("import-accept-suggestions-confirm").waitFor();
    await screenshot(page, "06a-import-accept-suggestions");
    await page.getByTestId("import-accept-suggestions-confirm").click();
    await page.getByTestId("import-ready").waitFor();
    // Nothing left to accept: the button goes.
    await page.getByTestId("import-accept-suggestions").waitFor({ state: "detached" });
    assert.equal(
      await page
        .getByTestId("import-summary-potential_match")
        .locator(".ant-statistic-content-value")
        .textContent(),
      "0",
    );
  });

  test("the language switch turns the console into English and back", async () => {
    const { page } = session();
    // The switch toggles between the two locales.
    await page.getByTestId("language-switch").click();
    await page.waitForFunction(() => /Enterprises/.test(document.body.textContent));
    await screenshot(page, "07-english");
    await page.getByTestId("language-switch").click();
    await page.waitForFunction(
      () => /企业名录|企业/.test(document.body.textContent) && !/Enterprises/.test(document.body.textContent),
    );
  });

  test("an admin pages through the accounts and the audit log", async () => {
    const { server, browser } = session();
    const ctx = await browser.newContext({ locale: "zh-CN" });
    const p = await ctx.newPage();
    await signIn(p, server.baseUrl, "admin");
    await p.goto(`${server.baseUrl}/console/users`);
    await p.getByTestId("user-row").filter({ hasText: "huacheng" }).waitFor();
    await p.goto(`${server.baseUrl}/console/audit`);
    await p.getByTestId("audit-row").first().waitFor();
    await screenshot(p, "09-audit-log");
    await ctx.close();
  });

  test("an enterprise user sees its own record and gets 404 for another's", async () => {
    const { server, browser } = session();
    const ctx = await browser.newContext({ locale: "zh-CN" });
    const p = await ctx.newPage();
    await signIn(p, server.baseUrl, "huacheng");
    const [other] = await server.db.query<{ id: string }>(
      "select id from enterprises where name <> '浙江华城实业投资集团有限公司' limit 1",
    );
    await p.goto(`${server.baseUrl}/console/enterprises/${other?.id}`);
    await p.getByTestId("result-404").waitFor();
    await screenshot(p, "08-enterprise-404");
    await ctx.close();
  });
});
