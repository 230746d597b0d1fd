import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  addWorkingDays,
  buildWorkCalendar,
  DEFAULT_WORK_CALENDAR as CAL,
  CHINA_CALENDAR_YEARS,
  deadlineStatus,
  isCalendarYearCovered,
  isWorkingDay,
  parseClockTime,
  shanghaiDate,
  shanghaiInstant,
  validateCalendarYear,
  validateWorkCalendarInput,
  warnFrom,
  workCalendarFromYears,
  workingDaysBetween,
} from "./calendar.ts";

/** An instant given as Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);

describe("shipped calendar data", () => {
  test("2025 and 2026 are verified and consistent", () => {
    assert.deepEqual(
      CHINA_CALENDAR_YEARS.map((y) => [y.year, y.verified]),
      [
        [2025, true],
        [2026, true],
      ],
    );
    for (const y of CHINA_CALENDAR_YEARS) assert.deepEqual(validateCalendarYear(y), []);
  });

  test("days off and make-up days as published", () => {
    const [y2025, y2026] = CHINA_CALENDAR_YEARS;
    // 1 + 8 + 3 + 5 + 3 + 8 and 3 + 9 + 3 + 5 + 3 + 3 + 7 days of the breaks.
    assert.equal(y2025?.holidays.length, 28);
    assert.equal(y2026?.holidays.length, 33);
    assert.deepEqual(CAL.makeUpWorkdays, [
      "2025-01-26",
      "2025-02-08",
      "2025-04-27",
      "2025-09-28",
      "2025-10-11",
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
  });

  test("248 working days in 2025 and in 2026 (261 weekdays − weekday holidays + make-up days)", () => {
    assert.equal(workingDaysBetween(CAL, "2024-12-31", "2025-12-31"), 261 - 18 + 5);
    assert.equal(workingDaysBetween(CAL, "2025-12-31", "2026-12-31"), 261 - 19 + 6);
  });

  test("covered years", () => {
    assert.deepEqual(CAL.years, [2025, 2026]);
    assert.equal(isCalendarYearCovered(CAL, 2026), true);
    assert.equal(isCalendarYearCovered(CAL, 2027), false);
  });
});

describe("isWorkingDay", () => {
  const cases: [string, boolean, string][] = [
    ["2025-01-01", false, "New Year's Day, Wednesday"],
    ["2025-01-26", true, "make-up Sunday before the Spring Festival"],
    ["2025-01-27", true, "Monday"],
    ["2025-01-28", false, "Spring Festival eve"],
    ["2025-02-04", false, "last day of the break, Tuesday"],
    ["2025-02-05", true, "first day back"],
    ["2025-02-08", true, "make-up Saturday"],
    ["2025-02-09", false, "Sunday"],
    ["2025-03-08", false, "ordinary Saturday"],
    ["2025-04-27", true, "make-up Sunday before Labour Day"],
    ["2025-05-05", false, "Labour Day break, Monday"],
    ["2025-06-02", false, "Dragon Boat, Monday"],
    ["2025-09-28", true, "make-up Sunday before National Day"],
    ["2025-10-08", false, "National Day and Mid-Autumn, Wednesday"],
    ["2025-10-09", true, "first day back"],
    ["2025-10-11", true, "make-up Saturday"],
    ["2026-01-02", false, "New Year break, Friday"],
    ["2026-01-04", true, "make-up Sunday"],
    ["2026-02-14", true, "make-up Saturday before the Spring Festival"],
    ["2026-02-16", false, "Spring Festival eve"],
    ["2026-02-23", false, "last day of the break, Monday"],
    ["2026-02-24", true, "first day back"],
    ["2026-02-28", true, "make-up Saturday"],
    ["2026-04-06", false, "Qingming, Monday"],
    ["2026-05-09", true, "make-up Saturday"],
    ["2026-06-19", false, "Dragon Boat, Friday"],
    ["2026-09-20", true, "make-up Sunday"],
    ["2026-09-25", false, "Mid-Autumn, Friday"],
    ["2026-10-07", false, "National Day, Wednesday"],
    ["2026-10-08", true, "first day back"],
    ["2026-10-10", true, "make-up Saturday"],
    ["2027-01-04", true, "uncovered year: Monday"],
    ["2027-01-09", false, "uncovered year: Saturday"],
  ];
  for (const [date, working, why] of cases) {
    test(`${date} ${working ? "works" : "rests"} (${why})`, () =>
      assert.equal(isWorkingDay(CAL, date), working));
  }

  test("an instant is read on its Shanghai date", () => {
    // 2025-02-07T16:30Z is Saturday 00:30 in Shanghai, a make-up working day; 15:30Z is still Friday.
    assert.equal(isWorkingDay(CAL, new Date("2025-02-08T16:30:00Z")), false); // Sunday 00:30
    assert.equal(isWorkingDay(CAL, new Date("2025-02-07T16:30:00Z")), true);
    assert.equal(isWorkingDay(CAL, new Date("2025-01-27T16:00:00Z")), false); // Tuesday 00:00, the eve
    assert.equal(isWorkingDay(CAL, new Date("2025-01-27T15:59:59.999Z")), true);
  });
});

describe("addWorkingDays on dates", () => {
  const cases: [string, number, string][] = [
    ["2025-01-24", 0, "2025-01-24"],
    ["2025-01-28", 0, "2025-01-28"], // N = 0 is the start itself, even on a holiday
    ["2025-01-24", 1, "2025-01-26"], // make-up Sunday counts
    ["2025-01-24", 2, "2025-01-27"],
    ["2025-01-24", 3, "2025-02-05"], // over the whole Spring Festival break
    ["2025-01-27", 1, "2025-02-05"],
    ["2025-01-29", 1, "2025-02-05"], // from inside a holiday
    ["2025-02-05", 3, "2025-02-08"], // make-up Saturday
    ["2025-02-07", 2, "2025-02-10"],
    ["2025-01-20", 15, "2025-02-14"],
    ["2024-12-31", 1, "2025-01-02"],
    ["2025-09-26", 1, "2025-09-28"],
    ["2025-09-26", 2, "2025-09-29"],
    ["2025-09-30", 1, "2025-10-09"], // over National Day and Mid-Autumn
    ["2025-09-30", 3, "2025-10-11"],
    ["2025-09-30", 4, "2025-10-13"],
    ["2025-12-31", 1, "2026-01-04"], // New Year break, then a make-up Sunday
    ["2025-12-31", 2, "2026-01-05"],
    ["2026-02-12", 5, "2026-02-26"],
    ["2026-02-13", 1, "2026-02-14"],
    ["2026-02-13", 2, "2026-02-24"],
    ["2026-02-14", 1, "2026-02-24"],
    ["2026-02-24", 4, "2026-02-28"],
    ["2026-09-18", 1, "2026-09-20"],
    ["2026-09-24", 1, "2026-09-28"], // Mid-Autumn Friday to Sunday
    ["2026-09-30", 1, "2026-10-08"],
    ["2026-09-30", 3, "2026-10-10"],
  ];
  for (const [start, n, expected] of cases) {
    test(`${start} + ${n} working days = ${expected}`, () => {
      assert.equal(addWorkingDays(CAL, start, n), expected);
      assert.equal(workingDaysBetween(CAL, start, expected), n);
    });
  }

  test("refuses bad input", () => {
    assert.throws(() => addWorkingDays(CAL, "2025-02-30", 1), RangeError);
    assert.throws(() => addWorkingDays(CAL, "2025-02-03", -1), RangeError);
    assert.throws(() => addWorkingDays(CAL, "2025-02-03", 1.5), RangeError);
    assert.throws(() => addWorkingDays(CAL, new Date(Number.NaN), 1), RangeError);
  });
});

describe("addWorkingDays on instants: close of business on the N-th working day, Shanghai time", () => {
  test("submitted Friday 23:59 before the Spring Festival", () => {
    assert.equal(addWorkingDays(CAL, sh("2025-01-24T23:59"), 2).toISOString(), "2025-01-27T09:30:00.000Z");
    assert.equal(addWorkingDays(CAL, sh("2025-01-24T23:59"), 3).toISOString(), "2025-02-05T09:30:00.000Z");
  });

  test("the Shanghai date decides, not the UTC date", () => {
    // Saturday 2025-02-08 00:30 in Shanghai is still Friday in UTC: day 1 is Monday, not the make-up Saturday.
    assert.equal(
      addWorkingDays(CAL, new Date("2025-02-07T16:30:00Z"), 1).toISOString(),
      "2025-02-10T09:30:00.000Z",
    );
    assert.equal(
      addWorkingDays(CAL, new Date("2025-02-07T15:30:00Z"), 1).toISOString(),
      "2025-02-08T09:30:00.000Z",
    );
  });

  test("submission hour does not matter: 08:00 and 23:00 give the same deadline", () => {
    const a = addWorkingDays(CAL, sh("2026-02-13T08:00"), 2);
    const b = addWorkingDays(CAL, sh("2026-02-13T23:00"), 2);
    assert.deepEqual(a, b);
    assert.equal(a.toISOString(), "2026-02-24T09:30:00.000Z");
  });

  test("close of business can be set", () => {
    const start = sh("2025-09-30T10:00");
    assert.equal(
      addWorkingDays(CAL, start, 1, { closeOfBusiness: "24:00" }).toISOString(),
      "2025-10-09T16:00:00.000Z",
    );
    assert.equal(
      addWorkingDays(CAL, start, 1, { closeOfBusiness: "17:00" }).toISOString(),
      "2025-10-09T09:00:00.000Z",
    );
    for (const bad of ["25:00", "17:60", "5:30", "24:01", ""]) {
      assert.throws(() => addWorkingDays(CAL, start, 1, { closeOfBusiness: bad }), RangeError, bad);
    }
  });

  test("parseClockTime", () => {
    assert.equal(parseClockTime("00:00"), 0);
    assert.equal(parseClockTime("17:30"), 1050);
    assert.equal(parseClockTime("24:00"), 1440);
  });
});

describe("workingDaysBetween", () => {
  const cases: [string, string, number][] = [
    ["2025-01-27", "2025-02-05", 1],
    ["2025-01-24", "2025-02-14", 11],
    ["2025-01-20", "2025-02-14", 15],
    ["2025-02-14", "2025-01-20", -15],
    ["2025-01-28", "2025-02-04", 0],
    ["2025-09-30", "2025-10-11", 3],
    ["2026-02-13", "2026-02-28", 6],
    ["2025-03-03", "2025-03-03", 0],
  ];
  for (const [a, b, n] of cases)
    test(`${a} → ${b}: ${n}`, () => assert.equal(workingDaysBetween(CAL, a, b), n));

  test("instants and dates mix, on Shanghai dates", () => {
    assert.equal(workingDaysBetween(CAL, sh("2025-01-27T09:00"), "2025-02-05"), 1);
    assert.equal(workingDaysBetween(CAL, new Date("2025-01-27T16:00:00Z"), "2025-02-05"), 1);
  });
});

describe("deadlineStatus", () => {
  const deadline = sh("2025-02-14T17:30"); // a Friday
  const oneDay = { workingDays: 1, calendar: CAL };

  test("working-day warning window", () => {
    assert.equal(deadlineStatus(sh("2025-02-13T17:29"), deadline, oneDay), "ok");
    assert.equal(deadlineStatus(sh("2025-02-13T17:30"), deadline, oneDay), "dueSoon");
    assert.equal(deadlineStatus(deadline, deadline, oneDay), "dueSoon");
    assert.equal(deadlineStatus(new Date(deadline.getTime() + 1), deadline, oneDay), "overdue");
  });

  test("warning counts back over make-up days and holidays", () => {
    assert.equal(
      warnFrom(sh("2025-02-10T17:30"), oneDay).toISOString(),
      sh("2025-02-08T17:30").toISOString(),
    );
    assert.equal(
      warnFrom(sh("2025-02-05T17:30"), oneDay).toISOString(),
      sh("2025-01-27T17:30").toISOString(),
    );
    assert.equal(
      warnFrom(sh("2025-02-05T17:30"), { workingDays: 2, calendar: CAL }).toISOString(),
      sh("2025-01-26T17:30").toISOString(),
    );
  });

  test("warning in milliseconds, and none", () => {
    const hour = 3_600_000;
    assert.equal(deadlineStatus(sh("2025-02-14T16:29"), deadline, hour), "ok");
    assert.equal(deadlineStatus(sh("2025-02-14T16:30"), deadline, hour), "dueSoon");
    assert.equal(deadlineStatus(sh("2025-02-14T17:29"), deadline), "ok");
    assert.equal(deadlineStatus(sh("2025-02-14T17:30"), deadline), "dueSoon");
    assert.throws(() => deadlineStatus(deadline, deadline, -1), RangeError);
  });
});

describe("validation of an administrator's calendar", () => {
  const codes = (holidays: unknown[], makeUpWorkdays: unknown[]) =>
    validateWorkCalendarInput({
      holidays: holidays as string[],
      makeUpWorkdays: makeUpWorkdays as string[],
    }).map((i) => `${i.code}@${i.path}`);

  test("bad dates", () => {
    assert.deepEqual(codes(["2025-02-30", "2025-1-01", 20250101, ""], ["2025-13-01"]), [
      "date_invalid@holidays[0]",
      "date_invalid@holidays[1]",
      "date_invalid@holidays[2]",
      "date_invalid@holidays[3]",
      "date_invalid@makeUpWorkdays[0]",
    ]);
  });

  test("not a list", () => {
    const issues = validateWorkCalendarInput({
      holidays: "2025-01-01" as unknown as string[],
      makeUpWorkdays: [],
    });
    assert.deepEqual(
      issues.map((i) => `${i.code}@${i.path}`),
      ["date_invalid@holidays"],
    );
  });

  test("duplicates", () => {
    assert.deepEqual(codes(["2025-01-01", "2025-01-01"], ["2025-01-26", "2025-01-26"]), [
      "date_duplicate@holidays[1]",
      "date_duplicate@makeUpWorkdays[1]",
    ]);
  });

  test("a date both a holiday and a make-up working day", () => {
    assert.deepEqual(codes(["2025-01-26"], ["2025-01-26"]), ["date_holiday_and_workday@makeUpWorkdays[0]"]);
  });

  test("a make-up working day on a weekday", () => {
    assert.deepEqual(codes([], ["2025-01-27"]), ["make_up_day_not_weekend@makeUpWorkdays[0]"]);
  });

  test("a year's dates stay in the year", () => {
    const issues = validateCalendarYear({
      year: 2027,
      verified: false,
      source: "draft",
      holidays: ["2027-01-01", "2026-12-31"],
      makeUpWorkdays: [],
    });
    assert.deepEqual(
      issues.map((i) => `${i.code}@${i.path}`),
      ["date_outside_year@holidays[1]"],
    );
  });

  test("build refuses an invalid calendar and accepts a valid one", () => {
    const bad = buildWorkCalendar({ holidays: ["2025-01-26"], makeUpWorkdays: ["2025-01-26"] });
    assert.equal(bad.ok, false);
    const good = buildWorkCalendar({ holidays: ["2027-01-01"], makeUpWorkdays: [] });
    assert.ok(good.ok);
    assert.equal(isWorkingDay(good.calendar, "2027-01-01"), false);
    assert.deepEqual(good.calendar.years, [2027]);
    const years = workCalendarFromYears([
      ...CHINA_CALENDAR_YEARS,
      { year: 2027, verified: false, source: "x", holidays: ["2026-01-01"], makeUpWorkdays: [] },
    ]);
    assert.equal(years.ok, false);
    if (!years.ok) assert.deepEqual(years.issues[0]?.path, "years[2].holidays[0]");
  });
});

describe("Shanghai time", () => {
  test("UTC+8 with no DST", () => {
    assert.equal(shanghaiDate(new Date("2025-01-24T16:00:00Z")), "2025-01-25");
    assert.equal(shanghaiDate(new Date("2025-01-24T15:59:59.999Z")), "2025-01-24");
    assert.equal(shanghaiDate(new Date("2025-07-01T15:59:59.999Z")), "2025-07-01");
    assert.equal(shanghaiInstant("2025-01-25").toISOString(), "2025-01-24T16:00:00.000Z");
    assert.equal(shanghaiInstant("2025-07-01", 1050).toISOString(), "2025-07-01T09:30:00.000Z");
  });
});
