import { PassThrough } from "node:stream";
import { type Static, Type } from "@sinclair/typebox";
import type { Role } from "../../platform/access.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { IdParams, Page, Paging } from "../../platform/schemas.ts";
import { addNote, performCaseAction } from "./actions.ts";
import {
  createCategory,
  createDepartment,
  getMailSettings,
  listCalendarYears,
  listCategories,
  listDepartments,
  putCalendarYear,
  putMailSettings,
  setDepartmentMembers,
  updateCategory,
  updateDepartment,
} from "./admin.ts";
import { CASE_EXPORT_MAX_ROWS, writeCasesXlsx } from "./export.ts";
import { sendTestMail } from "./mailer.ts";
import { COORDINATOR_ROLES } from "./model.ts";
import { listNotifications, listOutbox, markAllNotificationsRead, markNotificationRead } from "./notify.ts";
import { caseIdByTrackingNumber, getCaseDetail, getPublicCase, iterateCases, listCases } from "./read.ts";
import { createSalon, deleteSalon, getSalon, listSalons, updateSalon } from "./salons.ts";
import {
  ActionBody,
  CalendarYear,
  CalendarYearBody,
  CaseCreateBody,
  CaseDetail,
  CaseFilters,
  CaseListQuery,
  CaseSummary,
  Category,
  CategoryBody,
  CategoryPut,
  CodeParams,
  Created,
  Department,
  DepartmentBody,
  DepartmentPatch,
  MailSettings,
  MailSettingsBody,
  MailTestBody,
  MembersBody,
  NoteBody,
  OutboxMail,
  OutboxQuery,
  PublicCaseView,
  PublicSubmissionBody,
  RatingBody,
  Salon,
  SalonBody,
  SalonQuery,
  SplitBody,
  SplitResult,
  StatsQuery,
  TrackingParams,
  YearParams,
} from "./schemas.ts";
import { splitCase } from "./split.ts";
import { caseStats } from "./stats.ts";
import { checkIdempotencyKey, submitCase } from "./submit.ts";

const tags = ["cases"];

/** Rows carry Date objects where the schemas say date-time strings: the serialiser writes them as ISO text. */
const SalonPage = Page(Salon);
const OutboxPage = Page(OutboxMail);
const wire = <T>(p: Promise<unknown>) => p as Promise<T>;
const COORDINATORS = COORDINATOR_ROLES as Role[];
const STAFF: Role[] = ["admin", "regulator", "inspector", "lab", "association"];
const ADMIN: Role[] = ["admin"];
const RAISERS: Role[] = ["admin", "regulator", "enterprise"];

/** Per client address (behind the proxy: X-Forwarded-For). Bench and load tests raise them by environment. */
const perMinute = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const SUBMIT_DESCRIPTION = `No sign-in. Text is checked by the rules (packages/rules text.ts): empty, too long, control
characters, no letters, unknown category → 400 VALIDATION with field errors. HTML is stored as typed and shown escaped.
A submission that looks like spam (links, markup, repeated characters) is kept but held for the coordinator's review
instead of being routed. Send an Idempotency-Key header (any printable ASCII, ≤ 200): the same key with the same body
returns the same tracking number and never creates a second case (also for concurrent requests); with a different body
→ 422 CASE_IDEMPOTENCY_MISMATCH. Rate-limited per address (429 RATE_LIMITED). The case is committed before 201.`;

