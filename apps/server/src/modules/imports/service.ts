import { normaliseEnterpriseName } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { type AuditRecord, changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, ERRORS, type ErrorCode, type FieldIssue, fieldMessage } from "../../platform/errors.ts";
import { type Bilingual, type Locale, say } from "../../platform/i18n.ts";
import * as enterpriseRepo from "../enterprises/repo.ts";
import type { Enterprise, EnterpriseCreate } from "../enterprises/schemas.ts";
import { toRow } from "../enterprises/service.ts";
import {
  applyValues,
  type Candidate,
  type Classification,
  changedFieldsOf,
  classify,
  loadRegistry,
  type MatchFields,
  type Registry,
} from "./classify.ts";
import { IMPORT_FIELDS } from "./columns.ts";
import { type ParsedTable, parseTable } from "./parse.ts";
import * as repo from "./repo.ts";
import type { ImportJob, ImportRow } from "./schemas.ts";
import {
  DuplicateTracker,
  type RowData,
  type RowValues,
  TownLookup,
  type ValidatedRow,
  validateRow,
} from "./validate.ts";

// The use cases of a list import: upload (parse, validate, match in the background), look at the preview, fix
// rows, decide potential matches, commit all-or-nothing, cancel.

/** Rows are staged, matched and committed this many at a time; progress is written after each batch. */
export const BATCH = 1000;

/** A job of at least this many rows is followed by ANALYZE of the staged rows (see repo.analyzeRows). */
export const ANALYZE_AFTER_ROWS = 5000;

export type Progress = (done: number, total: number) => void;

// ---- background work ----

const running = new Set<Promise<unknown>>();

/** Runs work after the response, in this process; failures are the work's own to record. */
function inBackground(work: Promise<unknown>): void {
  const p = work.catch(() => {}).finally(() => running.delete(p));
  running.add(p);
}

/** Resolves when no import work is running (server shutdown, tests). */
export async function whenIdle(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}

// ---- views ----

/** A job's status in words, as messages say it. */
export const JOB_STATUS_TEXT: Record<repo.JobStatus, Bilingual> = {
  parsing: { zh: "解析中", en: "being parsed" },
  preview: { zh: "待确认", en: "in preview" },
  committing: { zh: "提交中", en: "being committed" },
  committed: { zh: "已提交", en: "committed" },
  failed: { zh: "失败", en: "failed" },
  cancelled: { zh: "已取消", en: "cancelled" },
};

/** The job is not in a status that allows the action. */
export const stateError = (status: repo.JobStatus) =>
  new AppError("IMPORT_STATE", { status: JOB_STATUS_TEXT[status] });

export function jobView(job: repo.JobRecord, locale: Locale): ImportJob {
  let error: ImportJob["error"] = null;
  if (job.error) {
    const code = (job.error.code in ERRORS ? job.error.code : "INTERNAL") as ErrorCode;
    error = { code, message: say(ERRORS[code], locale, job.error.params ?? {}) };
  }
  return {
    id: job.id,
    filename: job.filename,
    status: job.status,
    progress: { done: job.progressDone, total: job.progressTotal },
    summary: { ...repo.emptySummary(), ...job.summary },
    error,
    createdAt: job.createdAt,
    createdBy: job.createdBy,
  };
}

export function rowView(row: repo.StoredRow, locale: Locale): ImportRow {
  return {
    rowNumber: row.rowNumber,
    status: row.status,
    // In column order (jsonb keeps its own key order).
    data: Object.fromEntries(IMPORT_FIELDS.flatMap((f) => (f in row.data ? [[f, row.data[f] ?? null]] : []))),
    errors: row.errors.map((e) => ({ field: e.field, code: e.code, message: fieldMessage(e, locale) })),
    candidates: row.candidates,
    decision: row.decision,
    enterpriseId: row.enterpriseId,
  };
}

// ---- row evaluation (shared by upload, edit and decision) ----

async function townLookup(sql: Sql): Promise<TownLookup> {
  return new TownLookup(await enterpriseRepo.townNames(sql));
}

async function importFields(sql: Sql, ids: string[]): Promise<Map<string, MatchFields>> {
  const records = await enterpriseRepo.loadImportFields(sql, ids);
  return new Map(records.map((r) => [r.id, r]));
}

