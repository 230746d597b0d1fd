import { Type } from "@sinclair/typebox";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { Nullable, Page, Paging } from "../../platform/schemas.ts";
import * as service from "./demonstration.service.ts";
import { DateText, REGULATORS } from "./schemas.ts";

const tags = ["privileges"];

const Title = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  uscc: Type.String(),
  honourType: Type.String(),
  honourTypeName: Type.String(),
  title: Type.String(),
  level: Nullable(Type.String()),
  issuer: Nullable(Type.String()),
  recognisedOn: Nullable(DateText),
  documentNo: Nullable(Type.String()),
});

export async function demonstrationRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/demonstration-enterprises",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: `Enterprises holding a demonstration title (示范企业: ${service.DEMONSTRATION_HONOUR_TYPES.join(", ")})`,
        querystring: Type.Composite(
          [Type.Object({ honourType: Type.Optional(Type.String({ maxLength: 40 })) }), Paging],
          { additionalProperties: false },
        ),
        response: { 200: Page(Title) },
      },
    },
    (req) => service.listDemonstrationTitles(db, actorOf(req), req.query),
  );
  app.post(
    "/api/v1/demonstration-enterprises",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Award a demonstration title (an honour of the registry)",
        body: Type.Object(
          {
            enterpriseId: Type.String({ format: "uuid" }),
            honourType: Type.String({ minLength: 1, maxLength: 40 }),
            recognisedOn: DateText,
            documentNo: Type.String({ minLength: 1, maxLength: 100 }),
            issuer: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Title },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.awardDemonstrationTitle(db, actorOf(req), req.body)),
  );
}
