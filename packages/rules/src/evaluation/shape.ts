import { EVALUATION_KINDS, SCORING_METHODS } from "./types.ts";

// The JSON shape of an evaluation system, as data: parseSystem checks an imported file against it (unknown fields
// refused with their path) before validateEvaluationSystem checks the meaning; serialiseSystem writes fields in
// this order so exported files diff cleanly.

export type Shape =
  | { t: "string" }
  | { t: "number" }
  | { t: "boolean" }
  | { t: "enum"; values: readonly string[] }
  | { t: "array"; of: Shape }
  | { t: "object"; fields: Readonly<Record<string, Field>> }
  | { t: "union"; tag: string; variants: Readonly<Record<string, Shape & { t: "object" }>> };

interface Field {
  shape: Shape;
  optional?: boolean;
}

const str: Shape = { t: "string" };
const num: Shape = { t: "number" };
const bool: Shape = { t: "boolean" };
const arr = (of: Shape): Shape => ({ t: "array", of });
const req = (shape: Shape): Field => ({ shape });
const opt = (shape: Shape): Field => ({ shape, optional: true });
const obj = (fields: Record<string, Field>): Shape & { t: "object" } => ({ t: "object", fields });
const oneOf = (...values: string[]): Shape => ({ t: "enum", values });

const localized = obj({ zh: req(str), en: req(str) });

const provenance: Shape = {
  t: "union",
  tag: "kind",
  variants: {
    source: obj({ kind: req(str), cite: req(str), verified: opt(bool) }),
    authored: obj({ kind: req(str), basis: opt(str) }),
  },
};

const thresholds = obj({
  direction: req(oneOf("higherIsBetter", "lowerIsBetter")),
  steps: req(arr(obj({ threshold: req(num), points: req(num) }))),
});

const option = obj({ id: req(str), label: req(localized), points: req(num) });

const common: Record<string, Field> = {
  id: req(str),
  type: req(str),
  name: req(localized),
  guidance: opt(localized),
  weight: opt(num),
  maxPoints: req(num),
  crucial: opt(bool),
  zeroTolerance: opt(bool),
  allowNotApplicable: opt(bool),
  tags: opt(arr(str)),
  provenance: req(provenance),
};

const indicator: Shape = {
  t: "union",
  tag: "type",
  variants: {
    yesPartialNo: obj({ ...common, partialPoints: opt(num) }),
    number: obj({
      ...common,
      unit: req(str),
      min: opt(num),
      max: opt(num),
      integer: opt(bool),
      scoring: req(thresholds),
    }),
    singleChoice: obj({ ...common, options: req(arr(option)) }),
    multiChoice: obj({ ...common, options: req(arr(option)) }),
    file: obj({ ...common, minFiles: req(num), accept: opt(arr(str)) }),
    computed: obj({ ...common, metric: req(str), unit: req(str), scoring: req(thresholds) }),
  },
};

const section = obj({
  id: req(str),
  name: req(localized),
  description: opt(localized),
  weight: opt(num),
  provenance: opt(provenance),
  indicators: req(arr(indicator)),
});

const band = obj({ level: req(str), min: req(num), max: req(num) });

const rule: Shape = {
  t: "union",
  tag: "kind",
  variants: {
    zeroTolerance: obj({
      kind: req(str),
      effect: req(oneOf("worstLevel", "noRating")),
      provenance: req(provenance),
    }),
    crucialFailureCap: obj({
      kind: req(str),
      scope: req(oneOf("section", "overall")),
      capAt: req(str),
      provenance: req(provenance),
    }),
    sectionLevelShareCap: obj({
      kind: req(str),
      atOrWorse: req(str),
      minCount: opt(num),
      minSharePercent: opt(num),
      capAt: req(str),
      provenance: req(provenance),
    }),
  },
};

const overall: Shape = {
  t: "union",
  tag: "method",
  variants: {
    bands: obj({
      method: req(str),
      banding: req(obj({ basis: req(oneOf("percent", "points")), bands: req(arr(band)) })),
    }),
    sectionLevels: obj({
      method: req(str),
      ladder: req(
        arr(
          obj({
            level: req(str),
            when: req(arr(obj({ levels: req(arr(str)), atLeast: opt(num), atMost: opt(num) }))),
          }),
        ),
      ),
      otherwise: req(str),
    }),
  },
};