const needsUscc = (): FieldIssue => ({ field: "uscc", code: "uscc_required_for_new" });

/** A row that stands as a new enterprise: it must bring its USCC. */
function asNew(
  v: ValidatedRow,
  base: Pick<repo.StoredRow, "rowNumber" | "candidates" | "decision">,
): repo.StoredRow {
  const stored = { ...base, data: v.data, usccKey: v.usccKey, nameKey: v.nameKey, enterpriseId: null };
  return v.usccKey
    ? { ...stored, status: "new", errors: [] }
    : { ...stored, status: "error", errors: [needsUscc()] };
}

/**
 * The values a matched row writes. A row a person confirmed was found by its name, which differs from the
 * registry's (a short or older form): the name identified the enterprise and is not an update.
 */
function writable(values: RowValues, decision: repo.Decision | null): RowValues {
  if (decision !== "confirm") return values;
  const { name: _name, ...rest } = values;
  return rest;
}

/** A row that is `record`: unchanged when it says nothing new, else a match that updates what it says. */
function asMatch(
  v: ValidatedRow,
  record: MatchFields & { id: string },
  base: Pick<repo.StoredRow, "rowNumber" | "candidates" | "decision">,
): repo.StoredRow {
  const changed = changedFieldsOf(writable(v.values, base.decision), record);
  return {
    ...base,
    status: changed.length > 0 ? "match" : "unchanged",
    data: v.data,
    errors: [],
    enterpriseId: record.id,
    usccKey: v.usccKey,
    nameKey: v.nameKey,
  };
}

function asError(v: ValidatedRow, rowNumber: number, issues: FieldIssue[]): repo.StoredRow {
  return {
    rowNumber,
    status: "error",
    data: v.data,
    errors: issues,
    candidates: [],
    decision: null,
    enterpriseId: null,
    usccKey: v.usccKey,
    nameKey: v.nameKey,
  };
}

/** The status of a validated row from its classification; `records` holds the USCC-matched enterprises. */
function settle(
  rowNumber: number,
  v: ValidatedRow,
  issues: FieldIssue[],
  cls: Classification | null,
  records: Map<string, MatchFields>,
): repo.StoredRow {
  if (issues.length > 0 || cls === null) return asError(v, rowNumber, issues);
  const base = { rowNumber, candidates: [] as Candidate[], decision: null };
  if (cls.status === "match") {
    const record = records.get(cls.enterpriseId);
    if (record) return asMatch(v, { ...record, id: cls.enterpriseId }, base);
    return asNew(v, base);
  }
  if (cls.status === "potential_match")
    return {
      ...base,
      status: "potential_match",
      data: v.data,
      errors: [],
      candidates: cls.candidates,
      enterpriseId: null,
      usccKey: v.usccKey,
      nameKey: v.nameKey,
    };
  return asNew(v, base);
}

/** Validates, checks duplicates inside the file, matches and compares one batch of rows. */
async function evaluateBatch(
  sql: Sql,
  rows: ParsedTable["rows"],
  ctx: { registry: Registry; towns: TownLookup; duplicates: DuplicateTracker },
): Promise<repo.StoredRow[]> {
  const evaluated = rows.map((r) => {
    const v = validateRow(r.data, ctx.towns);
    const dup = ctx.duplicates.check(r.rowNumber, v.usccKey, v.nameKey);
    const issues = dup ? [...v.issues, dup] : v.issues;
    const cls = issues.length === 0 ? classify(v.values, ctx.registry) : null;
    return { rowNumber: r.rowNumber, v, issues, cls };
  });
  const matched = evaluated.flatMap((e) => (e.cls?.status === "match" ? [e.cls.enterpriseId] : []));
  const records = await importFields(sql, matched);
  return evaluated.map((e) => settle(e.rowNumber, e.v, e.issues, e.cls, records));
}

// ---- upload ----

export interface UploadedFile {
  filename: string;
  buffer: Buffer;
}

/**
 * Reads the file (format, header, rows: any problem with the file as a whole throws before anything is created),
 * creates the job, and starts validating and matching its rows. `done` settles when the preview is ready.
 */
