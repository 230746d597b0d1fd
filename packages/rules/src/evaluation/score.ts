import type { TraceLine } from "../classification/classify.ts";
import {
  type AnswerIssue,
  type AnswerIssueCode,
  type AnswerValue,
  type AssessmentAnswers,
  answerPoints,
  answerText,
  checkAnswerValue,
  sameAnswer,
} from "./answers.ts";
import type { EvaluationSystem, Indicator, LevelBand, LevelDef, RatingRule, Section } from "./types.ts";
import { systemMaxPoints } from "./types.ts";
import { type SystemIssue, validateEvaluationSystem } from "./validate.ts";

/** A validated system with lookups built once, for scoring many assessments. */
export interface PreparedSystem {
  readonly system: EvaluationSystem;
  /** Warnings of the system (errors refuse preparation). */
  readonly warnings: readonly SystemIssue[];
  readonly indicatorIndex: ReadonlyMap<string, { section: Section; indicator: Indicator }>;
  readonly levelRank: ReadonlyMap<string, number>;
  readonly maxPoints: number;
}

export type PrepareResult =
  | { ok: true; prepared: PreparedSystem }
  | { ok: false; systemIssues: SystemIssue[] };

/** Validate a system once; score many assessments against the result with scorePrepared. */
export function prepareSystem(system: EvaluationSystem): PrepareResult {
  const issues = validateEvaluationSystem(system);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) return { ok: false, systemIssues: errors };
  const indicatorIndex = new Map<string, { section: Section; indicator: Indicator }>();
  for (const section of system.sections) {
    for (const indicator of section.indicators) indicatorIndex.set(indicator.id, { section, indicator });
  }
  const levelRank = new Map(system.rating.levels.map((l, i) => [l.id, i] as const));
  return {
    ok: true,
    prepared: { system, warnings: issues, indicatorIndex, levelRank, maxPoints: systemMaxPoints(system) },
  };
}

export interface ScoreOptions {
  /** Values of the computed indicators' metrics, by metric name. */
  metrics?: Readonly<Record<string, number>>;
  /**
   * Unanswered applicable indicators: "zero" (default) counts them with no points, as an auditor would;
   * "exclude" leaves them out of the totals, for a progress preview of a self-assessment in the making.
   */
  missing?: "zero" | "exclude";
  /** Build the trace (default true); batch jobs may turn it off. */
  trace?: boolean;
}

export type IndicatorOutcome = "pass" | "partial" | "fail" | "notApplicable" | "unanswered";

export interface IndicatorScore {
  id: string;
  sectionId: string;
  /** Whose value was scored: the self-assessment, the auditor, the platform metric, or none. */
  source: "self" | "auditor" | "metric" | "none";
  value: AnswerValue | undefined;
  /** The auditor's value replaced a different self-assessed (or computed) value. */
  overruled: boolean;
  overruleReason?: string;
  points: number;
  maxPoints: number;
  outcome: IndicatorOutcome;
}

export interface SectionScore {
  id: string;
  /** Points of the counted indicators, and their maximum. */
  points: number;
  maxPoints: number;
  /** 0–100 rounded to 4 decimals; null when no indicator counts (all not applicable or excluded). */
  percent: number | null;
  /** From the section bands, before caps; null without section bands or percent. */
  baseLevel: string | null;
  level: string | null;
}

export interface AppliedRule {
  kind: RatingRule["kind"];
  /** The section capped (section-scope crucial caps), else undefined. */
  sectionId?: string;
  levelBefore: string | null;
  levelAfter: string | null;
  /** Indicators that triggered it (crucial failures, zero-tolerance breaches). */
  indicators?: string[];
}

export interface AssessmentScore {
  ok: true;
  systemId: string;
  systemVersion: string;
  /** Every applicable indicator answered and no answer error. */
  complete: boolean;
  indicators: IndicatorScore[];
  sections: SectionScore[];
  overall: {
    points: number;
    maxPoints: number;
    percent: number | null;
    baseLevel: string | null;
    /** null when nothing was rated or a zero-tolerance rule withholds the rating. */
    level: string | null;
    ratingWithheld: boolean;
    validityMonths?: number;
    followUpMonths?: number;
  };
  zeroToleranceBreaches: string[];
  crucialFailures: string[];
  applied: AppliedRule[];
  issues: AnswerIssue[];
  trace: TraceLine[];
}

export interface ScoreRefusal {
  ok: false;
  systemIssues: SystemIssue[];
}

