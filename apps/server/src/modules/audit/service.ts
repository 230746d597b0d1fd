import { type Static, Type } from "@sinclair/typebox";
import type { Sql } from "../../platform/db.ts";
import { Paging } from "../../platform/schemas.ts";

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Composite(
  [
    Type.Object({
      actor: Type.Optional(Type.String({ maxLength: 100 })),
      entityType: Type.Optional(Type.String({ maxLength: 40 })),
      entityId: Type.Optional(Type.String({ maxLength: 60 })),
      action: Type.Optional(Type.String({ maxLength: 60 })),
      from: Type.Optional(Type.String({ format: "date" })),
      to: Type.Optional(Type.String({ format: "date" })),
    }),
    Paging,
  ],
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

const COLUMNS = `id::text, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor_id as "actorId",
  actor_name as "actorName", action, entity_type as "entityType", entity_id as "entityId", before, after`;

export async function entityHistory(sql: Sql, entityType: string, entityId: string): Promise<AuditEntry[]> {
  return sql.query<AuditEntry>(
    `select ${COLUMNS} from audit_log where entity_type = $1 and entity_id = $2 order by audit_log.id desc limit 500`,
    [entityType, entityId],
  );
}

export async function listAudit(sql: Sql, q: AuditQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(clause(`$${params.length}`));
  };
  if (q.actor) add((p) => `actor_name ilike '%' || ${p} || '%'`, q.actor);
  if (q.entityType) add((p) => `entity_type = ${p}`, q.entityType);
  if (q.entityId) add((p) => `entity_id = ${p}`, q.entityId);
  if (q.action) add((p) => `action like ${p} || '%'`, q.action);
  if (q.from) add((p) => `at >= ${p}::date`, q.from);
  if (q.to) add((p) => `at < ${p}::date + 1`, q.to);
  const clause = where.length ? `where ${where.join(" and ")}` : "";
  const [count] = await sql.query<{ total: number }>(
    `select count(*)::int as total from audit_log ${clause}`,
    params,
  );
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const items = await sql.query<AuditEntry>(
    `select ${COLUMNS} from audit_log ${clause} order by audit_log.id desc limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { items, total: count?.total ?? 0, page: q.page, pageSize: q.pageSize };
}
