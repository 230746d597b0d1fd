import { Type } from "@sinclair/typebox";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { scopeOf } from "../enterprises/service.ts";

const Summary = Type.Object({
  enterprises: Type.Integer(),
  aboveScale: Type.Integer(),
  exporters: Type.Integer(),
  expiringCertifications: Type.Array(
    Type.Object({
      enterpriseId: Type.String(),
      enterpriseName: Type.String(),
      type: Type.String(),
      validTo: Type.String(),
    }),
  ),
});

/** Certifications that lapse within this many days are flagged. */
export const EXPIRY_WARNING_DAYS = 90;

export async function dashboardRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/dashboard/summary",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["dashboard"],
        summary: "Registry counts and certifications expiring soon",
        response: { 200: Summary },
      },
    },
    async (req) => {
      const { enterpriseId } = scopeOf(actorOf(req));
      const [counts] = await db.query<{ enterprises: number; aboveScale: number; exporters: number }>(
        `select count(*)::int as enterprises, count(*) filter (where above_scale)::int as "aboveScale",
                count(*) filter (where export_flag)::int as exporters
           from enterprises where $1::uuid is null or id = $1`,
        [enterpriseId],
      );
      const expiringCertifications = await db.query<{
        enterpriseId: string;
        enterpriseName: string;
        type: string;
        validTo: string;
      }>(
        `select e.id as "enterpriseId", e.name as "enterpriseName", c.type, c.valid_to::text as "validTo"
           from enterprise_certifications c join enterprises e on e.id = c.enterprise_id
          where c.valid_to between current_date and current_date + $2::int
            and ($1::uuid is null or e.id = $1)
          order by c.valid_to, e.name limit 50`,
        [enterpriseId, EXPIRY_WARNING_DAYS],
      );
      return { ...(counts ?? { enterprises: 0, aboveScale: 0, exporters: 0 }), expiringCertifications };
    },
  );
}
