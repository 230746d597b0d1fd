import { isKnownMetric, isMetricName } from "./metrics.ts";
import {
  type ChoiceOption,
  EVALUATION_KINDS,
  type EvaluationSystem,
  ID_PATTERN,
  INDICATOR_TYPES,
  type Indicator,
  type LadderStep,
  type LevelBand,
  type LevelCountCondition,
  type LevelDef,
  type RatingRule,
  SCORING_METHODS,
  type Section,
  type ThresholdScoring,
  type ThresholdStep,
} from "./types.ts";
import { type IssueParams, type IssueParamsOf, systemIssueText } from "./validate-messages.ts";

// The messages travel with the validator (index.ts re-exports this file).
export * from "./validate-messages.ts";

export type SystemIssueCode =
  | "id_invalid"
  | "version_missing"
  | "text_missing"
  | "kind_unknown"
  | "status_unknown"
  | "scoring_method_unknown"
  | "sections_empty"
  | "section_empty"
  | "section_id_duplicate"
  | "indicator_id_duplicate"
  | "indicator_type_unknown"
  | "weight_missing"
  | "weight_invalid"
  | "weights_sum"
  | "weight_ignored"
  | "max_points_invalid"
  | "partial_points_invalid"
  | "unit_missing"
  | "range_invalid"
  | "scoring_direction_unknown"
  | "scoring_steps_empty"
  | "scoring_step_invalid"
  | "scoring_step_out_of_range"
  | "scoring_full_unreachable"
  | "options_too_few"
  | "option_id_duplicate"
  | "option_points_missing"
  | "option_points_invalid"
  | "min_files_invalid"
  | "metric_name_invalid"
  | "metric_unknown"
  | "provenance_missing"
  | "provenance_cite_missing"
  | "levels_empty"
  | "level_duplicate"
  | "level_unknown"
  | "level_period_invalid"
  | "bands_empty"
  | "band_range_invalid"
  | "band_level_duplicate"
  | "band_level_missing"
  | "band_gap"
  | "band_overlap"
  | "band_coverage"
  | "band_order"
  | "banding_basis_unknown"
  | "section_bands_missing"
  | "overall_method_unknown"
  | "ladder_empty"
  | "ladder_condition_invalid"
  | "rule_kind_unknown"
  | "rule_effect_unknown"
  | "rule_scope_unknown"
  | "rule_threshold_invalid"
  | "rule_duplicate"
  | "zero_tolerance_unused"
  | "crucial_unused";

export interface SystemIssue {
  /** Dotted path into the system, e.g. "sections[2].indicators[0].weight". */
  path: string;
  code: SystemIssueCode;
  /** "error" makes the system unusable (no scoring, no publishing); "warning" is shown but does not block. */
  severity: "error" | "warning";
  /** In English; both languages: systemIssueText(issue) (validate-messages.ts). */
  message: string;
  /** The message's parameters (the value found, the sum, the band bounds…) and its variant. */
  params: IssueParams;
}

type Severity = SystemIssue["severity"];
/** Parameters are optional only for a code whose messages have no placeholder and no variant. */
type AddArgs<C extends SystemIssueCode> =
  object extends IssueParamsOf<C>
    ? [params?: IssueParamsOf<C>, severity?: Severity]
    : [params: IssueParamsOf<C>, severity?: Severity];
type Add = <C extends SystemIssueCode>(path: string, code: C, ...args: AddArgs<C>) => void;

/** Weights edited in a UI carry decimal fractions. */
const EPS = 1e-6;

