import type { IncomingMessage, ServerResponse } from "node:http";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
} from "fastify";
import { type Access, type Actor, allows } from "./access.ts";
import type { Config } from "./config.ts";
import type { Db } from "./db.ts";
import { AppError, errorBody, type FieldErrorCode, type FieldIssue } from "./errors.ts";
import { type Locale, pickLocale } from "./i18n.ts";
import { CSRF_HEADER, findSession, SESSION_COOKIE } from "./sessions.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What every module plugin receives. */
export interface ModuleDeps {
  db: Db;
  config: Config;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Bodies are validated strictly (a number sent as a string is an error); query strings and params are coerced,
 * since they only ever arrive as text.
 */
export function installValidators(app: App): void {
  const strict = addFormats(
    new Ajv({ allErrors: true, coerceTypes: false, useDefaults: true, strict: false }),
  );
  const coercing = addFormats(
    new Ajv({
      allErrors: true,
      coerceTypes: "array",
      useDefaults: true,
      removeAdditional: true,
      strict: false,
    }),
  );
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === "body" ? strict : coercing).compile(schema as object),
  );
  // PostgreSQL text cannot hold a NUL character: refuse it at the edge as a field error, before it reaches SQL
  // and fails there as a server error.
  app.addHook("preValidation", async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const field = nulAt(part, "");
      if (field !== null) throw new AppError("VALIDATION", {}, [{ field: field || "body", code: "format" }]);
    }
  });
}

/** Where a NUL character hides in a parsed request part, as an API field name (a.b[0].c), or null. */
function nulAt(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulAt(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
  } else if (value && typeof value === "object" && !ArrayBuffer.isView(value) && !("pipe" in value)) {
    // Not into buffers and streams: the files of multipart uploads are the upload handler's to read.
    for (const [key, v] of Object.entries(value)) {
      const found = nulAt(v, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

const AJV_FIELD_CODES: Record<string, FieldErrorCode> = {
  required: "required",
  type: "type",
  maxLength: "too_long",
  minLength: "too_short",
  maxItems: "out_of_range",
  minItems: "out_of_range",
  enum: "not_allowed",
  const: "not_allowed",
  anyOf: "not_allowed",
  format: "format",
  pattern: "format",
  minimum: "out_of_range",
  maximum: "out_of_range",
  additionalProperties: "unknown_field",
};

/** Turns AJV's errors into field issues named like the API's fields (a.b[0].c). */
export function fieldIssuesFromAjv(errors: ErrorObject[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let field = e.instancePath
      .replace(/^\//, "")
      .replace(/\/(\d+)/g, "[$1]")
      .replace(/\//g, ".");
    const p = e.params as Record<string, unknown>;
    if (e.keyword === "required") field = field ? `${field}.${p.missingProperty}` : String(p.missingProperty);
    if (e.keyword === "additionalProperties")
      field = field ? `${field}.${p.additionalProperty}` : String(p.additionalProperty);
    const code: FieldErrorCode =
      e.keyword === "minLength" && p.limit === 1 ? "required" : (AJV_FIELD_CODES[e.keyword] ?? "format");
    const params: Record<string, string | number> = {};
    if (typeof p.limit === "number") params.limit = p.limit;
    if (e.keyword === "type") params.expected = String(p.type);
    // A union (anyOf) repeats what its branches said; keep the first, most specific issue per field.
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field: field || "body", code, params });
  }
  return issues;
}

export function installErrorHandling(app: App): void {
  app.setErrorHandler((err, req, reply) => {
    const locale = req.locale ?? pickLocale(req.headers["accept-language"]);
    const e = err as Error & { validation?: ErrorObject[]; statusCode?: number; code?: string };
    let appError: AppError;
    if (e instanceof AppError) appError = e;
    else if (e.validation) appError = new AppError("VALIDATION", {}, fieldIssuesFromAjv(e.validation));
    else if (e.code === "FST_REQ_FILE_TOO_LARGE" || e.statusCode === 413)
      appError = new AppError("FILE_TOO_LARGE", { limit: 0 });
    else if (e.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || e.statusCode === 415)
      appError = new AppError("UNSUPPORTED_FILE");
    else if (e.statusCode === 429) appError = new AppError("RATE_LIMITED");
    else if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      appError = new AppError("BAD_REQUEST", { detail: e.message });
    else {
      req.log.error({ err }, "unhandled error");
      appError = new AppError("INTERNAL");
    }
    if (appError.code === "FILE_TOO_LARGE" && appError.params.limit === 0) {
      // The message speaks of megabytes; bodyLimit is in bytes.
      appError = new AppError("FILE_TOO_LARGE", {
        limit: Math.round((app.initialConfig.bodyLimit ?? 0) / (1024 * 1024)),
      });
    }
    reply.status(appError.status).send(errorBody(appError, locale));
  });
}

/**
 * Default deny: every route must declare `config.access`, checked when the route is registered, and each request
 * is authenticated, authorised and CSRF-checked before its handler runs.
 */
export function installAccessControl(app: App, db: Db): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("locale", "zh-CN");

  app.addHook("onRoute", (route) => {
    // The API documentation pages are registered by @fastify/swagger-ui and are public by nature.
    if (route.url.startsWith("/api/docs")) route.config = { ...route.config, access: "public" };
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined && route.url.startsWith("/api")) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    }
  });

  app.addHook("onRequest", async (req: FastifyRequest, _reply: FastifyReply) => {
    req.locale = pickLocale(req.headers["accept-language"]);
    const access = req.routeOptions.config.access ?? "public";
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findSession(db, token);
      if (session) {
        req.actor = session.actor;
        req.csrfToken = session.csrfToken;
      }
    }
    if (access === "public") return;
    if (!req.actor) throw new AppError(token ? "SESSION_EXPIRED" : "UNAUTHENTICATED");
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== req.csrfToken)
      throw new AppError("CSRF");
    if (!allows(access, req.actor)) throw new AppError("FORBIDDEN");
  });
}

/** The signed-in actor of a route that is not public. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError("UNAUTHENTICATED");
  return req.actor;
}
