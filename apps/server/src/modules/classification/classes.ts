import { ENTERPRISE_CLASSES, type EnterpriseClass, supervisionMode } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import type { Sql } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { termsOf } from "../enterprises/service.ts";
import {
  classInForce,
  listProductCategories,
  ruleSetInForce,
  UNCLASSIFIED_CLASS,
} from "../supervision/context.ts";
import { STORED_INPUT_COLUMNS, type StoredDecisionInputs, withTraces } from "./decision-inputs.ts";
import type { Assessment, ClassFilters, ClassListItem, Decision, HistoryItem } from "./schemas.ts";
import { EXPORTER_SQL } from "./service.ts";

// Reading classes: the list of exporters with their class in force, the distribution, one enterprise's class with
// its reasons, and its history of decisions.

const at = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Class in force and its source in SQL ($1 = today), the same rule as context.ts classInForce. */
const OVERRIDE_IN_FORCE = "(es.override_class is not null and es.override_expires_on >= $1::date)";
const CLASS_SQL = `case when ${OVERRIDE_IN_FORCE} then es.override_class
  when es.class is not null then es.class else '${UNCLASSIFIED_CLASS}' end`;
const SOURCE_SQL = `case when ${OVERRIDE_IN_FORCE} then 'override'
  when es.class is not null then 'decision' else 'unclassified' end`;

const SORT_SQL: Record<string, string> = {
  name: "name asc, id",
  "-name": "name desc, id",
  class: "class asc, name, id",
  "-class": "class desc, name, id",
  score: "score asc nulls last, name, id",
  "-score": "score desc nulls last, name, id",
  // on the timestamp: its text would sort the same, only slower
  decidedAt: `"decidedAtRaw" asc nulls last, name, id`,
  "-decidedAt": `"decidedAtRaw" desc nulls last, name, id`,
};

/** The exporters with their class in force, filtered, as a subquery `x`; `$1` is today. */
function exporterQuery(filters: ClassFilters, today: string) {
  const params: unknown[] = [today];
  const where = [EXPORTER_SQL];
  const outer: string[] = [];
  const push = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const terms = termsOf(filters.q);
  if (terms.uscc) where.push(`e.uscc = ${push(terms.uscc)}`);
  else if (terms.tsquery) where.push(`e.search_tokens @@ to_tsquery('simple', ${push(terms.tsquery)})`);
  else if (terms.text) where.push("false"); // only punctuation: matches nothing, as in the registry search
  if (filters.town) where.push(`e.town_code = ${push(filters.town)}`);
  if (filters.class) outer.push(`x.class = ${push(filters.class)}`);
  if (filters.source) outer.push(`x.source = ${push(filters.source)}`);
  const from = `(
      select e.id, e.name, e.uscc, e.town_code as town, t.name as "townName",
        ${CLASS_SQL} as class, ${SOURCE_SQL} as source, d.computed_class as "computedClass",
        d.score_total::float8 as score, d.decided_at as "decidedAtRaw", ${at("d.decided_at")} as "decidedAt",
        d.rule_set_version as "ruleSetVersion", es.override_expires_on as "overrideExpiresOn"
      from enterprises e
      left join towns t on t.code = e.town_code
      left join enterprise_supervision es on es.enterprise_id = e.id
      left join class_decisions d on d.id = es.decision_id
      where ${where.join(" and ")}
    ) x ${outer.length ? `where ${outer.join(" and ")}` : ""}`;
  return { from, params };
}

const LIST_COLUMNS = `x.id, x.name, x.uscc, x.town, x."townName", x.class, x.source, x."computedClass", x.score,
  x."decidedAt", x."ruleSetVersion", x."overrideExpiresOn"`;

function orderBy(sort: string | undefined): string {
  return SORT_SQL[sort ?? "name"] ?? "name asc, id";
}

export async function listClasses(
  sql: Sql,
  query: ClassFilters & { page: number; pageSize: number },
  today: string,
) {
  const { page, pageSize, ...filters } = query;
  const { from, params } = exporterQuery(filters, today);
  const items = await sql.query<ClassListItem>(
    `select ${LIST_COLUMNS} from ${from} order by ${orderBy(filters.sort)}
     limit ${pageSize} offset ${(page - 1) * pageSize}`,
    params,
  );
  const [count] = await sql.query<{ n: number }>(`select count(*)::int8 as n from ${from}`, params);
  return { items, total: count?.n ?? 0, page, pageSize };
}

/** The filtered list in batches, for the XLSX export. */
export async function* iterateClasses(
  sql: Sql,
  filters: ClassFilters,
  today: string,
  batchSize = 2000,
): AsyncGenerator<ClassListItem[]> {
  const { from, params } = exporterQuery(filters, today);
  for (let offset = 0; ; offset += batchSize) {
    const rows = await sql.query<ClassListItem>(
      `select ${LIST_COLUMNS} from ${from} order by ${orderBy(filters.sort)} limit ${batchSize} offset ${offset}`,
      params,
    );
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
  }
}

export async function classSummary(sql: Sql, today: string) {
  const rs = await ruleSetInForce(sql);
  const rows = await sql.query<{ class: EnterpriseClass; source: string; n: number }>(
    `select ${CLASS_SQL} as class, ${SOURCE_SQL} as source, count(*)::int8 as n
     from enterprises e left join enterprise_supervision es on es.enterprise_id = e.id
     where ${EXPORTER_SQL}
     group by 1, 2`,
    [today],
  );
  const byClass = Object.fromEntries(ENTERPRISE_CLASSES.map((c) => [c, 0])) as Record<
    EnterpriseClass,
    number
  >;
  let unclassified = 0;
  let overrides = 0;
  let total = 0;
  for (const r of rows) {
    total += r.n;
    if (r.source === "unclassified") unclassified += r.n;
    else byClass[r.class] += r.n;
    if (r.source === "override") overrides += r.n;
  }
  const [schedule] = await sql.query<{
    enabled: boolean;
    cron: string;
    lastRunAt: string | null;
    lastResult: unknown;
  }>(
    `select enabled, cron, ${at("last_run_at")} as "lastRunAt", last_result as "lastResult"
     from scheduled_jobs where name = 'reclassify-all'`,
  );
  return { total, byClass, unclassified, overrides, ruleSetVersion: rs.version, schedule: schedule ?? null };
}

