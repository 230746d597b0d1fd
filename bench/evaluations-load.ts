// The programme at scale (issue 4): assessments of the four shipped systems over the registry, findings with their
// CAP items, and the monthly labour figures of the enterprises whose timesheets were checked, generated in SQL.
import { type EvaluationSystem, seededRandom } from "@jingwei/rules";
import { ensureShippedSystems } from "../apps/server/src/modules/evaluations/systems.ts";
import { todayInChina } from "../apps/server/src/modules/supervision/context.ts";
import type { Db } from "../apps/server/src/platform/db.ts";

export interface LoadPhase {
  label: string;
  seconds: number;
  rows: number;
}

export interface ProgrammeLoad {
  enterprises: number;
  assessments: number;
  findings: number;
  openCapItems: number;
  labourMonths: number;
  seconds: number;
  phases: LoadPhase[];
}

/** Shares of the systems among the assessments: the cluster runs CSC9000T first. */
const SYSTEM_SHARES: Record<string, number> = {
  "csc9000t-style": 0.6,
  "bsci-style": 0.2,
  "management-star-rating": 0.15,
  "clean-enterprise": 0.05,
};

/** Stages of the assessments: most rated or later, some under way, a few cancelled. */
const STAGE_SHARES: [string, number][] = [
  ["draft", 0.04],
  ["selfAssessment", 0.07],
  ["expertInitial", 0.07],
  ["trainingTrial", 0.08],
  ["reassessment", 0.04],
  ["rated", 0.45],
  ["followUp", 0.1],
  ["closed", 0.12],
  ["cancelled", 0.03],
];
/** Stages in which findings are recorded (evaluations/findings.ts FINDING_STAGES), and closed. */
const WITH_FINDINGS = new Set([
  "expertInitial",
  "trainingTrial",
  "reassessment",
  "rated",
  "followUp",
  "closed",
]);
const RATED = new Set(["rated", "followUp", "closed"]);

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

function pick<T>(rand: () => number, shares: [T, number][]): T {
  let x = rand() * shares.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of shares) {
    x -= w;
    if (x < 0) return v;
  }
  return (shares.at(-1) as [T, number])[0];
}