function isNum(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function isText(x: unknown): boolean {
  return typeof x === "string" && x.trim() !== "";
}

/** The array's items, non-objects replaced by {} so their fields are reported missing instead of throwing. */
function items<T>(x: unknown): T[] {
  return Array.isArray(x) ? x.map((v) => (v !== null && typeof v === "object" ? v : {}) as T) : [];
}

function checkId(id: unknown, path: string, add: Add): void {
  if (typeof id !== "string" || !ID_PATTERN.test(id)) {
    add(path, "id_invalid", { value: JSON.stringify(id) ?? "undefined" });
  }
}

function checkLocalized(t: unknown, path: string, add: Add, required = true): void {
  if (t === undefined && !required) return;
  const o = t as { zh?: unknown; en?: unknown } | undefined;
  if (!o || typeof o !== "object") {
    add(path, "text_missing", { variant: "both" });
    return;
  }
  if (!isText(o.zh)) add(`${path}.zh`, "text_missing", { variant: "zh" });
  if (!isText(o.en)) add(`${path}.en`, "text_missing", { variant: "en" });
}

function checkProvenance(p: unknown, path: string, add: Add, required: boolean): void {
  if (p === undefined) {
    if (required) add(path, "provenance_missing", { variant: "missing" });
    return;
  }
  const o = p as { kind?: unknown; cite?: unknown };
  if (o?.kind === "source") {
    if (!isText(o.cite)) add(`${path}.cite`, "provenance_cite_missing");
  } else if (o?.kind !== "authored") {
    add(`${path}.kind`, "provenance_missing", { variant: "kind" });
  }
}

/**
 * Every problem in an evaluation system, never throwing. A system with no issue of severity "error" can be
 * scored and published. The input is typed but checked defensively: it comes from a UI or an imported file.
 */
export function validateEvaluationSystem(sys: EvaluationSystem): SystemIssue[] {
  const issues: SystemIssue[] = [];
  const add = ((
    path: string,
    code: SystemIssueCode,
    params: IssueParams = {},
    severity: Severity = "error",
  ) =>
    issues.push({
      path,
      code,
      severity,
      message: systemIssueText({ code, message: code, params }).en,
      params,
    })) as Add;

  if (!sys || typeof sys !== "object") {
    add("", "sections_empty", { variant: "notObject" });
    return issues;
  }
  checkId(sys.id, "id", add);
  if (!isText(sys.version)) add("version", "version_missing");
  checkLocalized(sys.name, "name", add);
  checkLocalized(sys.description, "description", add, false);
  if (!EVALUATION_KINDS.includes(sys.kind)) add("kind", "kind_unknown", { value: String(sys.kind) });
  if (sys.status !== "draft" && sys.status !== "published") {
    add("status", "status_unknown");
  }
  const weighted = sys.scoringMethod === "weightedPercent";
  if (!SCORING_METHODS.includes(sys.scoringMethod)) {
    add("scoringMethod", "scoring_method_unknown", { value: String(sys.scoringMethod) });
  }

  const sections = items<Section>(sys.sections);
  if (sections.length === 0) add("sections", "sections_empty", { variant: "none" });

  const sectionIds = new Set<string>();
  const indicatorIds = new Set<string>();
  let sectionWeights = 0;
  let sectionWeightsUsable = true;
  let zeroToleranceFlags = 0;
  let crucialFlags = 0;
  let maxTotal = 0;
  sections.forEach((s, si) => {
    const sp = `sections[${si}]`;
    checkId(s.id, `${sp}.id`, add);
    if (sectionIds.has(s.id)) add(`${sp}.id`, "section_id_duplicate", { value: String(s.id) });
    sectionIds.add(s.id);
    checkLocalized(s.name, `${sp}.name`, add);
    checkLocalized(s.description, `${sp}.description`, add, false);
    checkProvenance(s.provenance, `${sp}.provenance`, add, false);
    if (weighted) {
      if (s.weight === undefined) {
        add(`${sp}.weight`, "weight_missing", { variant: "section" });
        sectionWeightsUsable = false;
      } else if (!isNum(s.weight) || s.weight < 0) {
        add(`${sp}.weight`, "weight_invalid");
        sectionWeightsUsable = false;
      } else sectionWeights += s.weight;
    } else if (s.weight !== undefined) {
      add(`${sp}.weight`, "weight_ignored", { variant: "section" }, "warning");
    }

    const indicators = items<Indicator>(s.indicators);
    if (indicators.length === 0) add(`${sp}.indicators`, "section_empty", { section: String(s.id) });
    let weights = 0;
    let weightsUsable = true;
    indicators.forEach((ind, ii) => {
      const ip = `${sp}.indicators[${ii}]`;
      if (indicatorIds.has(ind.id)) {
        add(`${ip}.id`, "indicator_id_duplicate", { value: String(ind.id) });
      }
      indicatorIds.add(ind.id);
      if (ind.zeroTolerance === true) zeroToleranceFlags++;
      if (ind.crucial === true) crucialFlags++;
      maxTotal += isNum(ind.maxPoints) && ind.maxPoints > 0 ? ind.maxPoints : Number.NaN;
      if (weighted) {
        if (ind.weight === undefined) {
          add(`${ip}.weight`, "weight_missing", { variant: "indicator" });
          weightsUsable = false;
        } else if (!isNum(ind.weight) || ind.weight < 0) {
          add(`${ip}.weight`, "weight_invalid");
          weightsUsable = false;
        } else weights += ind.weight;
      } else if (ind.weight !== undefined) {
        add(`${ip}.weight`, "weight_ignored", { variant: "indicator" }, "warning");
      }
      checkIndicator(ind, ip, add);
    });
    if (weighted && weightsUsable && indicators.length > 0 && Math.abs(weights - 100) > EPS) {
      add(`${sp}.indicators`, "weights_sum", {
        variant: "indicators",
        section: String(s.id),
        sum: weights,
      });
    }
  });
  if (weighted && sectionWeightsUsable && sections.length > 0 && Math.abs(sectionWeights - 100) > EPS) {
    add("sections", "weights_sum", { variant: "sections", sum: sectionWeights });
  }

  validateRating(sys, add, { zeroToleranceFlags, crucialFlags, maxTotal });
  return issues;
}

function checkIndicator(ind: Indicator, p: string, add: Add): void {
  checkId(ind.id, `${p}.id`, add);
  checkLocalized(ind.name, `${p}.name`, add);
  checkLocalized(ind.guidance, `${p}.guidance`, add, false);
  checkProvenance(ind.provenance, `${p}.provenance`, add, true);
  const maxOk = isNum(ind.maxPoints) && ind.maxPoints > 0;
  if (!maxOk) add(`${p}.maxPoints`, "max_points_invalid");
  const max = maxOk ? ind.maxPoints : Number.POSITIVE_INFINITY;

  switch (ind.type) {
    case "yesPartialNo":
      if (ind.partialPoints !== undefined && !(isNum(ind.partialPoints) && ind.partialPoints >= 0)) {
        add(`${p}.partialPoints`, "partial_points_invalid", { variant: "invalid" });
      } else if (ind.partialPoints !== undefined && ind.partialPoints >= max) {
        add(`${p}.partialPoints`, "partial_points_invalid", { variant: "tooHigh", max });
      }
      return;
    case "number":
    case "computed": {
      if (!isText(ind.unit)) add(`${p}.unit`, "unit_missing");
      let lo: number | undefined;
      let hi: number | undefined;
      if (ind.type === "number") {
        if (ind.min !== undefined && !isNum(ind.min)) add(`${p}.min`, "range_invalid", { variant: "min" });
        if (ind.max !== undefined && !isNum(ind.max)) add(`${p}.max`, "range_invalid", { variant: "max" });
        if (isNum(ind.min) && isNum(ind.max) && ind.min > ind.max) {
          add(`${p}.min`, "range_invalid", { variant: "order", min: ind.min, max: ind.max });
        }
        lo = isNum(ind.min) ? ind.min : undefined;
        hi = isNum(ind.max) ? ind.max : undefined;
      } else if (!isMetricName(ind.metric)) {
        add(`${p}.metric`, "metric_name_invalid", { value: JSON.stringify(ind.metric) ?? "undefined" });
      } else if (!isKnownMetric(ind.metric)) {
        add(`${p}.metric`, "metric_unknown", { value: ind.metric }, "warning");
      }
      checkThresholds(ind.scoring, `${p}.scoring`, max, lo, hi, add);
      return;
    }
    case "singleChoice":
    case "multiChoice": {
      const options = items<ChoiceOption>(ind.options);
      if (options.length < 2) add(`${p}.options`, "options_too_few");
      const ids = new Set<string>();
      let best = 0;
      let sum = 0;
      options.forEach((o, oi) => {
        const op = `${p}.options[${oi}]`;
        checkId(o.id, `${op}.id`, add);
        if (ids.has(o.id)) add(`${op}.id`, "option_id_duplicate", { value: String(o.id) });
        ids.add(o.id);
        checkLocalized(o.label, `${op}.label`, add);
        if (o.points === undefined) {
          add(`${op}.points`, "option_points_missing", { option: String(o.id) });
        } else if (!isNum(o.points) || o.points < 0 || o.points > max) {
          add(`${op}.points`, "option_points_invalid");
        } else {
          best = Math.max(best, o.points);
          sum += o.points;
        }
      });
      const reachable = ind.type === "singleChoice" ? best : sum;
      if (maxOk && options.length >= 2 && reachable < max - EPS) {
        add(
          `${p}.options`,
          "scoring_full_unreachable",
          { variant: "options", max, best: reachable },
          "warning",
        );
      }
      return;
    }
    case "file":
      if (!Number.isInteger(ind.minFiles) || ind.minFiles < 1) {
        add(`${p}.minFiles`, "min_files_invalid");
      }
      return;
    default:
      add(`${p}.type`, "indicator_type_unknown", {
        value: String((ind as { type?: unknown }).type),
        types: INDICATOR_TYPES.join(", "),
      });
  }
}

function checkThresholds(
  sc: ThresholdScoring,
  p: string,
  max: number,
  lo: number | undefined,
  hi: number | undefined,
  add: Add,
): void {
  if (!sc || typeof sc !== "object") {
    add(p, "scoring_steps_empty", { variant: "noScoring" });
    return;
  }
  if (sc.direction !== "higherIsBetter" && sc.direction !== "lowerIsBetter") {
    add(`${p}.direction`, "scoring_direction_unknown");
  }
  const steps = items<ThresholdStep>(sc.steps);
  if (steps.length === 0) add(`${p}.steps`, "scoring_steps_empty", { variant: "noSteps" });
  let best = 0;
  steps.forEach((st, i) => {
    const sp = `${p}.steps[${i}]`;
    if (!isNum(st?.threshold)) add(`${sp}.threshold`, "scoring_step_invalid", { variant: "threshold" });
    else if ((lo !== undefined && st.threshold < lo) || (hi !== undefined && st.threshold > hi)) {
      add(`${sp}.threshold`, "scoring_step_out_of_range", { threshold: st.threshold }, "warning");
    }
    if (!isNum(st?.points) || st.points < 0 || st.points > max) {
      add(`${sp}.points`, "scoring_step_invalid", { variant: "points" });
    } else best = Math.max(best, st.points);
  });
  if (steps.length > 0 && Number.isFinite(max) && best < max - EPS) {
    add(`${p}.steps`, "scoring_full_unreachable", { variant: "steps", max, best }, "warning");
  }
}

function validateRating(
  sys: EvaluationSystem,
  add: Add,
  flags: { zeroToleranceFlags: number; crucialFlags: number; maxTotal: number },
): void {
  const r = sys.rating;
  if (!r || typeof r !== "object") {
    add("rating", "levels_empty", { variant: "noRating" });
    return;
  }
  checkProvenance(r.provenance, "rating.provenance", add, false);
  const levels = items<LevelDef>(r.levels);
  if (levels.length === 0) add("rating.levels", "levels_empty", { variant: "none" });
  const rank = new Map<string, number>();
  levels.forEach((l, i) => {
    const p = `rating.levels[${i}]`;
    checkId(l.id, `${p}.id`, add);
    if (rank.has(l.id)) add(`${p}.id`, "level_duplicate", { level: String(l.id) });
    else rank.set(l.id, i);
    checkLocalized(l.name, `${p}.name`, add);
    checkProvenance(l.provenance, `${p}.provenance`, add, false);
    for (const k of ["validityMonths", "followUpMonths"] as const) {
      const v = l[k];
      if (v !== undefined && !(Number.isInteger(v) && v > 0)) {
        add(`${p}.${k}`, "level_period_invalid", { variant: k });
      }
    }
  });
  const level = (id: unknown, path: string): boolean => {
    if (typeof id === "string" && rank.has(id)) return true;
    add(path, "level_unknown", { value: JSON.stringify(id) ?? "undefined" });
    return false;
  };

  if (r.sectionBands !== undefined) checkBands(r.sectionBands, "rating.sectionBands", 100, rank, add);

  const o = r.overall;
  if (o?.method === "bands") {
    const b = o.banding;
    if (b?.basis !== "percent" && b?.basis !== "points") {
      add("rating.overall.banding.basis", "banding_basis_unknown");
    } else {
      const top = b.basis === "percent" ? 100 : flags.maxTotal;
      if (Number.isFinite(top)) checkBands(b.bands, "rating.overall.banding.bands", top, rank, add);
    }
  } else if (o?.method === "sectionLevels") {
    if (r.sectionBands === undefined) {
      add("rating.sectionBands", "section_bands_missing", { variant: "sectionLevels" });
    }
    const ladder = items<LadderStep>(o.ladder);
    if (ladder.length === 0) add("rating.overall.ladder", "ladder_empty");
    ladder.forEach((step, i) => {
      const p = `rating.overall.ladder[${i}]`;
      level(step.level, `${p}.level`);
      const when = items<LevelCountCondition>(step.when);
      if (when.length === 0) add(`${p}.when`, "ladder_condition_invalid", { variant: "noConditions" });
      when.forEach((c, ci) => {
        const cp = `${p}.when[${ci}]`;
        const lv = Array.isArray(c.levels) ? c.levels : [];
        if (lv.length === 0) add(`${cp}.levels`, "ladder_condition_invalid", { variant: "noLevels" });
        lv.forEach((l, li) => {
          level(l, `${cp}.levels[${li}]`);
        });
        const bound = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0);
        if ((c.atLeast === undefined && c.atMost === undefined) || !bound(c.atLeast) || !bound(c.atMost)) {
          add(cp, "ladder_condition_invalid", { variant: "bounds" });
        }
      });
    });
    level(o.otherwise, "rating.overall.otherwise");
  } else {
    add("rating.overall.method", "overall_method_unknown");
  }

  const rules = items<RatingRule>(r.rules);
  let zeroToleranceRules = 0;
  let crucialRules = 0;
  rules.forEach((rule, i) => {
    const p = `rating.rules[${i}]`;
    checkProvenance(rule.provenance, `${p}.provenance`, add, true);
    switch (rule.kind) {
      case "zeroTolerance":
        zeroToleranceRules++;
        if (zeroToleranceRules > 1) add(`${p}`, "rule_duplicate", {}, "warning");
        if (rule.effect !== "worstLevel" && rule.effect !== "noRating") {
          add(`${p}.effect`, "rule_effect_unknown");
        }
        break;
      case "crucialFailureCap":
        crucialRules++;
        if (rule.scope !== "section" && rule.scope !== "overall") {
          add(`${p}.scope`, "rule_scope_unknown");
        } else if (rule.scope === "section" && r.sectionBands === undefined) {
          add("rating.sectionBands", "section_bands_missing", { variant: "sectionCap" });
        }
        level(rule.capAt, `${p}.capAt`);
        break;
      case "sectionLevelShareCap": {
        if (r.sectionBands === undefined) {
          add("rating.sectionBands", "section_bands_missing", { variant: "shareCap" });
        }
        level(rule.atOrWorse, `${p}.atOrWorse`);
        level(rule.capAt, `${p}.capAt`);
        const count = rule.minCount;
        const share = rule.minSharePercent;
        const countOk = count === undefined || (Number.isInteger(count) && count >= 1);
        const shareOk = share === undefined || (isNum(share) && share > 0 && share <= 100);
        if ((count === undefined) === (share === undefined) || !countOk || !shareOk) {
          add(p, "rule_threshold_invalid");
        }
        break;
      }
      default:
        add(`${p}.kind`, "rule_kind_unknown", { value: String((rule as { kind?: unknown }).kind) });
    }
  });
  if (flags.zeroToleranceFlags > 0 && zeroToleranceRules === 0) {
    add("rating.rules", "zero_tolerance_unused", { variant: "noRule" }, "warning");
  }
  if (flags.zeroToleranceFlags === 0 && zeroToleranceRules > 0) {
    add("rating.rules", "zero_tolerance_unused", { variant: "noIndicator" }, "warning");
  }
  if (flags.crucialFlags > 0 && crucialRules === 0) {
    add("rating.rules", "crucial_unused", { variant: "noRule" }, "warning");
  }
  if (flags.crucialFlags === 0 && crucialRules > 0) {
    add("rating.rules", "crucial_unused", { variant: "noIndicator" }, "warning");
  }
}

