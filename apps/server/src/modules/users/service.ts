import type { Actor } from "../../platform/access.ts";
import { changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { deleteUserSessions } from "../../platform/sessions.ts";
import type { User, UserCreate, UserListQuery, UserPatch } from "./schemas.ts";

const COLUMNS = `u.id, u.username, u.display_name as "displayName", u.role, u.enterprise_id as "enterpriseId",
  e.name as "enterpriseName", u.disabled,
  to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"`;
const FROM = "users u left join enterprises e on e.id = u.enterprise_id";

export async function getUser(sql: Sql, id: string): Promise<User> {
  const [user] = await sql.query<User>(`select ${COLUMNS} from ${FROM} where u.id = $1`, [id]);
  if (!user) throw new AppError("NOT_FOUND");
  return user;
}

export async function listUsers(sql: Sql, q: UserListQuery) {
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.q) {
    params.push(q.q);
    where.push(
      `(u.username ilike '%' || $${params.length} || '%' or u.display_name ilike '%' || $${params.length} || '%')`,
    );
  }
  if (q.role) {
    params.push(q.role);
    where.push(`u.role = $${params.length}`);
  }
  const clause = where.length ? `where ${where.join(" and ")}` : "";
  const [count] = await sql.query<{ total: number }>(
    `select count(*)::int as total from users u ${clause}`,
    params,
  );
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const items = await sql.query<User>(
    `select ${COLUMNS} from ${FROM} ${clause} order by u.role, u.username limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { items, total: count?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

async function checkBinding(sql: Sql, role: string, enterpriseId: string | null | undefined) {
  if (role !== "enterprise") return null;
  if (!enterpriseId) throw validationError([{ field: "enterpriseId", code: "enterprise_required" }]);
  const found = await sql.query("select 1 from enterprises where id = $1", [enterpriseId]);
  if (found.length === 0) throw validationError([{ field: "enterpriseId", code: "not_allowed" }]);
  return enterpriseId;
}

export async function createUser(db: Db, actor: Actor | null, input: UserCreate): Promise<User> {
  const enterpriseId = await checkBinding(db, input.role, input.enterpriseId);
  const passwordHash = await hashPassword(input.password);
  return db.tx(async (sql) => {
    const taken = await sql.query("select 1 from users where lower(username) = lower($1)", [input.username]);
    if (taken.length) throw new AppError("USERNAME_TAKEN", { username: input.username });
    const [row] = await sql.query<{ id: string }>(
      `insert into users (username, display_name, role, enterprise_id, password_hash)
       values ($1, $2, $3, $4, $5) returning id`,
      [input.username, input.displayName, input.role, enterpriseId, passwordHash],
    );
    const user = await getUser(sql, (row as { id: string }).id);
    await writeAudit(sql, actor, {
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      after: user,
    });
    return user;
  });
}

export async function updateUser(db: Db, actor: Actor, id: string, patch: UserPatch): Promise<User> {
  return db.tx(async (sql) => {
    const before = await getUser(sql, id);
    const role = patch.role ?? before.role;
    const enterpriseId = await checkBinding(
      sql,
      role,
      patch.enterpriseId === undefined ? before.enterpriseId : patch.enterpriseId,
    );
    if (id === actor.userId && (patch.disabled || (patch.role && patch.role !== "admin")))
      throw new AppError("FORBIDDEN"); // an admin cannot lock themselves out
    await sql.query(
      `update users set display_name = $2, role = $3, enterprise_id = $4, disabled = $5, updated_at = now() where id = $1`,
      [id, patch.displayName ?? before.displayName, role, enterpriseId, patch.disabled ?? before.disabled],
    );
    if (patch.disabled || patch.role) await deleteUserSessions(sql, id);
    const after = await getUser(sql, id);
    const diff = changedFields(before, after);
    if (diff)
      await writeAudit(sql, actor, { action: "user.update", entityType: "user", entityId: id, ...diff });
    return after;
  });
}

export async function resetPassword(db: Db, actor: Actor, id: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.tx(async (sql) => {
    await getUser(sql, id);
    await sql.query("update users set password_hash = $2, updated_at = now() where id = $1", [id, hash]);
    await deleteUserSessions(sql, id);
    await writeAudit(sql, actor, { action: "user.reset_password", entityType: "user", entityId: id });
  });
}
