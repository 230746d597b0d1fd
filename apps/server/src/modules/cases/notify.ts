import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";

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
    `select id, case_id as "caseId", kind, title, body, created_at as "createdAt", read_at as "readAt"
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

export async function listOutbox(db: Db, page: number, pageSize: number) {
  const items = await db.query(
    `select id, to_address as "toAddress", subject, body, kind, case_id as "caseId",
            created_at as "createdAt", sent_at as "sentAt"
       from email_outbox order by created_at desc, id limit $1 offset $2`,
    [pageSize, (page - 1) * pageSize],
  );
  const [count] = await db.query<{ n: number }>("select count(*)::int as n from email_outbox");
  return { items, total: count?.n ?? 0, page, pageSize };
}