export async function startImport(
  db: Db,
  actor: Actor,
  file: UploadedFile,
  opts: { onProgress?: Progress } = {},
): Promise<{ job: repo.JobRecord; done: Promise<repo.JobRecord> }> {
  const table = await parseTable(file.buffer);
  const job = await repo.insertJob(db, {
    filename: file.filename.slice(0, 255) || "import",
    format: table.format,
    total: table.rows.length,
    createdBy: actor.userId,
  });
  const done = prepareRows(db, job.id, table, opts.onProgress);
  inBackground(done);
  return { job, done };
}

async function prepareRows(
  db: Db,
  jobId: string,
  table: ParsedTable,
  onProgress?: Progress,
): Promise<repo.JobRecord> {
  const total = table.rows.length;
  try {
    const [registry, towns] = await Promise.all([loadRegistry(db), townLookup(db)]);
    const ctx = { registry, towns, duplicates: new DuplicateTracker() };
    onProgress?.(0, total);
    for (let start = 0; start < total; start += BATCH) {
      const batch = table.rows.slice(start, start + BATCH);
      await repo.insertRows(db, jobId, await evaluateBatch(db, batch, ctx));
      const done = start + batch.length;
      if (!(await repo.setProgress(db, jobId, "parsing", done))) {
        // Cancelled meanwhile: the cancel removed the rows staged so far, remove the last batch too.
        await repo.deleteRows(db, jobId);
        return (await repo.getJob(db, jobId)) as repo.JobRecord;
      }
      onProgress?.(done, total);
    }
    if (total >= ANALYZE_AFTER_ROWS) await repo.analyzeRows(db);
    // Counted once from the rows; edits and decisions then keep it up to date (repo.shiftSummary).
    const summary = await repo.summaryOf(db, jobId);
    const job = await repo.transition(db, jobId, ["parsing"], "preview", { summary, progressDone: total });
    return job ?? ((await repo.getJob(db, jobId)) as repo.JobRecord);
  } catch (err) {
    await repo.deleteRows(db, jobId).catch(() => {});
    const job = await repo.transition(db, jobId, ["parsing"], "failed", { error: jobError(err) });
    if (job) return job;
    throw err;
  }
}

function jobError(err: unknown): repo.JobRecord["error"] {
  if (err instanceof AppError) return { code: err.code, params: err.params };
  const e = err as { code?: string; constraint?: string; detail?: string };
  // Someone registered one of the new USCCs while the commit ran: the unique index says so.
  if (e.code === "23505" && (e.constraint === "enterprises_uscc_key" || /\(uscc\)/.test(e.detail ?? ""))) {
    const uscc = /=\((\w+)\)/.exec(e.detail ?? "")?.[1] ?? "";
    return { code: "USCC_TAKEN", params: { uscc } };
  }
  console.error("import failed:", err);
  return { code: "INTERNAL" };
}

// ---- reading ----

export async function getJob(sql: Sql, id: string): Promise<repo.JobRecord> {
  const job = await repo.getJob(sql, id);
  if (!job) throw new AppError("NOT_FOUND");
  return job;
}

export async function listJobs(sql: Sql): Promise<repo.JobRecord[]> {
  return repo.listJobs(sql, 50);
}

