import { allIndicators, CSC9000T_SYSTEM, scoreAssessment } from "@jingwei/rules";
import type { Db } from "../../platform/db.ts";
import { PILOT_ENTERPRISES } from "../demo/pinghu-seed-data.ts";
import { ratingValidUntilOf } from "./dates.ts";
import { ensureShippedSystems } from "./systems.ts";
import { passingValue } from "./testing.ts";

// The demo cluster's CSC9000T pilot (seed 000): 11 enterprises chosen after Pinghu became a pilot region (2006-12)
// went through self-assessment, expert initial assessment, system-building training and trial run, and
// re-assessment; all passed the 中纺协 re-assessment in 2008-11. Each pilot gets that assessment, rated, with its stage
// history. The seed gives the start (2006-12) and the pass (2008-11) only: the dates in between are illustrative.
// Working hours: the seed's curve, 320–350 h a month at the start and 280–300 h by the re-assessment (midpoints used).

const HISTORY = [
  { action: "startSelfAssessment", from: "draft", to: "selfAssessment", on: "2007-03-01" },
  { action: "submitSelfAssessment", from: "selfAssessment", to: "expertInitial", on: "2007-05-31" },
  { action: "completeInitialAssessment", from: "expertInitial", to: "trainingTrial", on: "2007-09-28" },
  { action: "startReassessment", from: "trainingTrial", to: "reassessment", on: "2008-10-15" },
  { action: "rate", from: "reassessment", to: "rated", on: "2008-11-20" },
] as const;

const NOTE = "演示数据：阶段日期为示意（种子 000 只给出 2006-12 启动、2008-11 全部通过复评）";

/** Creates the pilots' CSC9000T assessments once (idempotent); returns how many were created. */
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
  return created;
}