/** Bands must tile [0, top] without gap or overlap, one per level, better levels on higher values. */
function checkBands(
  raw: readonly LevelBand[],
  path: string,
  top: number,
  rank: ReadonlyMap<string, number>,
  add: Add,
): void {
  const bands = items<LevelBand>(raw);
  if (bands.length === 0) {
    add(path, "bands_empty");
    return;
  }
  const seen = new Set<string>();
  let usable = true;
  bands.forEach((b, i) => {
    const p = `${path}[${i}]`;
    if (!rank.has(b.level)) {
      add(`${p}.level`, "level_unknown", { value: JSON.stringify(b.level) ?? "undefined" });
      usable = false;
    } else if (seen.has(b.level)) {
      add(`${p}.level`, "band_level_duplicate", { level: b.level });
      usable = false;
    }
    seen.add(b.level);
    if (!isNum(b.min) || !isNum(b.max) || b.min >= b.max) {
      add(p, "band_range_invalid");
      usable = false;
    }
  });
  for (const id of rank.keys()) {
    if (!seen.has(id)) add(path, "band_level_missing", { level: id }, "warning");
  }
  if (!usable) return;

  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.min - y.b.min || x.b.max - y.b.max);
  const first = order[0];
  const last = order[order.length - 1];
  if (first && Math.abs(first.b.min) > EPS) {
    add(`${path}[${first.i}].min`, "band_coverage", { variant: "start", value: first.b.min });
  }
  if (last && Math.abs(last.b.max - top) > EPS) {
    add(`${path}[${last.i}].max`, "band_coverage", { variant: "end", value: last.b.max, top });
  }
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const cur = order[k];
    if (!prev || !cur) continue;
    if (cur.b.min > prev.b.max + EPS) {
      add(`${path}[${cur.i}].min`, "band_gap", {
        from: prev.b.max,
        to: cur.b.min,
        lower: prev.b.level,
        upper: cur.b.level,
      });
    } else if (cur.b.min < prev.b.max - EPS) {
      add(`${path}[${cur.i}].min`, "band_overlap", {
        from: cur.b.min,
        to: Math.min(prev.b.max, cur.b.max),
        lower: prev.b.level,
        upper: cur.b.level,
      });
    }
    if ((rank.get(cur.b.level) ?? 0) > (rank.get(prev.b.level) ?? 0)) {
      add(`${path}[${cur.i}].level`, "band_order", { level: cur.b.level, above: prev.b.level });
    }
  }
}

/** True when the system has no error (warnings allowed). */
export function isUsableSystem(sys: EvaluationSystem): boolean {
  return validateEvaluationSystem(sys).every((i) => i.severity !== "error");
}
