import Ajv from "ajv";
import addFormats from "ajv-formats";
import type { FastifyRequest } from "fastify";
import type { Role } from "../../platform/access.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import {
  LabourCheckBody,
  LabourCheckQuery,
  LabourCheckResultSchema,
  LabourTrendsQuery,
  LabourTrendsSchema,
} from "./schemas.ts";
import { DEFAULT_COUNTY, runLabourCheck } from "./service.ts";
import { labourTrends } from "./trends.ts";

const tags = ["labour"];
/** Enterprises check their own timesheets; the authority and the association (which runs the audits) any. */
export const LABOUR_CHECKERS: Role[] = ["admin", "regulator", "association", "enterprise"];
/** The trends: the authority and the association see every enterprise; an enterprise its own beside the cluster. */
export const TREND_READERS: Role[] = ["admin", "regulator", "association", "enterprise"];
/** Uploads of a year's timesheet run to tens of megabytes. */
export const LABOUR_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

const DESCRIPTION = `Checks a timesheet against the working-time and wage rules (REFERENCE.md §6): weekly_hours (> 40 h in an ISO
week), daily_overtime (> 3 h on a workday), monthly_overtime (> 36 h), rest_day (7+ consecutive worked days), overtime_pay_workday /
_rest_day / _holiday (below 150 / 200 / 300 % of monthly wage ÷ 21.75 ÷ 8), minimum_wage (the county's tier on the month's first
day, pro-rated for part months), social_insurance. Each breach is a finding { rule, workerId, period, detail {zh, en}, values }.

Send either JSON { county, rows: [row…] } (the row format below, one row per worker and date, at most 2 MB… 64 MB of JSON), or
multipart/form-data with the file in field \`file\` (XLSX or CSV, first sheet, a header row within the first 10 rows) and the
county in the form field or query \`county\` (default 330482). File headers: 工号 日期 工时 加班工时 休息日 节假日 工资 加班工资 社保
(工号, 日期, 工时 required; absent columns count as 0 / 否; blank cells too). Flags accept 是/否, Y/N, 1/0, √/×; dates
YYYY-MM-DD, YYYY/M/D, Excel dates.

Refusals: 422 LABOUR_NOT_A_TIMESHEET (no such header), 422 LABOUR_COLUMNS_MISSING, 422 LABOUR_NO_ROWS, 413 LABOUR_TOO_MANY_ROWS
(> 500,000), 400 LABOUR_INVALID_ROWS with a field error per bad value (JSON: rows[i].hours; file: file.row[<spreadsheet row>].hours;
codes negative_hours, hours_over_24, overtime_exceeds_hours, bad_date, not_a_number, not_a_boolean, negative_pay,
missing_worker_id, duplicate_worker_date; the first 100), 400 LABOUR_UNKNOWN_COUNTY, 403 LABOUR_FOREIGN_ENTERPRISE.
The check is audited (counts, not rows).`;

const strict = addFormats(new Ajv({ allErrors: true, coerceTypes: false, useDefaults: true, strict: false }));

/** The JSON body is validated as usual; a multipart upload has no parsed body (null) and is read by the handler. */
function jsonOrUpload({ schema }: { schema: unknown }) {
  const v = strict.compile(schema as object);
  const check = (data: unknown) => {
    if (data === null || data === undefined) return true;
    const ok = v(data);
    check.errors = v.errors;
    return ok;
  };
  check.errors = null as typeof v.errors;
  return check;
}

async function readUpload(req: FastifyRequest) {
  const limit = Math.round(LABOUR_MAX_UPLOAD_BYTES / (1024 * 1024));
  const tooLarge = () =>
    new AppError("FILE_TOO_LARGE", { limit }, [{ field: "file", code: "file_too_large", params: { limit } }]);
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await req.file({ limits: { fileSize: LABOUR_MAX_UPLOAD_BYTES, files: 1 } });
  } catch (err) {
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    throw err;
  }
  if (part?.fieldname !== "file") throw validationError([{ field: "file", code: "required" }]);
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    throw err;
  }
  if (part.file.truncated) throw tooLarge();
  const county = part.fields.county;
  const c = Array.isArray(county) ? county[0] : county;
  const countyField = c && c.type === "field" && typeof c.value === "string" ? c.value.trim() : undefined;
  return { filename: part.filename, content, county: countyField };
}

export async function labourRoutes(app: App, { db }: ModuleDeps) {
  app.post(
    "/api/v1/labour/check",
    {
      config: { access: LABOUR_CHECKERS },
      bodyLimit: LABOUR_MAX_UPLOAD_BYTES,
      validatorCompiler: ({ schema, httpPart }) =>
        httpPart === "body"
          ? jsonOrUpload({ schema })
          : addFormats(
              new Ajv({ coerceTypes: "array", useDefaults: true, strict: false, allErrors: true }),
            ).compile(schema as object),
      schema: {
        tags,
        summary: "Check a timesheet (JSON rows or an XLSX/CSV upload) for working-time and wage breaches",
        description: DESCRIPTION,
        consumes: ["application/json", "multipart/form-data"],
        querystring: LabourCheckQuery,
        body: LabourCheckBody,
        response: { 200: LabourCheckResultSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, enterpriseId } = req.query;
      if (req.isMultipart()) {
        const file = await readUpload(req);
        const county = file.county || req.query.county || DEFAULT_COUNTY;
        if (!/^\d{6}$/.test(county)) throw validationError([{ field: "county", code: "format" }]);
        return runLabourCheck(db, actor, {
          source: { kind: "file", filename: file.filename, content: file.content },
          county,
          limit,
          enterpriseId,
        });
      }
      if (req.body === null || req.body === undefined)
        throw validationError([{ field: "rows", code: "required" }]);
      return runLabourCheck(db, actor, {
        source: { kind: "json", rows: req.body.rows },
        county: req.body.county,
        limit,
        enterpriseId,
      });
    },
  );

  app.get(
    "/api/v1/labour/trends",
    {
      config: { access: TREND_READERS },
      schema: {
        tags,
        summary: "Monthly average hours and wage compliance: the cluster's, and one enterprise's beside it",
        description:
          "From the months kept by labour checks inside assessments (and the demo's pilot curve). The cluster's " +
          "figures are worker-weighted over every enterprise with the month. An enterprise user gets its own months " +
          "only (another enterpriseId: 404 NOT_FOUND) and the cluster's months of at least " +
          "clusterMinimumEnterprises enterprises. from > to: 400 with field to (date_order).",
        querystring: LabourTrendsQuery,
        response: { 200: LabourTrendsSchema },
      },
    },
    async (req) => labourTrends(db, actorOf(req), req.query),
  );
}
