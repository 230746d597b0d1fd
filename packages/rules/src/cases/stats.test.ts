import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { seededRandom } from "../random.ts";
import { DEFAULT_WORK_CALENDAR as CAL } from "./calendar.ts";
import {
  type CaseSummary,
  closureRate,
  median,
  medianDurationMs,
  medianWorkingDays,
  monthlyTrend,
  overdueByDepartment,
  overdueCount,
  satisfactionShares,
  topCategories,
} from "./stats.ts";
import { sh } from "./testing.ts";

const HOUR = 3_600_000;

function summary(over: Partial<CaseSummary> = {}): CaseSummary {
  return {
    status: "new",
    category: "policy",
    departmentId: "D1",
    submittedAt: sh("2025-03-03T09:00"),
    firstAnsweredAt: null,
    closedAt: null,
    rating: null,
    resolveDeadline: sh("2025-03-24T17:30"),
    ...over,
  };
}

describe("median", () => {
  test("odd, even, empty, unsorted", () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
    assert.equal(median([7]), 7);
  });

  test("property: at least half the values lie on each side", () => {
    const rand = seededRandom(3);
    for (let run = 0; run < 300; run++) {
      const xs = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Math.floor(rand() * 20));
      const m = median(xs) as number;
      assert.ok(xs.filter((x) => x <= m).length * 2 >= xs.length);
      assert.ok(xs.filter((x) => x >= m).length * 2 >= xs.length);
    }
  });
});

describe("closureRate: the seed's salons collected 685 problems and closed 680", () => {
  test("685 / 680, duplicates not counted as problems", () => {
    const cases: CaseSummary[] = [
      ...Array.from({ length: 670 }, () => summary({ status: "closed", closedAt: sh("2025-03-10T10:00") })),
      ...Array.from({ length: 7 }, () =>
        summary({ status: "notResponsible", closedAt: sh("2025-03-05T10:00") }),
      ),
      ...Array.from({ length: 3 }, () => summary({ status: "withdrawn", closedAt: sh("2025-03-04T10:00") })),
      ...Array.from({ length: 3 }, () => summary({ status: "inProgress" })),
      ...Array.from({ length: 2 }, () =>
        summary({ status: "answered", firstAnsweredAt: sh("2025-03-12T10:00") }),
      ),
      ...Array.from({ length: 12 }, () => summary({ status: "duplicate", closedAt: sh("2025-03-04T10:00") })),
    ];
    const r = closureRate(cases);
    assert.deepEqual([r.collected, r.closed], [685, 680]);
    assert.equal(r.rate?.toFixed(4), "0.9927");
    assert.deepEqual(closureRate([]), { collected: 0, closed: 0, rate: null });
  });
});

describe("durations", () => {
  const cases = [
    summary({ firstAnsweredAt: sh("2025-03-03T11:00"), status: "answered" }),
    summary({ firstAnsweredAt: sh("2025-03-04T09:00"), closedAt: sh("2025-03-05T09:00"), status: "closed" }),
    summary({ firstAnsweredAt: sh("2025-03-10T09:00"), closedAt: sh("2025-03-11T09:00"), status: "closed" }),
    // Reopened after closing: no longer closed, so its old closing time does not count.
    summary({ firstAnsweredAt: sh("2025-03-03T10:00"), closedAt: null, status: "inProgress" }),
    summary({ status: "new" }),
  ];

  test("median time to first answer and to close", () => {
    assert.equal(medianDurationMs(cases, "firstAnsweredAt"), (2 * HOUR + 24 * HOUR) / 2);
    assert.equal(medianDurationMs(cases, "closedAt"), (48 * HOUR + 192 * HOUR) / 2);
    assert.equal(medianDurationMs([], "closedAt"), null);
  });

  test("in working days, across the Spring Festival", () => {
    const festive = [
      summary({
        submittedAt: sh("2025-01-27T09:00"),
        firstAnsweredAt: sh("2025-02-05T09:00"),
        status: "answered",
      }),
      summary({
        submittedAt: sh("2025-01-24T09:00"),
        firstAnsweredAt: sh("2025-02-07T09:00"),
        status: "answered",
      }),
      summary({
        submittedAt: sh("2025-01-24T09:00"),
        firstAnsweredAt: sh("2025-01-26T09:00"),
        status: "answered",
      }),
    ];
    // 1, 5 and 1 working days.
    assert.equal(medianWorkingDays(CAL, festive, "firstAnsweredAt"), 1);
    assert.equal(medianWorkingDays(CAL, cases, "closedAt"), (2 + 6) / 2);
  });
});

