import { Type } from "@sinclair/typebox";
import type { Role } from "../../platform/access.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { IdParams, Page } from "../../platform/schemas.ts";
import { LabourCheckBody, LabourCheckResultSchema } from "../labour/schemas.ts";
import { DEFAULT_COUNTY } from "../labour/service.ts";
import {
  EVALUATION_OWNER_TYPES,
  readAttachment,
  readAttachmentUpload,
  sendAttachment,
  sniffMimeType,
  storeAttachment,
} from "../lots/attachments.ts";
import {
  createAssessment,
  listAssessments,
  loadAssessment,
  moveStage,
  patchAssessment,
  rescore,
  saveAnswers,
  stageRole,
} from "./assessments.ts";
import { assessmentDetail, programmeOverview } from "./detail.ts";
import { capStep, createFinding, labourCheckInAssessment, overdueCapItems } from "./findings.ts";
import { enterpriseRatings } from "./ratings.ts";
import {
  AnswersBody,
  Assessment,
  AssessmentCreateBody,
  AssessmentListQuery,
  AssessmentPatchBody,
  CapActionBody,
  EnterpriseRating,
  ExportQuery,
  Finding,
  FindingBody,
  PagingQuery,
  ProgrammeQuery,
  RatingsQuery,
  StageBody,
  SystemDetailSchema,
  SystemSummary,
  SystemValidateBody,
  SystemValidation,
  SystemVersionBody,
  SystemWrite,
} from "./schemas.ts";
import {
  createSystem,
  createVersion,
  exportSystem,
  getSystem,
  listSystems,
  publishSystemRow,
  updateSystem,
  validateDefinition,
} from "./systems.ts";

const tags = ["evaluations"];

/** Staff read systems; enterprises see the system of their own assessments through the assessment. */
export const SYSTEM_READERS: Role[] = ["admin", "regulator", "inspector", "lab", "association"];
/** Who edits and publishes systems: administrators and the industry association that runs the programmes. */
export const SYSTEM_EDITORS: Role[] = ["admin", "association"];
/** Who opens assessments: the association (auditor), the regulator and administrators. */
export const ASSESSMENT_CREATORS: Role[] = ["admin", "regulator", "association"];
/** Everyone with a part in an assessment; the handler decides by the stage machine (inspectors when assigned). */
export const ASSESSMENT_ACTORS: Role[] = ["admin", "regulator", "association", "inspector", "enterprise"];
export const ASSESSMENT_READERS: Role[] = [
  "admin",
  "regulator",
  "inspector",
  "lab",
  "association",
  "enterprise",
];
/** Auditor-side steps (findings, scoring, labour checks): the handler requires the assessment's auditor. */
export const AUDIT_ACTORS: Role[] = ["admin", "regulator", "association", "inspector"];

