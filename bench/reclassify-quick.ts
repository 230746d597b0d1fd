// Quick measure of "reclassify every enterprise" on PostgreSQL: a throwaway database with 50,000 exporters, a
// checklist each and 24 months of lot_stats_monthly rows (no lots: the signals read only the monthly sums), then
// reclassifyAll three times. Target: ≤ 10 s per run.
//
//   node --import tsx bench/reclassify-quick.ts [--enterprises 50000] [--runs 3] [--keep]
//
// Progress and results go to stderr/stdout; the database jingwei_reclassify_quick is dropped at the end.

import { cpus, loadavg } from "node:os";
import pg from "pg";
import { reclassifyAll } from "../apps/server/src/modules/classification/service.ts";
import { ruleSetInForce, todayInChina } from "../apps/server/src/modules/supervision/context.ts";
import { openPostgres } from "../apps/server/src/platform/db.ts";
import { migrate } from "../apps/server/src/platform/migrate.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENTERPRISES = arg("enterprises", 50_000);
const RUNS = arg("runs", 3);
const KEEP = process.argv.includes("--keep");
const SERVER = process.env.JINGWEI_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const NAME = "jingwei_reclassify_quick";

const log = (msg: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
const load = () =>
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

async function main() {
  await admin(`drop database if exists ${NAME}`);
  await admin(`create database ${NAME}`);
  const url = new URL(SERVER);
  url.pathname = `/${NAME}`;
  const db = openPostgres(url.toString(), 4);
  try {
    await migrate(db);
    const today = todayInChina();
    const rs = await ruleSetInForce(db);
    let t = performance.now();

    // Valid-looking USCCs: 9133 0482 (Zhejiang, Pinghu) + 9-digit serial + check character.
    await db.query(
      `insert into enterprises (uscc, name, normalised_name, export_flag, is_synthetic, search_tokens)
       select '91330482' || lpad(g::text, 9, '0') || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + g % 31, 1),
         n, n, true, true, to_tsvector('simple', n)
       from generate_series(1, $1::int) g, lateral (select '平湖基准服饰' || g || '有限公司' as n) x`,
      [ENTERPRISES],
    );
    // Checklists spread over the bands (scores 5–10 of 10 per element, in half points).
    const elements = rs.rules.elements
      .map((el) => `'${el.id}', round((5 + 5 * random()) * ${el.maxScore} / 10 * 2)::numeric / 2`)
      .join(", ");
    await db.query("select setseed(0.42)");
    await db.query(
      `insert into enterprise_assessments (enterprise_id, scores, assessed_on)
       select id, jsonb_build_object(${elements}), $1::date - 30 from enterprises`,
      [today],
    );
    log(`${ENTERPRISES} exporters and checklists in ${seconds(performance.now() - t)}`);

    // 24 months of monthly sums per exporter; the town rollup trigger is off (not read here).
    t = performance.now();
    await db.tx(async (sql) => {
      await sql.query("set local session_replication_role = replica");
      await sql.query(
        `insert into lot_stats_monthly (enterprise_id, month, lots, value_usd, self_passed, inspected,
           official_accepted, official_rejected, released_without_inspection, mode_stringent)
         select e.id, m.month, s.lots, s.lots * 5000, s.lots - s.self_failed, s.inspected,
           s.inspected - s.rejected, s.rejected, s.lots - s.inspected, s.inspected
         from enterprises e
         cross join generate_series(date_trunc('month', $1::date) - interval '23 months',
                                    date_trunc('month', $1::date), interval '1 month') m(month)
         cross join lateral (select (random() * 12)::int as lots) l
         cross join lateral (
           select l.lots, (l.lots * random() * 0.08)::int as self_failed,
             (l.lots * (0.3 + 0.7 * random()))::int as inspected,
             case when random() < 0.06 then 1 else 0 end as reject_flag) r
         cross join lateral (select r.lots, r.self_failed, r.inspected,
             least(r.inspected, r.reject_flag) as rejected) s`,
        [today],
      );
    });
    // Some certificates and quality events, so every signal source has rows.
    await db.query(
      `insert into enterprise_certifications (enterprise_id, type, valid_from, valid_to)
       select id, 'ISO9001', $1::date - 400, $1::date + 400 from enterprises where random() < 0.6`,
      [today],
    );
    await db.query(
      `insert into quality_events (enterprise_id, kind, occurred_on, description)
       select id, (array['return', 'claim', 'warning', 'complaint', 'penalty'])[1 + (random() * 4)::int],
         $1::date - (random() * 700)::int, '基准测试'
       from enterprises where random() < 0.1`,
      [today],
    );
    await db.query("vacuum analyze");
    const [rows] = await db.query<{ n: number }>("select count(*)::int8 as n from lot_stats_monthly");
    log(`${rows?.n} lot_stats_monthly rows, certificates, events in ${seconds(performance.now() - t)}`);

    const results: string[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const cpu = process.cpuUsage();
      const loadBefore = load();
      const started = performance.now();
      const r = await reclassifyAll(db, null, "all", today);
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const line = `run ${run}: ${seconds(wall)} (Node CPU ${seconds((used.user + used.system) / 1000)}; classified ${r.classified}, changed ${r.changed}; load ${loadBefore} → ${load()})`;
      log(line);
      results.push(line);
    }
    const [size] = await db.query<{ table: string; rows: number }>(
      `select pg_size_pretty(pg_total_relation_size('class_decisions')) as table,
         (select count(*)::int8 from class_decisions) as rows`,
    );
    const summary = [
      `reclassifyAll, PostgreSQL, ${ENTERPRISES} exporters (${cpus().length} cores)`,
      ...results,
      `class_decisions after ${RUNS} runs: ${size?.rows} rows, ${size?.table}`,
    ];
    console.log(summary.join("\n"));
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
