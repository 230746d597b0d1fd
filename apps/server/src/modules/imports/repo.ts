import type { Actor } from "../../platform/access.ts";
import type { AuditRecord } from "../../platform/audit.ts";
import type { Sql } from "../../platform/db.ts";
import type { FieldIssue } from "../../platform/errors.ts";
import type { MessageParams } from "../../platform/i18n.ts";
import type { Candidate } from "./classify.ts";
import type { RowData } from "./validate.ts";

export const JOB_STATUSES = ["parsing", "preview", "committing", "committed", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const ROW_STATUSES = ["error", "match", "potential_match", "new", "unchanged"] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];
export type Decision = "confirm" | "reject";

export type Summary = Record<"total" | RowStatus, number>;

export interface JobRecord {
  id: string;
  filename: string;
  format: "xlsx" | "csv";
  status: JobStatus;
  progressDone: number;
  progressTotal: number;
  summary: Partial<Summary>;
  error: { code: string; params?: MessageParams } | null;
  createdBy: string;
  createdAt: string;
}

export interface StoredRow {
  rowNumber: number;
  status: RowStatus;
  data: RowData;
  errors: FieldIssue[];
  candidates: Candidate[];
  decision: Decision | null;
  enterpriseId: string | null;
  usccKey: string | null;
  nameKey: string | null;
}

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const JOB_COLUMNS = `id, filename, format, status, progress_done as "progressDone", progress_total as "progressTotal",
  summary, error, created_by as "createdBy", ${iso("created_at")} as "createdAt"`;

const ROW_COLUMNS = `row_number as "rowNumber", status, data, errors, candidates, decision,
  enterprise_id as "enterpriseId", uscc_key as "usccKey", name_key as "nameKey"`;

export async function insertJob(
  sql: Sql,
  job: { filename: string; format: string; total: number; createdBy: string },
): Promise<JobRecord> {
  const [row] = await sql.query<JobRecord>(
    `insert into import_jobs (filename, format, progress_total, summary, created_by)
     values ($1, $2, $3, $4::jsonb, $5) returning ${JOB_COLUMNS}`,
    [job.filename, job.format, job.total, JSON.stringify(emptySummary(job.total)), job.createdBy],
  );
  return row as JobRecord;
}

export const emptySummary = (total = 0): Summary => ({
  total,
  error: 0,
  match: 0,
  potential_match: 0,
  new: 0,
  unchanged: 0,
});

/** A transition of one row from one status to another (the same twice when its status did not change). */
export type StatusChange = readonly [from: RowStatus, to: RowStatus];

/**
 * The summary after rows changed status: each change moves one row from its old count to its new one. Edits and
 * decisions keep the summary this way, under the job's lock, instead of counting the job's rows again.
 */
export function shiftSummary(summary: Partial<Summary>, changes: Iterable<StatusChange>): Summary {
  const next = { ...emptySummary(), ...summary };
  for (const [from, to] of changes) {
    if (from === to) continue;
    next[from] -= 1;
    next[to] += 1;
  }
  return next;
}

export async function getJob(sql: Sql, id: string, forUpdate = false): Promise<JobRecord | null> {
  const [row] = await sql.query<JobRecord>(
    `select ${JOB_COLUMNS} from import_jobs where id = $1${forUpdate ? " for update" : ""}`,
    [id],
  );
  return row ?? null;
}

export async function listJobs(sql: Sql, limit: number): Promise<JobRecord[]> {
  return sql.query<JobRecord>(
    `select ${JOB_COLUMNS} from import_jobs order by created_at desc, id limit $1`,
    [limit],
  );
}

