// Supervision data for the benchmarks: the demo's own history (PGlite, the 1,200-enterprise cluster) or a bulk
// generator in SQL for the issue's scale (50,000 enterprises, 5,000,000 lots with their inspections).
import type { ClassificationRuleSet } from "@jingwei/rules";
import {
  disableLotStatsTrigger,
  enableLotStatsTrigger,
  rebuildLotStats,
} from "../apps/server/src/modules/demo/lot-stats.ts";
import { seedDemo } from "../apps/server/src/modules/demo/seed.ts";
import { insertRows } from "../apps/server/src/modules/demo/supervision-bulk.ts";
import { DESTINATIONS, HS_CODES, UNIT_PRICE_USD } from "../apps/server/src/modules/demo/supervision-data.ts";
import {
  addMonths,
  dayOf,
  firstDayOfMonth,
  isoOf,
  monthOf,
} from "../apps/server/src/modules/demo/supervision-dates.ts";
import { TIERS, type Tier } from "../apps/server/src/modules/demo/supervision-generate.ts";
import { STANDARD_INSPECTION_FEE_CNY } from "../apps/server/src/modules/lots/decision.ts";
import { plansFor } from "../apps/server/src/modules/sampling/service.ts";
import {
  listProductCategories,
  ruleSetInForce,
  todayInChina,
} from "../apps/server/src/modules/supervision/context.ts";
import type { Db } from "../apps/server/src/platform/db.ts";
import { hashPassword } from "../apps/server/src/platform/passwords.ts";

export const BENCH_PASSWORD = "bench-password-1";

export interface LoadPhase {
  label: string;
  seconds: number;
  rows?: number;
}

export interface SupervisionLoad {
  loader: "demo" | "bulk";
  today: string;
  exporters: number;
  lots: number;
  inspections: number;
  defects: number;
  seconds: number;
  phases: LoadPhase[];
  /** Accounts the scenarios act as. */
  users: BenchUsers;
}

export interface BenchUsers {
  inspector: { id: string; username: string };
  regulator: { id: string; username: string };
  /** Enterprise accounts of random exporters, for declarations. */
  enterprises: { id: string; username: string; enterpriseId: string }[];
}

type Log = (s: string) => void;

async function counts(db: Db) {
  const [c] = await db.query<{ exporters: number; lots: number; inspections: number; defects: number }>(
    `select (select count(*)::int from enterprises where export_flag) as exporters,
       (select count(*)::int from lots) as lots, (select count(*)::int from inspections) as inspections,
       (select count(*)::int from inspection_defects) as defects`,
  );
  return c ?? { exporters: 0, lots: 0, inspections: 0, defects: 0 };
}

/** Enterprise accounts for `count` exporters spread over the registry (one password hash for all). */
async function enterpriseAccounts(db: Db, count: number): Promise<BenchUsers["enterprises"]> {
  const hash = await hashPassword(BENCH_PASSWORD);
  return db.query(
    `with picked as (
       select id, row_number() over (order by md5(id::text)) as k from enterprises where export_flag
     )
     insert into users (username, display_name, role, enterprise_id, password_hash)
     select 'bench-ent-' || k, 'Benchmark enterprise ' || k, 'enterprise', id, $2 from picked where k <= $1
     returning id, username, enterprise_id as "enterpriseId"`,
    [count, hash],
  );
}

async function userByName(db: Db, username: string) {
  const [u] = await db.query<{ id: string; username: string }>(
    "select id, username from users where username = $1",
    [username],
  );
  if (!u) throw new Error(`no user ${username}`);
  return u;
}

