import { isInspectionLevel, parseAql } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db.ts";
import { AppError, type FieldIssue, validationError } from "../../platform/errors.ts";
import { PRODUCT_CATEGORY_COLUMNS, type ProductCategory } from "../supervision/context.ts";
import type { ProductCategoryPatch } from "./schemas.ts";

// Product categories: their risk grade (with the class, it decides the supervision mode) and the inspection
// defaults (level and AQLs) that the lots module uses for a category's plans.

/** An AQL of the GB/T 2828.1 series, or a field issue. */
function checkAql(field: string, value: number, issues: FieldIssue[]): number {
  try {
    return parseAql(value);
  } catch {
    issues.push({ field, code: "aql_not_in_series", params: { value } });
    return value;
  }
}

export async function updateProductCategory(
  db: Db,
  actor: Actor,
  code: string,
  patch: ProductCategoryPatch,
): Promise<ProductCategory> {
  const issues: FieldIssue[] = [];
  const next: ProductCategoryPatch = { ...patch };
  if (patch.inspectionLevel !== undefined && !isInspectionLevel(patch.inspectionLevel))
    issues.push({ field: "inspectionLevel", code: "inspection_level_unknown" });
  // A null critical AQL means "not allowed" (Ac 0 / Re 1, decision 0004); any number must be of the series.
  if (patch.aqlCritical !== undefined && patch.aqlCritical !== null)
    next.aqlCritical = checkAql("aqlCritical", patch.aqlCritical, issues);
  if (patch.aqlMajor !== undefined) next.aqlMajor = checkAql("aqlMajor", patch.aqlMajor, issues);
  if (patch.aqlMinor !== undefined) next.aqlMinor = checkAql("aqlMinor", patch.aqlMinor, issues);
  if (issues.length > 0) throw validationError(issues);

  return db.tx(async (sql) => {
    const [before] = await sql.query<ProductCategory>(
      `select ${PRODUCT_CATEGORY_COLUMNS} from product_categories where code = $1 for update`,
      [code],
    );
    if (!before) throw new AppError("NOT_FOUND");
    const after: ProductCategory = { ...before, ...next } as ProductCategory;
    await sql.query(
      `update product_categories set risk = $2, inspection_level = $3, aql_critical = $4, aql_major = $5,
         aql_minor = $6, updated_at = now()
       where code = $1`,
      [code, after.risk, after.inspectionLevel, after.aqlCritical, after.aqlMajor, after.aqlMinor],
    );
    const diff = changedFields({ ...before }, { ...after });
    if (diff)
      await writeAudit(sql, actor, {
        action: "product_category.update",
        entityType: "product_category",
        entityId: code,
        ...diff,
      });
    return after;
  });
}
