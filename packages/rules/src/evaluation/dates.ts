// Calendar months for stage durations and validity periods, on the labour module's UTC day numbers.
import { formatEpochDay, parseIsoDate } from "../labour/dates.ts";

/**
 * `date` plus whole months, clamped to the month's end: 2024-01-31 + 1 → 2024-02-29, so "two months from
 * 12-31" is the end of February. Undefined for an invalid date.
 */
export function addMonths(date: string, months: number): string | undefined {
  if (parseIsoDate(date) === undefined || !Number.isInteger(months)) return undefined;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Whole days from `a` to `b` (negative when b is earlier); undefined if either date is invalid. */
export function daysBetween(a: string, b: string): number | undefined {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  return x === undefined || y === undefined ? undefined : y - x;
}

/** The day before `date`. */
export function previousDay(date: string): string | undefined {
  const d = parseIsoDate(date);
  return d === undefined ? undefined : formatEpochDay(d - 1);
}

/** The day after `date`. */
export function nextDay(date: string): string | undefined {
  const d = parseIsoDate(date);
  return d === undefined ? undefined : formatEpochDay(d + 1);
}
