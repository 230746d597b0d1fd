// Single sampling plan lookup, ISO 2859-1:1999 / GB/T 2828.1-2012: Table 1 gives the code letter, Table 2-A/2-B/2-C
// (by inspection stage) the plan, following arrows to the first plan below/above.

import { AqlInputError } from "./errors.ts";
import {
  AQL_LABELS,
  AQL_SERIES,
  type Aql,
  type AqlTables,
  aqlIndex,
  type CodeLetter,
  type CodeLetterTable,
  DEFAULT_AQL_TABLES,
  followArrows,
  INSPECTION_LEVELS,
  INSPECTION_STAGES,
  type InspectionLevel,
  type InspectionStage,
  type PlanLetter,
  type SamplingPlanTable,
  TABLE_1,
} from "./tables.ts";

export interface SamplingPlanInput {
  /** Number of items in the lot: a safe integer ≥ 1 (see `samplingPlan` for a lot of 1). */
  lotSize: number;
  level: InspectionLevel;
  /** One of `AQL_SERIES` (e.g. 2.5; 0.010 is written 0.01); anything else throws `AqlInputError`. */
  aql: number;
  stage: InspectionStage;
}

export interface SamplingPlan {
  /** Table 1 letter for the lot size and inspection level. */
  codeLetter: CodeLetter;
  /** Row whose plan is used after following the arrows (may differ from `codeLetter`; "S" only on tightened). */
  planLetter: PlanLetter;
  /** n of the plan used. */
  planSampleSize: number;
  /** Items to inspect: `planSampleSize`, or the whole lot when that is not larger. */
  sampleSize: number;
  /** Acceptance number Ac of the plan used. */
  accept: number;
  /** Rejection number Re of the plan used (Ac + 1). */
  reject: number;
  /** True when n ≥ lot size: inspect every item, judged with the same Ac/Re. */
  fullInspection: boolean;
}

export interface ResolvedPlan {
  planLetter: PlanLetter;
  sampleSize: number;
  accept: number;
  reject: number;
}

export function isInspectionLevel(value: unknown): value is InspectionLevel {
  return typeof value === "string" && (INSPECTION_LEVELS as readonly string[]).includes(value);
}

export function isInspectionStage(value: unknown): value is InspectionStage {
  return typeof value === "string" && (INSPECTION_STAGES as readonly string[]).includes(value);
}

/**
 * An AQL from a number (2.5) or a printed label ("2.5", "0.010", "1.0"); throws `AqlInputError` (field "aql")
 * for anything outside the series.
 */
export function parseAql(value: unknown): Aql {
  let n: number = Number.NaN;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value)) n = Number(value);
  const i = aqlIndex(n);
  const aql = AQL_SERIES[i];
  if (aql === undefined) {
    throw new AqlInputError(
      "aql",
      `AQL must be one of ${AQL_LABELS.join(", ")}; got ${JSON.stringify(value)}`,
    );
  }
  return aql;
}

function checkLotSize(lotSize: unknown): number {
  if (typeof lotSize !== "number" || !Number.isSafeInteger(lotSize) || lotSize < 1) {
    throw new AqlInputError(
      "lotSize",
      `lot size must be a whole number of items ≥ 1; got ${String(lotSize)}`,
    );
  }
  return lotSize;
}

function checkLevel(level: unknown): InspectionLevel {
  if (!isInspectionLevel(level)) {
    throw new AqlInputError(
      "level",
      `inspection level must be one of ${INSPECTION_LEVELS.join(", ")}; got ${JSON.stringify(level)}`,
    );
  }
  return level;
}

function checkStage(stage: unknown): InspectionStage {
  if (!isInspectionStage(stage)) {
    throw new AqlInputError(
      "stage",
      `inspection stage must be one of ${INSPECTION_STAGES.join(", ")}; got ${JSON.stringify(stage)}`,
    );
  }
  return stage;
}

/**
 * Table 1 lookup. Lot sizes below the first range (i.e. a lot of 1) take the first row's letter; see
 * `samplingPlan`.
 */
