import { classifyRow, NameIndex, type RegistryCandidate } from "@jingwei/rules";
import type { Sql } from "../../platform/db.ts";
import * as enterpriseRepo from "../enterprises/repo.ts";
import type { Enterprise } from "../enterprises/schemas.ts";
import type { ImportField } from "./columns.ts";
import type { RowValues } from "./validate.ts";

// Each row against the registry: the same USCC is a match (unchanged when the row says nothing new), a similar
// name a potential match for a person to confirm, anything else a new enterprise.

export interface Candidate {
  enterpriseId: string;
  name: string;
  uscc: string;
  score: number;
}

export type Classification =
  | { status: "match"; enterpriseId: string }
  | { status: "potential_match"; candidates: Candidate[] }
  | { status: "new" };

/** The whole registry in memory for matching: a USCC map and a name index, built once per import. */
export interface Registry {
  index: NameIndex;
  byId: Map<string, RegistryCandidate>;
}

export function buildRegistry(rows: { id: string; uscc: string; name: string; normalisedName: string }[]) {
  const index = new NameIndex();
  const byId = new Map<string, RegistryCandidate>();
  for (const r of rows) {
    index.add(r);
    byId.set(r.id, r);
  }
  return { index, byId };
}

// The index of each database, reused while the registry has not changed (a row edit re-matches against it).
const cache = new WeakMap<object, { version: string; registry: Promise<Registry> }>();

export async function loadRegistry(sql: Sql, cacheKey: object = sql): Promise<Registry> {
  const version = await enterpriseRepo.registryVersion(sql);
  const hit = cache.get(cacheKey);
  if (hit && hit.version === version) return hit.registry;
  const registry = enterpriseRepo.registryNames(sql).then(buildRegistry);
  cache.set(cacheKey, { version, registry });
  registry.catch(() => cache.delete(cacheKey));
  return registry;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function classify(values: RowValues, registry: Registry): Classification {
  if (!values.name) return { status: "new" };
  const result = classifyRow({ uscc: values.uscc ?? null, name: values.name }, registry.index);
  if (result.status === "match") return { status: "match", enterpriseId: result.enterpriseId };
  if (result.status === "new") return { status: "new" };
  return {
    status: "potential_match",
    candidates: result.candidates.map(({ enterpriseId, score }) => {
      const e = registry.byId.get(enterpriseId) as RegistryCandidate;
      return { enterpriseId, name: e.name, uscc: e.uscc ?? "", score: round(score) };
    }),
  };
}

/** The registry fields an import compares and writes. */
export type MatchFields = Pick<Enterprise, ImportField>;

const sameSet = (a: string[], b: string[]) => {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
};

/** The fields whose supplied value differs from the record; an empty list means the row is unchanged. */
export function changedFieldsOf(values: RowValues, record: MatchFields): ImportField[] {
  const changed: ImportField[] = [];
  for (const [field, value] of Object.entries(values) as [ImportField, unknown][]) {
    if (value === undefined) continue;
    const current = record[field];
    const same =
      Array.isArray(value) && Array.isArray(current)
        ? sameSet(value as string[], current as string[])
        : value === current;
    if (!same) changed.push(field);
  }
  return changed;
}

/** The record with the row's values applied: what an update writes. A list in another order is no change. */
export function applyValues<T extends MatchFields>(record: T, values: RowValues): T {
  const out = { ...record };
  for (const field of changedFieldsOf(values, record)) out[field] = values[field] as never;
  return out;
}
