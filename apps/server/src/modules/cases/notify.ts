import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import type { OutboxQuery } from "./schemas.ts";

// In-app notifications of the signed-in user, and the e-mail outbox (administrators read it in the demo).

export async function listNotifications(
  db: Db,
  actor: Actor,
  unreadOnly: boolean,
  page: number,
  pageSize: number,
) {
  const unread = unreadOnly ? "and read_at is null" : "";
  const items = await db.query(
    `select id, case_id as "caseId", kind, title, body, link, created_at as "createdAt", read_at as "readAt"
       from notifications where user_id = $1 ${unread}
      order by created_at desc, id limit $2 offset $3`,
    [actor.userId, pageSize, (page - 1) * pageSize],
  );
  const [counts] = await db.query<{ total: number; unread: number }>(
    `select count(*) filter (where true ${unread ? "and read_at is null" : ""})::int as total,
            count(*) filter (where read_at is null)::int as unread
       from notifications where user_id = $1`,
    [actor.userId],
  );
  return { items, total: counts?.total ?? 0, unread: counts?.unread ?? 0, page, pageSize };
}

export async function markNotificationRead(db: Db, actor: Actor, id: string) {
  const rows = await db.query(
    "update notifications set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2 returning id",
    [id, actor.userId],
  );
  if (rows.length === 0) throw new AppError("NOT_FOUND");
}

export async function markAllNotificationsRead(db: Db, actor: Actor) {
  const rows = await db.query<{ n: number }>(
    `with u as (update notifications set read_at = now() where user_id = $1 and read_at is null returning 1)
     select count(*)::int as n from u`,
    [actor.userId],
  );
  return { marked: rows[0]?.n ?? 0 };
}

const MAIL_STATUS_SQL = `case when sent_at is not null then 'sent' when failed_at is not null then 'failed'
  else 'pending' end`;

/** The outbox, newest first: sent, failed (given up, with the last error) or pending (maybe retrying). */
export async function listOutbox(db: Db, query: OutboxQuery) {
  const { page, pageSize, status } = query;
  const where = status ? `where ${MAIL_STATUS_SQL} = $1` : "";
  const params: unknown[] = status ? [status] : [];
  const items = await db.query(
    `select id, to_address as "toAddress", subject, body, kind, case_id as "caseId",
            created_at as "createdAt", sent_at as "sentAt", ${MAIL_STATUS_SQL} as status, attempts,
            next_attempt_at as "nextAttemptAt", error
       from email_outbox ${where}
      order by created_at desc, id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, pageSize, (page - 1) * pageSize],
  );
  const [count] = await db.query<{ n: number }>(
    `select count(*)::int as n from email_outbox ${where}`,
    params,
  );
  return { items, total: count?.n ?? 0, page, pageSize };
}
