import type { Actor } from "./access.ts";
import type { Sql } from "./db.ts";

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry to the audit log, inside the caller's transaction so it commits with the change. */
export async function writeAudit(sql: Sql, actor: Actor | null, record: AuditRecord): Promise<void> {
  await sql.query(
    `insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, before, after)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      actor?.userId ?? null,
      actor ? `${actor.displayName} (${actor.username})` : "system",
      record.action,
      record.entityType,
      record.entityId,
      record.before === undefined ? null : JSON.stringify(record.before),
      record.after === undefined ? null : JSON.stringify(record.after),
    ],
  );
}

/** Keeps only the fields that changed, so an entry reads as before → after. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length > 0 ? { before: b, after: a } : null;
}
