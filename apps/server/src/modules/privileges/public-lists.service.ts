import type { Actor } from "../../platform/access.ts";
import { changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { todayInChina } from "../supervision/context.ts";
import { STATUS_TEXT } from "./errors.ts";
import {
  classInForceSql,
  enterpriseOfField,
  isoTimestamp,
  passRate,
  requiredText,
  windowStart,
} from "./shared.ts";

// Public good and bad lists (宣传一批 / 通报一批, seed 001): "宣传一批有社会责任感，讲诚信、质量好的典型企业，通报一批
// 质量差，存在失信、违法行为的企业". An entry is drafted, reviewed and published by a second person, and can be
// withdrawn; the portal shows published entries only.

export type ListKind = "good" | "bad";
export type EntryStatus = "draft" | "published" | "withdrawn";

/**
 * Who is suggested for each list. ASSUMPTIONS (no source gives these thresholds): good = class I with a 100 %
 * official pass rate over the last 12 months (at least one lot inspected); bad = at least 2 lots rejected in
 * those months, or class IV.
 */
export const SUGGESTION_RULES = {
  windowMonths: 12,
  goodClass: "I",
  goodPassRate: 100,
  badRejectedLots: 2,
  badClass: "IV",
  limit: 100,
} as const;

export interface ListEntry {
  id: string;
  list: ListKind;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  title: string;
  reason: string;
  period: string;
  status: EntryStatus;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  publishedByName: string | null;
  publishedAt: string | null;
  withdrawnReason: string | null;
}

const COLUMNS = `p.id, p.list, p.enterprise_id as "enterpriseId", e.name as "enterpriseName", e.uscc, p.title,
  p.reason, p.period, p.status, p.created_by as "createdBy", uc.display_name as "createdByName",
  ${isoTimestamp("p.created_at")} as "createdAt", up.display_name as "publishedByName",
  ${isoTimestamp("p.published_at")} as "publishedAt", p.withdrawn_reason as "withdrawnReason"`;
const FROM = `public_list_entries p join enterprises e on e.id = p.enterprise_id
  left join users uc on uc.id = p.created_by left join users up on up.id = p.published_by`;

async function getEntry(sql: Sql, id: string): Promise<ListEntry> {
  const [row] = await sql.query<ListEntry>(`select ${COLUMNS} from ${FROM} where p.id = $1`, [id]);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export interface EntryFilters {
  list?: ListKind;
  status?: EntryStatus;
  period?: string;
  enterpriseId?: string;
  page: number;
  pageSize: number;
}

export async function listEntries(sql: Sql, f: EntryFilters) {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (column: string, value: unknown) => {
    params.push(value);
    where.push(`${column} = $${params.length}`);
  };
  if (f.list) add("p.list", f.list);
  if (f.status) add("p.status", f.status);
  if (f.period) add("p.period", f.period);
  if (f.enterpriseId) add("p.enterprise_id", f.enterpriseId);
  const clause = where.length ? `where ${where.join(" and ")}` : "";
  const [count] = await sql.query<{ total: number }>(
    `select count(*)::int as total from public_list_entries p ${clause}`,
    params,
  );
  params.push(f.pageSize, (f.page - 1) * f.pageSize);
  const items = await sql.query<ListEntry>(
    `select ${COLUMNS} from ${FROM} ${clause}
      order by p.status = 'draft' desc, coalesce(p.published_at, p.created_at) desc, p.id
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { items, total: count?.total ?? 0, page: f.page, pageSize: f.pageSize };
}

export interface EntryInput {
  list: ListKind;
  enterpriseId: string;
  title: string;
  reason: string;
  period: string;
}

export async function createEntry(db: Db, actor: Actor, input: EntryInput): Promise<ListEntry> {
  const text = requiredText({ title: input.title, reason: input.reason, period: input.period });
  return db.tx(async (sql) => {
    await enterpriseOfField(sql, input.enterpriseId);
    const [row] = await sql.query<{ id: string }>(
      `insert into public_list_entries (list, enterprise_id, title, reason, period, status, created_by)
       values ($1, $2, $3, $4, $5, 'draft', $6) returning id`,
      [input.list, input.enterpriseId, text.title, text.reason, text.period, actor.userId],
    );
    const created = await getEntry(sql, (row as { id: string }).id);
    await writeAudit(sql, actor, {
      action: "public_list.create",
      entityType: "public_list_entry",
      entityId: created.id,
      after: audited(created),
    });
    return created;
  });
}

/** Changes a draft; published and withdrawn entries are history and stay as they were. */
export async function updateEntry(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<EntryInput>,
): Promise<ListEntry> {
  const text = requiredText(
    Object.fromEntries(
      (["title", "reason", "period"] as const).flatMap((k) =>
        patch[k] === undefined ? [] : [[k, patch[k] as string]],
      ),
    ),
  ) as Partial<Record<"title" | "reason" | "period", string>>;
  return db.tx(async (sql) => {
    const before = await lockEntry(sql, id);
    requireStatus(before, "draft");
    if (patch.enterpriseId) await enterpriseOfField(sql, patch.enterpriseId);
    await sql.query(
      `update public_list_entries set list = $2, enterprise_id = $3, title = $4, reason = $5, period = $6
        where id = $1`,
      [
        id,
        patch.list ?? before.list,
        patch.enterpriseId ?? before.enterpriseId,
        text.title ?? before.title,
        text.reason ?? before.reason,
        text.period ?? before.period,
      ],
    );
    const after = await getEntry(sql, id);
    const diff = changedFields(audited(before), audited(after));
    if (diff)
      await writeAudit(sql, actor, {
        action: "public_list.update",
        entityType: "public_list_entry",
        entityId: id,
        ...diff,
      });
    return after;
  });
}

/** The review step: a draft is published by someone other than its drafter. */
export async function publishEntry(db: Db, actor: Actor, id: string): Promise<ListEntry> {
  return db.tx(async (sql) => {
    const before = await lockEntry(sql, id);
    requireStatus(before, "draft");
    if (before.createdBy === actor.userId) throw new AppError("PUBLIC_LIST_SAME_REVIEWER");
    await sql.query(
      `update public_list_entries set status = 'published', published_by = $2, published_at = now() where id = $1`,
      [id, actor.userId],
    );
    const after = await getEntry(sql, id);
    await writeAudit(sql, actor, {
      action: "public_list.publish",
      entityType: "public_list_entry",
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, publishedAt: after.publishedAt },
    });
    return after;
  });
}

export async function withdrawEntry(
  db: Db,
  actor: Actor,
  id: string,
  input: { reason: string },
): Promise<ListEntry> {
  const { reason } = requiredText({ reason: input.reason });
  return db.tx(async (sql) => {
    const before = await lockEntry(sql, id);
    requireStatus(before, "published");
    await sql.query(
      `update public_list_entries set status = 'withdrawn', withdrawn_reason = $2 where id = $1`,
      [id, reason],
    );
    const after = await getEntry(sql, id);
    await writeAudit(sql, actor, {
      action: "public_list.withdraw",
      entityType: "public_list_entry",
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, withdrawnReason: reason },
    });
    return after;
  });
}

async function lockEntry(sql: Sql, id: string): Promise<ListEntry> {
  await sql.query("select 1 from public_list_entries where id = $1 for update", [id]);
  return getEntry(sql, id);
}

function requireStatus(entry: ListEntry, allowed: EntryStatus): void {
  if (entry.status !== allowed)
    throw new AppError("PUBLIC_LIST_STATE", { status: STATUS_TEXT[entry.status] ?? entry.status });
}

const audited = (e: ListEntry) => ({
  list: e.list,
  enterpriseId: e.enterpriseId,
  title: e.title,
  reason: e.reason,
  period: e.period,
  status: e.status,
});

// ---------------------------------------------------------------------------------------------------------
// The portal
// ---------------------------------------------------------------------------------------------------------

export interface PublicEntry {
  list: ListKind;
  enterpriseName: string;
  title: string;
  reason: string;
  period: string;
  publishedOn: string;
}

/** Published entries only, and only what the public may read: no ids, no people, no drafts or withdrawals. */
export async function publicEntries(
  sql: Sql,
  q: { list?: ListKind; period?: string; page: number; pageSize: number },
) {
  const params: unknown[] = [];
  const where = ["p.status = 'published'"];
  if (q.list) {
    params.push(q.list);
    where.push(`p.list = $${params.length}`);
  }
  const listClause = `where ${where.join(" and ")}`;
  const periods = await sql.query<{ period: string }>(
    `select p.period from public_list_entries p ${listClause}
      group by p.period order by max(p.published_at) desc, p.period`,
    params,
  );
  if (q.period) {
    params.push(q.period);
    where.push(`p.period = $${params.length}`);
  }
  const clause = `where ${where.join(" and ")}`;
  const [count] = await sql.query<{ total: number }>(
    `select count(*)::int as total from public_list_entries p ${clause}`,
    params,
  );
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const items = await sql.query<PublicEntry>(
    `select p.list, e.name as "enterpriseName", p.title, p.reason, p.period,
            to_char(p.published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "publishedOn"
       from public_list_entries p join enterprises e on e.id = p.enterprise_id
      ${clause}
      order by p.published_at desc, e.name
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return {
    items,
    total: count?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    periods: periods.map((p) => p.period),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------------------------

export interface Suggestion {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  class: string;
  inspected: number;
  accepted: number;
  rejected: number;
  passRate: number | null;
  /** Why: passRate100 (good), rejectedLots and/or classIV (bad). */
  reasons: string[];
  /** Status of the enterprise's latest draft or published entry on that list, if any. */
  listed: EntryStatus | null;
}

export async function suggestions(sql: Sql): Promise<{ good: Suggestion[]; bad: Suggestion[] }> {
  const r = SUGGESTION_RULES;
  const [good, bad] = await Promise.all([
    suggest(sql, "good", "j.class = $3 and j.inspected > 0 and j.accepted = j.inspected", [r.goodClass]),
    suggest(sql, "bad", "j.rejected >= $3 or j.class = $4", [r.badRejectedLots, r.badClass]),
  ]);
  return {
    good: good.map((s) => ({ ...s, reasons: ["passRate100"] })),
    bad: bad.map((s) => ({
      ...s,
      reasons: [
        ...(s.rejected >= r.badRejectedLots ? ["rejectedLots"] : []),
        ...(s.class === r.badClass ? ["classIV"] : []),
      ],
    })),
  };
}

/** Enterprises with supervision records matching `condition` over the judged figures (alias j, params from $3). */
async function suggest(
  sql: Sql,
  list: ListKind,
  condition: string,
  conditionParams: unknown[],
): Promise<Omit<Suggestion, "reasons">[]> {
  const today = todayInChina();
  const cls = classInForceSql("$1");
  const listParam = `$${3 + conditionParams.length}`;
  const limitParam = `$${4 + conditionParams.length}`;
  const rows = await sql.query<Omit<Suggestion, "reasons" | "passRate">>(
    `with stats as (
       select enterprise_id, sum(inspected)::int as inspected, sum(official_accepted)::int as accepted,
              sum(official_rejected)::int as rejected
         from lot_stats_monthly where month >= $2::date group by enterprise_id
     ), judged as (
       select e.id, e.name, e.uscc, ${cls} as class, coalesce(st.inspected, 0) as inspected,
              coalesce(st.accepted, 0) as accepted, coalesce(st.rejected, 0) as rejected
         from enterprises e
         left join enterprise_supervision s on s.enterprise_id = e.id
         left join stats st on st.enterprise_id = e.id
        where st.enterprise_id is not null or s.enterprise_id is not null
     )
     select j.id as "enterpriseId", j.name as "enterpriseName", j.uscc, j.class, j.inspected, j.accepted,
            j.rejected,
            (select p.status from public_list_entries p
              where p.enterprise_id = j.id and p.list = ${listParam} and p.status in ('draft', 'published')
              order by p.created_at desc limit 1) as listed
       from judged j
      where ${condition}
      order by j.rejected desc, j.inspected desc, j.name, j.id
      limit ${limitParam}`,
    [
      today,
      windowStart(today, SUGGESTION_RULES.windowMonths),
      ...conditionParams,
      list,
      SUGGESTION_RULES.limit,
    ],
  );
  return rows.map((row) => ({ ...row, passRate: passRate(row.accepted, row.inspected) }));
}
