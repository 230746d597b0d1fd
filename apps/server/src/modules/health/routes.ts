import { Type } from "@sinclair/typebox";
import type { App, ModuleDeps } from "../../platform/http.ts";

export async function healthRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["platform"],
        summary: "Liveness and which database is behind the server",
        response: {
          200: Type.Object({
            status: Type.Literal("ok"),
            database: Type.Union([Type.Literal("pglite"), Type.Literal("postgres")]),
          }),
        },
      },
    },
    async () => {
      await db.query("select 1");
      return { status: "ok" as const, database: db.kind };
    },
  );
}