export async function listRows(
  sql: Sql,
  id: string,
  query: { status?: repo.RowStatus; page: number; pageSize: number },
) {
  await getJob(sql, id);
  return repo.listRows(sql, id, query.status, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
}

// ---- preview edits ----

async function lockPreview(sql: Sql, id: string): Promise<repo.JobRecord> {
  const job = await repo.getJob(sql, id, true);
  if (!job) throw new AppError("NOT_FOUND");
  if (job.status !== "preview") throw stateError(job.status);
  return job;
}

async function lockedRow(sql: Sql, id: string, rowNumber: number): Promise<repo.StoredRow> {
  const row = await repo.getRow(sql, id, rowNumber);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/**
 * Re-evaluates one row of a job in preview against the other rows and the registry. A row duplicates another
 * that holds the same USCC (or, when one lacks a USCC, the same name) and is not itself flagged a duplicate.
 */
async function reevaluate(
  sql: Sql,
  jobId: string,
  rowNumber: number,
  data: RowData,
  ctx: { registry: Registry; towns: TownLookup },
): Promise<repo.StoredRow> {
  const v = validateRow(data, ctx.towns);
  const issues = [...v.issues];
  for (const o of await repo.rowsWithKeys(sql, jobId, rowNumber, v.usccKey, v.nameKey)) {
    if (o.isDuplicate) continue;
    if (v.usccKey !== null && o.usccKey === v.usccKey) {
      issues.push({ field: "uscc", code: "duplicate_in_file", params: { row: o.rowNumber } });
      break;
    }
    if (v.nameKey !== null && o.nameKey === v.nameKey && (v.usccKey === null || o.usccKey === null)) {
      issues.push({ field: "name", code: "duplicate_in_file", params: { row: o.rowNumber } });
      break;
    }
  }
  const cls = issues.length === 0 ? classify(v.values, ctx.registry) : null;
  if (cls?.status === "match") {
    const other = await repo.rowTargeting(sql, jobId, rowNumber, cls.enterpriseId);
    if (other !== null) {
      issues.push({ field: "uscc", code: "duplicate_in_file", params: { row: other } });
      return asError(v, rowNumber, issues);
    }
  }
  const records = await importFields(sql, cls?.status === "match" ? [cls.enterpriseId] : []);
  return settle(rowNumber, v, issues, cls, records);
}

/** Changes cells of a row (null clears one), then validates and matches it again; its decision is reset. */
export async function editRow(
  db: Db,
  id: string,
  rowNumber: number,
  data: Record<string, string | null | undefined>,
): Promise<repo.StoredRow> {
  const [registry, towns] = await Promise.all([loadRegistry(db), townLookup(db)]);
  const ctx = { registry, towns };
  return db.tx(async (sql) => {
    const job = await lockPreview(sql, id);
    const row = await lockedRow(sql, id, rowNumber);
    const merged: Record<string, string | null | undefined> = { ...row.data };
    for (const [k, v] of Object.entries(data)) if (v !== undefined) merged[k] = v;
    const updated = await reevaluate(sql, id, rowNumber, merged, ctx);
    await repo.updateRow(sql, id, updated);
    const changes: repo.StatusChange[] = [[row.status, updated.status]];
    // Rows flagged as duplicates of this one may be free now (or duplicate another row).
    for (const dup of await repo.rowsDuplicating(sql, id, rowNumber)) {
      const freed = await reevaluate(sql, id, dup.rowNumber, dup.data, ctx);
      await repo.updateRow(sql, id, freed);
      changes.push([dup.status, freed.status]);
    }
    await repo.setSummary(sql, id, repo.shiftSummary(job.summary, changes));
    return updated;
  });
}

/** Confirms a potential match to one of its candidates, or rejects them all (the row becomes new). */
export async function decideRow(
  db: Db,
  id: string,
  rowNumber: number,
  decision: repo.Decision,
  enterpriseId?: string,
): Promise<repo.StoredRow> {
  const towns = await townLookup(db);
  return db.tx(async (sql) => {
    const job = await lockPreview(sql, id);
    const row = await lockedRow(sql, id, rowNumber);
    if (row.candidates.length === 0) throw new AppError("IMPORT_NO_CANDIDATES");
    const v = validateRow(row.data, towns);
    if (v.issues.length > 0) throw new AppError("IMPORT_NO_CANDIDATES");
    const base = { rowNumber, candidates: row.candidates, decision };
    let updated: repo.StoredRow;
    if (decision === "reject") updated = asNew(v, base);
    else {
      if (!enterpriseId) throw new AppError("VALIDATION", {}, [{ field: "enterpriseId", code: "required" }]);
      if (!row.candidates.some((c) => c.enterpriseId === enterpriseId))
        throw new AppError("VALIDATION", {}, [{ field: "enterpriseId", code: "not_allowed" }]);
      const other = await repo.rowTargeting(sql, id, rowNumber, enterpriseId);
      if (other !== null)
        throw new AppError("VALIDATION", {}, [
          { field: "enterpriseId", code: "duplicate_in_file", params: { row: other } },
        ]);
      const record = (await importFields(sql, [enterpriseId])).get(enterpriseId);
      if (!record) throw new AppError("NOT_FOUND");
      updated = asMatch(v, { ...record, id: enterpriseId }, base);
    }
    await repo.updateRow(sql, id, updated);
    // The job is locked: its summary moves with this row, without counting the job's rows again.
    await repo.setSummary(sql, id, repo.shiftSummary(job.summary, [[row.status, updated.status]]));
    return updated;
  });
}

/** The candidate with the highest score; of equal ones the first (candidates are stored best first). */
export function bestCandidate(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) if (!best || c.score > best.score) best = c;
  return best;
}

/**
 * Confirms every undecided potential match to its best candidate, in bulk, inside the caller's transaction with
 * the job locked. A row whose best candidate another row already updates stays undecided, for a person to resolve.
 */
async function confirmBestCandidates(
  sql: Sql,
  id: string,
  towns: TownLookup,
): Promise<{ accepted: number; left: number; changes: repo.StatusChange[] }> {
  const targeted = new Set(await repo.targetedEnterprises(sql, id));
  const pending = await repo.rowsWithStatus(sql, id, "potential_match");
  const changes: repo.StatusChange[] = [];
  for (let i = 0; i < pending.length; i += BATCH) {
    const batch = pending.slice(i, i + BATCH);
    const records = await importFields(
      sql,
      batch.flatMap((r) => bestCandidate(r.candidates)?.enterpriseId ?? []),
    );
    const updates: repo.StoredRow[] = [];
    for (const row of batch) {
      const target = bestCandidate(row.candidates)?.enterpriseId;
      const record = target ? records.get(target) : undefined;
      if (!target || !record || targeted.has(target)) continue;
      const v = validateRow(row.data, towns);
      if (v.issues.length > 0) continue;
      targeted.add(target);
      const updated = asMatch(
        v,
        { ...record, id: target },
        { rowNumber: row.rowNumber, candidates: row.candidates, decision: "confirm" },
      );
      updates.push(updated);
      changes.push([row.status, updated.status]);
    }
    await repo.updateRowStatuses(sql, id, updates);
  }
  return { accepted: changes.length, left: pending.length - changes.length, changes };
}

/**
 * Accepts the suggestions of a job in preview (the console's "accept all suggestions", the CLI's
 * --accept-potential): every undecided potential match is confirmed to its best-scoring candidate, in one
 * transaction, with one audit entry for the job when any was (by `actor`; null records the system). `left` counts
 * the rows that stay undecided because their best candidate is already updated by another row.
 */
export async function acceptBestCandidates(
  db: Db,
  id: string,
  actor: Actor | null = null,
): Promise<{ job: repo.JobRecord; accepted: number; left: number }> {
  const towns = await townLookup(db);
  return db.tx(async (sql) => {
    const job = await lockPreview(sql, id);
    const { accepted, left, changes } = await confirmBestCandidates(sql, id, towns);
    if (accepted === 0) return { job, accepted, left };
    const summary = repo.shiftSummary(job.summary, changes);
    const updated = (await repo.setSummary(sql, id, summary)) as repo.JobRecord;
    await writeAudit(sql, actor, {
      action: "import.accept_suggestions",
      entityType: "import",
      entityId: id,
      before: { potential_match: accepted + left },
      after: {
        filename: job.filename,
        accepted,
        left,
        match: summary.match,
        unchanged: summary.unchanged,
        potential_match: summary.potential_match,
      },
    });
    return { job: updated, accepted, left };
  });
}

/** Stops a job that has not been committed; its staged rows are removed. */
export async function cancelImport(db: Db, actor: Actor, id: string): Promise<repo.JobRecord> {
  return db.tx(async (sql) => {
    const job = await repo.getJob(sql, id, true);
    if (!job) throw new AppError("NOT_FOUND");
    if (job.status === "committing" || job.status === "committed") throw stateError(job.status);
    if (job.status === "cancelled" || job.status === "failed") return job;
    const cancelled = (await repo.transition(sql, id, [job.status], "cancelled")) as repo.JobRecord;
    await repo.deleteRows(sql, id);
    await writeAudit(sql, actor, {
      action: "import.cancel",
      entityType: "import",
      entityId: id,
      before: { status: job.status },
      after: { status: "cancelled", filename: job.filename },
    });
    return cancelled;
  });
}

// ---- commit ----

/**
 * Starts the commit of a job in preview: refused while error rows or undecided potential matches remain. The
 * writing itself runs in the background (see `done`).
 */
export async function startCommit(
  db: Db,
  actor: Actor,
  id: string,
  opts: { onProgress?: Progress } = {},
): Promise<{ job: repo.JobRecord; done: Promise<repo.JobRecord> }> {
  const job = await db.tx(async (sql) => {
    await lockPreview(sql, id);
    const open = await repo.unresolved(sql, id);
    if (open.errors > 0 || open.pending > 0)
      throw new AppError("IMPORT_UNRESOLVED", { errors: open.errors, pending: open.pending });
    // Edits keep rows from sharing a USCC or an enterprise; this is the last guard before the registry.
    if ((await repo.conflictingRows(sql, id)) > 0)
      throw new AppError("IMPORT_UNRESOLVED", { errors: 1, pending: 0 });
    const summary = await repo.summaryOf(sql, id);
    return (await repo.transition(sql, id, ["preview"], "committing", {
      progressDone: 0,
      progressTotal: summary.new + summary.match,
    })) as repo.JobRecord;
  });
  const done = commitRows(db, actor, job, opts.onProgress);
  inBackground(done);
  return { job, done };
}

/** The audited shape of an enterprise, as the enterprises module records it. */
function auditView(e: Partial<Enterprise>): Record<string, unknown> {
  const { updatedAt: _u, createdAt: _c, townName: _t, ...rest } = e;
  return rest;
}

function createdView(id: string, row: enterpriseRepo.EnterpriseRow): Record<string, unknown> {
  return auditView({
    id,
    uscc: row.uscc,
    name: row.name,
    town: row.town,
    legalRepresentative: row.legalRepresentative,
    aboveScale: row.aboveScale,
    employees: row.employees,
    foundedOn: row.foundedOn,
    exportFlag: row.exportFlag,
    mainProducts: row.mainProducts,
    isSynthetic: row.isSynthetic,
    usccIsDemo: row.usccIsDemo,
    formerNames: row.formerNames,
    aliases: row.aliases,
    address: row.address,
    industryCode: row.industryCode,
    brands: [],
    contacts: [],
    certifications: [],
    honours: [],
  });
}

const SEARCH_INPUTS = ["uscc", "name", "aliases", "formerNames", "brands"] as const;

/**
 * The row an import's update writes: toRow's, except that the search tokens (jieba and pinyin, the costly part)
 * are kept as stored when no name and not the code changed, which is most updates. A test holds it to toRow.
 */
export function updatedRow(
  current: Enterprise,
  next: Enterprise,
): { row: enterpriseRepo.EnterpriseRow; keepSearchTokens: boolean } {
  const flags = {
    usccIsDemo: current.usccIsDemo && next.uscc === current.uscc,
    isSynthetic: current.isSynthetic,
  };
  if (SEARCH_INPUTS.some((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k])))
    return { row: toRow(next, flags), keepSearchTokens: false };
  const row: enterpriseRepo.EnterpriseRow = {
    uscc: next.uscc,
    usccIsDemo: flags.usccIsDemo,
    name: next.name.trim(),
    normalisedName: normaliseEnterpriseName(next.name),
    formerNames: next.formerNames,
    aliases: next.aliases,
    legalRepresentative: next.legalRepresentative ?? null,
    address: next.address ?? null,
    town: next.town ?? null,
    industryCode: next.industryCode ?? null,
    aboveScale: next.aboveScale ?? false,
    employees: next.employees ?? null,
    foundedOn: next.foundedOn ?? null,
    exportFlag: next.exportFlag ?? false,
    mainProducts: next.mainProducts ?? null,
    brands: next.brands,
    contacts: next.contacts,
    isSynthetic: flags.isSynthetic,
    searchTokens: [],
  };
  return { row, keepSearchTokens: true };
}

