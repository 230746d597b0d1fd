// Browser journey of classified supervision (issue 3): an enterprise declares a lot; the inspector records defects
// and rejects it; after two rejections in five lots the next plan is tightened; the regulator reclassifies and the
// enterprise's class page shows the new class with its reasons.
import assert from "node:assert/strict";
import { before, describe, it as test } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import type { Browser, Page } from "playwright-core";
import { call, login, type Session } from "../apps/server/src/testing/harness.ts";
import { DEMO_PASSWORD, journey, screenshot } from "./support.ts";

const ENTERPRISE_NAME = "平湖市经纬童装测试有限公司";
const ENTERPRISE_USER = "jw-e2e-kids";
const PASSWORD = "kids-password-1";

/** A children's-wear lot of 1,200 pieces: level II, AQL 2.5 → code letter J, n = 80 (normal Ac 5 / Re 6). */
const LOT = {
  productCategory: "childrens",
  hsCode: "6111200000",
  quantity: 1200,
  lotSize: 1200,
  valueUsd: 18500,
  destination: "JP",
  buyer: "Nishimatsu Trading",
  selfInspection: { sampleSize: 80, defectsFound: 1, passed: true },
};

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

async function signIn(browser: Browser, baseUrl: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  try {
    await page.getByTestId("login-username").waitFor({ timeout: 10_000 });
  } catch (err) {
    await screenshot(page, `failed-login-${username}`);
    throw err;
  }
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(/\/console/);
  return page;
}

/** Picks an option of a searchable Ant Design select by typing its text (long lists are virtual). */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: text })
    .first()
    .click();
}

