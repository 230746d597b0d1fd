import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db.ts";
import { type FieldIssue, validationError } from "../../platform/errors.ts";
import { todayInChina } from "../supervision/context.ts";
import type { QualityEvent, QualityEventCreate, QualityEventQuery } from "./schemas.ts";

// Returns, claims, warnings from abroad, complaints and penalty decisions: signals that are not lots.

const COLUMNS = `q.id, q.enterprise_id as "enterpriseId", e.name as "enterpriseName", q.kind,
  q.occurred_on as "occurredOn", q.description, q.lot_id as "lotId", u.display_name as "recordedBy",
  to_char(q.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"`;
const FROM = `quality_events q join enterprises e on e.id = q.enterprise_id
  left join users u on u.id = q.recorded_by`;

export async function listQualityEvents(db: Db, query: QualityEventQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.enterpriseId) {
    params.push(query.enterpriseId);
    where.push(`q.enterprise_id = $${params.length}`);
  }
  if (query.kind) {
    params.push(query.kind);
    where.push(`q.kind = $${params.length}`);
  }
  const filter = where.length ? `where ${where.join(" and ")}` : "";
  const items = await db.query<QualityEvent>(
    `select ${COLUMNS} from ${FROM} ${filter} order by q.occurred_on desc, q.created_at desc, q.id
     limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  const [count] = await db.query<{ n: number }>(
    `select count(*)::int8 as n from quality_events q ${filter}`,
    params,
  );
  return { items, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function createQualityEvent(
  db: Db,
  actor: Actor,
  input: QualityEventCreate,
  today: string = todayInChina(),
) {
  return db.tx(async (sql) => {
    const issues: FieldIssue[] = [];
    const [enterprise] = await sql.query("select 1 from enterprises where id = $1", [input.enterpriseId]);
    if (!enterprise) issues.push({ field: "enterpriseId", code: "enterprise_unknown" });
    if (input.occurredOn > today) issues.push({ field: "occurredOn", code: "date_in_future" });
    if (issues.length > 0) throw validationError(issues);
    const description = input.description.trim();
    const [row] = await sql.query<{ id: string }>(
      `insert into quality_events (enterprise_id, kind, occurred_on, description, lot_id, recorded_by)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [input.enterpriseId, input.kind, input.occurredOn, description, input.lotId ?? null, actor.userId],
    );
    if (!row) throw new Error("insert returned no row");
    await writeAudit(sql, actor, {
      action: "quality_event.create",
      entityType: "quality_event",
      entityId: row.id,
      after: { ...input, description },
    });
    const [created] = await sql.query<QualityEvent>(`select ${COLUMNS} from ${FROM} where q.id = $1`, [
      row.id,
    ]);
    if (!created) throw new Error("quality event vanished");
    return created;
  });
}
