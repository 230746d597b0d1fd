// npm run bench -- [--db pglite|postgres|both] [--enterprises N] [--scenario search,import] [--requests N]
//                  [--concurrency N] [--import-rows N] [--decide-sample N] [--batch N] [--write] [--keep]
//                  [--pg-url URL] [--memory] [--lots N] [--loader demo|bulk]
//   supervision scenarios: --scenario reclassify,tasks,dashboard,declare (or "supervision" for all four)
// See bench/README.md.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createUser } from "../apps/server/src/modules/users/service.ts";
import type { Actor } from "../apps/server/src/platform/access.ts";
import { caseSuite } from "./cases.ts";
import { type BenchDb, createBenchDb, type DbKind, DEFAULT_PG_URL } from "./db.ts";
import { evaluationSuite } from "./evaluations.ts";
import { generateRegistry } from "./generate.ts";
import { importModuleAvailable, runImportScenario } from "./import.ts";
import {
  importSection,
  machineInfo,
  type SectionHeader,
  searchSection,
  sectionKey,
  updateResults,
} from "./report.ts";
import { runSearchScenario, writeExplainFile } from "./search.ts";
import type { BenchSuite } from "./suite.ts";
import {
  type HttpOutcome,
  runDashboard,
  runDeclare,
  runReclassify,
  runTasks,
  SUPERVISION_SCENARIOS,
  type SupervisionScenario,
} from "./supervision.ts";
import { loadBulk, loadDemo, type SupervisionLoad } from "./supervision-load.ts";
import { httpSection, reclassifySection } from "./supervision-report.ts";

const SUITES: BenchSuite[] = [evaluationSuite, caseSuite];

const HELP = `Usage: npm run bench -- [options]

  --db pglite|postgres|both   databases to measure (default both)
  --enterprises N             synthetic registry size (default: 1200 on PGlite, 100000 on PostgreSQL)
  --scenario search,import    scenarios to run (default search,import); supervision (issue 3):
                              reclassify, tasks, dashboard, declare, or "supervision" for all four
  --requests N                measured search requests per run (default 2000, shared by the weights of the mix)
  --concurrency N             clients of the concurrent HTTP run (default 4)
  --import-rows N             rows of the import file (default: 1.25 × the registry, at most 100000)
  --decide-sample N           potential matches decided one by one with decideRow (as in the console) before
                              the others are confirmed in bulk with acceptBestCandidates (default 20)
  --batch N                   enterprises per INSERT while generating (default 1000)
  --pg-url URL                PostgreSQL server to create the throwaway database on
                              (default $JINGWEI_BENCH_DATABASE_URL or ${DEFAULT_PG_URL})
  --memory                    PGlite in memory instead of a temporary data folder
  --write                     update bench/RESULTS.md (the section of the same scenario, database and size)
  --keep                      keep the database afterwards (to investigate with psql)

Supervision scenarios (their own database; --enterprises defaults to 1200 on PGlite, 50000 on PostgreSQL):
  --loader demo|bulk          demo: the demo seeder (registry + two years of lots, as npm start); bulk: the
                              registry generator + lots generated in SQL (default: demo on PGlite, bulk on PostgreSQL)
  --lots N                    lots of the bulk loader (default 5000000)
  --load-workers N            months the bulk loader writes at once, one connection each (default 2)
`;

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    enterprises: { type: "string" },
    scenario: { type: "string", default: "search,import" },
    requests: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "4" },
    "import-rows": { type: "string" },
    batch: { type: "string", default: "1000" },
    "decide-sample": { type: "string", default: "20" },
    "pg-url": { type: "string", default: DEFAULT_PG_URL },
    memory: { type: "boolean", default: false },
    write: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    lots: { type: "string" },
    loader: { type: "string" },
    "load-workers": { type: "string", default: "2" },
    // Options of the suites (bench/suite.ts), passed to them unparsed.
    cases: { type: "string" },
    assessments: { type: "string" },
    findings: { type: "string" },
    rows: { type: "string" },
    seconds: { type: "string" },
    rate: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
  allowPositionals: false,
});

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const positiveInt = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const x = Number(v.replace(/[_,]/g, ""));
  if (!Number.isInteger(x) || x < 1) throw new Error(`--${name} must be a positive integer, not ${v}`);
  return x;
};

const dbs: DbKind[] =
  values.db === "both"
    ? ["pglite", "postgres"]
    : values.db === "pglite" || values.db === "postgres"
      ? [values.db]
      : [];
