/**
 * Reproducible, auditable draw of lots for "general" supervision. An auditor recomputes a draw by hand:
 *
 * 1. s = `${seed}:${lotId}`, encoded as UTF-8 bytes.
 * 2. h = FNV-1a 32-bit over the bytes: h = 0x811c9dc5; for each byte b: h = (h XOR b) × 0x01000193 mod 2^32.
 * 3. Avalanche (MurmurHash3 fmix32): h ^= h >>> 16; h = h × 0x85ebca6b mod 2^32; h ^= h >>> 13;
 *    h = h × 0xc2b2ae35 mod 2^32; h ^= h >>> 16.
 * 4. value = h ÷ 2^32, in [0, 1); the lot is selected when value < share.
 *
 * The seed is published (or fixed per period by the regulator) so a draw cannot be rerun until a lot escapes;
 * the same seed, lot id and share always give the same answer. Uses only TextEncoder (web standard, no Node API).
 */

const encoder = new TextEncoder();

/** FNV-1a, 32-bit, over the UTF-8 bytes of `s`. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads FNV's weak low bits over the whole word. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export interface InspectionDrawInput {
  seed: string;
  lotId: string;
  /** Share of lots to select, 0–1 (e.g. supervisionMode(...).samplingShare). */
  share: number;
}

export interface InspectionDraw {
  selected: boolean;
  /** Uniform in [0, 1); selected ⇔ value < share. */
  value: number;
  /** The 32-bit hash as 8 hex digits, for the audit record. */
  hash: string;
}

/** Throws RangeError when share is not a number in 0–1 (a programming error: validate rule sets first). */
export function drawForInspection({ seed, lotId, share }: InspectionDrawInput): InspectionDraw {
  if (typeof share !== "number" || !(share >= 0 && share <= 1)) {
    throw new RangeError(`share must be a number from 0 to 1, got ${String(share)}`);
  }
  const h = fmix32(fnv1a32(`${seed}:${lotId}`));
  const value = h / 4294967296;
  return { selected: value < share, value, hash: h.toString(16).padStart(8, "0") };
}