export function codeLetterFor(
  lotSize: number,
  level: InspectionLevel,
  table: CodeLetterTable = TABLE_1,
): CodeLetter {
  checkLotSize(lotSize);
  checkLevel(level);
  const first = table.rows[0];
  if (first === undefined) throw new RangeError("Table 1 has no rows");
  if (lotSize < first.min) return first.letters[level];
  const row = table.rows.find((r) => lotSize >= r.min && (r.max === null || lotSize <= r.max));
  if (row === undefined) throw new RangeError(`Table 1 has no row for lot size ${lotSize}`);
  return row.letters[level];
}

/**
 * The plan a master table gives for `letter` at `aql`, following ↓/↑ to the first plan below/above; the sample size
 * is that plan's row's n. Throws a RangeError if the table leads nowhere (run `validateAqlTables` first).
 */
export function resolvePlan(table: SamplingPlanTable, letter: PlanLetter, aql: number): ResolvedPlan {
  const col = aqlIndex(aql);
  if (col < 0) throw new AqlInputError("aql", `AQL ${aql} is not in the series`);
  const row = table.rows.findIndex((r) => r.letter === letter);
  if (row < 0) throw new RangeError(`Table ${table.id} has no row for letter ${letter}`);
  const target = followArrows(table.rows, row, col);
  const planRow = target === null ? undefined : table.rows[target];
  const cell = planRow?.cells[col];
  if (planRow === undefined || typeof cell !== "object" || cell === null) {
    throw new RangeError(`Table ${table.id} ${letter}@${AQL_LABELS[col]}: arrow leads to no plan`);
  }
  return {
    planLetter: planRow.letter,
    sampleSize: planRow.sampleSize,
    accept: cell.accept,
    reject: cell.reject,
  };
}

/**
 * The single sampling plan for a lot.
 *
 * - Code letter from Table 1 (lot size × inspection level), plan from Table 2-A (normal), 2-B (tightened) or 2-C
 *   (reduced), following arrows; the sample size becomes the n of the plan used.
 * - When n ≥ lot size the whole lot is inspected: `sampleSize` = lot size, `fullInspection` = true, and the Ac/Re
 *   of the plan used still decide (ISO 2859-1 "if sample size equals or exceeds lot size, carry out 100 %
 *   inspection").
 * - A lot of 1 item is below Table 1's first range (2–8). It is not refused: it takes the first row's letter and
 *   its plan, and since every plan has n ≥ 2 the single item is always inspected (`fullInspection` true,
 *   `sampleSize` 1), judged with that plan's Ac/Re.
 *
 * Throws `AqlInputError` with `field` = "lotSize" | "level" | "aql" | "stage" on invalid input.
 */
export function samplingPlan(input: SamplingPlanInput, tables: AqlTables = DEFAULT_AQL_TABLES): SamplingPlan {
  if (typeof input !== "object" || input === null) throw new AqlInputError("input", "expected an object");
  const lotSize = checkLotSize(input.lotSize);
  const level = checkLevel(input.level);
  const aql = parseAql(input.aql);
  const stage = checkStage(input.stage);
  const codeLetter = codeLetterFor(lotSize, level, tables.codeLetters);
  const plan = resolvePlan(tables.plans[stage], codeLetter, aql);
  const fullInspection = plan.sampleSize >= lotSize;
  return {
    codeLetter,
    planLetter: plan.planLetter,
    planSampleSize: plan.sampleSize,
    sampleSize: fullInspection ? lotSize : plan.sampleSize,
    accept: plan.accept,
    reject: plan.reject,
    fullInspection,
  };
}

/**
 * For the switching score: the acceptance number the same sample (same row, same n) would have had at the AQL one
 * step tighter, or null when there is no tighter AQL or that cell is an arrow (another n, so not comparable).
 * In the default Table 2-A this is never null for a plan with Ac ≥ 2, which is the only case the score needs.
 */
export function tighterAqlAcceptNumber(
  table: SamplingPlanTable,
  planLetter: PlanLetter,
  aql: number,
): number | null {
  const col = aqlIndex(aql);
  if (col < 0) throw new AqlInputError("aql", `AQL ${aql} is not in the series`);
  if (col === 0) return null;
  const cell = table.rows.find((r) => r.letter === planLetter)?.cells[col - 1];
  return typeof cell === "object" && cell !== null ? cell.accept : null;
}
