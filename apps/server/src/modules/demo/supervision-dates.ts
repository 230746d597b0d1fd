// Calendar arithmetic for the generators on day numbers (days since 1970-01-01): cheap to compare and add while
// tens of thousands of lots are generated. Dates are China dates; timestamps carry +08:00.

const DAY_MS = 86_400_000;

export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

// Memoised: the generators ask for the same few hundred days tens of thousands of times.
const isoCache = new Map<number, string>();
const monthCache = new Map<number, number>();

export function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** Month index (year × 12 + month − 1) of a day. */
export function monthOf(day: number): number {
  let month = monthCache.get(day);
  if (month === undefined) {
    const d = new Date(day * DAY_MS);
    month = d.getUTCFullYear() * 12 + d.getUTCMonth();
    monthCache.set(day, month);
  }
  return month;
}

/** First day of a month index. */
export function firstDayOfMonth(month: number): number {
  return Math.round(Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS);
}

/** YYYY-MM-DD plus whole months, the day clamped to the target month's length (31 March − 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const last = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  return isoOf(Math.round(Date.UTC(Math.floor(index / 12), index % 12, Math.min(d, last)) / DAY_MS));
}

/** A China-time timestamp on `day`, `minutes` after midnight: "2025-03-04T09:30:00+08:00". */
export function stampOf(day: number, minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${isoOf(day)}T${hh}:${mm}:00+08:00`;
}

/** The month index's window start for a rolling window of `months` whole months ending with `month`. */
export const windowStartMonth = (month: number, months: number): number => month - months + 1;
