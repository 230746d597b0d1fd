import { randomUUID } from "node:crypto";
import {
  type ClassificationDecision,
  type ClassificationRefusal,
  type ClassOverride,
  classifyEnterprise,
  type EnterpriseClass,
  type SignalObservation,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import { type RuleSetInForce, ruleSetInForce, todayInChina } from "../supervision/context.ts";
import { encodeScores, encodeSignals } from "./decision-inputs.ts";
import { computeSignals, readSignals } from "./signals.ts";

// Reclassification: the latest checklist, the signals and any override of each exporter go through
// classifyEnterprise of the rule set in force; each result is kept as a class_decisions row and
// enterprise_supervision points at it. A row keeps the decision's inputs (scores, signals, override, date), not its
// trace: the trace is computed again when the decision is read (decision-inputs.ts, migration 0016). Reclassifying
// all exporters is set-based: the signals' sums in one query per source, then decisions and pointers written in
// bulk, one statement per chunk, while the next chunk is classified.

export type DecisionTrigger = "single" | "all" | "schedule" | "override" | "demo";

export interface ReclassifyResult {
  /** Exporters considered. */
  enterprises: number;
  /** Exporters given a new decision. */
  classified: number;
  /** Of those, the ones whose class in force differs from before (a first classification counts). */
  changed: number;
  /** Exporters without a checklist that fits the rule set in force: skipped, their class stays as it was. */
  notAssessed: number;
  durationMs: number;
  ruleSetVersion: string;
}

/** An exporter as the classifier needs it. */
interface Candidate {
  id: string;
  scores: Record<string, number> | null;
  /** enterprise_supervision.class: the class of the latest decision, before any override. */
  decidedClass: EnterpriseClass | null;
  override: ClassOverride | null;
}

/**
 * Decisions per statement. A decision row is ~0.5 KB (its inputs, no trace): statements are few, and the
 * database writes one chunk while the next is classified.
 */
const CHUNK = 5000;

/** An enterprise exports when the registry says so or when it has declared lots. */
export const EXPORTER_SQL = "(e.export_flag or exists (select 1 from lots l where l.enterprise_id = e.id))";

async function loadCandidates(sql: Sql, enterpriseId: string | null): Promise<Candidate[]> {
  const rows = await sql.query<{
    id: string;
    scores: Record<string, number> | null;
    decidedClass: EnterpriseClass | null;
    overrideClass: EnterpriseClass | null;
    overrideReason: string | null;
    overrideExpiresOn: string | null;
  }>(
    `select e.id, a.scores, es.class as "decidedClass", es.override_class as "overrideClass",
       es.override_reason as "overrideReason", es.override_expires_on as "overrideExpiresOn"
     from enterprises e
     left join enterprise_supervision es on es.enterprise_id = e.id
     left join lateral (
       select scores from enterprise_assessments a where a.enterprise_id = e.id
       order by assessed_on desc, created_at desc limit 1
     ) a on true
     where ${enterpriseId ? "e.id = $1" : EXPORTER_SQL}`,
    enterpriseId ? [enterpriseId] : [],
  );
  return rows.map((r) => ({
    id: r.id,
    scores: r.scores,
    decidedClass: r.decidedClass,
    override:
      r.overrideClass && r.overrideExpiresOn
        ? { class: r.overrideClass, reason: r.overrideReason ?? "", expiresOn: r.overrideExpiresOn }
        : null,
  }));
}

/** The class in force before a new decision: the override while it applies, else the decided class. */
function classBefore(c: Candidate, today: string): EnterpriseClass | null {
  if (c.override && c.override.expiresOn >= today) return c.override.class;
  return c.decidedClass;
}

/**
 * A UUID whose first 48 bits are the time in milliseconds (the UUID version 7 layout): decisions written
 * together sit together in the primary key index, instead of each landing on a random page of a table that
 * grows by every exporter each month.
 */
function timeOrderedUuid(): string {
  const time = Date.now().toString(16).padStart(12, "0");
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx: keep the random part and the variant
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

/** Decisions of one statement, column by column (the shape the statement reads them in). */
class DecisionRows {
  readonly id: string[] = [];
  readonly enterpriseId: string[] = [];
  readonly class: EnterpriseClass[] = [];
  readonly computedClass: EnterpriseClass[] = [];
  readonly baseClass: EnterpriseClass[] = [];
  readonly scoreTotal: number[] = [];
  readonly scores: string[] = [];
  readonly signals: string[] = [];
  readonly override: (string | null)[] = [];

  get length(): number {
    return this.id.length;
  }

  /** Keeps what the trace is computed again from; the trace and applied effects themselves are dropped. */
  add(
    rs: RuleSetInForce,
    enterpriseId: string,
    scores: Record<string, number>,
    signals: SignalObservation[],
    d: ClassificationDecision,
  ): string {
    const id = timeOrderedUuid();
    this.id.push(id);
    this.enterpriseId.push(enterpriseId);
    this.class.push(d.class);
    this.computedClass.push(d.computedClass);
    this.baseClass.push(d.baseClass);
    this.scoreTotal.push(d.scoreTotal);
    this.scores.push(encodeScores(rs.rules, scores));
    this.signals.push(encodeSignals(signals));
    this.override.push(d.override ? JSON.stringify(d.override) : null);
    return id;
  }
}

function classify(
  rs: RuleSetInForce,
  c: Candidate,
  signals: SignalObservation[],
  today: string,
): ClassificationDecision | ClassificationRefusal | null {
  if (!c.scores) return null;
  return classifyEnterprise(rs.rules, {
    checklist: c.scores,
    signals,
    ...(c.override ? { override: c.override } : {}),
    today,
  });
}

/** The user id to record as decider, or null when the actor is no user of this database (the CLI, a job). */
async function decidedBy(sql: Sql, actor: Actor | null): Promise<string | null> {
  if (!actor) return null;
  const [row] = await sql.query<{ id: string }>("select id from users where id = $1", [actor.userId]);
  return row?.id ?? null;
}

/**
 * Stores a chunk of decisions and points enterprise_supervision at them, in one statement. The pointer keeps the
 * computed class: an override lives in its own columns and, once it expires, the computed class applies again
 * (classInForce).
 */
async function writeDecisions(
  sql: Sql,
  rs: RuleSetInForce,
  rows: DecisionRows,
  today: string,
  trigger: DecisionTrigger,
  userId: string | null,
): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `with d as (
       insert into class_decisions (id, enterprise_id, class, computed_class, base_class, score_total, scores,
           signals, override, decided_on, rule_set_id, rule_set_version, trigger, decided_by)
         select x.*, $10::date, $11::uuid, $12, $13, $14::uuid
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::json[],
           $8::json[], $9::json[]) as x
         returning id, enterprise_id, computed_class
     )
     insert into enterprise_supervision (enterprise_id, class, decision_id, updated_at)
       select enterprise_id, computed_class, id, now() from d
       on conflict (enterprise_id) do update
         set class = excluded.class, decision_id = excluded.decision_id, updated_at = excluded.updated_at`,
    [
      rows.id,
      rows.enterpriseId,
      rows.class,
      rows.computedClass,
      rows.baseClass,
      rows.scoreTotal,
      rows.scores,
      rows.signals,
      rows.override,
      today,
      rs.id,
      rs.version,
      trigger,
      userId,
    ],
  );
}

