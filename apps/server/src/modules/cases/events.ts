import type { ActorKind } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import type { Sql } from "../../platform/db.ts";

// The case timeline and who is told about it (in-app notifications; mail goes to the outbox).

export interface CaseEventInput {
  type: string;
  visibility: "public" | "internal";
  /** Whether the text may be shown on the public tracking page (a reply: yes; a transfer's reason: no). */
  textPublic?: boolean;
  actorKind: ActorKind;
  actor?: Actor | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  fromDepartmentId?: string | null;
  toDepartmentId?: string | null;
  text?: string | null;
  rating?: string | null;
  at?: Date;
}

export async function addEvent(sql: Sql, caseId: string, e: CaseEventInput): Promise<void> {
  await sql.query(
    `insert into case_events (case_id, at, type, visibility, text_public, actor_kind, actor_id, actor_name,
                              from_status, to_status, from_department_id, to_department_id, text, rating)
     values ($1, coalesce($2::timestamptz, now()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      caseId,
      e.at?.toISOString() ?? null,
      e.type,
      e.visibility,
      e.textPublic ?? false,
      e.actorKind,
      e.actor?.userId ?? null,
      e.actor ? e.actor.displayName : "",
      e.fromStatus ?? null,
      e.toStatus ?? null,
      e.fromDepartmentId ?? null,
      e.toDepartmentId ?? null,
      e.text ?? null,
      e.rating ?? null,
    ],
  );
}

export interface Notice {
  caseId: string | null;
  kind: string;
  title: string;
  body?: string;
}

export async function notifyUsers(sql: Sql, userIds: readonly string[], n: Notice): Promise<void> {
  if (userIds.length === 0) return;
  await sql.query(
    `insert into notifications (user_id, case_id, kind, title, body)
     select u, $2, $3, $4, $5 from unnest($1::uuid[]) as u`,
    [userIds, n.caseId, n.kind, n.title, n.body ?? ""],
  );
}

/** The department's members in the app, and its mailbox through the outbox. */
export async function notifyDepartment(sql: Sql, departmentId: string, n: Notice): Promise<void> {
  const members = await sql.query<{ id: string }>(
    "select user_id as id from user_departments where department_id = $1",
    [departmentId],
  );
  await notifyUsers(
    sql,
    members.map((m) => m.id),
    n,
  );
  await sql.query(
    `insert into email_outbox (to_address, subject, body, kind, case_id, department_id)
     select email, $2, $3, $4, $5, id from departments where id = $1 and email is not null and email <> ''`,
    [departmentId, n.title, n.body ?? n.title, n.kind, n.caseId],
  );
}

export async function notifyCoordinators(sql: Sql, n: Notice): Promise<void> {
  const users = await sql.query<{ id: string }>(
    "select id from users where role in ('admin', 'regulator') and not disabled",
  );
  await notifyUsers(
    sql,
    users.map((u) => u.id),
    n,
  );
}
