// Browser journey of the programme at scale and its hours and wage trends (issue 4): the association opens the
// programme, sees the cluster's monthly hours fall along seed 000's curve and overlays one pilot, then pages and
// filters the enterprise list on the server; a pilot's own account sees its months beside the cluster's, and no
// other enterprise's.
import assert from "node:assert/strict";
import { describe, it as test } from "node:test";
import type { Page, Response } from "playwright-core";
import { DEMO_PASSWORD, expectTitle, journey, screenshot } from "./support.ts";

const PILOT = "浙江华城实业投资集团有限公司";
const OTHER_PILOT = "平湖市悦春毛衫制衣有限公司";

interface Trends {
  cluster: { month: string; averageHours: number; enterprises: number }[];
  enterprise: { name: string; months: { month: string }[] } | null;
  enterprises: { id: string; name: string }[];
}

const trendsResponse = (page: Page) =>
  page.waitForResponse((r: Response) => r.url().includes("/api/v1/labour/trends") && r.status() === 200);

async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(/\/console/);
}

describe("programme trends (browser)", () => {
  const session = journey();

  test("the association sees the cluster's hours fall from 320–350 h to 250–280 h and overlays a pilot", async () => {
    const { server, page } = session();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.baseUrl, "association");
    const opened = trendsResponse(page);
    await page.getByTestId("menu-evaluations").click();
    await expectTitle(page, "评价项目总览");
    const trends = (await (await opened).json()) as Trends;
    const at = (m: string) => trends.cluster.find((x) => x.month === m)?.averageHours ?? 0;
    assert.ok(at("2006-12") >= 320 && at("2006-12") <= 350, `${at("2006-12")}`);
    assert.ok(at("2013-12") >= 250 && at("2013-12") <= 280, `${at("2013-12")}`);
    assert.equal(trends.enterprises.length, 11);
    await page.getByTestId("labour-trends-hours").locator("canvas").waitFor();
    await page.getByTestId("labour-trends-compliance").locator("canvas").waitFor();

    const overlaid = trendsResponse(page);
    await page.getByTestId("labour-trends-enterprise").locator(".ant-select").click();
    await page.keyboard.type("华城");
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: PILOT })
      .click();
    const withPilot = (await (await overlaid).json()) as Trends;
    assert.equal(withPilot.enterprise?.name, PILOT);
    assert.equal(withPilot.enterprise?.months.length, 85);
    await page
      .getByTestId("labour-trends")
      .filter({ hasText: `${PILOT}：合规员工占比` })
      .waitFor();
    await screenshot(page, "labour-trends-01-cluster-and-pilot");
  });

  test("the enterprise list is paged, filtered and searched on the server", async () => {
    const { page } = session();
    const rows = page.getByTestId("programme-enterprises").getByTestId("assessment-link");
    await rows.first().waitFor();
    assert.equal(await rows.count(), 11);
    await page.getByTestId("programme-search").fill("悦春");
    await page.getByTestId("search-button").click();
    await page.waitForURL(/q=/);
    await rows.filter({ hasText: OTHER_PILOT }).waitFor();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="programme-enterprises"] [data-testid="assessment-link"]')
          .length === 1,
    );
    await page.getByTestId("search-reset").click();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="programme-enterprises"] [data-testid="assessment-link"]')
          .length === 11,
    );
    await screenshot(page, "labour-trends-02-programme-list");
  });

  test("a pilot sees its own months beside the cluster's, and nothing of the other pilots", async () => {
    const { server, browser } = session();
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.baseUrl, "huacheng");
    const opened = trendsResponse(page);
    await page.getByTestId("menu-evaluations").click();
    const own = (await (await opened).json()) as Trends;
    assert.equal(own.enterprise?.name, PILOT);
    assert.deepEqual(
      own.enterprises.map((e) => e.name),
      [PILOT],
    );
    assert.equal(own.cluster.length, 85);
    await page
      .getByTestId("labour-trends")
      .filter({ hasText: `${PILOT}：合规员工占比` })
      .waitFor();
    assert.equal(await page.getByTestId("labour-trends-enterprise").count(), 0);
    await screenshot(page, "labour-trends-03-pilot-own");
    await context.close();
  });
});