if (dbs.length === 0) throw new Error(`--db must be pglite, postgres or both, not ${values.db}`);
const scenarios = new Set(
  values.scenario.split(",").flatMap((s) => {
    const name = s.trim();
    if (name === "supervision") return [...SUPERVISION_SCENARIOS];
    return SUITES.find((suite) => suite.name === name)?.scenarios ?? [name];
  }),
);
const KNOWN = new Set<string>([
  "search",
  "import",
  ...SUPERVISION_SCENARIOS,
  ...SUITES.flatMap((suite) => suite.scenarios),
]);
for (const s of scenarios) if (!KNOWN.has(s)) throw new Error(`unknown scenario ${s}`);
const supervisionScenarios = SUPERVISION_SCENARIOS.filter((s) => scenarios.has(s));
for (const s of supervisionScenarios) scenarios.delete(s);
const suiteRuns = SUITES.map((suite) => ({
  suite,
  wanted: suite.scenarios.filter((s) => scenarios.has(s)),
})).filter((r) => r.wanted.length > 0);
for (const { wanted } of suiteRuns) for (const s of wanted) scenarios.delete(s);
const lotsArg = positiveInt("lots", values.lots);
const loadWorkers = positiveInt("load-workers", values["load-workers"]) as number;
if (values.loader !== undefined && values.loader !== "demo" && values.loader !== "bulk")
  throw new Error(`--loader must be demo or bulk, not ${values.loader}`);
const requests = positiveInt("requests", values.requests) as number;
const concurrency = positiveInt("concurrency", values.concurrency) as number;
const batch = positiveInt("batch", values.batch) as number;
const enterprisesArg = positiveInt("enterprises", values.enterprises);
const importRowsArg = positiveInt("import-rows", values["import-rows"]);
const decideSample = Number(values["decide-sample"]);
if (!Number.isInteger(decideSample) || decideSample < 0)
  throw new Error(`--decide-sample must be 0 or a positive integer, not ${values["decide-sample"]}`);

const RESULTS = fileURLToPath(new URL("./RESULTS.md", import.meta.url));
const OUT = fileURLToPath(new URL("./out/", import.meta.url));
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

function progress(label: string) {
  let last = -1;
  return (done: number, total: number) => {
    const pct = Math.floor((done / total) * 10) * 10;
    if (pct !== last) {
      last = pct;
      log(`${label}: ${pct}% (${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")})`);
    }
  };
}

async function benchOne(kind: DbKind): Promise<void> {
  const n = enterprisesArg ?? (kind === "pglite" ? 1200 : 100_000);
  log(`${kind}: creating the database`);
  const bench: BenchDb = await createBenchDb(kind, {
    pgUrl: values["pg-url"],
    keep: values.keep,
    pgliteInMemory: values.memory,
  });
  try {
    log(`${kind}: ${bench.version}, ${bench.location}`);
    const { stats, enterprises } = await generateRegistry(bench.db, n, {
      batch,
      onProgress: progress(`${kind}: generating`),
    });
    log(`${kind}: generated ${n} enterprises in ${stats.seconds.toFixed(1)} s`);
    const header = (scenario: SectionHeader["scenario"], parameters: string): SectionHeader => ({
      scenario,
      db: kind,
      enterprises: n,
      dbVersion: bench.version,
      dbLocation:
        kind === "pglite" ? (values.memory ? "in memory" : "temporary data folder") : "local server",
      parameters,
      machine: machineInfo(),
      date: new Date(),
    });
    const emit = (h: SectionHeader, markdown: string) => {
      process.stdout.write(`\n${markdown}\n`);
      if (values.write) {
        updateResults(RESULTS, sectionKey(h), markdown);
        log(`updated ${RESULTS} (${sectionKey(h)})`);
      }
    };

    if (scenarios.has("search")) {
      const result = await runSearchScenario(bench.db, enterprises, {
        requests,
        concurrency,
        log,
      });
      const explainFile = `${OUT}explain-${kind}-${n}.txt`;
      writeExplainFile(explainFile, result.explained);
      log(`EXPLAIN ANALYZE plans: ${explainFile}`);
      const h = header(
        "search",
        `--requests ${requests} --concurrency ${concurrency} --batch ${batch}; page size 20; ` +
          `${result.mix.length} query kinds weighted as in the table`,
      );
      emit(h, searchSection(h, stats, result));
    }

    if (scenarios.has("import")) {
      // 60 % changed and 20 % variants need distinct enterprises: at most 1.25 × the registry.
      const rows = importRowsArg ?? Math.min(Math.floor(n * 1.25), 100_000);
      const [user] = await bench.db.query<{ id: string }>(
        "select id from users where username = 'bench-admin'",
      );
      const id =
        user?.id ??
        (
          await createUser(bench.db, null, {
            username: "bench-admin",
            displayName: "Benchmark",
            role: "admin",
            password: "bench-password-1",
          })
        ).id;
      const actor: Actor = {
        userId: id,
        username: "bench-admin",
        displayName: "Benchmark",
        role: "admin",
        enterpriseId: null,
      };
      const outcome = await runImportScenario(bench.db, actor, enterprises, {
        rows,
        file: `${OUT}import-${rows}.xlsx`,
        decideSample,
        explainFile: `${OUT}explain-import-${kind}-${rows}.txt`,
        log,
      }).catch((err: Error) => ({
        available: true,
        note: `the import scenario failed: ${err.stack ?? err}`,
      }));
      if (!outcome.available) process.stdout.write(`\n${outcome.note}: import scenario skipped\n`);
      else {
        const h = header("import", `--import-rows ${rows} --decide-sample ${decideSample} --batch ${batch}`);
        emit(h, importSection(h, stats, outcome));
      }
    }
  } finally {
    await bench.drop();
  }
}

