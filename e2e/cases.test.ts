// Browser journey of the case loop (issue 5): a member of the public raises a problem on the portal without signing
// in and gets a tracking number; follows it; the coordinator finds it, routes it to a department and splits a second
// problem off into a case of its own; a department member answers it publicly and adds an internal note; the
// submitter sees the reply (not the note, not their own contact) and the split-off case's number, follows it and
// rates the answer satisfied; the dashboard counts both collected and the one closed.
import assert from "node:assert/strict";
import { before, describe, it as test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { call, login } from "../apps/server/src/testing/harness.ts";
import { DEMO_PASSWORD, expectTitle, journey, screenshot } from "./support.ts";

/** Unique words, so a match can only be this journey's case and not one of the demo's. */
const TITLE = "经纬测试：工业园东门路灯损坏夜间无照明";
const DESCRIPTION =
  "平湖经济技术开发区服装产业园东门一带路灯已损坏两周，夜班工人下班回家看不清路，请有关部门尽快修复。";
const CONTACT = "13957300417";
const ENTERPRISE = "平湖市经纬夜灯测试服饰有限公司";
const MARKET_REGULATION = "平湖市市场监督管理局";
const REPLY = "经现场核查，东门路灯线路老化，已于本周更换线路和灯具，现已恢复夜间照明。";
const NOTE = "内部：线路更换费用由园区管委会承担，勿对外答复。";
/** The second problem of the same submission, split off for the labour bureau. */
const PART_TITLE = "经纬测试：夜班工人缺少通勤班车";
const PART_DESCRIPTION = "路灯修好之前，希望协调开通工业园夜班通勤班车，方便夜班工人回家。";

interface Stats {
  collected: number;
  closed: number;
  satisfaction: { satisfied: number };
}

/** A fresh visitor: no cookies, a browser in Pinghu (times on the pages read as local times there). */
async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1400, height: 900 },
  });
  return context.newPage();
}

async function signIn(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(/\/console/);
  return page;
}

/** Picks an option of an Ant Design select by typing its text (searchable selects filter, long lists are virtual). */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: text })
    .first()
    .click();
}

/** Opens the journey's case from the console case list, found by its tracking number. */
async function openCaseFromList(page: Page, trackingNumber: string): Promise<void> {
  await page.getByTestId("menu-cases").click();
  await expectTitle(page, "诉求案件");
  await page.getByTestId("search-input").fill(trackingNumber);
  await page.getByTestId("search-button").click();
  // The unfiltered first page may already list the new case: wait until the search leaves only it.
  await page.waitForURL(/[?&]q=/);
  await page.getByTestId("case-row").nth(1).waitFor({ state: "detached" });
  const row = page.getByTestId("case-row").filter({ hasText: trackingNumber });
  await row.waitFor();
  await row.getByTestId("case-link").click();
  await expectTitle(page, TITLE);
}

/** The number an antd Statistic shows (group separators removed). */
async function statistic(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator(".ant-statistic-content-value").textContent();
  return Number((text ?? "").replace(/[^\d]/g, ""));
}

