import type { Actor } from "../../platform/access.ts";
import type { Sql } from "../../platform/db.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { UNCLASSIFIED_CLASS } from "../supervision/context.ts";

// Helpers shared by the privileges routes: the class in force as SQL (for lists, where one query per enterprise
// would not do), rolling windows in whole months, and the checks every mutation makes.

/**
 * The class in force as a SQL expression over `enterprise_supervision s` (left-joined): the same rule as
 * supervision/context.ts classInForce — an unexpired override, else the latest decision, else the default.
 * `today` is the placeholder of today's date.
 */
export function classInForceSql(today: string): string {
  return `coalesce(case when s.override_class is not null and s.override_expires_on >= ${today}::date
    then s.override_class end, s.class, '${UNCLASSIFIED_CLASS}')`;
}

/** First day of the window of `months` whole months that ends with the month of `today` (YYYY-MM-DD). */
export function windowStart(today: string, months: number): string {
  const [y = 1970, m = 1] = today.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 - (months - 1), 1)).toISOString().slice(0, 10);
}

/** 100 × accepted / inspected, one decimal; null when nothing was inspected (not observed). */
export function passRate(accepted: number, inspected: number): number | null {
  return inspected > 0 ? Math.round((1000 * accepted) / inspected) / 10 : null;
}

export interface EnterpriseRef {
  id: string;
  name: string;
  uscc: string;
}

/** The enterprise, or null. */
export async function findEnterprise(sql: Sql, id: string): Promise<EnterpriseRef | null> {
  const [row] = await sql.query<EnterpriseRef>("select id, name, uscc from enterprises where id = $1", [id]);
  return row ?? null;
}

/** An enterprise named in a body field: unknown is a field error (the client sent a bad id). */
export async function enterpriseOfField(
  sql: Sql,
  id: string,
  field = "enterpriseId",
): Promise<EnterpriseRef> {
  const found = await findEnterprise(sql, id);
  if (!found) throw validationError([{ field, code: "unknown_enterprise" }]);
  return found;
}

/**
 * Free text that must say something: JSON Schema's minLength lets "   " through, so blank text is refused here
 * as `required`, and the trimmed text is what gets stored.
 */
export function requiredText<K extends string>(fields: Record<K, string>): Record<K, string> {
  const entries = Object.entries(fields) as [K, string][];
  const issues = entries
    .filter(([, v]) => v.trim() === "")
    .map(([field]) => ({ field, code: "required" as const }));
  if (issues.length > 0) throw validationError(issues);
  return Object.fromEntries(entries.map(([k, v]) => [k, v.trim()])) as Record<K, string>;
}

/**
 * Which enterprise an enterprise user may act for: its own. Staff pass `requested` through. A request naming
 * another enterprise is refused (FORBIDDEN) when acting, or not found when reading.
 */
export function scopedEnterprise(
  actor: Actor,
  requested: string | undefined,
  mode: "act" | "read",
): string | undefined {
  if (actor.role !== "enterprise") return requested;
  if (!actor.enterpriseId) throw new AppError("FORBIDDEN");
  if (requested && requested !== actor.enterpriseId)
    throw new AppError(mode === "act" ? "FORBIDDEN" : "NOT_FOUND");
  return actor.enterpriseId;
}

/** A unique-index violation (the same code on PostgreSQL and PGlite). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "23505";
}

/** ISO timestamp text of a timestamptz column, as the other modules render them. */
export const isoTimestamp = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
