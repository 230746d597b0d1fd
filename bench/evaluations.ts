// Issue 4's benchmarks: a year's timesheet of 1,000 workers checked over HTTP, 10,000 star-rating assessments
// scored, and the programme page at 10,000 assessments and 200,000 findings. See bench/README.md ("Evaluation
// scenarios").
import { fileURLToPath } from "node:url";
import { CSC9000T_SYSTEM } from "@jingwei/rules";
import { ensureShippedSystems } from "../apps/server/src/modules/evaluations/systems.ts";
import { createUser } from "../apps/server/src/modules/users/service.ts";
import type { Actor } from "../apps/server/src/platform/access.ts";
import type { Db } from "../apps/server/src/platform/db.ts";
import { createSession } from "../apps/server/src/platform/sessions.ts";
import { createBenchDb } from "./db.ts";
import { loadProgramme } from "./evaluations-load.ts";
import { runProgramme } from "./evaluations-programme.ts";
import { programmeSection, scoringSection, timesheetSection } from "./evaluations-report.ts";
import { runScoring } from "./evaluations-scoring.ts";
import { runTimesheet } from "./evaluations-timesheet.ts";
import { generateRegistry } from "./generate.ts";
import { startServer, writeExplainFile } from "./search.ts";
import type { BenchSuite } from "./suite.ts";

const OUT = fileURLToPath(new URL("./out/", import.meta.url));

const positive = (name: string, v: string | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  const x = Number(v.replace(/[_,]/g, ""));
  if (!Number.isInteger(x) || x < 1) throw new Error(`--${name} must be a positive integer, not ${v}`);
  return x;
};

/** The association's auditor, signed in directly (the login route's rate limit is not what is measured). */
async function auditor(db: Db): Promise<{ actor: Actor; cookie: string; csrf: string }> {
  const u = await createUser(db, null, {
    username: "bench-association",
    displayName: "行业协会（基准）",
    role: "association",
    password: "bench-password-1",
  });
  const { token, csrfToken } = await createSession(db, u.id, 12);
  return {
    actor: {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      role: "association",
      enterpriseId: null,
    },
    cookie: `jw_session=${token}`,
    csrf: csrfToken,
  };
}

/** A CSC9000T assessment of the first enterprise at the expert assessment, where labour checks record findings. */
async function checkedAssessment(db: Db, auditorId: string): Promise<string> {
  await ensureShippedSystems(db);
  const [row] = await db.query<{ id: string }>(
    `insert into evaluation_assessments (enterprise_id, system_id, system_code, system_version, stage, title,
       auditor_ids)
     select (select id from enterprises order by id limit 1), s.id, s.code, s.version, 'expertInitial',
       'Benchmark labour check', array[$3::uuid]
     from evaluation_systems s where s.code = $1 and s.version = $2 returning id`,
    [CSC9000T_SYSTEM.id, CSC9000T_SYSTEM.version, auditorId],
  );
  if (!row) throw new Error("the CSC9000T system is not loaded");
  return row.id;
}

export const evaluationSuite: BenchSuite = {
  name: "evaluations",
  scenarios: ["timesheet", "scoring", "programme"],
  async run(ctx, wanted) {
    const pg = ctx.kind === "postgres";
    const assessments = positive("assessments", ctx.options.assessments, pg ? 10_000 : 1_000);
    const findings = positive("findings", ctx.options.findings, pg ? 200_000 : 20_000);
    const rows = positive("rows", ctx.options.rows, 366_000);
    // The programme's registry: every enterprise assessed, a fifth of them twice or more.
    const registry = Math.max(20, Math.round(assessments * 0.8));
    ctx.log(`creating the database (${wanted.join(", ")})`);
    const bench = await createBenchDb(ctx.kind, {
      pgUrl: ctx.pgUrl,
      keep: ctx.keep,
      pgliteInMemory: ctx.memory,
    });
    try {
      ctx.log(`${bench.version}, ${bench.location}; registry of ${registry} enterprises`);
      await generateRegistry(bench.db, registry, { batch: 1000 });
      const server = await startServer(bench.db);
      try {
        const who = await auditor(bench.db);
        const target = { base: server.base, cookie: who.cookie, csrf: who.csrf };
        for (const scenario of wanted) {
          if (scenario === "timesheet") {
            const r = await runTimesheet({
              rows,
              runs: 3,
              out: OUT,
              target,
              assessmentId: await checkedAssessment(bench.db, who.actor.userId),
              log: ctx.log,
            });
            const h = ctx.header(
              "timesheet",
              registry,
              bench.version,
              `--rows ${r.rows}; 3 runs of each step`,
            );
            ctx.emit(h, timesheetSection(h, r));
          } else if (scenario === "scoring") {
            // No database involved: the 10,000 on both unless asked otherwise.
            const scored = positive("assessments", ctx.options.assessments, 10_000);
            const r = await runScoring(scored, ctx.log);
            const h = ctx.header("scoring", registry, bench.version, `--assessments ${scored} (no database)`);
            ctx.emit(h, scoringSection(h, r));
          } else if (scenario === "programme") {
            const load = await loadProgramme(bench.db, { assessments, findings, log: ctx.log });
            const r = await runProgramme(bench.db, {
              target,
              actor: who.actor,
              requests: ctx.requests,
              concurrency: ctx.concurrency,
              log: ctx.log,
            });
            const file = `${OUT}explain-evaluations-${ctx.kind}-${assessments}.txt`;
            writeExplainFile(
              file,
              r.routes.flatMap((x) => x.explained),
            );
            ctx.log(`EXPLAIN ANALYZE plans: ${file}`);
            const h = ctx.header(
              "programme",
              registry,
              bench.version,
              `--assessments ${assessments} --findings ${findings} --requests ${ctx.requests} --concurrency ${ctx.concurrency}`,
            );
            ctx.emit(h, programmeSection(h, load, r));
          }
        }
      } finally {
        await server.close();
      }
    } finally {
      await bench.drop();
    }
  },
};
