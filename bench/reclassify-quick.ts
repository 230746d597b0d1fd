// Quick measure of "reclassify every enterprise" on PostgreSQL (target ≤ 10 s for 50,000 exporters): a throwaway
// database with 50,000 exporters, a checklist each, 24 months of lot_stats_monthly rows (no lots: the signals
// read only the monthly sums), some certificates and quality events; then reclassifyAll three times.
//
//   node --import tsx bench/reclassify-quick.ts [--enterprises 50000] [--runs 3] [--keep | --reuse]
//
// --keep leaves the database jingwei_reclassify_quick for psql (and for --reuse, which measures on it without
// loading again); otherwise it is dropped at the end. Results go to stdout, progress to stderr.

import { cpus, loadavg } from "node:os";
import pg from "pg";
import { reclassifyAll } from "../apps/server/src/modules/classification/service.ts";
import { ruleSetInForce, todayInChina } from "../apps/server/src/modules/supervision/context.ts";
import { type Db, openPostgres } from "../apps/server/src/platform/db.ts";
import { migrate } from "../apps/server/src/platform/migrate.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENTERPRISES = arg("enterprises", 50_000);
const RUNS = arg("runs", 3);
const KEEP = process.argv.includes("--keep") || process.argv.includes("--reuse");
const REUSE = process.argv.includes("--reuse");
const SERVER = process.env.JINGWEI_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const NAME = "jingwei_reclassify_quick";

const log = (msg: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The registry, checklists, monthly sums, certificates and quality events (plain SQL, seeded randomness). */
async function loadData(db: Db, today: string) {
  const rs = await ruleSetInForce(db);
  let t = performance.now();
  // Checklists spread over the bands: each element 5–10 of its maximum, in half points.
  const elements = rs.rules.elements
    .map((el) => `'${el.id}', round((5 + 5 * random()) * ${el.maxScore} / 10 * 2)::numeric / 2`)
    .join(", ");
  await db.tx(async (sql) => {
    await sql.query("select setseed(0.42)");
    // Valid-looking USCCs: 91 (company) 330482 (Pinghu) + 9-digit serial + a check character.
    await sql.query(
      `insert into enterprises (uscc, name, normalised_name, export_flag, is_synthetic, search_tokens)
       select '91330482' || lpad(g::text, 9, '0') || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + g % 31, 1),
         n, n, true, true, to_tsvector('simple', n)
       from generate_series(1, $1::int) g, lateral (select '平湖基准服饰' || g || '有限公司' as n) x`,
      [ENTERPRISES],
    );
    await sql.query(
      `insert into enterprise_assessments (enterprise_id, scores, assessed_on)
       select id, jsonb_build_object(${elements}), $1::date - 30 from enterprises`,
      [today],
    );
  });
  log(`${ENTERPRISES} exporters and checklists in ${seconds(performance.now() - t)}`);

  t = performance.now();
  await db.tx(async (sql) => {
    await sql.query("select setseed(0.17)");
    // The town rollup trigger is off (replica role): nothing here reads it.
    await sql.query("set local session_replication_role = replica");
    await sql.query(
      `insert into lot_stats_monthly (enterprise_id, month, lots, value_usd, self_passed, inspected,
         official_accepted, official_rejected, released_without_inspection, mode_stringent)
       select e.id, m.month, r.lots, r.lots * 5000, r.lots - r.self_failed, r.inspected,
         r.inspected - r.rejected, r.rejected, r.lots - r.inspected, r.inspected
       from enterprises e
       cross join generate_series(date_trunc('month', $1::date) - interval '23 months',
                                  date_trunc('month', $1::date), interval '1 month') m(month)
       cross join lateral (select (random() * 12)::int + (e.id is null)::int as lots) l
       cross join lateral (
         select l.lots, (l.lots * random() * 0.08)::int as self_failed,
           (l.lots * (0.3 + 0.7 * random()))::int as inspected,
           least((l.lots * 0.3)::int, (random() < 0.06)::int) as rejected) r`,
      [today],
    );
    // Certificates for 60 %, a quality event for 10 %: every signal source has rows.
    await sql.query(
      `insert into enterprise_certifications (enterprise_id, type, valid_from, valid_to)
       select id, 'ISO9001', $1::date - 400, $1::date + 400 from enterprises where random() < 0.6`,
      [today],
    );
    await sql.query(
      `insert into quality_events (enterprise_id, kind, occurred_on, description)
       select id, (array['return', 'claim', 'warning', 'complaint', 'penalty'])[1 + (random() * 4)::int],
         $1::date - (random() * 700)::int, '基准测试'
       from enterprises where random() < 0.1`,
      [today],
    );
  });
  await db.query("vacuum analyze");
  const [rows] = await db.query<{ n: number }>("select count(*)::int8 as n from lot_stats_monthly");
  log(`${rows?.n} lot_stats_monthly rows, certificates, events in ${seconds(performance.now() - t)}`);
}

async function main() {
  if (!REUSE) {
    await admin(`drop database if exists ${NAME}`);
    await admin(`create database ${NAME}`);
  }
  const url = new URL(SERVER);
  url.pathname = `/${NAME}`;
  const db = openPostgres(url.toString(), 4);
  try {
    await migrate(db);
    const today = todayInChina();
    if (!REUSE) await loadData(db, today);

    const results: string[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const cpu = process.cpuUsage();
      const before = loadAverage();
      const started = performance.now();
      const r = await reclassifyAll(db, null, "all", today);
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const line =
        `run ${run}: ${seconds(wall)} (Node CPU ${seconds((used.user + used.system) / 1000)}; ` +
        `classified ${r.classified}, changed ${r.changed}; load average ${before} → ${loadAverage()})`;
      log(line);
      results.push(line);
    }
    const [size] = await db.query<{ size: string; rows: number }>(
      `select pg_size_pretty(pg_total_relation_size('class_decisions')) as size,
         (select count(*)::int8 from class_decisions) as rows`,
    );
    console.log(
      [
        `reclassifyAll, PostgreSQL, ${ENTERPRISES} exporters, ${cpus().length} cores`,
        ...results,
        `class_decisions after the runs: ${size?.rows} rows, ${size?.size}`,
      ].join("\n"),
    );
  } finally {
    await db.close();
    if (!KEEP) await admin(`drop database if exists ${NAME}`);
    else log(`kept database ${NAME}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