/** A v4-shaped UUID from the seeded generator: the same load gives the same ids. */
function uuidOf(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * `assessments` assessments over the registry (every enterprise at least one while there are enough, the rest a
 * second or third), `findings` findings over those past the self-assessment with one CAP item each, and 12 months of
 * labour figures for each enterprise whose assessment got that far. VACUUM ANALYZE at the end.
 */
export async function loadProgramme(
  db: Db,
  opts: { assessments: number; findings: number; log: (s: string) => void },
): Promise<ProgrammeLoad> {
  const started = performance.now();
  const phases: LoadPhase[] = [];
  const phase = async (label: string, f: () => Promise<number>) => {
    const t0 = performance.now();
    const rows = await f();
    phases.push({ label, seconds: (performance.now() - t0) / 1000, rows });
    opts.log(
      `${label}: ${rows.toLocaleString("en-US")} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  };
  await ensureShippedSystems(db);
  const systems = await db.query<{ id: string; code: string; version: string; definition: EvaluationSystem }>(
    "select id, code, version, definition from evaluation_systems where shipped",
  );
  const enterpriseIds = (await db.query<{ id: string }>("select id from enterprises order by id")).map(
    (r) => r.id,
  );
  const rand = seededRandom(20_261_122);
  const today = Date.parse(`${todayInChina()}T00:00:00Z`);
  const first = Date.parse("2019-01-01T00:00:00Z");
  const systemShares = systems.map(
    (s) => [s, SYSTEM_SHARES[s.code] ?? 0.01] as [(typeof systems)[number], number],
  );

  const a = {
    id: [] as string[],
    enterprise: [] as string[],
    system: [] as string[],
    code: [] as string[],
    version: [] as string[],
    stage: [] as string[],
    level: [] as (string | null)[],
    percent: [] as (number | null)[],
    ratedOn: [] as (string | null)[],
    createdAt: [] as string[],
    sections: [] as string[],
  };
  for (let k = 0; k < opts.assessments; k++) {
    const s = pick(rand, systemShares);
    const stage = pick(rand, STAGE_SHARES);
    const created = first + Math.floor(rand() * ((today - first) / DAY - 60)) * DAY;
    const rated = RATED.has(stage)
      ? Math.min(today - DAY, created + Math.floor(120 + rand() * 280) * DAY)
      : null;
    const levels = s.definition.rating.levels.map((l) => l.id);
    // Levels lean to the middle of the scale.
    const level =
      rated === null
        ? null
        : (levels[Math.min(levels.length - 1, Math.floor(((rand() + rand()) / 2) * levels.length))] ?? null);
    a.id.push(uuidOf(rand));
    a.enterprise.push(
      k < enterpriseIds.length
        ? (enterpriseIds[k] as string)
        : (enterpriseIds[Math.floor(rand() * enterpriseIds.length)] as string),
    );
    a.system.push(s.id);
    a.code.push(s.code);
    a.version.push(s.version);
    a.stage.push(stage);
    a.level.push(level);
    a.percent.push(rated === null ? null : Math.round((45 + rand() * 53) * 100) / 100);
    a.ratedOn.push(rated === null ? null : isoDay(rated));
    a.createdAt.push(new Date(created + Math.floor(rand() * DAY)).toISOString());
    a.sections.push(s.definition.sections.map((x) => x.id).join(","));
  }
  // As superuser, foreign keys are not checked while loading (session_replication_role = replica).
  const [{ su } = { su: false }] = await db.query<{ su: boolean }>(
    "select current_setting('is_superuser') = 'on' as su",
  );
  const replica = async (sql: { query: Db["query"] }) => {
    if (su) await sql.query("set local session_replication_role = replica");
  };
  const BATCH = 2000;
  await phase("assessments", async () => {
    for (let from = 0; from < opts.assessments; from += BATCH) {
      const slice = <T>(xs: T[]) => xs.slice(from, from + BATCH);
      await db.query(
        `insert into evaluation_assessments (id, enterprise_id, system_id, system_code, system_version, stage, title,
           level, percent, rated_on, created_at, updated_at)
         select id, e, s, c, v, st, 'Benchmark assessment', l, p, r, t, t
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::numeric[], $9::date[], $10::timestamptz[]) as x(id, e, s, c, v, st, l, p, r, t)`,
        [
          slice(a.id),
          slice(a.enterprise),
          slice(a.system),
          slice(a.code),
          slice(a.version),
          slice(a.stage),
          slice(a.level),
          slice(a.percent),
          slice(a.ratedOn),
          slice(a.createdAt),
        ],
      );
    }
    return opts.assessments;
  });

  // Findings over the assessments past the self-assessment, unevenly (a few assessments find much more).
  const eligible = a.id.map((_, k) => k).filter((k) => WITH_FINDINGS.has(a.stage[k] as string));
  const weights = eligible.map(() => rand() ** 2 + 0.05);
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.floor((opts.findings * w) / sum));
  for (let left = opts.findings - counts.reduce((s, c) => s + c, 0), i = 0; left > 0; left--, i++)
    counts[i % counts.length] = (counts[i % counts.length] as number) + 1;
  await phase("findings", async () => {
    const FBATCH = 500;
    for (let from = 0; from < eligible.length; from += FBATCH) {
      const ks = eligible.slice(from, from + FBATCH);
      await db.tx(async (sql) => {
        await replica(sql);
        await sql.query("select setseed($1)", [((from / FBATCH) % 1000) / 1000]);
        await sql.query(
          `insert into evaluation_findings (assessment_id, enterprise_id, source, section_id, labour_rule, severity,
             zero_tolerance, title, found_on, created_at)
           select x.a, x.e, case when g % 3 = 0 then 'labour' else 'manual' end,
             (string_to_array(x.secs, ','))[1 + (g % array_length(string_to_array(x.secs, ','), 1))],
             case when g % 3 = 0 then (array['monthly_overtime', 'rest_day', 'overtime_pay_workday', 'minimum_wage',
               'social_insurance'])[1 + (g / 3) % 5] end,
             (array['low', 'medium', 'medium', 'high'])[1 + floor(random() * 4)::int], random() < 0.02,
             '发现问题 ' || g, least(x.f + (g % 20), $6::date), least(x.f + (g % 20), $6::date)::timestamptz
           from unnest($1::uuid[], $2::uuid[], $3::int[], $4::date[], $5::text[]) as x(a, e, n, f, secs)
           cross join lateral generate_series(1, x.n) g`,
          [
            ks.map((k) => a.id[k]),
            ks.map((k) => a.enterprise[k]),
            ks.map((_, j) => counts[from + j]),
            ks.map((k) => isoDay(Date.parse(a.createdAt[k] as string) + 90 * DAY)),
            ks.map((k) => a.sections[k]),
            isoDay(today),
          ],
        );
      });
    }
    return opts.findings;
  });

  // One CAP item a finding: mostly closed once rated, open or in progress before.
  await phase("CAP items", async () => {
    await db.tx(async (sql) => {
      await replica(sql);
      // The rollups' row triggers would update the same few counters 200,000 times in one transaction: off, and
      // rebuilt at the end (the table's owner may do this without being superuser).
      await sql.query("alter table evaluation_cap_items disable trigger user");
      await sql.query("select setseed(0.5)");
      await sql.query(
        `insert into evaluation_cap_items (finding_id, assessment_id, enterprise_id, section_id, system_code, status,
           deadline, created_at, updated_at)
         select f.id, f.assessment_id, f.enterprise_id, f.section_id, a.system_code,
           case when a.stage in ('rated', 'closed') then
                  (array['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'verified',
                    'accepted', 'submitted', 'open'])[1 + floor(random() * 12)::int]
                when a.stage = 'followUp' then
                  (array['closed', 'closed', 'open', 'submitted', 'accepted', 'rejected', 'verified'])[1 + floor(random() * 7)::int]
                else (array['open', 'open', 'submitted', 'rejected', 'accepted', 'verified'])[1 + floor(random() * 6)::int]
           end,
           f.found_on + case when f.zero_tolerance then 7 else 30 end, f.created_at, f.created_at
         from evaluation_findings f join evaluation_assessments a on a.id = f.assessment_id
         on conflict (finding_id) do nothing`,
      );
      await sql.query("alter table evaluation_cap_items enable trigger user");
      await sql.query("select evaluation_cap_rollups_rebuild()");
    });
    return opts.findings;
  });

  // 12 months of labour figures before each checked enterprise's latest assessment with findings.
  await phase("labour months", async () => {
    await db.tx(async (sql) => {
      await sql.query("select setseed(0.25)");
      await sql.query(
        `insert into labour_monthly_metrics (enterprise_id, month, assessment_id, source, workers, total_hours,
           overtime_over_36h, rest_day_breaches, minimum_wage_shortfalls, overtime_pay_shortfalls, paid_in_full, insured)
         select l.enterprise_id, l.month, l.id, 'check', l.w, round(l.w * l.h, 2),
           floor(l.w * least(1, greatest(0, (l.h - 190) / 120))), floor(l.w * random() * 0.1),
           floor(l.w * random() * 0.03), floor(l.w * random() * 0.15), l.w - floor(l.w * random() * 0.18),
           l.w - floor(l.w * random() * 0.3)
         from (
           select x.enterprise_id, x.id, (date_trunc('month', x.created_at) - make_interval(months => m))::date as month,
             50 + floor(random() * 1200)::int as w, (200 + random() * 130)::numeric as h
           from (select distinct on (enterprise_id) enterprise_id, id, created_at from evaluation_assessments
                 where stage in ('expertInitial', 'trainingTrial', 'reassessment', 'rated', 'followUp', 'closed')
                 order by enterprise_id, created_at desc) x
           cross join generate_series(0, 11) m
         ) l
         on conflict (enterprise_id, month) do nothing`,
      );
    });
    const [n] = await db.query<{ n: number }>("select count(*)::int as n from labour_monthly_metrics");
    return n?.n ?? 0;
  });
  await phase("VACUUM ANALYZE", async () => {
    await db.exec("vacuum analyze");
    return 0;
  });
  const [c] = await db.query<{ open: number }>(
    "select count(*)::int as open from evaluation_cap_items where status <> 'closed'",
  );
  return {
    enterprises: enterpriseIds.length,
    assessments: opts.assessments,
    findings: opts.findings,
    openCapItems: c?.open ?? 0,
    labourMonths: phases.find((p) => p.label === "labour months")?.rows ?? 0,
    seconds: (performance.now() - started) / 1000,
    phases,
  };
}