describe("case loop journey (browser)", () => {
  const session = journey();
  let trackingNumber = "";
  let partNumber = "";
  let baseline: Stats;

  before(async () => {
    const { app } = session().server;
    const regulator = await login(app, "regulator", DEMO_PASSWORD);
    const res = await call(app, regulator, "GET", "/api/v1/cases/stats");
    assert.equal(res.statusCode, 200, res.body);
    baseline = res.json();
  });

  test("a member of the public raises a problem from the portal and gets a tracking number", async () => {
    const { server, browser } = session();
    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId("portal-nav-case-new").click();
    await page.waitForURL(/\/cases\/new$/);
    await expectTitle(page, "我要反映问题");
    // Nothing filled in: the form says what is missing instead of sending.
    await page.getByTestId("submit-button").click();
    await page.locator(".ant-form-item-explain-error").filter({ hasText: "必填" }).first().waitFor();
    await choose(page, "submit-category", "其他");
    await page.getByTestId("submit-title").fill(TITLE);
    await page.getByTestId("submit-description").fill(DESCRIPTION);
    await page.getByTestId("submit-enterprise").fill(ENTERPRISE);
    await page.getByTestId("submit-contact").fill(CONTACT);
    await page.getByTestId("submit-button").click();
    const number = page.getByTestId("tracking-number");
    await number.waitFor();
    trackingNumber = ((await number.textContent()) ?? "").trim();
    // Shown grouped for copying down (PH + date, then the random part and the check symbol).
    assert.match(trackingNumber, /^PH\d{6}-[0-9A-Z]{5}-[0-9A-Z]{6}$/);
    await screenshot(page, "cases-01-submitted");

    await page.getByTestId("track-link").click();
    await page.waitForURL(/\/cases\/track\?n=/);
    const result = page.getByTestId("track-result");
    await page.getByTestId("track-number").filter({ hasText: trackingNumber }).waitFor();
    await result.locator('[data-testid="case-status"][data-status="new"]').waitFor();
    assert.match((await result.textContent()) ?? "", new RegExp(TITLE));
    await page.getByTestId("timeline-event").filter({ hasText: "提交" }).first().waitFor();
    const body = (await page.locator("main").textContent()) ?? "";
    assert.ok(!body.includes(CONTACT), "the contact is never shown publicly");
    assert.ok(!body.includes(ENTERPRISE), "nor the enterprise's name");
    await screenshot(page, "cases-02-tracked-new");

    // One mistyped symbol fails the check symbol: "not found", nothing of the case.
    const last = trackingNumber.at(-1) === "0" ? "1" : "0";
    await page.getByTestId("track-input").fill(trackingNumber.slice(0, -1) + last);
    await page.getByTestId("track-button").click();
    await page.getByTestId("track-not-found").waitFor();
    assert.equal(await page.getByTestId("track-result").count(), 0);
    await page.context().close();
  });

  test("the coordinator finds it in the case list and routes it to the market-regulation bureau", async () => {
    const { server, browser } = session();
    assert.ok(trackingNumber, "submitted first");
    const page = await signIn(browser, server.baseUrl, "regulator");
    // No department takes "other" by category: the coordinators are told it waits for them.
    await page.getByTestId("menu-notifications").click();
    await page
      .getByTestId("notification")
      .filter({ hasText: `待交办案件 ${trackingNumber}` })
      .waitFor();
    await openCaseFromList(page, trackingNumber);
    // "Other" has no department of its own: the case waits for the coordinator; staff see the contact.
    await page.getByTestId("case-department").filter({ hasText: "待分派" }).waitFor();
    await page.getByText(CONTACT).waitFor();
    // Every action offered is one the page can carry out: each button has its name.
    const labels = await page.getByTestId("case-actions").locator("button").allTextContents();
    assert.ok(labels.length > 0 && labels.every((l) => l.trim() !== ""), JSON.stringify(labels));
    await page.getByTestId("action-assign").click();
    await choose(page, "action-department", MARKET_REGULATION);
    await page.getByTestId("action-ok").click();
    await page.getByTestId("case-department").filter({ hasText: MARKET_REGULATION }).waitFor();
    await page.getByTestId("timeline-event").filter({ hasText: MARKET_REGULATION }).first().waitFor();
    await screenshot(page, "cases-03-routed");

    // The description raises a second problem: split it off as a case of its own, routed by its category.
    await page.getByTestId("action-split").click();
    await choose(page, "split-category", "用工人才");
    await page.getByTestId("split-title").fill(PART_TITLE);
    await page.getByTestId("split-description").fill(PART_DESCRIPTION);
    await page.getByTestId("split-ok").click();
    const link = page.getByTestId("split-link");
    await link.waitFor();
    partNumber = ((await link.textContent()) ?? "").trim();
    assert.match(partNumber, /^PH\d{6}-[0-9A-Z]{5}-[0-9A-Z]{6}$/);
    await screenshot(page, "cases-03b-split");
    await page.getByTestId("split-close").click();
    // The original carries on with its department; its timeline names the new case.
    await page.getByTestId("timeline-case-link").filter({ hasText: partNumber }).waitFor();
    await page.getByTestId("case-department").filter({ hasText: MARKET_REGULATION }).waitFor();
    await page.context().close();
  });

  test("a member of the bureau starts work, notes internally and answers publicly", async () => {
    const { server, browser } = session();
    // The demo seeder makes the inspector a member of the market-regulation bureau.
    const page = await signIn(browser, server.baseUrl, "inspector");
    // The bureau's members are told of the case routed to them, and see it in their work queue.
    await page.getByTestId("menu-notifications").click();
    await page
      .getByTestId("notification")
      .filter({ hasText: `新交办案件 ${trackingNumber}` })
      .waitFor();
    await openCaseFromList(page, trackingNumber);
    await page.getByTestId("action-start").click();
    await page.locator(".ant-popconfirm:visible .ant-btn-primary").click();
    await page.locator('[data-testid="case-status"][data-status="inProgress"]').first().waitFor();

    await page.getByTestId("note-text").fill(NOTE);
    await page.getByTestId("note-submit").click();
    await page.getByTestId("timeline-internal").filter({ hasText: NOTE }).waitFor();

    await page.getByTestId("action-answer").click();
    // An empty reply is refused on the field.
    await page.getByTestId("action-ok").click();
    await page.locator(".ant-modal .ant-form-item-explain-error").first().waitFor();
    await page.getByTestId("action-reply").fill(REPLY);
    await page.getByTestId("action-ok").click();
    await page.locator('[data-testid="case-status"][data-status="answered"]').first().waitFor();
    await page.getByTestId("timeline-event").filter({ hasText: REPLY }).waitFor();
    await screenshot(page, "cases-04-answered");
    await page.context().close();
  });

  test("the submitter sees the reply (not the note, not their contact) and rates it satisfied", async () => {
    const { server, browser } = session();
    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId("portal-nav-case-track").click();
    await expectTitle(page, "办理进度查询");
    await page.getByTestId("track-input").fill(trackingNumber);
    await page.getByTestId("track-button").click();
    await page.getByTestId("public-reply").filter({ hasText: REPLY }).waitFor();
    const result = page.getByTestId("track-result");
    await result.locator('[data-testid="case-status"][data-status="answered"]').waitFor();
    assert.match((await result.textContent()) ?? "", new RegExp(MARKET_REGULATION));
    const body = (await page.locator("main").textContent()) ?? "";
    assert.ok(!body.includes(NOTE), "the internal note stays internal");
    assert.ok(!body.includes(CONTACT), "the contact is never shown publicly");
    assert.equal(await page.getByTestId("timeline-internal").count(), 0);
    await screenshot(page, "cases-05-reply");

    await page.getByTestId("rating-satisfied").click();
    await page.getByTestId("rating-submit").click();
    await result.locator('[data-testid="case-status"][data-status="closed"]').waitFor();
    await result.getByTestId("case-rating").filter({ hasText: "满意" }).waitFor();
    assert.equal(await page.getByTestId("rating-form").count(), 0, "an answer is rated once");
    await screenshot(page, "cases-06-rated");

    // The split-off problem is followed by its own number, which names the original; still no contact.
    await page.getByTestId("timeline-case-link").filter({ hasText: partNumber }).click();
    await page.getByTestId("track-number").filter({ hasText: partNumber }).waitFor();
    await result.locator('[data-testid="case-status"][data-status="new"]').waitFor();
    assert.match((await result.textContent()) ?? "", new RegExp(PART_TITLE));
    await page.getByTestId("timeline-case-link").filter({ hasText: trackingNumber }).waitFor();
    assert.ok(!((await page.locator("main").textContent()) ?? "").includes(CONTACT));
    await screenshot(page, "cases-06b-split-part");
    await page.context().close();
  });

  test("the dashboard counts both collected, the answered one closed and satisfied", async () => {
    const { server, browser } = session();
    const page = await signIn(browser, server.baseUrl, "regulator");
    await page.getByTestId("menu-case-dashboard").click();
    await expectTitle(page, "诉求办理看板");
    await page.getByTestId("dash-collected").waitFor();
    assert.equal(await statistic(page, "dash-collected"), baseline.collected + 2);
    assert.equal(await statistic(page, "dash-closed"), baseline.closed + 1);
    assert.equal(await statistic(page, "dash-satisfied"), baseline.satisfaction.satisfied + 1);
    await screenshot(page, "cases-07-dashboard");
    await page.context().close();
  });
});
