import { isMessageKey, type MessageKey, type Translate } from "../../i18n/I18nProvider";
import { PERCENT_METRICS, type SignalObservation, type TraceLine } from "./types";

// Class decisions carry their reasons as trace lines { key, params, text } (packages/rules classify.ts). A line
// is rendered from this module's template for its key, with its parameters turned into words (element and
// metric names, class labels, units, evidence); a key without a template falls back to the English text.

const COMPARISON_SIGNS: Record<string, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" };

/** Up to 2 decimals, no trailing zeros (the server's formatClassificationNumber). */
export function formatValue(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

function known(key: string, t: Translate, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export const elementName = (id: string, t: Translate) => known(`classification.element.${id}`, t, id);
export const metricName = (metric: string, t: Translate) =>
  known(`classification.metric.${metric}`, t, metric);
const className = (cls: unknown, t: Translate) => known(`class.${String(cls)}`, t, String(cls));

/** A metric's value with its unit: "96.2 %" for pass rates, "3" for counts. */
export function metricValue(metric: string, value: number | string): string {
  const text = typeof value === "number" ? formatValue(value) : value;
  return PERCENT_METRICS.has(metric) ? `${text} %` : text;
}

/** "3 of 79 lots rejected" in the page's language. */
export function evidenceText(
  metric: string,
  evidence: { count: number | string; total?: number | string } | undefined,
  t: Translate,
): string {
  if (!evidence || evidence.count === "") return "";
  const key = `classification.evidence.${metric}`;
  if (!isMessageKey(key)) return String(evidence.count);
  return t(key, { count: evidence.count, total: evidence.total ?? "" });
}

export function observationEvidence(o: SignalObservation, t: Translate): string {
  return evidenceText(o.metric, o.evidence, t);
}

/** One trace line in the page's language. */
export function traceText(line: TraceLine, t: Translate): string {
  if (!isMessageKey(line.key)) return line.text;
  const p = line.params;
  const metric = String(p.metric ?? "");
  const vars: Record<string, string | number> = { ...p };
  if (p.element !== undefined) vars.element = elementName(String(p.element), t);
  if (p.metric !== undefined) vars.metric = metricName(metric, t);
  for (const k of ["class", "classAfter", "classBefore", "computedClass"] as const)
    if (p[k] !== undefined) vars[k] = className(p[k], t);
  if (typeof p.value === "number") vars.value = metricValue(metric, p.value);
  if (typeof p.threshold === "number") vars.threshold = metricValue(metric, p.threshold);
  if (p.comparison !== undefined)
    vars.comparison = COMPARISON_SIGNS[String(p.comparison)] ?? String(p.comparison);
  if (
    ["classification.trace.capAt", "classification.trace.demoteBy", "classification.trace.floor"].includes(
      line.key,
    )
  ) {
    const total = p.evidenceTotal === "" ? undefined : p.evidenceTotal;
    const ev = evidenceText(metric, { count: p.evidenceCount ?? "", total }, t);
    vars.evidence = ev ? t("classification.trace.evidence", { evidence: ev }) : "";
    if (line.key !== "classification.trace.demoteBy") vars.effect = className(p.effect, t);
    vars.change =
      p.classBefore === p.classAfter
        ? t("classification.trace.noChange")
        : t("classification.trace.was", { class: className(p.classBefore, t) });
  }
  return t(line.key as MessageKey, vars);
}
