// The Chinese working-day calendar as data: Monday–Friday work, Saturday–Sunday rest, except the public holidays
// and the make-up working days (调休上班日) the State Council publishes each year (usually in November for the
// next year). Administrators edit the lists; deadlines in working days are counted on them.
//
// Time: every instant is read in Asia/Shanghai, which is UTC+8 all year (China has had no DST since 1991), so
// local dates come from plain offset arithmetic — no time-zone library, nothing from the host's settings.
import { epochDay, formatEpochDay, isoWeekday, parseIsoDate } from "../labour/dates.ts";

export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = SHANGHAI_UTC_OFFSET_MINUTES * 60_000;
const MS_PER_DAY = 86_400_000;

/** What an administrator edits: dates `YYYY-MM-DD`, in any order. */
export interface WorkCalendarInput {
  /** Days off for public holidays, including the weekend days inside a holiday break (harmless, and as published). */
  holidays: readonly string[];
  /** Saturdays and Sundays declared working days to make up for a bridged holiday (调休上班). */
  makeUpWorkdays: readonly string[];
}

/** One year's published arrangement, with where it came from. */
export interface CalendarYear extends WorkCalendarInput {
  year: number;
  /** False when the dates were not checked against the State Council's notice: deadlines are then provisional. */
  verified: boolean;
  source: string;
}

/** A validated calendar. Build it with `buildWorkCalendar`; it is immutable. */
export interface WorkCalendar {
  /** Sorted, unique. */
  readonly holidays: readonly string[];
  /** Sorted, unique; every one a Saturday or Sunday. */
  readonly makeUpWorkdays: readonly string[];
  /** Years with at least one holiday: outside them only weekends are known, see `isCalendarYearCovered`. */
  readonly years: readonly number[];
  /** Day numbers (days since 1970-01-01) for lookups. */
  readonly holidayDays: ReadonlySet<number>;
  readonly makeUpDays: ReadonlySet<number>;
  /** Sorted day numbers of holidays falling Monday–Friday, and of make-up days: O(log n) range counts. */
  readonly weekdayHolidayDays: readonly number[];
  readonly makeUpDayList: readonly number[];
}

export type CalendarIssueCode =
  | "date_invalid"
  | "date_duplicate"
  | "date_holiday_and_workday"
  | "make_up_day_not_weekend"
  | "date_outside_year";

export interface CalendarIssue {
  /** `holidays[3]`, `makeUpWorkdays[0]`. */
  path: string;
  code: CalendarIssueCode;
  message: string;
}

/**
 * 2025: 国办发明电〔2024〕12号 (2024-11-12), the first year under the revised holiday regulation (13 days; Spring
 * Festival and Labour Day one day longer). 2026: the State Council General Office's notice of 2025-11-04.
 * Both checked against the published texts (Xinhua). Holidays list every day of each break as announced.
 */
export const CHINA_CALENDAR_YEARS: readonly CalendarYear[] = [
  {
    year: 2025,
    verified: true,
    source: "国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)",
    holidays: [
      "2025-01-01", // New Year's Day (Wednesday, no swap)
      ...range("2025-01-28", "2025-02-04"), // Spring Festival, eve to 7th day, 8 days
      ...range("2025-04-04", "2025-04-06"), // Qingming
      ...range("2025-05-01", "2025-05-05"), // Labour Day
      ...range("2025-05-31", "2025-06-02"), // Dragon Boat
      ...range("2025-10-01", "2025-10-08"), // National Day with Mid-Autumn, 8 days
    ],
    makeUpWorkdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  {
    year: 2026,
    verified: true,
    source: "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)",
    holidays: [
      ...range("2026-01-01", "2026-01-03"), // New Year's Day
      ...range("2026-02-15", "2026-02-23"), // Spring Festival, 腊月二十八 to 正月初七, 9 days
      ...range("2026-04-04", "2026-04-06"), // Qingming
      ...range("2026-05-01", "2026-05-05"), // Labour Day
      ...range("2026-06-19", "2026-06-21"), // Dragon Boat
      ...range("2026-09-25", "2026-09-27"), // Mid-Autumn
      ...range("2026-10-01", "2026-10-07"), // National Day
    ],
    makeUpWorkdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
];

/** Every date from `from` to `to`, both included (only for writing the data above). */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = epochDay(from); d <= epochDay(to); d++) out.push(formatEpochDay(d));
  return out;
}