/** Reclassify every exporter inside an open transaction (the schedule holds its job row locked meanwhile). */
export async function reclassifyAllIn(
  sql: Sql,
  actor: Actor | null,
  trigger: DecisionTrigger,
  today: string = todayInChina(),
): Promise<ReclassifyResult> {
  const started = performance.now();
  // Every exporter at once: JIT would compile these plans for longer than they run (~0.2 s a plan), and the
  // per-exporter sums would spill to disk in the default work_mem. Both settings end with the transaction.
  await sql.exec("set local jit = off; set local work_mem = '64MB'");
  const rs = await ruleSetInForce(sql);
  const candidates = await loadCandidates(sql, null);
  const assessed = candidates.filter((c) => c.scores);
  const observe = await readSignals(sql, rs.rules, today, {
    ids: assessed.map((c) => c.id),
    wholeTable: true,
  });
  const userId = await decidedBy(sql, actor);
  let classified = 0;
  let changed = 0;
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < assessed.length; start += CHUNK) {
    const rows = new DecisionRows();
    for (const c of assessed.slice(start, start + CHUNK)) {
      const obs = observe(c.id);
      const d = classify(rs, c, obs, today);
      if (!d?.ok || !c.scores) continue; // a checklist scored under other elements or maxima: not assessed
      rows.add(rs, c.id, c.scores, obs, d);
      if (classBefore(c, today) !== d.class) changed++;
    }
    classified += rows.length;
    // The database stores one chunk while the next is classified: two processes at work instead of one waiting.
    await writing;
    writing = writeDecisions(sql, rs, rows, today, trigger, userId);
    writing.catch(() => {}); // awaited on the next turn or below; this only keeps a failure from counting as unhandled
    // Classifying is synchronous: let the statement go out (the transaction's query queue starts it on a later
    // tick) before the next chunk holds the event loop.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await writing;
  const result: ReclassifyResult = {
    enterprises: candidates.length,
    classified,
    changed,
    notAssessed: candidates.length - classified,
    durationMs: Math.round(performance.now() - started),
    ruleSetVersion: rs.version,
  };
  // One entry for the run; each enterprise's decision is its own record in class_decisions.
  await writeAudit(sql, actor, {
    action: `classification.reclassify_${trigger}`,
    entityType: "classification",
    entityId: null,
    after: result,
  });
  return result;
}

