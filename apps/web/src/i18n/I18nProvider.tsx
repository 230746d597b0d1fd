import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { enUS } from "./en-US";
import { getLocale, type Locale, persistLocale } from "./locale";
import { type MessageKey, zhCN } from "./zh-CN";

export type { Locale, MessageKey };
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, "en-US": enUS };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === "zh-CN" ? "zh-cn" : "en");
  document.documentElement.lang = locale;
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = getLocale();
    applyLocale(initial);
    return initial;
  });
  const setLocale = useCallback((next: Locale) => {
    persistLocale(next);
    applyLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18nValue>(() => {
    const messages = catalogues[locale];
    const t: Translate = (key, vars) => {
      const text = messages[key];
      if (!vars) return text;
      return text.replace(/\{(\w+)\}/g, (match, name: string) =>
        Object.hasOwn(vars, name) ? String(vars[name]) : match,
      );
    };
    return { locale, setLocale, t };
  }, [locale, setLocale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
