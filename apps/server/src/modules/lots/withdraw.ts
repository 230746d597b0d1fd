import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { getLot, lockLot, STATUS_WORDS } from "./read.ts";
import type { Lot } from "./schemas.ts";

/**
 * The enterprise withdraws its own lot, only while it awaits its first inspection (no round recorded yet; a lot
 * in rework has been inspected and stays on record).
 */
export async function withdrawLot(db: Db, actor: Actor, id: string): Promise<Lot> {
  return db.tx(async (sql) => {
    const lot = await lockLot(sql, actor, id);
    const [inspected] = await sql.query("select 1 from inspections where lot_id = $1 limit 1", [id]);
    if (lot.status !== "awaiting_inspection" || inspected)
      throw new AppError("LOT_NOT_WITHDRAWABLE", { status: STATUS_WORDS[lot.status] });
    await sql.query("update lots set status = 'withdrawn', updated_at = now() where id = $1", [id]);
    await writeAudit(sql, actor, {
      action: "lot.withdraw",
      entityType: "lot",
      entityId: id,
      before: { status: lot.status },
      after: { status: "withdrawn" },
    });
    return getLot(sql, actor, id);
  });
}
