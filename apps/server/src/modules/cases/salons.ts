import type { Static } from "@sinclair/typebox";
import type { Actor } from "../../platform/access.ts";
import { changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import type { SalonBody, SalonQuery } from "./schemas.ts";

// Government–business salons (亲清夜沙龙): date, place, hosts, attending entrepreneurs; the problems collected
// there are cases with channel "salon" pointing at the salon.

const COLUMNS = `s.id, to_char(s.held_on, 'YYYY-MM-DD') as "heldOn", s.place, s.topic, s.hosts, s.attendees,
  s.attendee_count as "attendeeCount",
  (select count(*)::int from cases c where c.salon_id = s.id and c.status <> 'duplicate') as "caseCount",
  (select count(*)::int from cases c where c.salon_id = s.id
      and c.status in ('closed', 'notResponsible', 'withdrawn')) as "closedCount"`;

export async function listSalons(db: Db, query: Static<typeof SalonQuery>) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.q?.trim()) {
    params.push(`%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(
      `(s.place ilike $${params.length} or s.hosts ilike $${params.length} or s.topic ilike $${params.length})`,
    );
  }
  if (query.from) {
    params.push(query.from);
    where.push(`s.held_on >= $${params.length}::date`);
  }
  if (query.to) {
    params.push(query.to);
    where.push(`s.held_on <= $${params.length}::date`);
  }
  const w = where.length ? `where ${where.join(" and ")}` : "";
  const offset = (query.page - 1) * query.pageSize;
  const items = await db.query(
    `select ${COLUMNS} from salons s ${w} order by s.held_on desc, s.id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, query.pageSize, offset],
  );
  const [count] = await db.query<{ n: number }>(`select count(*)::int as n from salons s ${w}`, params);
  return { items, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function getSalon(db: Db, id: string) {
  const [row] = await db.query<Record<string, unknown>>(`select ${COLUMNS} from salons s where s.id = $1`, [
    id,
  ]);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function createSalon(db: Db, actor: Actor, body: SalonBody) {
  const id = await db.tx(async (sql) => {
    const [row] = await sql.query<{ id: string }>(
      `insert into salons (held_on, place, topic, hosts, attendees, attendee_count, created_by)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        body.heldOn,
        body.place,
        body.topic ?? "",
        body.hosts,
        body.attendees ?? "",
        body.attendeeCount,
        actor.userId,
      ],
    );
    const created = row as { id: string };
    await writeAudit(sql, actor, {
      action: "salon.create",
      entityType: "salon",
      entityId: created.id,
      after: body,
    });
    return created.id;
  });
  return getSalon(db, id);
}

export async function updateSalon(db: Db, actor: Actor, id: string, body: SalonBody) {
  const before = await getSalon(db, id);
  await db.tx(async (sql) => {
    await sql.query(
      `update salons set held_on = $2, place = $3, topic = $4, hosts = $5, attendees = $6, attendee_count = $7,
              updated_at = now() where id = $1`,
      [id, body.heldOn, body.place, body.topic ?? "", body.hosts, body.attendees ?? "", body.attendeeCount],
    );
    const diff = changedFields(before, { ...before, ...body });
    if (diff)
      await writeAudit(sql, actor, { action: "salon.update", entityType: "salon", entityId: id, ...diff });
  });
  return getSalon(db, id);
}

/** A salon with problems recorded against it is kept (its cases point at it); only an empty one is deleted. */
export async function deleteSalon(db: Db, actor: Actor, id: string) {
  const before = await getSalon(db, id);
  await db.tx(async (sql) => {
    const [used] = await sql.query("select 1 from cases where salon_id = $1 limit 1", [id]);
    if (used) throw new AppError("CONFLICT");
    await sql.query("delete from salons where id = $1", [id]);
    await writeAudit(sql, actor, { action: "salon.delete", entityType: "salon", entityId: id, before });
  });
}
