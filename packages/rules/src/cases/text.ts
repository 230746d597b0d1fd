// Checks for text the public submits (titles, descriptions, contact details, rating comments).
//
// Text is kept as typed: HTML and script are not stripped but stored as plain text and escaped by the UI, so a
// submission is never silently altered and nothing is lost. What is refused is what no person means to send:
// control characters, invisible direction overrides, broken Unicode, empty or letter-free text.
// Abuse signals only score: the server can hold a suspicious submission for review, never discard it.

export type TextIssueCode =
  | "not_text"
  | "required"
  | "too_short"
  | "too_long"
  | "control_character"
  | "invalid_unicode"
  | "newline_not_allowed"
  | "no_letters";

export interface TextRules {
  /** Code points after trimming; an optional field may be empty whatever its minimum. */
  minLength: number;
  maxLength: number;
  multiline: boolean;
  optional?: boolean;
  /** Refuse text without any letter ("。。。", "123", "???"); off for phone numbers. */
  requireLetter?: boolean;
}

export type TextResult = { ok: true; value: string } | { ok: false; code: TextIssueCode; message: string };

// C0 controls except tab and line feed (carriage returns are normalised away first), DEL, C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
// Bidirectional embeddings, overrides and isolates: they reorder what a reader sees ("Trojan Source") and have
// no use in Chinese or English text. Zero-width joiners stay: emoji sequences need them.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
const LETTER = /\p{L}/u;

/** Whether a string is well-formed UTF-16 (no lone surrogate, which PostgreSQL would refuse). */
function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** Length in code points, as PostgreSQL counts `varchar(n)` and `char_length`. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Check and clean one field: Unicode NFC, line endings to \n, trimmed (including the ideographic space U+3000).
 * The value returned is what to store.
 */
export function validateText(input: unknown, rules: TextRules): TextResult {
  const fail = (code: TextIssueCode, message: string): TextResult => ({ ok: false, code, message });
  if (input === undefined || input === null) {
    return rules.optional ? { ok: true, value: "" } : fail("required", "this field is required");
  }
  if (typeof input !== "string") return fail("not_text", "expected text");
  if (!wellFormed(input)) return fail("invalid_unicode", "the text contains broken characters");
  const value = input.normalize("NFC").replace(/\r\n?/g, "\n").trim();
  if (value === "") return rules.optional ? { ok: true, value } : fail("required", "this field is required");
  if (CONTROL.test(value) || BIDI.test(value))
    return fail("control_character", "the text contains control characters");
  if (!rules.multiline && value.includes("\n"))
    return fail("newline_not_allowed", "keep this field on one line");
  const n = codePointLength(value);
  if (n > rules.maxLength) return fail("too_long", `at most ${rules.maxLength} characters (this has ${n})`);
  if (n < rules.minLength) return fail("too_short", `at least ${rules.minLength} characters`);
  if (rules.requireLetter !== false && !LETTER.test(value)) {
    return fail("no_letters", "write the problem in words");
  }
  return { ok: true, value };
}

/** Default limits for the public form (code points); administrators' forms can pass their own. */
export const SUBMISSION_TEXT_RULES = {
  title: { minLength: 2, maxLength: 100, multiline: false },
  description: { minLength: 5, maxLength: 5000, multiline: true },
  contact: { minLength: 3, maxLength: 100, multiline: false, optional: true, requireLetter: false },
  enterpriseName: { minLength: 2, maxLength: 100, multiline: false, optional: true },
  /** Reasons, replies and rating comments. */
  comment: { minLength: 2, maxLength: 2000, multiline: true },
} as const satisfies Record<string, TextRules>;

export interface PublicSubmissionInput {
  category: unknown;
  title: unknown;
  description: unknown;
  contact?: unknown;
  enterpriseName?: unknown;
}

export interface PublicSubmission {
  category: string;
  title: string;
  description: string;
  /** Empty when not given. */
  contact: string;
  enterpriseName: string;
}

export interface SubmissionIssue {
  field: keyof PublicSubmissionInput;
  code: TextIssueCode | "category_unknown";
  message: string;
}

export type SubmissionResult =
  | { ok: true; value: PublicSubmission; abuse: AbuseAssessment }
  | { ok: false; issues: SubmissionIssue[] };

/** Every field of the public form at once (so the form can mark them all), plus an abuse assessment. */
export function validatePublicSubmission(
  input: PublicSubmissionInput,
  knownCategories: readonly string[],
): SubmissionResult {
  const issues: SubmissionIssue[] = [];
  const value: PublicSubmission = {
    category: "",
    title: "",
    description: "",
    contact: "",
    enterpriseName: "",
  };
  if (typeof input.category !== "string" || !knownCategories.includes(input.category)) {
    issues.push({ field: "category", code: "category_unknown", message: "choose one of the categories" });
  } else {
    value.category = input.category;
  }
  for (const field of ["title", "description", "contact", "enterpriseName"] as const) {
    const r = validateText(input[field], SUBMISSION_TEXT_RULES[field]);
    if (r.ok) value[field] = r.value;
    else issues.push({ field, code: r.code, message: r.message });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value, abuse: assessAbuse(`${value.title}\n${value.description}`) };
}

// ── Abuse signals ─────────────────────────────────────────────────────────────────────────────────────────

export type AbuseReason =
  | "repeated_characters"
  | "low_variety"
  | "links"
  | "many_links"
  | "markup"
  | "many_phone_numbers";

export interface AbuseAssessment {
  /** Sum of the reasons' weights; `score >= ABUSE_REVIEW_THRESHOLD` suggests holding the case for review. */
  score: number;
  reasons: AbuseReason[];
}

export const ABUSE_WEIGHTS: Readonly<Record<AbuseReason, number>> = {
  repeated_characters: 1,
  low_variety: 1,
  links: 0.5,
  many_links: 1,
  markup: 0.5,
  many_phone_numbers: 1,
};

export const ABUSE_REVIEW_THRESHOLD = 1;

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
// Mainland mobile numbers (11 digits from 1[3-9]); more than two in one submission looks like advertising.
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/gu;
const MARKUP = /<\s*\/?\s*(?:script|iframe|a|img|object|embed|style)\b|javascript:/iu;

/**
 * Signals of spam or junk, each a reason with a weight. Chinese text legitimately repeats characters (谢谢,
 * 哈哈), so a run needs 8 of the same; variety is judged only on longer texts.
 */
export function assessAbuse(text: string): AbuseAssessment {
  const reasons: AbuseReason[] = [];
  const chars = [...text.replace(/\s/gu, "")];
  let run = 1;
  for (let i = 1; i < chars.length && run < 8; i++) run = chars[i] === chars[i - 1] ? run + 1 : 1;
  if (chars.length > 0 && run >= 8) reasons.push("repeated_characters");
  if (chars.length >= 30 && new Set(chars).size / chars.length < 0.15) reasons.push("low_variety");
  const links = text.match(LINK)?.length ?? 0;
  if (links > 2) reasons.push("many_links");
  else if (links > 0) reasons.push("links");
  if (MARKUP.test(text)) reasons.push("markup");
  if ((text.match(MOBILE)?.length ?? 0) > 2) reasons.push("many_phone_numbers");
  const score = reasons.reduce((s, r) => s + ABUSE_WEIGHTS[r], 0);
  return { score, reasons };
}