const isWeekend = (day: number) => isoWeekday(day) >= 6;

/** Every problem in an administrator's lists, never throwing. An empty list means a usable calendar. */
export function validateWorkCalendarInput(input: WorkCalendarInput): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const seen = new Map<number, string>();
  const check = (list: readonly unknown[] | undefined, key: "holidays" | "makeUpWorkdays") => {
    if (!Array.isArray(list)) {
      issues.push({ path: key, code: "date_invalid", message: "expected a list of dates YYYY-MM-DD" });
      return;
    }
    list.forEach((value, i) => {
      const path = `${key}[${i}]`;
      const day = typeof value === "string" ? parseIsoDate(value) : undefined;
      if (day === undefined) {
        issues.push({
          path,
          code: "date_invalid",
          message: `${JSON.stringify(value)} is not a date YYYY-MM-DD`,
        });
        return;
      }
      const earlier = seen.get(day);
      if (earlier?.startsWith(key)) {
        issues.push({ path, code: "date_duplicate", message: `${value} is already listed at ${earlier}` });
        return;
      }
      if (earlier !== undefined) {
        issues.push({
          path,
          code: "date_holiday_and_workday",
          message: `${value} cannot be both a holiday and a make-up working day (see ${earlier})`,
        });
        return;
      }
      seen.set(day, path);
      // A make-up working day turns a rest day into a working day; on a weekday it would mean nothing, so it
      // is a typo (usually the wrong day of the month).
      if (key === "makeUpWorkdays" && !isWeekend(day)) {
        issues.push({
          path,
          code: "make_up_day_not_weekend",
          message: `${value} is a weekday; a make-up working day is a Saturday or Sunday`,
        });
      }
    });
  };
  check(input.holidays, "holidays");
  check(input.makeUpWorkdays, "makeUpWorkdays");
  return issues;
}

/** Like `validateWorkCalendarInput`, and also every date must fall in the stated year. */
export function validateCalendarYear(data: CalendarYear): CalendarIssue[] {
  const issues = validateWorkCalendarInput(data);
  for (const key of ["holidays", "makeUpWorkdays"] as const) {
    data[key].forEach((d, i) => {
      if (parseIsoDate(d) !== undefined && Number(d.slice(0, 4)) !== data.year) {
        issues.push({
          path: `${key}[${i}]`,
          code: "date_outside_year",
          message: `${d} is not in ${data.year}`,
        });
      }
    });
  }
  return issues;
}

export type BuildCalendarResult =
  | { ok: true; calendar: WorkCalendar }
  | { ok: false; issues: CalendarIssue[] };

/** A calendar from validated lists, or every issue found. */
export function buildWorkCalendar(input: WorkCalendarInput): BuildCalendarResult {
  const issues = validateWorkCalendarInput(input);
  if (issues.length > 0) return { ok: false, issues };
  const holidayDays = [...new Set(input.holidays.map(epochDay))].sort((a, b) => a - b);
  const makeUpDays = [...new Set(input.makeUpWorkdays.map(epochDay))].sort((a, b) => a - b);
  const calendar: WorkCalendar = Object.freeze({
    holidays: Object.freeze(holidayDays.map(formatEpochDay)),
    makeUpWorkdays: Object.freeze(makeUpDays.map(formatEpochDay)),
    years: Object.freeze(
      [...new Set(input.holidays.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b),
    ),
    holidayDays: new Set(holidayDays),
    makeUpDays: new Set(makeUpDays),
    weekdayHolidayDays: Object.freeze(holidayDays.filter((d) => !isWeekend(d))),
    makeUpDayList: Object.freeze(makeUpDays),
  });
  return { ok: true, calendar };
}

/** One calendar from several years' data (e.g. the shipped years plus an administrator's next year). */
export function workCalendarFromYears(years: readonly CalendarYear[]): BuildCalendarResult {
  const issues = years.flatMap((y, i) =>
    validateCalendarYear(y).map((x) => ({ ...x, path: `years[${i}].${x.path}` })),
  );
  if (issues.length > 0) return { ok: false, issues };
  return buildWorkCalendar({
    holidays: years.flatMap((y) => y.holidays),
    makeUpWorkdays: years.flatMap((y) => y.makeUpWorkdays),
  });
}

function mustBuild(r: BuildCalendarResult): WorkCalendar {
  if (!r.ok) throw new Error(`invalid shipped calendar: ${r.issues.map((i) => i.message).join("; ")}`);
  return r.calendar;
}

/** The shipped calendar: 2025 and 2026 as published; other years know only weekends. */
export const DEFAULT_WORK_CALENDAR: WorkCalendar = mustBuild(workCalendarFromYears(CHINA_CALENDAR_YEARS));

/**
 * Whether the calendar has the year's holidays. A deadline that runs into an uncovered year is provisional:
 * the server should warn until an administrator enters the arrangement.
 */
export function isCalendarYearCovered(calendar: WorkCalendar, year: number): boolean {
  return calendar.years.includes(year);
}

// ── Dates and instants ────────────────────────────────────────────────────────────────────────────────────

/** Day number of an instant's Shanghai date. */
function shanghaiDay(instant: Date): number {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError("invalid Date");
  return Math.floor((t + OFFSET_MS) / MS_PER_DAY);
}

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return formatEpochDay(shanghaiDay(instant));
}

