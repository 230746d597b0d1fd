import {
  checkEditable,
  type EvaluationSystem,
  type ParseIssue,
  parseSystem,
  publishSystem,
  SHIPPED_SYSTEMS,
  type SystemFormat,
  serialiseSystem,
  validateEvaluationSystem,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";

// Evaluation systems as versioned rows: `definition` holds the whole EvaluationSystem. The four shipped systems are
// inserted, published, on first use (like supervision/context.ts does for the classification rule set).

export interface SystemRow {
  id: string;
  code: string;
  version: string;
  status: "draft" | "published";
  kind: string;
  nameZh: string;
  nameEn: string;
  shipped: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

export interface SystemDetail extends SystemRow {
  definition: EvaluationSystem;
  /** Validation warnings and errors of the definition (a draft may have errors; it cannot be published then). */
  issues: { path: string; code: string; severity: "error" | "warning"; message: string }[];
  assessments: number;
}

const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const SYSTEM_COLUMNS = `s.id, s.code, s.version, s.status, s.kind, s.name_zh as "nameZh", s.name_en as "nameEn",
  s.shipped, cu.display_name as "createdBy", ${iso("s.created_at")} as "createdAt", ${iso("s.updated_at")} as "updatedAt",
  pu.display_name as "publishedBy", ${iso("s.published_at")} as "publishedAt"`;
const FROM = `evaluation_systems s left join users cu on cu.id = s.created_by left join users pu on pu.id = s.published_by`;

/** Inserts the shipped systems that are missing (idempotent; the unique (code, version) settles races). */
export async function ensureShippedSystems(sql: Sql): Promise<void> {
  const rows = await sql.query<{ n: number }>(
    "select count(*)::int as n from evaluation_systems where shipped",
  );
  if ((rows[0]?.n ?? 0) >= SHIPPED_SYSTEMS.length) return;
  for (const s of SHIPPED_SYSTEMS) {
    await sql.query(
      `insert into evaluation_systems (code, version, status, kind, name_zh, name_en, definition, shipped, published_at)
       values ($1, $2, 'published', $3, $4, $5, $6::jsonb, true, now()) on conflict (code, version) do nothing`,
      [s.id, s.version, s.kind, s.name.zh, s.name.en, JSON.stringify(s)],
    );
  }
}

export async function listSystems(db: Db): Promise<SystemRow[]> {
  await ensureShippedSystems(db);
  return db.query<SystemRow>(`select ${SYSTEM_COLUMNS} from ${FROM} order by s.code, s.created_at`);
}

export async function getSystem(sql: Sql, id: string): Promise<SystemDetail> {
  await ensureShippedSystems(sql);
  const [row] = await sql.query<SystemRow & { definition: EvaluationSystem; assessments: number }>(
    `select ${SYSTEM_COLUMNS}, s.definition,
       (select count(*)::int from evaluation_assessments a where a.system_id = s.id) as assessments
     from ${FROM} where s.id = $1`,
    [id],
  );
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, issues: validateEvaluationSystem(row.definition) };
}

/** Parse issues → field errors named by their path in the system (`definition.sections[0].weight`). */
export function issueFields(issues: readonly ParseIssue[], prefix = "definition"): FieldIssue[] {
  return issues
    .filter((i) => i.severity === "error")
    .slice(0, 100)
    .map((i) => ({
      field: i.path ? `${prefix}.${i.path}` : prefix,
      code: "system_issue" as const,
      params: { message: `${i.code}: ${i.message}`, issue: i.code },
    }));
}

/**
 * The definition from a request: an object, or JSON/YAML text, through parseSystem: syntax, shape, then
 * validateEvaluationSystem. Any error refuses it (422 EVALUATION_SYSTEM_INVALID, each issue's path as a field), so a
 * stored system always scores; warnings are shown with the system.
 */
export function definitionOf(input: {
  definition?: unknown;
  text?: string;
  format?: SystemFormat;
}): EvaluationSystem {
  const text =
    input.text !== undefined
      ? input.text
      : JSON.stringify(input.definition === undefined ? null : input.definition);
  const parsed = parseSystem(text, input.text !== undefined ? (input.format ?? "json") : "json");
  if (parsed.ok) return parsed.system;
  const errors = parsed.issues.filter((i) => i.severity === "error");
  throw new AppError("EVALUATION_SYSTEM_INVALID", { count: errors.length }, issueFields(errors));
}

/** POST: a new draft (from a definition object or JSON/YAML text). Its status is forced to draft. */
export async function createSystem(
  db: Db,
  actor: Actor,
  input: { definition?: unknown; text?: string; format?: SystemFormat },
): Promise<SystemDetail> {
  const def = { ...definitionOf(input), status: "draft" as const };
  return db.tx(async (sql) => {
    await ensureShippedSystems(sql);
    const [taken] = await sql.query("select 1 from evaluation_systems where code = $1 and version = $2", [
      def.id,
      def.version,
    ]);
    if (taken) throw new AppError("EVALUATION_SYSTEM_EXISTS", { code: def.id, version: def.version });
    const [row] = await sql.query<{ id: string }>(
      `insert into evaluation_systems (code, version, status, kind, name_zh, name_en, definition, created_by)
       values ($1, $2, 'draft', $3, $4, $5, $6::jsonb, $7) returning id`,
      [def.id, def.version, def.kind, def.name.zh, def.name.en, JSON.stringify(def), actor.userId],
    );
    const id = (row as { id: string }).id;
    await writeAudit(sql, actor, {
      action: "evaluation_system.create",
      entityType: "evaluation_system",
      entityId: id,
      after: { code: def.id, version: def.version, status: "draft" },
    });
    return getSystem(sql, id);
  });
}

/** PUT: replaces a draft's definition; a published version is refused (EVALUATION_SYSTEM_PUBLISHED). */
export async function updateSystem(
  db: Db,
  actor: Actor,
  id: string,
  input: { definition?: unknown; text?: string; format?: SystemFormat },
): Promise<SystemDetail> {
  return db.tx(async (sql) => {
    const before = await getSystem(sql, id);
    await sql.query("select 1 from evaluation_systems where id = $1 for update", [id]);
    const editable = checkEditable(before.definition);
    if (!editable.ok || before.status === "published")
      throw new AppError("EVALUATION_SYSTEM_PUBLISHED", { code: before.code, version: before.version });
    const def = { ...definitionOf(input), status: "draft" as const };
    if (def.id !== before.code || def.version !== before.version) {
      const [taken] = await sql.query(
        "select 1 from evaluation_systems where code = $1 and version = $2 and id <> $3",
        [def.id, def.version, id],
      );
      if (taken) throw new AppError("EVALUATION_SYSTEM_EXISTS", { code: def.id, version: def.version });
    }
    await sql.query(
      `update evaluation_systems set code = $2, version = $3, kind = $4, name_zh = $5, name_en = $6, definition = $7::jsonb,
         updated_at = now() where id = $1`,
      [id, def.id, def.version, def.kind, def.name.zh, def.name.en, JSON.stringify(def)],
    );
    const diff = changedFields(
      { code: before.code, version: before.version, sections: before.definition.sections.length },
      { code: def.id, version: def.version, sections: def.sections.length },
    );
    await writeAudit(sql, actor, {
      action: "evaluation_system.update",
      entityType: "evaluation_system",
      entityId: id,
      ...(diff ?? { after: { definition: "changed" } }),
    });
    return getSystem(sql, id);
  });
}

/** Publishes a draft: validation errors refuse it (422 with each issue's path as a field). */
export async function publishSystemRow(db: Db, actor: Actor, id: string): Promise<SystemDetail> {
  return db.tx(async (sql) => {
    const before = await getSystem(sql, id);
    await sql.query("select 1 from evaluation_systems where id = $1 for update", [id]);
    if (before.status === "published")
      throw new AppError("EVALUATION_SYSTEM_PUBLISHED", { code: before.code, version: before.version });
    const r = publishSystem({ ...before.definition, status: "draft" });
    if (!r.ok) {
      const errors = (r.issues ?? []).filter((i) => i.severity === "error");
      throw new AppError("EVALUATION_SYSTEM_INVALID", { count: errors.length }, issueFields(errors));
    }
    await sql.query(
      `update evaluation_systems set status = 'published', definition = $2::jsonb, published_by = $3,
         published_at = now(), updated_at = now() where id = $1`,
      [id, JSON.stringify(r.system), actor.userId],
    );
    await writeAudit(sql, actor, {
      action: "evaluation_system.publish",
      entityType: "evaluation_system",
      entityId: id,
      before: { status: "draft" },
      after: { status: "published", code: before.code, version: before.version },
    });
    return getSystem(sql, id);
  });
}

export async function exportSystem(
  db: Db,
  id: string,
  format: SystemFormat,
): Promise<{ filename: string; body: string }> {
  const s = await getSystem(db, id);
  return {
    filename: `${s.code}-${s.version}.${format === "yaml" ? "yaml" : "json"}`,
    body: serialiseSystem(s.definition, format),
  };
}
