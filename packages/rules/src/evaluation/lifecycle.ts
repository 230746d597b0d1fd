// Versions of a system: a published version is frozen (every assessment records the version it used); changes go
// into a new draft version.
import { type EvaluationSystem, isPublished } from "./types.ts";
import { type SystemIssue, validateEvaluationSystem } from "./validate.ts";

export type LifecycleRefusalCode =
  | "system_published"
  | "system_invalid"
  | "version_unchanged"
  | "version_missing";

export interface LifecycleRefusal {
  ok: false;
  code: LifecycleRefusalCode;
  message: string;
  /** The validation errors, for system_invalid. */
  issues?: SystemIssue[];
}

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** Refuses edits of a published version (the server calls it before saving a changed system). */
export function checkEditable(sys: EvaluationSystem): { ok: true } | LifecycleRefusal {
  return isPublished(sys)
    ? {
        ok: false,
        code: "system_published",
        message: `version ${sys.version} of ${sys.id} is published and frozen: edit a new draft version`,
      }
    : { ok: true };
}

/** A published, deeply frozen copy; refused while the system has validation errors or is already published. */
export function publishSystem(
  sys: EvaluationSystem,
): { ok: true; system: EvaluationSystem } | LifecycleRefusal {
  if (isPublished(sys))
    return { ok: false, code: "system_published", message: `version ${sys.version} is already published` };
  const errors = validateEvaluationSystem(sys).filter((i) => i.severity === "error");
  if (errors.length > 0) {
    return {
      ok: false,
      code: "system_invalid",
      message: `${errors.length} validation errors`,
      issues: errors,
    };
  }
  return { ok: true, system: deepFreeze({ ...structuredClone(sys), status: "published" }) };
}

/** A new editable draft from any version (published or not), under a new version label. */
export function draftFrom(
  sys: EvaluationSystem,
  version: string,
): { ok: true; system: EvaluationSystem } | LifecycleRefusal {
  if (typeof version !== "string" || version.trim() === "") {
    return { ok: false, code: "version_missing", message: "the new draft needs a version label" };
  }
  if (version === sys.version) {
    return {
      ok: false,
      code: "version_unchanged",
      message: `version ${version} already exists: choose a new label`,
    };
  }
  return { ok: true, system: { ...structuredClone(sys), version, status: "draft" } };
}
