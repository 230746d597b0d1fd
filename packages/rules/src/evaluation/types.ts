// Evaluation systems (评价体系) as versioned data: sections of typed indicators, a scoring method, level bands and
// overall rating rules. CSC9000T, amfori BSCI, a star rating and a clean-enterprise grade are all just data here;
// validate.ts checks a system, score.ts scores answers against it.

export interface LocalizedText {
  zh: string;
  en: string;
}

export type EvaluationKind =
  | "socialCompliance"
  | "managementRating"
  | "integrity"
  | "supervisionChecklist"
  | "custom";

export const EVALUATION_KINDS: readonly EvaluationKind[] = [
  "socialCompliance",
  "managementRating",
  "integrity",
  "supervisionChecklist",
  "custom",
];

export type SystemStatus = "draft" | "published";

/**
 * Where a piece of the system comes from. The issue requires the data itself to say which parts are ours:
 * "source" is taken from a seed document or a standard (cite it: "REFERENCE.md §5", "seed 003"), "authored"
 * was written by the Jingwei team from common practice (basis: what informed it).
 */
export type Provenance =
  | { kind: "source"; cite: string; verified?: boolean }
  | { kind: "authored"; basis?: string };

/** Threshold scoring for numbers: each step met earns its points; the best step met counts, none met → 0. */
export interface ThresholdScoring {
  /** higherIsBetter: a step is met when value ≥ threshold; lowerIsBetter: when value ≤ threshold. */
  direction: "higherIsBetter" | "lowerIsBetter";
  steps: ThresholdStep[];
}

export interface ThresholdStep {
  threshold: number;
  points: number;
}

export interface ChoiceOption {
  id: string;
  label: LocalizedText;
  points: number;
}

interface IndicatorCommon {
  /** Unique in the whole system: answers are keyed by it. */
  id: string;
  name: LocalizedText;
  guidance?: LocalizedText;
  /** Share of its section (weightedPercent only; the weights of a section sum to 100). */
  weight?: number;
  /** Points for a full answer (> 0); an indicator's share of credit is points ÷ maxPoints. */
  maxPoints: number;
  /** Failing it caps a level (rating rule crucialFailureCap). */
  crucial?: boolean;
  /** Failing it is a zero-tolerance breach (rating rule zeroTolerance). */
  zeroTolerance?: boolean;
  /** May be answered null ("not applicable"), which leaves it out of the totals. */
  allowNotApplicable?: boolean;
  /** Free grouping labels, e.g. "riskPoint", "zeroTolerance:childLabour". */
  tags?: string[];
  provenance: Provenance;
}

export interface YesPartialNoIndicator extends IndicatorCommon {
  type: "yesPartialNo";
  /** Points for "partial"; default maxPoints ÷ 2. */
  partialPoints?: number;
}

export interface NumberIndicator extends IndicatorCommon {
  type: "number";
  unit: string;
  min?: number;
  max?: number;
  integer?: boolean;
  scoring: ThresholdScoring;
}

export interface SingleChoiceIndicator extends IndicatorCommon {
  type: "singleChoice";
  options: ChoiceOption[];
}

/** The chosen options' points are summed and capped at maxPoints. */
export interface MultiChoiceIndicator extends IndicatorCommon {
  type: "multiChoice";
  options: ChoiceOption[];
}

/** Evidence: full points with at least minFiles files, none otherwise. */
export interface FileIndicator extends IndicatorCommon {
  type: "file";
  minFiles: number;
  /** Accepted extensions or media types, for the upload form. */
  accept?: string[];
}

/**
 * A named platform metric (e.g. "labour.monthlyOvertimeOver36h"): the caller computes the value from platform
 * data and passes it in ScoreOptions.metrics; an auditor may overrule it with a reason.
 */
export interface ComputedIndicator extends IndicatorCommon {
  type: "computed";
  metric: string;
  unit: string;
  scoring: ThresholdScoring;
}

export type Indicator =
  | YesPartialNoIndicator
  | NumberIndicator
  | SingleChoiceIndicator
  | MultiChoiceIndicator
  | FileIndicator
  | ComputedIndicator;

