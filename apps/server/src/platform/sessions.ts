import { createHash, randomBytes } from "node:crypto";
import type { Actor, Role } from "./access.ts";
import type { Sql } from "./db.ts";

export const SESSION_COOKIE = "jw_session";
export const CSRF_HEADER = "x-csrf-token";

// The database keeps only a hash of the session id, so a leaked table cannot be replayed as cookies.
const digest = (token: string) => createHash("sha256").update(token).digest("base64url");

export interface Session {
  actor: Actor;
  csrfToken: string;
}

export async function createSession(sql: Sql, userId: string, hours: number) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await sql.query(
    "insert into sessions (id, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + make_interval(hours => $4))",
    [digest(token), userId, csrfToken, hours],
  );
  return { token, csrfToken };
}

type SessionRow = {
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  enterprise_id: string | null;
  csrf_token: string;
};

/** The live session behind a cookie, or null when it is unknown, expired or its user disabled. */
export async function findSession(sql: Sql, token: string): Promise<Session | null> {
  const rows = await sql.query<SessionRow>(
    `select u.id as user_id, u.username, u.display_name, u.role, u.enterprise_id, s.csrf_token
       from sessions s join users u on u.id = s.user_id
      where s.id = $1 and s.expires_at > now() and not u.disabled`,
    [digest(token)],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    csrfToken: r.csrf_token,
    actor: {
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      enterpriseId: r.enterprise_id,
    },
  };
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
  await sql.query("delete from sessions where id = $1", [digest(token)]);
}

export async function deleteUserSessions(sql: Sql, userId: string): Promise<void> {
  await sql.query("delete from sessions where user_id = $1", [userId]);
}

export async function purgeExpiredSessions(sql: Sql): Promise<void> {
  await sql.query("delete from sessions where expires_at <= now()");
}