/** The demo seeder: registry, accounts and two years of supervision, exactly what `npm start` loads. */
export async function loadDemo(db: Db, enterprises: number, log: Log): Promise<SupervisionLoad> {
  const started = performance.now();
  let last = -1;
  const result = await seedDemo(db, {
    password: BENCH_PASSWORD,
    totalEnterprises: enterprises,
    onProgress: (done, total) => {
      const pct = Math.floor((done / total) * 10) * 10;
      if (pct === last) return;
      last = pct;
      log(`demo seed: ${pct}%`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const s = result.supervision;
  for (const note of s?.notes ?? []) log(`demo seed: ${note}`);
  const c = await counts(db);
  return {
    loader: "demo",
    today: todayInChina(),
    ...c,
    seconds,
    phases: [
      { label: "registry and accounts", seconds: seconds - (s?.seconds ?? 0), rows: enterprises },
      {
        label: `supervision history (classes by ${s?.classesBy ?? "?"})`,
        seconds: s?.seconds ?? 0,
        rows: c.lots,
      },
    ],
    users: {
      inspector: await userByName(db, "inspector"),
      regulator: await userByName(db, "regulator"),
      enterprises: await enterpriseAccounts(db, 50),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Bulk generator (SQL)

export interface BulkOptions {
  lots: number;
  months?: number;
  today?: string;
  inspectors?: number;
  /** Months loaded at once, each on its own connection (default 2, the machine's cores). */
  workers?: number;
  log: Log;
}

/** Lot sizes the generator draws from: a fixed list, so the AQL plans are computed once in JavaScript. */
const LOT_SIZES = [
  150, 300, 500, 800, 1000, 1200, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000, 12000,
];

/** Classes by tier (as the demo's checklists lead to, without signals). */
const TIER_CLASS: Record<Tier, string> = { excellent: "I", good: "II", fair: "III", weak: "III", poor: "IV" };

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlArray = (items: readonly string[]) => `array[${items.map(sqlText).join(", ")}]::text[]`;

async function timed<T>(
  phases: LoadPhase[],
  label: string,
  log: Log,
  fn: () => Promise<T>,
  rows?: (r: T) => number,
) {
  const t0 = performance.now();
  const r = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const n = rows?.(r);
  phases.push({ label, seconds, ...(n !== undefined ? { rows: n } : {}) });
  log(`${label}: ${seconds.toFixed(1)} s${n !== undefined ? ` (${n.toLocaleString("en-US")} rows)` : ""}`);
  return r;
}

/** Helper tables: exporters with tier, class and rate, categories, modes, plans. Dropped at the end. */
async function helperTables(
  db: Db,
  rules: ClassificationRuleSet,
  inspectorIds: string[],
  lotsPerMonth: number,
) {
  const tierCase = (pick: (t: (typeof TIERS)[Tier], tier: Tier) => string) => {
    let acc = 0;
    const arms = (Object.entries(TIERS) as [Tier, (typeof TIERS)[Tier]][]).map(([tier, t]) => {
      acc += t.share;
      return `when u < ${acc.toFixed(4)} then ${pick(t, tier)}`;
    });
    return `case ${arms.join(" ")} else ${pick(TIERS.fair, "fair")} end`;
  };
  const categories = await listProductCategories(db);
  await db.exec(`
    drop table if exists bench_exporters, bench_categories, bench_modes, bench_plans;
    create sequence if not exists bench_id_seq;`);
  await db.query(
    `create unlogged table bench_exporters as
     select id, n, u, ${tierCase((_, tier) => sqlText(tier))} as tier,
       ${tierCase((_, tier) => sqlText(TIER_CLASS[tier]))} as cls,
       ${tierCase((t) => String(t.reject))}::float8 as reject,
       ${tierCase((t) => String(t.selfPass))}::float8 as self_pass,
       case when u > 0.985 then 'tightened' else 'normal' end as stage,
       (${sqlArray(categories.map((c) => c.code))})[1 + (n % ${categories.length})] as primary_cat,
       ($1::uuid[])[1 + (n % cardinality($1::uuid[]))] as inspector_id,
       (0.4 + coalesce(employees, 150) / 350.0) * exp(0.45 * (random() * 2 - 1)) as rate
     from (select e.id, e.employees, row_number() over (order by e.uscc)::int as n,
             ('x' || substr(md5(e.uscc), 1, 8))::bit(32)::bigint / 4294967296.0 as u
           from enterprises e where e.export_flag) x`,
    [inspectorIds],
  );
  // Lots per month grow with the workforce, as in the demo; scaled so that all exporters make `lotsPerMonth`.
  await db.query("update bench_exporters set rate = rate * $1 / (select sum(rate) from bench_exporters)", [
    lotsPerMonth,
  ]);
  await db.exec(`create unlogged table bench_categories (code text primary key, risk text, hs text[], descr text[],
                   lo float8, hi float8);
                 create unlogged table bench_modes (cls text, risk text, mode text, share float8,
                   reason_release jsonb, reason_inspect jsonb, primary key (cls, risk));
                 create unlogged table bench_plans (category text, size_i int, quantity int, stage text,
                   special boolean, plans jsonb, sample_size int, code_letter text, full_inspection boolean,
                   ac_major int, re_major int, ac_minor int, self_sample int, self_ac int, self_re int,
                   primary key (category, quantity, stage, special));`);
  await insertRows(
    db,
    "bench_categories",
    [
      { name: "code", type: "text", value: (c: (typeof categories)[number]) => c.code },
      { name: "risk", type: "text", value: (c) => c.risk },
      { name: "hs", type: "text[]", value: (c) => hsOf(c).map((h) => h.hs) },
      { name: "descr", type: "text[]", value: (c) => hsOf(c).map((h) => h.zh) },
      { name: "lo", type: "float8", value: (c) => (UNIT_PRICE_USD[c.code] ?? [3, 10])[0] },
      { name: "hi", type: "float8", value: (c) => (UNIT_PRICE_USD[c.code] ?? [3, 10])[1] },
    ],
    categories,
  );
  const modes = (["I", "II", "III", "IV"] as const).flatMap((cls) =>
    (["low", "medium", "high"] as const).map((risk) => {
      const mode = rules.modeMatrix[cls]?.[risk] ?? "special";
      // The decision's reason, as lots/decision.ts words it, one per class × risk × decision (computed here once
      // rather than built for each of millions of rows).
      const reason = (key: string) => ({
        key: `lots.reason.${key}`,
        params: { class: cls, risk, mode },
        text: `Class ${cls} × ${risk} risk → ${mode} supervision (benchmark data)`,
      });
      return {
        cls,
        risk,
        mode,
        share: mode === "stringent" || mode === "special" ? 1 : rules.samplingShares[mode],
        reasonRelease: reason(mode === "general" ? "generalNotDrawn" : mode),
        reasonInspect: reason(mode === "general" ? "generalDrawn" : mode),
      };
    }),
  );
  await insertRows(
    db,
    "bench_modes",
    [
      { name: "cls", type: "text", value: (m: (typeof modes)[number]) => m.cls },
      { name: "risk", type: "text", value: (m) => m.risk },
      { name: "mode", type: "text", value: (m) => m.mode },
      { name: "share", type: "float8", value: (m) => m.share },
      { name: "reason_release", type: "jsonb", value: (m) => m.reasonRelease },
      { name: "reason_inspect", type: "jsonb", value: (m) => m.reasonInspect },
    ],
    modes,
  );
  const plans = categories.flatMap((c) =>
    LOT_SIZES.flatMap((quantity, i) =>
      (["normal", "tightened"] as const).flatMap((stage) =>
        [false, true].map((special) => {
          const p = plansFor({
            lotSize: quantity,
            level: c.inspectionLevel,
            stage,
            aqlCritical: c.aqlCritical ?? 0,
            aqlMajor: c.aqlMajor,
            aqlMinor: c.aqlMinor,
          });
          if (special)
            for (const k of ["critical", "major", "minor"] as const)
              p[k] = { ...p[k], sampleSize: quantity, fullInspection: true };
          const self = plansFor({
            lotSize: quantity,
            level: c.inspectionLevel,
            stage: "normal",
            aqlMajor: c.aqlMajor,
          });
          const classes = [p.critical, p.major, p.minor];
          return {
            category: c.code,
            sizeI: i + 1,
            quantity,
            stage,
            special,
            plans: p,
            sampleSize: Math.max(...classes.map((x) => x.sampleSize)),
            codeLetter: p.major.codeLetter,
            full: classes.every((x) => x.fullInspection),
            acMajor: p.major.accept,
            reMajor: p.major.reject,
            acMinor: p.minor.accept,
            selfSample: self.major.sampleSize,
            selfAc: self.major.accept,
            selfRe: self.major.reject,
          };
        }),
      ),
    ),
  );
  await insertRows(
    db,
    "bench_plans",
    [
      { name: "category", type: "text", value: (p: (typeof plans)[number]) => p.category },
      { name: "size_i", type: "int", value: (p) => p.sizeI },
      { name: "quantity", type: "int", value: (p) => p.quantity },
      { name: "stage", type: "text", value: (p) => p.stage },
      { name: "special", type: "boolean", value: (p) => p.special },
      { name: "plans", type: "jsonb", value: (p) => p.plans },
      { name: "sample_size", type: "int", value: (p) => p.sampleSize },
      { name: "code_letter", type: "text", value: (p) => p.codeLetter },
      { name: "full_inspection", type: "boolean", value: (p) => p.full },
      { name: "ac_major", type: "int", value: (p) => p.acMajor },
      { name: "re_major", type: "int", value: (p) => p.reMajor },
      { name: "ac_minor", type: "int", value: (p) => p.acMinor },
      { name: "self_sample", type: "int", value: (p) => p.selfSample },
      { name: "self_ac", type: "int", value: (p) => p.selfAc },
      { name: "self_re", type: "int", value: (p) => p.selfRe },
    ],
    plans,
  );
  await db.exec(
    "analyze bench_exporters; analyze bench_categories; analyze bench_modes; analyze bench_plans",
  );
}

function hsOf(c: { code: string; hsPrefixes: string[]; nameZh: string }) {
  const known = (HS_CODES[c.code] ?? []).filter(
    (h) => c.hsPrefixes.length === 0 || c.hsPrefixes.some((p) => h.hs.startsWith(p)),
  );
  return known.length > 0 ? known : [{ hs: (c.hsPrefixes[0] ?? "6109").padEnd(8, "0"), zh: c.nameZh }];
}

/** Destinations as a list where each appears as often as its weight: a uniform pick follows the weights. */
const DESTINATION_POOL = DESTINATIONS.flatMap(([code, w]) => Array.from({ length: w }, () => code));

/**
 * One month of lots for every exporter, their original inspections, re-inspections after rework and the defects
 * found: one statement (data-modifying CTEs), so the inspections need no second pass over the lots.
 */
const MONTH_STATEMENT = `
with src as (
  select x.id as enterprise_id, x.cls, x.reject, x.self_pass, x.stage, x.inspector_id,
    case when random() < 0.7 then x.primary_cat
         else ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] end as cat,
    $1::date + floor(random() * $2::int)::int as d,
    1 + floor(random() * ${LOT_SIZES.length})::int as size_i,
    random() as r_draw, random() as r_result, random() as r_self, random() as r_a, random() as r_b,
    random() as r_lag
  from bench_exporters x
  cross join lateral generate_series(1, floor(x.rate * $3::float8 + random())::int) g
), calc as (
  select s.*, c.risk, c.hs, c.descr, c.lo, c.hi, m.mode, m.share, m.reason_release, m.reason_inspect,
    p.quantity, p.self_sample, p.self_ac, p.self_re,
    case when m.mode = 'verification' then 'release'
         when m.mode = 'general' and s.r_draw >= m.share then 'release' else 'inspect' end as decision,
    s.d + 1 + floor(s.r_lag * 4)::int as inspect_day
  from src s join bench_categories c on c.code = s.cat
    join bench_modes m on m.cls = s.cls and m.risk = c.risk
    join bench_plans p on p.category = s.cat and p.size_i = s.size_i and p.stage = 'normal' and not p.special
), final as (
  select calc.*,
    decision = 'inspect' and inspect_day <= $4::date as inspected,
    r_result < reject as rejected,
    $9::timestamptz + ((d - $1::date) * 1440 + 480 + floor(r_b * 600)::int) * interval '1 minute' as declared_at
  from calc
), flows as (
  select final.*,
    case when decision = 'release' then 'released'
         when not inspected then 'awaiting_inspection'
         when not rejected then 'accepted'
         when inspect_day + 8 <= $4::date then 'accepted'
         else 'rework' end as status,
    case when decision = 'release' then d
         when inspected and not rejected then inspect_day
         when inspected and inspect_day + 8 <= $4::date then inspect_day + 8 end as release_day
  from final
), l as (
  insert into lots (id, declaration_no, enterprise_id, product_category, hs_code, description, quantity, lot_size,
    value_usd, destination, ship_date, self_sample_size, self_defects, self_passed, declared_at, declared_on,
    enterprise_class, product_risk, mode, sampling_share, draw_seed, draw_value, draw_hash, decision,
    decision_reason, rule_set_version, fee_waived, status, official_result, inspector_id, release_no, released_at,
    updated_at)
  select
    ('00000000-0000-4000-8000-' || lpad(to_hex(nextval('bench_id_seq')), 12, '0'))::uuid,
    'BJ' || to_char(d, 'YYYYMMDD') || lpad(nextval('lot_number_seq')::text, 7, '0'),
    enterprise_id, cat, hs[1 + floor(r_a * cardinality(hs))::int], descr[1 + floor(r_a * cardinality(hs))::int],
    quantity, quantity, round((quantity * (lo + (hi - lo) * r_b))::numeric, 2),
    ($7::text[])[1 + floor(r_b * cardinality($7::text[]))::int],
    greatest(d + 5 + floor(r_lag * 14)::int, inspect_day + 2),
    self_sample, case when r_self < self_pass then floor(r_a * (self_ac + 1))::int else self_re end,
    r_self < self_pass, declared_at, d,
    cls, risk, mode, case when mode = 'verification' then 0 else share end,
    case when mode = 'general' then $5 || '/' || d end,
    case when mode = 'general' then r_draw end,
    case when mode = 'general' then lpad(to_hex(floor(r_draw * 4294967296)::bigint), 8, '0') end,
    decision, case when decision = 'release' then reason_release else reason_inspect end,
    $5, case when decision = 'release' then $8::numeric else 0 end,
    status,
    case when inspected then case when rejected then 'rejected' else 'accepted' end end,
    case when inspected or (decision = 'inspect' and r_b < 0.5) then inspector_id end,
    case when release_day is not null
         then 'FX' || to_char(release_day, 'YYYYMMDD') || lpad(nextval('lot_number_seq')::text, 7, '0') end,
    case when release_day is not null then
      $9::timestamptz + ((release_day - $1::date) * 1440 + 600 + floor(r_lag * 420)::int) * interval '1 minute' end,
    coalesce($9::timestamptz + ((release_day - $1::date) * 1440 + 1020) * interval '1 minute', declared_at)
  from flows
  returning id, enterprise_id, product_category, lot_size, mode, official_result, status, declared_at, inspector_id
), i as (
  insert into inspections (id, lot_id, round, inspector_id, stage, level, code_letter, sample_size, full_inspection,
    plans, defects_found, result, completed_at)
  select ('00000000-0000-4000-8000-' || lpad(to_hex(nextval('bench_id_seq')), 12, '0'))::uuid,
    l.id, r.round, l.inspector_id, x.stage, 'II', p.code_letter, p.sample_size, p.full_inspection, p.plans,
    case when r.round = 2 then jsonb_build_object('critical', 0, 'major', 0, 'minor', 0)
         when l.official_result = 'rejected'
           then jsonb_build_object('critical', 0, 'major', p.re_major, 'minor', least(p.ac_minor, 1))
         else jsonb_build_object('critical', 0, 'major', floor(random() ^ 2 * (p.ac_major + 1))::int,
                                 'minor', floor(random() ^ 2 * (p.ac_minor + 1))::int) end,
    case when r.round = 2 then 'accepted' else l.official_result end,
    l.declared_at + case when r.round = 1 then interval '2 days' else interval '10 days' end
  from l join bench_exporters x on x.id = l.enterprise_id
    join bench_plans p on p.category = l.product_category and p.quantity = l.lot_size and p.stage = x.stage
                      and p.special = (l.mode = 'special')
    cross join lateral (values (1), (2)) r(round)
  where l.official_result is not null
    and (r.round = 1 or (l.official_result = 'rejected' and l.status = 'accepted'))
  returning id, defects_found
), dd as (
  insert into inspection_defects (id, inspection_id, defect_code, defect_class, quantity)
  select ('00000000-0000-4000-9000-' || lpad(to_hex(nextval('bench_id_seq')), 12, '0'))::uuid, i.id, v.code, v.cls, v.q
  from i cross join lateral (values
    ('workmanship.broken_stitch', 'major', (i.defects_found->>'major')::int),
    ('workmanship.loose_thread', 'minor', (i.defects_found->>'minor')::int)) v(code, cls, q)
  where v.q > 0
  returning 1
)
select (select count(*)::int from l) as lots, (select count(*)::int from i) as inspections,
  (select count(*)::int from dd) as defects`;

/**
 * Loads supervision data for every exporter of the registry already in the database: classes, checklists, `lots`
 * declared lots over `months` months ending today with their decisions, inspections and defects, switching states,
 * quality events; then lot_stats_monthly (and the town rollup) rebuilt in one statement each, and ANALYZE.
 * The lots trigger is off and the secondary indexes of lots, inspections and defects are dropped during the load
 * and built afterwards; as superuser, foreign-key checks are skipped (session_replication_role = replica).
 */
export async function loadBulk(db: Db, opts: BulkOptions): Promise<SupervisionLoad> {
  const { log } = opts;
  const months = opts.months ?? 24;
  const today = opts.today ?? todayInChina();
  const phases: LoadPhase[] = [];
  const started = performance.now();
  const rs = await ruleSetInForce(db);
  const hash = await hashPassword(BENCH_PASSWORD);
  const inspectorCount = opts.inspectors ?? 20;
  const staff = await db.query<{ id: string; username: string; role: string }>(
    `insert into users (username, display_name, role, password_hash)
     select 'bench-inspector-' || k, '检验员 ' || k, 'inspector', $2 from generate_series(1, $1::int) k
     union all select 'bench-regulator', '监管科', 'regulator', $2
     returning id, username, role`,
    [inspectorCount, hash],
  );
  const inspectors = staff.filter((u) => u.role === "inspector");
  const regulator = staff.find((u) => u.role === "regulator");
  if (!regulator || !inspectors[0]) throw new Error("bench staff not created");
  const [{ su } = { su: false }] = await db.query<{ su: boolean }>(
    "select current_setting('is_superuser') = 'on' as su",
  );

  const startDay = dayOf(addMonths(today, -months)) + 1;
  const todayDay = dayOf(today);
  const perMonth = opts.lots / ((todayDay - startDay + 1) / 30.44);
  await timed(phases, "helper tables (exporters, plans)", log, () =>
    helperTables(
      db,
      rs.rules,
      inspectors.map((u) => u.id),
      perMonth,
    ),
  );

  // Classes, checklists and the pointers first: they are per exporter, small.
  await timed(phases, "checklists, class decisions, supervision rows", log, async () => {
    const elements = rs.rules.elements
      .map(
        (el) => `${sqlText(el.id)}, round(((lo + (hi - lo) * random()) * ${el.maxScore} * 2)::numeric) / 2`,
      )
      .join(", ");
    const bands = (Object.entries(TIERS) as [Tier, (typeof TIERS)[Tier]][])
      .map(([tier, t]) => `when ${sqlText(tier)} then array[${t.scores[0]}, ${t.scores[1]}]`)
      .join(" ");
    await db.query(
      `insert into enterprise_assessments (enterprise_id, scores, assessed_on, assessed_by, note)
       select id, jsonb_build_object(${elements}), $1::date - 30, $2, '基准测试数据'
       from (select x.id, b[1] as lo, b[2] as hi from bench_exporters x
               cross join lateral (select case x.tier ${bands} end::float8[] as b) t) s`,
      [today, regulator.id],
    );
    await db.query(
      `with d as (
         insert into class_decisions (enterprise_id, class, computed_class, base_class, score_total, rule_set_id,
           rule_set_version, signals, applied, trace, trigger, decided_at)
         select id, cls, cls, cls, 0, $1, $2, '[]', '[]', '[]', 'demo', ($3::date - 30)::timestamp
         from bench_exporters returning id, enterprise_id, class)
       insert into enterprise_supervision (enterprise_id, class, decision_id) select enterprise_id, class, id from d`,
      [rs.id, rs.version, today],
    );
  });

  const secondary = await db.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in ('lots', 'inspections', 'inspection_defects')
        and not exists (select 1 from pg_constraint c
                         where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
  );
  for (const i of secondary) await db.query(`drop index ${i.name}`);
  await disableLotStatsTrigger(db);
  log(
    `dropped ${secondary.length} secondary indexes; lots trigger off${su ? "; foreign-key checks off (superuser)" : ""}`,
  );

  let lots = 0;
  let inspections = 0;
  let defects = 0;
  const loadStarted = performance.now();
  const categories = (
    await db.query<{ code: string }>("select code from bench_categories order by code")
  ).map((c) => c.code);
  const monthList: number[] = [];
  for (let month = monthOf(startDay); month <= monthOf(todayDay); month++) monthList.push(month);
  const loadMonth = async (month: number) => {
    const from = Math.max(startDay, firstDayOfMonth(month));
    const to = Math.min(todayDay, firstDayOfMonth(month + 1) - 1);
    const days = to - from + 1;
    const t0 = performance.now();
    const [r] = await db.tx(async (sql) => {
      if (su) await sql.query("set local session_replication_role = replica");
      await sql.query("set local synchronous_commit = off");
      // The row estimates of generate_series make the planner JIT-compile the statement with LLVM optimisation,
      // which costs seconds per month whatever its size; the expressions are cheap without it.
      await sql.query("set local jit = off");
      return sql.query<{ lots: number; inspections: number; defects: number }>(MONTH_STATEMENT, [
        isoOf(from),
        days,
        days / 30.44,
        today,
        rs.version,
        categories,
        DESTINATION_POOL,
        STANDARD_INSPECTION_FEE_CNY,
        `${isoOf(from)}T00:00:00+08:00`,
      ]);
    });
    lots += r?.lots ?? 0;
    inspections += r?.inspections ?? 0;
    defects += r?.defects ?? 0;
    const elapsed = (performance.now() - loadStarted) / 1000;
    log(
      `${isoOf(from).slice(0, 7)}: ${(r?.lots ?? 0).toLocaleString("en-US")} lots in ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s — ${lots.toLocaleString("en-US")} of ~` +
        `${opts.lots.toLocaleString("en-US")} lots, ${inspections.toLocaleString("en-US")} inspections, ` +
        `${Math.round(lots / Math.max(elapsed, 0.001)).toLocaleString("en-US")} lots/s`,
    );
  };
  // Months are independent: `workers` of them at once, each in its own transaction on its own connection.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, opts.workers ?? 2) }, async () => {
      for (let k = next++; k < monthList.length; k = next++) await loadMonth(monthList[k] as number);
    }),
  );
  phases.push({
    label: `lots, inspections, defects (one statement a month, ${opts.workers ?? 2} at once)`,
    seconds: (performance.now() - loadStarted) / 1000,
    rows: lots + inspections + defects,
  });

  await timed(phases, `build ${secondary.length} secondary indexes`, log, async () => {
    await db.tx(async (sql) => {
      await sql.query("set local maintenance_work_mem = '256MB'");
      for (const i of secondary) {
        const t0 = performance.now();
        await sql.query(i.definition);
        log(`  ${i.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    });
  });
  await enableLotStatsTrigger(db);

  await timed(phases, "switching states, quality events", log, async () => {
    await db.query(
      `insert into switching_states (enterprise_id, product_category, stage, state)
       select s.enterprise_id, s.product_category, x.stage,
         jsonb_build_object('stage', x.stage, 'recentNormalResults', '[]'::jsonb, 'switchingScore', 0,
           'consecutiveAcceptedOnTightened', 0, 'notAcceptedOnTightened', 0)
       from (select distinct enterprise_id, product_category from lots where official_result is not null) s
       join bench_exporters x on x.id = s.enterprise_id`,
    );
    await db.query(
      `insert into quality_events (enterprise_id, kind, occurred_on, description, recorded_by)
       select x.id, (array['return', 'claim', 'warning', 'complaint', 'penalty'])[1 + floor(random() * 5)::int],
         $1::date - floor(random() * 720)::int, '基准测试数据：质量事件', $2
       from bench_exporters x
       cross join lateral generate_series(1, case x.tier when 'poor' then 4 when 'weak' then 2
                                                       when 'fair' then (random() < 0.1)::int else 0 end) g`,
      [today, regulator.id],
    );
  });
  await timed(
    phases,
    "lot_stats_monthly (and town rollup) rebuilt",
    log,
    () => db.tx((sql) => rebuildLotStats(sql)),
    (r) => r.monthlyRows,
  );
  await timed(phases, "ANALYZE", log, () => db.exec("analyze"));
  await db.exec(
    "drop table bench_exporters, bench_categories, bench_modes, bench_plans; drop sequence bench_id_seq",
  );
  const [exporters] = await db.query<{ n: number }>(
    "select count(*)::int as n from enterprises where export_flag",
  );
  return {
    loader: "bulk",
    today,
    exporters: exporters?.n ?? 0,
    lots,
    inspections,
    defects,
    seconds: (performance.now() - started) / 1000,
    phases,
    users: {
      inspector: inspectors[0],
      regulator,
      enterprises: await enterpriseAccounts(db, 100),
    },
  };
}
