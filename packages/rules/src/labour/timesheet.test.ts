import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { row, validRows } from "./testing.ts";
import {
  assertValidTimesheet,
  LabourCheckError,
  sortTimesheetRows,
  type TimesheetIssueCode,
  validateTimesheetRows,
} from "./timesheet.ts";

const good = row("w1", "2024-03-04", 10, { overtimeHours: 2, pay: 160, overtimePay: 60 });

describe("validateTimesheetRows", () => {
  test("a valid row has no issues", () => assert.deepEqual(validateTimesheetRows([good]), []));

  test("boundary values are valid: 0 h, 24 h, overtime = hours", () => {
    assert.deepEqual(
      validateTimesheetRows([
        row("w1", "2024-03-04", 0),
        row("w1", "2024-03-05", 24, { overtimeHours: 24 }),
        row("w2", "2024-03-04", 8),
      ]),
      [],
    );
  });

  const cases: [string, Record<string, unknown>, [string, TimesheetIssueCode][]][] = [
    ["negative hours", { hours: -1, overtimeHours: 0 }, [["hours", "negative_hours"]]],
    ["negative overtime", { overtimeHours: -0.5 }, [["overtimeHours", "negative_hours"]]],
    ["hours over 24", { hours: 25, overtimeHours: 0 }, [["hours", "hours_over_24"]]],
    ["overtime exceeds hours", { hours: 8, overtimeHours: 9 }, [["overtimeHours", "overtime_exceeds_hours"]]],
    ["impossible date", { date: "2024-02-30" }, [["date", "bad_date"]]],
    ["non-ISO date", { date: "04/03/2024" }, [["date", "bad_date"]]],
    ["missing date", { date: undefined }, [["date", "bad_date"]]],
    ["missing workerId", { workerId: undefined }, [["workerId", "missing_worker_id"]]],
    ["blank workerId", { workerId: "  " }, [["workerId", "missing_worker_id"]]],
    ["numeric workerId", { workerId: 7 }, [["workerId", "missing_worker_id"]]],
    ["hours as string", { hours: "8" }, [["hours", "not_a_number"]]],
    ["NaN pay", { pay: Number.NaN }, [["pay", "not_a_number"]]],
    ["Infinity overtime pay", { overtimePay: Number.POSITIVE_INFINITY }, [["overtimePay", "not_a_number"]]],
    ["negative pay", { pay: -1 }, [["pay", "negative_pay"]]],
    ["negative overtime pay", { overtimePay: -1 }, [["overtimePay", "negative_pay"]]],
    ["restDay as string", { restDay: "false" }, [["restDay", "not_a_boolean"]]],
    ["missing holiday", { holiday: undefined }, [["holiday", "not_a_boolean"]]],
    ["socialInsurance as 0", { socialInsurance: 0 }, [["socialInsurance", "not_a_boolean"]]],
    [
      "several problems at once",
      { hours: 30, overtimeHours: 31, pay: -5 },
      [
        ["hours", "hours_over_24"],
        ["overtimeHours", "overtime_exceeds_hours"],
        ["pay", "negative_pay"],
      ],
    ],
  ];
  for (const [name, patch, expected] of cases) {
    test(name, () => {
      const issues = validateTimesheetRows([good, { ...good, date: "2024-03-05", ...patch }]);
      assert.deepEqual(
        issues.map((i) => [i.index, i.field, i.code]),
        expected.map(([field, code]) => [1, field, code]),
      );
    });
  }

  test("rows that are not objects", () => {
    const issues = validateTimesheetRows([null, 3, "x", [good]]);
    assert.deepEqual(
      issues.map((i) => [i.index, i.code]),
      [
        [0, "not_an_object"],
        [1, "not_an_object"],
        [2, "not_an_object"],
        [3, "not_an_object"],
      ],
    );
  });

  test("duplicate worker-date points at the first row; other workers may share the date", () => {
    const issues = validateTimesheetRows([good, row("w2", good.date, 8), { ...good, hours: 9 }, { ...good }]);
    assert.deepEqual(
      issues.map((i) => [i.index, i.field, i.code, i.duplicateOf]),
      [
        [2, "date", "duplicate_worker_date", 0],
        [3, "date", "duplicate_worker_date", 0],
      ],
    );
  });

  test("a non-array is a TypeError", () => {
    assert.throws(() => validateTimesheetRows({} as unknown as unknown[]), TypeError);
  });

  test("assertValidTimesheet throws LabourCheckError with all the issues", () => {
    assert.doesNotThrow(() => assertValidTimesheet([good]));
    assert.throws(
      () => assertValidTimesheet([good, { ...good, date: "2024-03-05", hours: -1 }, { ...good, date: "x" }]),
      (e: unknown) =>
        e instanceof LabourCheckError &&
        e.code === "invalid_rows" &&
        e.issues.length === 2 &&
        e.message.includes("row 1") &&
        e.message.includes("1 more"),
    );
  });
});

describe("validation properties", () => {
  test("generated valid rows have no issues", () => {
    fc.assert(fc.property(validRows, (rows) => assert.deepEqual(validateTimesheetRows(rows), [])));
  });

  test("breaking one row's hours is reported at that row", () => {
    fc.assert(
      fc.property(
        validRows.filter((r) => r.length > 0),
        fc.nat(),
        fc.constantFrom(-0.1, 24.5, Number.NaN),
        (rows, i, hours) => {
          const index = i % rows.length;
          const broken = rows.map((r, j) => (j === index ? { ...r, hours } : r));
          const issues = validateTimesheetRows(broken);
          assert.ok(issues.length > 0);
          assert.ok(issues.every((issue) => issue.index === index));
        },
      ),
    );
  });

  test("sortTimesheetRows is a canonical order", () => {
    fc.assert(
      fc.property(validRows, (rows) => {
        const reversed = sortTimesheetRows([...rows].reverse());
        assert.deepEqual(sortTimesheetRows(rows), reversed);
      }),
    );
  });
});