/** Writes every new and changed enterprise, their audit entries and the job's status in one transaction. */
async function commitRows(
  db: Db,
  actor: Actor,
  job: repo.JobRecord,
  onProgress?: Progress,
): Promise<repo.JobRecord> {
  const towns = await townLookup(db);
  try {
    return await db.tx(async (sql) => {
      const rows = await repo.rowsToCommit(sql, job.id);
      const total = rows.length;
      let done = 0;
      const progress = async () => {
        onProgress?.(done, total);
        // Other connections see progress only outside this transaction; PGlite has one connection.
        if (db.kind === "postgres") await repo.setProgress(db, job.id, "committing", done, total);
      };
      await progress();
      const values = (r: repo.StoredRow) => {
        const v = validateRow(r.data, towns);
        if (v.issues.length > 0) throw new AppError("CONFLICT");
        return writable(v.values, r.decision);
      };

      const fresh = rows.filter((r) => r.status === "new");
      const taken = await enterpriseRepo.takenUsccs(
        sql,
        fresh.flatMap((r) => (r.usccKey ? [r.usccKey] : [])),
      );
      if (taken.length > 0) throw new AppError("USCC_TAKEN", { uscc: taken[0] as string });
      let created = 0;
      for (let i = 0; i < fresh.length; i += BATCH) {
        const batch = fresh.slice(i, i + BATCH);
        const records = batch.map((r) =>
          toRow(values(r) as EnterpriseCreate, { usccIsDemo: false, isSynthetic: false }),
        );
        const ids = await enterpriseRepo.bulkInsertEnterprises(sql, records);
        await repo.writeAuditBatch(
          sql,
          actor,
          ids.map((eid, k) => ({
            action: "import.create",
            entityType: "enterprise",
            entityId: eid,
            after: createdView(eid, records[k] as enterpriseRepo.EnterpriseRow),
          })),
        );
        await repo.setEnterpriseIds(
          sql,
          job.id,
          batch.map((r, k) => ({ rowNumber: r.rowNumber, enterpriseId: ids[k] as string })),
        );
        created += ids.length;
        done += batch.length;
        await progress();
      }

      const changes = rows.filter((r) => r.status === "match" && r.enterpriseId);
      let updated = 0;
      for (let i = 0; i < changes.length; i += BATCH) {
        const batch = changes.slice(i, i + BATCH);
        const ids = batch.map((r) => r.enterpriseId as string);
        await enterpriseRepo.lockEnterprises(sql, ids);
        const before = new Map((await enterpriseRepo.loadEnterprises(sql, ids)).map((e) => [e.id, e]));
        const writes: { id: string; row: enterpriseRepo.EnterpriseRow; keepSearchTokens: boolean }[] = [];
        const audits: AuditRecord[] = [];
        for (const r of batch) {
          const current = before.get(r.enterpriseId as string);
          if (!current) throw new AppError("CONFLICT");
          const next = applyValues(current, values(r));
          const diff = changedFields(auditView(current), auditView(next));
          if (!diff) continue;
          writes.push({ id: current.id, ...updatedRow(current, next) });
          audits.push({ action: "import.update", entityType: "enterprise", entityId: current.id, ...diff });
        }
        await enterpriseRepo.bulkUpdateEnterprises(sql, writes);
        await repo.writeAuditBatch(sql, actor, audits);
        updated += writes.length;
        done += batch.length;
        await progress();
      }

      const summary = await repo.summaryOf(sql, job.id);
      await writeAudit(sql, actor, {
        action: "import.commit",
        entityType: "import",
        entityId: job.id,
        after: {
          filename: job.filename,
          created,
          updated,
          unchanged: summary.unchanged,
          rows: summary.total,
        },
      });
      const committed = await repo.transition(sql, job.id, ["committing"], "committed", {
        summary,
        progressDone: total,
        progressTotal: total,
      });
      if (!committed) {
        // Someone moved the job meanwhile (a restarted server marks a stale commit failed).
        const current = await repo.getJob(sql, job.id);
        throw stateError(current?.status ?? "failed");
      }
      return committed;
    });
  } catch (err) {
    const failed = await repo.transition(db, job.id, ["committing"], "failed", { error: jobError(err) });
    if (failed) return failed;
    throw err;
  }
}
