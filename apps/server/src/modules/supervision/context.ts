import {
  type ClassificationRuleSet,
  DEFAULT_RULE_SET,
  type EnterpriseClass,
  type ProductRisk,
} from "@jingwei/rules";
import type { Sql } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";

// What every part of classified supervision reads: the rule set in force, an enterprise's class in force, and a
// product category with its risk and inspection defaults. Owned here so classification and lots agree.

export interface RuleSetInForce {
  id: string;
  version: string;
  rules: ClassificationRuleSet;
}

/**
 * The published rule set. A fresh database has none: the documented defaults (DEFAULT_RULE_SET, marked
 * unverified) are published on first use, once, whoever asks first (the unique index settles a race).
 */
export async function ruleSetInForce(sql: Sql): Promise<RuleSetInForce> {
  const read = () =>
    sql.query<RuleSetInForce>(
      "select id, version, rules from classification_rule_sets where status = 'published' limit 1",
    );
  const [found] = await read();
  if (found) return found;
  await sql.query(
    `insert into classification_rule_sets (version, status, rules, note, published_at)
     values ($1, 'published', $2::jsonb, 'Documented defaults (unverified), published on first use', now())
     on conflict do nothing`,
    [DEFAULT_RULE_SET.version, JSON.stringify(DEFAULT_RULE_SET)],
  );
  const [created] = await read();
  if (!created) throw new Error("no classification rule set in force");
  return created;
}

/**
 * Class given to an exporter that has never been classified. Decree 113 practice starts a new exporter under
 * general supervision until its first assessment; class III is the class whose default mode is "general" for
 * medium-risk products. An assumption, documented in docs/supervision.md.
 */
export const UNCLASSIFIED_CLASS: EnterpriseClass = "III";

export interface ClassInForce {
  class: EnterpriseClass;
  /** Where the class comes from: a manual override in force, the latest decision, or the unclassified default. */
  source: "override" | "decision" | "unclassified";
  decisionId: string | null;
}

/** The class that decides supervision today: an unexpired override, else the latest decision, else the default. */
export async function classInForce(sql: Sql, enterpriseId: string, today: string): Promise<ClassInForce> {
  const [row] = await sql.query<{
    class: EnterpriseClass | null;
    decisionId: string | null;
    overrideClass: EnterpriseClass | null;
    overrideExpiresOn: string | null;
  }>(
    `select class, decision_id as "decisionId", override_class as "overrideClass",
       override_expires_on as "overrideExpiresOn"
     from enterprise_supervision where enterprise_id = $1`,
    [enterpriseId],
  );
  if (row?.overrideClass && row.overrideExpiresOn && row.overrideExpiresOn >= today)
    return { class: row.overrideClass, source: "override", decisionId: row.decisionId };
  if (row?.class) return { class: row.class, source: "decision", decisionId: row.decisionId };
  return { class: UNCLASSIFIED_CLASS, source: "unclassified", decisionId: null };
}

export interface ProductCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  risk: ProductRisk;
  hsPrefixes: string[];
  inspectionLevel: string;
  /** null: critical defects not allowed (Ac 0 / Re 1), see docs/decisions/0004. */
  aqlCritical: number | null;
  aqlMajor: number;
  aqlMinor: number;
}

export const PRODUCT_CATEGORY_COLUMNS = `code, name_zh as "nameZh", name_en as "nameEn", risk, hs_prefixes as "hsPrefixes",
  inspection_level as "inspectionLevel", aql_critical::float8 as "aqlCritical", aql_major::float8 as "aqlMajor",
  aql_minor::float8 as "aqlMinor"`;

export async function listProductCategories(sql: Sql): Promise<ProductCategory[]> {
  return sql.query<ProductCategory>(
    `select ${PRODUCT_CATEGORY_COLUMNS} from product_categories order by sort_order, code`,
  );
}

/** Throws VALIDATION on `field` when the code is unknown (a client error, not a missing record). */
export async function productCategory(
  sql: Sql,
  code: string,
  field = "productCategory",
): Promise<ProductCategory> {
  const [found] = await sql.query<ProductCategory>(
    `select ${PRODUCT_CATEGORY_COLUMNS} from product_categories where code = $1`,
    [code],
  );
  if (!found)
    throw new AppError("VALIDATION", {}, [{ field, code: "unknown_type", params: { value: code } }]);
  return found;
}

/** Today's date as YYYY-MM-DD in China Standard Time (UTC+8, no daylight saving), the cluster's calendar. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