/** Enterprise users see their own enterprise only: any other is simply not found. */
function assertInScope(actor: Actor, enterpriseId: string): void {
  if (actor.role === "enterprise" && actor.enterpriseId !== enterpriseId) throw new AppError("NOT_FOUND");
}

/** A decision as stored: withTraces gives its signals, trace and applied effects (stored or computed again). */
type StoredDecision = Omit<Decision, "trace" | "applied" | "signals" | "override" | "ruleSetId"> &
  StoredDecisionInputs;

const DECISION_COLUMNS = `d.id, d.class, d.computed_class as "computedClass", d.base_class as "baseClass",
  d.score_total::float8 as "scoreTotal", d.rule_set_version as "ruleSetVersion", d.trigger,
  ${at("d.decided_at")} as "decidedAt", u.display_name as "decidedBy", ${STORED_INPUT_COLUMNS}`;

export async function getClassDetail(sql: Sql, actor: Actor, enterpriseId: string, today: string) {
  assertInScope(actor, enterpriseId);
  const [enterprise] = await sql.query<{
    id: string;
    name: string;
    uscc: string;
    town: string | null;
    townName: string | null;
    exportFlag: boolean;
  }>(
    `select e.id, e.name, e.uscc, e.town_code as town, t.name as "townName", e.export_flag as "exportFlag"
     from enterprises e left join towns t on t.code = e.town_code where e.id = $1`,
    [enterpriseId],
  );
  if (!enterprise) throw new AppError("NOT_FOUND");
  const rs = await ruleSetInForce(sql);
  const cif = await classInForce(sql, enterpriseId, today);

  const [supervision] = await sql.query<{
    overrideClass: EnterpriseClass | null;
    overrideReason: string | null;
    overrideExpiresOn: string | null;
    overrideBy: string | null;
  }>(
    `select es.override_class as "overrideClass", es.override_reason as "overrideReason",
       es.override_expires_on as "overrideExpiresOn", u.display_name as "overrideBy"
     from enterprise_supervision es left join users u on u.id = es.override_by
     where es.enterprise_id = $1`,
    [enterpriseId],
  );
  const [decision]: Decision[] = cif.decisionId
    ? await withTraces(
        sql,
        await sql.query<StoredDecision>(
          `select ${DECISION_COLUMNS}
           from class_decisions d left join users u on u.id = d.decided_by where d.id = $1`,
          [cif.decisionId],
        ),
      )
    : [];
  const [assessment] = await sql.query<Assessment>(
    `select a.id, a.scores, a.assessed_on as "assessedOn", a.note, u.display_name as "assessedBy",
       ${at("a.created_at")} as "createdAt"
     from enterprise_assessments a left join users u on u.id = a.assessed_by
     where a.enterprise_id = $1 order by a.assessed_on desc, a.created_at desc limit 1`,
    [enterpriseId],
  );
  const switchingStates = await sql.query<{
    productCategory: string;
    nameZh: string;
    nameEn: string;
    stage: string;
    updatedAt: string;
  }>(
    `select s.product_category as "productCategory", pc.name_zh as "nameZh", pc.name_en as "nameEn", s.stage,
       ${at("s.updated_at")} as "updatedAt"
     from switching_states s join product_categories pc on pc.code = s.product_category
     where s.enterprise_id = $1 order by pc.sort_order, pc.code`,
    [enterpriseId],
  );
  const modes = (await listProductCategories(sql)).map((pc) => ({
    productCategory: pc.code,
    nameZh: pc.nameZh,
    nameEn: pc.nameEn,
    risk: pc.risk,
    ...supervisionMode(rs.rules, cif.class, pc.risk),
  }));
  const override =
    supervision?.overrideClass && supervision.overrideExpiresOn
      ? {
          class: supervision.overrideClass,
          reason: supervision.overrideReason ?? "",
          expiresOn: supervision.overrideExpiresOn,
          inForce: supervision.overrideExpiresOn >= today,
          by: supervision.overrideBy,
        }
      : null;
  return {
    enterprise,
    classInForce: cif,
    decision: decision ?? null,
    assessment: assessment ?? null,
    override,
    switchingStates,
    modes,
    ruleSet: { id: rs.id, version: rs.version, elements: [...rs.rules.elements] },
  };
}

/** Every decision about the enterprise, newest first. */
export async function classHistory(sql: Sql, actor: Actor, enterpriseId: string) {
  assertInScope(actor, enterpriseId);
  const [exists] = await sql.query("select 1 from enterprises where id = $1", [enterpriseId]);
  if (!exists) throw new AppError("NOT_FOUND");
  const stored = await sql.query<StoredDecision>(
    `select ${DECISION_COLUMNS}
     from class_decisions d left join users u on u.id = d.decided_by
     where d.enterprise_id = $1 order by d.decided_at desc, d.id`,
    [enterpriseId],
  );
  const items: HistoryItem[] = (await withTraces(sql, stored)).map(
    ({ signals: _signals, applied: _applied, ...item }) => item,
  );
  return { items };
}
