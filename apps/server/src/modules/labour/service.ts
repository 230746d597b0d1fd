import type { TimesheetRow } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { type CheckOptions, checkColumns, type LabourCheckResult } from "./check.ts";
import { RowLimitError, TimesheetColumns } from "./columns.ts";
import { readTimesheetFile } from "./timesheet-file.ts";

/** 1,000 workers × 366 days fits with room to spare. */
export const MAX_TIMESHEET_ROWS = 500_000;
/** Pinghu (平湖市), the demo cluster's county. */
export const DEFAULT_COUNTY = "330482";

export type TimesheetSource =
  | { kind: "json"; rows: readonly TimesheetRow[] }
  | { kind: "file"; filename: string; content: Buffer };

/** Reads and checks a timesheet (no database). Errors are AppErrors with row/field issues. */
export async function checkTimesheetSource(
  source: TimesheetSource,
  county: string,
  limit: number,
  onFinding?: CheckOptions["onFinding"],
): Promise<LabourCheckResult> {
  const cols = new TimesheetColumns(MAX_TIMESHEET_ROWS);
  try {
    if (source.kind === "json") {
      source.rows.forEach((r, i) => {
        cols.addObject(i, r);
      });
    } else await readTimesheetFile(source.content, cols);
  } catch (e) {
    if (e instanceof RowLimitError)
      throw new AppError("LABOUR_TOO_MANY_ROWS", { limit: e.limit }, [
        {
          field: source.kind === "json" ? "rows" : "file",
          code: "too_many_rows",
          params: { limit: e.limit },
        },
      ]);
    throw e;
  }
  return checkColumns(cols, {
    county,
    limit,
    onFinding,
    fieldName:
      source.kind === "json"
        ? (i, f) => (f === "row" ? `rows[${i}]` : `rows[${i}].${f}`)
        : (n, f) => (f === "row" ? `file.row[${n}]` : `file.row[${n}].${f}`),
  });
}

/** The enterprise the check is for: an enterprise user's own; staff may name one (or none). */
export function checkedEnterprise(actor: Actor, enterpriseId: string | undefined): string | null {
  if (actor.role === "enterprise") {
    if (enterpriseId !== undefined && enterpriseId !== actor.enterpriseId)
      throw new AppError("LABOUR_FOREIGN_ENTERPRISE");
    return actor.enterpriseId;
  }
  return enterpriseId ?? null;
}

/** POST /api/v1/labour/check: check, then audit the check (its size and outcome, never the rows). */
export async function runLabourCheck(
  db: Db,
  actor: Actor,
  input: { source: TimesheetSource; county: string; limit: number; enterpriseId?: string | undefined },
): Promise<LabourCheckResult> {
  const enterpriseId = checkedEnterprise(actor, input.enterpriseId);
  if (enterpriseId !== null && actor.role !== "enterprise") {
    const [e] = await db.query("select 1 from enterprises where id = $1", [enterpriseId]);
    if (!e) throw new AppError("NOT_FOUND");
  }
  const result = await checkTimesheetSource(input.source, input.county, input.limit);
  await db.tx((sql) =>
    writeAudit(sql, actor, {
      action: "labour.check",
      entityType: "labour_check",
      entityId: enterpriseId,
      after: {
        source: input.source.kind === "file" ? input.source.filename : "json",
        county: result.county,
        rows: result.rows,
        workers: result.workers,
        from: result.from,
        to: result.to,
        findings: result.totalFindings,
        byRule: Object.fromEntries(
          result.byRule.filter((r) => r.findings > 0).map((r) => [r.rule, r.findings]),
        ),
      },
    }),
  );
  return result;
}