/** Reclassify every exporter (registry export flag or declared lots) in one transaction. */
export function reclassifyAll(
  db: Db,
  actor: Actor | null,
  trigger: DecisionTrigger,
  today: string = todayInChina(),
): Promise<ReclassifyResult> {
  return db.tx((sql) => reclassifyAllIn(sql, actor, trigger, today));
}

/** Checklist issues as API fields: `checklist.traceability` → `scores.traceability`. */
function checklistFields(refusal: ClassificationRefusal, rs: RuleSetInForce): FieldIssue[] {
  const maxOf = new Map(rs.rules.elements.map((e) => [e.id as string, e.maxScore]));
  return refusal.inputIssues
    .filter((i) => i.path.startsWith("checklist."))
    .map((i) => {
      const element = i.path.slice("checklist.".length);
      return i.code === "score_missing"
        ? { field: `scores.${element}`, code: "required" as const }
        : {
            field: `scores.${element}`,
            code: "assessment_score_range" as const,
            params: { max: maxOf.get(element) ?? 0 },
          };
    });
}

/**
 * Reclassify one enterprise inside an open transaction. Throws NOT_FOUND for an unknown enterprise,
 * ENTERPRISE_NOT_ASSESSED without a checklist, ASSESSMENT_NOT_APPLICABLE when the checklist does not fit the
 * rule set in force.
 */
export async function reclassifyEnterpriseIn(
  sql: Sql,
  actor: Actor | null,
  enterpriseId: string,
  trigger: DecisionTrigger,
  today: string = todayInChina(),
): Promise<{ decisionId: string; changed: boolean; class: EnterpriseClass }> {
  const rs = await ruleSetInForce(sql);
  const [candidate] = await loadCandidates(sql, enterpriseId);
  if (!candidate) throw new AppError("NOT_FOUND");
  if (!candidate.scores) throw new AppError("ENTERPRISE_NOT_ASSESSED");
  const signals =
    (await computeSignals(sql, rs.rules, today, { ids: [enterpriseId] })).get(enterpriseId) ?? [];
  const d = classify(rs, candidate, signals, today);
  if (!d) throw new AppError("ENTERPRISE_NOT_ASSESSED");
  if (!d.ok) {
    if (d.ruleSetIssues.length > 0) throw new Error(`rule set ${rs.version} in force is not usable`);
    throw new AppError("ASSESSMENT_NOT_APPLICABLE", { version: rs.version }, checklistFields(d, rs));
  }
  const rows = new DecisionRows();
  const decisionId = rows.add(rs, enterpriseId, candidate.scores, signals, d);
  const changed = classBefore(candidate, today) !== d.class;
  await writeDecisions(sql, rs, rows, today, trigger, await decidedBy(sql, actor));
  await writeAudit(sql, actor, {
    action: `classification.reclassify_${trigger}`,
    entityType: "enterprise_class",
    entityId: enterpriseId,
    before: { class: classBefore(candidate, today) },
    after: {
      class: d.class,
      computedClass: d.computedClass,
      decisionId,
      ruleSetVersion: rs.version,
    },
  });
  return { decisionId, changed, class: d.class };
}

/** Reclassify one enterprise in a transaction of its own. */
export function reclassifyEnterprise(
  db: Db,
  actor: Actor | null,
  enterpriseId: string,
  trigger: DecisionTrigger,
  today: string = todayInChina(),
) {
  return db.tx((sql) => reclassifyEnterpriseIn(sql, actor, enterpriseId, trigger, today));
}

/** True when the enterprise has a checklist (so an override can be traced in a fresh decision). */
export async function hasAssessment(sql: Sql, enterpriseId: string): Promise<boolean> {
  const [row] = await sql.query("select 1 from enterprise_assessments where enterprise_id = $1 limit 1", [
    enterpriseId,
  ]);
  return row !== undefined;
}
