import { Type } from "@sinclair/typebox";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { IdParams, Nullable, Page, Paging } from "../../platform/schemas.ts";
import * as service from "./public-lists.service.ts";
import { REGULATORS, Reason } from "./schemas.ts";

const tags = ["privileges"];

const ListKind = Type.Union([Type.Literal("good"), Type.Literal("bad")], {
  description: "good: 宣传一批; bad: 通报一批",
});
const EntryStatus = Type.Union([Type.Literal("draft"), Type.Literal("published"), Type.Literal("withdrawn")]);
const Title = Type.String({ minLength: 1, maxLength: 200 });
const Period = Type.String({ minLength: 1, maxLength: 40, description: "e.g. 2026年第3季度" });
const EntryReason = Type.String({ minLength: 1, maxLength: 2000 });

const Entry = Type.Object({
  id: Type.String(),
  list: ListKind,
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  uscc: Type.String(),
  title: Type.String(),
  reason: Type.String(),
  period: Type.String(),
  status: EntryStatus,
  createdBy: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
  publishedByName: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  withdrawnReason: Nullable(Type.String()),
});

const PublicEntry = Type.Object(
  {
    list: ListKind,
    enterpriseName: Type.String(),
    title: Type.String(),
    reason: Type.String(),
    period: Type.String(),
    publishedOn: Type.String({ format: "date" }),
  },
  { additionalProperties: false },
);

const Suggestion = Type.Object({
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  uscc: Type.String(),
  class: Type.String(),
  inspected: Type.Integer(),
  accepted: Type.Integer(),
  rejected: Type.Integer(),
  passRate: Nullable(Type.Number()),
  reasons: Type.Array(Type.String(), { description: "passRate100, rejectedLots, classIV" }),
  listed: Nullable(EntryStatus),
});

const entryFields = {
  list: ListKind,
  enterpriseId: Type.String({ format: "uuid" }),
  title: Title,
  reason: EntryReason,
  period: Period,
};

export async function publicListRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/public-lists",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Entries of the good and bad lists, every status",
        querystring: Type.Composite(
          [
            Type.Object({
              list: Type.Optional(ListKind),
              status: Type.Optional(EntryStatus),
              period: Type.Optional(Type.String({ maxLength: 40 })),
              enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
            }),
            Paging,
          ],
          { additionalProperties: false },
        ),
        response: { 200: Page(Entry) },
      },
    },
    (req) => service.listEntries(db, req.query),
  );
  app.get(
    "/api/v1/public-lists/suggestions",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary:
          "Suggested entries: good = class I with 100 % official pass rate over 12 months; bad = ≥ 2 lots rejected in 12 months or class IV",
        response: { 200: Type.Object({ good: Type.Array(Suggestion), bad: Type.Array(Suggestion) }) },
      },
    },
    () => service.suggestions(db),
  );
  app.post(
    "/api/v1/public-lists",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Draft an entry",
        body: Type.Object(entryFields, { additionalProperties: false }),
        response: { 201: Entry },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createEntry(db, actorOf(req), req.body)),
  );
  app.patch(
    "/api/v1/public-lists/:id",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Change a draft",
        params: IdParams,
        body: Type.Partial(Type.Object(entryFields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: Entry },
      },
    },
    (req) => service.updateEntry(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/public-lists/:id/publish",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Publish a draft (review: not by its drafter)",
        params: IdParams,
        response: { 200: Entry },
      },
    },
    (req) => service.publishEntry(db, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/public-lists/:id/withdraw",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Withdraw a published entry from the portal",
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: Entry },
      },
    },
    (req) => service.withdrawEntry(db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/public/lists",
    {
      config: { access: "public" },
      schema: {
        tags: ["public"],
        summary: "Published good (宣传一批) and bad (通报一批) list entries; no sign-in",
        security: [],
        querystring: Type.Composite(
          [
            Type.Object({
              list: Type.Optional(ListKind),
              period: Type.Optional(Type.String({ maxLength: 40 })),
            }),
            Paging,
          ],
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(PublicEntry),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            periods: Type.Array(Type.String(), {
              description: "Periods with published entries, latest first",
            }),
          }),
        },
      },
    },
    (req) => service.publicEntries(db, req.query),
  );
}
