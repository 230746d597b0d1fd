import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { getLot, isoTime, lockLot, STATUS_WORDS } from "./read.ts";
import { type Lot, OPEN_STATUSES, type Task, type TaskQuery } from "./schemas.ts";

// Inspectors' tasks: lots awaiting inspection or re-inspection, by ship date. The page is read as a union of
// index walks — one per (status × whose) — on the partial indexes lots_task_idx (inspector_id, status, ship_date)
// and lots_open_idx (status, ship_date), each stopping after the page, so the cost does not grow with the
// number of lots.

interface Branch {
  status: (typeof OPEN_STATUSES)[number];
  /** "me": assigned to the actor; "pool": unassigned; "any": whoever. */
  whose: "me" | "pool" | "any";
}

function branchesFor(actor: Actor, mine: boolean): Branch[] {
  const whose: Branch["whose"][] = mine ? ["me"] : actor.role === "inspector" ? ["me", "pool"] : ["any"];
  return OPEN_STATUSES.flatMap((status) => whose.map((w) => ({ status, whose: w })));
}

function filterSql(q: TaskQuery, params: unknown[]): string {
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.productCategory) add((p) => `product_category = ${p}`, q.productCategory);
  if (q.enterpriseId) add((p) => `enterprise_id = ${p}`, q.enterpriseId);
  if (q.shipFrom) add((p) => `ship_date >= ${p}`, q.shipFrom);
  if (q.shipTo) add((p) => `ship_date <= ${p}`, q.shipTo);
  return where.map((w) => ` and ${w}`).join("");
}

function whoseSql(whose: Branch["whose"], me: string): string {
  if (whose === "me") return ` and inspector_id = ${me}`;
  if (whose === "pool") return " and inspector_id is null";
  return "";
}

export async function listTasks(sql: Sql, actor: Actor, q: TaskQuery) {
  const branches = branchesFor(actor, q.mine === true);
  // PostgreSQL refuses a parameter no statement uses, so the actor's id is passed only when a branch needs it.
  const needsMe = branches.some((b) => b.whose === "me");
  const params: unknown[] = needsMe ? [actor.userId] : [];
  const filters = filterSql(q, params);
  const offset = (q.page - 1) * q.pageSize;
  params.push(offset + q.pageSize, q.pageSize, offset);
  const [upTo, limit, off] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
  const union = branches
    .map(
      (b) =>
        `(select id, ship_date from lots where status = '${b.status}'${whoseSql(b.whose, "$1")}${filters}
          order by ship_date, id limit ${upTo})`,
    )
    .join(" union all ");
  const items = await sql.query<Task>(
    `with page as (select id, ship_date from (${union}) u order by ship_date, id limit ${limit} offset ${off})
     select l.id, l.declaration_no as "declarationNo", l.enterprise_id as "enterpriseId", e.name as "enterpriseName",
       l.product_category as "productCategory", l.hs_code as "hsCode", l.quantity, l.unit, l.lot_size as "lotSize",
       l.value_usd::float8 as "valueUsd", l.destination, l.buyer, l.brand, l.ship_date as "shipDate",
       ${isoTime("l.declared_at")} as "declaredAt", l.declared_on as "declaredOn",
       l.enterprise_class as "enterpriseClass", l.product_risk as "productRisk", l.mode, l.decision, l.status,
       l.official_result as "officialResult", l.release_no as "releaseNo", l.inspector_id as "inspectorId",
       iu.display_name as "inspectorName", coalesce(s.stage, 'normal') as stage,
       (select coalesce(max(round), 0)::int + 1 from inspections i where i.lot_id = l.id) as "nextRound"
     from page join lots l on l.id = page.id join enterprises e on e.id = l.enterprise_id
       left join users iu on iu.id = l.inspector_id
       left join switching_states s on s.enterprise_id = l.enterprise_id and s.product_category = l.product_category
     order by page.ship_date, page.id`,
    params,
  );
  let total = offset + items.length;
  if (items.length === q.pageSize || (items.length === 0 && offset > 0)) {
    const countParams: unknown[] = needsMe ? [actor.userId] : [];
    const countFilters = filterSql(q, countParams);
    const whose = [...new Set(branches.map((b) => b.whose))]
      .map((w) => (w === "me" ? "inspector_id = $1" : w === "pool" ? "inspector_id is null" : "true"))
      .join(" or ");
    const [row] = await sql.query<{ total: number }>(
      `select count(*)::int as total from lots
        where status in ('awaiting_inspection', 'rework') and (${whose})${countFilters}`,
      countParams,
    );
    total = row?.total ?? 0;
  }
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * Assigns an open lot to the actor. Taking a lot another inspector holds is refused to inspectors (TASK_TAKEN);
 * the authority (admin, regulator) may take it over.
 */
export async function claimLot(db: Db, actor: Actor, id: string): Promise<Lot> {
  return db.tx(async (sql) => {
    const lot = await lockLot(sql, actor, id);
    if (!(OPEN_STATUSES as readonly string[]).includes(lot.status))
      throw new AppError("LOT_NOT_OPEN", { status: STATUS_WORDS[lot.status] });
    if (lot.inspectorId === actor.userId) return getLot(sql, actor, id);
    if (lot.inspectorId && actor.role === "inspector")
      throw new AppError("TASK_TAKEN", { inspector: lot.inspectorName ?? "?" });
    await sql.query("update lots set inspector_id = $2, updated_at = now() where id = $1", [
      id,
      actor.userId,
    ]);
    await writeAudit(sql, actor, {
      action: "lot.claim",
      entityType: "lot",
      entityId: id,
      before: { inspectorId: lot.inspectorId },
      after: { inspectorId: actor.userId },
    });
    return getLot(sql, actor, id);
  });
}
