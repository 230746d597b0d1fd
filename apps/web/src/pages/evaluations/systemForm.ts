import { toNamePath } from "../../components/formErrors";
import { isMessageKey, type Translate } from "../../i18n/I18nProvider";
import type { LocalizedText } from "./types";

// The evaluation-system editor's state: the definition as the API stores it (packages/rules evaluation/types.ts),
// edited in place by path. Issue paths of the validator ("sections[2].indicators[0].weight") are the same paths,
// so an issue finds its field. Pure: the page and systemForm.test.ts use it.

export type IndicatorType = "yesPartialNo" | "number" | "singleChoice" | "multiChoice" | "file" | "computed";
export const INDICATOR_TYPES: readonly IndicatorType[] = [
  "yesPartialNo",
  "number",
  "singleChoice",
  "multiChoice",
  "file",
  "computed",
];
export const KINDS = ["socialCompliance", "managementRating", "integrity", "supervisionChecklist", "custom"];
export const SCORING_METHODS = ["weightedPercent", "pointsSum"] as const;
export const RULE_KINDS = ["zeroTolerance", "crucialFailureCap", "sectionLevelShareCap"] as const;

export interface Provenance {
  kind: "source" | "authored";
  cite?: string;
  verified?: boolean;
  basis?: string;
}

export interface Scoring {
  direction: "higherIsBetter" | "lowerIsBetter";
  steps: { threshold: number; points: number }[];
}

export interface ChoiceOption {
  id: string;
  label: LocalizedText;
  points: number;
}

/** One shape for every indicator type: the fields of the other types are absent. */
export interface EditorIndicator {
  id: string;
  type: IndicatorType;
  name: LocalizedText;
  guidance?: LocalizedText;
  weight?: number;
  maxPoints: number;
  crucial?: boolean;
  zeroTolerance?: boolean;
  allowNotApplicable?: boolean;
  tags?: string[];
  provenance: Provenance;
  partialPoints?: number;
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  scoring?: Scoring;
  options?: ChoiceOption[];
  minFiles?: number;
  accept?: string[];
  metric?: string;
}

export interface EditorSection {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  weight?: number;
  provenance?: Provenance;
  indicators: EditorIndicator[];
}

export interface Band {
  level: string;
  min: number;
  max: number;
}

export interface LadderStep {
  level: string;
  when: { levels: string[]; atLeast?: number; atMost?: number }[];
}

export interface Overall {
  method: "bands" | "sectionLevels";
  banding?: { basis: "percent" | "points"; bands: Band[] };
  ladder?: LadderStep[];
  otherwise?: string;
}

export interface Rule {
  kind: (typeof RULE_KINDS)[number];
  effect?: "worstLevel" | "noRating";
  scope?: "section" | "overall";
  capAt?: string;
  atOrWorse?: string;
  minCount?: number;
  minSharePercent?: number;
  provenance: Provenance;
}

export interface Level {
  id: string;
  name: LocalizedText;
  validityMonths?: number;
  followUpMonths?: number;
  provenance?: Provenance;
}

export interface EditorSystem {
  id: string;
  version: string;
  name: LocalizedText;
  kind: string;
  status: "draft" | "published";
  description?: LocalizedText;
  scoringMethod: (typeof SCORING_METHODS)[number];
  sections: EditorSection[];
  rating: {
    levels: Level[];
    sectionBands?: Band[];
    overall: Overall;
    rules: Rule[];
    provenance?: Provenance;
  };
}

/** An issue of the validator as the API returns it (message in the reader's language). */
export interface SystemIssue {
  path: string;
  code: string;
  severity: "error" | "warning";
  message: string;
}

export type NamePath = (string | number)[];