export type IndicatorType = Indicator["type"];

export const INDICATOR_TYPES: readonly IndicatorType[] = [
  "yesPartialNo",
  "number",
  "singleChoice",
  "multiChoice",
  "file",
  "computed",
];

export interface Section {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** Share of the system (weightedPercent only; section weights sum to 100). */
  weight?: number;
  provenance?: Provenance;
  indicators: Indicator[];
}

/**
 * weightedPercent: a section's percent is the weighted mean of its indicators' shares, the overall percent the
 * weighted mean of the sections. pointsSum: points add up; percent = points ÷ maximum.
 */
export type ScoringMethod = "weightedPercent" | "pointsSum";

export const SCORING_METHODS: readonly ScoringMethod[] = ["weightedPercent", "pointsSum"];

export interface LevelDef {
  id: string;
  name: LocalizedText;
  /** How long a rating at this level stands. */
  validityMonths?: number;
  /** When a follow-up audit is due after a rating at this level. */
  followUpMonths?: number;
  provenance?: Provenance;
}

/** A band [min, max) of the basis; the band ending at the top of the range also contains it. */
export interface LevelBand {
  level: string;
  min: number;
  max: number;
}

/** percent: 0–100; points: 0 … the system's total maxPoints (scaled up when indicators are not applicable). */
export interface Banding {
  basis: "percent" | "points";
  bands: LevelBand[];
}

/** How many rated sections are at one of `levels`: at least / at most. */
export interface LevelCountCondition {
  levels: string[];
  atLeast?: number;
  atMost?: number;
}

/** The first step, best first, whose conditions all hold gives the overall level. */
export interface LadderStep {
  level: string;
  when: LevelCountCondition[];
}

export type OverallMethod =
  | { method: "bands"; banding: Banding }
  | { method: "sectionLevels"; ladder: LadderStep[]; otherwise: string };

/**
 * Rules applied after the base level, in a fixed order whatever their order in the data: section caps, then
 * overall caps, then zero tolerance, so a breach always prevails.
 */
export type RatingRule =
  | {
      kind: "zeroTolerance";
      /** worstLevel: the worst level regardless of the score; noRating: the rating is withheld. */
      effect: "worstLevel" | "noRating";
      provenance: Provenance;
    }
  | {
      kind: "crucialFailureCap";
      /** section: the failing indicator's section; overall: the system's level. */
      scope: "section" | "overall";
      capAt: string;
      provenance: Provenance;
    }
  | {
      kind: "sectionLevelShareCap";
      /** Sections at this level or worse are counted. */
      atOrWorse: string;
      /** Triggered when at least this many rated sections are counted … */
      minCount?: number;
      /** … or at least this share (0–100) of the rated sections. */
      minSharePercent?: number;
      capAt: string;
      provenance: Provenance;
    };

export type RatingRuleKind = RatingRule["kind"];

export interface RatingScheme {
  /** Best first. */
  levels: LevelDef[];
  /** Section levels from the section percent; needed by sectionLevels and sectionLevelShareCap. */
  sectionBands?: LevelBand[];
  overall: OverallMethod;
  rules: RatingRule[];
  provenance?: Provenance;
}

export interface EvaluationSystem {
  id: string;
  version: string;
  name: LocalizedText;
  kind: EvaluationKind;
  status: SystemStatus;
  description?: LocalizedText;
  scoringMethod: ScoringMethod;
  sections: Section[];
  rating: RatingScheme;
}

export function isPublished(sys: Pick<EvaluationSystem, "status">): boolean {
  return sys.status === "published";
}

/** Ids of systems, sections, indicators, options and levels: letters, digits, "_" and "-", at most 64. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Every indicator of a system with its section, in order. */
export function allIndicators(sys: EvaluationSystem): { section: Section; indicator: Indicator }[] {
  return sys.sections.flatMap((section) => section.indicators.map((indicator) => ({ section, indicator })));
}

/** The system's total maxPoints. */
export function systemMaxPoints(sys: EvaluationSystem): number {
  let total = 0;
  for (const s of sys.sections) for (const i of s.indicators) total += i.maxPoints;
  return total;
}