/** Moves a job from one of `from` to `to`; null when it was in another status (someone else moved it). */
export async function transition(
  sql: Sql,
  id: string,
  from: JobStatus[],
  to: JobStatus,
  set: { summary?: Summary; error?: JobRecord["error"]; progressDone?: number; progressTotal?: number } = {},
): Promise<JobRecord | null> {
  const [row] = await sql.query<JobRecord>(
    `update import_jobs
        set status = $3,
            summary = coalesce($4::jsonb, summary),
            error = case when $5::jsonb is null then error else $5::jsonb end,
            progress_done = coalesce($6, progress_done),
            progress_total = coalesce($7, progress_total),
            committed_at = case when $3 = 'committed' then now() else committed_at end,
            updated_at = now()
      where id = $1 and status = any($2::text[])
      returning ${JOB_COLUMNS}`,
    [
      id,
      from,
      to,
      set.summary ? JSON.stringify(set.summary) : null,
      set.error ? JSON.stringify(set.error) : null,
      set.progressDone ?? null,
      set.progressTotal ?? null,
    ],
  );
  return row ?? null;
}

/** Writes progress while the job is still `status`; false when it is not (cancelled meanwhile). */
export async function setProgress(
  sql: Sql,
  id: string,
  status: JobStatus,
  done: number,
  total?: number,
): Promise<boolean> {
  const rows = await sql.query(
    `update import_jobs set progress_done = $3, progress_total = coalesce($4, progress_total), updated_at = now()
      where id = $1 and status = $2 returning id`,
    [id, status, done, total ?? null],
  );
  return rows.length > 0;
}

export async function setSummary(sql: Sql, id: string, summary: Summary): Promise<JobRecord | null> {
  const [row] = await sql.query<JobRecord>(
    `update import_jobs set summary = $2::jsonb, updated_at = now() where id = $1 returning ${JOB_COLUMNS}`,
    [id, JSON.stringify(summary)],
  );
  return row ?? null;
}

/** Jobs a stopped server left half-done: nothing runs them any more. */
export async function failStaleJobs(sql: Sql, olderThanMinutes: number): Promise<number> {
  const rows = await sql.query(
    `update import_jobs set status = 'failed', error = '{"code":"IMPORT_INTERRUPTED"}'::jsonb, updated_at = now()
      where status in ('parsing', 'committing') and updated_at < now() - make_interval(mins => $1)
      returning id`,
    [olderThanMinutes],
  );
  return rows.length;
}

export async function insertRows(sql: Sql, jobId: string, rows: StoredRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `insert into import_rows (job_id, row_number, status, data, errors, candidates, decision, enterprise_id,
                              uscc_key, name_key)
     select $1::uuid, * from unnest($2::int[], $3::text[], $4::jsonb[], $5::jsonb[], $6::jsonb[], $7::text[], $8::uuid[],
                              $9::text[], $10::text[])`,
    [
      jobId,
      rows.map((r) => r.rowNumber),
      rows.map((r) => r.status),
      rows.map((r) => JSON.stringify(r.data)),
      rows.map((r) => JSON.stringify(r.errors)),
      rows.map((r) => JSON.stringify(r.candidates)),
      rows.map((r) => r.decision),
      rows.map((r) => r.enterpriseId),
      rows.map((r) => r.usccKey),
      rows.map((r) => r.nameKey),
    ],
  );
}

export async function updateRow(sql: Sql, jobId: string, row: StoredRow): Promise<void> {
  await sql.query(
    `update import_rows
        set status = $3, data = $4::jsonb, errors = $5::jsonb, candidates = $6::jsonb, decision = $7,
            enterprise_id = $8, uscc_key = $9, name_key = $10
      where job_id = $1 and row_number = $2`,
    [
      jobId,
      row.rowNumber,
      row.status,
      JSON.stringify(row.data),
      JSON.stringify(row.errors),
      JSON.stringify(row.candidates),
      row.decision,
      row.enterpriseId,
      row.usccKey,
      row.nameKey,
    ],
  );
}

