import type { Actor } from "../../platform/access.ts";
import type { Sql } from "../../platform/db.ts";
import { enterpriseScope, loadSummaries } from "./read.ts";
import type { LotFilters, LotListQuery, LotSummary } from "./schemas.ts";

// The lot list and its export. The page is chosen on ids alone (an index walk for the default order, see
// migration 0010) and only its rows are projected; a page that is not full tells the total by itself.

const SORT_SQL: Record<NonNullable<LotFilters["sort"]>, string> = {
  declaredAt: "l.declared_at asc, l.id",
  "-declaredAt": "l.declared_at desc, l.id desc",
  shipDate: "l.ship_date asc, l.id",
  "-shipDate": "l.ship_date desc, l.id desc",
  value: "l.value_usd asc, l.id",
  "-value": "l.value_usd desc, l.id desc",
};

/** Counting stops here: past it the list says "10,000+" rather than scanning millions of rows for a total. */
export const COUNT_CAP = 10_000;

/** A declaration or release number typed in full: looked up on the unique indexes. */
const NUMBER_PATTERN = /^(BJ|FX)\d{14,}$/i;

function whereClause(filters: LotFilters, actor: Actor) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  const scope = enterpriseScope(actor);
  if (scope) add((p) => `l.enterprise_id = ${p}`, scope);
  // An enterprise asking for another enterprise's lots gets none (not its own under another name).
  if (filters.enterpriseId && scope && filters.enterpriseId !== scope) where.push("false");
  else if (filters.enterpriseId && !scope) add((p) => `l.enterprise_id = ${p}`, filters.enterpriseId);
  if (filters.status) add((p) => `l.status = ${p}`, filters.status);
  if (filters.mode) add((p) => `l.mode = ${p}`, filters.mode);
  if (filters.decision) add((p) => `l.decision = ${p}`, filters.decision);
  if (filters.productCategory) add((p) => `l.product_category = ${p}`, filters.productCategory);
  if (filters.declaredFrom) add((p) => `l.declared_on >= ${p}`, filters.declaredFrom);
  if (filters.declaredTo) add((p) => `l.declared_on <= ${p}`, filters.declaredTo);
  const q = filters.q?.trim();
  if (q) {
    if (NUMBER_PATTERN.test(q)) {
      const upper = q.toUpperCase();
      add((p) => (upper.startsWith("BJ") ? `l.declaration_no = ${p}` : `l.release_no = ${p}`), upper);
    } else {
      // Buyer and brand are free text: a substring match, meant for one enterprise's lots or a narrowed list.
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add((p) => `(l.buyer ilike ${p} or l.brand ilike ${p} or l.declaration_no ilike ${p})`, like);
    }
  }
  return { where: where.length ? `where ${where.join(" and ")}` : "", params };
}

function pageIdsSql(filters: LotFilters, actor: Actor, limit: number, offset: number) {
  const { where, params } = whereClause(filters, actor);
  const order = SORT_SQL[filters.sort ?? "-declaredAt"];
  params.push(limit, offset);
  return {
    sql: `select l.id from lots l ${where} order by ${order} limit $${params.length - 1} offset $${params.length}`,
    params,
  };
}

export async function listLots(
  sql: Sql,
  actor: Actor,
  query: LotListQuery,
): Promise<{ items: LotSummary[]; total: number; page: number; pageSize: number; totalCapped: boolean }> {
  const { page, pageSize, ...filters } = query;
  const offset = (page - 1) * pageSize;
  const ids = pageIdsSql(filters, actor, pageSize, offset);
  const rows = await sql.query<{ id: string }>(ids.sql, ids.params);
  const items = await loadSummaries(
    sql,
    rows.map((r) => r.id),
  );
  if (items.length < pageSize && (items.length > 0 || offset === 0))
    return { items, total: offset + items.length, page, pageSize, totalCapped: false };
  const { where, params } = whereClause(filters, actor);
  params.push(COUNT_CAP + 1);
  const [row] = await sql.query<{ total: number }>(
    `select count(*)::int as total from (select 1 from lots l ${where} limit $${params.length}) c`,
    params,
  );
  const counted = row?.total ?? 0;
  return {
    items,
    total: Math.min(counted, COUNT_CAP),
    page,
    pageSize,
    totalCapped: counted > COUNT_CAP,
  };
}

/** Every matching lot in the list's order, in batches, up to `max` (the export's limit). */
export async function* iterateLots(
  sql: Sql,
  actor: Actor,
  filters: LotFilters,
  max: number,
  batch = 2000,
): AsyncGenerator<LotSummary[]> {
  for (let offset = 0; offset < max; offset += batch) {
    const ids = pageIdsSql(filters, actor, Math.min(batch, max - offset), offset);
    const rows = await sql.query<{ id: string }>(ids.sql, ids.params);
    if (rows.length === 0) return;
    yield await loadSummaries(
      sql,
      rows.map((r) => r.id),
    );
    if (rows.length < batch) return;
  }
}
