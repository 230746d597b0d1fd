import type { Actor } from "../../platform/access.ts";
import type { Sql } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import type { Lot, LotSummary } from "./schemas.ts";

// Reading lots: the columns every view shares and the actor's scope (an enterprise user sees its own lots only).

export const isoTime = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const SUMMARY_COLUMNS = `l.id, l.declaration_no as "declarationNo", l.enterprise_id as "enterpriseId",
  e.name as "enterpriseName", l.product_category as "productCategory", l.hs_code as "hsCode", l.quantity, l.unit,
  l.lot_size as "lotSize", l.value_usd::float8 as "valueUsd", l.destination, l.buyer, l.brand,
  l.ship_date as "shipDate", ${isoTime("l.declared_at")} as "declaredAt", l.declared_on as "declaredOn",
  l.enterprise_class as "enterpriseClass", l.product_risk as "productRisk", l.mode, l.decision, l.status,
  l.official_result as "officialResult", l.release_no as "releaseNo", l.inspector_id as "inspectorId",
  iu.display_name as "inspectorName"`;

export const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, l.description,
  json_build_object('sampleSize', l.self_sample_size, 'defectsFound', l.self_defects, 'passed', l.self_passed,
    'note', l.self_note) as "selfInspection",
  l.declared_by as "declaredBy", l.sampling_share::float8 as "samplingShare",
  case when l.draw_seed is null then null
       else json_build_object('seed', l.draw_seed, 'value', l.draw_value, 'hash', l.draw_hash) end as draw,
  l.decision_reason as "decisionReason", l.rule_set_version as "ruleSetVersion", l.fee_waived::float8 as "feeWaived",
  ${isoTime("l.released_at")} as "releasedAt", ${isoTime("l.updated_at")} as "updatedAt"`;

export const LOT_FROM = `lots l join enterprises e on e.id = l.enterprise_id
  left join users iu on iu.id = l.inspector_id`;

/** The enterprise an actor is confined to, or null for staff. */
export function enterpriseScope(actor: Actor): string | null {
  if (actor.role !== "enterprise") return null;
  // An enterprise account always has one (users.checkBinding); a missing one sees nothing rather than everything.
  return actor.enterpriseId ?? "00000000-0000-0000-0000-000000000000";
}

/** One lot as the actor may see it: another enterprise's lot is NOT_FOUND, exactly like a missing one. */
export async function getLot(sql: Sql, actor: Actor | null, id: string): Promise<Lot> {
  const [lot] = await sql.query<Lot>(`select ${DETAIL_COLUMNS} from ${LOT_FROM} where l.id = $1`, [id]);
  const scope = actor ? enterpriseScope(actor) : null;
  if (!lot || (scope && lot.enterpriseId !== scope)) throw new AppError("NOT_FOUND");
  return lot;
}

/** Summaries of the given ids, in their order (ids missing or out of scope are left out by the caller's query). */
export async function loadSummaries(sql: Sql, ids: string[]): Promise<LotSummary[]> {
  if (ids.length === 0) return [];
  return sql.query<LotSummary>(
    `select ${SUMMARY_COLUMNS}
       from unnest($1::uuid[]) with ordinality as p(id, pos)
       join lots l on l.id = p.id join enterprises e on e.id = l.enterprise_id
       left join users iu on iu.id = l.inspector_id
      order by p.pos`,
    [ids],
  );
}

/**
 * The workflow columns of a lot, locked for the rest of the transaction unless `lock` is false (the row lock
 * serialises concurrent inspections, claims and withdrawals of one lot).
 */
export interface LockedLot {
  id: string;
  declarationNo: string;
  enterpriseId: string;
  productCategory: string;
  lotSize: number;
  mode: Lot["mode"];
  status: Lot["status"];
  inspectorId: string | null;
  inspectorName: string | null;
}

export async function lockLot(sql: Sql, actor: Actor, id: string, lock = true): Promise<LockedLot> {
  const [lot] = await sql.query<LockedLot>(
    `select l.id, l.declaration_no as "declarationNo", l.enterprise_id as "enterpriseId",
       l.product_category as "productCategory", l.lot_size as "lotSize", l.mode, l.status,
       l.inspector_id as "inspectorId",
       (select display_name from users where id = l.inspector_id) as "inspectorName"
     from lots l where l.id = $1 ${lock ? "for update" : ""}`,
    [id],
  );
  const scope = enterpriseScope(actor);
  if (!lot || (scope && lot.enterpriseId !== scope)) throw new AppError("NOT_FOUND");
  return lot;
}

/** Status words for messages ({status} placeholders), in both languages. */
export const STATUS_WORDS: Record<Lot["status"], { zh: string; en: string }> = {
  released: { zh: "已放行", en: "released" },
  awaiting_inspection: { zh: "待检验", en: "awaiting inspection" },
  accepted: { zh: "合格放行", en: "accepted" },
  rework: { zh: "不合格待返工", en: "rejected, to rework" },
  withdrawn: { zh: "已撤回", en: "withdrawn" },
};
