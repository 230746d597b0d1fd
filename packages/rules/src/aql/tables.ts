// Acceptance sampling by attributes, ISO 2859-1:1999 / GB/T 2828.1-2012 (identical), single sampling.
//
// Everything here is data. The module never hard-wires a cell: `samplingPlan` and friends take an `AqlTables`
// value (default `DEFAULT_AQL_TABLES`), so an administrator can load a corrected copy of any table, check it with
// `validateAqlTables`, and pass it in. Each table records where it came from and how sure we are of it.
//
// Master tables are kept in their printed form: one row per sample size code letter, one cell per AQL, each cell
// either a plan "Ac/Re", an arrow ("↓" = use the first plan below, "↑" = the first plan above; the sample size then
// becomes that plan's n) or "-" (blank in the standard: no plan, never reached from a Table 1 letter). `parsePlanRow`
// turns a printed row into `PlanCell`s with the arrows as data ("down" / "up").

// biome-ignore format: keep the letters on one line, as printed
/** Sample size code letters as printed (I and O are not used). */
export const CODE_LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R"] as const;
export type CodeLetter = (typeof CODE_LETTERS)[number];

/** Letters that can carry a plan; S (n = 3150) only exists in the tightened table and only via arrows. */
export type PlanLetter = CodeLetter | "S";

export const INSPECTION_LEVELS = ["S-1", "S-2", "S-3", "S-4", "I", "II", "III"] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

export const INSPECTION_STAGES = ["normal", "tightened", "reduced"] as const;
export type InspectionStage = (typeof INSPECTION_STAGES)[number];

/**
 * The AQL series of ISO 2859-1 (percent nonconforming up to 10; nonconformities per 100 items over the whole
 * series), in table column order.
 */
export const AQL_SERIES = [
  0.01, 0.015, 0.025, 0.04, 0.065, 0.1, 0.15, 0.25, 0.4, 0.65, 1, 1.5, 2.5, 4, 6.5, 10, 15, 25, 40, 65, 100,
  150, 250, 400, 650, 1000,
] as const;
export type Aql = (typeof AQL_SERIES)[number];

// biome-ignore format: keep the column heads together
/** The AQLs as printed in the standard's column heads, index-aligned with `AQL_SERIES`. */
export const AQL_LABELS = [
  "0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15", "0.25", "0.40", "0.65", "1.0", "1.5", "2.5", "4.0",
  "6.5", "10", "15", "25", "40", "65", "100", "150", "250", "400", "650", "1000",
] as const;

