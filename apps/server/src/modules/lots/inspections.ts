import type { Sql } from "../../platform/db.ts";
import { isoTime } from "./read.ts";
import type { DefectType, Inspection } from "./schemas.ts";

// Reading inspections with their defects, and the defect taxonomy.

const INSPECTION_COLUMNS = `i.id, i.lot_id as "lotId", i.round, i.inspector_id as "inspectorId",
  u.display_name as "inspectorName", i.stage, i.level, i.code_letter as "codeLetter", i.sample_size as "sampleSize",
  i.full_inspection as "fullInspection", i.plans, i.defects_found as "defectsFound", i.result, i.note,
  ${isoTime("i.completed_at")} as "completedAt"`;

type InspectionRow = Omit<Inspection, "defects">;
type DefectRow = Inspection["defects"][number] & { inspectionId: string };

async function withDefects(sql: Sql, rows: InspectionRow[]): Promise<Inspection[]> {
  if (rows.length === 0) return [];
  const defects = await sql.query<DefectRow>(
    `select d.id, d.inspection_id as "inspectionId", d.defect_code as "defectCode", t.name_zh as "nameZh",
       t.name_en as "nameEn", t.category, d.defect_class as "defectClass", d.quantity, d.measurement, d.note
     from inspection_defects d join defect_types t on t.code = d.defect_code
     where d.inspection_id = any($1::uuid[])
     order by t.sort_order, d.defect_code, d.id`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    ...r,
    defects: defects.filter((d) => d.inspectionId === r.id).map(({ inspectionId: _, ...d }) => d),
  }));
}

/** Every inspection of a lot, by round. */
export async function inspectionsOfLot(sql: Sql, lotId: string): Promise<Inspection[]> {
  const rows = await sql.query<InspectionRow>(
    `select ${INSPECTION_COLUMNS} from inspections i left join users u on u.id = i.inspector_id
      where i.lot_id = $1 order by i.round`,
    [lotId],
  );
  return withDefects(sql, rows);
}

export async function getInspection(sql: Sql, id: string): Promise<Inspection | null> {
  const rows = await sql.query<InspectionRow>(
    `select ${INSPECTION_COLUMNS} from inspections i left join users u on u.id = i.inspector_id where i.id = $1`,
    [id],
  );
  return (await withDefects(sql, rows))[0] ?? null;
}

const DEFECT_TYPE_COLUMNS = `code, category, name_zh as "nameZh", name_en as "nameEn", default_class as "defaultClass"`;

/** The garment defect taxonomy, in its order (by category). */
export async function listDefectTypes(sql: Sql): Promise<DefectType[]> {
  return sql.query<DefectType>(`select ${DEFECT_TYPE_COLUMNS} from defect_types order by sort_order, code`);
}

export async function defectTypesByCode(sql: Sql, codes: string[]): Promise<Map<string, DefectType>> {
  if (codes.length === 0) return new Map();
  const rows = await sql.query<DefectType>(
    `select ${DEFECT_TYPE_COLUMNS} from defect_types where code = any($1::text[])`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r]));
}
