import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { epochDay, formatEpochDay, isoWeekday } from "../labour/dates.ts";
import { seededRandom } from "../random.ts";
import {
  addWorkingDays,
  buildWorkCalendar,
  DEFAULT_WORK_CALENDAR,
  isWorkingDay,
  shanghaiDate,
  type WorkCalendar,
  workingDaysBetween,
} from "./calendar.ts";

const RUNS = 500;
const FROM = epochDay("2024-06-01");
const SPAN = epochDay("2027-06-30") - FROM;

/** A random administrator's calendar: scattered holidays, and make-up weekends never on a holiday. */
function randomCalendar(rand: () => number): WorkCalendar {
  const holidays = new Set<number>();
  const makeUp = new Set<number>();
  for (let i = 0; i < 80; i++) holidays.add(FROM + Math.floor(rand() * SPAN));
  for (let i = 0; i < 30; i++) {
    const d = FROM + Math.floor(rand() * SPAN);
    if (isoWeekday(d) >= 6 && !holidays.has(d)) makeUp.add(d);
  }
  const r = buildWorkCalendar({
    holidays: [...holidays].map(formatEpochDay),
    makeUpWorkdays: [...makeUp].map(formatEpochDay),
  });
  assert.ok(r.ok);
  return r.calendar;
}

function calendars(seed: number): [string, () => WorkCalendar][] {
  const rand = seededRandom(seed);
  return [
    ["shipped", () => DEFAULT_WORK_CALENDAR],
    ["random", () => randomCalendar(rand)],
  ];
}

for (const [name, calendarOf] of calendars(20250128)) {
  describe(`working-day properties (${name} calendar)`, () => {
    test("addWorkingDays lands on the N-th working day and workingDaysBetween counts it back", () => {
      const rand = seededRandom(1);
      for (let run = 0; run < RUNS; run++) {
        const cal = calendarOf();
        const start = formatEpochDay(FROM + Math.floor(rand() * SPAN));
        const n = Math.floor(rand() * 40);
        const end = addWorkingDays(cal, start, n);
        assert.equal(workingDaysBetween(cal, start, end), n, `${start} + ${n}`);
        assert.equal(workingDaysBetween(cal, end, start), 0 - n);
        if (n > 0) {
          assert.ok(isWorkingDay(cal, end), `${end} is a working day`);
          // The first day to reach N: one day earlier there were N − 1.
          assert.equal(workingDaysBetween(cal, start, formatEpochDay(epochDay(end) - 1)), n - 1);
        } else {
          assert.equal(end, start);
        }
      }
    });

    test("workingDaysBetween agrees with a day-by-day count and is additive", () => {
      const rand = seededRandom(2);
      for (let run = 0; run < RUNS; run++) {
        const cal = calendarOf();
        const a = FROM + Math.floor(rand() * SPAN);
        const b = a + Math.floor(rand() * 60);
        const c = b + Math.floor(rand() * 60);
        let count = 0;
        for (let d = a + 1; d <= b; d++) if (isWorkingDay(cal, formatEpochDay(d))) count++;
        const [da, db, dc] = [a, b, c].map(formatEpochDay) as [string, string, string];
        assert.equal(workingDaysBetween(cal, da, db), count);
        assert.equal(
          workingDaysBetween(cal, da, db) + workingDaysBetween(cal, db, dc),
          workingDaysBetween(cal, da, dc),
        );
      }
    });

    test("a deadline from an instant is close of business on a later working day, N working days on", () => {
      const rand = seededRandom(3);
      for (let run = 0; run < RUNS; run++) {
        const cal = calendarOf();
        const submitted = new Date(Date.UTC(2024, 5, 1) + Math.floor(rand() * SPAN * 86_400_000));
        const n = 1 + Math.floor(rand() * 30);
        const deadline = addWorkingDays(cal, submitted, n);
        assert.ok(isWorkingDay(cal, deadline));
        assert.ok(shanghaiDate(deadline) > shanghaiDate(submitted));
        assert.equal(workingDaysBetween(cal, submitted, deadline), n);
        // 17:30 in Shanghai is 09:30 UTC.
        assert.equal(deadline.toISOString().slice(11), "09:30:00.000Z");
        assert.equal(shanghaiDate(deadline), addWorkingDays(cal, shanghaiDate(submitted), n));
      }
    });
  });
}
