import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { epochDay, formatEpochDay, isoWeek, isoWeekday, parseIsoDate, weekdaysInMonth } from "./dates.ts";

describe("parseIsoDate", () => {
  const good: [string, number][] = [
    ["1970-01-01", 0],
    ["1970-01-02", 1],
    ["2024-02-29", 19782],
    ["1969-12-31", -1],
  ];
  for (const [s, d] of good) test(`${s} → ${d}`, () => assert.equal(parseIsoDate(s), d));

  const bad = [
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-1-05",
    "24-01-05",
    "",
    "2024-01-05T00:00",
    "0050-01-01",
    " 2024-01-05",
  ];
  for (const s of bad) test(`rejects ${JSON.stringify(s)}`, () => assert.equal(parseIsoDate(s), undefined));

  test("round-trips with formatEpochDay", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 2_900_000 }), (d) =>
        assert.equal(epochDay(formatEpochDay(d)), d),
      ),
    );
  });
});

describe("isoWeekday / isoWeek", () => {
  test("weekdays", () => {
    assert.equal(isoWeekday(epochDay("2024-01-29")), 1); // Monday
    assert.equal(isoWeekday(epochDay("2024-02-04")), 7); // Sunday
    assert.equal(isoWeekday(epochDay("1970-01-01")), 4); // Thursday
  });

  const weeks: [string, string][] = [
    ["2024-01-29", "2024-W05"],
    ["2024-02-04", "2024-W05"],
    ["2024-02-05", "2024-W06"],
    ["2024-01-01", "2024-W01"],
    ["2024-12-30", "2025-W01"],
    ["2021-01-03", "2020-W53"],
    ["2023-01-01", "2022-W52"],
    ["2027-01-01", "2026-W53"],
    ["2024-03-04", "2024-W10"],
  ];
  for (const [date, week] of weeks) test(`${date} is in ${week}`, () => assert.equal(isoWeek(date), week));

  test("Monday to Sunday share a week; the next Monday does not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (d) => {
        const monday = d - isoWeekday(d) + 1;
        const w = isoWeek(formatEpochDay(monday));
        for (let i = 1; i < 7; i++) assert.equal(isoWeek(formatEpochDay(monday + i)), w);
        assert.notEqual(isoWeek(formatEpochDay(monday + 7)), w);
      }),
    );
  });
});

describe("weekdaysInMonth", () => {
  const cases: [string, number][] = [
    ["2024-02", 21],
    ["2024-03", 21],
    ["2024-05", 23],
    ["2023-12", 21],
    ["2021-02", 20],
  ];
  for (const [month, n] of cases)
    test(`${month} has ${n} weekdays`, () => assert.equal(weekdaysInMonth(month), n));
});
