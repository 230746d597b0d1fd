import { Type } from "@sinclair/typebox";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { IdParams, Nullable, Page, Paging } from "../../platform/schemas.ts";
import { listProductCategories } from "../supervision/context.ts";
import * as service from "./exemption.service.ts";
import { DateText, EXEMPTION_FILERS, EXEMPTION_READERS, REGULATORS, Reason } from "./schemas.ts";

const tags = ["privileges"];

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

const Criterion = Type.Object({
  key: Type.String(),
  label: Bilingual,
  comparator: Type.String({ description: "gte, lte, in, includesAny" }),
  threshold: Type.Union([Type.Number(), Type.Array(Type.String())]),
  unit: Type.String(),
  verified: Type.Boolean({ description: "false: the threshold is an assumption (REFERENCE.md §3)" }),
  reference: Type.String(),
  value: Type.Union([Type.Number(), Type.String(), Type.Array(Type.String()), Type.Null()]),
  met: Type.Boolean(),
  records: Type.Record(Type.String(), Type.Unknown(), { description: "The records behind the value" }),
});

const Evidence = Type.Object({
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  productCategory: Type.Object({
    code: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    risk: Type.String(),
  }),
  evaluatedOn: Type.String({ format: "date" }),
  windowFrom: Type.String({ format: "date" }),
  windowTo: Type.String({ format: "date" }),
  criteriaMet: Type.Boolean(),
  criteria: Type.Array(Criterion),
});

const Status = Type.Union([
  Type.Literal("submitted"),
  Type.Literal("approved"),
  Type.Literal("rejected"),
  Type.Literal("revoked"),
]);

const applicationFields = {
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  uscc: Type.String(),
  productCategory: Type.String(),
  productCategoryNameZh: Type.String(),
  productCategoryNameEn: Type.String(),
  status: Status,
  criteriaMet: Type.Boolean({ description: "At application time" }),
  statement: Nullable(Type.String()),
  appliedByName: Nullable(Type.String()),
  appliedAt: Type.String(),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  overrideReason: Nullable(Type.String()),
  validFrom: Nullable(DateText),
  validTo: Nullable(DateText),
  expired: Type.Boolean(),
  revokedAt: Nullable(Type.String()),
  revokeReason: Nullable(Type.String()),
};
const Application = Type.Object(applicationFields);
const ApplicationDetail = Type.Object({
  ...applicationFields,
  evidence: Evidence,
  decisionEvidence: Nullable(Evidence),
});

const CategoryCode = Type.String({ minLength: 1, maxLength: 40 });
const Note = Type.String({ minLength: 1, maxLength: 1000 });

export async function exemptionRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/exemptions/categories",
    {
      config: { access: EXEMPTION_READERS },
      schema: {
        tags,
        summary: "Product categories an exemption can be applied for",
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                nameZh: Type.String(),
                nameEn: Type.String(),
                risk: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: (await listProductCategories(db)).map(({ code, nameZh, nameEn, risk }) => ({
        code,
        nameZh,
        nameEn,
        risk,
      })),
    }),
  );
  app.get(
    "/api/v1/exemptions/evidence",
    {
      config: { access: EXEMPTION_READERS },
      schema: {
        tags,
        summary: "The exemption criteria evaluated now from the records, with the records behind each",
        querystring: Type.Object(
          {
            enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
            productCategory: CategoryCode,
          },
          { additionalProperties: false },
        ),
        response: { 200: Evidence },
      },
    },
    (req) => service.currentEvidence(db, actorOf(req), req.query),
  );
  app.get(
    "/api/v1/exemptions",
    {
      config: { access: EXEMPTION_READERS },
      schema: {
        tags,
        summary: "Exemption applications (an enterprise user sees its own)",
        querystring: Type.Composite(
          [
            Type.Object({
              status: Type.Optional(Status),
              productCategory: Type.Optional(CategoryCode),
              enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
            }),
            Paging,
          ],
          { additionalProperties: false },
        ),
        response: { 200: Page(Application) },
      },
    },
    (req) => service.listApplications(db, actorOf(req), req.query),
  );
  app.get(
    "/api/v1/exemptions/:id",
    {
      config: { access: EXEMPTION_READERS },
      schema: {
        tags,
        summary: "One application with its evidence (at application and at decision)",
        params: IdParams,
        response: { 200: ApplicationDetail },
      },
    },
    (req) => service.getApplication(db, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/exemptions",
    {
      config: { access: EXEMPTION_FILERS },
      schema: {
        tags,
        summary:
          "Apply for an inspection exemption: the evidence is evaluated and stored with the application",
        body: Type.Object(
          {
            enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
            productCategory: CategoryCode,
            statement: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: ApplicationDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.fileApplication(db, actorOf(req), req.body)),
  );
  app.post(
    "/api/v1/exemptions/:id/approve",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Approve (criteria evaluated again; unmet criteria need an override reason)",
        params: IdParams,
        body: Type.Object(
          {
            validFrom: Type.Optional(DateText),
            validTo: Type.Optional(DateText),
            note: Note,
            overrideReason: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ApplicationDetail },
      },
    },
    (req) => service.approveApplication(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/exemptions/:id/reject",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Reject a submitted application",
        params: IdParams,
        body: Type.Object({ note: Note }, { additionalProperties: false }),
        response: { 200: ApplicationDetail },
      },
    },
    (req) => service.rejectApplication(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/exemptions/:id/revoke",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Revoke an approved exemption",
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: ApplicationDetail },
      },
    },
    (req) => service.revokeApplication(db, actorOf(req), req.params.id, req.body),
  );
}