/** Writes the outcome (status, errors, decision, enterprise) of many rows in one statement. */
export async function updateRowStatuses(sql: Sql, jobId: string, rows: StoredRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `update import_rows r
        set status = t.status, errors = t.errors, decision = t.decision, enterprise_id = t.enterprise_id
       from unnest($2::int[], $3::text[], $4::jsonb[], $5::text[], $6::uuid[])
            as t(row_number, status, errors, decision, enterprise_id)
      where r.job_id = $1 and r.row_number = t.row_number`,
    [
      jobId,
      rows.map((r) => r.rowNumber),
      rows.map((r) => r.status),
      rows.map((r) => JSON.stringify(r.errors)),
      rows.map((r) => r.decision),
      rows.map((r) => r.enterpriseId),
    ],
  );
}

export async function rowsWithStatus(sql: Sql, jobId: string, status: RowStatus): Promise<StoredRow[]> {
  return sql.query<StoredRow>(
    `select ${ROW_COLUMNS} from import_rows where job_id = $1 and status = $2 order by row_number`,
    [jobId, status],
  );
}

/** The enterprises rows of the job already update (or leave unchanged). */
export async function targetedEnterprises(sql: Sql, jobId: string): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `select distinct enterprise_id as id from import_rows
      where job_id = $1 and status in ('match', 'unchanged') and enterprise_id is not null`,
    [jobId],
  );
  return rows.map((r) => r.id);
}

export async function getRow(sql: Sql, jobId: string, rowNumber: number): Promise<StoredRow | null> {
  const [row] = await sql.query<StoredRow>(
    `select ${ROW_COLUMNS} from import_rows where job_id = $1 and row_number = $2`,
    [jobId, rowNumber],
  );
  return row ?? null;
}

