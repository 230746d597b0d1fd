// Answers to indicators: checking a value against the indicator's type, and the points it earns.
import type { Indicator, ThresholdScoring } from "./types.ts";

/**
 * yesPartialNo: "yes" | "partial" | "no"; number and computed: a finite number; singleChoice: an option id;
 * multiChoice: option ids; file: ids of uploaded files; null: not applicable (where the indicator allows it).
 */
export type AnswerValue = string | number | readonly string[] | null;

/** One indicator's answers. The auditor's value, when given, is the one scored. */
export interface AnswerEntry {
  self?: AnswerValue;
  auditor?: AnswerValue;
  /** Required when the auditor's value differs from the self-assessment (or the computed metric). */
  overruleReason?: string;
}

/** Answers keyed by indicator id. */
export type AssessmentAnswers = Readonly<Record<string, AnswerEntry>>;

export type AnswerIssueCode =
  | "answer_shape"
  | "answer_type"
  | "answer_out_of_range"
  | "answer_not_integer"
  | "answer_option_unknown"
  | "answer_option_duplicate"
  | "not_applicable_refused"
  | "overrule_reason_missing"
  | "overrule_reason_unused"
  | "computed_self_answer"
  | "metric_missing"
  | "metric_invalid"
  | "answer_missing"
  | "answer_unknown_indicator";

export interface AnswerIssue {
  /** E.g. "answers.pa05-q2.auditor". */
  path: string;
  code: AnswerIssueCode;
  /** "error": the answer is wrong and must be fixed before the assessment is final; "warning": informative. */
  severity: "error" | "warning";
  message: string;
}

export type ValueCheck =
  | { ok: true; value: AnswerValue }
  | { ok: false; code: AnswerIssueCode; message: string };

const YPN = new Set(["yes", "partial", "no"]);

function fail(code: AnswerIssueCode, message: string): ValueCheck {
  return { ok: false, code, message };
}

/** Check a raw answer against the indicator's type; multiChoice and file answers come back as fresh arrays. */
export function checkAnswerValue(ind: Indicator, raw: unknown): ValueCheck {
  if (raw === null) {
    return ind.allowNotApplicable === true
      ? { ok: true, value: null }
      : fail("not_applicable_refused", `indicator ${ind.id} may not be answered "not applicable"`);
  }
  switch (ind.type) {
    case "yesPartialNo":
      return typeof raw === "string" && YPN.has(raw)
        ? { ok: true, value: raw }
        : fail("answer_type", `expected "yes", "partial" or "no", got ${describe(raw)}`);
    case "number":
    case "computed": {
      if (typeof raw !== "number" || !Number.isFinite(raw)) {
        return fail("answer_type", `expected a number in ${ind.unit}, got ${describe(raw)}`);
      }
      if (ind.type === "number") {
        if (ind.integer === true && !Number.isInteger(raw)) {
          return fail("answer_not_integer", `expected a whole number, got ${raw}`);
        }
        if ((ind.min !== undefined && raw < ind.min) || (ind.max !== undefined && raw > ind.max)) {
          return fail(
            "answer_out_of_range",
            `${raw} ${ind.unit} lies outside ${ind.min ?? "−∞"}–${ind.max ?? "∞"}`,
          );
        }
      }
      return { ok: true, value: raw };
    }
    case "singleChoice":
      if (typeof raw !== "string") return fail("answer_type", `expected an option id, got ${describe(raw)}`);
      return ind.options.some((o) => o.id === raw)
        ? { ok: true, value: raw }
        : fail("answer_option_unknown", `"${raw}" is not an option of ${ind.id}`);
    case "multiChoice": {
      if (!Array.isArray(raw) || !raw.every((x) => typeof x === "string")) {
        return fail("answer_type", `expected a list of option ids, got ${describe(raw)}`);
      }
      const seen = new Set<string>();
      for (const x of raw as string[]) {
        if (!ind.options.some((o) => o.id === x)) {
          return fail("answer_option_unknown", `"${x}" is not an option of ${ind.id}`);
        }
        if (seen.has(x)) return fail("answer_option_duplicate", `option "${x}" is chosen twice`);
        seen.add(x);
      }
      return { ok: true, value: [...(raw as string[])] };
    }
    case "file":
      if (!Array.isArray(raw) || !raw.every((x) => typeof x === "string" && x.trim() !== "")) {
        return fail("answer_type", `expected a list of file ids, got ${describe(raw)}`);
      }
      return { ok: true, value: [...(raw as string[])] };
  }
}

function describe(raw: unknown): string {
  if (raw === undefined) return "nothing";
  if (Array.isArray(raw)) return "a list";
  if (typeof raw === "string") return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (typeof raw === "number") return String(raw);
  return `a ${typeof raw}`;
}

function thresholdPoints(sc: ThresholdScoring, v: number): number {
  let best = 0;
  for (const st of sc.steps) {
    const met = sc.direction === "higherIsBetter" ? v >= st.threshold : v <= st.threshold;
    if (met && st.points > best) best = st.points;
  }
  return best;
}

/** Points for a checked, applicable (non-null) value. */
export function answerPoints(ind: Indicator, value: Exclude<AnswerValue, null>): number {
  switch (ind.type) {
    case "yesPartialNo":
      if (value === "yes") return ind.maxPoints;
      if (value === "partial") return ind.partialPoints ?? ind.maxPoints / 2;
      return 0;
    case "number":
    case "computed":
      return thresholdPoints(ind.scoring, value as number);
    case "singleChoice":
      return ind.options.find((o) => o.id === value)?.points ?? 0;
    case "multiChoice": {
      let sum = 0;
      for (const id of value as readonly string[]) sum += ind.options.find((o) => o.id === id)?.points ?? 0;
      return Math.min(ind.maxPoints, sum);
    }
    case "file":
      return (value as readonly string[]).length >= ind.minFiles ? ind.maxPoints : 0;
  }
}

/** Equal answers (option and file lists compared as sets): an auditor who agrees needs no reason. */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const s = new Set(a);
    return b.every((x) => s.has(x));
  }
  return Object.is(a, b);
}

/** Render a value for traces. */
export function answerText(value: AnswerValue | undefined): string {
  if (value === undefined) return "no answer";
  if (value === null) return "not applicable";
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  if (typeof value === "string") return `"${value}"`;
  return String(value);
}
