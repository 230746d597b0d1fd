import type { Db } from "../../platform/db.ts";
import { startPeriodic } from "../../platform/periodic.ts";
import { todayInChina } from "../supervision/context.ts";
import { type ReclassifyResult, reclassifyAllIn } from "./service.ts";

// Monthly reclassification of every exporter. The job row in scheduled_jobs is the memory: a restart, or a
// second server, does not run the month twice (the row is locked while a run is under way).

const JOB = "reclassify-all";
const HOUR_MS = 3600_000;

/**
 * Runs the monthly reclassification when it is due — never run, or last run in an earlier month than `now`
 * (China time) — and records when and what. Returns the result, or null when not due or disabled.
 */
export async function runScheduledReclassify(
  db: Db,
  now: Date = new Date(),
): Promise<ReclassifyResult | null> {
  const today = todayInChina(now);
  return db.tx(async (sql) => {
    const [job] = await sql.query<{ enabled: boolean; lastRunAt: Date | string | null }>(
      `select enabled, last_run_at as "lastRunAt" from scheduled_jobs where name = $1 for update`,
      [JOB],
    );
    if (!job?.enabled) return null;
    if (job.lastRunAt && todayInChina(new Date(job.lastRunAt)).slice(0, 7) >= today.slice(0, 7)) return null;
    const result = await reclassifyAllIn(sql, null, "schedule", today);
    await sql.query("update scheduled_jobs set last_run_at = $2, last_result = $3::jsonb where name = $1", [
      JOB,
      now.toISOString(),
      JSON.stringify(result),
    ]);
    return result;
  });
}

/** Starts the hourly check (first after 5 s); the month's run happens once whatever the number of checks or servers. */
export function startClassificationSchedule(
  db: Db,
  log: (message: string) => void = console.log,
): () => void {
  return startPeriodic(() => runScheduledReclassify(db), {
    firstAfterMs: 5_000,
    everyMs: HOUR_MS,
    onResult: (result) => {
      if (result)
        log(
          `Monthly reclassification: ${result.classified} of ${result.enterprises} exporters classified, ` +
            `${result.changed} changed, ${result.notAssessed} not assessed (${result.durationMs} ms)`,
        );
    },
    onError: (err) => log(`Monthly reclassification failed: ${err instanceof Error ? err.message : err}`),
  });
}
