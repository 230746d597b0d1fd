import type { Role } from "../../platform/access.ts";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { indicatorsWorkbook } from "./export.ts";
import { Dashboard, DashboardQuery, IndicatorQuery, IndicatorSeries } from "./schemas.ts";
import * as service from "./service.ts";

const tags = ["indicators"];
/** Supervision indicators: the authority, inspectors, the association; an enterprise user its own only. */
const READERS: readonly Role[] = ["admin", "regulator", "inspector", "association", "enterprise"];
/** The cluster dashboard: not for enterprise users. */
const CLUSTER_READERS: readonly Role[] = ["admin", "regulator", "inspector", "association"];

const SCOPE_DOC =
  "scope cluster (default; enterprise users: enterprise, their own id), town (id = town code) or enterprise " +
  "(id = enterprise id); granularity month (default) or year; from/to YYYY-MM (default: the 12 months ending " +
  "with the current one, at most 120). Rates are percentages, null when their denominator is 0. " +
  "400 VALIDATION names the field (from, to, scope, id); unknown town or enterprise → 404 with field id; an " +
  "enterprise user asking for another scope → 403.";

export async function indicatorRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/indicators",
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: "Supervision indicators of the cluster, a town or an enterprise, by month or year",
        description: SCOPE_DOC,
        querystring: IndicatorQuery,
        response: { 200: IndicatorSeries },
      },
    },
    (req) => service.indicatorSeries(db, actorOf(req), req.query),
  );

  app.get(
    "/api/v1/indicators/export",
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: "The same indicators as an XLSX workbook",
        description: SCOPE_DOC,
        querystring: IndicatorQuery,
      },
    },
    async (req, reply) => {
      const data = await service.indicatorSeries(db, actorOf(req), req.query);
      const towns = data.scope === "cluster" ? await service.townBreakdown(db, data.from, data.to) : null;
      const buffer = await indicatorsWorkbook(data, towns, new Date());
      const name = `indicators-${data.scope}-${data.from}-${data.to}.xlsx`;
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(buffer);
    },
  );

  app.get(
    "/api/v1/indicators/dashboard",
    {
      config: { access: CLUSTER_READERS },
      schema: {
        tags,
        summary: "The cluster indicator dashboard of a year (YYYY, default this year) or a month (YYYY-MM)",
        description:
          "Totals, lots by supervision mode and a row per town for the period, and the twelve months of its year. " +
          "Read from the town-level monthly rollup (migration 0012).",
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    (req) => service.dashboard(db, req.query),
  );
}
