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
import { computeSignals } from "./signals.ts";

// Reclassification: the latest checklist, the signals and any override of each exporter go through
// classifyEnterprise of the rule set in force; each result is kept as a class_decisions row (trace, signals,
// applied effects) and enterprise_supervision points at it. Reclassifying all exporters is set-based: signals in
// a few queries, decisions and pointers written in bulk (5,000 rows a statement).

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
 * Decisions per statement. Each carries ~5 KB of trace and signals, so a chunk is ~10 MB of JSON: large enough
 * that statements are few, small enough that the JSON strings stay cheap to build and collect.
 */
const CHUNK = 2000;

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

interface Classified {
  id: string;
  enterpriseId: string;
  decision: ClassificationDecision;
  signals: SignalObservation[];
  changed: boolean;
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

/** Stores one chunk of decisions (at most CHUNK) and points enterprise_supervision at them. */
async function writeDecisions(
  sql: Sql,
  rs: RuleSetInForce,
  chunk: Classified[],
  trigger: DecisionTrigger,
  userId: string | null,
): Promise<void> {
  // One JSON document per chunk rather than arrays of JSON strings: the driver serialises a text[] of long
  // strings element by element (seconds for a chunk of traces), while JSON.stringify of the whole is quick.
  const rows = JSON.stringify(
    chunk.map((c) => ({
      id: c.id,
      enterprise_id: c.enterpriseId,
      class: c.decision.class,
      computed_class: c.decision.computedClass,
      base_class: c.decision.baseClass,
      score_total: c.decision.scoreTotal,
      signals: c.signals,
      applied: c.decision.applied,
      trace: c.decision.trace,
      override: c.decision.override,
    })),
  );
  await sql.query(
    `insert into class_decisions (id, enterprise_id, class, computed_class, base_class, score_total, signals,
         applied, trace, override, rule_set_id, rule_set_version, trigger, decided_by)
       select x.id, x.enterprise_id, x.class, x.computed_class, x.base_class, x.score_total, x.signals, x.applied,
         x.trace, x.override, $2::uuid, $3, $4, $5::uuid
       from json_populate_recordset(null::class_decisions, $1::json) as x`,
    [rows, rs.id, rs.version, trigger, userId],
  );
  // The pointer keeps the computed class: an override lives in its own columns and, once it expires, the
  // computed class applies again (classInForce).
  await sql.query(
    `insert into enterprise_supervision (enterprise_id, class, decision_id, updated_at)
       select x.enterprise_id, x.class, x.decision_id, now()
       from unnest($1::uuid[], $2::text[], $3::uuid[]) as x(enterprise_id, class, decision_id)
       on conflict (enterprise_id) do update
         set class = excluded.class, decision_id = excluded.decision_id, updated_at = now()`,
    [chunk.map((c) => c.enterpriseId), chunk.map((c) => c.decision.computedClass), chunk.map((c) => c.id)],
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
  const rs = await ruleSetInForce(sql);
  const candidates = await loadCandidates(sql, null);
  const assessed = candidates.filter((c) => c.scores);
  const signals = await computeSignals(sql, rs.rules, today, {
    ids: assessed.map((c) => c.id),
    wholeTable: true,
  });
  const userId = await decidedBy(sql, actor);
  let classified = 0;
  let changed = 0;
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < assessed.length; start += CHUNK) {
    const chunk: Classified[] = [];
    for (const c of assessed.slice(start, start + CHUNK)) {
      const obs = signals.get(c.id) ?? [];
      const d = classify(rs, c, obs, today);
      if (!d?.ok) continue; // a checklist scored under other elements or maxima: counted as not assessed
      const item = {
        id: randomUUID(),
        enterpriseId: c.id,
        decision: d,
        signals: obs,
        changed: classBefore(c, today) !== d.class,
      };
      chunk.push(item);
      if (item.changed) changed++;
    }
    classified += chunk.length;
    // The database stores one chunk while the next is classified: two processes at work instead of one waiting.
    await writing;
    writing = writeDecisions(sql, rs, chunk, trigger, userId);
    writing.catch(() => {}); // awaited on the next turn or below; this only keeps a failure from counting as unhandled
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
  const item: Classified = {
    id: randomUUID(),
    enterpriseId,
    decision: d,
    signals,
    changed: classBefore(candidate, today) !== d.class,
  };
  await writeDecisions(sql, rs, [item], trigger, await decidedBy(sql, actor));
  await writeAudit(sql, actor, {
    action: `classification.reclassify_${trigger}`,
    entityType: "enterprise_class",
    entityId: enterpriseId,
    before: { class: classBefore(candidate, today) },
    after: {
      class: d.class,
      computedClass: d.computedClass,
      decisionId: item.id,
      ruleSetVersion: rs.version,
    },
  });
  return { decisionId: item.id, changed: item.changed, class: d.class };
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
