import {
  ASSESSMENT_ELEMENT_IDS,
  type ClassificationRuleSet,
  COMPARISONS,
  classRank,
  ENTERPRISE_CLASSES,
  isEnterpriseClass,
  isSignalMetric,
  PRODUCT_RISKS,
  type RuleSetIssue,
  type RuleSetIssueCode,
  SIGNAL_METRICS,
  SUPERVISION_MODES,
  type SupervisionMode,
} from "./types.ts";

/** Tolerance for the weight sum and band edges (rule sets edited in a UI carry decimal fractions). */
const EPS = 1e-9;

function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/**
 * Every problem in a rule set, never throwing. A rule set with no issue of severity "error" can be used by
 * classifyEnterprise and supervisionMode; the input is typed but checked defensively since it comes from a UI.
 */
export function validateRuleSet(rs: ClassificationRuleSet): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  const add = (
    path: string,
    code: RuleSetIssueCode,
    message: string,
    severity: "error" | "warning" = "error",
  ) => issues.push({ path, code, severity, message });

  if (typeof rs.version !== "string" || rs.version.trim() === "") {
    add("version", "version_missing", "the rule set needs a version label");
  }

  // Elements: the nine Decree-113 elements, each once, weights summing to 100.
  const seen = new Set<string>();
  let weightSum = 0;
  let weightsUsable = true;
  (rs.elements ?? []).forEach((el, i) => {
    const p = `elements[${i}]`;
    if (!(ASSESSMENT_ELEMENT_IDS as readonly string[]).includes(el.id)) {
      add(`${p}.id`, "element_unknown", `unknown assessment element "${String(el.id)}"`);
    } else if (seen.has(el.id)) {
      add(`${p}.id`, "element_duplicate", `assessment element "${el.id}" is listed twice`);
    }
    seen.add(el.id);
    if (!isFiniteNumber(el.weight) || el.weight < 0) {
      add(`${p}.weight`, "element_weight_invalid", "weight must be a number ≥ 0");
      weightsUsable = false;
    } else {
      weightSum += el.weight;
    }
    if (!isFiniteNumber(el.maxScore) || el.maxScore <= 0) {
      add(`${p}.maxScore`, "element_max_score_invalid", "max score must be a number > 0");
    }
  });
  for (const id of ASSESSMENT_ELEMENT_IDS) {
    if (!seen.has(id)) add("elements", "element_missing", `assessment element "${id}" is missing`);
  }
  if (weightsUsable && Math.abs(weightSum - 100) > EPS) {
    add("elements", "weights_sum", `weights sum to ${weightSum}, not 100`);
  }

  validateBands(rs, add);

  // Signal rules.
  const ids = new Set<string>();
  (rs.signalRules ?? []).forEach((r, i) => {
    const p = `signalRules[${i}]`;
    if (ids.has(r.id)) add(`${p}.id`, "signal_id_duplicate", `signal rule id "${r.id}" is used twice`);
    ids.add(r.id);
    const known = isSignalMetric(r.metric);
    if (!known) add(`${p}.metric`, "signal_metric_unknown", `unknown metric "${String(r.metric)}"`);
    if (!Number.isInteger(r.windowMonths) || r.windowMonths < 1) {
      add(`${p}.windowMonths`, "signal_window_invalid", "window must be a whole number of months ≥ 1");
    }
    if (!COMPARISONS.includes(r.comparison)) {
      add(`${p}.comparison`, "signal_comparison_unknown", `unknown comparison "${String(r.comparison)}"`);
    }
    if (!isFiniteNumber(r.threshold)) {
      add(`${p}.threshold`, "signal_threshold_invalid", "threshold must be a number");
    } else if (
      known &&
      SIGNAL_METRICS[r.metric].unit === "percent" &&
      (r.threshold < 0 || r.threshold > 100)
    ) {
      add(`${p}.threshold`, "signal_threshold_invalid", "a pass-rate threshold is a percentage 0–100");
    } else if (known && SIGNAL_METRICS[r.metric].unit === "count" && r.threshold < 0) {
      add(`${p}.threshold`, "signal_threshold_invalid", "a count threshold must be ≥ 0");
    }
    const e = r.effect;
    if (e?.kind === "capAt" || e?.kind === "floor") {
      if (!isEnterpriseClass(e.class)) {
        add(`${p}.effect.class`, "signal_effect_invalid", `unknown class "${String(e.class)}"`);
      }
    } else if (e?.kind === "demoteBy") {
      if (!Number.isInteger(e.steps) || e.steps < 1 || e.steps > 3) {
        add(`${p}.effect.steps`, "signal_effect_invalid", "demoteBy steps must be a whole number 1–3");
      }
    } else {
      add(`${p}.effect`, "signal_effect_invalid", "effect must be capAt, demoteBy or floor");
    }
  });

  // Mode matrix: every class × risk, known modes; a warning when a worse class or higher risk gets a lighter mode.
  const modeIndex = (m: unknown) => SUPERVISION_MODES.indexOf(m as SupervisionMode);
  let complete = true;
  for (const c of ENTERPRISE_CLASSES) {
    for (const risk of PRODUCT_RISKS) {
      const m = rs.modeMatrix?.[c]?.[risk];
      if (m === undefined) {
        add(
          `modeMatrix.${c}.${risk}`,
          "mode_matrix_incomplete",
          `no supervision mode for class ${c}, ${risk} risk`,
        );
        complete = false;
      } else if (modeIndex(m) < 0) {
        add(`modeMatrix.${c}.${risk}`, "mode_unknown", `unknown supervision mode "${String(m)}"`);
        complete = false;
      }
    }
  }
  if (complete) {
    for (const c of ENTERPRISE_CLASSES) {
      PRODUCT_RISKS.forEach((risk, ri) => {
        const here = modeIndex(rs.modeMatrix[c][risk]);
        const nextRisk = PRODUCT_RISKS[ri + 1];
        if (nextRisk !== undefined && modeIndex(rs.modeMatrix[c][nextRisk]) < here) {
          add(
            `modeMatrix.${c}.${nextRisk}`,
            "mode_matrix_not_monotone",
            `class ${c}: ${nextRisk} risk gets a lighter mode than ${risk} risk`,
            "warning",
          );
        }
        const worse = ENTERPRISE_CLASSES[classRank(c)];
        if (worse !== undefined && modeIndex(rs.modeMatrix[worse][risk]) < here) {
          add(
            `modeMatrix.${worse}.${risk}`,
            "mode_matrix_not_monotone",
            `${risk} risk: class ${worse} gets a lighter mode than class ${c}`,
            "warning",
          );
        }
      });
    }
  }

  for (const mode of SUPERVISION_MODES) {
    const s = rs.samplingShares?.[mode];
    const p = `samplingShares.${mode}`;
    if (!isFiniteNumber(s) || s < 0 || s > 1) {
      add(p, "sampling_share_range", "sampling share must be a number from 0 to 1");
    } else if ((mode === "stringent" || mode === "special") && s !== 1) {
      add(p, "sampling_share_must_be_one", `${mode} supervision inspects every lot: its share must be 1`);
    }
  }

  return issues;
}