export const SYSTEM_SHAPE: Shape = obj({
  id: req(str),
  version: req(str),
  name: req(localized),
  kind: req({ t: "enum", values: EVALUATION_KINDS }),
  status: req(oneOf("draft", "published")),
  description: opt(localized),
  scoringMethod: req({ t: "enum", values: SCORING_METHODS }),
  sections: req(arr(section)),
  rating: req(
    obj({
      levels: req(
        arr(
          obj({
            id: req(str),
            name: req(localized),
            validityMonths: opt(num),
            followUpMonths: opt(num),
            provenance: opt(provenance),
          }),
        ),
      ),
      sectionBands: opt(arr(band)),
      overall: req(overall),
      rules: req(arr(rule)),
      provenance: opt(provenance),
    }),
  ),
});

export type ShapeIssueCode = "field_unknown" | "field_missing" | "field_type" | "variant_unknown";

export interface ShapeIssue {
  path: string;
  code: ShapeIssueCode;
  message: string;
}

function join(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** Every shape problem of a parsed value (no meaning checks: those are validateEvaluationSystem's). */
export function checkShape(value: unknown, shape: Shape, path = ""): ShapeIssue[] {
  const issues: ShapeIssue[] = [];
  walk(value, shape, path, issues);
  return issues;
}

function walk(v: unknown, s: Shape, path: string, issues: ShapeIssue[]): void {
  const wrong = (want: string): void => {
    issues.push({ path, code: "field_type", message: `expected ${want}, got ${kindOf(v)}` });
  };
  switch (s.t) {
    case "string":
      if (typeof v !== "string") wrong("a string");
      return;
    case "number":
      if (typeof v !== "number" || !Number.isFinite(v)) wrong("a number");
      return;
    case "boolean":
      if (typeof v !== "boolean") wrong("true or false");
      return;
    case "enum":
      if (typeof v !== "string" || !s.values.includes(v)) {
        issues.push({
          path,
          code: "field_type",
          message: `expected one of ${s.values.join(", ")}, got ${JSON.stringify(v)}`,
        });
      }
      return;
    case "array":
      if (!Array.isArray(v)) {
        wrong("a list");
        return;
      }
      v.forEach((x, i) => {
        walk(x, s.of, join(path, i), issues);
      });
      return;
    case "union": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) {
        wrong("an object");
        return;
      }
      const tag = (v as Record<string, unknown>)[s.tag];
      const variant = typeof tag === "string" && Object.hasOwn(s.variants, tag) ? s.variants[tag] : undefined;
      if (!variant) {
        issues.push({
          path: join(path, s.tag),
          code: "variant_unknown",
          message: `${s.tag} must be one of ${Object.keys(s.variants).join(", ")}, got ${JSON.stringify(tag)}`,
        });
        return;
      }
      walk(v, variant, path, issues);
      return;
    }
    case "object": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) {
        wrong("an object");
        return;
      }
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (!Object.hasOwn(s.fields, k))
          issues.push({ path: join(path, k), code: "field_unknown", message: `unknown field "${k}"` });
      }
      for (const [k, f] of Object.entries(s.fields)) {
        if (o[k] === undefined) {
          if (!f.optional)
            issues.push({ path: join(path, k), code: "field_missing", message: `"${k}" is required` });
        } else walk(o[k], f.shape, join(path, k), issues);
      }
      return;
    }
  }
}

/** A copy with object keys in shape order (unknown keys dropped); assumes the value passed checkShape. */
export function canonicalise(v: unknown, s: Shape): unknown {
  switch (s.t) {
    case "array":
      return (v as unknown[]).map((x) => canonicalise(x, s.of));
    case "union": {
      const tag = (v as Record<string, unknown>)[s.tag] as string;
      const variant = s.variants[tag];
      return variant ? canonicalise(v, variant) : v;
    }
    case "object": {
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(s.fields))
        if (o[k] !== undefined) out[k] = canonicalise(o[k], f.shape);
      return out;
    }
    default:
      return v;
  }
}
