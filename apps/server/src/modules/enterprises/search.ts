import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { pinyin } from "pinyin-pro";

// Search works on a tsvector of plain tokens ('simple' configuration, no stemming):
// - jieba words of every name, so "华城" finds 浙江华城实业投资集团有限公司;
// - CJK unigrams and bigrams, so fragments jieba splits differently still match;
// - pinyin of every word and name, full and initials, so "hcjt" finds 华城集团 and "huacheng" finds 华城.
// Queries become prefix matches on the same tokens, so the GIN index answers them.

let jieba: Jieba | undefined;
const segmenter = () => {
  jieba ??= Jieba.withDict(dict);
  return jieba;
};

const CJK = /\p{Script=Han}/u;
const CJK_RUN = /\p{Script=Han}+/gu;
const LATIN_RUN = /[a-z0-9]+/g;

const initials = (text: string) =>
  pinyin(text, { pattern: "first", toneType: "none", type: "array" }).join("");
const spelled = (text: string) => pinyin(text, { toneType: "none", type: "array", v: true }).join("");

function cjkGrams(run: string, out: Set<string>): void {
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i] as string);
    if (i + 1 < chars.length) out.add(`${chars[i]}${chars[i + 1]}`);
  }
}

/** Tokens for one enterprise: feed `to_tsvector('simple', tokens.join(' '))`. */
export function searchTokens(names: string[], extra: string[] = []): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.normalize("NFKC").toLowerCase();
    for (const run of name.match(CJK_RUN) ?? []) {
      cjkGrams(run, out);
      const words = segmenter().cutForSearch(run, true);
      for (const w of words) {
        out.add(w);
        if (w.length > 1) {
          out.add(spelled(w));
          out.add(initials(w));
        }
      }
      out.add(spelled(run));
      out.add(initials(run));
      // Initials of every run of consecutive words, so 华城集团 inside a longer name is found as "hcjt" too.
      const cut = segmenter().cut(run, true);
      for (let i = 0; i < cut.length; i++) {
        let acc = "";
        for (let j = i; j < cut.length && j < i + 4; j++) {
          acc += initials(cut[j] as string);
          if (j > i) out.add(acc);
        }
      }
    }
    for (const latin of name.match(LATIN_RUN) ?? []) out.add(latin);
  }
  for (const e of extra) if (e) out.add(e.toLowerCase());
  return [...out].filter((t) => t.length > 0 && !t.includes("'"));
}

/**
 * A tsquery for what a person typed: every CJK fragment must appear (as bigrams), every Latin word must start a
 * token (pinyin, initials, brand or code). Returns null when nothing searchable remains.
 */
export function searchQuery(input: string): string | null {
  const text = input.normalize("NFKC").toLowerCase();
  const terms = new Set<string>();
  for (const run of text.match(CJK_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) terms.add(run);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(`${chars[i]}${chars[i + 1]}`);
  }
  for (const latin of text.replace(CJK_RUN, " ").match(LATIN_RUN) ?? []) terms.add(`${latin}:*`);
  if (terms.size === 0) return null;
  return [...terms].map((t) => (t.endsWith(":*") ? `'${t.slice(0, -2)}':*` : `'${t}'`)).join(" & ");
}

export const hasCjk = (s: string) => CJK.test(s);
