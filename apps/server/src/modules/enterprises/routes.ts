import { PassThrough } from "node:stream";
import { Type } from "@sinclair/typebox";
import { REGISTRY_EDITORS } from "../../platform/access.ts";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { IdParams, Page } from "../../platform/schemas.ts";
import { AuditEntry, entityHistory } from "../audit/service.ts";
import { writeEnterprisesXlsx } from "./export.ts";
import * as repo from "./repo.ts";
import {
  Enterprise,
  EnterpriseCreate,
  EnterpriseFilters,
  EnterpriseListQuery,
  EnterprisePatch,
  EnterpriseSummary,
} from "./schemas.ts";
import * as service from "./service.ts";

const tags = ["enterprises"];

export async function enterpriseRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/enterprises",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Search and list enterprises (Chinese fragments, pinyin, initials or USCC in q)",
        querystring: EnterpriseListQuery,
        response: { 200: Page(EnterpriseSummary) },
      },
    },
    (req) => service.listEnterprises(db, actorOf(req), req.query),
  );

  app.get(
    "/api/v1/enterprises/export",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Export the filtered list as XLSX", querystring: EnterpriseFilters },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const stream = new PassThrough();
      const batches = repo.iterateEnterprises(
        db,
        req.query,
        service.termsOf(req.query.q),
        service.scopeOf(actor),
      );
      writeEnterprisesXlsx(batches, stream).catch((err) => stream.destroy(err));
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="enterprises-${stamp}.xlsx"`)
        .send(stream);
    },
  );

  app.get(
    "/api/v1/enterprises/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "One enterprise with its certifications, honours, brands and contacts",
        params: IdParams,
        response: { 200: Enterprise },
      },
    },
    (req) => service.getEnterprise(db, actorOf(req), req.params.id),
  );

  app.get(
    "/api/v1/enterprises/:id/history",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Change history of one enterprise",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(AuditEntry) }) },
      },
    },
    async (req) => {
      await service.getEnterprise(db, actorOf(req), req.params.id);
      return { items: await entityHistory(db, "enterprise", req.params.id) };
    },
  );

  app.post(
    "/api/v1/enterprises",
    {
      config: { access: REGISTRY_EDITORS },
      schema: {
        tags,
        summary: "Register an enterprise",
        body: EnterpriseCreate,
        response: { 201: Enterprise },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createEnterprise(db, actorOf(req), req.body)),
  );

  app.patch(
    "/api/v1/enterprises/:id",
    {
      config: { access: [...REGISTRY_EDITORS, "enterprise"] },
      schema: {
        tags,
        summary: "Change an enterprise (arrays replace)",
        params: IdParams,
        body: EnterprisePatch,
        response: { 200: Enterprise },
      },
    },
    (req) => service.updateEnterprise(db, actorOf(req), req.params.id, req.body),
  );
}