export async function listRows(
  sql: Sql,
  jobId: string,
  status: RowStatus | undefined,
  page: { limit: number; offset: number },
): Promise<{ items: StoredRow[]; total: number }> {
  const params: unknown[] = [jobId];
  let where = "job_id = $1";
  if (status) {
    params.push(status);
    where += " and status = $2";
  }
  const [count] = await sql.query<{ total: number }>(
    `select count(*)::int as total from import_rows where ${where}`,
    params,
  );
  const items = await sql.query<StoredRow>(
    `select ${ROW_COLUMNS} from import_rows where ${where} order by row_number
      limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { items, total: count?.total ?? 0 };
}

/** Rows to write at commit, in file order: new ones and matches that change something. */
export async function rowsToCommit(sql: Sql, jobId: string): Promise<StoredRow[]> {
  return sql.query<StoredRow>(
    `select ${ROW_COLUMNS} from import_rows where job_id = $1 and status in ('new', 'match') order by row_number`,
    [jobId],
  );
}

/**
 * Refreshes the planner's statistics of the staged rows. Without them, after a large job is staged, the planner
 * takes a job for a handful of rows and scans tens of thousands of them where an index finds one.
 */
export async function analyzeRows(sql: Sql): Promise<void> {
  await sql.exec("analyze import_rows");
}

/** The job's counts by status, counted from its rows: after staging, and where the stored summary is not enough. */
export async function summaryOf(sql: Sql, jobId: string): Promise<Summary> {
  const rows = await sql.query<{ status: RowStatus; n: number }>(
    "select status, count(*)::int as n from import_rows where job_id = $1 group by status",
    [jobId],
  );
  const summary = emptySummary();
  for (const r of rows) {
    summary[r.status] = r.n;
    summary.total += r.n;
  }
  return summary;
}

/** Rows that block a commit: errors, and potential matches nobody decided. */
export async function unresolved(sql: Sql, jobId: string): Promise<{ errors: number; pending: number }> {
  const [row] = await sql.query<{ errors: number; pending: number }>(
    `select count(*) filter (where status = 'error')::int as errors,
            count(*) filter (where status = 'potential_match')::int as pending
       from import_rows where job_id = $1`,
    [jobId],
  );
  return row ?? { errors: 0, pending: 0 };
}

/** Other rows of the job with the same USCC or normalised name (for re-checking an edited row). */
export async function rowsWithKeys(
  sql: Sql,
  jobId: string,
  rowNumber: number,
  usccKey: string | null,
  nameKey: string | null,
): Promise<{ rowNumber: number; usccKey: string | null; nameKey: string | null; isDuplicate: boolean }[]> {
  if (usccKey === null && nameKey === null) return [];
  return sql.query(
    `select row_number as "rowNumber", uscc_key as "usccKey", name_key as "nameKey",
            errors @> '[{"code": "duplicate_in_file"}]' as "isDuplicate"
       from import_rows
      where job_id = $1 and row_number <> $2 and (uscc_key = $3 or name_key = $4) order by row_number`,
    [jobId, rowNumber, usccKey, nameKey],
  );
}

/** Rows flagged as duplicates of `rowNumber`: to re-check once that row changes. */
export async function rowsDuplicating(sql: Sql, jobId: string, rowNumber: number): Promise<StoredRow[]> {
  return sql.query<StoredRow>(
    `select ${ROW_COLUMNS} from import_rows
      where job_id = $1 and status = 'error' and errors @> $2::jsonb order by row_number`,
    [jobId, JSON.stringify([{ code: "duplicate_in_file", params: { row: rowNumber } }])],
  );
}

/** Another row of the job that already updates `enterpriseId`. */
export async function rowTargeting(
  sql: Sql,
  jobId: string,
  rowNumber: number,
  enterpriseId: string,
): Promise<number | null> {
  const [row] = await sql.query<{ rowNumber: number }>(
    `select row_number as "rowNumber" from import_rows
      where job_id = $1 and row_number <> $2 and enterprise_id = $3 and status in ('match', 'unchanged')
      order by row_number limit 1`,
    [jobId, rowNumber, enterpriseId],
  );
  return row?.rowNumber ?? null;
}

/** Two rows writing the same USCC or the same enterprise: must never reach the registry. */
export async function conflictingRows(sql: Sql, jobId: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    `select (select count(*) from (select uscc_key from import_rows
                                     where job_id = $1 and status in ('new', 'match', 'unchanged')
                                       and uscc_key is not null
                                     group by uscc_key having count(*) > 1) u)::int
          + (select count(*) from (select enterprise_id from import_rows
                                     where job_id = $1 and status in ('match', 'unchanged')
                                     group by enterprise_id having count(*) > 1) e)::int as n`,
    [jobId],
  );
  return row?.n ?? 0;
}

/** Records which enterprise each committed row created. */
export async function setEnterpriseIds(
  sql: Sql,
  jobId: string,
  pairs: { rowNumber: number; enterpriseId: string }[],
): Promise<void> {
  if (pairs.length === 0) return;
  await sql.query(
    `update import_rows r set enterprise_id = t.id
       from unnest($2::int[], $3::uuid[]) as t(row_number, id)
      where r.job_id = $1 and r.row_number = t.row_number`,
    [jobId, pairs.map((p) => p.rowNumber), pairs.map((p) => p.enterpriseId)],
  );
}

export async function deleteRows(sql: Sql, jobId: string): Promise<void> {
  await sql.query("delete from import_rows where job_id = $1", [jobId]);
}

/** Many audit entries in one statement, like writeAudit's one. */
export async function writeAuditBatch(sql: Sql, actor: Actor | null, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  await sql.query(
    `insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, before, after)
     select $1::uuid, $2::text, * from unnest($3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[])`,
    [
      actor?.userId ?? null,
      actor ? `${actor.displayName} (${actor.username})` : "system",
      records.map((r) => r.action),
      records.map((r) => r.entityType),
      records.map((r) => r.entityId),
      records.map((r) => json(r.before)),
      records.map((r) => json(r.after)),
    ],
  );
}

/** What a commit wrote, as its audit entry records it. */
export async function commitCounts(sql: Sql, jobId: string): Promise<{ created: number; updated: number }> {
  const [row] = await sql.query<{ created: number; updated: number }>(
    `select coalesce((after->>'created')::int, 0) as created, coalesce((after->>'updated')::int, 0) as updated
       from audit_log where action = 'import.commit' and entity_type = 'import' and entity_id = $1
      order by id desc limit 1`,
    [jobId],
  );
  return row ?? { created: 0, updated: 0 };
}
