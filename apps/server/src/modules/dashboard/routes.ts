import { Type } from "@sinclair/typebox";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { scopeOf } from "../enterprises/service.ts";
import { EvaluationDue, evaluationDue } from "./evaluations.ts";

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
  evaluations: EvaluationDue,
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
        summary: "Registry counts, certifications expiring soon, CAP items and assessment stages due",
        description:
          "evaluations: CAP items overdue (as GET /api/v1/cap-items/overdue counts them) and due within 7 days, " +
          "assessment stage dates (self-assessment, re-assessment, follow-up) within 7 days or passed, and for an " +
          "enterprise user its own open CAP items; an enterprise user's counts are its own enterprise's.",
        response: { 200: Summary },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { enterpriseId } = scopeOf(actor);
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
      return {
        ...(counts ?? { enterprises: 0, aboveScale: 0, exporters: 0 }),
        expiringCertifications,
        evaluations: await evaluationDue(db, actor),
      };
    },
  );
}
