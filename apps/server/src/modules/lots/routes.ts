import { PassThrough } from "node:stream";
import { Type } from "@sinclair/typebox";
import type { Role } from "../../platform/access.ts";
import { AppError } from "../../platform/errors.ts";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { IdParams, Page } from "../../platform/schemas.ts";
import { attachToLot, readAttachment, readAttachmentUpload, sendAttachment } from "./attachments.ts";
import { declareLot } from "./declare.ts";
import { getLotDetail } from "./detail.ts";
import { EXPORT_MAX_ROWS, writeLotsXlsx } from "./export.ts";
import { recordInspection } from "./inspect.ts";
import { listDefectTypes } from "./inspections.ts";
import { iterateLots, listLots } from "./list.ts";
import { planForLot } from "./plan.ts";
import { getLot, lockLot, STATUS_WORDS } from "./read.ts";
import {
  Attachment,
  DefectType,
  InspectionCreate,
  InspectionPlan,
  InspectionRecorded,
  Lot,
  LotDeclare,
  LotDetail,
  LotFilters,
  LotListQuery,
  LotSummary,
  OPEN_STATUSES,
  ResumeBody,
  SwitchingParams,
  SwitchingQuery,
  SwitchingStateView,
  Task,
  TaskQuery,
} from "./schemas.ts";
import { listSwitchingStates, resumeInspection } from "./switching.ts";
import { claimLot, listTasks } from "./tasks.ts";
import { withdrawLot } from "./withdraw.ts";

const tags = ["lots"];

/** Who works with lots: the authority, inspectors, and enterprises (their own lots only). */
const LOT_READERS: Role[] = ["admin", "regulator", "inspector", "enterprise"];
const INSPECTORS: Role[] = ["admin", "regulator", "inspector"];
const AUTHORITY: Role[] = ["admin", "regulator"];
const ENTERPRISE: Role[] = ["enterprise"];

const DECLARE_DESCRIPTION = `Declares an export lot for the caller's enterprise and takes the supervision decision at once, in the same
transaction (docs/supervision.md): mode = supervisionMode(rule set in force, class in force, category risk); an approved
exemption in force → release; verification → release; general → the reproducible draw (seed "<rule set>/<day>", lot id =
declaration number); stringent → inspect; special → inspect in full. A released lot gets its release number at once.

Checks beyond the schema (400 VALIDATION with field errors): productCategory known; hsCode starts with one of the
category's HS prefixes (hs_code_category — an error, not a warning); destination an ISO 3166-1 alpha-2 code other than
CN; shipDate not before today (China time); selfInspection: defectsFound ≤ sampleSize ≤ lotSize, passed = true needs
sampleSize ≥ 1 and defectsFound ≤ Ac of the normal plan for the lot at the category's major AQL (else
self_passed_contradiction), passed = false with no defects needs a note. enterpriseId, when given, must be the caller's
own enterprise: 403 LOT_FOREIGN_ENTERPRISE, nothing written.`;