/** The instant of a Shanghai wall-clock time, `minutes` after local midnight of `date` (1440 = 24:00). */
export function shanghaiInstant(date: string, minutes = 0): Date {
  return new Date(epochDay(date) * MS_PER_DAY + minutes * 60_000 - OFFSET_MS);
}

function toDay(value: string | Date): number {
  return value instanceof Date ? shanghaiDay(value) : epochDay(value);
}

/** Working day: a make-up day, or a Monday–Friday that is not a holiday. */
function isWorkingDayNumber(calendar: WorkCalendar, day: number): boolean {
  if (calendar.makeUpDays.has(day)) return true;
  return !isWeekend(day) && !calendar.holidayDays.has(day);
}

/** Whether a date (or an instant's Shanghai date) is a working day. */
export function isWorkingDay(calendar: WorkCalendar, date: string | Date): boolean {
  return isWorkingDayNumber(calendar, toDay(date));
}

/**
 * Close of business on a deadline's day, `HH:MM` Shanghai time. 17:30 is the default: the Civil Code
 * (art. 203) ends a period's last day at 24:00, or when business stops where there are business hours, and a
 * department's answer is due while its office is open. "24:00" gives the plain end of day. An
 * administrator's setting, not a published figure.
 */
export const DEFAULT_CLOSE_OF_BUSINESS = "17:30";

export interface DeadlineOptions {
  /** `HH:MM`, 00:00–24:00; default `DEFAULT_CLOSE_OF_BUSINESS`. */
  closeOfBusiness?: string;
}

const HH_MM = /^(\d{2}):(\d{2})$/;

/** Minutes after midnight of `HH:MM` (00:00–24:00), else a RangeError. */
export function parseClockTime(value: string): number {
  const m = HH_MM.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || !(minutes <= 1440)) {
    throw new RangeError(`not a clock time HH:MM between 00:00 and 24:00: ${JSON.stringify(value)}`);
  }
  return minutes;
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`working days must be an integer ≥ 0, not ${n}`);
}

function addWorkingDayNumbers(calendar: WorkCalendar, start: number, n: number): number {
  let day = start;
  for (let left = n; left > 0; ) {
    day++;
    if (isWorkingDayNumber(calendar, day)) left--;
  }
  return day;
}

/**
 * The N-th working day after a date or a submission, N ≥ 0.
 *
 * Rule (as Chinese administrative periods are counted: the starting day is not counted): day 1 is the first
 * working day strictly after the start's Shanghai date, whatever the hour of submission and whether or not the
 * start day itself is a working day. N = 0 gives the start's own date.
 *
 * - `start` a date `YYYY-MM-DD` → the date of the N-th working day.
 * - `start` an instant → the deadline instant: close of business (default 17:30 Shanghai) on that day.
 *
 * So a case submitted on Friday 2025-01-24 at 23:59 with 2 working days is due Monday 2025-01-27 17:30 (Sunday
 * 01-26 is a make-up working day); with 3 it is due Wednesday 2025-02-05, after the Spring Festival break.
 */