function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function evaluationRoutes(app: App, { db }: ModuleDeps) {
  // ---- systems ----
  app.get(
    "/api/v1/evaluation-systems",
    {
      config: { access: SYSTEM_READERS },
      schema: {
        tags,
        summary: "Evaluation systems, every version (the four shipped ones are published on first use)",
        response: { 200: Type.Object({ items: Type.Array(SystemSummary) }) },
      },
    },
    async () => ({ items: await listSystems(db) }),
  );

  app.get(
    "/api/v1/evaluation-systems/:id",
    {
      config: { access: SYSTEM_READERS },
      schema: {
        tags,
        summary: "One system version with its definition and validation issues",
        params: IdParams,
        response: { 200: SystemDetailSchema },
      },
    },
    async (req) => getSystem(db, req.params.id, req.locale),
  );

  app.post(
    "/api/v1/evaluation-systems/validate",
    {
      config: { access: SYSTEM_EDITORS },
      schema: {
        tags,
        summary: "Dry run of a save: the issues of a definition (object or JSON/YAML text), nothing stored",
        description:
          "The same checks as POST and PUT, answered 200 with every issue (errors and warnings, each with its path " +
          "and its message in Chinese and English). `as` also returns the definition as JSON or YAML text.",
        body: SystemValidateBody,
        response: { 200: SystemValidation },
      },
    },
    async (req) => {
      if (req.body.definition === undefined && req.body.text === undefined)
        throw validationError([{ field: "definition", code: "required" }]);
      return validateDefinition(req.body, req.locale);
    },
  );

  app.post(
    "/api/v1/evaluation-systems/:id/versions",
    {
      config: { access: SYSTEM_EDITORS },
      schema: {
        tags,
        summary: "A new draft version copied from this one (a published version is frozen: change a copy)",
        description:
          "The version label given, or the next free one (2024.1 → 2024.2). 409 EVALUATION_SYSTEM_EXISTS when " +
          "the label given exists.",
        params: IdParams,
        body: SystemVersionBody,
        response: { 201: SystemDetailSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createVersion(db, actorOf(req), req.params.id, req.body, req.locale)),
  );

  app.post(
    "/api/v1/evaluation-systems",
    {
      config: { access: SYSTEM_EDITORS },
      schema: {
        tags,
        summary: "Create a draft system version (an object, or imported JSON/YAML text)",
        description:
          "The definition goes through parseSystem (syntax, shape, validateEvaluationSystem): any error refuses it " +
          "with 422 EVALUATION_SYSTEM_INVALID and a field per issue (definition.sections[0].weight …: weights that " +
          "do not add up, overlapping level bands …). The status is forced to draft. 409 EVALUATION_SYSTEM_EXISTS " +
          "when the code and version exist.",
        body: SystemWrite,
        response: { 201: SystemDetailSchema },
      },
    },
    async (req, reply) => {
      if (req.body.definition === undefined && req.body.text === undefined)
        throw validationError([{ field: "definition", code: "required" }]);
      return reply.status(201).send(await createSystem(db, actorOf(req), req.body, req.locale));
    },
  );

  app.put(
    "/api/v1/evaluation-systems/:id",
    {
      config: { access: SYSTEM_EDITORS },
      schema: {
        tags,
        summary:
          "Replace a draft's definition; a published version is refused (409 EVALUATION_SYSTEM_PUBLISHED)",
        params: IdParams,
        body: SystemWrite,
        response: { 200: SystemDetailSchema },
      },
    },
    async (req) => {
      if (req.body.definition === undefined && req.body.text === undefined)
        throw validationError([{ field: "definition", code: "required" }]);
      return updateSystem(db, actorOf(req), req.params.id, req.body, req.locale);
    },
  );

  app.post(
    "/api/v1/evaluation-systems/:id/publish",
    {
      config: { access: SYSTEM_EDITORS },
      schema: {
        tags,
        summary:
          "Publish a draft: frozen from then on (422 EVALUATION_SYSTEM_INVALID with the issues' paths as fields)",
        params: IdParams,
        response: { 200: SystemDetailSchema },
      },
    },
    async (req) => publishSystemRow(db, actorOf(req), req.params.id, req.locale),
  );

  app.get(
    "/api/v1/evaluation-systems/:id/export",
    {
      config: { access: SYSTEM_READERS },
      schema: {
        tags,
        summary: "Download a system version as JSON or YAML",
        params: IdParams,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const { filename, body } = await exportSystem(db, req.params.id, req.query.format);
      return reply
        .header(
          "content-type",
          req.query.format === "yaml" ? "application/yaml; charset=utf-8" : "application/json; charset=utf-8",
        )
        .header("content-disposition", disposition(filename))
        .send(body);
    },
  );

  // ---- assessments ----
  app.get(
    "/api/v1/assessments",
    {
      config: { access: ASSESSMENT_READERS },
      schema: {
        tags,
        summary: "Assessments (an enterprise user sees its own)",
        querystring: AssessmentListQuery,
        response: { 200: Page(Assessment) },
      },
    },
    async (req) => listAssessments(db, actorOf(req), req.query),
  );

  app.post(
    "/api/v1/assessments",
    {
      config: { access: ASSESSMENT_CREATORS },
      schema: {
        tags,
        summary: "Open an assessment of an enterprise on a published system version (stage draft)",
        body: AssessmentCreateBody,
        response: { 201: Assessment },
      },
    },
    async (req, reply) => reply.status(201).send(await createAssessment(db, actorOf(req), req.body)),
  );

  app.get(
    "/api/v1/assessments/:id",
    {
      config: { access: ASSESSMENT_READERS },
      schema: {
        tags,
        summary:
          "One assessment: system, answers, score, the actions offered to the caller, findings and CAP items",
        params: IdParams,
        response: { 200: Type.Unknown() },
      },
    },
    async (req) => assessmentDetail(db, actorOf(req), req.params.id),
  );

  app.patch(
    "/api/v1/assessments/:id",
    {
      config: { access: ASSESSMENT_CREATORS },
      schema: {
        tags,
        summary:
          "Auditors, bookings and the facts of the expert assessment (site visit, interviews, document review)",
        description:
          "Dates out of order (a site visit after the trial began, a re-assessment due before the visit, a visit in the future) are 400.",
        params: IdParams,
        body: AssessmentPatchBody,
        response: { 200: Assessment },
      },
    },
    async (req) => patchAssessment(db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/api/v1/assessments/:id/stage",
    {
      config: { access: ASSESSMENT_ACTORS },
      schema: {
        tags,
        summary: "Move the assessment by an action (or to a target stage) through the stage machine",
        description:
          "Refused moves are 409 EVALUATION_STAGE_REFUSED with a field naming the rules' refusal (stage_skipped, " +
          "role_not_allowed, self_assessment_incomplete, trial_too_short, cap_items_open, reason_required …).",
        params: IdParams,
        body: StageBody,
        response: { 200: Assessment },
      },
    },
    async (req) => moveStage(db, actorOf(req), req.params.id, req.body),
  );

  app.put(
    "/api/v1/assessments/:id/answers",
    {
      config: { access: ASSESSMENT_ACTORS },
      schema: {
        tags,
        summary: "Answer indicators: the enterprise its self-assessment, an auditor its (overruling) values",
        description:
          "400 EVALUATION_ANSWERS_INVALID with a field per bad answer (answers.<indicator>.value: wrong type, " +
          "unknown option, out of range; answers.<indicator>.overruleReason: reason_required); nothing is saved. " +
          "409 EVALUATION_STAGE_LOCKED outside the answering stages.",
        params: IdParams,
        body: AnswersBody,
        response: { 200: Assessment },
      },
    },
    async (req) => saveAnswers(db, actorOf(req), req.params.id, req.body.answers),
  );

  app.post(
    "/api/v1/assessments/:id/score",
    {
      config: { access: AUDIT_ACTORS },
      schema: {
        tags,
        summary: "Score the stored answers now (the auditor)",
        params: IdParams,
        response: { 200: Type.Unknown() },
      },
    },
    async (req) =>
      db.tx(async (sql) => {
        const actor = actorOf(req);
        const a = await loadAssessment(sql, actor, req.params.id, true);
        if (stageRole(actor, a) !== "auditor") throw new AppError("EVALUATION_NOT_AUDITOR");
        return rescore(sql, a);
      }),
  );

  app.post(
    "/api/v1/assessments/:id/findings",
    {
      config: { access: AUDIT_ACTORS },
      schema: {
        tags,
        summary: "Record a finding (a CAP item is opened with it)",
        params: IdParams,
        body: FindingBody,
        response: { 201: Finding },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createFinding(db, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    "/api/v1/assessments/:id/labour-check",
    {
      config: { access: AUDIT_ACTORS },
      bodyLimit: 64 * 1024 * 1024,
      validatorCompiler: () => (data: unknown) =>
        data === null || (typeof data === "object" && data !== null && "rows" in data),
      schema: {
        tags,
        summary:
          "Check the enterprise's timesheet inside the assessment: each rule breached becomes a finding",
        description:
          "JSON { county, rows } or a multipart XLSX/CSV upload (field file, optional field county) exactly as " +
          "POST /api/v1/labour/check. The check's metrics feed the system's computed indicators.",
        params: IdParams,
        body: LabourCheckBody,
        response: { 200: Type.Object({ check: LabourCheckResultSchema, findings: Type.Array(Finding) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (req.isMultipart()) {
        await loadAssessment(db, actor, req.params.id);
        const up = await readUpload(req);
        return labourCheckInAssessment(
          db,
          actor,
          req.params.id,
          { kind: "file", filename: up.filename, content: up.content },
          up.county ?? DEFAULT_COUNTY,
        );
      }
      const body = req.body as { county?: unknown; rows?: unknown } | null;
      if (!body || typeof body.county !== "string" || !Array.isArray(body.rows))
        throw validationError([{ field: "rows", code: "required" }]);
      return labourCheckInAssessment(
        db,
        actor,
        req.params.id,
        { kind: "json", rows: body.rows },
        body.county,
      );
    },
  );

  app.post(
    "/api/v1/assessments/:id/attachments",
    {
      config: { access: ASSESSMENT_ACTORS },
      validatorCompiler: () => () => true,
      schema: {
        tags,
        summary: "Upload an evidence file (multipart field file); answer a file indicator with its id",
        consumes: ["multipart/form-data"],
        params: IdParams,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const a = await loadAssessment(db, actor, req.params.id);
      if (stageRole(actor, a) === null) throw new AppError("FORBIDDEN");
      const upload = await readAttachmentUpload(req);
      const mimeType = sniffMimeType(upload.content, upload.filename);
      if (!mimeType) throw new AppError("ATTACHMENT_UNSUPPORTED");
      const stored = await db.tx((sql) =>
        storeAttachment(sql, actor, {
          ownerType: "evaluation_assessment",
          ownerId: a.id,
          filename: upload.filename,
          mimeType,
          content: upload.content,
        }),
      );
      return reply.status(201).send(stored);
    },
  );

  app.get(
    "/api/v1/evaluation-files/:id",
    {
      config: { access: ASSESSMENT_READERS },
      schema: {
        tags,
        summary: "Download an evidence file of an assessment or CAP item",
        description:
          "The assessment's enterprise and the staff who read assessments; anything else (another enterprise's " +
          "file, a file that is not evaluation evidence) is 404. The same rule as GET /api/v1/attachments/:id.",
        params: IdParams,
        querystring: Type.Object({ download: Type.Optional(Type.Boolean()) }),
      },
    },
    async (req, reply) =>
      sendAttachment(
        reply,
        await readAttachment(db, actorOf(req), req.params.id, EVALUATION_OWNER_TYPES),
        req.query.download,
      ),
  );

  // ---- CAP items ----
  app.post(
    "/api/v1/cap-items/:id/actions",
    {
      config: { access: ASSESSMENT_ACTORS },
      schema: {
        tags,
        summary:
          "A CAP step: submit (enterprise: rootCause, correctiveAction), accept / reject (comment), verify (verificationNote), close",
        description:
          "Refused steps are 409 EVALUATION_CAP_REFUSED with the field at fault (root_cause_missing, comment_missing …).",
        params: IdParams,
        body: CapActionBody,
        response: { 200: Finding },
      },
    },
    async (req) => capStep(db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/api/v1/cap-items/:id/attachments",
    {
      config: { access: ASSESSMENT_ACTORS },
      validatorCompiler: () => () => true,
      schema: {
        tags,
        summary: "Upload CAP evidence (multipart field file)",
        consumes: ["multipart/form-data"],
        params: IdParams,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const [item] = await db.query<{ enterpriseId: string }>(
        `select enterprise_id as "enterpriseId" from evaluation_cap_items where id = $1`,
        [req.params.id],
      );
      if (!item || (actor.role === "enterprise" && item.enterpriseId !== actor.enterpriseId))
        throw new AppError("NOT_FOUND");
      const upload = await readAttachmentUpload(req);
      const mimeType = sniffMimeType(upload.content, upload.filename);
      if (!mimeType) throw new AppError("ATTACHMENT_UNSUPPORTED");
      const stored = await db.tx((sql) =>
        storeAttachment(sql, actor, {
          ownerType: "evaluation_cap",
          ownerId: req.params.id,
          filename: upload.filename,
          mimeType,
          content: upload.content,
        }),
      );
      return reply.status(201).send(stored);
    },
  );

  app.get(
    "/api/v1/cap-items/overdue",
    {
      config: { access: ASSESSMENT_READERS },
      schema: {
        tags,
        summary: "CAP items past their deadline that the enterprise still owes",
        querystring: PagingQuery,
        response: { 200: Page(Finding) },
      },
    },
    async (req) => overdueCapItems(db, actorOf(req), req.query),
  );

  app.get(
    "/api/v1/evaluation-ratings",
    {
      config: { access: ASSESSMENT_READERS },
      schema: {
        tags,
        summary:
          "An enterprise's evaluation results for its record: each assessment not cancelled, its stage and the level given",
        description:
          "Latest first, at most 50. level, levelName and percent are null until the assessment is rated. An enterprise " +
          "user asking about another enterprise gets 404 NOT_FOUND.",
        querystring: RatingsQuery,
        response: { 200: Type.Object({ items: Type.Array(EnterpriseRating) }) },
      },
    },
    async (req) => enterpriseRatings(db, actorOf(req), req.query.enterpriseId),
  );

  app.get(
    "/api/v1/evaluation-programme",
    {
      config: { access: ASSESSMENT_READERS },
      schema: {
        tags,
        summary:
          "The programme: each enterprise's latest assessment and stage, ratings by year, open findings by element, CAP overdue",
        description:
          "enterprises is a page of the latest assessments (not cancelled), filtered by stage, level and q (the " +
          "enterprise's name, pinyin, initials or USCC) and sorted (default name); enterpriseCount counts them all.",
        querystring: ProgrammeQuery,
        response: { 200: Type.Unknown() },
      },
    },
    async (req) => programmeOverview(db, actorOf(req), req.query),
  );
}

async function readUpload(req: import("fastify").FastifyRequest) {
  const part = await req.file({ limits: { fileSize: 64 * 1024 * 1024, files: 1 } });
  if (part?.fieldname !== "file") throw validationError([{ field: "file", code: "required" }]);
  const content = await part.toBuffer();
  if (part.file.truncated) throw new AppError("FILE_TOO_LARGE", { limit: 64 });
  const c = part.fields.county;
  const f = Array.isArray(c) ? c[0] : c;
  const county =
    f && f.type === "field" && typeof f.value === "string" && f.value.trim() ? f.value.trim() : undefined;
  return { filename: part.filename, content, county };
}
