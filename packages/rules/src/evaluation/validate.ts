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
  message: string;
}

type Add = (path: string, code: SystemIssueCode, message: string, severity?: "error" | "warning") => void;

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
    add(path, "id_invalid", `id ${JSON.stringify(id)} must be 1–64 letters, digits, "_" or "-"`);
  }
}

function checkLocalized(t: unknown, path: string, add: Add, required = true): void {
  if (t === undefined && !required) return;
  const o = t as { zh?: unknown; en?: unknown } | undefined;
  if (!o || typeof o !== "object") {
    add(path, "text_missing", "needs a Chinese and an English text");
    return;
  }
  if (!isText(o.zh)) add(`${path}.zh`, "text_missing", "the Chinese text is empty");
  if (!isText(o.en)) add(`${path}.en`, "text_missing", "the English text is empty");
}

function checkProvenance(p: unknown, path: string, add: Add, required: boolean): void {
  if (p === undefined) {
    if (required)
      add(path, "provenance_missing", 'say where it comes from: "source" (cite it) or "authored"');
    return;
  }
  const o = p as { kind?: unknown; cite?: unknown };
  if (o?.kind === "source") {
    if (!isText(o.cite))
      add(`${path}.cite`, "provenance_cite_missing", "a source provenance must cite its source");
  } else if (o?.kind !== "authored") {
    add(`${path}.kind`, "provenance_missing", 'provenance kind must be "source" or "authored"');
  }
}

/**
 * Every problem in an evaluation system, never throwing. A system with no issue of severity "error" can be
 * scored and published. The input is typed but checked defensively: it comes from a UI or an imported file.
 */
