// Browser journey of the evaluation-system editor (issue 4): an administrator opens the published star rating (read
// only), makes a new version of it, raises one indicator's points so the total no longer matches the 1000-point star
// bands, sees the Chinese message on the band's field, fixes it by taking the points from another indicator, saves
// and publishes; the new version is then frozen like the old one.
import assert from "node:assert/strict";
import { describe, it as test } from "node:test";
import { STAR_RATING_SYSTEM } from "@jingwei/rules";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD, expectTitle, journey, screenshot } from "./support.ts";

const STAR = STAR_RATING_SYSTEM.name.zh;
const BAND_FIELD = "rating.overall.banding.bands[0].max";
const PLAN = "sections[0].indicators[0]"; // st-plan, single choice, 25 points
const TARGETS = "sections[0].indicators[1]"; // st-targets, yes / partially / no, 25 points

/** Types a number into an InputNumber of the editor (select all first: fill keeps antd's formatting in step). */
async function setNumber(page: Page, path: string, value: number): Promise<void> {
  const input = page.getByTestId(`field-${path}`);
  await input.click();
  await input.fill(String(value));
  await input.blur();
}

/** Waits until the validation panel, fed by the server as the user types, counts `errors` errors. */
async function errorsShown(page: Page, errors: number): Promise<void> {
  await page.locator(`[data-testid="system-issues"][data-errors="${errors}"]`).waitFor();
}

describe("evaluation system editor (browser)", () => {
  const session = journey();
  let page: Page;

  test("an administrator opens the published star rating read-only and makes a new version", async () => {
    const { server } = session();
    page = session().page;
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId("login-username").fill("admin");
    await page.getByTestId("login-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(/\/console/);
    await page.getByTestId("menu-evaluation-systems").click();
    await page
      .getByTestId("system-row")
      .filter({ hasText: STAR })
      .filter({ hasText: STAR_RATING_SYSTEM.version })
      .getByTestId("system-view")
      .click();
    await expectTitle(page, `${STAR} ${STAR_RATING_SYSTEM.version}`);
    await page.locator('[data-testid="system-status"][data-status="published"]').waitFor();
    await page.getByTestId("system-frozen").waitFor();
    // Read-only: no save or publish, the fields are disabled.
    assert.equal(await page.getByTestId("system-save").count(), 0);
    assert.ok(await page.getByTestId("field-version").isDisabled());
    await screenshot(page, "evaluation-systems-01-published-read-only");

    await page.getByTestId("system-new-version").click();
    await page.getByTestId("system-new-version-ok").click();
    await page.locator('[data-testid="system-status"][data-status="draft"]').waitFor();
    await expectTitle(page, `${STAR} 2024.2`);
    assert.equal(await page.getByTestId("field-version").inputValue(), "2024.2");
  });

  test("points that no longer add up to the bands show the Chinese message on the band's field", async () => {
    await page.getByTestId("system-tab-sections").click();
    // 44 indicators: the search finds the one to change and opens its section.
    await page.getByTestId("indicator-search").fill("发展战略");
    await page.getByTestId("indicator-search-count").filter({ hasText: "1 个指标符合" }).waitFor();
    await setNumber(page, `${PLAN}.maxPoints`, 30);
    await errorsShown(page, 1);
    await page.getByTestId("system-sum").filter({ hasText: "满分合计 1005" }).waitFor();
    // Publishing is blocked while there is an error; saving is refused by the server with the same issue.
    assert.ok(await page.getByTestId("system-publish").isDisabled());
    await page.getByTestId("system-save").click();
    await page.locator(".ant-message").filter({ hasText: "评价体系有 1 处错误" }).waitFor();

    const issue = page.locator('[data-testid="system-issue"][data-code="band_coverage"]');
    await issue.click();
    const onField = page.getByTestId(`field-issue-${BAND_FIELD}`);
    await onField.waitFor();
    assert.equal(await onField.textContent(), "分数段止于 1000，应止于满分 1005");
    await screenshot(page, "evaluation-systems-02-band-issue-on-field");
  });

  test("the administrator moves the points from another indicator, saves and publishes", async () => {
    await page.getByTestId("system-tab-sections").click();
    await page.getByTestId("indicator-search").fill("");
    await page.getByTestId(`field-${TARGETS}.maxPoints`).waitFor();
    await setNumber(page, `${TARGETS}.maxPoints`, 20);
    // The best option of st-plan must earn its new 30 points (else a warning says it cannot).
    await setNumber(page, `${PLAN}.options[3].points`, 30);
    await errorsShown(page, 0);
    await page.getByTestId("system-sum").filter({ hasText: "满分合计 1000" }).waitFor();
    await page.getByTestId("system-save").click();
    await page.locator(".ant-message").filter({ hasText: "草稿已保存" }).waitFor();
    await screenshot(page, "evaluation-systems-03-fixed-and-saved");

    await page.getByTestId("system-publish").click();
    await page.getByTestId("system-publish-confirm").click();
    await page.locator('[data-testid="system-status"][data-status="published"]').waitFor();
    await page.getByTestId("system-frozen").waitFor();
    await screenshot(page, "evaluation-systems-04-published");

    const [row] = await session().server.db.query<{ status: string; definition: typeof STAR_RATING_SYSTEM }>(
      "select status, definition from evaluation_systems where code = $1 and version = '2024.2'",
      [STAR_RATING_SYSTEM.id],
    );
    assert.equal(row?.status, "published");
    const [plan, targets] = row?.definition.sections[0]?.indicators ?? [];
    assert.equal(plan?.maxPoints, 30);
    assert.equal(targets?.maxPoints, 20);
  });
});
