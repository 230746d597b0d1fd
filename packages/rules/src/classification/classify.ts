import {
  ASSESSMENT_ELEMENT_IDS,
  ASSESSMENT_ELEMENT_NAMES,
  type AssessmentElementId,
  type ClassificationRuleSet,
  type Comparison,
  classOfRank,
  classRank,
  type EnterpriseClass,
  isEnterpriseClass,
  type RuleSetIssue,
  SIGNAL_METRICS,
  type SignalEffect,
  type SignalMetric,
  type SignalRule,
} from "./types.ts";
import { validateRuleSet } from "./validate.ts";

/** One computed signal over a rolling window, with the counts behind it for the trace. */
export interface SignalObservation {
  metric: SignalMetric;
  windowMonths: number;
  /** Percent 0–100 for pass rates, a count otherwise. */
  value: number;
  /** E.g. { count: 3, total: 79 } → "(3 of 79 lots rejected)". */
  evidence?: { count: number; total?: number };
}

/** A regulator's manual class, in force up to and including `expiresOn`. */
export interface ClassOverride {
  class: EnterpriseClass;
  reason: string;
  /** ISO date YYYY-MM-DD, last day the override applies. */
  expiresOn: string;
}

export interface ClassificationInput {
  /** The regulator's score per element, 0…maxScore; every element must be scored. */
  checklist: Partial<Record<AssessmentElementId, number>>;
  signals: readonly SignalObservation[];
  override?: ClassOverride;
  /** ISO date YYYY-MM-DD of the decision (the module reads no clock). */
  today: string;
}

/** A trace line: `key` and `params` for i18n, `text` the English rendering. */
export interface TraceLine {
  key: string;
  params: Record<string, string | number>;
  text: string;
}

export interface AppliedEffect {
  ruleId: string;
  metric: SignalMetric;
  windowMonths: number;
  value: number;
  comparison: Comparison;
  threshold: number;
  effect: SignalEffect;
  classBefore: EnterpriseClass;
  classAfter: EnterpriseClass;
}

export type OverrideOutcome =
  | { status: "applied"; class: EnterpriseClass; reason: string; expiresOn: string }
  | { status: "expired"; class: EnterpriseClass; reason: string; expiresOn: string };

export interface ClassificationDecision {
  ok: true;
  /** The class in force: the override's while it applies, the computed class otherwise. */
  class: EnterpriseClass;
  /** Class after score and signal rules, before any override. */
  computedClass: EnterpriseClass;
  /** Class from the checklist score alone. */
  baseClass: EnterpriseClass;
  /** Weighted checklist total 0–100, rounded to 4 decimals before banding. */
  scoreTotal: number;
  ruleSetVersion: string;
  /** Triggered signal rules, in the order their effects were applied (demotions, floors, caps). */
  applied: AppliedEffect[];
  trace: TraceLine[];
  override: OverrideOutcome | null;
}

export type ClassificationInputIssueCode =
  | "score_missing"
  | "score_invalid"
  | "signal_invalid"
  | "signal_duplicate"
  | "override_reason_missing"
  | "override_class_invalid"
  | "date_invalid";

export interface ClassificationInputIssue {
  path: string;
  code: ClassificationInputIssueCode;
  message: string;
}

