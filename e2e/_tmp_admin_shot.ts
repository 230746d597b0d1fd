// Throwaway: screenshots of the case settings' outbox and SMTP tabs (deleted after use).
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { DEMO_PASSWORD, launchBrowser, startServer } from "./support.ts";
import { sendOutbox, smtpFromEnv, smtpTransport } from "../apps/server/src/modules/cases/mailer.ts";

const server = await startServer();
const smtp = new SMTPServer({ disabledCommands: ["STARTTLS", "AUTH"], authOptional: true, logger: false,
  onRcptTo(a, _s, cb) { if (a.address.startsWith("czj")) { const e = new Error("mailbox unavailable") as Error & {responseCode:number}; e.responseCode = 550; cb(e);} else cb(); },
  onData(stream, _s, cb) { stream.resume(); stream.on("end", () => cb()); } });
await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
const port = (smtp.server.address() as AddressInfo).port;
await server.db.query(`insert into email_outbox (to_address, subject, body, kind) values ('rsj@example.invalid', '新交办案件 测试', '请受理', 'case.routed'), ('czj@example.invalid', '【经纬】逾期汇总', '两件逾期', 'case.digest')`);
const cfg = smtpFromEnv({ JINGWEI_SMTP_URL: `smtp://127.0.0.1:${port}`, JINGWEI_SMTP_FROM: "jingwei@pinghu.example" });
const tr = smtpTransport(cfg!);
console.log(await sendOutbox(server.db, tr));
tr.close();
const browser = await launchBrowser();
const page = await (await browser.newContext({ locale: "zh-CN", viewport: { width: 1400, height: 900 } })).newPage();
await page.goto(`${server.baseUrl}/login`);
await page.getByTestId("login-username").fill("admin");
await page.getByTestId("login-password").fill(DEMO_PASSWORD);
await page.getByTestId("login-submit").click();
await page.waitForURL(/\/console/);
await page.goto(`${server.baseUrl}/console/case-admin`);
await page.getByRole("tab", { name: "邮件发件箱" }).click();
await page.getByTestId("outbox-status-cell").first().waitFor();
await page.screenshot({ path: "/tmp/jw-shot/outbox.png", fullPage: true });
await page.getByRole("tab", { name: "SMTP 发件设置" }).click();
await page.getByTestId("smtp-mode-console").click();
await page.getByTestId("smtp-host").fill("127.0.0.1");
await page.getByTestId("smtp-port").fill(String(port));
await page.getByTestId("smtp-from").fill("jingwei@pinghu.example");
await page.getByTestId("smtp-save").click();
await page.getByTestId("smtp-active").filter({ hasText: "控制台" }).waitFor();
await page.getByTestId("smtp-test-to").fill("admin@pinghu.example");
await page.getByTestId("smtp-test").click();
await page.getByText("测试邮件已发送至").first().waitFor();
await page.screenshot({ path: "/tmp/jw-shot/smtp.png", fullPage: true });
await browser.close();
await server.close();
smtp.close();
