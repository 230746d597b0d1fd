import type { App, ModuleDeps } from "../../platform/http.ts";
import { Page } from "../../platform/schemas.ts";
import { AuditEntry, AuditQuery, listAudit } from "./service.ts";

export async function auditRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/audit",
    {
      config: { access: ["admin", "regulator"] },
      schema: {
        tags: ["audit"],
        summary: "The audit log: who changed what, when, before → after",
        querystring: AuditQuery,
        response: { 200: Page(AuditEntry) },
      },
    },
    (req) => listAudit(db, req.query),
  );
}
