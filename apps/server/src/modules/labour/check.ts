import {
  checkTimesheet,
  LABOUR_RULE_IDS,
  LabourCheckError,
  type LabourFinding,
  type LabourRuleId,
  type LabourSeverity,
  type TimesheetIssue,
} from "@jingwei/rules";
import { AppError, type FieldErrorCode, type FieldIssue } from "../../platform/errors.ts";
import type { TimesheetColumns } from "./columns.ts";
import { type Compliance, complianceOf, pct } from "./compliance.ts";
import { formatDay as formatEpochDay } from "./days.ts";
import { describeFinding } from "./describe.ts";

// The check itself: one worker at a time (every rule is per worker), so only that worker's rows exist as objects.

/** At most this many invalid values are reported (the first ones, in row order). */
const MAX_ISSUES = 100;

export interface CheckedFinding {
  rule: LabourRuleId;
  workerId: string;
  period: string;
  severity: LabourSeverity;
  /** What was found, in words (Chinese and English). */
  detail: { zh: string; en: string };
  /** The numbers behind it (hours, limits, amounts due and paid). */
  values: Record<string, number | string | boolean>;
}

export interface MonthlyHours {
  month: string;
  workers: number;
  averageHours: number;
}

/** One calendar month of the timesheet: what trends keep per enterprise (labour/trends.ts). Counts of workers. */
export interface MonthlyLabour {
  month: string;
  /** Workers with rows in the month (worker-months). */
  workers: number;
  totalHours: number;
  averageHours: number;
  /** Workers with more than 36 h of overtime in the month (monthly_overtime). */
  overtimeOver36h: number;
  /** Workers with a run of 7+ worked days starting in the month (rest_day). */
  restDayBreaches: number;
  /** Workers paid below the minimum wage for the month (minimum_wage). */
  minimumWageShortfalls: number;
  /** Workers short of overtime pay on a day of the month or for the month (overtime_pay_*). */
  overtimePayShortfalls: number;
  /** Workers paid in full: neither below the minimum wage nor short of overtime pay. */
  paidInFull: number;
  /** Workers insured on every row of the month (no social_insurance finding). */
  insured: number;
}

export interface LabourCheckResult {
  county: string;
  rows: number;
  workers: number;
  from: string | null;
  to: string | null;
  totalFindings: number;
  /** Findings by rule, every rule listed (0 when none). */
  byRule: { rule: LabourRuleId; findings: number; workers: number }[];
  findings: CheckedFinding[];
  /** findings holds the first `limit`; the counts above are complete. */
  truncated: boolean;
  monthlyAverageHours: MonthlyHours[];
  /** Per month: hours and the workers concerned by each kind of breach. */
  monthly: (MonthlyLabour & { compliance: Compliance })[];
  /** The platform metrics of computed indicators (evaluation systems), from this timesheet. */
  metrics: Record<string, number>;
}

export interface CheckOptions {
  county: string;
  /** How many findings to return (all are counted). */
  limit: number;
  /** Called for every finding, returned or not (an assessment groups them by rule without keeping them all). */
  onFinding?:
    | ((f: { rule: LabourRuleId; workerId: string; period: string; severity: LabourSeverity }) => void)
    | undefined;
  /** How a row's invalid field is named in the error: JSON `rows[3].hours`, file `file.row[12].hours`. */
  fieldName: (rowNumber: number, field: string) => string;
}

const ISSUE_CODES: Record<TimesheetIssue["code"], FieldErrorCode> = {
  not_an_object: "type",
  missing_worker_id: "missing_worker_id",
  bad_date: "bad_date",
  not_a_number: "not_a_number",
  negative_hours: "negative_hours",
  hours_over_24: "hours_over_24",
  overtime_exceeds_hours: "overtime_exceeds_hours",
  negative_pay: "negative_pay",
  not_a_boolean: "not_a_boolean",
  duplicate_worker_date: "duplicate_worker_date",
};

