// Calendar months as YYYY-MM strings and as whole numbers (year × 12 + month − 1), for ranges and gaps.

export function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return (y ?? 0) * 12 + ((m ?? 1) - 1);
}

export function monthAt(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
}

/** The DATE of a month's first day, as lot_stats_monthly stores months. */
export function firstDay(month: string): string {
  return `${month}-01`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthAt(i));
  return out;
}

/** The YYYY-MM of a DATE value (YYYY-MM-DD). */
export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}
