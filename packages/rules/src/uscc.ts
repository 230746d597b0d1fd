// Unified social credit code (统一社会信用代码), GB 32100-2015.

/** The 31 characters a USCC may contain (no I, O, S, V, Z), in check-value order. */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Weights for positions 1..17 (3^(i-1) mod 31; all distinct and coprime to 31). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const VALUE = new Map([...USCC_CHARSET].map((ch, i) => [ch, i] as const));

export type UsccError = "empty" | "length" | "charset" | "check";

export type UsccValidation =
  | { ok: true; value: string }
  | { ok: false; reason: UsccError; expected?: string };

export interface ParsedUscc {
  /** Position 1: registration authority (e.g. 9 = market regulation). */
  authority: string;
  /** Position 2: organisation type within the authority (e.g. 1 = enterprise). */
  orgType: string;
  /** Positions 3–8: administrative division code (GB/T 2260). */
  divisionCode: string;
  /** Positions 9–17: organisation code (GB 11714). */
  orgCode: string;
  /** Position 18. */
  checkChar: string;
}

/** Full-width to half-width, trim, uppercase: what users paste is rarely canonical. */
export function normaliseUscc(input: string): string {
  return input.normalize("NFKC").trim().toUpperCase();
}

/** The check character for the first 17 characters (which must already be canonical). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE.get(first17.charAt(i));
    if (v === undefined) throw new RangeError(`invalid USCC character ${JSON.stringify(first17.charAt(i))}`);
    sum += v * (WEIGHTS[i] as number);
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET.charAt(c === 31 ? 0 : c);
}

export function validateUscc(input: string): UsccValidation {
  const value = normaliseUscc(input);
  if (value === "") return { ok: false, reason: "empty" };
  const chars = [...value];
  if (chars.length !== 18) return { ok: false, reason: "length" };
  if (!chars.every((ch) => VALUE.has(ch))) return { ok: false, reason: "charset" };
  const expected = usccCheckChar(value.slice(0, 17));
  if (value.charAt(17) !== expected) return { ok: false, reason: "check", expected };
  return { ok: true, value };
}

/** Splits a code into its fields; throws if it does not validate. */
export function parseUscc(input: string): ParsedUscc {
  const r = validateUscc(input);
  if (!r.ok) throw new Error(`invalid USCC (${r.reason}): ${JSON.stringify(input)}`);
  const v = r.value;
  return {
    authority: v.slice(0, 1),
    orgType: v.slice(1, 2),
    divisionCode: v.slice(2, 8),
    orgCode: v.slice(8, 17),
    checkChar: v.slice(17),
  };
}

/**
 * A valid enterprise code "91" + division + 9 random organisation-code characters + check,
 * deterministic for a given `rand` (returning values in [0, 1)). For fixtures and demo data.
 */
export function generateUscc(rand: () => number, divisionCode = "330482"): string {
  if (!/^\d{6}$/.test(divisionCode)) throw new RangeError(`division code must be 6 digits: ${divisionCode}`);
  let org = "";
  for (let i = 0; i < 9; i++) {
    const r = rand();
    const idx = r >= 0 ? Math.min(30, Math.floor(r * 31)) : 0;
    org += USCC_CHARSET.charAt(idx);
  }
  const first17 = `91${divisionCode}${org}`;
  return first17 + usccCheckChar(first17);
}
