// Calendar days as UTC day numbers (the rules' labour/dates.ts keeps its helpers internal).

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a real YYYY-MM-DD date, else undefined (2024-02-30 is not a date). */
export function parseIsoDay(s: string): number | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return t / 86_400_000;
}

export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
