// Checking a timesheet against the working-time and wage rules: each breach becomes a finding naming the
// worker and the period (date, ISO week or month) concerned.
//
// Definitions (all per worker; rows are first validated, then put in canonical worker/date order so the
// result does not depend on input order, floating-point sums included):
//
// - weekly_hours: the sum of `hours` in an ISO week (Monday–Sunday, `2024-W05`) exceeds `maxWeeklyHours`.
//   Only the rows present are summed: a week at the edge of the timesheet counts its rows only.
// - daily_overtime: on a workday (neither `restDay` nor `holiday`), the day's overtime exceeds
//   `maxDailyOvertimeHours`, where the day's overtime is max(overtimeHours, hours − standardDailyHours), so
//   unreported overtime is caught too. Period: the date.
// - monthly_overtime: the sum of `overtimeHours` in a calendar month (`2024-03`) exceeds
//   `maxMonthlyOvertimeHours`.
// - rest_day: "no day of rest in seven" is a run of `restDayWindowDays` (7) or more consecutive calendar days
//   each with a row with hours > 0; a day without a row, or with hours 0, is a day off. Each maximal run is
//   reported once, its period being the run's first date (detail gives the last date and the length).
// - overtime_pay_*: overtime pay is compared with premium % × hourly base × overtimeHours. The premium is the
//   holiday one if `holiday`, else the rest-day one if `restDay`, else the workday one. The hourly base is the
//   worker-month's monthly wage ÷ monthlyPayDays (21.75) ÷ standardDailyHours (8), the monthly wage being
//   derived from regular pay (`pay` is regular pay, overtime excluded) as described under "full month" below.
//   With `overtimePayGranularity` "day" each row is compared (period: the date); with "month" the sum of
//   `overtimePay` over all the month's rows of a day type is compared with the month's overtime of that type
//   (period: the month), for timesheets that book overtime pay once a month on one row of each type.
// - minimum_wage: the month's regular pay (sum of `pay`) is below the county's minimum on the month's first
//   day (tier assignment and wage table both looked up on that day), pro-rated for partial months.
// - social_insurance: one finding per worker-month with any row whose `socialInsurance` is false.
//
// "Full month": the month's regular hours are the sum of (hours − overtimeHours). A month is full when they
// reach fullMonthHours = min(monthlyPayDays × standardDailyHours, Monday–Friday days in the month ×
// standardDailyHours), i.e. 174 h, or 160–168 h in a month with only 20–21 weekdays, so a worker who works
// every weekday of February is held to the whole monthly minimum. For a partial month (fewer regular hours)
// the minimum is pro-rated: required = monthly minimum × regularHours ÷ fullMonthHours, and the monthly wage
// used for the overtime base is scaled up the same way: pay × fullMonthHours ÷ regularHours. A month with no
// regular hours at all (only rest-day or holiday work) has no regular pay to derive a base from; its
// overtime base is the monthly minimum wage. Statutory holidays and swapped workdays (调休) are not known to
// the checker, so in a holiday month a full-time worker's minimum is pro-rated slightly down.

import { epochDay, formatEpochDay, isoWeekOf, monthOf, weekdaysInMonth } from "./dates.ts";
import {
  type CountyTierAssignment,
  countyTierOn,
  isKnownCounty,
  type MinimumWage,
  type MinimumWageTable,
  minimumWageOn,
  validateMinimumWageTable,
  ZHEJIANG_COUNTY_TIERS,
  ZHEJIANG_MINIMUM_WAGE,
} from "./minimum-wage.ts";
import {
  LABOUR_RULE_IDS,
  type LabourRuleId,
  type LabourRules,
  type LabourRulesOverrides,
  type LabourSeverity,
  overtimeHourlyBase,
  resolveLabourRules,
  standardMonthlyHours,
} from "./rules.ts";
import { assertValidTimesheet, LabourCheckError, sortTimesheetRows, type TimesheetRow } from "./timesheet.ts";