export function validateEvaluationSystem(sys: EvaluationSystem): SystemIssue[] {
  const issues: SystemIssue[] = [];
  const add: Add = (path, code, message, severity = "error") =>
    issues.push({ path, code, severity, message });

  if (!sys || typeof sys !== "object") {
    add("", "sections_empty", "an evaluation system must be an object");
    return issues;
  }
  checkId(sys.id, "id", add);
  if (!isText(sys.version)) add("version", "version_missing", "the system needs a version label");
  checkLocalized(sys.name, "name", add);
  checkLocalized(sys.description, "description", add, false);
  if (!EVALUATION_KINDS.includes(sys.kind)) add("kind", "kind_unknown", `unknown kind "${String(sys.kind)}"`);
  if (sys.status !== "draft" && sys.status !== "published") {
    add("status", "status_unknown", 'status must be "draft" or "published"');
  }
  const weighted = sys.scoringMethod === "weightedPercent";
  if (!SCORING_METHODS.includes(sys.scoringMethod)) {
    add("scoringMethod", "scoring_method_unknown", `unknown scoring method "${String(sys.scoringMethod)}"`);
  }

  const sections = items<Section>(sys.sections);
  if (sections.length === 0) add("sections", "sections_empty", "the system has no sections");

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
    if (sectionIds.has(s.id)) add(`${sp}.id`, "section_id_duplicate", `section id "${s.id}" is used twice`);
    sectionIds.add(s.id);
    checkLocalized(s.name, `${sp}.name`, add);
    checkLocalized(s.description, `${sp}.description`, add, false);
    checkProvenance(s.provenance, `${sp}.provenance`, add, false);
    if (weighted) {
      if (s.weight === undefined) {
        add(`${sp}.weight`, "weight_missing", "weightedPercent needs a weight on every section");
        sectionWeightsUsable = false;
      } else if (!isNum(s.weight) || s.weight < 0) {
        add(`${sp}.weight`, "weight_invalid", "weight must be a number ≥ 0");
        sectionWeightsUsable = false;
      } else sectionWeights += s.weight;
    } else if (s.weight !== undefined) {
      add(`${sp}.weight`, "weight_ignored", "pointsSum ignores section weights", "warning");
    }

    const indicators = items<Indicator>(s.indicators);
    if (indicators.length === 0)
      add(`${sp}.indicators`, "section_empty", `section "${s.id}" has no indicators`);
    let weights = 0;
    let weightsUsable = true;
    indicators.forEach((ind, ii) => {
      const ip = `${sp}.indicators[${ii}]`;
      if (indicatorIds.has(ind.id)) {
        add(`${ip}.id`, "indicator_id_duplicate", `indicator id "${ind.id}" is used twice in the system`);
      }
      indicatorIds.add(ind.id);
      if (ind.zeroTolerance === true) zeroToleranceFlags++;
      if (ind.crucial === true) crucialFlags++;
      maxTotal += isNum(ind.maxPoints) && ind.maxPoints > 0 ? ind.maxPoints : Number.NaN;
      if (weighted) {
        if (ind.weight === undefined) {
          add(`${ip}.weight`, "weight_missing", "weightedPercent needs a weight on every indicator");
          weightsUsable = false;
        } else if (!isNum(ind.weight) || ind.weight < 0) {
          add(`${ip}.weight`, "weight_invalid", "weight must be a number ≥ 0");
          weightsUsable = false;
        } else weights += ind.weight;
      } else if (ind.weight !== undefined) {
        add(`${ip}.weight`, "weight_ignored", "pointsSum ignores indicator weights", "warning");
      }
      checkIndicator(ind, ip, add);
    });
    if (weighted && weightsUsable && indicators.length > 0 && Math.abs(weights - 100) > EPS) {
      add(
        `${sp}.indicators`,
        "weights_sum",
        `indicator weights of section "${s.id}" sum to ${weights}, not 100`,
      );
    }
  });
  if (weighted && sectionWeightsUsable && sections.length > 0 && Math.abs(sectionWeights - 100) > EPS) {
    add("sections", "weights_sum", `section weights sum to ${sectionWeights}, not 100`);
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
  if (!maxOk) add(`${p}.maxPoints`, "max_points_invalid", "maxPoints must be a number > 0");
  const max = maxOk ? ind.maxPoints : Number.POSITIVE_INFINITY;

  switch (ind.type) {
    case "yesPartialNo":
      if (ind.partialPoints !== undefined && !(isNum(ind.partialPoints) && ind.partialPoints >= 0)) {
        add(`${p}.partialPoints`, "partial_points_invalid", "partialPoints must be a number ≥ 0");
      } else if (ind.partialPoints !== undefined && ind.partialPoints >= max) {
        add(`${p}.partialPoints`, "partial_points_invalid", "partialPoints must be below maxPoints");
      }
      return;
    case "number":
    case "computed": {
      if (!isText(ind.unit)) add(`${p}.unit`, "unit_missing", "a number needs a unit");
      let lo: number | undefined;
      let hi: number | undefined;
      if (ind.type === "number") {
        if (ind.min !== undefined && !isNum(ind.min))
          add(`${p}.min`, "range_invalid", "min must be a number");
        if (ind.max !== undefined && !isNum(ind.max))
          add(`${p}.max`, "range_invalid", "max must be a number");
        if (isNum(ind.min) && isNum(ind.max) && ind.min > ind.max) {
          add(`${p}.min`, "range_invalid", `min ${ind.min} is greater than max ${ind.max}`);
        }
        lo = isNum(ind.min) ? ind.min : undefined;
        hi = isNum(ind.max) ? ind.max : undefined;
      } else if (!isMetricName(ind.metric)) {
        add(
          `${p}.metric`,
          "metric_name_invalid",
          `metric ${JSON.stringify(ind.metric)} must look like "namespace.camelCaseName"`,
        );
      } else if (!isKnownMetric(ind.metric)) {
        add(`${p}.metric`, "metric_unknown", `the platform does not compute "${ind.metric}" yet`, "warning");
      }
      checkThresholds(ind.scoring, `${p}.scoring`, max, lo, hi, add);
      return;
    }
    case "singleChoice":
    case "multiChoice": {
      const options = items<ChoiceOption>(ind.options);
      if (options.length < 2) add(`${p}.options`, "options_too_few", "a choice needs at least two options");
      const ids = new Set<string>();
      let best = 0;
      let sum = 0;
      options.forEach((o, oi) => {
        const op = `${p}.options[${oi}]`;
        checkId(o.id, `${op}.id`, add);
        if (ids.has(o.id)) add(`${op}.id`, "option_id_duplicate", `option id "${o.id}" is used twice`);
        ids.add(o.id);
        checkLocalized(o.label, `${op}.label`, add);
        if (o.points === undefined) {
          add(`${op}.points`, "option_points_missing", `option "${o.id}" has no points`);
        } else if (!isNum(o.points) || o.points < 0 || o.points > max) {
          add(`${op}.points`, "option_points_invalid", "option points must be a number from 0 to maxPoints");
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
          `no answer earns maxPoints ${max} (best ${reachable})`,
          "warning",
        );
      }
      return;
    }
    case "file":
      if (!Number.isInteger(ind.minFiles) || ind.minFiles < 1) {
        add(`${p}.minFiles`, "min_files_invalid", "minFiles must be a whole number ≥ 1");
      }
      return;
    default:
      add(
        `${p}.type`,
        "indicator_type_unknown",
        `unknown indicator type "${String((ind as { type?: unknown }).type)}"; one of ${INDICATOR_TYPES.join(", ")}`,
      );
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
    add(p, "scoring_steps_empty", "a number needs threshold scoring");
    return;
  }
  if (sc.direction !== "higherIsBetter" && sc.direction !== "lowerIsBetter") {
    add(
      `${p}.direction`,
      "scoring_direction_unknown",
      'direction must be "higherIsBetter" or "lowerIsBetter"',
    );
  }
  const steps = items<ThresholdStep>(sc.steps);
  if (steps.length === 0)
    add(`${p}.steps`, "scoring_steps_empty", "threshold scoring needs at least one step");
  let best = 0;
  steps.forEach((st, i) => {
    const sp = `${p}.steps[${i}]`;
    if (!isNum(st?.threshold)) add(`${sp}.threshold`, "scoring_step_invalid", "threshold must be a number");
    else if ((lo !== undefined && st.threshold < lo) || (hi !== undefined && st.threshold > hi)) {
      add(
        `${sp}.threshold`,
        "scoring_step_out_of_range",
        `threshold ${st.threshold} lies outside min–max`,
        "warning",
      );
    }
    if (!isNum(st?.points) || st.points < 0 || st.points > max) {
      add(`${sp}.points`, "scoring_step_invalid", "step points must be a number from 0 to maxPoints");
    } else best = Math.max(best, st.points);
  });
  if (steps.length > 0 && Number.isFinite(max) && best < max - EPS) {
    add(`${p}.steps`, "scoring_full_unreachable", `no step earns maxPoints ${max} (best ${best})`, "warning");
  }
}

function validateRating(
  sys: EvaluationSystem,
  add: Add,
  flags: { zeroToleranceFlags: number; crucialFlags: number; maxTotal: number },
): void {
  const r = sys.rating;
  if (!r || typeof r !== "object") {
    add("rating", "levels_empty", "the system needs a rating scheme");
    return;
  }
  checkProvenance(r.provenance, "rating.provenance", add, false);
  const levels = items<LevelDef>(r.levels);
  if (levels.length === 0) add("rating.levels", "levels_empty", "the rating needs at least one level");
  const rank = new Map<string, number>();
  levels.forEach((l, i) => {
    const p = `rating.levels[${i}]`;
    checkId(l.id, `${p}.id`, add);
    if (rank.has(l.id)) add(`${p}.id`, "level_duplicate", `level "${l.id}" is listed twice`);
    else rank.set(l.id, i);
    checkLocalized(l.name, `${p}.name`, add);
    checkProvenance(l.provenance, `${p}.provenance`, add, false);
    for (const k of ["validityMonths", "followUpMonths"] as const) {
      const v = l[k];
      if (v !== undefined && !(Number.isInteger(v) && v > 0)) {
        add(`${p}.${k}`, "level_period_invalid", `${k} must be a whole number of months > 0`);
      }
    }
  });
  const level = (id: unknown, path: string): boolean => {
    if (typeof id === "string" && rank.has(id)) return true;
    add(path, "level_unknown", `unknown level ${JSON.stringify(id)}`);
    return false;
  };

  if (r.sectionBands !== undefined) checkBands(r.sectionBands, "rating.sectionBands", 100, rank, add);

  const o = r.overall;
  if (o?.method === "bands") {
    const b = o.banding;
    if (b?.basis !== "percent" && b?.basis !== "points") {
      add("rating.overall.banding.basis", "banding_basis_unknown", 'basis must be "percent" or "points"');
    } else {
      const top = b.basis === "percent" ? 100 : flags.maxTotal;
      if (Number.isFinite(top)) checkBands(b.bands, "rating.overall.banding.bands", top, rank, add);
    }
  } else if (o?.method === "sectionLevels") {
    if (r.sectionBands === undefined) {
      add("rating.sectionBands", "section_bands_missing", "rating by section levels needs section bands");
    }
    const ladder = items<LadderStep>(o.ladder);
    if (ladder.length === 0)
      add("rating.overall.ladder", "ladder_empty", "the ladder needs at least one step");
    ladder.forEach((step, i) => {
      const p = `rating.overall.ladder[${i}]`;
      level(step.level, `${p}.level`);
      const when = items<LevelCountCondition>(step.when);
      if (when.length === 0) add(`${p}.when`, "ladder_condition_invalid", "a ladder step needs conditions");
      when.forEach((c, ci) => {
        const cp = `${p}.when[${ci}]`;
        const lv = Array.isArray(c.levels) ? c.levels : [];
        if (lv.length === 0)
          add(`${cp}.levels`, "ladder_condition_invalid", "a condition names at least one level");
        lv.forEach((l, li) => {
          level(l, `${cp}.levels[${li}]`);
        });
        const bound = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0);
        if ((c.atLeast === undefined && c.atMost === undefined) || !bound(c.atLeast) || !bound(c.atMost)) {
          add(cp, "ladder_condition_invalid", "a condition needs atLeast and/or atMost, whole numbers ≥ 0");
        }
      });
    });
    level(o.otherwise, "rating.overall.otherwise");
  } else {
    add(
      "rating.overall.method",
      "overall_method_unknown",
      'overall method must be "bands" or "sectionLevels"',
    );
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
        if (zeroToleranceRules > 1)
          add(`${p}`, "rule_duplicate", "only one zero-tolerance rule applies", "warning");
        if (rule.effect !== "worstLevel" && rule.effect !== "noRating") {
          add(`${p}.effect`, "rule_effect_unknown", 'effect must be "worstLevel" or "noRating"');
        }
        break;
      case "crucialFailureCap":
        crucialRules++;
        if (rule.scope !== "section" && rule.scope !== "overall") {
          add(`${p}.scope`, "rule_scope_unknown", 'scope must be "section" or "overall"');
        } else if (rule.scope === "section" && r.sectionBands === undefined) {
          add("rating.sectionBands", "section_bands_missing", "a section cap needs section bands");
        }
        level(rule.capAt, `${p}.capAt`);
        break;
      case "sectionLevelShareCap": {
        if (r.sectionBands === undefined) {
          add("rating.sectionBands", "section_bands_missing", "a cap on section levels needs section bands");
        }
        level(rule.atOrWorse, `${p}.atOrWorse`);
        level(rule.capAt, `${p}.capAt`);
        const count = rule.minCount;
        const share = rule.minSharePercent;
        const countOk = count === undefined || (Number.isInteger(count) && count >= 1);
        const shareOk = share === undefined || (isNum(share) && share > 0 && share <= 100);
        if ((count === undefined) === (share === undefined) || !countOk || !shareOk) {
          add(
            p,
            "rule_threshold_invalid",
            "give exactly one of minCount (whole number ≥ 1) and minSharePercent (0 < share ≤ 100)",
          );
        }
        break;
      }
      default:
        add(
          `${p}.kind`,
          "rule_kind_unknown",
          `unknown rule kind "${String((rule as { kind?: unknown }).kind)}"`,
        );
    }
  });
  if (flags.zeroToleranceFlags > 0 && zeroToleranceRules === 0) {
    add(
      "rating.rules",
      "zero_tolerance_unused",
      "indicators are flagged zero-tolerance but no rule uses the flag",
      "warning",
    );
  }
  if (flags.zeroToleranceFlags === 0 && zeroToleranceRules > 0) {
    add(
      "rating.rules",
      "zero_tolerance_unused",
      "a zero-tolerance rule but no zero-tolerance indicator",
      "warning",
    );
  }
  if (flags.crucialFlags > 0 && crucialRules === 0) {
    add(
      "rating.rules",
      "crucial_unused",
      "indicators are flagged crucial but no rule uses the flag",
      "warning",
    );
  }
  if (flags.crucialFlags === 0 && crucialRules > 0) {
    add("rating.rules", "crucial_unused", "a crucial-failure rule but no crucial indicator", "warning");
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
    add(path, "bands_empty", "at least one band is needed");
    return;
  }
  const seen = new Set<string>();
  let usable = true;
  bands.forEach((b, i) => {
    const p = `${path}[${i}]`;
    if (!rank.has(b.level)) {
      add(`${p}.level`, "level_unknown", `unknown level ${JSON.stringify(b.level)}`);
      usable = false;
    } else if (seen.has(b.level)) {
      add(`${p}.level`, "band_level_duplicate", `level ${b.level} has more than one band`);
      usable = false;
    }
    seen.add(b.level);
    if (!isNum(b.min) || !isNum(b.max) || b.min >= b.max) {
      add(p, "band_range_invalid", "a band needs numbers min < max");
      usable = false;
    }
  });
  for (const id of rank.keys()) {
    if (!seen.has(id))
      add(path, "band_level_missing", `level ${id} has no band: only rules can give it`, "warning");
  }
  if (!usable) return;

  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.min - y.b.min || x.b.max - y.b.max);
  const first = order[0];
  const last = order[order.length - 1];
  if (first && Math.abs(first.b.min) > EPS) {
    add(`${path}[${first.i}].min`, "band_coverage", `bands start at ${first.b.min}, not 0`);
  }
  if (last && Math.abs(last.b.max - top) > EPS) {
    add(`${path}[${last.i}].max`, "band_coverage", `bands end at ${last.b.max}, not ${top}`);
  }
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const cur = order[k];
    if (!prev || !cur) continue;
    if (cur.b.min > prev.b.max + EPS) {
      add(
        `${path}[${cur.i}].min`,
        "band_gap",
        `values from ${prev.b.max} to ${cur.b.min} fall in no level (between ${prev.b.level} and ${cur.b.level})`,
      );
    } else if (cur.b.min < prev.b.max - EPS) {
      add(
        `${path}[${cur.i}].min`,
        "band_overlap",
        `values from ${cur.b.min} to ${Math.min(prev.b.max, cur.b.max)} fall in ${prev.b.level} and ${cur.b.level}`,
      );
    }
    if ((rank.get(cur.b.level) ?? 0) > (rank.get(prev.b.level) ?? 0)) {
      add(
        `${path}[${cur.i}].level`,
        "band_order",
        `level ${cur.b.level} sits above ${prev.b.level}: a higher value must never give a worse level`,
      );
    }
  }
}

/** True when the system has no error (warnings allowed). */
export function isUsableSystem(sys: EvaluationSystem): boolean {
  return validateEvaluationSystem(sys).every((i) => i.severity !== "error");
}
