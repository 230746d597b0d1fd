// Enterprise name normalisation and similarity, for matching imported rows against the registry.

/**
 * Leading administrative place names stripped before matching: the same enterprise is registered as
 * 浙江…, 平湖市…, 嘉兴… depending on who typed it. Longest match wins, stripped repeatedly.
 */
export const ADMIN_PREFIXES: readonly string[] = [
  "中国",
  "浙江省",
  "浙江",
  "上海市",
  "上海",
  "杭州市",
  "杭州",
  "宁波市",
  "宁波",
  "鄞州区",
  "鄞州",
  "慈溪市",
  "慈溪",
  "嘉兴市",
  "嘉兴",
  "南湖区",
  "秀洲区",
  "平湖市",
  "平湖",
  "海宁市",
  "海宁",
  "桐乡市",
  "桐乡",
  "嘉善县",
  "嘉善",
  "海盐县",
  "海盐",
];

/** Trailing legal-form suffixes stripped before matching. Longest match wins, stripped repeatedly. */
export const ORG_SUFFIXES: readonly string[] = [
  "集团有限公司",
  "股份有限公司",
  "有限责任公司",
  "有限公司",
  "分公司",
  "集团",
  "股份",
  "公司",
  "厂",
];

/** Never strip a name below this many characters: "中国有限公司" should not become "". */
const MIN_LENGTH = 2;

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const PREFIXES = [...ADMIN_PREFIXES].sort(byLengthDesc);
const SUFFIXES = [...ORG_SUFFIXES].sort(byLengthDesc);
const ADMIN_SET = new Set(ADMIN_PREFIXES);

// A bracketed region mark such as （平湖） or (嘉兴市), anywhere in the name (after NFKC, so （ is already ( ).
const BRACKETED = /[([【〔]\s*([^()[\]【】〔〕]*?)\s*[)\]】〕]/gu;
const REGION_LIKE = /^\p{Script=Han}{1,6}[省市区县镇]$/u;
const NOISE = /[\s\p{P}\p{S}]/gu;

const length = (s: string) => [...s].length;

function stripRegionMarks(s: string): string {
  return s.replace(BRACKETED, (whole, inner: string) =>
    ADMIN_SET.has(inner) || REGION_LIKE.test(inner) ? "" : whole,
  );
}

// NFKC again: removing punctuation can bring a base letter and a combining mark together.
function clean(s: string): string {
  return s.replace(NOISE, "").toLowerCase().normalize("NFKC");
}

/**
 * Canonical form for matching: NFKC, region marks / whitespace / punctuation removed, Latin lowercased,
 * leading place names and trailing legal forms stripped. Idempotent.
 */
export function normaliseEnterpriseName(name: string): string {
  const nfkc = name.normalize("NFKC");
  const withoutRegion = clean(stripRegionMarks(nfkc));
  let s = length(withoutRegion) >= MIN_LENGTH ? withoutRegion : clean(nfkc);

  // Stop at the first strip that would leave too little, rather than trying a shorter affix:
  // "有限公司" stays "有限公司" instead of becoming "有限".
  for (;;) {
    const p = PREFIXES.find((x) => s.startsWith(x));
    if (p === undefined || length(s) - length(p) < MIN_LENGTH) break;
    s = s.slice(p.length);
  }
  for (;;) {
    const x = SUFFIXES.find((suffix) => s.endsWith(suffix));
    if (x === undefined || length(s) - length(x) < MIN_LENGTH) break;
    s = s.slice(0, s.length - x.length);
  }
  return s;
}

/**
 * Distinct character bigrams of an already-normalised name (unigram for a one-character name,
 * nothing for ""). Sets, not multisets, so the inverted index's overlap bound is exact.
 */
export function nameBigrams(normalised: string): string[] {
  const chars = [...normalised];
  if (chars.length <= 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add((chars[i] as string) + (chars[i + 1] as string));
  return [...grams];
}

/** Sørensen–Dice on the bigram sets of two already-normalised names, in [0, 1]. */
export function normalisedNameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ga = nameBigrams(a);
  const gb = nameBigrams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const setB = new Set(gb);
  let shared = 0;
  for (const g of ga) if (setB.has(g)) shared++;
  return (2 * shared) / (ga.length + gb.length);
}

/** Similarity of two raw enterprise names: Dice on bigrams of their normalised forms. */
export function nameSimilarity(a: string, b: string): number {
  return normalisedNameSimilarity(normaliseEnterpriseName(a), normaliseEnterpriseName(b));
}