/** Checks every row; bad rows refuse the whole check (LABOUR_INVALID_ROWS with field errors), nothing is half-done. */
export function checkColumns(cols: TimesheetColumns, opts: CheckOptions): LabourCheckResult {
  if (cols.length === 0) throw new AppError("LABOUR_NO_ROWS");
  const { starts, order } = cols.byWorker();
  const dayText = new Map<number, string>();
  const dateText = (day: number) => {
    let s = dayText.get(day);
    if (s === undefined) {
      s = formatEpochDay(day);
      dayText.set(day, s);
    }
    return s;
  };
  const issues: FieldIssue[] = [];
  let issueCount = 0;
  const kept: CheckedFinding[] = [];
  let total = 0;
  const perRule = new Map<LabourRuleId, { findings: number; workers: Set<string> }>();
  const months = new Map<string, { workers: number; hours: number }>();
  const workerMonths = new Set<string>();
  // For the metrics: worker-months with a breach of each kind, workers with a rest-day breach.
  const otMonths = new Set<string>();
  const payMonths = new Set<string>();
  const wageMonths = new Set<string>();
  const uninsured = new Set<string>();
  const restWorkers = new Set<string>();
  const restMonths = new Set<string>();
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;

  for (let w = 0; w < cols.workerIds.length; w++) {
    const from = starts[w] as number;
    const to = starts[w + 1] as number;
    if (to === from) continue;
    const rows: Record<string, unknown>[] = [];
    for (let k = from; k < to; k++) rows.push(cols.row(order[k] as number, dateText));
    const workerId = cols.workerIds[w] as string;
    let findings: LabourFinding[];
    try {
      // checkTimesheet validates the rows first (LabourCheckError "invalid_rows" with every issue).
      findings = checkTimesheet(rows, { county: opts.county });
    } catch (e) {
      if (e instanceof LabourCheckError && e.code === "invalid_rows") {
        issueCount += e.issues.length;
        for (const is of e.issues) {
          if (issues.length >= MAX_ISSUES) break;
          const rowNumber = cols.rowNumber.data[order[from + is.index] as number] as number;
          const dup =
            is.duplicateOf === undefined
              ? undefined
              : (cols.rowNumber.data[order[from + is.duplicateOf] as number] as number);
          issues.push({
            field: opts.fieldName(rowNumber, is.field),
            code: ISSUE_CODES[is.code],
            params: { row: dup ?? rowNumber },
          });
        }
        continue;
      }
      if (e instanceof LabourCheckError && e.code === "unknown_county")
        throw new AppError("LABOUR_UNKNOWN_COUNTY", { county: opts.county }, [
          { field: "county", code: "not_allowed" },
        ]);
      if (e instanceof LabourCheckError && e.code === "no_minimum_wage")
        throw new AppError("LABOUR_NO_MINIMUM_WAGE", { detail: e.message });
      throw e;
    }
    // Once a row is bad the check is refused: the remaining workers are only validated.
    if (issueCount > 0) continue;
    // The worker's hours by month first, then one entry per worker-month.
    const own = new Map<string, number>();
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      const day = cols.day.data[i] as number;
      if (day < minDay) minDay = day;
      if (day > maxDay) maxDay = day;
      const month = dateText(day).slice(0, 7);
      own.set(month, (own.get(month) ?? 0) + (cols.hours.data[i] as number));
    }
    for (const [month, hours] of own) {
      let m = months.get(month);
      if (!m) {
        m = { workers: 0, hours: 0 };
        months.set(month, m);
      }
      m.workers++;
      m.hours += hours;
      workerMonths.add(`${workerId}\u0000${month}`);
    }
    for (const f of findings) {
      total++;
      let pr = perRule.get(f.rule);
      if (!pr) {
        pr = { findings: 0, workers: new Set() };
        perRule.set(f.rule, pr);
      }
      pr.findings++;
      pr.workers.add(workerId);
      const wm = `${workerId}\u0000${f.period.slice(0, 7)}`;
      if (f.rule === "monthly_overtime") otMonths.add(wm);
      else if (f.rule.startsWith("overtime_pay")) payMonths.add(wm);
      else if (f.rule === "minimum_wage") wageMonths.add(wm);
      else if (f.rule === "social_insurance") uninsured.add(wm);
      else if (f.rule === "rest_day") {
        // A run is reported once, by its first date: it counts in the month it starts.
        restWorkers.add(workerId);
        restMonths.add(wm);
      }
      opts.onFinding?.(f);
      if (kept.length < opts.limit)
        kept.push({
          rule: f.rule,
          workerId: f.workerId,
          period: f.period,
          severity: f.severity,
          detail: describeFinding(f),
          values: { ...f.detail },
        });
    }
  }
  if (issueCount > 0) throw new AppError("LABOUR_INVALID_ROWS", { count: issueCount }, issues);

  const monthly = [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, m]) => ({
      month,
      workers: m.workers,
      averageHours: Math.round((m.hours / m.workers) * 100) / 100,
    }));
  return {
    county: opts.county,
    rows: cols.length,
    workers: cols.workerIds.filter((_, w) => (starts[w + 1] as number) > (starts[w] as number)).length,
    from: Number.isFinite(minDay) ? formatEpochDay(minDay) : null,
    to: Number.isFinite(maxDay) ? formatEpochDay(maxDay) : null,
    totalFindings: total,
    byRule: LABOUR_RULE_IDS.map((rule) => ({
      rule,
      findings: perRule.get(rule)?.findings ?? 0,
      workers: perRule.get(rule)?.workers.size ?? 0,
    })),
    findings: kept,
    truncated: total > kept.length,
    monthlyAverageHours: monthly,
    monthly: monthlyLabour(monthly, months, { otMonths, payMonths, wageMonths, uninsured, restMonths }),
    metrics: metricsOf(monthly, workerMonths, { otMonths, payMonths, wageMonths, uninsured, restWorkers }),
  };
}

