// Tracking numbers for cases: what an anonymous submitter keeps to follow a case, so they must not be guessable
// and typos must be caught before any database lookup.
//
//   PH 250210 7K3M9QX2WD Z
//   │  │      │          └ check symbol
//   │  │      └ 10 Crockford base32 symbols: 50 random bits from the caller (crypto.randomBytes on the server)
//   │  └ submission date YYMMDD in Shanghai time (not secret; helps people and partitions)
//   └ Pinghu
//
// Not enumerable: 2^50 ≈ 1.1 × 10^15 numbers per day, so even with a million cases on one day a guess hits one
// with probability below 10^-9 (and lookups are rate-limited). Crockford's alphabet has no I, L, O or U, and
// input is read leniently (lower case, spaces, hyphens, full-width characters, O for 0, I and L for 1).
//
// Check symbol: over GF(32) (polynomial x^5 + x^2 + 1, α = x), the symbols s₀…s₁₈ of the whole number, check
// included, satisfy Σ α^(18−i)·sᵢ = 0. A substitution changes the sum by δ·α^k ≠ 0; swapping neighbours a ≠ b
// changes it by (a ⊕ b)·α^k·(α ⊕ 1) ≠ 0 — so every single substitution and every adjacent transposition is
// caught, the check symbol included, and the check is always one of the 32 ordinary symbols (Crockford's own
// mod-37 check would need *, ~, $, = or U, awkward to type and in URLs).
import { formatEpochDay, parseIsoDate } from "../labour/dates.ts";
import { shanghaiDate } from "./calendar.ts";

export const TRACKING_PREFIX = "PH";
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Random symbols in a tracking number; each carries 5 bits. */
export const TRACKING_RANDOM_SYMBOLS = 10;
/** Bytes `generateTrackingNumber` needs: 50 bits, rounded up. */
export const TRACKING_RANDOM_BYTES = Math.ceil((TRACKING_RANDOM_SYMBOLS * 5) / 8);
/** Length of the canonical form: prefix, YYMMDD, random symbols, check. */
export const TRACKING_NUMBER_LENGTH = TRACKING_PREFIX.length + 6 + TRACKING_RANDOM_SYMBOLS + 1;

const VALUE = new Map([...CROCKFORD_ALPHABET].map((c, i) => [c, i]));
const CANONICAL = new RegExp(
  `^${TRACKING_PREFIX}\\d{6}[${CROCKFORD_ALPHABET}]{${TRACKING_RANDOM_SYMBOLS + 1}}$`,
);

/** Multiplication by α in GF(32) = GF(2)[x] / (x^5 + x^2 + 1). */
function timesAlpha(a: number): number {
  const b = a << 1;
  return b & 0b100000 ? b ^ 0b100101 : b;
}

/** Horner's rule over GF(32): Σ α^(n−1−i)·sᵢ for the symbols of `s` (all in the alphabet). */
function gfSum(s: string): number {
  let r = 0;
  for (const c of s) r = timesAlpha(r) ^ (VALUE.get(c) as number);
  return r;
}

/** The check symbol for the first 18 symbols of a tracking number. */
export function trackingCheckSymbol(body: string): string {
  for (const c of body) {
    if (!VALUE.has(c)) throw new RangeError(`not a Crockford base32 symbol: ${JSON.stringify(c)}`);
  }
  // With the check s₁₈ at weight α^0: s₁₈ = Σ α^(18−i)·sᵢ over the body (− is ⊕ in characteristic 2).
  return CROCKFORD_ALPHABET[timesAlpha(gfSum(body))] as string;
}

function yymmdd(date: Date | string): string {
  const iso = date instanceof Date ? shanghaiDate(date) : date;
  if (parseIsoDate(iso) === undefined) throw new RangeError(`not a date: ${JSON.stringify(date)}`);
  const year = Number(iso.slice(0, 4));
  if (year < 2000 || year > 2099) throw new RangeError(`tracking numbers cover 2000–2099, not ${year}`);
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

/**
 * A new tracking number for a case submitted at `date` (an instant, read in Shanghai, or `YYYY-MM-DD`), from at
 * least `TRACKING_RANDOM_BYTES` random bytes (the first 50 bits are used). The caller supplies the randomness
 * (crypto.randomBytes / getRandomValues) so this stays pure; on the rare collision it draws again.
 */
export function generateTrackingNumber(date: Date | string, randomBytes: Uint8Array): string {
  if (randomBytes.length < TRACKING_RANDOM_BYTES) {
    throw new RangeError(`need ${TRACKING_RANDOM_BYTES} random bytes, got ${randomBytes.length}`);
  }
  let bits = 0n;
  for (let i = 0; i < TRACKING_RANDOM_BYTES; i++) bits = (bits << 8n) | BigInt(randomBytes[i] as number);
  bits >>= BigInt(TRACKING_RANDOM_BYTES * 8 - TRACKING_RANDOM_SYMBOLS * 5);
  let random = "";
  for (let i = TRACKING_RANDOM_SYMBOLS - 1; i >= 0; i--) {
    random += CROCKFORD_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  }
  const body = TRACKING_PREFIX + yymmdd(date) + random;
  return body + trackingCheckSymbol(body);
}

/** Longest input worth reading: the canonical 19 symbols with generous spacing. */
const MAX_INPUT = 64;

/**
 * The canonical form of what someone typed, or undefined when it cannot be a tracking number (wrong shape, not
 * a real date, or a failed check): full-width to ASCII, upper case, spaces/hyphens/underscores/dots dropped,
 * O → 0, I and L → 1.
 */
export function normaliseTrackingNumber(input: unknown): string | undefined {
  if (typeof input !== "string" || input.length > MAX_INPUT) return undefined;
  const s = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (!CANONICAL.test(s)) return undefined;
  if (trackingNumberDate(s) === undefined) return undefined;
  return gfSum(s) === 0 ? s : undefined;
}

/** Whether the input, once normalised, is a tracking number that could exist (check the store next). */
export function isWellFormedTrackingNumber(input: unknown): boolean {
  return normaliseTrackingNumber(input) !== undefined;
}

/** The submission date `YYYY-MM-DD` a canonical tracking number carries, if it is a real date. */
export function trackingNumberDate(trackingNumber: string): string | undefined {
  const m = /^PH(\d{2})(\d{2})(\d{2})/.exec(trackingNumber);
  if (!m) return undefined;
  const iso = `20${m[1]}-${m[2]}-${m[3]}`;
  const day = parseIsoDate(iso);
  return day === undefined ? undefined : formatEpochDay(day);
}

/** For display and print: `PH250210-7K3M9-QX2WDZ`. Input must be canonical. */
export function formatTrackingNumber(trackingNumber: string): string {
  const t = trackingNumber;
  return `${t.slice(0, 8)}-${t.slice(8, 13)}-${t.slice(13)}`;
}
