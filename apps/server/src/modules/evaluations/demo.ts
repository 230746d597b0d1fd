import {
  allIndicators,
  CSC9000T_SYSTEM,
  DEFAULT_LABOUR_RULES,
  scoreAssessment,
  seededRandom,
  standardMonthlyHours,
} from "@jingwei/rules";
import type { Db } from "../../platform/db.ts";
import { PILOT_ENTERPRISES } from "../demo/pinghu-seed-data.ts";
import type { MonthlyLabour } from "../labour/check.ts";
import { storeMonthlyLabour } from "../labour/trends.ts";
import { ratingValidUntilOf } from "./dates.ts";
import { ensureShippedSystems } from "./systems.ts";
import { passingValue } from "./testing.ts";

// The demo cluster's CSC9000T pilot (seed 000): 11 enterprises chosen after Pinghu became a pilot region (2006-12)
// went through self-assessment, expert initial assessment, system-building training and trial run, and
// re-assessment; all passed the 中纺协 re-assessment in 2008-11. Each pilot gets that assessment, rated, with its stage
// history. The seed gives the start (2006-12) and the pass (2008-11) only: the dates in between are illustrative.
// Working hours: the seed's curve, 320–350 h a month at the start and 280–300 h by the re-assessment (midpoints used
// in the assessment's metric; the monthly figures are seedPilotLabour's, below).

const HISTORY = [
  { action: "startSelfAssessment", from: "draft", to: "selfAssessment", on: "2007-03-01" },
  { action: "submitSelfAssessment", from: "selfAssessment", to: "expertInitial", on: "2007-05-31" },
  { action: "completeInitialAssessment", from: "expertInitial", to: "trainingTrial", on: "2007-09-28" },
  { action: "startReassessment", from: "trainingTrial", to: "reassessment", on: "2008-10-15" },
  { action: "rate", from: "reassessment", to: "rated", on: "2008-11-20" },
] as const;

const NOTE = "演示数据：阶段日期为示意（种子 000 只给出 2006-12 启动、2008-11 全部通过复评）";

/**
 * Creates the pilots' CSC9000T assessments once (idempotent) and their monthly labour figures (seedPilotLabour);
 * returns how many assessments were created.
 */
export async function seedEvaluationDemo(db: Db): Promise<number> {
  await ensureShippedSystems(db);
  const [system] = await db.query<{ id: string }>(
    "select id from evaluation_systems where code = $1 and version = $2",
    [CSC9000T_SYSTEM.id, CSC9000T_SYSTEM.version],
  );
  if (!system) return 0;
  const [auditor] = await db.query<{ id: string }>(
    "select id from users where role = 'association' and not disabled order by created_at limit 1",
  );
  const metrics = { "labour.averageMonthlyHours": 290 };
  const answers: Record<string, { self: string | number | string[] }> = {};
  for (const { indicator } of allIndicators(CSC9000T_SYSTEM)) {
    // Files are evidence the demo does not have: left unanswered, like the metrics the seed does not give.
    if (indicator.type === "file" || indicator.type === "computed") continue;
    const v = passingValue(indicator, []);
    if (v !== undefined) answers[indicator.id] = { self: v as string | number | string[] };
  }
  const score = scoreAssessment(CSC9000T_SYSTEM, answers, { metrics });
  if (!score.ok) return 0;
  const level = score.overall.level;
  const levelDef = CSC9000T_SYSTEM.rating.levels.find((l) => l.id === level);
  const ratedOn = "2008-11-20";
  let created = 0;
  for (const pilot of PILOT_ENTERPRISES) {
    const [e] = await db.query<{ id: string }>("select id from enterprises where name = $1", [pilot.name]);
    if (!e) continue;
    const [exists] = await db.query(
      "select 1 from evaluation_assessments where enterprise_id = $1 and system_id = $2",
      [e.id, system.id],
    );
    if (exists) continue;
    await db.tx(async (sql) => {
      const [row] = await sql.query<{ id: string }>(
        `insert into evaluation_assessments (enterprise_id, system_id, system_code, system_version, stage, title,
           auditor_ids, site_visit_on, worker_interviews, document_review_done, trial_started_on, metrics, score,
           scored_at, percent, level, worst_level, rating_withheld, rated_on, valid_until, follow_up_due_on,
           created_at, updated_at)
         values ($1, $2, $3, $4, 'rated', $5, $6::uuid[], '2007-09-20', 15, true, '2007-09-28', $7::jsonb, $8::jsonb,
           $9::timestamptz, $10, $11, false, $12, $13, $14, null, '2007-03-01', $9::timestamptz)
         returning id`,
        [
          e.id,
          system.id,
          CSC9000T_SYSTEM.id,
          CSC9000T_SYSTEM.version,
          `CSC9000T 试点（第 ${pilot.no} 家）`,
          auditor ? [auditor.id] : [],
          JSON.stringify(metrics),
          JSON.stringify(score),
          `${ratedOn}T10:00:00+08:00`,
          score.overall.percent,
          level,
          score.overall.ratingWithheld,
          ratedOn,
          levelDef?.validityMonths ? ratingValidUntilOf(ratedOn, levelDef.validityMonths) : null,
        ],
      );
      const id = (row as { id: string }).id;
      for (const [indicatorId, a] of Object.entries(answers))
        await sql.query(
          `insert into evaluation_answers (assessment_id, indicator_id, self_value, self_at)
           values ($1, $2, $3::jsonb, '2007-05-31')`,
          [id, indicatorId, JSON.stringify({ v: a.self })],
        );
      for (const h of HISTORY)
        await sql.query(
          `insert into evaluation_stage_events (assessment_id, action, from_stage, to_stage, on_date, note, actor_id,
             created_at) values ($1, $2, $3, $4, $5, $6, $7, $5::date)`,
          [id, h.action, h.from, h.to, h.on, NOTE, auditor?.id ?? null],
        );
      await sql.query(
        `insert into audit_log (actor_name, action, entity_type, entity_id, after)
         values ('system', 'evaluation.demo', 'evaluation_assessment', $1, $2::jsonb)`,
        [id, JSON.stringify({ enterprise: pilot.name, stage: "rated", level })],
      );
    });
    created++;
  }
  await seedPilotLabour(db);
  return created;
}