/** The value at a path ("sections[1].weight"); undefined where the path leads nowhere. */
export function getIn(value: unknown, path: string | NamePath): unknown {
  let cur = value;
  for (const key of typeof path === "string" ? toNamePath(path) : path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/**
 * A copy with `value` at `path`, every object on the way copied (the rest shared, so a memoised section whose
 * data did not change does not render again). `undefined` removes an object's key: optional fields left empty
 * are absent, as the API wants them.
 */
export function setIn<T>(root: T, path: string | NamePath, value: unknown): T {
  const names = typeof path === "string" ? toNamePath(path) : path;
  const put = (cur: unknown, i: number): unknown => {
    const key = names[i] as string | number;
    const last = i === names.length - 1;
    if (Array.isArray(cur) || (cur === undefined && typeof key === "number")) {
      const copy = Array.isArray(cur) ? [...cur] : [];
      copy[key as number] = last ? value : put(copy[key as number], i + 1);
      return copy;
    }
    const copy: Record<string, unknown> = cur !== null && typeof cur === "object" ? { ...cur } : {};
    const next = last ? value : put(copy[key], i + 1);
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    return copy;
  };
  return names.length === 0 ? (value as T) : (put(root, 0) as T);
}

/** The list with item `from` moved to `to` (out-of-range moves change nothing). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** `${prefix}-${n}` with the smallest n not taken. */
export function uniqueId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

const authored = (): Provenance => ({ kind: "authored" });

/** The common fields of an indicator kept, the fields of its new type at their defaults. */
export function retype(ind: EditorIndicator, type: IndicatorType): EditorIndicator {
  const {
    partialPoints: _p,
    unit: _u,
    min: _min,
    max: _max,
    integer: _i,
    scoring: _s,
    options: _o,
    minFiles: _f,
    accept: _a,
    metric: _m,
    ...common
  } = ind;
  const full = Number.isFinite(ind.maxPoints) ? ind.maxPoints : 10;
  const scoring: Scoring = { direction: "higherIsBetter", steps: [{ threshold: 0, points: full }] };
  switch (type) {
    case "yesPartialNo":
      return { ...common, type };
    case "number":
      return { ...common, type, unit: "", scoring };
    case "singleChoice":
    case "multiChoice":
      return {
        ...common,
        type,
        options: [
          { id: "yes", label: { zh: "是", en: "Yes" }, points: full },
          { id: "no", label: { zh: "否", en: "No" }, points: 0 },
        ],
      };
    case "file":
      return { ...common, type, minFiles: 1 };
    case "computed":
      return { ...common, type, metric: "", unit: "", scoring };
  }
}

const allIndicators = (sys: EditorSystem) => (sys.sections ?? []).flatMap((s) => s.indicators ?? []);

export function newIndicator(sys: EditorSystem, type: IndicatorType): EditorIndicator {
  const base: EditorIndicator = {
    id: uniqueId(
      "indicator",
      allIndicators(sys).map((i) => i.id),
    ),
    type: "yesPartialNo",
    name: { zh: "新指标", en: "New indicator" },
    maxPoints: 10,
    provenance: authored(),
    ...(sys.scoringMethod === "weightedPercent" ? { weight: 0 } : {}),
  };
  return retype(base, type);
}

export function newSection(sys: EditorSystem): EditorSection {
  return {
    id: uniqueId(
      "section",
      (sys.sections ?? []).map((s) => s.id),
    ),
    name: { zh: "新要素", en: "New section" },
    ...(sys.scoringMethod === "weightedPercent" ? { weight: 0 } : {}),
    indicators: [newIndicator(sys, "yesPartialNo")],
  };
}

export function newRule(kind: Rule["kind"], levels: readonly Level[]): Rule {
  const worst = levels.at(-1)?.id ?? "";
  switch (kind) {
    case "zeroTolerance":
      return { kind, effect: "worstLevel", provenance: authored() };
    case "crucialFailureCap":
      return { kind, scope: "overall", capAt: worst, provenance: authored() };
    case "sectionLevelShareCap":
      return { kind, atOrWorse: worst, minCount: 1, capAt: worst, provenance: authored() };
  }
}

/** One band per level, best on top, splitting [0, top] evenly (a start the administrator then adjusts). */
export function evenBands(levels: readonly Level[], top: number): Band[] {
  const n = levels.length;
  return levels.map((l, i) => ({
    level: l.id,
    min: round((top * (n - 1 - i)) / n),
    max: round((top * (n - i)) / n),
  }));
}

const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : 0);
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export interface Totals {
  /** Sum of the section weights (weightedPercent: should be 100). */
  sectionWeights: number;
  /** Sum of every indicator's maxPoints (pointsSum: the top of a points banding). */
  points: number;
  sections: { indicatorWeights: number; points: number; indicators: number }[];
}

/** The sums an administrator balances: weights per level (system, section) and points. */
export function totals(sys: EditorSystem): Totals {
  const sections = (sys.sections ?? []).map((s) => {
    const inds = s.indicators ?? [];
    return {
      indicatorWeights: round(inds.reduce((a, i) => a + num(i.weight), 0)),
      points: round(inds.reduce((a, i) => a + num(i.maxPoints), 0)),
      indicators: inds.length,
    };
  });
  return {
    sectionWeights: round((sys.sections ?? []).reduce((a, s) => a + num(s.weight), 0)),
    points: round(sections.reduce((a, s) => a + s.points, 0)),
    sections,
  };
}

/** Issues by their exact path. */
export function issuesByPath(issues: readonly SystemIssue[]): Map<string, SystemIssue[]> {
  const map = new Map<string, SystemIssue[]>();
  for (const i of issues) map.set(i.path, [...(map.get(i.path) ?? []), i]);
  return map;
}

/** True when `path` is `prefix` or lies below it ("sections[1]" holds "sections[1].weight", not "sections[10]"). */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** Errors and warnings at or below a path (a section's badge). */
export function countUnder(
  issues: readonly SystemIssue[],
  prefix: string,
): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (!isUnder(i.path, prefix)) continue;
    if (i.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** The section index an issue path lies in ("sections[3].indicators[0].weight" → 3). */
export function sectionOf(path: string): number | null {
  const m = /^sections\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : null;
}

/** Which tab of the editor shows a path. */
export function tabOf(path: string): "basic" | "sections" | "rating" {
  if (path.startsWith("sections")) return "sections";
  if (path.startsWith("rating")) return "rating";
  return "basic";
}

/** Whether an indicator matches the search box: its id or either name, case-insensitive. */
export function indicatorMatches(ind: EditorIndicator, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [ind.id, ind.name?.zh, ind.name?.en].some(
    (s) => typeof s === "string" && s.toLowerCase().includes(q),
  );
}

const localName = (text: LocalizedText | undefined, locale: string) =>
  text ? (locale === "en-US" ? text.en : text.zh) : "";

/**
 * A path as a person reads it: "sections[0].indicators[1].maxPoints" → "要素 1 战略管理 › 指标 st-targets 年度经营目标… › 满分".
 */
export function pathLabel(path: string, sys: EditorSystem | undefined, t: Translate, locale: string): string {
  if (!path) return t("systemEditor.path.system");
  const names = toNamePath(path);
  const words: string[] = [];
  let cur: unknown = sys;
  for (let i = 0; i < names.length; i++) {
    const key = names[i] as string | number;
    const next = names[i + 1];
    const child =
      cur !== null && typeof cur === "object" ? (cur as Record<string | number, unknown>)[key] : undefined;
    if (typeof key === "string" && typeof next === "number") {
      // A list item: name it by its label ("要素 2 治理") and skip the index.
      const item = (child as unknown[] | undefined)?.[next] as
        | { id?: string; name?: LocalizedText }
        | undefined;
      const listKey = `systemEditor.path.${key}`;
      const title = isMessageKey(listKey) ? t(listKey) : key;
      const name = localName(item?.name, locale);
      words.push(
        [title, String(next + 1), item?.id && key !== "sections" ? item.id : "", name]
          .filter(Boolean)
          .join(" "),
      );
      cur = item;
      i++;
      continue;
    }
    // The banding's basis (percent or points) is not a provenance's basis.
    const field = key === "basis" && names[i - 1] === "banding" ? "bandingBasis" : key;
    const fieldKey = `systemEditor.field.${field}`;
    words.push(typeof key === "string" && isMessageKey(fieldKey) ? t(fieldKey) : String(key));
    cur = child;
  }
  return words.join(" › ");
}