export type LabourFindingDetail = Readonly<Record<string, number | string | boolean>>;

export interface LabourFinding {
  rule: LabourRuleId;
  workerId: string;
  /** ISO date `2024-03-04`, ISO week `2024-W10` or month `2024-03`, depending on the rule. */
  period: string;
  /** The numbers that explain the finding (hours, limits, amounts due and paid). */
  detail: LabourFindingDetail;
  severity: LabourSeverity;
}

export interface CheckTimesheetOptions {
  /** GB/T 2260 county-level division code, e.g. "330482" (平湖市). */
  county: string;
  rules?: LabourRulesOverrides;
  wageTable?: MinimumWageTable;
  countyTiers?: readonly CountyTierAssignment[];
}

/** Slack for comparing hour sums, so 0.1 + 0.2 h is not "over" 0.3 h. */
const HOURS_EPSILON = 1e-9;

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
};
const round2 = (x: number) => round(x, 2);

type DayType = "workday" | "rest_day" | "holiday";

function dayType(row: TimesheetRow): DayType {
  return row.holiday ? "holiday" : row.restDay ? "rest_day" : "workday";
}

const PAY_RULE: Record<DayType, LabourRuleId> = {
  workday: "overtime_pay_workday",
  rest_day: "overtime_pay_rest_day",
  holiday: "overtime_pay_holiday",
};

