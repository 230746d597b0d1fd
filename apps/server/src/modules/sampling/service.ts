// Sampling plans for a lot: the ISO 2859-1 / GB/T 2828.1 rules of packages/rules behind the platform's validation
// errors. No I/O and no actor: the plans are public knowledge, shared by the HTTP routes and the CLI.

import {
  AQL_LABELS,
  AqlInputError,
  type AqlTables,
  aqlIndex,
  DEFAULT_AQL_TABLES,
  INSPECTION_LEVELS,
  INSPECTION_STAGES,
  type InspectionLevel,
  type InspectionStage,
  parseAql,
  samplingPlan,
} from "@jingwei/rules";
import { type FieldIssue, validationError } from "../../platform/errors.ts";
import type { ClassPlan, ClassPlans, SamplingPlanResult } from "./schemas.ts";

/** Raw input, as it arrives from a query string or the command line; everything is checked here. */
export interface PlanInput {
  lotSize: unknown;
  level?: unknown;
  aql: unknown;
  stage?: unknown;
}

export interface PlansInput {
  lotSize: unknown;
  level?: unknown;
  stage?: unknown;
  aqlCritical?: unknown;
  aqlMajor?: unknown;
  aqlMinor?: unknown;
}

export const DEFAULT_LEVEL: InspectionLevel = "II";
export const DEFAULT_STAGE: InspectionStage = "normal";
/**
 * Garment-industry defaults for the three classes: critical defects not allowed (AQL 0, i.e. Ac 0 / Re 1),
 * major 2.5, minor 4.0.
 */
export const DEFAULT_CLASS_AQLS = { aqlCritical: "0", aqlMajor: "2.5", aqlMinor: "4.0" } as const;

function checkLotSize(value: unknown, issues: FieldIssue[]): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    issues.push({ field: "lotSize", code: "type", params: { expected: "integer" } });
  } else if (value < 1 || !Number.isSafeInteger(value)) {
    issues.push({ field: "lotSize", code: "out_of_range" });
  }
  return value as number;
}

function checkOneOf<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  issues: FieldIssue[],
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  issues.push({ field, code: "not_allowed" });
  return fallback;
}

/** An AQL label or number → its printed label, or a not_allowed issue on `field`. */
function checkAql(field: string, value: unknown, issues: FieldIssue[]): string {
  try {
    return AQL_LABELS[aqlIndex(parseAql(value))] as string;
  } catch (err) {
    if (!(err instanceof AqlInputError)) throw err;
    issues.push({ field, code: "not_allowed" });
    return "";
  }
}

/** "0", "0.0", 0: the class is not allowed (zero acceptance). */
function isZero(value: unknown): boolean {
  if (typeof value === "number") return value === 0;
  return typeof value === "string" && /^\s*0+(\.0+)?\s*$/.test(value);
}

function tableVerified(stage: InspectionStage, tables: AqlTables): boolean {
  return tables.codeLetters.verified && tables.plans[stage].verified;
}

function lookUp(
  lotSize: number,
  level: InspectionLevel,
  aql: string,
  stage: InspectionStage,
  tables: AqlTables,
): SamplingPlanResult {
  let plan: ReturnType<typeof samplingPlan>;
  try {
    plan = samplingPlan({ lotSize, level, aql: parseAql(aql), stage }, tables);
  } catch (err) {
    // Input was checked above; a rules error left here names a field all the same.
    if (err instanceof AqlInputError) throw validationError([{ field: err.field, code: "not_allowed" }]);
    throw err;
  }
  return {
    ...plan,
    aql,
    table: tables.plans[stage].id,
    tableVerified: tableVerified(stage, tables),
  };
}

/** The single sampling plan for one AQL. Throws VALIDATION naming every invalid field. */
export function planFor(input: PlanInput, tables: AqlTables = DEFAULT_AQL_TABLES): SamplingPlanResult {
  const issues: FieldIssue[] = [];
  const lotSize = checkLotSize(input.lotSize, issues);
  const level = checkOneOf("level", input.level, INSPECTION_LEVELS, DEFAULT_LEVEL, issues);
  const aql = checkAql("aql", input.aql, issues);
  const stage = checkOneOf("stage", input.stage, INSPECTION_STAGES, DEFAULT_STAGE, issues);
  if (issues.length > 0) throw validationError(issues);
  return lookUp(lotSize, level, aql, stage, tables);
}

/**
 * Plans for the critical, major and minor classes of one lot.
 *
 * A class with AQL 0 (allowed for critical defects only) is "not allowed": no plan of the tables, but Ac 0 / Re 1
 * judged on the sample already drawn for the major and minor classes — the larger of the two, so one sample serves
 * every class — with that plan's letters, sample size and full-inspection flag.
 */
export function plansFor(input: PlansInput, tables: AqlTables = DEFAULT_AQL_TABLES): ClassPlans {
  const issues: FieldIssue[] = [];
  const lotSize = checkLotSize(input.lotSize, issues);
  const level = checkOneOf("level", input.level, INSPECTION_LEVELS, DEFAULT_LEVEL, issues);
  const stage = checkOneOf("stage", input.stage, INSPECTION_STAGES, DEFAULT_STAGE, issues);
  const criticalRaw = input.aqlCritical ?? DEFAULT_CLASS_AQLS.aqlCritical;
  const zeroCritical = isZero(criticalRaw);
  const critical = zeroCritical ? "0" : checkAql("aqlCritical", criticalRaw, issues);
  const major = checkAql("aqlMajor", input.aqlMajor ?? DEFAULT_CLASS_AQLS.aqlMajor, issues);
  const minor = checkAql("aqlMinor", input.aqlMinor ?? DEFAULT_CLASS_AQLS.aqlMinor, issues);
  if (issues.length > 0) throw validationError(issues);

  const ofClass = (plan: SamplingPlanResult): ClassPlan => ({ ...plan, zeroAcceptance: false });
  const majorPlan = ofClass(lookUp(lotSize, level, major, stage, tables));
  const minorPlan = ofClass(lookUp(lotSize, level, minor, stage, tables));
  const criticalPlan: ClassPlan = zeroCritical
    ? {
        ...(minorPlan.sampleSize > majorPlan.sampleSize ? minorPlan : majorPlan),
        aql: "0",
        accept: 0,
        reject: 1,
        zeroAcceptance: true,
      }
    : ofClass(lookUp(lotSize, level, critical, stage, tables));
  return { critical: criticalPlan, major: majorPlan, minor: minorPlan };
}

/** Lot size from command-line text: "1200" → 1200; anything not a number stays NaN for the checks to refuse. */
export function lotSizeFromText(text: string): number {
  const trimmed = text.trim();
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
