// Calendar arithmetic for timesheets: ISO dates as UTC day numbers, so no time zone or DST can move a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a real calendar date `YYYY-MM-DD` (years 1900–9999), else undefined. */
export function parseIsoDate(value: string): number | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Round trip rejects 2024-02-30 and friends, which Date.UTC would silently roll over.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return ms / MS_PER_DAY;
}

/** Like `parseIsoDate`, but throws a RangeError for anything that is not a real date. */
export function epochDay(value: string): number {
  const d = parseIsoDate(value);
  if (d === undefined) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return d;
}

/** `YYYY-MM-DD` for a day number. */
export function formatEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * ISO 8601 week of a day as `YYYY-Www` (weeks run Monday–Sunday; week 1 holds the year's first Thursday,
 * so 2024-12-30 is 2025-W01 and 2027-01-01 is 2026-W53).
 */
export function isoWeekOf(day: number): string {
  const thursday = day - isoWeekday(day) + 4;
  const weekYear = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = Date.UTC(weekYear, 0, 1) / MS_PER_DAY;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}

/** `YYYY-MM` of an ISO date string (which must already be valid). */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Number of Mondays–Fridays in a `YYYY-MM` month (statutory holidays and swapped workdays not considered). */
export function weekdaysInMonth(month: string): number {
  const first = epochDay(`${month}-01`);
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  let count = 0;
  for (let d = first; d < first + days; d++) if (isoWeekday(d) <= 5) count++;
  return count;
}

/** ISO week (`2024-W05`) of an ISO date string; throws a RangeError for a bad date. */
export function isoWeek(date: string): string {
  return isoWeekOf(epochDay(date));
}