describe("classified supervision journey (browser)", () => {
  const session = journey();
  let admin: Session;
  let regulator: Session;
  let inspector: Session;
  let enterpriseId: string;

  before(async () => {
    const { app } = session().server;
    admin = await login(app, "admin", DEMO_PASSWORD);
    regulator = await login(app, "regulator", DEMO_PASSWORD);
    inspector = await login(app, "inspector", DEMO_PASSWORD);
    // A new exporter of children's wear, assessed well on the checklist and without certifications: its first
    // class is II (score 90 would be I; no certificate in force caps it at II), so high-risk lots are stringent.
    const created = await call(app, admin, "POST", "/api/v1/enterprises", {
      uscc: generateUscc(seededRandom(20261122)),
      name: ENTERPRISE_NAME,
      town: "xindai",
      exportFlag: true,
      mainProducts: "婴幼儿针织服装",
    });
    assert.equal(created.statusCode, 201, created.body);
    enterpriseId = created.json().id;
    const user = await call(app, admin, "POST", "/api/v1/users", {
      username: ENTERPRISE_USER,
      displayName: "童装测试 质量经理",
      role: "enterprise",
      enterpriseId,
      password: PASSWORD,
    });
    assert.equal(user.statusCode, 201, user.body);
    const scores = Object.fromEntries(
      [
        "creditworthiness",
        "productionCapacity",
        "inspectionCapability",
        "staffCompetence",
        "supplierManagement",
        "exportComplaints",
        "traceability",
        "qualityManagementSystem",
        "otherFactors",
      ].map((id) => [id, 9]),
    );
    const assessed = await call(app, regulator, "PUT", `/api/v1/classes/${enterpriseId}/assessment`, {
      scores,
      assessedOn: new Date().toISOString().slice(0, 10),
    });
    assert.equal(assessed.statusCode < 300, true, assessed.body);
    const first = await call(app, regulator, "POST", `/api/v1/classes/${enterpriseId}/reclassify`, {});
    assert.equal(first.statusCode < 300, true, first.body);
  });

  test("an enterprise declares a lot and is told at once that it will be inspected, and why", async () => {
    const { server, browser } = session();
    const page = await signIn(browser, server.baseUrl, ENTERPRISE_USER, PASSWORD);
    await page.getByTestId("menu-lots").click();
    await page.getByTestId("declare-button").click();
    await page.waitForURL(/\/console\/lots\/new/);
    await choose(page, "declare-category", "婴幼儿及儿童服装");
    await page.getByTestId("declare-hs-code").fill(LOT.hsCode);
    await page.getByTestId("declare-quantity").fill(String(LOT.quantity));
    await page.getByTestId("declare-lot-size").fill(String(LOT.lotSize));
    await page.getByTestId("declare-value").fill(String(LOT.valueUsd));
    await choose(page, "declare-destination", "日本");
    await page.getByTestId("declare-buyer").fill(LOT.buyer);
    await page.getByTestId("declare-self-sample").fill("80");
    await page.getByTestId("declare-self-defects").fill("1");
    await page.getByTestId("declare-submit").click();
    const decision = page.getByTestId("lot-decision");
    await decision.waitFor();
    assert.match((await page.getByTestId("lot-decision-reason").textContent()) ?? "", /严密监管|stringent/i);
    await screenshot(page, "supervision-01-declared");
    await page.context().close();
  });

  test("the inspector finds it in the task list, records defects and rejects it", async () => {
    const { server, browser } = session();
    const page = await signIn(browser, server.baseUrl, "inspector", DEMO_PASSWORD);
    await page.getByTestId("menu-tasks").click();
    await page.getByTestId("task-scope").waitFor();
    // The demo cluster has many open tasks; the list's filters live in the address, as a shared link would.
    await page.goto(`${server.baseUrl}/console/tasks?enterpriseId=${enterpriseId}`);
    const row = page.getByTestId("task-row").filter({ hasText: ENTERPRISE_NAME }).first();
    await row.waitFor();
    await row.getByTestId("claim-button").click();
    await row.getByTestId("inspect-button").click();
    await page.waitForURL(/\/inspect$/);
    assert.equal(await page.getByTestId("plan-stage").textContent(), "正常检验");
    assert.equal(await page.getByTestId("plan-sample-size").textContent(), "80");
    await page.getByTestId("defect-add").click();
    await choose(page, "defect-code", "开缝");
    await page.getByTestId("defect-quantity").fill("6");
    await page.getByTestId("inspection-verdict").filter({ hasText: "不合格" }).waitFor();
    await screenshot(page, "supervision-02-defects");
    await page.getByTestId("inspection-submit").click();
    await page.getByTestId("inspection-confirm").click();
    await page.locator('[data-testid="lot-status"][data-status="rework"]').first().waitFor();
    await page.context().close();
  });

  test("after two rejections in five lots the next plan is tightened", async () => {
    const { server, browser } = session();
    const { app } = server;
    const owner = await login(app, ENTERPRISE_USER, PASSWORD);
    const declare = async () => {
      const res = await call(app, owner, "POST", "/api/v1/lots", { ...LOT, shipDate: inAWeek() });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    const second = await declare();
    const secondId: string = second.lot?.id ?? second.id;
    const rejected = await call(app, inspector, "POST", `/api/v1/lots/${secondId}/inspections`, {
      round: 1,
      defects: [{ defectCode: "workmanship.open_seam", quantity: 6 }],
      result: "rejected",
    });
    assert.equal(rejected.statusCode, 201, rejected.body);
    const third = await declare();
    const thirdId: string = third.lot?.id ?? third.id;

    const page = await signIn(browser, server.baseUrl, "inspector", DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/console/lots/${thirdId}/inspect`);
    await page.getByTestId("plan-stage").filter({ hasText: "加严检验" }).waitFor();
    // Tightened J at AQL 2.5: the same 80 pieces, but Ac 3 / Re 4 instead of 5 / 6.
    assert.equal(await page.getByTestId("plan-sample-size").textContent(), "80");
    await screenshot(page, "supervision-03-tightened");
    await page.context().close();
  });

  test("the regulator reclassifies and the enterprise's class page shows the new class with its reasons", async () => {
    const { server, browser } = session();
    const page = await signIn(browser, server.baseUrl, "regulator", DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/console/classes/${enterpriseId}`);
    await page.getByTestId("class-tag").filter({ hasText: "二类" }).waitFor();
    await page.getByTestId("reclassify-button").click();
    await page.getByTestId("class-tag").filter({ hasText: "三类" }).waitFor();
    await screenshot(page, "supervision-04-reclassified");
    await page.context().close();

    const own = await signIn(browser, server.baseUrl, ENTERPRISE_USER, PASSWORD);
    await own.getByTestId("menu-classes").click();
    await own.getByTestId("class-tag").filter({ hasText: "三类" }).waitFor();
    const reasons = (await own.getByTestId("class-reason").allTextContents()).join("\n");
    assert.match(reasons, /合格率/);
    await screenshot(own, "supervision-05-enterprise-class");
    await own.context().close();
  });
});
