import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { todayInChina } from "../supervision/context.ts";
import { classInForceSql, findEnterprise, passRate, requiredText, windowStart } from "./shared.ts";

// 绿色通道: exporters whose declarations the regulator fast-tracks (40 enterprises in Pinghu, seed 001). Kept in
// enterprise_supervision's green_channel* columns; this module touches no other column of that table.

/** Candidates are judged on the official pass rate of the last 12 whole months (lot_stats_monthly). */
export const CANDIDATE_WINDOW_MONTHS = 12;

export interface GreenChannelEntry {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  greenChannel: boolean;
  since: string | null;
  reason: string | null;
  class: string;
}

export interface GreenChannelCandidate {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  class: string;
  lots: number;
  inspected: number;
  accepted: number;
  passRate: number | null;
}

const ENTRY_COLUMNS = (cls: string) => `e.id as "enterpriseId", e.name as "enterpriseName", e.uscc,
  coalesce(s.green_channel, false) as "greenChannel", s.green_channel_since as since,
  s.green_channel_reason as reason, ${cls} as class`;

export async function listGreenChannel(sql: Sql, page: { page: number; pageSize: number }) {
  const rows = await sql.query<GreenChannelEntry & { total: number }>(
    `select ${ENTRY_COLUMNS(classInForceSql("$1"))}, count(*) over ()::int as total
       from enterprise_supervision s join enterprises e on e.id = s.enterprise_id
      where s.green_channel
      order by s.green_channel_since desc nulls last, e.name, e.id
      limit $2 offset $3`,
    [todayInChina(), page.pageSize, (page.page - 1) * page.pageSize],
  );
  return pageOf(rows, page);
}

export async function listCandidates(sql: Sql, page: { page: number; pageSize: number }) {
  const today = todayInChina();
  const cls = classInForceSql("$1");
  // Exporters: flagged in the registry, or with lots declared in the window.
  const rows = await sql.query<Omit<GreenChannelCandidate, "passRate"> & { total: number }>(
    `with stats as (
       select enterprise_id, sum(lots)::int as lots, sum(inspected)::int as inspected,
              sum(official_accepted)::int as accepted
         from lot_stats_monthly where month >= $2::date group by enterprise_id
     )
     select e.id as "enterpriseId", e.name as "enterpriseName", e.uscc, ${cls} as class,
            coalesce(st.lots, 0) as lots, coalesce(st.inspected, 0) as inspected,
            coalesce(st.accepted, 0) as accepted, count(*) over ()::int as total
       from enterprises e
       left join enterprise_supervision s on s.enterprise_id = e.id
       left join stats st on st.enterprise_id = e.id
      where not coalesce(s.green_channel, false) and ${cls} in ('I', 'II')
        and (e.export_flag or coalesce(st.lots, 0) > 0)
      order by ${cls}, st.accepted::float8 / nullif(st.inspected, 0) desc nulls last, e.name, e.id
      limit $3 offset $4`,
    [today, windowStart(today, CANDIDATE_WINDOW_MONTHS), page.pageSize, (page.page - 1) * page.pageSize],
  );
  const withRates = rows.map((r) => ({ ...r, passRate: passRate(r.accepted, r.inspected) }));
  return pageOf(withRates, page);
}

function pageOf<T extends { total: number }>(rows: T[], page: { page: number; pageSize: number }) {
  const total = rows[0]?.total ?? 0;
  const items = rows.map(({ total: _total, ...rest }) => rest);
  return { items, total, page: page.page, pageSize: page.pageSize };
}

async function entryOf(sql: Sql, enterpriseId: string): Promise<GreenChannelEntry> {
  const [row] = await sql.query<GreenChannelEntry>(
    `select ${ENTRY_COLUMNS(classInForceSql("$2"))}
       from enterprises e left join enterprise_supervision s on s.enterprise_id = e.id
      where e.id = $1`,
    [enterpriseId, todayInChina()],
  );
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** Puts an enterprise into the green channel (or updates the reason of one already in, keeping its date). */
export async function addToGreenChannel(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  input: { reason: string },
): Promise<GreenChannelEntry> {
  const { reason } = requiredText({ reason: input.reason });
  return db.tx(async (sql) => {
    if (!(await findEnterprise(sql, enterpriseId))) throw new AppError("NOT_FOUND");
    const before = await entryOf(sql, enterpriseId);
    // Insert the supervision row when the enterprise has none yet; otherwise change only green_channel*.
    await sql.query(
      `insert into enterprise_supervision as s (enterprise_id, green_channel, green_channel_since, green_channel_reason)
       values ($1, true, $2::date, $3)
       on conflict (enterprise_id) do update set
         green_channel = true,
         green_channel_since = case when s.green_channel then s.green_channel_since else excluded.green_channel_since end,
         green_channel_reason = excluded.green_channel_reason,
         updated_at = now()`,
      [enterpriseId, todayInChina(), reason],
    );
    const after = await entryOf(sql, enterpriseId);
    await writeAudit(sql, actor, {
      action: before.greenChannel ? "green_channel.update" : "green_channel.add",
      entityType: "enterprise_supervision",
      entityId: enterpriseId,
      before: pick(before),
      after: pick(after),
    });
    return after;
  });
}

/** Takes an enterprise out of the green channel; the reason for leaving replaces the reason for joining. */
export async function removeFromGreenChannel(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  input: { reason: string },
): Promise<GreenChannelEntry> {
  const { reason } = requiredText({ reason: input.reason });
  return db.tx(async (sql) => {
    if (!(await findEnterprise(sql, enterpriseId))) throw new AppError("NOT_FOUND");
    const before = await entryOf(sql, enterpriseId);
    if (!before.greenChannel) throw new AppError("GREEN_CHANNEL_NOT_MEMBER");
    await sql.query(
      `update enterprise_supervision set green_channel = false, green_channel_since = null,
         green_channel_reason = $2, updated_at = now()
       where enterprise_id = $1`,
      [enterpriseId, reason],
    );
    const after = await entryOf(sql, enterpriseId);
    await writeAudit(sql, actor, {
      action: "green_channel.remove",
      entityType: "enterprise_supervision",
      entityId: enterpriseId,
      before: pick(before),
      after: pick(after),
    });
    return after;
  });
}

/** The audited fields: the green-channel columns, and the class at the time for the record. */
const pick = (e: GreenChannelEntry) => ({
  greenChannel: e.greenChannel,
  since: e.since,
  reason: e.reason,
  class: e.class,
});
