import { EMPTY } from "../../utils/format";

/** A rate in percent with two decimals, or — when there was nothing to divide by. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? EMPTY : `${rate.toFixed(2)} %`;
}

export function formatMoney(value: number, locale: string, currency: "USD" | "CNY"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(
    value,
  );
}

/** Rates shown to two decimals in charts (null stays a gap). */
export const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
