import {
  initialSwitchingState,
  nextSwitchingState,
  type SwitchingEvent,
  type SwitchingState,
  type SwitchingTransition,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { enterpriseScope, isoTime } from "./read.ts";
import type { SwitchingEventView, SwitchingQuery, SwitchingStateView } from "./schemas.ts";

// ISO 2859-1 switching state per enterprise × product category: read (no row = the initial normal state), moved
// by original inspections (inspect.ts) and by the authority's resume after discontinuation.

export interface StoredSwitching {
  state: SwitchingState;
  /** Whether a row exists (false: nothing recorded yet, the initial state). */
  recorded: boolean;
  updatedAt: string | null;
}

const STAGE_WORDS = {
  normal: { zh: "正常检验", en: "normal" },
  tightened: { zh: "加严检验", en: "tightened" },
  reduced: { zh: "放宽检验", en: "reduced" },
  discontinued: { zh: "暂停检验", en: "discontinued" },
} as const;

export async function readSwitching(
  sql: Sql,
  enterpriseId: string,
  category: string,
  opts: { forUpdate?: boolean } = {},
): Promise<StoredSwitching> {
  if (opts.forUpdate) {
    // A row to lock even before the first inspection, so two concurrent first inspections of one enterprise ×
    // category queue up instead of both starting from the initial state (the caller writes the row anyway).
    await sql.query(
      `insert into switching_states (enterprise_id, product_category, stage, state)
       values ($1, $2, 'normal', $3::jsonb) on conflict do nothing`,
      [enterpriseId, category, JSON.stringify(initialSwitchingState())],
    );
  }
  const [row] = await sql.query<{ state: SwitchingState; updatedAt: string }>(
    `select state, ${isoTime("updated_at")} as "updatedAt" from switching_states
      where enterprise_id = $1 and product_category = $2 ${opts.forUpdate ? "for update" : ""}`,
    [enterpriseId, category],
  );
  if (!row) return { state: initialSwitchingState(), recorded: false, updatedAt: null };
  return { state: row.state, recorded: true, updatedAt: row.updatedAt };
}

/** Applies one event: the new state and a switching_events row with its reason, in the caller's transaction. */
export async function applySwitchingEvent(
  sql: Sql,
  actor: Actor,
  target: { enterpriseId: string; productCategory: string; lotId: string | null },
  current: SwitchingState,
  event: SwitchingEvent,
): Promise<SwitchingTransition> {
  const t = nextSwitchingState(current, event);
  await sql.query(
    `insert into switching_states (enterprise_id, product_category, stage, state, updated_at)
     values ($1, $2, $3, $4::jsonb, now())
     on conflict (enterprise_id, product_category) do update
       set stage = excluded.stage, state = excluded.state, updated_at = now()`,
    [target.enterpriseId, target.productCategory, t.state.stage, JSON.stringify(t.state)],
  );
  await sql.query(
    `insert into switching_events (enterprise_id, product_category, lot_id, from_stage, to_stage, reason_key,
       reason_params, reason, created_by)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [
      target.enterpriseId,
      target.productCategory,
      target.lotId,
      t.from,
      t.to,
      t.reasonKey,
      JSON.stringify(t.reasonParams),
      t.reason,
      actor.userId,
    ],
  );
  return t;
}

const EVENT_COLUMNS = `s.id, s.lot_id as "lotId", l.declaration_no as "declarationNo", s.from_stage as "fromStage",
  s.to_stage as "toStage", s.reason_key as "reasonKey", s.reason_params as "reasonParams", s.reason,
  u.display_name as "createdBy", ${isoTime("s.created_at")} as "createdAt"`;

/** The latest events of one enterprise × category, newest first. */
export async function recentEvents(
  sql: Sql,
  enterpriseId: string,
  category: string,
  limit = 10,
): Promise<SwitchingEventView[]> {
  return sql.query<SwitchingEventView>(
    `select ${EVENT_COLUMNS} from switching_events s
       left join lots l on l.id = s.lot_id left join users u on u.id = s.created_by
      where s.enterprise_id = $1 and s.product_category = $2
      order by s.created_at desc, s.id limit $3`,
    [enterpriseId, category, limit],
  );
}

/** The switching state of one enterprise × category for display, with its recent events. */
export async function switchingView(
  sql: Sql,
  enterpriseId: string,
  enterpriseName: string,
  category: string,
): Promise<SwitchingStateView> {
  const stored = await readSwitching(sql, enterpriseId, category);
  return {
    enterpriseId,
    enterpriseName,
    productCategory: category,
    stage: stored.state.stage,
    state: { ...stored.state, recentNormalResults: [...stored.state.recentNormalResults] },
    recorded: stored.recorded,
    updatedAt: stored.updatedAt,
    events: stored.recorded ? await recentEvents(sql, enterpriseId, category) : [],
  };
}

/**
 * Recorded switching states. An enterprise user sees its own (asking for another enterprise is NOT_FOUND); staff
 * see one enterprise's or, without enterpriseId, every recorded state, most recently moved first.
 */
export async function listSwitchingStates(sql: Sql, actor: Actor, q: SwitchingQuery) {
  const scope = enterpriseScope(actor);
  if (scope && q.enterpriseId && q.enterpriseId !== scope) throw new AppError("NOT_FOUND");
  const enterpriseId = scope ?? q.enterpriseId ?? null;
  const where: string[] = [];
  const params: unknown[] = [];
  if (enterpriseId) {
    params.push(enterpriseId);
    where.push(`s.enterprise_id = $${params.length}`);
  }
  if (q.stage) {
    params.push(q.stage);
    where.push(`s.stage = $${params.length}`);
  }
  const clause = where.length ? `where ${where.join(" and ")}` : "";
  const [count] = await sql.query<{ total: number }>(
    `select count(*)::int as total from switching_states s ${clause}`,
    params,
  );
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows = await sql.query<{
    enterpriseId: string;
    enterpriseName: string;
    productCategory: string;
    stage: SwitchingStateView["stage"];
    state: SwitchingState;
    updatedAt: string;
  }>(
    `select s.enterprise_id as "enterpriseId", e.name as "enterpriseName", s.product_category as "productCategory",
       s.stage, s.state, ${isoTime("s.updated_at")} as "updatedAt"
     from switching_states s join enterprises e on e.id = s.enterprise_id ${clause}
     order by s.updated_at desc, s.enterprise_id, s.product_category
     limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  const items: SwitchingStateView[] = [];
  for (const r of rows) {
    items.push({
      ...r,
      state: { ...r.state, recentNormalResults: [...r.state.recentNormalResults] },
      recorded: true,
      events: await recentEvents(sql, r.enterpriseId, r.productCategory, 5),
    });
  }
  return { items, total: count?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

/**
 * After discontinuation (5 lots not accepted on tightened inspection), the authority decides on the supplier's
 * corrective action: accepted → tightened inspection resumes; refused → stays discontinued. Both are recorded.
 */
export async function resumeInspection(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  category: string,
  body: { correctiveActionAccepted: boolean; note?: string | null },
): Promise<SwitchingStateView> {
  return db.tx(async (sql) => {
    const [enterprise] = await sql.query<{ name: string }>("select name from enterprises where id = $1", [
      enterpriseId,
    ]);
    const [known] = await sql.query("select 1 from product_categories where code = $1", [category]);
    if (!enterprise || !known) throw new AppError("NOT_FOUND");
    const stored = await readSwitching(sql, enterpriseId, category, { forUpdate: true });
    if (stored.state.stage !== "discontinued")
      throw new AppError("SWITCHING_NOT_DISCONTINUED", { stage: STAGE_WORDS[stored.state.stage] });
    const t = await applySwitchingEvent(
      sql,
      actor,
      { enterpriseId, productCategory: category, lotId: null },
      stored.state,
      { type: "resume", correctiveActionAccepted: body.correctiveActionAccepted },
    );
    await writeAudit(sql, actor, {
      action: "switching.resume",
      entityType: "switching_state",
      entityId: enterpriseId,
      before: { productCategory: category, stage: t.from },
      after: {
        productCategory: category,
        stage: t.to,
        correctiveActionAccepted: body.correctiveActionAccepted,
        note: body.note?.trim() || null,
        reason: t.reason,
      },
    });
    return switchingView(sql, enterpriseId, enterprise.name, category);
  });
}