/** Worker-month keys (`worker\u0000YYYY-MM`) → how many in each month. */
function perMonth(keys: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) {
    const month = k.slice(k.indexOf("\u0000") + 1);
    out.set(month, (out.get(month) ?? 0) + 1);
  }
  return out;
}

function monthlyLabour(
  monthly: MonthlyHours[],
  months: Map<string, { workers: number; hours: number }>,
  s: Record<"otMonths" | "payMonths" | "wageMonths" | "uninsured" | "restMonths", Set<string>>,
): (MonthlyLabour & { compliance: Compliance })[] {
  const ot = perMonth(s.otMonths);
  const rest = perMonth(s.restMonths);
  const wage = perMonth(s.wageMonths);
  const pay = perMonth(s.payMonths);
  const unpaid = perMonth(new Set([...s.wageMonths, ...s.payMonths]));
  const uninsured = perMonth(s.uninsured);
  return monthly.map((m) => {
    const counts: MonthlyLabour = {
      month: m.month,
      workers: m.workers,
      totalHours: Math.round((months.get(m.month)?.hours ?? 0) * 100) / 100,
      averageHours: m.averageHours,
      overtimeOver36h: ot.get(m.month) ?? 0,
      restDayBreaches: rest.get(m.month) ?? 0,
      minimumWageShortfalls: wage.get(m.month) ?? 0,
      overtimePayShortfalls: pay.get(m.month) ?? 0,
      paidInFull: m.workers - (unpaid.get(m.month) ?? 0),
      insured: m.workers - (uninsured.get(m.month) ?? 0),
    };
    return { ...counts, compliance: complianceOf(counts) };
  });
}

/** PLATFORM_METRICS (packages/rules evaluation/metrics.ts) from the check, for computed indicators. */
function metricsOf(
  monthly: MonthlyHours[],
  workerMonths: Set<string>,
  s: {
    otMonths: Set<string>;
    payMonths: Set<string>;
    wageMonths: Set<string>;
    uninsured: Set<string>;
    restWorkers: Set<string>;
  },
): Record<string, number> {
  const wm = workerMonths.size;
  const workers = new Set([...workerMonths].map((k) => k.split("\u0000")[0]));
  const totalHours = monthly.reduce((a, m) => a + m.averageHours * m.workers, 0);
  const last = monthly[monthly.length - 1]?.month;
  let lastWorkers = 0;
  let lastInsured = 0;
  if (last) {
    for (const k of workerMonths) {
      if (!k.endsWith(`\u0000${last}`)) continue;
      lastWorkers++;
      if (!s.uninsured.has(k)) lastInsured++;
    }
  }
  return {
    "labour.averageMonthlyHours": wm === 0 ? 0 : Math.round((totalHours / wm) * 100) / 100,
    "labour.monthlyOvertimeOver36h": pct(s.otMonths.size, wm),
    "labour.restDayBreaches": pct(s.restWorkers.size, workers.size),
    "labour.overtimePayShortfalls": pct(s.payMonths.size, wm),
    "labour.minimumWageShortfalls": pct(s.wageMonths.size, wm),
    "labour.socialInsuranceCoverage": pct(lastInsured, lastWorkers),
  };
}
