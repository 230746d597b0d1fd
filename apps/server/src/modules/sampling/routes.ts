import type { App, ModuleDeps } from "../../platform/http.ts";
import { BadRequest, ClassPlans, PlanQuery, PlansQuery, SamplingPlanResult } from "./schemas.ts";
import { planFor, plansFor } from "./service.ts";

const tags = ["sampling"];

/** AQL sampling plans (GB/T 2828.1-2012 / ISO 2859-1:1999): public, no database, no sign-in. */
export async function samplingRoutes(app: App, _deps: ModuleDeps) {
  app.get(
    "/api/v1/sampling/plan",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Single sampling plan for a lot: code letter, sample size, Ac/Re",
        description:
          "Looks up Table 1 (lot size × inspection level → code letter) and the master table of the stage " +
          "(2-A normal, 2-B tightened, 2-C reduced), following arrows. When the plan's n ≥ lot size the whole " +
          "lot is inspected (sampleSize = lotSize, fullInspection true). tableVerified is false where the " +
          "table's data is not yet confirmed against a printed copy (tightened and reduced today). No sign-in.",
        security: [],
        querystring: PlanQuery,
        response: { 200: SamplingPlanResult, 400: BadRequest },
      },
    },
    (req) => planFor(req.query),
  );

  app.get(
    "/api/v1/sampling/plans",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Sampling plans for the critical, major and minor defect classes of one lot",
        description:
          "The plan of /api/v1/sampling/plan for each class's AQL (defaults 0 / 2.5 / 4.0). aqlCritical 0 " +
          "means critical defects are not allowed: Ac 0 / Re 1 on the larger of the major and minor samples " +
          "(zeroAcceptance true). No sign-in.",
        security: [],
        querystring: PlansQuery,
        response: { 200: ClassPlans, 400: BadRequest },
      },
    },
    (req) => plansFor(req.query),
  );
}