export async function caseRoutes(app: App, { db }: ModuleDeps) {
  // Read when the routes are registered, not when the module loads: the bench sets them before buildApp.
  const SUBMIT_PER_MINUTE = perMinute("JINGWEI_CASE_SUBMIT_PER_MINUTE", 20);
  const LOOKUP_PER_MINUTE = perMinute("JINGWEI_CASE_LOOKUP_PER_MINUTE", 60);
  // ── Public ──────────────────────────────────────────────────────────────────────────────────────────
  app.post(
    "/api/v1/public/cases",
    {
      config: { access: "public", rateLimit: { max: SUBMIT_PER_MINUTE, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Raise a problem without signing in; returns the tracking number",
        description: SUBMIT_DESCRIPTION,
        headers: Type.Object({ "idempotency-key": Type.Optional(Type.String()) }),
        body: PublicSubmissionBody,
        response: { 201: Type.Object({ trackingNumber: Type.String() }) },
        security: [],
      },
    },
    async (req, reply) => {
      const key = checkIdempotencyKey(req.headers["idempotency-key"]);
      const r = await submitCase(db, { channel: "web", text: req.body, actor: null, idempotencyKey: key });
      if (!r.created) reply.header("idempotent-replayed", "true");
      return reply.status(201).send({ trackingNumber: r.trackingNumber });
    },
  );

  app.get(
    "/api/v1/public/cases/:trackingNumber",
    {
      config: { access: "public", rateLimit: { max: LOOKUP_PER_MINUTE, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Follow a case by its tracking number: status, public replies, timeline",
        description:
          "Never internal notes, transfer reasons, contact details or the enterprise name. A malformed number " +
          "(failed check symbol) is 404 without a database lookup. Rate-limited per address.",
        params: TrackingParams,
        response: { 200: PublicCaseView },
        security: [],
      },
    },
    (req) => wire<Static<typeof PublicCaseView>>(getPublicCase(db, req.params.trackingNumber)),
  );

  app.post(
    "/api/v1/public/cases/:trackingNumber/rating",
    {
      config: { access: "public", rateLimit: { max: SUBMIT_PER_MINUTE, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "The submitter rates the answer (satisfied / basically / not satisfied with a comment)",
        description:
          "Not satisfied reopens the case under supervision while reopens are left (rules workflow.ts).",
        params: TrackingParams,
        body: RatingBody,
        response: { 200: PublicCaseView },
        security: [],
      },
    },
    async (req) => {
      const id = await caseIdByTrackingNumber(db, req.params.trackingNumber);
      await performCaseAction(db, { submitterByTracking: true }, id, { type: "rate", ...req.body });
      return wire<Static<typeof PublicCaseView>>(getPublicCase(db, req.params.trackingNumber));
    },
  );

  app.get(
    "/api/v1/case-categories",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Categories of problems with their department and deadlines (all=true: inactive too, admin)",
        querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ items: Type.Array(Category) }) },
        security: [],
      },
    },
    async (req) => ({
      items: await wire<Static<typeof Category>[]>(
        listCategories(db, !(req.query.all && req.actor?.role === "admin")),
      ),
    }),
  );

  // ── Cases ──────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    "/api/v1/cases",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "List cases: coordinators all, department members their departments', enterprises their own",
        description: "q: a tracking number is an exact lookup; other text matches title or enterprise name.",
        querystring: CaseListQuery,
        response: { 200: Page(CaseSummary) },
      },
    },
    (req) => listCases(db, actorOf(req), req.query),
  );

  app.post(
    "/api/v1/cases",
    {
      config: { access: RAISERS },
      schema: {
        tags,
        summary:
          "Raise a case: an enterprise user for its own enterprise; a coordinator records a phone call, letter, petition, labour dispute or salon problem",
        body: CaseCreateBody,
        headers: Type.Object({ "idempotency-key": Type.Optional(Type.String()) }),
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const key = checkIdempotencyKey(req.headers["idempotency-key"]);
      const { channel, enterpriseId, salonId, ...text } = req.body;
      let input: Parameters<typeof submitCase>[1];
      if (actor.role === "enterprise") {
        if (!actor.enterpriseId || (enterpriseId && enterpriseId !== actor.enterpriseId))
          throw new AppError("FORBIDDEN");
        if (channel && channel !== "enterprise")
          throw validationError([{ field: "channel", code: "not_allowed" }]);
        if (salonId) throw validationError([{ field: "salonId", code: "not_allowed" }]);
        input = { channel: "enterprise", text, enterpriseId: actor.enterpriseId, actor, idempotencyKey: key };
      } else {
        if (!channel) throw validationError([{ field: "channel", code: "required" }]);
        if (channel === "salon" && !salonId) throw validationError([{ field: "salonId", code: "required" }]);
        if (salonId) {
          const [s] = await db.query("select 1 from salons where id = $1", [salonId]);
          if (!s) throw validationError([{ field: "salonId", code: "case_salon_unknown" }]);
        }
        if (enterpriseId) {
          const [e] = await db.query("select 1 from enterprises where id = $1", [enterpriseId]);
          if (!e) throw validationError([{ field: "enterpriseId", code: "case_enterprise_unknown" }]);
        }
        input = {
          channel,
          text,
          enterpriseId: enterpriseId ?? null,
          salonId: salonId ?? null,
          actor,
          idempotencyKey: key,
        };
        if (channel === "salon" && salonId) {
          const [s] = await db.query<{ heldOn: string }>(
            "select to_char(held_on, 'YYYY-MM-DD') as \"heldOn\" from salons where id = $1",
            [salonId],
          );
          // A problem raised at a past salon counts from the evening it was raised (20:00 Shanghai).
          if (s && s.heldOn < new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10))
            input.submittedAt = new Date(`${s.heldOn}T20:00:00+08:00`);
        }
      }
      const r = await submitCase(db, input);
      return reply.status(201).send({ id: r.id, trackingNumber: r.trackingNumber });
    },
  );

  app.get(
    "/api/v1/cases/export",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: `Export the filtered case list as XLSX (at most ${CASE_EXPORT_MAX_ROWS} rows; no contact details)`,
        querystring: Type.Composite([CaseFilters], { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      const stream = new PassThrough();
      const batches = iterateCases(db, actorOf(req), req.query, CASE_EXPORT_MAX_ROWS);
      writeCasesXlsx(batches, stream).catch((err) => stream.destroy(err));
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="cases-${stamp}.xlsx"`)
        .send(stream);
    },
  );

  app.get(
    "/api/v1/cases/stats",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "Dashboard: collected vs closed, overdue by department, medians, satisfaction, categories, months",
        querystring: StatsQuery,
      },
    },
    (req) => caseStats(db, actorOf(req), req.query),
  );

  app.get(
    "/api/v1/cases/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "One case with its deadlines, allowed actions and timeline (internal notes for staff only)",
        params: IdParams,
        response: { 200: CaseDetail },
      },
    },
    (req) => wire<Static<typeof CaseDetail>>(getCaseDetail(db, actorOf(req), req.params.id)),
  );

  app.post(
    "/api/v1/cases/:id/actions",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Act on a case through the workflow (acknowledge, assign, transfer, answer, close, …)",
        description:
          "Refused by the rules → 409 CASE_ACTION_REFUSED, or 400 with a field error (unknown department → " +
          "departmentId case_department_unknown; missing reason, reply or comment → required).",
        params: IdParams,
        body: ActionBody,
        response: { 200: CaseDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await performCaseAction(db, { viewer: actor }, req.params.id, req.body);
      return wire<Static<typeof CaseDetail>>(getCaseDetail(db, actor, req.params.id));
    },
  );

  app.post(
    "/api/v1/cases/:id/notes",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Add an internal note (never shown publicly)",
        params: IdParams,
        body: NoteBody,
        response: { 200: CaseDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await addNote(db, actor, req.params.id, req.body.text);
      return wire<Static<typeof CaseDetail>>(getCaseDetail(db, actor, req.params.id));
    },
  );

  app.post(
    "/api/v1/cases/:id/split",
    {
      config: { access: COORDINATORS },
      schema: {
        tags,
        summary: "Split a case raising several problems: each part becomes a new case routed by its category",
        description:
          "Coordinators, open cases only (rules workflow.ts split). Each part is checked as a submission's " +
          "category, title and description (field errors parts[i].category …, 400 VALIDATION); no part → " +
          "parts out_of_range. The parts keep the original's submission time, contact and enterprise; the " +
          "original keeps its status; both timelines (public too) name the other's tracking numbers. All or nothing.",
        params: IdParams,
        body: SplitBody,
        response: { 201: SplitResult },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ parts: await splitCase(db, actorOf(req), req.params.id, req.body) }),
  );

  // ── Salons ─────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    "/api/v1/salons",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Salons (亲清夜沙龙), newest first",
        querystring: SalonQuery,
        response: { 200: Page(Salon) },
      },
    },
    (req) => wire<Static<typeof SalonPage>>(listSalons(db, req.query)),
  );
  app.post(
    "/api/v1/salons",
    {
      config: { access: COORDINATORS },
      schema: { tags, summary: "Record a salon", body: SalonBody, response: { 201: Salon } },
    },
    async (req, reply) =>
      reply.status(201).send(await wire<Static<typeof Salon>>(createSalon(db, actorOf(req), req.body))),
  );
  app.get(
    "/api/v1/salons/:id",
    {
      config: { access: STAFF },
      schema: { tags, summary: "One salon", params: IdParams, response: { 200: Salon } },
    },
    (req) => wire<Static<typeof Salon>>(getSalon(db, req.params.id)),
  );
  app.put(
    "/api/v1/salons/:id",
    {
      config: { access: COORDINATORS },
      schema: { tags, summary: "Edit a salon", params: IdParams, body: SalonBody, response: { 200: Salon } },
    },
    (req) => wire<Static<typeof Salon>>(updateSalon(db, actorOf(req), req.params.id, req.body)),
  );
  app.delete(
    "/api/v1/salons/:id",
    {
      config: { access: COORDINATORS },
      schema: {
        tags,
        summary: "Delete a salon with no problems recorded (409 CONFLICT otherwise)",
        params: IdParams,
      },
    },
    async (req, reply) => {
      await deleteSalon(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );

  // ── Departments, categories, calendar (administration) ───────────────────────────────────────────
  app.get(
    "/api/v1/departments",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Departments and their members",
        response: { 200: Type.Object({ items: Type.Array(Department) }) },
      },
    },
    async () => ({ items: await wire<Static<typeof Department>[]>(listDepartments(db)) }),
  );
  app.post(
    "/api/v1/departments",
    {
      config: { access: ADMIN },
      schema: { tags, summary: "Add a department", body: DepartmentBody, response: { 201: Department } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await wire<Static<typeof Department>>(createDepartment(db, actorOf(req), req.body))),
  );
  app.patch(
    "/api/v1/departments/:id",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: "Edit or deactivate a department",
        params: IdParams,
        body: DepartmentPatch,
        response: { 200: Department },
      },
    },
    (req) => wire<Static<typeof Department>>(updateDepartment(db, actorOf(req), req.params.id, req.body)),
  );
  app.put(
    "/api/v1/departments/:id/members",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: "Set the staff users who work the department's cases",
        params: IdParams,
        body: MembersBody,
        response: { 200: Department },
      },
    },
    (req) =>
      wire<Static<typeof Department>>(
        setDepartmentMembers(db, actorOf(req), req.params.id, req.body.userIds),
      ),
  );
  app.post(
    "/api/v1/case-categories",
    {
      config: { access: ADMIN },
      schema: { tags, summary: "Add a category", body: CategoryBody, response: { 201: Category } },
    },
    async (req, reply) =>
      reply.status(201).send(await wire<Static<typeof Category>>(createCategory(db, actorOf(req), req.body))),
  );
  app.put(
    "/api/v1/case-categories/:code",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: "Edit a category's names, department and deadlines",
        params: CodeParams,
        body: CategoryPut,
        response: { 200: Category },
      },
    },
    (req) => wire<Static<typeof Category>>(updateCategory(db, actorOf(req), req.params.code, req.body)),
  );
  app.get(
    "/api/v1/work-calendar",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The working-day calendar: holidays and make-up working days per year",
        response: { 200: Type.Object({ items: Type.Array(CalendarYear) }) },
      },
    },
    async () => ({ items: await wire<Static<typeof CalendarYear>[]>(listCalendarYears(db)) }),
  );
  app.put(
    "/api/v1/work-calendar/:year",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: "Enter or replace a year's holidays and make-up working days",
        description:
          "Dates are checked by the rules (validateCalendarYear): format, in the year, no day both, make-up days on weekends.",
        params: YearParams,
        body: CalendarYearBody,
        response: { 200: CalendarYear },
      },
    },
    (req) => putCalendarYear(db, actorOf(req), req.params.year, req.body),
  );

  // ── Notifications and the outbox ────────────────────────────────────────────────────────────────
  app.get(
    "/api/v1/notifications",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "My notifications, newest first",
        querystring: Type.Composite([Paging, Type.Object({ unread: Type.Optional(Type.Boolean()) })], {
          additionalProperties: false,
        }),
      },
    },
    (req) =>
      listNotifications(db, actorOf(req), req.query.unread === true, req.query.page, req.query.pageSize),
  );
  app.post(
    "/api/v1/notifications/:id/read",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Mark one of my notifications read", params: IdParams },
    },
    async (req, reply) => {
      await markNotificationRead(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    "/api/v1/notifications/read-all",
    { config: { access: "authenticated" }, schema: { tags, summary: "Mark all my notifications read" } },
    (req) => markAllNotificationsRead(db, actorOf(req)),
  );
  app.get(
    "/api/v1/email-outbox",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: "Mail written by the loop: pending, sent or failed (with the last error)",
        querystring: OutboxQuery,
        response: { 200: OutboxPage },
      },
    },
    (req) => wire<Static<typeof OutboxPage>>(listOutbox(db, req.query)),
  );
  app.get(
    "/api/v1/mail-settings",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: "SMTP settings: stored (never the password), the environment's, and which is in force",
        response: { 200: MailSettings },
      },
    },
    () => getMailSettings(db),
  );
  app.put(
    "/api/v1/mail-settings",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary:
          "Store the SMTP settings (mode environment | console | off); no password: keep the stored one",
        body: MailSettingsBody,
        response: { 200: MailSettings },
      },
    },
    (req) => putMailSettings(db, actorOf(req), req.body),
  );
  app.post(
    "/api/v1/mail-settings/test",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary:
          "Send a test mail now with the settings in force (409 MAIL_NOT_CONFIGURED, 502 MAIL_SEND_FAILED)",
        body: MailTestBody,
      },
    },
    (req) => sendTestMail(db, actorOf(req), req.body.to),
  );
}
