import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { enterpriseOfField, requiredText } from "./shared.ts";

// Demonstration titles (示范企业) are honours of the registry (enterprise_honours) of the types below: the regional
// title of seeds 000/001 (出口服装区域化管理示范企业, e.g. 浙江华城等 4 家) and the national one of seed 002
// (出口质量安全示范企业, migration 0011).

export const DEMONSTRATION_HONOUR_TYPES = ["REGIONAL_DEMO", "EXPORT_QUALITY_DEMO"] as const;

export interface DemonstrationTitle {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  honourType: string;
  honourTypeName: string;
  title: string;
  level: string | null;
  issuer: string | null;
  recognisedOn: string | null;
  documentNo: string | null;
}

const COLUMNS = `h.id::text as id, h.enterprise_id as "enterpriseId", e.name as "enterpriseName", e.uscc,
  h.type as "honourType", ht.name as "honourTypeName", h.title, h.level, h.issuer,
  h.recognised_on as "recognisedOn", h.document_number as "documentNo"`;
const FROM = `enterprise_honours h join enterprises e on e.id = h.enterprise_id
  join honour_types ht on ht.code = h.type`;

export async function listDemonstrationTitles(
  sql: Sql,
  actor: Actor,
  q: { honourType?: string; page: number; pageSize: number },
) {
  const params: unknown[] = [[...DEMONSTRATION_HONOUR_TYPES]];
  const where = ["h.type = any($1::text[])"];
  // Titles are public honours, but an enterprise user's console shows its own enterprise only.
  if (actor.role === "enterprise") {
    params.push(actor.enterpriseId);
    where.push(`h.enterprise_id = $${params.length}`);
  }
  if (q.honourType) {
    params.push(q.honourType);
    where.push(`h.type = $${params.length}`);
  }
  const clause = `where ${where.join(" and ")}`;
  const [count] = await sql.query<{ total: number }>(
    `select count(*)::int as total from enterprise_honours h ${clause}`,
    params,
  );
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const items = await sql.query<DemonstrationTitle>(
    `select ${COLUMNS} from ${FROM} ${clause}
      order by h.recognised_on desc nulls last, e.name, h.id
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { items, total: count?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

export interface AwardInput {
  enterpriseId: string;
  honourType: string;
  recognisedOn: string;
  documentNo: string;
  issuer?: string;
}

/** Awards a demonstration title: one honour row, written as the registry writes honours, audited on the enterprise. */
export async function awardDemonstrationTitle(
  db: Db,
  actor: Actor,
  input: AwardInput,
): Promise<DemonstrationTitle> {
  const { documentNo } = requiredText({ documentNo: input.documentNo });
  const issuer = input.issuer?.trim() || null;
  if (!(DEMONSTRATION_HONOUR_TYPES as readonly string[]).includes(input.honourType))
    throw validationError([
      { field: "honourType", code: "not_demonstration_title", params: { value: input.honourType } },
    ]);
  return db.tx(async (sql) => {
    const enterprise = await enterpriseOfField(sql, input.enterpriseId);
    const [type] = await sql.query<{ name: string }>("select name from honour_types where code = $1", [
      input.honourType,
    ]);
    if (!type)
      throw validationError([
        { field: "honourType", code: "unknown_type", params: { value: input.honourType } },
      ]);
    const held = await sql.query(
      "select 1 from enterprise_honours where enterprise_id = $1 and type = $2 limit 1",
      [enterprise.id, input.honourType],
    );
    if (held.length > 0) throw new AppError("DEMONSTRATION_HELD", { title: type.name });
    const [row] = await sql.query<{ id: string }>(
      `insert into enterprise_honours (enterprise_id, type, title, level, issuer, recognised_on, document_number)
       values ($1, $2, $3, null, $4, $5::date, $6) returning id::text as id`,
      [enterprise.id, input.honourType, type.name, issuer, input.recognisedOn, documentNo],
    );
    const [award] = await sql.query<DemonstrationTitle>(`select ${COLUMNS} from ${FROM} where h.id = $1`, [
      (row as { id: string }).id,
    ]);
    if (!award) throw new Error("award not written");
    await writeAudit(sql, actor, {
      action: "enterprise.honour.award",
      entityType: "enterprise",
      entityId: enterprise.id,
      after: {
        honour: {
          type: award.honourType,
          title: award.title,
          issuer: award.issuer,
          recognisedOn: award.recognisedOn,
          documentNumber: award.documentNo,
        },
      },
    });
    return award;
  });
}