describe("overdue", () => {
  test("open cases past their resolve deadline, per department", () => {
    const now = sh("2025-03-25T09:00");
    const cases = [
      summary({ departmentId: "D1" }),
      summary({ departmentId: "D1", status: "acknowledged" }),
      summary({ departmentId: "D1", resolveDeadline: sh("2025-04-01T17:30") }),
      summary({ departmentId: "D2", status: "inProgress" }),
      summary({ departmentId: null }),
      summary({ departmentId: "D3", resolveDeadline: null }),
      // Answered and closed cases owe no work, late or not.
      summary({ departmentId: "D2", status: "answered" }),
      summary({ departmentId: "D2", status: "closed", closedAt: now }),
    ];
    assert.deepEqual(overdueByDepartment(cases, now), [
      { departmentId: "D1", open: 3, overdue: 2 },
      { departmentId: null, open: 1, overdue: 1 },
      { departmentId: "D2", open: 1, overdue: 1 },
      { departmentId: "D3", open: 1, overdue: 0 },
    ]);
    assert.equal(overdueCount(cases, now), 4);
    assert.equal(overdueCount(cases, sh("2025-03-24T17:30")), 0); // on the deadline is not late
  });
});

describe("satisfaction", () => {
  test("shares of the rated cases", () => {
    const rated = (rating: CaseSummary["rating"], n: number) =>
      Array.from({ length: n }, () => summary({ rating }));
    const s = satisfactionShares([
      ...rated("satisfied", 6),
      ...rated("basically", 3),
      ...rated("notSatisfied", 1),
      ...rated(null, 5),
    ]);
    assert.equal(s.rated, 10);
    assert.deepEqual(s.counts, { satisfied: 6, basically: 3, notSatisfied: 1 });
    assert.deepEqual(s.shares, { satisfied: 0.6, basically: 0.3, notSatisfied: 0.1 });
    assert.equal(s.satisfactionRate, 0.9);
    assert.equal(satisfactionShares([]).satisfactionRate, null);
  });
});

describe("categories and trend", () => {
  test("top categories", () => {
    const cases = [
      ...["finance", "finance", "landAndPremises", "environment", "environment", "policy"].map((category) =>
        summary({ category }),
      ),
      summary({ category: "policy", status: "duplicate" }),
    ];
    assert.deepEqual(topCategories(cases, 3), [
      { category: "environment", count: 2 },
      { category: "finance", count: 2 },
      { category: "landAndPremises", count: 1 },
    ]);
    assert.deepEqual(topCategories(cases, 0), []);
  });

  test("monthly trend in Shanghai months, gaps filled", () => {
    const cases = [
      // 2025-01-31T16:30Z is already February in Shanghai.
      summary({
        submittedAt: new Date("2025-01-31T16:30:00Z"),
        status: "closed",
        closedAt: sh("2025-04-02T10:00"),
      }),
      summary({ submittedAt: sh("2025-01-15T10:00") }),
      summary({ submittedAt: sh("2025-01-20T10:00"), status: "duplicate" }),
    ];
    assert.deepEqual(monthlyTrend(cases), [
      { month: "2025-01", collected: 1, closed: 0 },
      { month: "2025-02", collected: 1, closed: 0 },
      { month: "2025-03", collected: 0, closed: 0 },
      { month: "2025-04", collected: 0, closed: 1 },
    ]);
    assert.deepEqual(monthlyTrend([]), []);
  });

  test("trend across a year end", () => {
    const cases = [
      summary({ submittedAt: sh("2025-11-20T10:00"), status: "closed", closedAt: sh("2026-01-05T10:00") }),
    ];
    assert.deepEqual(
      monthlyTrend(cases).map((m) => m.month),
      ["2025-11", "2025-12", "2026-01"],
    );
  });
});
