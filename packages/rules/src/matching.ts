// Classifying an imported row against the enterprise registry, after Open Supply Hub's list-item
// statuses: a definite match, potential matches for a human to confirm, or a new enterprise.

import { nameBigrams, normalisedNameSimilarity, normaliseEnterpriseName } from "./names.ts";
import { normaliseUscc } from "./uscc.ts";

export interface RegistryCandidate {
  id: string;
  uscc: string | null;
  name: string;
  /** `normaliseEnterpriseName(name)`, precomputed. */
  normalisedName: string;
}

export type MatchResult =
  | { status: "match"; enterpriseId: string; reason: "uscc" }
  | { status: "potential_match"; candidates: { enterpriseId: string; score: number }[] }
  | { status: "new" };

export interface ImportRow {
  uscc: string | null;
  name: string;
}

export interface RegistryLookup {
  byUscc(uscc: string): RegistryCandidate | undefined;
  /** A superset of the candidates whose name similarity can reach `threshold`. */
  candidatesForName(normalisedName: string, threshold?: number): RegistryCandidate[];
}

export const DEFAULT_MATCH_THRESHOLD = 0.8;
export const MAX_POTENTIAL_MATCHES = 5;

/**
 * Same USCC → match (whatever the names say: the code identifies the legal entity); otherwise
 * names at or above `threshold` → potential_match (best first, at most 5); otherwise new.
 * A candidate registered under another USCC than the row's is never proposed: two different codes are two
 * legal entities, and confirming such a match would rewrite the registry's key.
 */
export function classifyRow(
  row: ImportRow,
  lookup: RegistryLookup,
  threshold = DEFAULT_MATCH_THRESHOLD,
): MatchResult {
  const uscc = row.uscc === null ? "" : normaliseUscc(row.uscc);
  if (uscc !== "") {
    const hit = lookup.byUscc(uscc);
    if (hit) return { status: "match", enterpriseId: hit.id, reason: "uscc" };
  }

  const normalised = normaliseEnterpriseName(row.name);
  const scored: { enterpriseId: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const c of lookup.candidatesForName(normalised, threshold)) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    if (uscc !== "" && c.uscc && normaliseUscc(c.uscc) !== uscc) continue;
    const score = normalisedNameSimilarity(normalised, c.normalisedName);
    if (score >= threshold) scored.push({ enterpriseId: c.id, score });
  }
  if (scored.length === 0) return { status: "new" };
  // Ties broken by id so the result does not depend on lookup order.
  scored.sort((a, b) => b.score - a.score || (a.enterpriseId < b.enterpriseId ? -1 : 1));
  return { status: "potential_match", candidates: scored.slice(0, MAX_POTENTIAL_MATCHES) };
}

export interface NameIndexOptions {
  /** Threshold used when `candidatesForName` is called without one. */
  threshold?: number;
  /**
   * Posting lists up to this length are always scanned. Longer ones (the commonest bigrams, such as
   * 实业 or 服装) are skipped, commonest first, as far as the Dice bound allows.
   */
  scanListsUpTo?: number;
}

// Float slack so the length/overlap bounds never exclude a candidate that scores exactly the threshold.
const EPS = 1e-9;

/**
 * In-memory registry lookup: USCC map, exact normalised-name map, and an inverted index
 * bigram → entries for candidate generation under the Dice bound.
 */
export class NameIndex implements RegistryLookup {
  readonly #threshold: number;
  readonly #scanListsUpTo: number;
  readonly #entries: RegistryCandidate[] = [];
  readonly #ids = new Set<string>();
  readonly #byUscc = new Map<string, RegistryCandidate>();
  readonly #byName = new Map<string, number[]>();
  readonly #postings = new Map<string, number[]>();
  // Distinct-bigram count per entry, and per-query overlap counts (all zero between queries).
  #sizes = new Uint32Array(1024);
  #counts = new Uint32Array(1024);

