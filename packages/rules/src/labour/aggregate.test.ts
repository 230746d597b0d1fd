import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { monthlyAverageHours } from "./aggregate.ts";
import { row, standardMonth, validRows } from "./testing.ts";
import { LabourCheckError } from "./timesheet.ts";

describe("monthlyAverageHours", () => {
  test("hand-computed months", () => {
    const rows = [
      ...standardMonth("w1", "2024-03", 3000), // 21 × 8 = 168 h
      row("w2", "2024-03-01", 10, { overtimeHours: 2 }), // 10 h
      row("w2", "2024-02-29", 7.5),
      row("w3", "2024-02-28", 0), // a worker with a 0 h row still counts
    ];
    assert.deepEqual(monthlyAverageHours(rows), [
      { month: "2024-02", workers: 2, averageHours: 3.75 },
      { month: "2024-03", workers: 2, averageHours: 89 },
    ]);
  });

  test("rounds to 0.01 h", () => {
    const rows = [row("a", "2024-01-02", 8), row("b", "2024-01-02", 8), row("c", "2024-01-02", 9)];
    assert.deepEqual(monthlyAverageHours(rows), [{ month: "2024-01", workers: 3, averageHours: 8.33 }]);
  });

  test("empty input, invalid input", () => {
    assert.deepEqual(monthlyAverageHours([]), []);
    assert.throws(
      () => monthlyAverageHours([row("a", "2024-01-02", 8), row("a", "2024-01-02", 8)]),
      (e: unknown) => e instanceof LabourCheckError && e.code === "invalid_rows",
    );
  });

  test("months ascending and unique; workers × average ≈ total hours; order-independent", () => {
    fc.assert(
      fc.property(validRows, fc.nat(), (rows, seed) => {
        const result = monthlyAverageHours(rows);
        const months = result.map((m) => m.month);
        assert.deepEqual(months, [...new Set(months)].sort());
        for (const m of result) {
          const inMonth = rows.filter((r) => r.date.startsWith(m.month));
          assert.equal(m.workers, new Set(inMonth.map((r) => r.workerId)).size);
          const total = inMonth.reduce((s, r) => s + r.hours, 0);
          assert.ok(Math.abs(m.averageHours * m.workers - total) <= 0.005 * m.workers + 1e-9);
        }
        const rotated = rows.map((_, i) => rows[(i + seed) % rows.length]).filter((r) => r !== undefined);
        assert.deepEqual(monthlyAverageHours(rotated), result);
      }),
    );
  });
});