/** Column index of an AQL in the master tables, or -1. */
export function aqlIndex(aql: number): number {
  return (AQL_SERIES as readonly number[]).indexOf(aql);
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes

export interface TableProvenance {
  /** Where the data came from: document, repository, file, commit. */
  source: string;
  /** True only when every cell was confirmed by two independent sources. */
  verified: boolean;
  /** What was compared with what, and what is still doubtful. */
  verificationNote: string;
  /** Cells no second source confirms, as "LETTER@AQL" (e.g. "A@10"), or ["*"] for all; empty when `verified`. */
  unverifiedCells: readonly string[];
}

export interface LotSizeRow {
  /** Smallest lot size of the range (inclusive). */
  min: number;
  /** Largest lot size of the range (inclusive); null = no upper bound. */
  max: number | null;
  letters: Readonly<Record<InspectionLevel, CodeLetter>>;
}

export interface CodeLetterTable extends TableProvenance {
  id: "1";
  title: string;
  rows: readonly LotSizeRow[];
}

export interface AcceptReject {
  /** Acceptance number Ac: accept the lot when the count found is ≤ Ac. */
  accept: number;
  /** Rejection number Re: do not accept when the count found is ≥ Re (Re = Ac + 1 in ISO 2859-1:1999). */
  reject: number;
}

/** One master-table cell: a plan, an arrow, or null for a blank. */
export type PlanCell = AcceptReject | "down" | "up" | null;

export interface PlanTableRow {
  letter: PlanLetter;
  /** The sample size n of this row in this table. */
  sampleSize: number;
  /** Index-aligned with `AQL_SERIES`. */
  cells: readonly PlanCell[];
}

export interface SamplingPlanTable extends TableProvenance {
  id: "2-A" | "2-B" | "2-C";
  stage: InspectionStage;
  title: string;
  /** Top to bottom; arrows move along this order. */
  rows: readonly PlanTableRow[];
}

export interface AqlTables {
  codeLetters: CodeLetterTable;
  plans: Readonly<Record<InspectionStage, SamplingPlanTable>>;
}

// ---------------------------------------------------------------------------------------------------------------
// Printed-row parsing

/**
 * Parses a printed master-table row: cells separated by whitespace, each "Ac/Re", "↓" (or "v"), "↑" (or "^"),
 * or "-" for a blank. Throws a RangeError on anything else.
 */
export function parsePlanRow(row: string): PlanCell[] {
  return row
    .trim()
    .split(/\s+/)
    .map((token): PlanCell => {
      if (token === "↓" || token === "v") return "down";
      if (token === "↑" || token === "^") return "up";
      if (token === "-") return null;
      const m = /^(\d+)\/(\d+)$/.exec(token);
      if (!m) throw new RangeError(`invalid master-table cell ${JSON.stringify(token)}`);
      return { accept: Number(m[1]), reject: Number(m[2]) };
    });
}

/** The inverse of `parsePlanRow`, for display and for exporting a table to an administrator. */
export function formatPlanRow(cells: readonly PlanCell[]): string {
  return cells
    .map((c) => (c === null ? "-" : c === "down" ? "↓" : c === "up" ? "↑" : `${c.accept}/${c.reject}`))
    .join(" ");
}

function planTableRows(
  sampleSizes: Readonly<Record<string, number>>,
  printed: Readonly<Record<string, string>>,
) {
  return Object.entries(printed).map(([letter, row]): PlanTableRow => {
    const sampleSize = sampleSizes[letter];
    if (sampleSize === undefined) throw new RangeError(`no sample size for letter ${letter}`);
    return { letter: letter as PlanLetter, sampleSize, cells: parsePlanRow(row) };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Table 1 — sample size code letters

const L = (
  s1: CodeLetter,
  s2: CodeLetter,
  s3: CodeLetter,
  s4: CodeLetter,
  i: CodeLetter,
  ii: CodeLetter,
  iii: CodeLetter,
) => ({ "S-1": s1, "S-2": s2, "S-3": s3, "S-4": s4, I: i, II: ii, III: iii }) as const;

export const TABLE_1: CodeLetterTable = {
  id: "1",
  title: "Table 1 — Sample size code letters",
  source:
    "ISO 2859-1:1999 Table 1 / GB/T 2828.1-2012 表1, as given in docs REFERENCE.md §2 (verified there); the same " +
    "15×7 letters are in github.com/fjgonzalezmgt/AQLSchemesCust R/AAZ14Single.R (commit c42ea7d, `letters`) and " +
    "in github.com/nihantao-crosis/quality-platform src/core/aql.ts (CODE_LETTER_TABLE).",
  verified: true,
  verificationNote:
    "All 105 cells agree across REFERENCE.md, AAZ14Single.R and the GB/T 2828.1-2012 transcription.",
  unverifiedCells: [],
  rows: [
    { min: 2, max: 8, letters: L("A", "A", "A", "A", "A", "A", "B") },
    { min: 9, max: 15, letters: L("A", "A", "A", "A", "A", "B", "C") },
    { min: 16, max: 25, letters: L("A", "A", "B", "B", "B", "C", "D") },
    { min: 26, max: 50, letters: L("A", "B", "B", "C", "C", "D", "E") },
    { min: 51, max: 90, letters: L("B", "B", "C", "C", "C", "E", "F") },
    { min: 91, max: 150, letters: L("B", "B", "C", "D", "D", "F", "G") },
    { min: 151, max: 280, letters: L("B", "C", "D", "E", "E", "G", "H") },
    { min: 281, max: 500, letters: L("B", "C", "D", "E", "F", "H", "J") },
    { min: 501, max: 1200, letters: L("C", "C", "E", "F", "G", "J", "K") },
    { min: 1201, max: 3200, letters: L("C", "D", "E", "G", "H", "K", "L") },
    { min: 3201, max: 10000, letters: L("C", "D", "F", "G", "J", "L", "M") },
    { min: 10001, max: 35000, letters: L("C", "D", "F", "H", "K", "M", "N") },
    { min: 35001, max: 150000, letters: L("D", "E", "G", "J", "L", "N", "P") },
    { min: 150001, max: 500000, letters: L("D", "E", "G", "J", "M", "P", "Q") },
    { min: 500001, max: null, letters: L("D", "E", "H", "K", "N", "Q", "R") },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Sample sizes per stage

// biome-ignore format: one line per table
/** n by code letter for normal (2-A) and tightened (2-B) inspection; S = 3150 only occurs in 2-B. */
export const SAMPLE_SIZES_NORMAL: Readonly<Record<CodeLetter, number>> = {
  A: 2, B: 3, C: 5, D: 8, E: 13, F: 20, G: 32, H: 50, J: 80, K: 125, L: 200, M: 315, N: 500, P: 800, Q: 1250, R: 2000,
};

export const SAMPLE_SIZES_TIGHTENED: Readonly<Record<PlanLetter, number>> = {
  ...SAMPLE_SIZES_NORMAL,
  S: 3150,
};

// biome-ignore format: one line per table
/** n by code letter for reduced inspection (2-C): A, B and C all take 2. */
export const SAMPLE_SIZES_REDUCED: Readonly<Record<CodeLetter, number>> = {
  A: 2, B: 2, C: 2, D: 3, E: 5, F: 8, G: 13, H: 20, J: 32, K: 50, L: 80, M: 125, N: 200, P: 315, Q: 500, R: 800,
};

// ---------------------------------------------------------------------------------------------------------------
// Table 2-A — normal inspection
// Columns: 0.010 0.015 0.025 0.040 0.065 0.10 0.15 0.25 0.40 0.65 1.0 1.5 2.5 4.0 6.5 10 15 25 40 65 100 150 250
//          400 650 1000

export const TABLE_2A: SamplingPlanTable = {
  id: "2-A",
  stage: "normal",
  title: "Table 2-A — Single sampling plans for normal inspection (master table)",
  source:
    "ISO 2859-1:1999 Table 2-A / GB/T 2828.1-2012 表2-A. Arrows reconstructed from two resolved transcriptions: " +
    "github.com/fjgonzalezmgt/AQLSchemesCust R/AAZ14Single.R (commit c42ea7d; MIL-STD-105E / ANSI Z1.4 " +
    "Table II-A, which ISO 2859-1 carries unchanged) and github.com/nihantao-crosis/quality-platform " +
    "src/core/aql.ts MASTER_2A_RAW (transcribed from the GB/T 2828.1-2012 text, printed page 15).",
  verified: true,
  verificationNote:
    "All 416 cells (n, Ac, Re after following the arrows) agree between the two transcriptions, and the 96 cells " +
    "of the REFERENCE.md §2 excerpt (AQL 0.65–6.5, letters A–R; verified) agree cell for cell.",
  unverifiedCells: [],
  rows: planTableRows(SAMPLE_SIZES_NORMAL, {
    A: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31",
    B: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45",
    C: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45 ↑",
    D: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45 ↑ ↑",
    E: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45 ↑ ↑ ↑",
    F: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑",
    G: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    H: "↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    J: "↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    K: "↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    L: "↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    M: "↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    N: "↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    P: "↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    Q: "0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    R: "↑ ↑ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
  }),
};

// ---------------------------------------------------------------------------------------------------------------
// Table 2-B — tightened inspection

export const TABLE_2B: SamplingPlanTable = {
  id: "2-B",
  stage: "tightened",
  title: "Table 2-B — Single sampling plans for tightened inspection (master table)",
  source:
    "ISO 2859-1:1999 Table 2-B / GB/T 2828.1-2012 表2-B. Arrows reconstructed from github.com/nihantao-crosis/" +
    "quality-platform src/core/aql.ts MASTER_2B_RAW (GB/T 2828.1-2012 text, printed page 16), cross-checked with " +
    "github.com/fjgonzalezmgt/AQLSchemesCust R/AAZ14Single.R (commit c42ea7d; MIL-STD-105E / ANSI Z1.4 " +
    "Table II-B). Row S (n = 3150) has a plan only under AQL 0.025 and is blank elsewhere.",
  verified: false,
  verificationNote:
    "415 of 416 resolved cells (n, Ac, Re) agree between the two transcriptions, including both cells that lead " +
    "to S/3150. They differ at A@10: the GB/T transcription has 0/1 on n = 2 (on the 0/1 diagonal that runs " +
    "B@6.5 … R@0.010), AAZ14Single.R follows an arrow down to D (n = 8, 1/2). The GB/T reading is kept because it " +
    "matches the table's diagonal structure; confirm against a printed copy.",
  unverifiedCells: ["A@10"],
  rows: planTableRows(SAMPLE_SIZES_TIGHTENED, {
    A: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28",
    B: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42",
    C: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42 ↑",
    D: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42 ↑ ↑",
    E: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42 ↑ ↑ ↑",
    F: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑",
    G: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    H: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    J: "↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    K: "↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    L: "↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    M: "↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    N: "↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    P: "↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    Q: "↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    R: "0/1 ↑ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    S: "- - 1/2 - - - - - - - - - - - - - - - - - - - - - - -",
  }),
};

// ---------------------------------------------------------------------------------------------------------------
// Table 2-C — reduced inspection (ISO 2859-1:1999 form: Re = Ac + 1, no gaps)

export const TABLE_2C: SamplingPlanTable = {
  id: "2-C",
  stage: "reduced",
  title: "Table 2-C — Single sampling plans for reduced inspection (master table)",
  source:
    "ISO 2859-1:1999 Table 2-C / GB/T 2828.1-2012 表2-C, from one source: github.com/nihantao-crosis/" +
    "quality-platform src/core/aql.ts MASTER_2C_RAW and its fixtures gbt2828-1-2012-tables-2abc*.tsv " +
    "(transcribed from the GB/T 2828.1-2012 text, printed page 17; AQL 0.65–6.5 and 15–1000 re-read from the " +
    "scan by independent transcribers per the fixtures' notes). Arrows reconstructed from the resolved cells. " +
    "NOT the MIL-STD-105E / ANSI Z1.4 reduced table (that one has Ac/Re gaps such as 1/3, 2/5).",
  verified: false,
  verificationNote:
    "No second independent transcription of ISO 2859-1:1999 Table 2-C was found. Corroboration only: every one " +
    "of the 416 resolved cells relates to the MIL-STD-105E reduced table in AAZ14Single.R (commit c42ea7d) by one " +
    "uniform gap-removal mapping (gap-free plans kept; 0/2 → an arrow, down to the next 1/2 plan except Q/R@0.025 " +
    "which point up to N's 0/1; 1/3 → 1/2; 1/4 → 2/3; 2/4 → 2/3; 2/5 → 3/4; 3/5 → 3/4; 3/6 → 5/6; 5/8 → 6/7; " +
    "7/10 → 8/9; 10/13 → 10/11; 14/17 → 14/15; 21/24 → 21/22), and sample sizes match except where a new arrow " +
    "moves to another row. Treat every cell as unverified and " +
    "confirm against a printed copy of ISO 2859-1:1999 or GB/T 2828.1-2012 before relying on reduced inspection.",
  unverifiedCells: ["*"],
  rows: planTableRows(SAMPLE_SIZES_REDUCED, {
    A: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31",
    B: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31",
    C: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 14/15 21/22 ↑",
    D: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 14/15 21/22 ↑ ↑",
    E: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 14/15 21/22 ↑ ↑ ↑",
    F: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑",
    G: "↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    H: "↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    J: "↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    K: "↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    L: "↓ ↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    M: "↓ ↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    N: "↓ ↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    P: "↓ 0/1 ↑ ↓ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    Q: "0/1 ↑ ↑ ↓ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
    R: "↑ ↑ ↑ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑ ↑",
  }),
};

export const DEFAULT_AQL_TABLES: AqlTables = {
  codeLetters: TABLE_1,
  plans: { normal: TABLE_2A, tightened: TABLE_2B, reduced: TABLE_2C },
};

// ---------------------------------------------------------------------------------------------------------------
// Validation of (possibly administrator-supplied) tables

function isPlan(cell: PlanCell | undefined): cell is AcceptReject {
  return typeof cell === "object" && cell !== null;
}

/** Where an arrow in `rows[row].cells[col]` finally leads, or null when it leads off the table or loops. */
export function followArrows(rows: readonly PlanTableRow[], row: number, col: number): number | null {
  const start = rows[row]?.cells[col];
  if (isPlan(start)) return row;
  if (start !== "down" && start !== "up") return null;
  const step = start === "down" ? 1 : -1;
  for (let r = row + step; r >= 0 && r < rows.length; r += step) {
    if (isPlan(rows[r]?.cells[col])) return r;
  }
  return null;
}

/**
 * Structural problems in a set of tables, as human-readable strings (empty = usable). Checks: Table 1 ranges are
 * contiguous from 2 with only the last open, letters are known; every plan table has 26 cells per row, integer
 * Ac ≥ 0 and Re = Ac + 1, positive increasing sample sizes, and every arrow reachable from a Table 1 letter leads
 * to a plan.
 */
export function validateAqlTables(tables: AqlTables): string[] {
  const problems: string[] = [];
  const t1 = tables.codeLetters.rows;
  if (t1.length === 0) problems.push("Table 1: no rows");
  let expectedMin = 2;
  t1.forEach((row, i) => {
    if (row.min !== expectedMin)
      problems.push(`Table 1 row ${i + 1}: starts at ${row.min}, expected ${expectedMin}`);
    const last = i === t1.length - 1;
    if (last !== (row.max === null))
      problems.push(`Table 1 row ${i + 1}: only the last row may be open-ended`);
    if (row.max !== null) {
      if (!Number.isSafeInteger(row.max) || row.max < row.min)
        problems.push(`Table 1 row ${i + 1}: bad range`);
      expectedMin = row.max + 1;
    }
    for (const level of INSPECTION_LEVELS) {
      if (!(CODE_LETTERS as readonly string[]).includes(row.letters[level])) {
        problems.push(`Table 1 row ${i + 1} ${level}: unknown letter ${String(row.letters[level])}`);
      }
    }
  });

  for (const stage of INSPECTION_STAGES) {
    const table = tables.plans[stage];
    const where = `Table ${table.id}`;
    if (table.stage !== stage) problems.push(`${where}: stage ${table.stage} filed under ${stage}`);
    let previousN = 0;
    table.rows.forEach((row) => {
      if (row.cells.length !== AQL_SERIES.length) {
        problems.push(`${where} ${row.letter}: ${row.cells.length} cells, expected ${AQL_SERIES.length}`);
      }
      if (!Number.isSafeInteger(row.sampleSize) || row.sampleSize < 1) {
        problems.push(`${where} ${row.letter}: bad sample size`);
      }
      if (row.sampleSize < previousN) problems.push(`${where} ${row.letter}: sample size decreases`);
      previousN = row.sampleSize;
      row.cells.forEach((cell, col) => {
        if (isPlan(cell)) {
          const ok = Number.isSafeInteger(cell.accept) && cell.accept >= 0 && cell.reject === cell.accept + 1;
          if (!ok)
            problems.push(`${where} ${row.letter}@${AQL_LABELS[col]}: need integer Ac ≥ 0 and Re = Ac + 1`);
        }
      });
    });
    for (const letter of CODE_LETTERS) {
      const r = table.rows.findIndex((row) => row.letter === letter);
      if (r < 0) {
        problems.push(`${where}: no row for letter ${letter}`);
        continue;
      }
      for (let col = 0; col < AQL_SERIES.length; col++) {
        if (followArrows(table.rows, r, col) === null) {
          problems.push(`${where} ${letter}@${AQL_LABELS[col]}: arrow or blank leads to no plan`);
        }
      }
    }
  }
  return problems;
}
