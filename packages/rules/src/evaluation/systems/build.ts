// Compact constructors for the shipped systems' data (not exported from the package).
import type {
  ChoiceOption,
  ComputedIndicator,
  FileIndicator,
  LocalizedText,
  MultiChoiceIndicator,
  NumberIndicator,
  Provenance,
  SingleChoiceIndicator,
  ThresholdScoring,
  YesPartialNoIndicator,
} from "../types.ts";

export const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const source = (cite: string, verified?: boolean): Provenance =>
  verified === undefined ? { kind: "source", cite } : { kind: "source", cite, verified };

export const authored = (basis?: string): Provenance =>
  basis === undefined ? { kind: "authored" } : { kind: "authored", basis };

export interface Common {
  maxPoints: number;
  provenance: Provenance;
  weight?: number;
  guidance?: LocalizedText;
  crucial?: boolean;
  zeroTolerance?: boolean;
  allowNotApplicable?: boolean;
  tags?: string[];
}

function common(id: string, name: LocalizedText, c: Common) {
  const o: Omit<YesPartialNoIndicator, "type"> = {
    id,
    name,
    maxPoints: c.maxPoints,
    provenance: c.provenance,
  };
  if (c.weight !== undefined) o.weight = c.weight;
  if (c.guidance !== undefined) o.guidance = c.guidance;
  if (c.crucial) o.crucial = true;
  if (c.zeroTolerance) o.zeroTolerance = true;
  if (c.allowNotApplicable) o.allowNotApplicable = true;
  if (c.tags) o.tags = c.tags;
  return o;
}

export function ypn(
  id: string,
  name: LocalizedText,
  c: Common & { partialPoints?: number },
): YesPartialNoIndicator {
  const o: YesPartialNoIndicator = { ...common(id, name, c), type: "yesPartialNo" };
  if (c.partialPoints !== undefined) o.partialPoints = c.partialPoints;
  return o;
}

/** Steps as [threshold, share of maxPoints] pairs. */
export function steps(
  direction: ThresholdScoring["direction"],
  maxPoints: number,
  pairs: readonly (readonly [number, number])[],
): ThresholdScoring {
  return {
    direction,
    steps: pairs.map(([threshold, share]) => ({
      threshold,
      points: Math.round(share * maxPoints * 100) / 100,
    })),
  };
}

export function num(
  id: string,
  name: LocalizedText,
  c: Common & {
    unit: string;
    min?: number;
    max?: number;
    integer?: boolean;
    direction: ThresholdScoring["direction"];
    steps: readonly (readonly [number, number])[];
  },
): NumberIndicator {
  const o: NumberIndicator = {
    ...common(id, name, c),
    type: "number",
    unit: c.unit,
    scoring: steps(c.direction, c.maxPoints, c.steps),
  };
  if (c.min !== undefined) o.min = c.min;
  if (c.max !== undefined) o.max = c.max;
  if (c.integer) o.integer = true;
  return o;
}

export function computed(
  id: string,
  name: LocalizedText,
  c: Common & {
    metric: string;
    unit: string;
    direction: ThresholdScoring["direction"];
    steps: readonly (readonly [number, number])[];
  },
): ComputedIndicator {
  return {
    ...common(id, name, c),
    type: "computed",
    metric: c.metric,
    unit: c.unit,
    scoring: steps(c.direction, c.maxPoints, c.steps),
  };
}

/** Options as [id, zh, en, points]. */
export function options(list: readonly (readonly [string, string, string, number])[]): ChoiceOption[] {
  return list.map(([id, zh, en, points]) => ({ id, label: t(zh, en), points }));
}

export function single(
  id: string,
  name: LocalizedText,
  c: Common & { options: ChoiceOption[] },
): SingleChoiceIndicator {
  return { ...common(id, name, c), type: "singleChoice", options: c.options };
}

export function multi(
  id: string,
  name: LocalizedText,
  c: Common & { options: ChoiceOption[] },
): MultiChoiceIndicator {
  return { ...common(id, name, c), type: "multiChoice", options: c.options };
}

export function file(
  id: string,
  name: LocalizedText,
  c: Common & { minFiles?: number; accept?: string[] },
): FileIndicator {
  const o: FileIndicator = { ...common(id, name, c), type: "file", minFiles: c.minFiles ?? 1 };
  if (c.accept) o.accept = c.accept;
  return o;
}

export const DOCUMENTS = [".pdf", ".docx", ".xlsx", ".jpg", ".png"];
