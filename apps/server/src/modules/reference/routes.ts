import { Type } from "@sinclair/typebox";
import type { App, ModuleDeps } from "../../platform/http.ts";

const CodeList = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});

const LISTS = {
  towns: "select code, name from towns order by kind desc, code",
  "certification-types": "select code, name from certification_types order by sort_order, code",
  "honour-types": "select code, name from honour_types order by sort_order, code",
} as const;

export async function referenceRoutes(app: App, { db }: ModuleDeps) {
  for (const [path, sql] of Object.entries(LISTS)) {
    app.get(
      `/api/v1/reference/${path}`,
      {
        config: { access: "public" },
        schema: { tags: ["reference"], summary: `Code list: ${path}`, response: { 200: CodeList } },
      },
      async () => ({ items: await db.query<{ code: string; name: string }>(sql) }),
    );
  }
}
