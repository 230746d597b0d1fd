import { Type } from "@sinclair/typebox";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { Nullable, Page, Paging } from "../../platform/schemas.ts";
import * as service from "./green-channel.service.ts";
import { INSPECTORS, REGULATORS, Reason } from "./schemas.ts";

const tags = ["privileges"];

const Entry = Type.Object({
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  uscc: Type.String(),
  greenChannel: Type.Boolean(),
  since: Nullable(Type.String({ format: "date" })),
  reason: Nullable(Type.String()),
  class: Type.String({ description: "Class in force (I–IV)" }),
});

const Candidate = Type.Object({
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  uscc: Type.String(),
  class: Type.String(),
  lots: Type.Integer({ description: "Lots declared in the last 12 months" }),
  inspected: Type.Integer(),
  accepted: Type.Integer(),
  passRate: Nullable(Type.Number({ description: "Official pass rate, %; null when nothing was inspected" })),
});

const EnterpriseParams = Type.Object({ enterpriseId: Type.String({ format: "uuid" }) });
const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
const PagingQuery = Type.Composite([Paging], { additionalProperties: false });

export async function greenChannelRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/green-channel",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "Enterprises in the green channel (绿色通道), with since, reason and class in force",
        querystring: PagingQuery,
        response: { 200: Page(Entry) },
      },
    },
    (req) => service.listGreenChannel(db, req.query),
  );
  app.get(
    "/api/v1/green-channel/candidates",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary:
          "Class I/II exporters not in the green channel, with their official pass rate over 12 months",
        querystring: PagingQuery,
        response: { 200: Page(Candidate) },
      },
    },
    (req) => service.listCandidates(db, req.query),
  );
  app.put(
    "/api/v1/green-channel/:enterpriseId",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Put an enterprise into the green channel (or change the reason)",
        params: EnterpriseParams,
        body: ReasonBody,
        response: { 200: Entry },
      },
    },
    (req) => service.addToGreenChannel(db, actorOf(req), req.params.enterpriseId, req.body),
  );
  app.delete(
    "/api/v1/green-channel/:enterpriseId",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Take an enterprise out of the green channel, with the reason",
        params: EnterpriseParams,
        body: ReasonBody,
        response: { 200: Entry },
      },
    },
    (req) => service.removeFromGreenChannel(db, actorOf(req), req.params.enterpriseId, req.body),
  );
}
