import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyServerOptions } from "fastify";
import { auditRoutes } from "./modules/audit/routes.ts";
import { authRoutes } from "./modules/auth/routes.ts";
import { caseRoutes } from "./modules/cases/routes.ts";
import { classificationRoutes } from "./modules/classification/routes.ts";
import { dashboardRoutes } from "./modules/dashboard/routes.ts";
import { enterpriseRoutes } from "./modules/enterprises/routes.ts";
import { evaluationRoutes } from "./modules/evaluations/routes.ts";
import { healthRoutes } from "./modules/health/routes.ts";
import { importRoutes } from "./modules/imports/routes.ts";
import { indicatorRoutes } from "./modules/indicators/routes.ts";
import { labourRoutes } from "./modules/labour/routes.ts";
import { lotRoutes } from "./modules/lots/routes.ts";
import { privilegeRoutes } from "./modules/privileges/routes.ts";
import { publicRoutes } from "./modules/public/routes.ts";
import { referenceRoutes } from "./modules/reference/routes.ts";
import { samplingRoutes } from "./modules/sampling/routes.ts";
import { userRoutes } from "./modules/users/routes.ts";
import { videoRoutes } from "./modules/video/routes.ts";
import type { Config } from "./platform/config.ts";
import type { Db } from "./platform/db.ts";
import { AppError, errorBody } from "./platform/errors.ts";
import {
  type App,
  installAccessControl,
  installErrorHandling,
  installValidators,
  type ModuleDeps,
} from "./platform/http.ts";
import { pickLocale } from "./platform/i18n.ts";

const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

/** Module plugins in the order their routes appear in the OpenAPI document. */
const MODULES: ((app: App, deps: ModuleDeps) => Promise<void>)[] = [
  healthRoutes,
  authRoutes,
  enterpriseRoutes,
  importRoutes,
  referenceRoutes,
  dashboardRoutes,
  publicRoutes,
  samplingRoutes,
  classificationRoutes,
  lotRoutes,
  privilegeRoutes,
  videoRoutes,
  indicatorRoutes,
  evaluationRoutes,
  labourRoutes,
  caseRoutes,
  userRoutes,
  auditRoutes,
];

export interface BuildOptions {
  db: Db;
  config: Config;
  logger?: FastifyServerOptions["logger"];
  /** Serve the built console from apps/web/dist when it exists (default true). */
  serveWeb?: boolean;
}

export async function buildApp({ db, config, logger = false, serveWeb = true }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { coerceTypes: "array" } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installValidators(app);
  installErrorHandling(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1 } });
  installAccessControl(app, db);

  await app.register(swagger, {
    openapi: {
      info: {
        title: "Jingwei (经纬) API",
        version: "1",
        description:
          "The API of the Jingwei cluster platform. Sign in with POST /api/auth/login; send the returned csrfToken " +
          "as the x-csrf-token header on every POST, PUT, PATCH and DELETE. Errors are " +
          "{ error: { code, message, fields? } } with messages in the language of Accept-Language (zh-CN, en-US).",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "jw_session" } } },
      security: [{ session: [] }],
    },
  });
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, () => app.swagger());
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });

  const deps: ModuleDeps = { db, config };
  for (const mod of MODULES) await app.register(async (scope) => mod(scope as App, deps));

  const hasWeb = serveWeb && existsSync(WEB_DIST);
  // wildcard: files are looked up per request, so a rebuilt console is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes get the console's index.html; API paths and missing files (anything with an extension)
    // get a real 404.
    const path = req.url.split("?")[0] ?? "";
    if (path.startsWith("/api") || !hasWeb || req.method !== "GET" || /\.[a-z0-9]+$/i.test(path)) {
      const locale = pickLocale(req.headers["accept-language"]);
      return reply.status(404).send(errorBody(new AppError("ROUTE_NOT_FOUND"), locale));
    }
    return reply.type("text/html").sendFile("index.html");
  });
  return app;
}
