// Working-time and wage rules (REFERENCE.md §6) as a parameter object: the defaults are the statutory values,
// and every one can be overridden (a buyer's code of conduct, a local regulation, an audit scheme's threshold).

export type LabourRuleId =
  | "weekly_hours"
  | "monthly_overtime"
  | "rest_day"
  | "overtime_pay_workday"
  | "overtime_pay_rest_day"
  | "overtime_pay_holiday"
  | "minimum_wage"
  | "social_insurance"
  | "daily_overtime";

/** Every rule, in the order findings for the same worker and period are listed. */
export const LABOUR_RULE_IDS: readonly LabourRuleId[] = [
  "weekly_hours",
  "daily_overtime",
  "monthly_overtime",
  "rest_day",
  "overtime_pay_workday",
  "overtime_pay_rest_day",
  "overtime_pay_holiday",
  "minimum_wage",
  "social_insurance",
];

export type LabourSeverity = "low" | "medium" | "high";

export interface LabourRules {
  /** Standard working day (State Council 1995): 8 h. */
  standardDailyHours: number;
  /**
   * Weekly hours above which `weekly_hours` fires: 40 h, the statutory standard week. Hours beyond it are
   * overtime (legal within the overtime limits), so this flags every week with overtime; set e.g. 60 to
   * apply an audit scheme's cap instead.
   */
  maxWeeklyHours: number;
  /** Labour Law art. 41: at most 3 h of overtime a day, "for special reasons" (normally 1 h). */
  maxDailyOvertimeHours: number;
  /** Labour Law art. 41: at most 36 h of overtime a month. */
  maxMonthlyOvertimeHours: number;
  /**
   * Labour Law art. 38, at least one day off a week: every run of this many consecutive calendar days must
   * hold a day off, so this many worked days in a row is a breach: 7.
   */
  restDayWindowDays: number;
  /** Labour Law art. 44 minimum overtime pay, percent of the hourly base: workdays 150. */
  overtimePercentWorkday: number;
  /** Rest days worked without time off in lieu: 200. */
  overtimePercentRestDay: number;
  /** Statutory holidays: 300. */
  overtimePercentHoliday: number;
  /** Monthly paid days used to turn a monthly wage into a daily one (劳社部发〔2008〕3号): 21.75. */
  monthlyPayDays: number;
  /** Amounts within this many yuan of what is due are not breaches (rounding to the fen): 0.01. */
  moneyTolerance: number;
  /**
   * Where overtime pay is compared: "day" (each row's `overtimePay` against its own overtime, finding per
   * date) or "month" (a worker-month's overtime pay per day type against the month's overtime of that type,
   * finding per month; use it when overtime pay is recorded once a month).
   */
  overtimePayGranularity: "day" | "month";
  /** Rules to skip. */
  disabledRules: readonly LabourRuleId[];
  severity: Readonly<Record<LabourRuleId, LabourSeverity>>;
}

export const DEFAULT_LABOUR_RULES: LabourRules = {
  standardDailyHours: 8,
  maxWeeklyHours: 40,
  maxDailyOvertimeHours: 3,
  maxMonthlyOvertimeHours: 36,
  restDayWindowDays: 7,
  overtimePercentWorkday: 150,
  overtimePercentRestDay: 200,
  overtimePercentHoliday: 300,
  monthlyPayDays: 21.75,
  moneyTolerance: 0.01,
  overtimePayGranularity: "day",
  disabledRules: [],
  severity: {
    weekly_hours: "medium",
    daily_overtime: "medium",
    monthly_overtime: "high",
    rest_day: "high",
    overtime_pay_workday: "high",
    overtime_pay_rest_day: "high",
    overtime_pay_holiday: "high",
    minimum_wage: "high",
    social_insurance: "high",
  },
};

export type LabourRulesOverrides = Partial<Omit<LabourRules, "severity">> & {
  severity?: Partial<Record<LabourRuleId, LabourSeverity>>;
};

const POSITIVE: readonly (keyof LabourRules)[] = [
  "standardDailyHours",
  "maxWeeklyHours",
  "maxMonthlyOvertimeHours",
  "overtimePercentWorkday",
  "overtimePercentRestDay",
  "overtimePercentHoliday",
  "monthlyPayDays",
];

/** Defaults with `overrides` applied; throws a RangeError for values that would make the checks meaningless. */
export function resolveLabourRules(overrides: LabourRulesOverrides = {}): LabourRules {
  const { severity, ...rest } = overrides;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const rules: LabourRules = {
    ...DEFAULT_LABOUR_RULES,
    ...defined,
    severity: { ...DEFAULT_LABOUR_RULES.severity, ...severity },
  };
  for (const key of POSITIVE) {
    const v = rules[key];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      throw new RangeError(`rule ${key} must be a positive number, got ${String(v)}`);
    }
  }
  for (const key of ["maxDailyOvertimeHours", "moneyTolerance"] as const) {
    const v = rules[key];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`rule ${key} must be a non-negative number, got ${String(v)}`);
    }
  }
  if (!Number.isInteger(rules.restDayWindowDays) || rules.restDayWindowDays < 2) {
    throw new RangeError(`rule restDayWindowDays must be an integer ≥ 2, got ${rules.restDayWindowDays}`);
  }
  if (rules.overtimePayGranularity !== "day" && rules.overtimePayGranularity !== "month") {
    throw new RangeError(`rule overtimePayGranularity must be "day" or "month"`);
  }
  for (const id of rules.disabledRules) {
    if (!LABOUR_RULE_IDS.includes(id)) throw new RangeError(`unknown rule in disabledRules: ${String(id)}`);
  }
  return rules;
}

/** Standard hours in a month of `monthlyPayDays` days: 21.75 × 8 = 174 by default. */
export function standardMonthlyHours(rules: LabourRules): number {
  return rules.monthlyPayDays * rules.standardDailyHours;
}

/** Hourly base for overtime pay: monthly wage ÷ 21.75 ÷ 8 by default. */
export function overtimeHourlyBase(monthlyWage: number, rules: LabourRules = DEFAULT_LABOUR_RULES): number {
  return monthlyWage / rules.monthlyPayDays / rules.standardDailyHours;
}