export async function lotRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/defect-types",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The garment defect taxonomy (category, default class)",
        response: { 200: Type.Object({ items: Type.Array(DefectType) }) },
      },
    },
    async () => ({ items: await listDefectTypes(db) }),
  );

  app.post(
    "/api/v1/lots",
    {
      config: { access: ENTERPRISE },
      schema: {
        tags,
        summary: "Declare an export lot; the decision (release or inspect) is taken at once",
        description: DECLARE_DESCRIPTION,
        body: LotDeclare,
        response: { 201: Lot },
      },
    },
    async (req, reply) => reply.status(201).send(await declareLot(db, actorOf(req), req.body)),
  );

  app.get(
    "/api/v1/lots",
    {
      config: { access: LOT_READERS },
      schema: {
        tags,
        summary: "List lots (an enterprise sees its own); newest first unless sorted",
        description:
          "q: a full declaration (BJ…) or release (FX…) number is an exact lookup; other text matches buyer, brand " +
          "or declaration number as a substring. The total is counted up to 10,000 (totalCapped beyond).",
        querystring: LotListQuery,
        response: {
          200: Type.Object({ ...Page(LotSummary).properties, totalCapped: Type.Boolean() }),
        },
      },
    },
    (req) => listLots(db, actorOf(req), req.query),
  );

  app.get(
    "/api/v1/lots/export",
    {
      config: { access: LOT_READERS },
      schema: {
        tags,
        summary: `Export the filtered list as XLSX (at most ${EXPORT_MAX_ROWS} rows)`,
        querystring: Type.Composite([LotFilters], { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      const stream = new PassThrough();
      const batches = iterateLots(db, actorOf(req), req.query, EXPORT_MAX_ROWS);
      writeLotsXlsx(batches, stream).catch((err) => stream.destroy(err));
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="lots-${stamp}.xlsx"`)
        .send(stream);
    },
  );

  app.get(
    "/api/v1/lots/:id",
    {
      config: { access: LOT_READERS },
      schema: {
        tags,
        summary: "One lot: declaration, decision, files, inspections, switching state",
        params: IdParams,
        response: { 200: LotDetail },
      },
    },
    (req) => getLotDetail(db, actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/lots/:id/withdraw",
    {
      config: { access: ENTERPRISE },
      schema: {
        tags,
        summary: "Withdraw one's own lot while it awaits its first inspection",
        params: IdParams,
        response: { 200: Lot },
      },
    },
    (req) => withdrawLot(db, actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/lots/:id/attachments",
    {
      config: { access: LOT_READERS },
      schema: {
        tags,
        summary: "Attach a file (image, PDF or XLSX, ≤ 5 MB) to a lot, one of its inspections or defects",
        description:
          "multipart/form-data with one file in the field `file`; optional fields (before the file, or in the " +
          "query string) inspectionId or defectId attach it to an inspection or a defect of this lot — staff " +
          "only; an enterprise attaches to its own lot (self-inspection reports). The type is read from the " +
          "file's content: 415 ATTACHMENT_UNSUPPORTED otherwise; 413 ATTACHMENT_TOO_LARGE over 5 MB.",
        consumes: ["multipart/form-data"],
        params: IdParams,
        querystring: Type.Object({
          inspectionId: Type.Optional(Type.String({ format: "uuid" })),
          defectId: Type.Optional(Type.String({ format: "uuid" })),
        }),
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      // The lot first: an unknown or foreign lot is 404 whatever was sent.
      await getLot(db, actor, req.params.id);
      const upload = await readAttachmentUpload(req);
      const target = {
        inspectionId: req.query.inspectionId ?? upload.fields.inspectionId,
        defectId: req.query.defectId ?? upload.fields.defectId,
      };
      const stored = await attachToLot(db, actor, req.params.id, upload, target);
      return reply.status(201).send(stored);
    },
  );

  app.get(
    "/api/v1/attachments/:id",
    {
      // Every role: which files each may see is readAttachment's rule by the file's owner (404 otherwise).
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "Download a file one may see (lot, inspection, defect, spot check, exemption or evaluation evidence)",
        description:
          "Lot, inspection and defect files: the lot's enterprise, admin, regulator, inspector. Spot-check " +
          "screenshots: admin, regulator, inspector. Exemption evidence: its enterprise, admin, regulator. " +
          "Evaluation evidence (assessment and CAP files, also at GET /api/v1/evaluation-files/:id): the " +
          "assessment's enterprise and the staff who read assessments. Anything else is 404 NOT_FOUND.",
        params: IdParams,
        querystring: Type.Object({ download: Type.Optional(Type.Boolean()) }),
      },
    },
    async (req, reply) =>
      sendAttachment(reply, await readAttachment(db, actorOf(req), req.params.id), req.query.download),
  );

  app.get(
    "/api/v1/tasks",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "Lots to inspect or re-inspect, by ship date: mine and the unassigned pool",
        description:
          "An inspector sees the lots assigned to them and the unassigned ones; admins and regulators see all. " +
          "mine=true: only the lots assigned to the caller.",
        querystring: TaskQuery,
        response: { 200: Page(Task) },
      },
    },
    (req) => listTasks(db, actorOf(req), req.query),
  );

  app.post(
    "/api/v1/lots/:id/claim",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "Take an open lot as one's task",
        params: IdParams,
        response: { 200: Lot },
      },
    },
    (req) => claimLot(db, actorOf(req), req.params.id),
  );

  app.get(
    "/api/v1/lots/:id/plan",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "The AQL plan of the lot's next inspection round, per defect class",
        description:
          "Stage from the switching state of enterprise × category (none yet: normal; discontinued: 409 " +
          "INSPECTION_DISCONTINUED); level and AQLs from the product category (critical null: Ac 0 / Re 1 on the " +
          "largest sample); special supervision inspects the whole lot with the same Ac/Re. 409 LOT_NOT_OPEN " +
          "when the lot is not awaiting inspection or rework.",
        params: IdParams,
        response: { 200: InspectionPlan },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const lot = await lockLot(db, actor, req.params.id, false);
      if (!(OPEN_STATUSES as readonly string[]).includes(lot.status))
        throw new AppError("LOT_NOT_OPEN", { status: STATUS_WORDS[lot.status] });
      return (await planForLot(db, lot)).plan;
    },
  );

  app.post(
    "/api/v1/lots/:id/inspections",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "Record an inspection round: defects and the verdict",
        description:
          "The result must agree with the plan's Ac/Re per class (422 VERDICT_CONTRADICTS_PLAN). Accepted → " +
          "release number; rejected → rework (the next round re-inspects). Round 1 (original inspection) sets the " +
          "official result and moves the switching state: lot event from the MAJOR class plan (Ac, tighter-AQL " +
          "test) with the lot's overall verdict as accepted/not accepted. 409 INSPECTION_ALREADY_RECORDED for a " +
          "round already recorded; measurement defects must be out of tolerance.",
        params: IdParams,
        body: InspectionCreate,
        response: { 201: InspectionRecorded },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordInspection(db, actorOf(req), req.params.id, req.body)),
  );

  app.get(
    "/api/v1/switching-states",
    {
      config: { access: LOT_READERS },
      schema: {
        tags,
        summary:
          "Recorded switching states (normal / tightened / reduced / discontinued) per enterprise × category",
        description:
          "An enterprise sees its own. A category without a recorded state is on normal inspection.",
        querystring: SwitchingQuery,
        response: { 200: Page(SwitchingStateView) },
      },
    },
    (req) => listSwitchingStates(db, actorOf(req), req.query),
  );

  app.post(
    "/api/v1/switching-states/:enterpriseId/:productCategory/resume",
    {
      config: { access: AUTHORITY },
      schema: {
        tags,
        summary:
          "Decide on the corrective action after discontinuation: accepted → tightened inspection resumes",
        params: SwitchingParams,
        body: ResumeBody,
        response: { 200: SwitchingStateView },
      },
    },
    (req) =>
      resumeInspection(db, actorOf(req), req.params.enterpriseId, req.params.productCategory, req.body),
  );
}
