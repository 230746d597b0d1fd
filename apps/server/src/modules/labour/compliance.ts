import type { MonthlyLabour } from "./check.ts";

// A month's counts of workers → the shares in compliance that the trends and the check page chart.

/** Shares of workers in compliance, percent (higher is better). */
export interface Compliance {
  /** At most 36 h of overtime in the month (Labour Law art. 41). */
  overtime: number;
  /** No run of seven worked days starting in the month (art. 38). */
  restDay: number;
  minimumWage: number;
  overtimePay: number;
  /** Neither below the minimum wage nor short of overtime pay: 每月足额发放. */
  paidInFull: number;
  socialInsurance: number;
}

export type Counts = Omit<MonthlyLabour, "month" | "averageHours">;

/** n of `of`, percent with two decimals (0 of nothing). */
export const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 10_000) / 100);

export function complianceOf(c: Counts): Compliance {
  const ok = (breaches: number) => pct(c.workers - breaches, c.workers);
  return {
    overtime: ok(c.overtimeOver36h),
    restDay: ok(c.restDayBreaches),
    minimumWage: ok(c.minimumWageShortfalls),
    overtimePay: ok(c.overtimePayShortfalls),
    paidInFull: pct(c.paidInFull, c.workers),
    socialInsurance: pct(c.insured, c.workers),
  };
}
