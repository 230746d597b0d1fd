import type { Actor } from "../../platform/access.ts";
import type { Sql } from "../../platform/db.ts";
import { attachmentsOfLot } from "./attachments.ts";
import { inspectionsOfLot } from "./inspections.ts";
import { getLot } from "./read.ts";
import type { LotDetail } from "./schemas.ts";
import { switchingView } from "./switching.ts";

/** A lot with its decision, files (metadata only), inspections and the switching state of its enterprise × category. */
export async function getLotDetail(sql: Sql, actor: Actor, id: string): Promise<LotDetail> {
  const lot = await getLot(sql, actor, id);
  const [attachments, inspections, switching] = [
    await attachmentsOfLot(sql, lot.id),
    await inspectionsOfLot(sql, lot.id),
    await switchingView(sql, lot.enterpriseId, lot.enterpriseName, lot.productCategory),
  ];
  return { lot, attachments, inspections, switching };
}
