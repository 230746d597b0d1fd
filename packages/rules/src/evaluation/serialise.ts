// Import and export of evaluation systems as JSON or YAML files (administrators edit them outside the console).
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { canonicalise, checkShape, type ShapeIssueCode, SYSTEM_SHAPE } from "./shape.ts";
import type { EvaluationSystem } from "./types.ts";
import { type SystemIssueCode, validateEvaluationSystem } from "./validate.ts";

export type SystemFormat = "json" | "yaml";

export type ParseIssueCode = "format_unknown" | "syntax_invalid" | ShapeIssueCode | SystemIssueCode;

export interface ParseIssue {
  path: string;
  code: ParseIssueCode;
  severity: "error" | "warning";
  message: string;
}

export type ParseSystemResult =
  | { ok: true; system: EvaluationSystem; issues: ParseIssue[] }
  | { ok: false; issues: ParseIssue[] };

/** The system as a file: fields in a fixed order, 2-space indent, trailing newline. */
export function serialiseSystem(sys: EvaluationSystem, format: SystemFormat): string {
  const data = canonicalise(sys, SYSTEM_SHAPE);
  if (format === "yaml") return stringifyYaml(data, { lineWidth: 0 });
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Parse a file into a system: syntax, then shape (unknown fields and wrong types refused with their path), then
 * validateEvaluationSystem. ok only without errors; warnings come back with the system.
 */
export function parseSystem(text: string, format: SystemFormat): ParseSystemResult {
  let data: unknown;
  try {
    if (format === "json") data = JSON.parse(text);
    else if (format === "yaml") data = parseYaml(text, { prettyErrors: false, uniqueKeys: true });
    else {
      return {
        ok: false,
        issues: [
          {
            path: "",
            code: "format_unknown",
            severity: "error",
            message: `unknown format ${JSON.stringify(format)}`,
          },
        ],
      };
    }
  } catch (e) {
    const message = e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e);
    return {
      ok: false,
      issues: [
        { path: "", code: "syntax_invalid", severity: "error", message: `not valid ${format}: ${message}` },
      ],
    };
  }
  const shape = checkShape(data, SYSTEM_SHAPE);
  if (shape.length > 0)
    return { ok: false, issues: shape.map((i) => ({ ...i, severity: "error" as const })) };
  const system = data as EvaluationSystem;
  const issues: ParseIssue[] = validateEvaluationSystem(system);
  return issues.some((i) => i.severity === "error") ? { ok: false, issues } : { ok: true, system, issues };
}