function premiumPercent(type: DayType, rules: LabourRules): number {
  if (type === "holiday") return rules.overtimePercentHoliday;
  if (type === "rest_day") return rules.overtimePercentRestDay;
  return rules.overtimePercentWorkday;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const sum = (rows: readonly TimesheetRow[], f: (row: TimesheetRow) => number): number =>
  rows.reduce((acc, row) => acc + f(row), 0);

/** Hours that make a month "full" (see the header): min(21.75 × 8, weekdays × 8). */
export function fullMonthHours(month: string, rules: LabourRules): number {
  return Math.min(standardMonthlyHours(rules), weekdaysInMonth(month) * rules.standardDailyHours);
}

/**
 * Checks validated rows against the rules. Throws `LabourCheckError` with code "invalid_rows" (and the
 * issues) for bad rows, "unknown_county" for a county missing from `countyTiers`, "no_minimum_wage" when a
 * month needs a minimum wage the tables do not cover (a month before the first row, or before the county's
 * first tier assignment); throws a RangeError for bad rules or a malformed wage table. Findings are sorted
 * by worker, then rule (in `LABOUR_RULE_IDS` order), then period.
 */
export function checkTimesheet(rows: readonly unknown[], options: CheckTimesheetOptions): LabourFinding[] {
  assertValidTimesheet(rows);
  const rules = resolveLabourRules(options.rules);
  const wageTable = options.wageTable ?? ZHEJIANG_MINIMUM_WAGE;
  const countyTiers = options.countyTiers ?? ZHEJIANG_COUNTY_TIERS;
  const tableProblems = validateMinimumWageTable(wageTable);
  if (tableProblems.length > 0)
    throw new RangeError(`invalid minimum wage table: ${tableProblems.join("; ")}`);
  const { county } = options;
  if (!isKnownCounty(countyTiers, county)) {
    throw new LabourCheckError("unknown_county", `no minimum wage tier is known for county ${county}`);
  }

  const minimumCache = new Map<string, { wage: MinimumWage; assignment: CountyTierAssignment }>();
  const minimumFor = (month: string) => {
    const cached = minimumCache.get(month);
    if (cached) return cached;
    const firstDay = `${month}-01`;
    const assignment = countyTierOn(countyTiers, county, firstDay);
    if (!assignment) {
      throw new LabourCheckError("no_minimum_wage", `no tier is assigned to county ${county} on ${firstDay}`);
    }
    let wage: MinimumWage;
    try {
      wage = minimumWageOn(wageTable, assignment.tier, firstDay);
    } catch (e) {
      throw new LabourCheckError("no_minimum_wage", e instanceof Error ? e.message : String(e));
    }
    const entry = { wage, assignment };
    minimumCache.set(month, entry);
    return entry;
  };

  const enabled = (rule: LabourRuleId) => !rules.disabledRules.includes(rule);
  const findings: LabourFinding[] = [];
  const emit = (rule: LabourRuleId, workerId: string, period: string, detail: LabourFindingDetail) => {
    if (enabled(rule)) findings.push({ rule, workerId, period, detail, severity: rules.severity[rule] });
  };

  for (const [workerId, workerRows] of groupBy(sortTimesheetRows(rows), (r) => r.workerId)) {
    checkDailyOvertime(workerId, workerRows, rules, emit);
    checkWeeklyHours(workerId, workerRows, rules, emit);
    checkRestDays(workerId, workerRows, rules, emit);
    for (const [month, monthRows] of groupBy(workerRows, (r) => monthOf(r.date))) {
      checkMonth(workerId, month, monthRows, rules, emit, enabled, minimumFor);
    }
  }
  return sortFindings(findings);
}

type Emit = (rule: LabourRuleId, workerId: string, period: string, detail: LabourFindingDetail) => void;

function checkDailyOvertime(workerId: string, rows: readonly TimesheetRow[], rules: LabourRules, emit: Emit) {
  for (const row of rows) {
    if (dayType(row) !== "workday") continue;
    const counted = Math.max(row.overtimeHours, row.hours - rules.standardDailyHours);
    if (counted > rules.maxDailyOvertimeHours + HOURS_EPSILON) {
      emit("daily_overtime", workerId, row.date, {
        hours: row.hours,
        overtimeHours: row.overtimeHours,
        overtimeCounted: round2(counted),
        limit: rules.maxDailyOvertimeHours,
      });
    }
  }
}

function checkWeeklyHours(workerId: string, rows: readonly TimesheetRow[], rules: LabourRules, emit: Emit) {
  for (const [week, weekRows] of groupBy(rows, (r) => isoWeekOf(epochDay(r.date)))) {
    const hours = sum(weekRows, (r) => r.hours);
    if (hours > rules.maxWeeklyHours + HOURS_EPSILON) {
      emit("weekly_hours", workerId, week, {
        hours: round2(hours),
        limit: rules.maxWeeklyHours,
        excess: round2(hours - rules.maxWeeklyHours),
        daysWorked: weekRows.filter((r) => r.hours > 0).length,
      });
    }
  }
}

function checkRestDays(workerId: string, rows: readonly TimesheetRow[], rules: LabourRules, emit: Emit) {
  let start: number | undefined;
  let last: number | undefined;
  const flush = () => {
    if (start === undefined || last === undefined) return;
    const length = last - start + 1;
    if (length >= rules.restDayWindowDays) {
      emit("rest_day", workerId, formatEpochDay(start), {
        endDate: formatEpochDay(last),
        consecutiveDays: length,
        window: rules.restDayWindowDays,
      });
    }
  };
  for (const row of rows) {
    if (!(row.hours > 0)) continue;
    const day = epochDay(row.date);
    if (last !== undefined && day === last + 1) last = day;
    else {
      flush();
      start = day;
      last = day;
    }
  }
  flush();
}

function checkMonth(
  workerId: string,
  month: string,
  rows: readonly TimesheetRow[],
  rules: LabourRules,
  emit: Emit,
  enabled: (rule: LabourRuleId) => boolean,
  minimumFor: (month: string) => { wage: MinimumWage; assignment: CountyTierAssignment },
) {
  const overtimeHours = sum(rows, (r) => r.overtimeHours);
  if (overtimeHours > rules.maxMonthlyOvertimeHours + HOURS_EPSILON) {
    emit("monthly_overtime", workerId, month, {
      overtimeHours: round2(overtimeHours),
      limit: rules.maxMonthlyOvertimeHours,
      excess: round2(overtimeHours - rules.maxMonthlyOvertimeHours),
      daysWithOvertime: rows.filter((r) => r.overtimeHours > 0).length,
    });
  }

  const uninsured = rows.filter((r) => !r.socialInsurance);
  const firstUninsured = uninsured[0];
  if (firstUninsured) {
    emit("social_insurance", workerId, month, {
      rowsWithoutInsurance: uninsured.length,
      rows: rows.length,
      firstDate: firstUninsured.date,
    });
  }

  const pay = sum(rows, (r) => r.pay);
  const regularHours = sum(rows, (r) => r.hours - r.overtimeHours);
  const fullHours = fullMonthHours(month, rules);
  const isFull = regularHours >= fullHours - HOURS_EPSILON;

  if (enabled("minimum_wage") && regularHours > HOURS_EPSILON) {
    const { wage, assignment } = minimumFor(month);
    const required = isFull ? wage.monthly : (wage.monthly * regularHours) / fullHours;
    if (pay < required - rules.moneyTolerance) {
      emit("minimum_wage", workerId, month, {
        pay: round2(pay),
        required: round2(required),
        shortfall: round2(required - pay),
        monthlyMinimum: wage.monthly,
        minimumFrom: wage.from,
        tier: assignment.tier,
        tierVerified: assignment.verified,
        regularHours: round2(regularHours),
        fullMonthHours: round2(fullHours),
      });
    }
  }

  const overtimeRows = rows.filter((r) => r.overtimeHours > 0);
  const payRulesEnabled = (["workday", "rest_day", "holiday"] as const).some((t) => enabled(PAY_RULE[t]));
  if (overtimeRows.length === 0 || !payRulesEnabled) return;

  let monthlyWage: number;
  let baseSource: "pay" | "minimum_wage";
  if (regularHours > HOURS_EPSILON) {
    monthlyWage = isFull ? pay : (pay * fullHours) / regularHours;
    baseSource = "pay";
  } else {
    monthlyWage = minimumFor(month).wage.monthly;
    baseSource = "minimum_wage";
  }
  const base = overtimeHourlyBase(monthlyWage, rules);

  const compare = (
    type: DayType,
    period: string,
    hours: number,
    paid: number,
    extra: LabourFindingDetail,
  ) => {
    const percent = premiumPercent(type, rules);
    const required = (percent / 100) * base * hours;
    if (paid < required - rules.moneyTolerance) {
      emit(PAY_RULE[type], workerId, period, {
        ...extra,
        overtimeHours: round2(hours),
        overtimePay: round2(paid),
        required: round2(required),
        shortfall: round2(required - paid),
        requiredPercent: percent,
        paidPercent: base > 0 ? round((paid / (base * hours)) * 100, 1) : 0,
        hourlyBase: round(base, 4),
        monthlyWage: round2(monthlyWage),
        baseSource,
      });
    }
  };

  if (rules.overtimePayGranularity === "day") {
    for (const row of overtimeRows) compare(dayType(row), row.date, row.overtimeHours, row.overtimePay, {});
  } else {
    // All rows of a day type, so overtime pay booked on a row of that type without overtime still counts.
    for (const [type, typeRows] of groupBy(rows, (r) => dayType(r))) {
      const hours = sum(typeRows, (r) => r.overtimeHours);
      if (hours <= 0) continue;
      const paid = sum(typeRows, (r) => r.overtimePay);
      compare(type as DayType, month, hours, paid, {
        days: typeRows.filter((r) => r.overtimeHours > 0).length,
      });
    }
  }
}

function sortFindings(findings: LabourFinding[]): LabourFinding[] {
  const order = new Map(LABOUR_RULE_IDS.map((id, i) => [id, i] as const));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort(
    (a, b) =>
      cmp(a.workerId, b.workerId) ||
      (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0) ||
      cmp(a.period, b.period),
  );
}
