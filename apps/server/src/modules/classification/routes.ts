import { PassThrough } from "node:stream";
import { Type } from "@sinclair/typebox";
import type { Role } from "../../platform/access.ts";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { IdParams, Page } from "../../platform/schemas.ts";
import { listProductCategories, todayInChina } from "../supervision/context.ts";
import { removeOverride, saveAssessment, setOverride } from "./assessments.ts";
import { updateProductCategory } from "./categories.ts";
import { classHistory, classSummary, getClassDetail, iterateClasses, listClasses } from "./classes.ts";
import { writeClassesXlsx } from "./export.ts";
import { createQualityEvent, listQualityEvents } from "./quality-events.ts";
import {
  createRuleSet,
  getRuleSet,
  listRuleSets,
  localiseIssues,
  localiseRuleSet,
  publishRuleSet,
  updateRuleSet,
} from "./rulesets.ts";
import {
  AssessmentPut,
  ClassDetail,
  ClassFilters,
  ClassListItem,
  ClassListQuery,
  ClassSummary,
  CodeParams,
  EnterpriseParams,
  HistoryItem,
  OverridePut,
  ProductCategory,
  ProductCategoryPatch,
  PublishResult,
  QualityEvent,
  QualityEventCreate,
  QualityEventQuery,
  ReclassifyAllBody,
  ReclassifyResult,
  RuleSetDetail,
  RuleSetSummary,
  RuleSetWrite,
} from "./schemas.ts";
import { reclassifyAll, reclassifyEnterprise } from "./service.ts";

const tags = ["classification"];

/** The supervision authority: changes categories, rule sets, checklists, overrides. */
const REGULATORS: readonly Role[] = ["admin", "regulator"];
/** Everyone who reads every exporter's class. */
const INSPECTORS: readonly Role[] = ["admin", "regulator", "inspector"];
/** …and the enterprise itself, for its own class only. */
const CLASS_READERS: readonly Role[] = [...INSPECTORS, "enterprise"];

export async function classificationRoutes(app: App, deps: ModuleDeps) {
  productCategoryRoutes(app, deps);
  ruleSetRoutes(app, deps);
  classRoutes(app, deps);
  qualityEventRoutes(app, deps);
}

function productCategoryRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/product-categories",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Product categories with their risk grade and inspection defaults",
        response: { 200: Type.Object({ items: Type.Array(ProductCategory) }) },
      },
    },
    async () => ({ items: await listProductCategories(db) }),
  );
  app.patch(
    "/api/v1/product-categories/:code",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Change a category's risk, inspection level or AQLs (aqlCritical null = not allowed)",
        params: CodeParams,
        body: ProductCategoryPatch,
        response: { 200: ProductCategory },
      },
    },
    (req) => updateProductCategory(db, actorOf(req), req.params.code, req.body),
  );
}

function ruleSetRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/classification/rule-sets",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "Every rule set version, newest first",
        response: { 200: Type.Object({ items: Type.Array(RuleSetSummary) }) },
      },
    },
    () => listRuleSets(db),
  );
  app.get(
    "/api/v1/classification/rule-sets/:id",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "One rule set with its validation issues",
        params: IdParams,
        response: { 200: RuleSetDetail },
      },
    },
    async (req) => localiseRuleSet(await getRuleSet(db, req.params.id), req.locale),
  );
  app.post(
    "/api/v1/classification/rule-sets",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Create a draft rule set",
        body: RuleSetWrite,
        response: { 201: RuleSetDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(localiseRuleSet(await createRuleSet(db, actorOf(req), req.body), req.locale)),
  );
  app.put(
    "/api/v1/classification/rule-sets/:id",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Edit a draft (a published or retired version is frozen: 409 RULE_SET_FROZEN)",
        params: IdParams,
        body: RuleSetWrite,
        response: { 200: RuleSetDetail },
      },
    },
    async (req) =>
      localiseRuleSet(await updateRuleSet(db, actorOf(req), req.params.id, req.body), req.locale),
  );
  app.post(
    "/api/v1/classification/rule-sets/:id/publish",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary:
          "Validate and publish a draft, retiring the version in force (422 RULE_SET_INVALID on errors)",
        params: IdParams,
        response: { 200: PublishResult },
      },
    },
    async (req) => {
      const r = await publishRuleSet(db, actorOf(req), req.params.id);
      return {
        ruleSet: localiseRuleSet(r.ruleSet, req.locale),
        warnings: localiseIssues(r.warnings, req.locale),
        retired: r.retired,
      };
    },
  );
}

function classRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/classes",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "Exporters with their class in force",
        querystring: ClassListQuery,
        response: { 200: Page(ClassListItem) },
      },
    },
    (req) => listClasses(db, req.query, todayInChina()),
  );
  app.get(
    "/api/v1/classes/summary",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "Exporters per class in force, and the last scheduled reclassification",
        response: { 200: ClassSummary },
      },
    },
    () => classSummary(db, todayInChina()),
  );
  app.get(
    "/api/v1/classes/export",
    {
      config: { access: INSPECTORS },
      schema: { tags, summary: "The filtered class list as XLSX", querystring: ClassFilters },
    },
    async (req, reply) => {
      const today = todayInChina();
      const stream = new PassThrough();
      writeClassesXlsx(iterateClasses(db, req.query, today), stream).catch((err) => stream.destroy(err));
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="classes-${today}.xlsx"`)
        .send(stream);
    },
  );
  app.post(
    "/api/v1/classes/reclassify-all",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Reclassify every exporter now (body { confirm: true })",
        body: ReclassifyAllBody,
        response: { 200: ReclassifyResult },
      },
    },
    (req) => reclassifyAll(db, actorOf(req), "all"),
  );
  app.get(
    "/api/v1/classes/:enterpriseId",
    {
      config: { access: CLASS_READERS },
      schema: {
        tags,
        summary: "An enterprise's class in force with its reasons, checklist, override and supervision modes",
        params: EnterpriseParams,
        response: { 200: ClassDetail },
      },
    },
    (req) => getClassDetail(db, actorOf(req), req.params.enterpriseId, todayInChina()),
  );
  app.get(
    "/api/v1/classes/:enterpriseId/history",
    {
      config: { access: CLASS_READERS },
      schema: {
        tags,
        summary: "Every class decision about the enterprise, newest first",
        params: EnterpriseParams,
        response: { 200: Type.Object({ items: Type.Array(HistoryItem) }) },
      },
    },
    (req) => classHistory(db, actorOf(req), req.params.enterpriseId),
  );
  app.put(
    "/api/v1/classes/:enterpriseId/assessment",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Record the Decree 113 checklist scores (each 0…maxScore of the rule set in force)",
        params: EnterpriseParams,
        body: AssessmentPut,
        response: { 200: ClassDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await saveAssessment(db, actor, req.params.enterpriseId, req.body);
      return getClassDetail(db, actor, req.params.enterpriseId, todayInChina());
    },
  );
  app.post(
    "/api/v1/classes/:enterpriseId/reclassify",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Reclassify one enterprise now",
        params: EnterpriseParams,
        response: { 200: Type.Object({ changed: Type.Boolean(), detail: ClassDetail }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { changed } = await reclassifyEnterprise(db, actor, req.params.enterpriseId, "single");
      return { changed, detail: await getClassDetail(db, actor, req.params.enterpriseId, todayInChina()) };
    },
  );
  app.put(
    "/api/v1/classes/:enterpriseId/override",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "Set a manual class with a reason until an expiry date",
        params: EnterpriseParams,
        body: OverridePut,
        response: { 200: ClassDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await setOverride(db, actor, req.params.enterpriseId, req.body);
      return getClassDetail(db, actor, req.params.enterpriseId, todayInChina());
    },
  );
  app.delete(
    "/api/v1/classes/:enterpriseId/override",
    {
      config: { access: REGULATORS },
      schema: {
        tags,
        summary: "End the manual class now",
        params: EnterpriseParams,
        response: { 200: ClassDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await removeOverride(db, actor, req.params.enterpriseId);
      return getClassDetail(db, actor, req.params.enterpriseId, todayInChina());
    },
  );
}

function qualityEventRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/quality-events",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "Returns, claims, warnings, complaints and penalties (signals for classification)",
        querystring: QualityEventQuery,
        response: { 200: Page(QualityEvent) },
      },
    },
    (req) => listQualityEvents(db, req.query),
  );
  app.post(
    "/api/v1/quality-events",
    {
      config: { access: INSPECTORS },
      schema: {
        tags,
        summary: "Record a quality event",
        body: QualityEventCreate,
        response: { 201: QualityEvent },
      },
    },
    async (req, reply) => reply.status(201).send(await createQualityEvent(db, actorOf(req), req.body)),
  );
}