function validateBands(
  rs: ClassificationRuleSet,
  add: (path: string, code: RuleSetIssueCode, message: string) => void,
): void {
  const bands = rs.bands ?? [];
  const classes = new Set<string>();
  let usable = true;
  bands.forEach((b, i) => {
    const p = `bands[${i}]`;
    if (!isEnterpriseClass(b.class)) {
      add(`${p}.class`, "band_class_unknown", `unknown class "${String(b.class)}"`);
      usable = false;
    } else if (classes.has(b.class)) {
      add(`${p}.class`, "band_class_duplicate", `class ${b.class} has more than one band`);
      usable = false;
    }
    classes.add(b.class);
    if (!isFiniteNumber(b.min) || !isFiniteNumber(b.max) || b.min >= b.max) {
      add(p, "band_range_invalid", "a band needs numbers min < max");
      usable = false;
    }
  });
  for (const c of ENTERPRISE_CLASSES) {
    if (!classes.has(c)) add("bands", "band_class_missing", `class ${c} has no score band`);
  }
  if (!usable || bands.length === 0) return;

  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.min - y.b.min || x.b.max - y.b.max);
  const first = order[0];
  const last = order[order.length - 1];
  if (first && Math.abs(first.b.min) > EPS) {
    add(`bands[${first.i}].min`, "band_coverage", `bands start at ${first.b.min}, not 0`);
  }
  if (last && Math.abs(last.b.max - 100) > EPS) {
    add(`bands[${last.i}].max`, "band_coverage", `bands end at ${last.b.max}, not 100`);
  }
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const cur = order[k];
    if (!prev || !cur) continue;
    if (cur.b.min > prev.b.max + EPS) {
      add(
        `bands[${cur.i}].min`,
        "band_gap",
        `scores from ${prev.b.max} to ${cur.b.min} fall in no class (gap between class ${prev.b.class} and ${cur.b.class})`,
      );
    } else if (cur.b.min < prev.b.max - EPS) {
      add(
        `bands[${cur.i}].min`,
        "band_overlap",
        `scores from ${cur.b.min} to ${Math.min(prev.b.max, cur.b.max)} fall in class ${prev.b.class} and ${cur.b.class}`,
      );
    }
    if (classRank(cur.b.class) > classRank(prev.b.class)) {
      add(
        `bands[${cur.i}].class`,
        "band_order",
        `class ${cur.b.class} sits above class ${prev.b.class}: a higher score must never give a worse class`,
      );
    }
  }
}

/** True when the rule set has no error (warnings allowed). */
export function isUsableRuleSet(rs: ClassificationRuleSet): boolean {
  return validateRuleSet(rs).every((i) => i.severity !== "error");
}
