/** Locales the platform speaks; zh-CN first. */
export type Locale = "zh-CN" | "en-US";

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return "zh-CN";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en-US" : "zh-CN";
}

export interface Bilingual {
  zh: string;
  en: string;
}

/** Fills {name} placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}

/** A value to fill a placeholder with: as it is, or a word of its own in each language (a status, a kind). */
export type MessageParam = string | number | Bilingual;
export type MessageParams = Record<string, MessageParam>;

const isBilingual = (v: MessageParam): v is Bilingual => typeof v === "object" && v !== null;

export function say(text: Bilingual, locale: Locale, params: MessageParams = {}): string {
  const local: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params))
    local[k] = isBilingual(v) ? (locale === "en-US" ? v.en : v.zh) : v;
  return format(locale === "en-US" ? text.en : text.zh, local);
}