/** Score one assessment: validates the system first (use prepareSystem + scorePrepared for batches). */
export function scoreAssessment(
  system: EvaluationSystem,
  answers: AssessmentAnswers,
  options: ScoreOptions = {},
): AssessmentScore | ScoreRefusal {
  const p = prepareSystem(system);
  return p.ok ? scorePrepared(p.prepared, answers, options) : p;
}

const ENTRY_KEYS = new Set(["self", "auditor", "overruleReason"]);

/** Deterministic number rendering: up to 2 decimals, no trailing zeros, no locale. */
function fmt(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function band(bands: readonly LevelBand[], v: number, top: number): LevelBand | undefined {
  for (const b of bands) if (v >= b.min && (v < b.max || (b.max === top && v <= top))) return b;
  return undefined;
}

/** Score answers against a prepared system; never throws for bad answers (they become issues). */
export function scorePrepared(
  prepared: PreparedSystem,
  answers: AssessmentAnswers,
  options: ScoreOptions = {},
): AssessmentScore {
  const { system, levelRank } = prepared;
  const wantTrace = options.trace !== false;
  const excludeMissing = options.missing === "exclude";
  const metrics = options.metrics ?? {};
  const trace: TraceLine[] = [];
  const issues: AnswerIssue[] = [];
  const line = (key: string, params: Record<string, string | number>, text: string) => {
    if (wantTrace) trace.push({ key, params, text });
  };
  const issue = (
    path: string,
    code: AnswerIssueCode,
    message: string,
    severity: "error" | "warning" = "error",
  ) => issues.push({ path, code, severity, message });

  const answerMap: Readonly<Record<string, unknown>> =
    answers !== null && typeof answers === "object" && !Array.isArray(answers) ? answers : {};
  if (answerMap !== answers)
    issue("answers", "answer_shape", "answers must be an object keyed by indicator id");
  for (const id of Object.keys(answerMap)) {
    if (!prepared.indicatorIndex.has(id)) {
      issue(`answers.${id}`, "answer_unknown_indicator", `no indicator "${id}" in this system`, "warning");
    }
  }

  const weighted = system.scoringMethod === "weightedPercent";
  const indicatorScores: IndicatorScore[] = [];
  const sectionScores: SectionScore[] = [];
  const zeroToleranceBreaches: string[] = [];
  const crucialFailures: string[] = [];
  const crucialBySection = new Map<string, string[]>();
  let unanswered = 0;
  let totalPoints = 0;
  let totalMax = 0;
  let weightedSum = 0;
  let weightSum = 0;

  for (const section of system.sections) {
    let sPoints = 0;
    let sMax = 0;
    let sWeighted = 0;
    let sWeights = 0;
    for (const ind of section.indicators) {
      const r = resolveIndicator(
        ind,
        // hasOwn: an indicator called "constructor" must not pick up Object.prototype's.
        Object.hasOwn(answerMap, ind.id) ? answerMap[ind.id] : undefined,
        metrics,
        issue,
      );
      let points = 0;
      let outcome: IndicatorOutcome;
      if (r.value === undefined) {
        outcome = "unanswered";
        unanswered++;
        issue(`answers.${ind.id}`, "answer_missing", `indicator ${ind.id} is not answered`, "warning");
      } else if (r.value === null) {
        outcome = "notApplicable";
      } else {
        points = answerPoints(ind, r.value);
        outcome = points >= ind.maxPoints ? "pass" : points > 0 ? "partial" : "fail";
      }
      const counted = outcome !== "notApplicable" && !(outcome === "unanswered" && excludeMissing);
      if (counted) {
        sPoints += points;
        sMax += ind.maxPoints;
        const w = ind.weight ?? 0;
        sWeighted += (w * points) / ind.maxPoints;
        sWeights += w;
      }
      if (outcome === "fail") {
        if (ind.zeroTolerance === true) zeroToleranceBreaches.push(ind.id);
        if (ind.crucial === true) {
          crucialFailures.push(ind.id);
          const list = crucialBySection.get(section.id);
          if (list) list.push(ind.id);
          else crucialBySection.set(section.id, [ind.id]);
        }
      }
      const score: IndicatorScore = {
        id: ind.id,
        sectionId: section.id,
        source: r.source,
        value: r.value,
        overruled: r.overruled,
        points,
        maxPoints: ind.maxPoints,
        outcome,
      };
      if (r.overruleReason !== undefined) score.overruleReason = r.overruleReason;
      indicatorScores.push(score);
      if (wantTrace) {
        const by =
          r.source === "none"
            ? ""
            : r.overruled
              ? ` by the auditor, overruling ${answerText(r.replaced)}${r.overruleReason ? ` (${r.overruleReason})` : ""}`
              : r.source === "metric"
                ? ` from metric ${(ind as { metric?: string }).metric}`
                : r.source === "self"
                  ? " by self-assessment"
                  : " by the auditor";
        line(
          "evaluation.trace.indicator",
          {
            indicator: ind.id,
            answer: answerText(r.value),
            source: r.source,
            points,
            maxPoints: ind.maxPoints,
            outcome,
          },
          `indicator ${ind.id}: ${answerText(r.value)}${by} → ${fmt(points)} of ${fmt(ind.maxPoints)} points (${outcome}${counted ? "" : ", not counted"})`,
        );
      }
    }
    const percent =
      sMax === 0
        ? null
        : round4(weighted ? (sWeights === 0 ? 0 : (sWeighted / sWeights) * 100) : (sPoints / sMax) * 100);
    let baseLevel: string | null = null;
    const sb = system.rating.sectionBands;
    if (sb && percent !== null) baseLevel = band(sb, percent, 100)?.level ?? null;
    sectionScores.push({
      id: section.id,
      points: sPoints,
      maxPoints: sMax,
      percent,
      baseLevel,
      level: baseLevel,
    });
    totalPoints += sPoints;
    totalMax += sMax;
    if (percent !== null) {
      weightedSum += (section.weight ?? 0) * percent;
      weightSum += section.weight ?? 0;
    }
    line(
      "evaluation.trace.section",
      {
        section: section.id,
        points: sPoints,
        maxPoints: sMax,
        percent: percent ?? "",
        level: baseLevel ?? "",
      },
      percent === null
        ? `section ${section.id}: nothing counted, not rated`
        : `section ${section.id}: ${fmt(sPoints)} of ${fmt(sMax)} points, ${fmt(percent)} %${baseLevel ? ` → level ${baseLevel}` : ""}`,
    );
  }

  const rank = (l: string) => levelRank.get(l) ?? Number.POSITIVE_INFINITY;
  const capTo = (l: string | null, cap: string) => (l !== null && rank(l) < rank(cap) ? cap : l);
  const rules = system.rating.rules;
  const applied: AppliedRule[] = [];

  // 1. Crucial failures cap their own section (before the section levels feed a ladder).
  for (const rule of rules) {
    if (rule.kind !== "crucialFailureCap" || rule.scope !== "section") continue;
    for (const s of sectionScores) {
      const failed = crucialBySection.get(s.id);
      if (!failed) continue;
      const after = capTo(s.level, rule.capAt);
      applied.push({
        kind: rule.kind,
        sectionId: s.id,
        levelBefore: s.level,
        levelAfter: after,
        indicators: failed,
      });
      line(
        "evaluation.trace.crucialSection",
        {
          section: s.id,
          indicators: failed.join(", "),
          capAt: rule.capAt,
          before: s.level ?? "",
          after: after ?? "",
        },
        `crucial ${failed.join(", ")} failed: section ${s.id} at best ${rule.capAt} (${s.level ?? "unrated"} → ${after ?? "unrated"})`,
      );
      s.level = after;
    }
  }

  // 2. Base overall level.
  const percent =
    totalMax === 0
      ? null
      : round4(weighted ? (weightSum === 0 ? 0 : weightedSum / weightSum) : (totalPoints / totalMax) * 100);
  let level: string | null = null;
  const overall = system.rating.overall;
  if (overall.method === "bands") {
    if (percent !== null) {
      const b = overall.banding;
      const top = b.basis === "percent" ? 100 : prepared.maxPoints;
      const v = b.basis === "percent" ? percent : round4((percent * prepared.maxPoints) / 100);
      const hit = band(b.bands, v, top);
      level = hit?.level ?? null;
      line(
        "evaluation.trace.overallBand",
        { value: v, basis: b.basis, level: level ?? "", min: hit?.min ?? "", max: hit?.max ?? "" },
        hit
          ? `overall ${fmt(v)} ${b.basis === "percent" ? "%" : `of ${fmt(top)} points`} → level ${hit.level} (band [${fmt(hit.min)}, ${fmt(hit.max)}${hit.max === top ? "]" : ")"})`
          : `overall ${fmt(v)} falls in no band`,
      );
    }
  } else {
    const counts = new Map<string, number>();
    let rated = 0;
    for (const s of sectionScores) {
      if (s.level === null) continue;
      rated++;
      counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
    }
    if (rated > 0) {
      const countOf = (ls: readonly string[]) => ls.reduce((n, l) => n + (counts.get(l) ?? 0), 0);
      const stepIndex = overall.ladder.findIndex((st) =>
        st.when.every((c) => {
          const n = countOf(c.levels);
          return (c.atLeast === undefined || n >= c.atLeast) && (c.atMost === undefined || n <= c.atMost);
        }),
      );
      level = stepIndex >= 0 ? (overall.ladder[stepIndex]?.level ?? overall.otherwise) : overall.otherwise;
      const tally = system.rating.levels
        .filter((l) => counts.has(l.id))
        .map((l) => `${l.id}×${counts.get(l.id)}`)
        .join(", ");
      line(
        "evaluation.trace.overallLadder",
        { tally, level, step: stepIndex + 1 },
        `section levels ${tally} → level ${level} (${stepIndex >= 0 ? `ladder step ${stepIndex + 1}` : "no ladder step met"})`,
      );
    } else line("evaluation.trace.overallLadder", { tally: "", level: "", step: 0 }, "no section rated");
  }
  const baseLevel = level;

  // 3. Overall caps.
  for (const rule of rules) {
    if (rule.kind === "crucialFailureCap" && rule.scope === "overall" && crucialFailures.length > 0) {
      const after = capTo(level, rule.capAt);
      applied.push({
        kind: rule.kind,
        levelBefore: level,
        levelAfter: after,
        indicators: [...crucialFailures],
      });
      line(
        "evaluation.trace.crucialOverall",
        {
          indicators: crucialFailures.join(", "),
          capAt: rule.capAt,
          before: level ?? "",
          after: after ?? "",
        },
        `crucial ${crucialFailures.join(", ")} failed: overall at best ${rule.capAt} (${level ?? "unrated"} → ${after ?? "unrated"})`,
      );
      level = after;
    } else if (rule.kind === "sectionLevelShareCap") {
      const limit = rank(rule.atOrWorse);
      const rated = sectionScores.filter((s) => s.level !== null);
      const n = rated.filter((s) => rank(s.level as string) >= limit).length;
      const share = rated.length === 0 ? 0 : (n / rated.length) * 100;
      const hit =
        rule.minCount !== undefined
          ? n >= rule.minCount
          : rule.minSharePercent !== undefined && share >= rule.minSharePercent - 1e-9;
      const need = rule.minCount !== undefined ? `${rule.minCount}` : `${fmt(rule.minSharePercent ?? 0)} %`;
      if (hit) {
        const after = capTo(level, rule.capAt);
        applied.push({ kind: rule.kind, levelBefore: level, levelAfter: after });
        line(
          "evaluation.trace.shareCap",
          {
            count: n,
            rated: rated.length,
            atOrWorse: rule.atOrWorse,
            capAt: rule.capAt,
            before: level ?? "",
            after: after ?? "",
          },
          `${n} of ${rated.length} sections at ${rule.atOrWorse} or worse (threshold ${need}): overall at best ${rule.capAt} (${level ?? "unrated"} → ${after ?? "unrated"})`,
        );
        level = after;
      } else {
        line(
          "evaluation.trace.shareCapNotMet",
          { count: n, rated: rated.length, atOrWorse: rule.atOrWorse },
          `${n} of ${rated.length} sections at ${rule.atOrWorse} or worse (threshold ${need}): no cap`,
        );
      }
    }
  }

  // 4. Zero tolerance prevails over everything.
  let ratingWithheld = false;
  const zt = rules.find((r) => r.kind === "zeroTolerance");
  if (zt && zeroToleranceBreaches.length > 0) {
    const before = level;
    const worst = system.rating.levels[system.rating.levels.length - 1]?.id ?? null;
    if (zt.effect === "noRating") {
      level = null;
      ratingWithheld = true;
    } else level = worst;
    applied.push({
      kind: zt.kind,
      levelBefore: before,
      levelAfter: level,
      indicators: [...zeroToleranceBreaches],
    });
    line(
      "evaluation.trace.zeroTolerance",
      { indicators: zeroToleranceBreaches.join(", "), effect: zt.effect, level: level ?? "" },
      `zero-tolerance breach ${zeroToleranceBreaches.join(", ")}: ${zt.effect === "noRating" ? "rating withheld" : `level ${level} regardless of the score`}, immediate action`,
    );
  }

  const def: LevelDef | undefined =
    level === null ? undefined : system.rating.levels.find((l) => l.id === level);
  line(
    "evaluation.trace.final",
    { level: level ?? "", system: system.id, version: system.version },
    `final level ${level ?? (ratingWithheld ? "withheld" : "none")} (system ${system.id} ${system.version})`,
  );

  const result: AssessmentScore = {
    ok: true,
    systemId: system.id,
    systemVersion: system.version,
    complete: unanswered === 0 && issues.every((i) => i.severity !== "error"),
    indicators: indicatorScores,
    sections: sectionScores,
    overall: { points: totalPoints, maxPoints: totalMax, percent, baseLevel, level, ratingWithheld },
    zeroToleranceBreaches,
    crucialFailures,
    applied,
    issues,
    trace,
  };
  if (def?.validityMonths !== undefined) result.overall.validityMonths = def.validityMonths;
  if (def?.followUpMonths !== undefined) result.overall.followUpMonths = def.followUpMonths;
  return result;
}

interface Resolved {
  value: AnswerValue | undefined;
  source: IndicatorScore["source"];
  overruled: boolean;
  /** The value the auditor replaced. */
  replaced?: AnswerValue | undefined;
  overruleReason?: string;
}

type IssueFn = (path: string, code: AnswerIssueCode, message: string, severity?: "error" | "warning") => void;

/** Pick the scored value: a valid auditor value, else the self value (or, for computed, the metric). */
function resolveIndicator(
  ind: Indicator,
  raw: unknown,
  metrics: Readonly<Record<string, number>>,
  issue: IssueFn,
): Resolved {
  const path = `answers.${ind.id}`;
  let entry: { self?: unknown; auditor?: unknown; overruleReason?: unknown } = {};
  if (raw !== undefined) {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      issue(path, "answer_shape", "an answer is an object { self?, auditor?, overruleReason? }");
    } else {
      entry = raw as typeof entry;
      for (const k of Object.keys(entry)) {
        if (!ENTRY_KEYS.has(k)) issue(`${path}.${k}`, "answer_shape", `unknown field "${k}" in an answer`);
      }
    }
  }
  const reason =
    typeof entry.overruleReason === "string" && entry.overruleReason.trim() !== ""
      ? entry.overruleReason.trim()
      : undefined;

  // The baseline the auditor may overrule: the self-assessment, or for computed indicators the metric.
  let base: AnswerValue | undefined;
  let baseSource: IndicatorScore["source"] = "none";
  if (ind.type === "computed") {
    if (entry.self !== undefined) {
      issue(
        `${path}.self`,
        "computed_self_answer",
        `${ind.id} is computed from ${ind.metric}; the self answer is ignored`,
        "warning",
      );
    }
    const m = Object.hasOwn(metrics, ind.metric) ? metrics[ind.metric] : undefined;
    if (m === undefined) {
      if (entry.auditor === undefined)
        issue(path, "metric_missing", `no value for metric ${ind.metric}`, "warning");
    } else if (typeof m !== "number" || !Number.isFinite(m)) {
      issue(path, "metric_invalid", `metric ${ind.metric} is not a finite number`);
    } else {
      base = m;
      baseSource = "metric";
    }
  } else if (entry.self !== undefined) {
    const c = checkAnswerValue(ind, entry.self);
    if (c.ok) {
      base = c.value;
      baseSource = "self";
    } else issue(`${path}.self`, c.code, c.message);
  }

  if (entry.auditor !== undefined) {
    const c = checkAnswerValue(ind, entry.auditor);
    if (c.ok) {
      const differs = base !== undefined && !sameAnswer(base, c.value);
      // A self value that failed its check still counts as an answer the auditor replaces.
      const selfGiven = ind.type !== "computed" && entry.self !== undefined;
      const overruled = differs || (selfGiven && base === undefined);
      if (overruled && reason === undefined) {
        issue(
          `${path}.overruleReason`,
          "overrule_reason_missing",
          `the auditor overrules ${ind.id}: give a reason`,
        );
      }
      const r: Resolved = {
        value: c.value,
        source: "auditor",
        overruled,
        replaced: base ?? (entry.self as AnswerValue),
      };
      if (reason !== undefined) r.overruleReason = reason;
      return r;
    }
    issue(`${path}.auditor`, c.code, c.message);
  } else if (reason !== undefined) {
    issue(
      `${path}.overruleReason`,
      "overrule_reason_unused",
      "a reason without an auditor answer is ignored",
      "warning",
    );
  }
  return { value: base, source: baseSource, overruled: false };
}
