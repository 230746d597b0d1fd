import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { progressBar } from "../../cli/progress.ts";
import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { AppError, ERRORS, errorBody, fieldMessage } from "../../platform/errors.ts";
import { FIELD_LABELS, type ImportField } from "./columns.ts";
import * as repo from "./repo.ts";
import * as service from "./service.ts";

const SHOWN_ERRORS = 20;

/** An AppError as a person reads it on a terminal: the Chinese message, its field messages, and the code. */
function describe(err: unknown): Error {
  if (!(err instanceof AppError)) return err instanceof Error ? err : new Error(String(err));
  const body = errorBody(err, "zh-CN").error;
  const fields = body.fields?.map((f) => `  ${f.message}`).join("\n");
  return new Error(`${body.message} [${body.code}]${fields ? `\n${fields}` : ""}`);
}

function printSummary(job: repo.JobRecord): void {
  const s = { ...repo.emptySummary(), ...job.summary };
  console.log(
    `共 ${s.total} 行：错误 ${s.error}，匹配（将更新）${s.match}，疑似匹配 ${s.potential_match}，` +
      `新企业 ${s.new}，无变化 ${s.unchanged}`,
  );
}

async function printErrors(db: Db, jobId: string, count: number): Promise<void> {
  if (count === 0) return;
  const { items } = await repo.listRows(db, jobId, "error", { limit: SHOWN_ERRORS, offset: 0 });
  console.log(count > SHOWN_ERRORS ? `前 ${SHOWN_ERRORS} 行错误（共 ${count} 行）：` : "错误：");
  for (const row of items)
    for (const e of row.errors) {
      const label = FIELD_LABELS[e.field as ImportField] ?? e.field;
      console.log(`  第 ${row.rowNumber} 行  ${label}  ${fieldMessage(e, "zh-CN")}`);
    }
}

/**
 * `jingwei import <file>`: the same upload, preview and commit as the console, with progress bars. Without
 * --commit the job stays in preview for a person to finish in the console. Throws (exit code 1) when errors or
 * undecided potential matches block a requested commit, or when the commit fails.
 */
export async function runImportFromFile(
  db: Db,
  actor: Actor,
  file: string,
  opts: { commit: boolean; acceptPotential: boolean },
): Promise<void> {
  const buffer = await readFile(file);
  const bar = progressBar("校验与匹配");
  let job: repo.JobRecord;
  try {
    const started = await service.startImport(
      db,
      actor,
      { filename: basename(file), buffer },
      { onProgress: bar.update },
    );
    job = await started.done;
  } catch (err) {
    throw describe(err);
  } finally {
    bar.stop();
  }
  if (job.status !== "preview") throw describe(failure(job));
  printSummary(job);
  await printErrors(db, job.id, job.summary.error ?? 0);

  if (!opts.commit) {
    console.log(`预览已保存（导入编号 ${job.id}）。确认无误后加 --commit 提交，或在控制台“导入”页继续。`);
    return;
  }
  if (opts.acceptPotential && (job.summary.potential_match ?? 0) > 0) {
    const { accepted, left } = await service.acceptBestCandidates(db, job.id, actor);
    console.log(
      `已将 ${accepted} 行疑似匹配确认为得分最高的企业${left > 0 ? `；${left} 行与其他行指向同一企业，需人工确认` : ""}。`,
    );
  }
  const open = await repo.unresolved(db, job.id);
  if (open.errors > 0 || open.pending > 0) {
    if (open.pending > 0 && !opts.acceptPotential)
      console.log("疑似匹配需要确认：加 --accept-potential 全部确认为得分最高的企业，或在控制台逐行确认。");
    throw describe(new AppError("IMPORT_UNRESOLVED", { errors: open.errors, pending: open.pending }));
  }

  const commitBar = progressBar("提交");
  let committed: repo.JobRecord;
  try {
    const started = await service.startCommit(db, actor, job.id, { onProgress: commitBar.update });
    committed = await started.done;
  } catch (err) {
    throw describe(err);
  } finally {
    commitBar.stop();
  }
  if (committed.status !== "committed") throw describe(failure(committed));
  const counts = await repo.commitCounts(db, committed.id);
  console.log(
    `已提交：新建 ${counts.created} 家，更新 ${counts.updated} 家，` +
      `无变化 ${committed.summary.unchanged ?? 0} 家。`,
  );
}

function failure(job: repo.JobRecord): AppError {
  const code = (job.error?.code ?? "INTERNAL") as keyof typeof ERRORS;
  return new AppError(code in ERRORS ? code : "INTERNAL", job.error?.params ?? {});
}