  constructor(options: NameIndexOptions = {}) {
    this.#threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
    this.#scanListsUpTo = options.scanListsUpTo ?? 50;
  }

  get size(): number {
    return this.#entries.length;
  }

  add(candidate: RegistryCandidate): void {
    if (this.#ids.has(candidate.id)) throw new Error(`duplicate registry id ${candidate.id}`);
    this.#ids.add(candidate.id);
    const idx = this.#entries.length;
    const grams = nameBigrams(candidate.normalisedName);
    this.#entries.push(candidate);
    if (candidate.uscc !== null) {
      const key = normaliseUscc(candidate.uscc);
      if (key !== "" && !this.#byUscc.has(key)) this.#byUscc.set(key, candidate);
    }
    pushTo(this.#byName, candidate.normalisedName, idx);
    for (const g of grams) pushTo(this.#postings, g, idx);
    if (idx >= this.#sizes.length) {
      const sizes = new Uint32Array(this.#sizes.length * 2);
      sizes.set(this.#sizes);
      this.#sizes = sizes;
      this.#counts = new Uint32Array(sizes.length);
    }
    this.#sizes[idx] = grams.length;
  }

  byUscc(uscc: string): RegistryCandidate | undefined {
    return this.#byUscc.get(normaliseUscc(uscc));
  }

  /** Entries whose similarity to `normalisedName` reaches `threshold`, plus exact name matches. */
  candidatesForName(normalisedName: string, threshold = this.#threshold): RegistryCandidate[] {
    const exact = this.#byName.get(normalisedName) ?? [];
    const grams = nameBigrams(normalisedName);
    const n = grams.length;
    if (threshold <= 0) return [...this.#entries];
    if (n === 0 || threshold > 1) return exact.map((i) => this.#entries[i] as RegistryCandidate);

    // Dice ≥ t needs |B| within [n·t/(2−t), n·(2−t)/t] and overlap ≥ ⌈t(n+|B|)/2⌉.
    const minLen = Math.max(1, Math.ceil((n * threshold) / (2 - threshold) - EPS));
    const maxLen = Math.floor((n * (2 - threshold)) / threshold + EPS);
    const need = (m: number) => Math.ceil((threshold * (n + m)) / 2 - EPS);

    // Prefix filtering: skipping fewer lists than the smallest possible overlap means every
    // qualifying entry still appears in a scanned list, so the result stays exact.
    const lists = grams
      .map((g) => this.#postings.get(g))
      .filter((p): p is number[] => p !== undefined)
      .sort((a, b) => b.length - a.length);
    const maxSkip = need(minLen) - 1;
    const skippedLists: number[][] = [];
    const counts = this.#counts;
    const sizes = this.#sizes;
    const touched: number[] = [];
    for (const list of lists) {
      if (skippedLists.length < maxSkip && list.length > this.#scanListsUpTo) {
        skippedLists.push(list);
        continue;
      }
      for (const idx of list) {
        const m = sizes[idx] as number;
        if (m < minLen || m > maxLen) continue;
        if (counts[idx] === 0) touched.push(idx);
        counts[idx] = (counts[idx] as number) + 1;
      }
    }

    const out = exact.map((i) => this.#entries[i] as RegistryCandidate);
    for (const idx of touched) {
      let shared = counts[idx] as number;
      counts[idx] = 0;
      const needed = need(sizes[idx] as number);
      // Top up the overlap from the skipped lists (sorted by entry, so binary search), stopping early.
      for (let k = 0; k < skippedLists.length && shared < needed; k++) {
        if (shared + skippedLists.length - k < needed) break;
        if (sortedHas(skippedLists[k] as number[], idx)) shared++;
      }
      if (shared < needed) continue;
      const entry = this.#entries[idx] as RegistryCandidate;
      if (entry.normalisedName !== normalisedName) out.push(entry);
    }
    return out;
  }
}

function sortedHas(list: number[], value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
