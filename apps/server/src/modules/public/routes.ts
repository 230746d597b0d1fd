import { Type } from "@sinclair/typebox";
import type { App, ModuleDeps } from "../../platform/http.ts";

const Cluster = Type.Object({
  name: Type.String(),
  enterpriseCount: Type.Integer(),
  towns: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), enterprises: Type.Integer() })),
  indicators: Type.Array(
    Type.Object({
      year: Type.Integer(),
      indicatorKey: Type.String(),
      indicator: Type.String(),
      value: Type.Number(),
      unit: Type.String(),
    }),
  ),
});

export const CLUSTER = "pinghu";

export async function publicRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/public/cluster",
    {
      config: { access: "public" },
      schema: {
        tags: ["public"],
        summary: "The cluster at a glance: enterprises by town and the main economic indicators by year",
        response: { 200: Cluster },
      },
    },
    async () => {
      const [towns, indicators] = await Promise.all([
        db.query<{ code: string; name: string; enterprises: number }>(
          `select t.code, t.name, count(e.id)::int as enterprises
             from towns t left join enterprises e on e.town_code = t.code
            group by t.code, t.name order by enterprises desc, t.code`,
        ),
        db.query<{ year: number; indicatorKey: string; indicator: string; value: number; unit: string }>(
          `select year, indicator_key as "indicatorKey", indicator, value::float8 as value, unit
             from cluster_indicators where cluster = $1 order by indicator_key, year`,
          [CLUSTER],
        ),
      ]);
      const [count] = await db.query<{ n: number }>("select count(*)::int as n from enterprises");
      return { name: "平湖服装产业集群", enterpriseCount: count?.n ?? 0, towns, indicators };
    },
  );
}
