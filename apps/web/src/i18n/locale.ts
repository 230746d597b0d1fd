// The current UI language, persisted in localStorage; read by the API client for Accept-Language.
export type Locale = "zh-CN" | "en-US";

const STORAGE_KEY = "jingwei.locale";

function readStoredLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en-US" ? "en-US" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

let current: Locale = readStoredLocale();

export function getLocale(): Locale {
  return current;
}

export function persistLocale(locale: Locale): void {
  current = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage unavailable (private mode): the choice lasts for this page only
  }
}
