import {
  checkEditable,
  draftFrom,
  type EvaluationSystem,
  type IssueParams,
  type ParseIssue,
  parseSystem,
  publishSystem,
  SHIPPED_SYSTEMS,
  type SystemFormat,
  serialiseSystem,
  systemIssueText,
  validateEvaluationSystem,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import type { Locale } from "../../platform/i18n.ts";

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

/** A validation issue as the API shows it: `message` in the reader's language, both languages beside it. */
export interface LocalisedIssue {
  path: string;
  code: string;
  severity: "error" | "warning";
  message: string;
  zh: string;
  en: string;
}

export interface SystemDetail extends SystemRow {
  definition: EvaluationSystem;
  /** Validation warnings (and errors of a system stored before a check was added: it cannot be published). */
  issues: LocalisedIssue[];
  assessments: number;
}

/** parseSystem's issues carry validateEvaluationSystem's params at run time; the type does not say so. */
type AnyIssue = ParseIssue & { params?: IssueParams };

export function localiseIssues(issues: readonly AnyIssue[], locale: Locale): LocalisedIssue[] {
  return issues.map((i) => {
    const text = systemIssueText(i);
    return {
      path: i.path,
      code: i.code,
      severity: i.severity,
      message: locale === "en-US" ? text.en : text.zh,
      ...text,
    };
  });
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

export async function getSystem(sql: Sql, id: string, locale: Locale = "zh-CN"): Promise<SystemDetail> {
  await ensureShippedSystems(sql);
  const [row] = await sql.query<SystemRow & { definition: EvaluationSystem; assessments: number }>(
    `select ${SYSTEM_COLUMNS}, s.definition,
       (select count(*)::int from evaluation_assessments a where a.system_id = s.id) as assessments
     from ${FROM} where s.id = $1`,
    [id],
  );
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, issues: localiseIssues(validateEvaluationSystem(row.definition), locale) };
}

/**
 * Parse issues → field errors named by their path in the system (`definition.sections[0].weight`), each with its
 * Chinese and English message (validate-messages.ts) for errorBody to pick from.
 */
export function issueFields(issues: readonly AnyIssue[], prefix = "definition"): FieldIssue[] {
  return issues
    .filter((i) => i.severity === "error")
    .slice(0, 100)
    .map((i) => ({
      field: i.path ? `${prefix}.${i.path}` : prefix,
      code: "system_issue" as const,
      params: { ...systemIssueText(i), issue: i.code },
    }));
}

export interface SystemWriteInput {
  definition?: unknown;
  text?: string;
  format?: SystemFormat;
}

/** Parses the request's definition (an object, or JSON/YAML text) without refusing anything. */
function parseInput(input: SystemWriteInput) {
  const text =
    input.text !== undefined
      ? input.text
      : JSON.stringify(input.definition === undefined ? null : input.definition);
  return parseSystem(text, input.text !== undefined ? (input.format ?? "json") : "json");
}

const PARSE_CODES = new Set([
  "format_unknown",
  "syntax_invalid",
  "field_unknown",
  "field_missing",
  "field_type",
  "variant_unknown",
]);

export interface ValidationResult {
  ok: boolean;
  errors: number;
  warnings: number;
  issues: LocalisedIssue[];
  /** The definition read (an object, or the text when it had no error), for the editor's forms; else null. */
  definition: EvaluationSystem | null;
  /** The definition in the format asked for (`as`), when its shape allows; else null. */
  text: string | null;
}

/**
 * A dry run of a save: the same checks as POST and PUT (syntax, shape, validateEvaluationSystem), nothing stored.
 * The console's editor calls it as the administrator types, and to turn its state into YAML or YAML into forms.
 */
export function validateDefinition(
  input: SystemWriteInput & { as?: SystemFormat },
  locale: Locale,
): ValidationResult {
  const parsed = parseInput(input);
  const errors = parsed.issues.filter((i) => i.severity === "error").length;
  const shapeOk = !parsed.issues.some((i) => PARSE_CODES.has(i.code));
  // Text with errors of meaning only is well formed, but parseSystem hands back no system then.
  const definition = parsed.ok
    ? parsed.system
    : shapeOk && input.text === undefined
      ? (input.definition as EvaluationSystem)
      : null;
  return {
    ok: errors === 0,
    errors,
    warnings: parsed.issues.length - errors,
    issues: localiseIssues(parsed.issues, locale),
    definition,
    text: input.as && definition ? serialiseSystem(definition, input.as) : null,
  };
}

/**
 * The definition from a request: an object, or JSON/YAML text, through parseSystem: syntax, shape, then
 * validateEvaluationSystem. Any error refuses it (422 EVALUATION_SYSTEM_INVALID, each issue's path as a field), so a
 * stored system always scores; warnings are shown with the system.
 */
export function definitionOf(input: SystemWriteInput): EvaluationSystem {
  const parsed = parseInput(input);
  if (parsed.ok) return parsed.system;
  const errors = parsed.issues.filter((i) => i.severity === "error");
  throw new AppError("EVALUATION_SYSTEM_INVALID", { count: errors.length }, issueFields(errors));
}

/**
 * Inserts a draft and audits it; 409 EVALUATION_SYSTEM_EXISTS when its code and version exist (the unique
 * (code, version) settles a race the same way).
 */
async function insertDraft(
  sql: Sql,
  actor: Actor,
  def: EvaluationSystem,
  copiedFrom?: { id: string; version: string },
): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into evaluation_systems (code, version, status, kind, name_zh, name_en, definition, created_by)
     values ($1, $2, 'draft', $3, $4, $5, $6::jsonb, $7) on conflict (code, version) do nothing returning id`,
    [def.id, def.version, def.kind, def.name.zh, def.name.en, JSON.stringify(def), actor.userId],
  );
  if (!row) throw new AppError("EVALUATION_SYSTEM_EXISTS", { code: def.id, version: def.version });
  await writeAudit(sql, actor, {
    action: "evaluation_system.create",
    entityType: "evaluation_system",
    entityId: row.id,
    after: { code: def.id, version: def.version, status: "draft", ...(copiedFrom ? { copiedFrom } : {}) },
  });
  return row.id;
}

/** POST: a new draft (from a definition object or JSON/YAML text). Its status is forced to draft. */
export async function createSystem(
  db: Db,
  actor: Actor,
  input: SystemWriteInput,
  locale: Locale = "zh-CN",
): Promise<SystemDetail> {
  const def = { ...definitionOf(input), status: "draft" as const };
  return db.tx(async (sql) => {
    await ensureShippedSystems(sql);
    return getSystem(sql, await insertDraft(sql, actor, def), locale);
  });
}

/** "2024.1" → "2024.2", "v9-rc" → "v10-rc": the last number goes up; a label without one gets ".2". */
export function nextVersion(version: string): string {
  const m = /^(.*?)(\d+)(\D*)$/.exec(version);
  if (!m) return `${version}.2`;
  return `${m[1]}${BigInt(m[2] as string) + 1n}${m[3]}`;
}

/**
 * POST …/:id/versions: a new draft copied from a version (published ones are the point: they are frozen) under
 * `version`, or the next free label after it. A version given that exists: 409 EVALUATION_SYSTEM_EXISTS.
 */
export async function createVersion(
  db: Db,
  actor: Actor,
  id: string,
  input: { version?: string },
  locale: Locale = "zh-CN",
): Promise<SystemDetail> {
  return db.tx(async (sql) => {
    const source = await getSystem(sql, id);
    const wanted = input.version?.trim();
    let version = wanted || nextVersion(source.version);
    if (!wanted) {
      const rows = await sql.query<{ version: string }>(
        "select version from evaluation_systems where code = $1",
        [source.code],
      );
      const taken = new Set(rows.map((r) => r.version));
      // Bounded: a code has few versions, and each step yields a label not seen before.
      for (let i = 0; taken.has(version) && i < 1000; i++) version = nextVersion(version);
    }
    const draft = draftFrom(source.definition, version);
    if (!draft.ok) throw new AppError("EVALUATION_SYSTEM_EXISTS", { code: source.code, version });
    const newId = await insertDraft(sql, actor, draft.system, { id, version: source.version });
    return getSystem(sql, newId, locale);
  });
}

/** PUT: replaces a draft's definition; a published version is refused (EVALUATION_SYSTEM_PUBLISHED). */
export async function updateSystem(
  db: Db,
  actor: Actor,
  id: string,
  input: SystemWriteInput,
  locale: Locale = "zh-CN",
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
    return getSystem(sql, id, locale);
  });
}

/** Publishes a draft: validation errors refuse it (422 with each issue's path as a field). */
export async function publishSystemRow(
  db: Db,
  actor: Actor,
  id: string,
  locale: Locale = "zh-CN",
): Promise<SystemDetail> {
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
    return getSystem(sql, id, locale);
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
