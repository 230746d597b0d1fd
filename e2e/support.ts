import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { after, before } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { buildApp } from "../apps/server/src/app.ts";
import { seedDemo } from "../apps/server/src/modules/demo/seed.ts";
import { loadConfig } from "../apps/server/src/platform/config.ts";
import { type Db, openPglite } from "../apps/server/src/platform/db.ts";
import type { App } from "../apps/server/src/platform/http.ts";
import { migrate } from "../apps/server/src/platform/migrate.ts";

/** Debian's Chromium; Playwright's own browser builds cannot be downloaded here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = new URL("./screenshots/", import.meta.url).pathname;
export const DEMO_PASSWORD = "e2e-password";

export interface E2EServer {
  app: App;
  db: Db;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real server with the built console, on an in-memory PGlite with a small demo cluster. */
export async function startServer(): Promise<E2EServer> {
  const db = await openPglite(null);
  await migrate(db);
  await seedDemo(db, { password: DEMO_PASSWORD, totalEnterprises: 300 });
  const app = await buildApp({ db, config: loadConfig({}) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

export interface Journey {
  server: E2EServer;
  browser: Browser;
  page: Page;
}

/** Registers the hooks of one browser journey: a server with the demo cluster and one zh-CN page, closed after. */
export function journey(): () => Journey {
  let current: Journey | undefined;
  before(async () => {
    const server = await startServer();
    const browser = await launchBrowser();
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1400, height: 900 } });
    current = { server, browser, page: await context.newPage() };
  });
  after(async () => {
    await current?.browser.close();
    await current?.server.close();
  });
  return () => {
    if (!current) throw new Error("journey not started");
    return current;
  };
}

/** Waits until the page title reads `title` (a lazily loaded page replaces the previous one's title a bit later). */
export async function expectTitle(page: Page, title: string | RegExp): Promise<void> {
  await page.getByTestId("page-title").filter({ hasText: title }).waitFor();
}
