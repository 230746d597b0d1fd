import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { type Fixtures, seedFixtures } from "../../testing/fixtures.ts";
import { describeEachDb } from "../../testing/harness.ts";
import { runImportFromFile } from "./cli.ts";
import { csvText, xlsx } from "./testing.ts";

const CLI: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  username: "cli",
  displayName: "命令行",
  role: "admin",
  enterpriseId: null,
};
const dir = mkdtempSync(join(tmpdir(), "jingwei-import-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const rand = seededRandom(99);

/** Runs the command with its output captured. */
async function run(file: string, opts: { commit: boolean; acceptPotential: boolean }) {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    await runImportFromFile(ctxDb(), CLI, file, opts);
    return { lines, error: null as Error | null };
  } catch (err) {
    return { lines, error: err as Error };
  } finally {
    console.log = log;
  }
}

let ctxDb: () => Parameters<typeof runImportFromFile>[0];

describeEachDb("jingwei import (CLI)", (ctx) => {
  let f: Fixtures;

  it("previews without --commit and prints the first errors in Chinese", async () => {
    ctxDb = () => ctx().db;
    f = await seedFixtures(ctx().db);
    const file = join(dir, `${ctx().kind}-errors.xlsx`);
    writeFileSync(
      file,
      await xlsx([
        ["统一社会信用代码", "企业名称", "镇街道", "成立日期"],
        [generateUscc(rand), "平湖市一号服饰有限公司", "火星镇", "2001-02-03"],
        [generateUscc(rand), "平湖市二号服饰有限公司", "当湖街道", "不详"],
      ]),
    );
    const preview = await run(file, { commit: false, acceptPotential: false });
    assert.equal(preview.error, null);
    assert.ok(preview.lines.some((l) => l.includes("共 2 行：错误 2")));
    assert.ok(preview.lines.some((l) => /第 2 行\s+镇街道\s+未知的镇\/街道：火星镇/.test(l)));
    assert.ok(preview.lines.some((l) => /第 3 行\s+成立日期\s+日期格式应为 YYYY-MM-DD/.test(l)));

    const refused = await run(file, { commit: true, acceptPotential: false });
    assert.match(refused.error?.message ?? "", /仍有 2 行错误/);
  });

  it("commits with --commit, confirming potential matches with --accept-potential", async () => {
    const file = join(dir, `${ctx().kind}-ok.csv`);
    const uscc = generateUscc(rand);
    writeFileSync(
      file,
      csvText([
        ["统一社会信用代码", "企业名称", "从业人数"],
        [uscc, "平湖市命令行服饰有限公司", 12],
        [null, "新仓金穗服饰", 81],
      ]),
    );
    const pending = await run(file, { commit: true, acceptPotential: false });
    assert.match(pending.error?.message ?? "", /1 行疑似匹配未确认/);
    const done = await run(file, { commit: true, acceptPotential: true });
    assert.equal(done.error, null, done.error?.message);
    assert.ok(
      done.lines.some((l) => l.includes("已提交：新建 1 家，更新 1 家")),
      done.lines.join("\n"),
    );
    const [b] = await ctx().db.query<{ employees: number }>(
      "select employees from enterprises where id = $1",
      [f.enterpriseB.id],
    );
    assert.equal(b?.employees, 81);
  });

  it("fails with the file's error", async () => {
    const file = join(dir, `${ctx().kind}-bad.xlsx`);
    writeFileSync(file, Buffer.from("%PDF-1.4 not a list"));
    const bad = await run(file, { commit: false, acceptPotential: false });
    assert.match(bad.error?.message ?? "", /无法识别的文件格式.*\[UNSUPPORTED_FILE\]/s);
  });
});
