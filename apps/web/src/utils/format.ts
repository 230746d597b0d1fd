import dayjs from "dayjs";

/** Placeholder for an empty value in tables and descriptions. */
export const EMPTY = "—";

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format("YYYY-MM-DD") : EMPTY;
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format("YYYY-MM-DD HH:mm:ss") : EMPTY;
}

export function formatNumber(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined ? EMPTY : new Intl.NumberFormat(locale).format(value);
}

export function text(value: string | null | undefined): string {
  return value === null || value === undefined || value === "" ? EMPTY : value;
}

/** Whole days from today (local) to `date`; negative when in the past. */
export function daysUntil(date: string): number {
  return dayjs(date).startOf("day").diff(dayjs().startOf("day"), "day");
}
