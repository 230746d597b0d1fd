import { setTimeout as delay } from "node:timers/promises";
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { REGISTRY_EDITORS } from "../../platform/access.ts";
import { AppError } from "../../platform/errors.ts";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import * as repo from "./repo.ts";
import {
  ImportDecision,
  ImportJob,
  ImportParams,
  ImportRow,
  ImportRowEdit,
  ImportRowParams,
  ImportRowsQuery,
  ImportUpload,
} from "./schemas.ts";
import * as service from "./service.ts";

const tags = ["imports"];
/** Who may import lists into the registry: the registry's editors. */
const access = REGISTRY_EDITORS;
/** A job left parsing or committing this long was stopped with its server. */
const STALE_MINUTES = 30;
/** How long an upload waits for a small file's preview before answering 202 with the job as it is. */
const SMALL_FILE_WAIT_MS = 300;

async function readUpload(req: FastifyRequest, maxBytes: number): Promise<service.UploadedFile> {
  const limitMb = Math.round(maxBytes / (1024 * 1024));
  const tooLarge = () =>
    new AppError("FILE_TOO_LARGE", { limit: limitMb }, [
      { field: "file", code: "file_too_large", params: { limit: limitMb } },
    ]);
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await req.file();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") throw new AppError("IMPORT_NO_FILE");
    throw err;
  }
  if (part?.fieldname !== "file") throw new AppError("IMPORT_NO_FILE");
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    throw err;
  }
  if (part.file.truncated || buffer.length > maxBytes) throw tooLarge();
  return { filename: part.filename, buffer };
}

export async function importRoutes(app: App, { db, config }: ModuleDeps) {
  await repo.failStaleJobs(db, STALE_MINUTES).catch(() => 0);
  app.addHook("onClose", () => service.whenIdle());

  app.post(
    "/api/v1/imports",
    {
      config: { access },
      // The multipart body is read by the handler; the schema documents it.
      validatorCompiler: () => () => true,
      schema: {
        tags,
        summary:
          "Upload an enterprise list (XLSX or CSV with Chinese headers); matching runs in the background",
        description:
          "Checks the file as a whole first: 413 FILE_TOO_LARGE, 415 UNSUPPORTED_FILE, 422 FILE_CORRUPT, " +
          "IMPORT_NO_HEADER, IMPORT_UNKNOWN_COLUMNS, IMPORT_EMPTY, 413 IMPORT_TOO_MANY_ROWS create nothing. " +
          "Then 202 with the job; poll GET /api/v1/imports/{id} until its status leaves `parsing`.",
        consumes: ["multipart/form-data"],
        body: ImportUpload,
        response: { 202: ImportJob },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req, config.maxUploadBytes);
      const { job, done } = await service.startImport(db, actorOf(req), file);
      await Promise.race([done.catch(() => {}), delay(SMALL_FILE_WAIT_MS)]);
      const current = (await repo.getJob(db, job.id)) ?? job;
      return reply.status(202).send(service.jobView(current, req.locale));
    },
  );

  app.get(
    "/api/v1/imports",
    {
      config: { access },
      schema: {
        tags,
        summary: "The latest 50 imports",
        response: { 200: Type.Object({ items: Type.Array(ImportJob) }) },
      },
    },
    async (req) => ({ items: (await service.listJobs(db)).map((j) => service.jobView(j, req.locale)) }),
  );

  app.get(
    "/api/v1/imports/:id",
    {
      config: { access },
      schema: {
        tags,
        summary: "One import: status, progress and row counts",
        params: ImportParams,
        response: { 200: ImportJob },
      },
    },
    async (req) => service.jobView(await service.getJob(db, req.params.id), req.locale),
  );

  app.get(
    "/api/v1/imports/:id/rows",
    {
      config: { access },
      schema: {
        tags,
        summary: "Rows of an import in file order, optionally of one status",
        params: ImportParams,
        querystring: ImportRowsQuery,
        response: { 200: Type.Object({ items: Type.Array(ImportRow), total: Type.Integer() }) },
      },
    },
    async (req) => {
      const { status, page, pageSize } = req.query;
      const { items, total } = await service.listRows(db, req.params.id, {
        status: status as repo.RowStatus | undefined,
        page,
        pageSize,
      });
      return { items: items.map((r) => service.rowView(r, req.locale)), total };
    },
  );

  app.put(
    "/api/v1/imports/:id/rows/:rowNumber",
    {
      config: { access },
      schema: {
        tags,
        summary: "Correct cells of a row; it is validated and matched again",
        params: ImportRowParams,
        body: ImportRowEdit,
        response: { 200: ImportRow },
      },
    },
    async (req) =>
      service.rowView(
        await service.editRow(db, req.params.id, req.params.rowNumber, req.body.data),
        req.locale,
      ),
  );

  app.post(
    "/api/v1/imports/:id/rows/:rowNumber/decision",
    {
      config: { access },
      schema: {
        tags,
        summary: "Confirm a potential match (to one of its candidates) or reject it (the row becomes new)",
        params: ImportRowParams,
        body: ImportDecision,
        response: { 200: ImportRow },
      },
    },
    async (req) =>
      service.rowView(
        await service.decideRow(
          db,
          req.params.id,
          req.params.rowNumber,
          req.body.decision,
          req.body.enterpriseId,
        ),
        req.locale,
      ),
  );

  app.post(
    "/api/v1/imports/:id/accept-suggestions",
    {
      config: { access },
      schema: {
        tags,
        summary: "Confirm every undecided potential match to its best-scoring candidate, in one transaction",
        description:
          "For a job in preview (409 IMPORT_STATE otherwise). A row whose best candidate another row already " +
          "updates stays a potential match, for a person to decide. Returns the job with its new counts; one " +
          "audit entry (`import.accept_suggestions`) records how many rows were confirmed.",
        params: ImportParams,
        response: { 200: ImportJob },
      },
    },
    async (req) => {
      const { job } = await service.acceptBestCandidates(db, req.params.id, actorOf(req));
      return service.jobView(job, req.locale);
    },
  );

  app.post(
    "/api/v1/imports/:id/commit",
    {
      config: { access },
      schema: {
        tags,
        summary: "Write the import to the registry, all or nothing (in the background)",
        description:
          "422 IMPORT_UNRESOLVED while rows with errors or undecided potential matches remain. Otherwise 202; the " +
          "job becomes committed, or failed with its error and nothing written.",
        params: ImportParams,
        response: { 202: ImportJob },
      },
    },
    async (req, reply) => {
      const { job } = await service.startCommit(db, actorOf(req), req.params.id);
      return reply.status(202).send(service.jobView(job, req.locale));
    },
  );

  app.delete(
    "/api/v1/imports/:id",
    {
      config: { access },
      schema: {
        tags,
        summary: "Cancel an import that is not committed; its staged rows are removed",
        params: ImportParams,
        response: { 200: ImportJob },
      },
    },
    async (req) => service.jobView(await service.cancelImport(db, actorOf(req), req.params.id), req.locale),
  );
}
