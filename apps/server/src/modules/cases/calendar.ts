import { type CalendarYear, type WorkCalendar, workCalendarFromYears } from "@jingwei/rules";
import type { Sql } from "../../platform/db.ts";

// The working-day calendar as administrators keep it (work_calendar_years), built into the rules' WorkCalendar.
// Cached per database: it changes a few times a year, and every submission counts deadlines on it. An edit
// through this module drops the cache; another process sees it within CACHE_MS.

const CACHE_MS = 60_000;
const cache = new WeakMap<object, { at: number; calendar: Promise<WorkCalendar> }>();

export async function loadCalendarYears(sql: Sql): Promise<CalendarYear[]> {
  const rows = await sql.query<{
    year: number;
    holidays: string[];
    makeUpWorkdays: string[];
    verified: boolean;
    source: string;
  }>(
    `select year, holidays, make_up_workdays as "makeUpWorkdays", verified, source
       from work_calendar_years order by year`,
  );
  return rows;
}

async function build(sql: Sql): Promise<WorkCalendar> {
  const result = workCalendarFromYears(await loadCalendarYears(sql));
  // Stored years are validated when written; a broken row must not stop intake, so fall back to weekends only.
  if (!result.ok) {
    const fallback = workCalendarFromYears([]);
    if (!fallback.ok) throw new Error("empty calendar refused");
    return fallback.calendar;
  }
  return result.calendar;
}

/** The calendar in force (`key`: the Db, so that each database has its own cache). */
export function workCalendar(key: object, sql: Sql): Promise<WorkCalendar> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.calendar;
  const calendar = build(sql);
  cache.set(key, { at: Date.now(), calendar });
  calendar.catch(() => cache.delete(key));
  return calendar;
}

export function forgetCalendar(key: object): void {
  cache.delete(key);
}