export interface ClassificationRefusal {
  ok: false;
  /** Errors in the rule set (warnings are not listed here; they never block). */
  ruleSetIssues: RuleSetIssue[];
  inputIssues: ClassificationInputIssue[];
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string" || !ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Deterministic number rendering: up to 2 decimals, no trailing zeros, no locale. */
export function formatClassificationNumber(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

const COMPARISON_TEXT: Record<Comparison, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" };
const NEGATION: Record<Comparison, Comparison> = { "<": ">=", "<=": ">", ">": "<=", ">=": "<" };

function compare(value: number, c: Comparison, threshold: number): boolean {
  switch (c) {
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
  }
}

function signalKey(metric: string, windowMonths: number): string {
  return `${metric}@${windowMonths}`;
}

function checkInput(rs: ClassificationRuleSet, input: ClassificationInput): ClassificationInputIssue[] {
  const issues: ClassificationInputIssue[] = [];
  for (const el of rs.elements) {
    const s = input.checklist[el.id];
    if (s === undefined) {
      issues.push({ path: `checklist.${el.id}`, code: "score_missing", message: `${el.id} is not scored` });
    } else if (typeof s !== "number" || !Number.isFinite(s) || s < 0 || s > el.maxScore) {
      issues.push({
        path: `checklist.${el.id}`,
        code: "score_invalid",
        message: `${el.id} score must be from 0 to ${el.maxScore}`,
      });
    }
  }
  const seen = new Set<string>();
  input.signals.forEach((o, i) => {
    const key = signalKey(o.metric, o.windowMonths);
    const info = SIGNAL_METRICS[o.metric];
    const valueOk =
      typeof o.value === "number" &&
      Number.isFinite(o.value) &&
      o.value >= 0 &&
      (info?.unit !== "percent" || o.value <= 100);
    if (!info || !Number.isInteger(o.windowMonths) || o.windowMonths < 1 || !valueOk) {
      issues.push({
        path: `signals[${i}]`,
        code: "signal_invalid",
        message: "unknown metric, bad window or value",
      });
    } else if (seen.has(key)) {
      issues.push({
        path: `signals[${i}]`,
        code: "signal_duplicate",
        message: `${o.metric} over ${o.windowMonths} months is given twice`,
      });
    }
    seen.add(key);
  });
  if (!isIsoDate(input.today)) {
    issues.push({ path: "today", code: "date_invalid", message: "today must be an ISO date YYYY-MM-DD" });
  }
  const ov = input.override;
  if (ov) {
    if (!isEnterpriseClass(ov.class)) {
      issues.push({ path: "override.class", code: "override_class_invalid", message: "unknown class" });
    }
    if (typeof ov.reason !== "string" || ov.reason.trim() === "") {
      issues.push({
        path: "override.reason",
        code: "override_reason_missing",
        message: "an override needs a reason",
      });
    }
    if (!isIsoDate(ov.expiresOn)) {
      issues.push({
        path: "override.expiresOn",
        code: "date_invalid",
        message: "expiry must be an ISO date",
      });
    }
  }
  return issues;
}

function describeCondition(rule: SignalRule, obs: SignalObservation, holds: boolean): string {
  const info = SIGNAL_METRICS[rule.metric];
  const unit = info.unit === "percent" ? " %" : "";
  const cmp = COMPARISON_TEXT[holds ? rule.comparison : NEGATION[rule.comparison]];
  const ev = obs.evidence;
  const evidence = ev
    ? ev.total === undefined
      ? ` (${ev.count} ${info.evidenceNoun})`
      : ` (${ev.count} of ${ev.total} ${info.evidenceNoun})`
    : "";
  return `${info.label} ${formatClassificationNumber(obs.value)}${unit} ${cmp} ${formatClassificationNumber(rule.threshold)}${unit} over ${rule.windowMonths} months${evidence}`;
}

function effectText(e: SignalEffect): string {
  switch (e.kind) {
    case "capAt":
      return `at best class ${e.class}`;
    case "floor":
      return `at worst class ${e.class}`;
    case "demoteBy":
      return `${e.steps} class${e.steps === 1 ? "" : "es"} worse`;
  }
}

/**
 * Classify one enterprise. Pure and deterministic: the same rule set and input give the same decision and trace.
 *
 * 1. scoreTotal = Σ weight × score ÷ maxScore over the nine elements, rounded to 4 decimals; its band gives
 *    the base class (the band ending at 100 includes 100).
 * 2. Each signal rule reads the observation with its metric and window; a missing observation leaves the rule
 *    unevaluated (traced). Triggered effects apply in a fixed order: demotions (summed, at most to IV), then
 *    floors (at worst class X), then caps (at best class X) — an adverse cap always prevails.
 * 3. An override replaces the computed class while today ≤ expiresOn; after that it is traced as expired.
 *
 * Refuses (ok: false, no throw) a rule set with errors, a checklist with an unscored or out-of-range element,
 * invalid or duplicate signals, bad dates, or an override without a reason.
 */
export function classifyEnterprise(
  rs: ClassificationRuleSet,
  input: ClassificationInput,
): ClassificationDecision | ClassificationRefusal {
  const ruleSetIssues = validateRuleSet(rs).filter((i) => i.severity === "error");
  const inputIssues = ruleSetIssues.length === 0 ? checkInput(rs, input) : [];
  if (ruleSetIssues.length > 0 || inputIssues.length > 0) return { ok: false, ruleSetIssues, inputIssues };

  const trace: TraceLine[] = [];
  const line = (key: string, params: Record<string, string | number>, text: string) =>
    trace.push({ key, params, text });

  // 1. Checklist score.
  let raw = 0;
  const byId = new Map(rs.elements.map((e) => [e.id, e]));
  for (const id of ASSESSMENT_ELEMENT_IDS) {
    const el = byId.get(id);
    const score = input.checklist[id];
    if (!el || score === undefined) continue;
    const points = (el.weight * score) / el.maxScore;
    raw += points;
    line(
      "classification.trace.element",
      {
        element: id,
        score,
        maxScore: el.maxScore,
        weight: el.weight,
        points: formatClassificationNumber(points),
      },
      `${ASSESSMENT_ELEMENT_NAMES[id]}: ${formatClassificationNumber(score)} of ${formatClassificationNumber(el.maxScore)} × weight ${formatClassificationNumber(el.weight)} → ${formatClassificationNumber(points)} points`,
    );
  }
  const scoreTotal = Math.round(raw * 1e4) / 1e4;
  const band =
    rs.bands.find((b) => scoreTotal >= b.min && scoreTotal < b.max) ??
    rs.bands.find((b) => b.max === 100 && scoreTotal === 100);
  // A valid rule set tiles 0–100, so a band is always found; IV is a defensive fallback.
  const baseClass: EnterpriseClass = band?.class ?? "IV";
  const bandText = band
    ? `[${formatClassificationNumber(band.min)}, ${formatClassificationNumber(band.max)}${band.max === 100 ? "]" : ")"}`
    : "";
  line(
    "classification.trace.score",
    {
      score: formatClassificationNumber(scoreTotal),
      class: baseClass,
      bandMin: band?.min ?? 0,
      bandMax: band?.max ?? 0,
    },
    `class ${baseClass} from checklist score ${formatClassificationNumber(scoreTotal)} of 100 (band ${bandText})`,
  );

  // 2. Signal rules.
  const observations = new Map(input.signals.map((o) => [signalKey(o.metric, o.windowMonths), o]));
  const triggered: { rule: SignalRule; obs: SignalObservation }[] = [];
  for (const rule of rs.signalRules) {
    const obs = observations.get(signalKey(rule.metric, rule.windowMonths));
    if (!obs) {
      line(
        "classification.trace.signalMissing",
        { rule: rule.id, metric: rule.metric, windowMonths: rule.windowMonths },
        `rule ${rule.id} not evaluated: no ${SIGNAL_METRICS[rule.metric].label} over ${rule.windowMonths} months`,
      );
    } else if (compare(obs.value, rule.comparison, rule.threshold)) {
      triggered.push({ rule, obs });
    } else {
      line(
        "classification.trace.signalClear",
        { rule: rule.id, metric: rule.metric, value: obs.value, threshold: rule.threshold },
        `rule ${rule.id} not triggered: ${describeCondition(rule, obs, false)}`,
      );
    }
  }
  const order = { demoteBy: 0, floor: 1, capAt: 2 } as const;
  triggered.sort((a, b) => order[a.rule.effect.kind] - order[b.rule.effect.kind]);

  const applied: AppliedEffect[] = [];
  let current = baseClass;
  for (const { rule, obs } of triggered) {
    const e = rule.effect;
    const before = current;
    const rank = classRank(current);
    if (e.kind === "demoteBy") current = classOfRank(rank + e.steps);
    else if (e.kind === "floor") current = classOfRank(Math.min(rank, classRank(e.class)));
    else current = classOfRank(Math.max(rank, classRank(e.class)));
    applied.push({
      ruleId: rule.id,
      metric: rule.metric,
      windowMonths: rule.windowMonths,
      value: obs.value,
      comparison: rule.comparison,
      threshold: rule.threshold,
      effect: e,
      classBefore: before,
      classAfter: current,
    });
    const changed = before !== current;
    line(
      `classification.trace.${e.kind}`,
      {
        rule: rule.id,
        metric: rule.metric,
        value: obs.value,
        comparison: rule.comparison,
        threshold: rule.threshold,
        windowMonths: rule.windowMonths,
        evidenceCount: obs.evidence?.count ?? "",
        evidenceTotal: obs.evidence?.total ?? "",
        classBefore: before,
        classAfter: current,
        effect: e.kind === "demoteBy" ? e.steps : e.class,
      },
      `class ${current} because ${describeCondition(rule, obs, true)}: ${effectText(e)}${changed ? ` (was class ${before})` : " (no change)"}`,
    );
  }
  const computedClass = current;

  // 3. Override.
  let override: OverrideOutcome | null = null;
  let finalClass = computedClass;
  const ov = input.override;
  if (ov) {
    const inForce = input.today <= ov.expiresOn; // ISO dates compare as strings
    override = {
      status: inForce ? "applied" : "expired",
      class: ov.class,
      reason: ov.reason,
      expiresOn: ov.expiresOn,
    };
    if (inForce) {
      finalClass = ov.class;
      line(
        "classification.trace.overrideApplied",
        { class: ov.class, computedClass, reason: ov.reason, expiresOn: ov.expiresOn },
        `class ${ov.class} by manual override until ${ov.expiresOn} (computed class ${computedClass}): ${ov.reason}`,
      );
    } else {
      line(
        "classification.trace.overrideExpired",
        { class: ov.class, reason: ov.reason, expiresOn: ov.expiresOn },
        `manual override to class ${ov.class} expired on ${ov.expiresOn}; computed class applies`,
      );
    }
  }
  line(
    "classification.trace.final",
    { class: finalClass, version: rs.version },
    `final class ${finalClass} (rule set ${rs.version})`,
  );

  return {
    ok: true,
    class: finalClass,
    computedClass,
    baseClass,
    scoreTotal,
    ruleSetVersion: rs.version,
    applied,
    trace,
    override,
  };
}
