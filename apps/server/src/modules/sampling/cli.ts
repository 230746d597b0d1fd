// `jingwei sampling plan|plans`: the API's sampling plans on the command line, same JSON, same validation.

import { AQL_LABELS, INSPECTION_LEVELS, INSPECTION_STAGES } from "@jingwei/rules";
import { AppError, errorBody } from "../../platform/errors.ts";
import { type Locale, pickLocale } from "../../platform/i18n.ts";
import { lotSizeFromText, planFor, plansFor } from "./service.ts";

/** The language of the terminal (LC_ALL, LC_MESSAGES, LANG: en_US.UTF-8 → en-US); Chinese otherwise. */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return pickLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined);
}

/** API field → the option that carries it. */
const OPTION_OF: Record<string, string> = {
  lotSize: "--lot",
  level: "--level",
  stage: "--stage",
  aql: "--aql",
  aqlCritical: "--critical",
  aqlMajor: "--major",
  aqlMinor: "--minor",
};

/** The values a field takes, listed after a not_allowed message. */
const ALLOWED: Record<string, readonly string[]> = {
  level: INSPECTION_LEVELS,
  stage: INSPECTION_STAGES,
  aql: AQL_LABELS,
  aqlCritical: ["0", ...AQL_LABELS],
  aqlMajor: AQL_LABELS,
  aqlMinor: AQL_LABELS,
};

/** Turns the platform's validation error into one line per option: `--lot "0": 超出允许范围`. */
function cliError(err: unknown, given: Record<string, string | undefined>, locale: Locale): unknown {
  if (!(err instanceof AppError)) return err;
  const { error } = errorBody(err, locale);
  const lines = [error.message];
  for (const f of error.fields ?? []) {
    const option = OPTION_OF[f.field] ?? f.field;
    const value = given[f.field];
    const allowed = f.code === "not_allowed" ? ALLOWED[f.field] : undefined;
    lines.push(
      `  ${option}${value === undefined ? "" : ` ${JSON.stringify(value)}`}: ${f.message}` +
        (allowed ? ` (${allowed.join(", ")})` : ""),
    );
  }
  return new Error(lines.join("\n"));
}

export interface PlanOptions {
  lot: string;
  aql: string;
  level?: string;
  stage?: string;
}

export interface PlansOptions {
  lot: string;
  level?: string;
  stage?: string;
  critical?: string;
  major?: string;
  minor?: string;
}

/** The JSON of GET /api/v1/sampling/plan for the options, or an Error naming each bad option. */
export function samplingPlanText(opts: PlanOptions, locale: Locale = terminalLocale()): string {
  const input = { lotSize: opts.lot, level: opts.level, aql: opts.aql, stage: opts.stage };
  try {
    return JSON.stringify(planFor({ ...input, lotSize: lotSizeFromText(opts.lot) }), null, 2);
  } catch (err) {
    throw cliError(err, input, locale);
  }
}

/** The JSON of GET /api/v1/sampling/plans for the options, or an Error naming each bad option. */
export function samplingPlansText(opts: PlansOptions, locale: Locale = terminalLocale()): string {
  const input = {
    lotSize: opts.lot,
    level: opts.level,
    stage: opts.stage,
    aqlCritical: opts.critical,
    aqlMajor: opts.major,
    aqlMinor: opts.minor,
  };
  try {
    return JSON.stringify(plansFor({ ...input, lotSize: lotSizeFromText(opts.lot) }), null, 2);
  } catch (err) {
    throw cliError(err, input, locale);
  }
}
