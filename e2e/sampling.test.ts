import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { DEMO_PASSWORD, expectTitle, journey, screenshot } from "./support.ts";

// The AQL sampling plan calculator of the public portal: anyone, without signing in, enters a lot of 1200 at
// inspection level II and reads the plan for each defect class (major: J, n 80, Ac 5 / Re 6).

/** Picks the option shown as `label` in the Ant Design select with the given test id. */
async function choose(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
  await option.click();
  await page.locator(".ant-select-dropdown:visible").waitFor({ state: "hidden" });
}

/** Code letter, sample size and "Ac / Re" of one result card. */
async function planOf(card: Locator): Promise<[string, string, string]> {
  return [
    (await card.getByTestId("sampling-code-letter").textContent()) ?? "",
    (await card.getByTestId("sampling-sample-size").textContent()) ?? "",
    (await card.getByTestId("sampling-ac-re").textContent()) ?? "",
  ];
}

/** Waits until the card shows the given plan (results follow the form after a short debounce). */
async function expectPlan(card: Locator, plan: [string, string, string]) {
  await card.getByTestId("sampling-ac-re").filter({ hasText: plan[2] }).waitFor();
  assert.deepEqual(await planOf(card), plan);
}

describe("sampling plan calculator (browser)", () => {
  const session = journey();

  test("the portal header links to the calculator, which opens without signing in", async () => {
    const { server, page } = session();
    await page.goto(server.baseUrl);
    await page.getByTestId("portal-nav-sampling").click();
    await page.waitForURL(/\/sampling$/);
    await expectTitle(page, "抽样方案计算器");
    await page.getByTestId("sampling-empty").waitFor();
    // Signed out: the header offers to sign in, not the console.
    assert.equal(await page.getByTestId("portal-login-button").textContent(), "登录");
  });

  test("lot 1200 at level II: major J / 80 / 5-6, minor 7-8, critical not allowed 0-1", async () => {
    const { page } = session();
    await page.getByTestId("sampling-lot-size").fill("1200");
    await choose(page, "sampling-level", "II（常用）");
    const major = page.getByTestId("sampling-result-major");
    await major.waitFor();
    await expectPlan(major, ["J", "80", "5 / 6"]);
    assert.equal(await major.getByTestId("sampling-aql").textContent(), "AQL 2.5");
    assert.equal(await major.getByTestId("sampling-full-inspection").count(), 0);
    assert.equal(await major.getByTestId("sampling-unverified").count(), 0);

    const minor = page.getByTestId("sampling-result-minor");
    await expectPlan(minor, ["J", "80", "7 / 8"]);
    assert.equal(await minor.getByTestId("sampling-aql").textContent(), "AQL 4.0");

    const critical = page.getByTestId("sampling-result-critical");
    await expectPlan(critical, ["J", "80", "0 / 1"]);
    assert.equal(await critical.getByTestId("sampling-aql").textContent(), "不允许（0 收 1 退）");
    await critical.getByTestId("sampling-zero-acceptance").waitFor();
    // The form is in the address, so the plan can be shared as a link.
    assert.equal(new URL(page.url()).searchParams.get("lotSize"), "1200");
    await screenshot(page, "sampling-01-lot-1200-level-II");
  });

  test("tightened inspection: another plan, marked as from an unverified table", async () => {
    const { page } = session();
    await choose(page, "sampling-stage", "加严检验");
    const major = page.getByTestId("sampling-result-major");
    await expectPlan(major, ["J", "80", "3 / 4"]);
    await major.getByTestId("sampling-unverified").waitFor();
    await screenshot(page, "sampling-02-tightened-unverified");
  });

  test("a small lot is inspected in full; a critical AQL gives a plan of the tables", async () => {
    const { page } = session();
    await choose(page, "sampling-stage", "正常检验");
    await page.getByTestId("sampling-lot-size").fill("5");
    const major = page.getByTestId("sampling-result-major");
    await major.getByTestId("sampling-full-inspection").waitFor();
    await expectPlan(major, ["A", "5", "0 / 1"]);

    await page.getByTestId("sampling-lot-size").fill("1200");
    await choose(page, "sampling-aql-critical", "0.065");
    const critical = page.getByTestId("sampling-result-critical");
    await expectPlan(critical, ["J", "200", "0 / 1"]);
    await critical.getByTestId("sampling-plan-letter").waitFor();
    await screenshot(page, "sampling-03-critical-aql-0.065");
  });

  test("in English", async () => {
    const { server, page } = session();
    await page.goto(`${server.baseUrl}/sampling?lotSize=1200&level=II`);
    await page.getByTestId("language-switch").click();
    await expectTitle(page, "AQL sampling plan");
    const major = page.getByTestId("sampling-result-major");
    await major.filter({ hasText: "Major defects" }).waitFor();
    await expectPlan(major, ["J", "80", "5 / 6"]);
    await screenshot(page, "sampling-04-english");
  });

  test("in the console: an inspector opens the calculator from the menu", async () => {
    const { server, page } = session();
    await page.getByTestId("language-switch").click(); // back to Chinese
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId("login-username").fill("inspector");
    await page.getByTestId("login-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(/\/console/);
    await page.getByTestId("menu-sampling").click();
    await page.waitForURL(/\/console\/sampling/);
    await expectTitle(page, "抽样方案计算器");
    await page.getByTestId("sampling-lot-size").fill("1200");
    await expectPlan(page.getByTestId("sampling-result-major"), ["J", "80", "5 / 6"]);
    await screenshot(page, "sampling-05-console");
  });
});
