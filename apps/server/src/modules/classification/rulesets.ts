import { type ClassificationRuleSet, type RuleSetIssue, validateRuleSet } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, FIELD_ERRORS, type FieldErrorCode, fieldMessage } from "../../platform/errors.ts";
import type { Locale } from "../../platform/i18n.ts";
import { ruleSetInForce } from "../supervision/context.ts";
import type { RuleSetWrite } from "./schemas.ts";

// Classification rule sets as versioned data: drafts are edited freely, publication validates and freezes,
// and exactly one published version is in force (publishing retires the previous one in the same transaction).

type Status = "draft" | "published" | "retired";

const STATUS_WORDS: Record<Status, { zh: string; en: string }> = {
  draft: { zh: "草稿", en: "a draft" },
  published: { zh: "发布", en: "published" },
  retired: { zh: "停用", en: "retired" },
};

const at = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SUMMARY = `r.id, r.version, r.status, coalesce((r.rules->>'verified')::boolean, false) as verified, r.note,
  ${at("r.created_at")} as "createdAt", cu.display_name as "createdBy",
  ${at("r.published_at")} as "publishedAt", pu.display_name as "publishedBy"`;

const FROM = `classification_rule_sets r
  left join users cu on cu.id = r.created_by
  left join users pu on pu.id = r.published_by`;

export interface RuleSetSummary {
  id: string;
  version: string;
  status: Status;
  verified: boolean;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface RuleSetDetail extends RuleSetSummary {
  rules: ClassificationRuleSet;
  issues: RuleSetIssue[];
}

/** Every version, newest first. The defaults are published on first use, so the list is never empty. */
export async function listRuleSets(db: Db): Promise<{ items: RuleSetSummary[] }> {
  await ruleSetInForce(db);
  const items = await db.query<RuleSetSummary>(
    `select ${SUMMARY} from ${FROM} order by r.created_at desc, r.version`,
  );
  return { items };
}

async function loadRuleSet(sql: Sql, id: string, lock = false): Promise<RuleSetDetail> {
  const [row] = await sql.query<Omit<RuleSetDetail, "issues">>(
    `select ${SUMMARY}, r.rules from ${FROM} where r.id = $1 ${lock ? "for update of r" : ""}`,
    [id],
  );
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, issues: validateRuleSet(row.rules) };
}

export async function getRuleSet(db: Db, id: string): Promise<RuleSetDetail> {
  return loadRuleSet(db, id);
}

/** The stored rules carry the version label of their row. */
function rulesOf(input: RuleSetWrite): ClassificationRuleSet {
  return { ...(input.rules as unknown as ClassificationRuleSet), version: input.version.trim() };
}

async function assertVersionFree(sql: Sql, version: string, exceptId: string | null): Promise<void> {
  const [taken] = await sql.query("select 1 from classification_rule_sets where version = $1 and id <> $2", [
    version,
    exceptId ?? "00000000-0000-0000-0000-000000000000",
  ]);
  if (taken) throw new AppError("RULE_SET_VERSION_TAKEN", { version });
}

function assertDraft(r: RuleSetSummary): void {
  if (r.status !== "draft")
    throw new AppError("RULE_SET_FROZEN", { version: r.version, status: STATUS_WORDS[r.status] });
}

export async function createRuleSet(db: Db, actor: Actor, input: RuleSetWrite): Promise<RuleSetDetail> {
  return db.tx(async (sql) => {
    const rules = rulesOf(input);
    await assertVersionFree(sql, rules.version, null);
    const [row] = await sql.query<{ id: string }>(
      `insert into classification_rule_sets (version, status, rules, note, created_by)
       values ($1, 'draft', $2::jsonb, $3, $4) returning id`,
      [rules.version, JSON.stringify(rules), input.note ?? null, actor.userId],
    );
    if (!row) throw new Error("insert returned no row");
    await writeAudit(sql, actor, {
      action: "classification_rule_set.create",
      entityType: "classification_rule_set",
      entityId: row.id,
      after: { version: rules.version, note: input.note ?? null, rules },
    });
    return loadRuleSet(sql, row.id);
  });
}

export async function updateRuleSet(
  db: Db,
  actor: Actor,
  id: string,
  input: RuleSetWrite,
): Promise<RuleSetDetail> {
  return db.tx(async (sql) => {
    const current = await loadRuleSet(sql, id, true);
    assertDraft(current);
    const rules = rulesOf(input);
    await assertVersionFree(sql, rules.version, id);
    await sql.query(
      "update classification_rule_sets set version = $2, rules = $3::jsonb, note = $4 where id = $1",
      [id, rules.version, JSON.stringify(rules), input.note ?? null],
    );
    const diff = changedFields(
      { version: current.version, note: current.note, rules: current.rules },
      { version: rules.version, note: input.note ?? null, rules },
    );
    if (diff)
      await writeAudit(sql, actor, {
        action: "classification_rule_set.update",
        entityType: "classification_rule_set",
        entityId: id,
        ...diff,
      });
    return loadRuleSet(sql, id);
  });
}

export interface PublishResult {
  ruleSet: RuleSetDetail;
  warnings: RuleSetIssue[];
  /** Version retired by this publication. */
  retired: string | null;
}

/**
 * Publishes a draft: refuses it (RULE_SET_INVALID, one field per issue at its path) while validateRuleSet finds
 * an error; warnings are returned and do not block. Retires the version in force in the same transaction.
 */
export async function publishRuleSet(db: Db, actor: Actor, id: string): Promise<PublishResult> {
  return db.tx(async (sql) => {
    // Make sure the defaults exist before the first publication, so they are retired like any other version.
    await ruleSetInForce(sql);
    const draft = await loadRuleSet(sql, id, true);
    assertDraft(draft);
    const errors = draft.issues.filter((i) => i.severity === "error");
    if (errors.length > 0) {
      throw new AppError(
        "RULE_SET_INVALID",
        { count: errors.length },
        errors.map((i) => ({ field: i.path, code: i.code as FieldErrorCode })),
      );
    }
    const retired = await sql.query<{ id: string; version: string }>(
      "update classification_rule_sets set status = 'retired' where status = 'published' returning id, version",
    );
    await sql.query(
      "update classification_rule_sets set status = 'published', published_by = $2, published_at = now() where id = $1",
      [id, actor.userId],
    );
    const retiredVersion = retired[0]?.version ?? null;
    await writeAudit(sql, actor, {
      action: "classification_rule_set.publish",
      entityType: "classification_rule_set",
      entityId: id,
      before: { status: "draft", inForce: retiredVersion },
      after: { status: "published", inForce: draft.version },
    });
    return {
      ruleSet: await loadRuleSet(sql, id),
      warnings: draft.issues.filter((i) => i.severity === "warning"),
      retired: retiredVersion,
    };
  });
}

/** Issues as the API shows them: the code's message in the reader's language, validateRuleSet's words as detail. */
export function localiseIssues(issues: readonly RuleSetIssue[], locale: Locale) {
  return issues.map((i) => ({
    path: i.path,
    code: i.code,
    severity: i.severity,
    message: Object.hasOwn(FIELD_ERRORS, i.code)
      ? fieldMessage({ field: i.path, code: i.code as FieldErrorCode }, locale)
      : i.message,
    detail: i.message,
  }));
}

export function localiseRuleSet(r: RuleSetDetail, locale: Locale) {
  return { ...r, issues: localiseIssues(r.issues, locale) };
}