// ---- the pilots' monthly labour figures ----
//
// Seed 000 («三、企业社会责任建设成效»): in the start-up period (起步期, 2006–2009) the pilots' monthly average working
// hours fell from 320–350 h to 280–300 h, with about one day off a week; in the development period (发展期,
// 2009–2013) to 250–280 h, managers hardly working overtime. Wages: most pilots used to advance part of the wage
// (预发工资); after CSC9000T most paid monthly and in full, and by 2013 all did (月月结清). Social insurance: local
// workers insured at the start, migrant workers gradually, equal by 2013. Each pilot's hours are drawn inside the
// seed's bands at three anchors: December 2006 (the pilot begins), November 2008 (the re-assessment) and December
// 2013. The seed gives no shares: the compliance figures below only follow its words, and are illustrative.

const FIRST_MONTH = "2006-12";
const LAST_MONTH = "2013-12";
const REASSESSED = "2008-11";

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOfIndex = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

/** Standard normal CDF (Abramowitz–Stegun 7.1.26), for the share of workers above the legal monthly ceiling. */
function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** One pilot's months, deterministic by its number: the seed's hours curve and illustrative compliance shares. */
export function pilotLabourMonths(pilotNo: number, employees: number | null): MonthlyLabour[] {
  const rand = seededRandom(4000 + pilotNo);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
  // Anchors kept 3 h inside the bands, so the monthly wobble below stays inside them.
  const start = between(323, 347);
  const reassessed = between(283, 297);
  const end = between(253, 277);
  const workers0 = employees ?? Math.round(between(300, 900));
  const offset = between(-0.05, 0.05);
  const first = monthIndex(FIRST_MONTH);
  const mid = monthIndex(REASSESSED);
  const last = monthIndex(LAST_MONTH);
  const ceiling = standardMonthlyHours(DEFAULT_LABOUR_RULES) + DEFAULT_LABOUR_RULES.maxMonthlyOvertimeHours;
  const out: MonthlyLabour[] = [];
  for (let i = first; i <= last; i++) {
    // p1: through the start-up period to the re-assessment; p2: through the development period.
    const p1 = Math.min(1, (i - first) / (mid - first));
    const p2 = Math.max(0, (i - mid) / (last - mid));
    const anchor = i <= mid ? start + (reassessed - start) * p1 : reassessed + (end - reassessed) * p2;
    const averageHours = Math.round((anchor + between(-3, 3)) * 10) / 10;
    const workers = Math.max(
      50,
      Math.round(workers0 * (1 + (0.04 * (i - first)) / 12 + between(-0.02, 0.02))),
    );
    const share = (x: number) => Math.min(1, Math.max(0, x + offset * (1 - p2)));
    const count = (x: number) => Math.round(workers * share(x));
    // Managers (about a tenth) stop overtime in the development period; the others' hours spread ±25 h.
    const overtimeShare = (1 - 0.1 * p2) * (1 - normalCdf((ceiling - averageHours) / 25));
    const unpaid = 1 - (0.35 + 0.5 * p1 + 0.15 * p2);
    const unpaidWorkers = count(unpaid);
    out.push({
      month: monthOfIndex(i),
      workers,
      totalHours: Math.round(averageHours * workers * 100) / 100,
      averageHours,
      overtimeOver36h: Math.round(workers * overtimeShare),
      restDayBreaches: count(0.7 - 0.65 * p1 - 0.03 * p2),
      // Those not paid in full: mostly short of overtime pay, some below the minimum, a few both.
      overtimePayShortfalls: Math.round(unpaidWorkers * 0.9),
      minimumWageShortfalls: Math.round(unpaidWorkers * 0.3),
      paidInFull: workers - unpaidWorkers,
      insured: count(0.35 + 0.2 * p1 + 0.4 * p2),
    });
  }
  return out;
}

/** The pilots' monthly figures, for pilots without any kept yet (idempotent). */
export async function seedPilotLabour(db: Db): Promise<number> {
  let seeded = 0;
  for (const pilot of PILOT_ENTERPRISES) {
    const [e] = await db.query<{ id: string; employees: number | null; assessmentId: string | null }>(
      `select e.id, e.employees,
         (select a.id from evaluation_assessments a where a.enterprise_id = e.id and a.system_code = $2
           order by a.created_at limit 1) as "assessmentId"
       from enterprises e where e.name = $1`,
      [pilot.name, CSC9000T_SYSTEM.id],
    );
    if (!e) continue;
    const [kept] = await db.query("select 1 from labour_monthly_metrics where enterprise_id = $1 limit 1", [
      e.id,
    ]);
    if (kept) continue;
    await db.tx(async (sql) => {
      await storeMonthlyLabour(
        sql,
        { enterpriseId: e.id, assessmentId: e.assessmentId, source: "demo", checkedBy: null },
        pilotLabourMonths(pilot.no, e.employees),
      );
      await sql.query(
        `insert into audit_log (actor_name, action, entity_type, entity_id, after)
         values ('system', 'labour.demo', 'enterprise', $1, $2::jsonb)`,
        [e.id, JSON.stringify({ enterprise: pilot.name, from: FIRST_MONTH, to: LAST_MONTH })],
      );
    });
    seeded++;
  }
  return seeded;
}