/** The supervision scenarios on a database of their own, loaded by the demo seeder or the bulk generator. */
async function benchSupervision(kind: DbKind, wanted: SupervisionScenario[]): Promise<void> {
  const n = enterprisesArg ?? (kind === "pglite" ? 1200 : 50_000);
  const loader = (values.loader as "demo" | "bulk" | undefined) ?? (kind === "pglite" ? "demo" : "bulk");
  const lots = lotsArg ?? 5_000_000;
  log(`${kind}: creating the database for ${wanted.join(", ")}`);
  const bench = await createBenchDb(kind, {
    pgUrl: values["pg-url"],
    keep: values.keep,
    pgliteInMemory: values.memory,
  });
  try {
    log(`${kind}: ${bench.version}, ${bench.location}`);
    let load: SupervisionLoad;
    if (loader === "demo") load = await loadDemo(bench.db, n, (s) => log(`${kind}: ${s}`));
    else {
      const { stats } = await generateRegistry(bench.db, n, {
        batch,
        onProgress: progress(`${kind}: generating the registry`),
      });
      log(`${kind}: registry of ${n} enterprises in ${stats.seconds.toFixed(1)} s`);
      load = await loadBulk(bench.db, { lots, workers: loadWorkers, log: (s) => log(`${kind}: ${s}`) });
      load.phases.unshift({
        label: "registry (generateRegistry, VACUUM ANALYZE)",
        seconds: stats.seconds + stats.analyzeSeconds,
        rows: n,
      });
    }
    const header = (scenario: SupervisionScenario): SectionHeader => ({
      scenario,
      db: kind,
      enterprises: n,
      dbVersion: bench.version,
      dbLocation:
        kind === "pglite" ? (values.memory ? "in memory" : "temporary data folder") : "local server",
      parameters:
        `--loader ${loader}${loader === "bulk" ? ` --lots ${lots}` : ""}` +
        (scenario === "reclassify" ? "" : ` --requests ${requests} --concurrency ${concurrency}`),
      machine: machineInfo(),
      date: new Date(),
    });
    const emit = (h: SectionHeader, markdown: string) => {
      process.stdout.write(`\n${markdown}\n`);
      if (values.write) {
        updateResults(RESULTS, sectionKey(h), markdown);
        log(`updated ${RESULTS} (${sectionKey(h)})`);
      }
    };
    const opts = { requests, concurrency, log: (s: string) => log(`${kind}: ${s}`) };
    for (const scenario of wanted) {
      if (scenario === "reclassify") {
        const r = await runReclassify(bench.db, opts.log);
        emit(header(scenario), reclassifySection(header(scenario), load, r));
        continue;
      }
      const run = { tasks: runTasks, dashboard: runDashboard, declare: runDeclare }[scenario];
      const r: HttpOutcome = await run(bench.db, load, opts).catch((err: Error) => ({
        available: false,
        note: `the scenario failed: ${err.stack ?? err}`,
        route: scenario,
        actor: "",
        mix: [],
        concurrency,
      }));
      const h = { ...header(scenario), scenario };
      emit(h, httpSection(h, load, r));
    }
  } finally {
    await bench.drop();
  }
}

if (scenarios.has("import") && !importModuleAvailable()) {
  process.stdout.write("import module not available: import scenario skipped\n");
  scenarios.delete("import");
}
if (scenarios.size > 0) for (const kind of dbs) await benchOne(kind);
if (supervisionScenarios.length > 0)
  for (const kind of dbs) await benchSupervision(kind, supervisionScenarios);

for (const { suite, wanted } of suiteRuns)
  for (const kind of dbs)
    await suite.run(
      {
        kind,
        pgUrl: values["pg-url"],
        keep: values.keep,
        memory: values.memory,
        requests,
        concurrency,
        options: {
          cases: values.cases,
          assessments: values.assessments,
          findings: values.findings,
          rows: values.rows,
          seconds: values.seconds,
          rate: values.rate,
        },
        log: (s) => log(`${kind}: ${s}`),
        emit: (h, markdown) => {
          process.stdout.write(`\n${markdown}\n`);
          if (values.write) {
            updateResults(RESULTS, sectionKey(h), markdown);
            log(`updated ${RESULTS} (${sectionKey(h)})`);
          }
        },
        header: (scenario, enterprises, dbVersion, parameters) => ({
          scenario,
          db: kind,
          enterprises,
          dbVersion,
          dbLocation:
            kind === "pglite" ? (values.memory ? "in memory" : "temporary data folder") : "local server",
          parameters,
          machine: machineInfo(),
          date: new Date(),
        }),
      },
      wanted,
    );