export function addWorkingDays(calendar: WorkCalendar, start: string, n: number): string;
export function addWorkingDays(
  calendar: WorkCalendar,
  start: Date,
  n: number,
  options?: DeadlineOptions,
): Date;
export function addWorkingDays(
  calendar: WorkCalendar,
  start: string | Date,
  n: number,
  options: DeadlineOptions = {},
): string | Date {
  checkCount(n);
  const day = addWorkingDayNumbers(calendar, toDay(start), n);
  if (typeof start === "string") return formatEpochDay(day);
  const close = parseClockTime(options.closeOfBusiness ?? DEFAULT_CLOSE_OF_BUSINESS);
  return new Date(day * MS_PER_DAY + close * 60_000 - OFFSET_MS);
}

// Weekdays in [MONDAY0, day): 5 per whole week plus the weekdays of the partial week. 1970-01-05 was a Monday.
const MONDAY0 = 4;
function weekdaysBefore(day: number): number {
  const m = day - MONDAY0;
  const weeks = Math.floor(m / 7);
  return 5 * weeks + Math.min(m - 7 * weeks, 5);
}

/** How many entries of a sorted list lie in (a, b]. */
function countIn(sorted: readonly number[], a: number, b: number): number {
  const upper = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return upper(b) - upper(a);
}

/**
 * Working days after `from` up to and including `to` (Shanghai dates of instants), negative when `to` is
 * earlier: `workingDaysBetween(c, d, addWorkingDays(c, d, n)) === n`. Counted arithmetically (weekdays, minus
 * weekday holidays, plus make-up days), independently of `addWorkingDays`, so each checks the other in tests.
 */
export function workingDaysBetween(calendar: WorkCalendar, from: string | Date, to: string | Date): number {
  const a = toDay(from);
  const b = toDay(to);
  // 0 − x, not −x: a reversed span with no working day is 0, not −0.
  if (b < a) return 0 - workingDaysBetween(calendar, to, from);
  return (
    weekdaysBefore(b + 1) -
    weekdaysBefore(a + 1) -
    countIn(calendar.weekdayHolidayDays, a, b) +
    countIn(calendar.makeUpDayList, a, b)
  );
}

/** The N-th working day strictly before a day, at the same wall-clock time (for warnings before a deadline). */
function workingDaysBefore(calendar: WorkCalendar, instant: Date, n: number): Date {
  let day = shanghaiDay(instant);
  const timeOfDay = instant.getTime() - (day * MS_PER_DAY - OFFSET_MS);
  for (let left = n; left > 0; ) {
    day--;
    if (isWorkingDayNumber(calendar, day)) left--;
  }
  return new Date(day * MS_PER_DAY - OFFSET_MS + timeOfDay);
}

export type DeadlineStatus = "ok" | "dueSoon" | "overdue";

/** How long before a deadline it is "due soon": milliseconds, or working days on a calendar. */
export type WarnBefore = number | { workingDays: number; calendar: WorkCalendar };

/** The instant from which a deadline is "due soon". */
export function warnFrom(deadline: Date, warnBefore: WarnBefore): Date {
  if (typeof warnBefore === "number") {
    if (!(warnBefore >= 0)) throw new RangeError(`warnBefore must be ≥ 0 ms, not ${warnBefore}`);
    return new Date(deadline.getTime() - warnBefore);
  }
  checkCount(warnBefore.workingDays);
  return workingDaysBefore(warnBefore.calendar, deadline, warnBefore.workingDays);
}

/**
 * `overdue` strictly after the deadline (an answer at 17:30:00 on a 17:30 deadline is on time); `dueSoon` from
 * `warnBefore` before it; else `ok`. With `{ workingDays: 1 }` a Friday 17:30 deadline is due soon from
 * Thursday 17:30 — one full working day ahead.
 */
export function deadlineStatus(now: Date, deadline: Date, warnBefore: WarnBefore = 0): DeadlineStatus {
  if (now.getTime() > deadline.getTime()) return "overdue";
  return now.getTime() >= warnFrom(deadline, warnBefore).getTime() ? "dueSoon" : "ok";
}
