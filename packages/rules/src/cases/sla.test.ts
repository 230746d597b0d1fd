import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_WORK_CALENDAR as CAL } from "./calendar.ts";
import {
  caseDeadlines,
  DEFAULT_CASE_CATEGORIES,
  DEFAULT_CASE_SLA,
  DEFAULT_ESCALATION_POLICY,
  evaluateSla,
  reminderAt,
  type SlaClock,
  slaForCategory,
  validateCaseSla,
  validateEscalationPolicy,
} from "./sla.ts";
import { sh } from "./testing.ts";

const iso = (d: Date) => d.toISOString();

describe("caseDeadlines (1 / 5 / 15 working days, 17:30 Shanghai)", () => {
  test("submitted the Friday before the 2025 Spring Festival", () => {
    const d = caseDeadlines(CAL, DEFAULT_CASE_SLA, { submittedAt: sh("2025-01-24T15:00") });
    assert.equal(iso(d.acknowledge), iso(sh("2025-01-26T17:30"))); // make-up Sunday
    assert.equal(iso(d.firstAnswer), iso(sh("2025-02-07T17:30")));
    assert.equal(iso(d.resolve), iso(sh("2025-02-20T17:30")));
  });

  test("submitted before the 2026 Mid-Autumn and National Day holidays", () => {
    const d = caseDeadlines(CAL, DEFAULT_CASE_SLA, { submittedAt: sh("2026-09-23T10:00") });
    assert.equal(iso(d.acknowledge), iso(sh("2026-09-24T17:30")));
    assert.equal(iso(d.firstAnswer), iso(sh("2026-10-08T17:30")));
    assert.equal(iso(d.resolve), iso(sh("2026-10-21T17:30"))); // make-up Saturday 10-10 counts
  });

  test("a reopen restarts only the resolve deadline", () => {
    const clock: SlaClock = { submittedAt: sh("2025-01-24T15:00"), reopenedAt: sh("2025-03-03T10:00") };
    const d = caseDeadlines(CAL, DEFAULT_CASE_SLA, clock);
    assert.equal(iso(d.acknowledge), iso(sh("2025-01-26T17:30")));
    assert.equal(iso(d.resolve), iso(sh("2025-03-24T17:30")));
  });

  test("close of business is configurable", () => {
    const d = caseDeadlines(
      CAL,
      DEFAULT_CASE_SLA,
      { submittedAt: sh("2025-01-24T15:00") },
      { closeOfBusiness: "24:00" },
    );
    assert.equal(iso(d.acknowledge), iso(sh("2025-01-27T00:00")));
  });
});

describe("evaluateSla", () => {
  const submittedAt = sh("2025-01-24T15:00");
  const states = (now: string, clock: Partial<SlaClock> = {}) =>
    evaluateSla(CAL, DEFAULT_CASE_SLA, { submittedAt, ...clock }, sh(now)).milestones.map((m) => m.state);

  test("due soon one working day ahead, then overdue", () => {
    assert.deepEqual(states("2025-01-24T16:00"), ["ok", "ok", "ok"]);
    assert.deepEqual(states("2025-01-26T10:00"), ["dueSoon", "ok", "ok"]);
    const e = evaluateSla(CAL, DEFAULT_CASE_SLA, { submittedAt }, sh("2025-01-26T10:00"));
    assert.equal(e.escalation, "reminder");
    assert.deepEqual(e.dueSoon, ["acknowledge"]);
  });

  test("overdue escalates with the working days late", () => {
    const at = (now: string) => evaluateSla(CAL, DEFAULT_CASE_SLA, { submittedAt }, sh(now));
    const a = at("2025-01-26T17:31");
    assert.deepEqual(
      [a.overdue, a.milestones[0]?.workingDaysLate, a.escalation],
      [["acknowledge"], 0, "overdue"],
    );
    // 01-27, 02-05, 02-06: three working days begun after the deadline's day; the holiday break does not count.
    const b = at("2025-02-06T09:00");
    assert.deepEqual([b.milestones[0]?.workingDaysLate, b.escalation], [3, "supervisor"]);
    assert.deepEqual(b.dueSoon, []);
    const c = at("2025-02-21T09:00");
    assert.deepEqual(c.overdue, ["acknowledge", "firstAnswer", "resolve"]);
    assert.equal(c.escalation, "leadership");
  });

  test("met, met late, and later events meet earlier milestones", () => {
    assert.deepEqual(states("2025-02-06T09:00", { acknowledgedAt: sh("2025-01-26T09:00") }), [
      "met",
      "ok",
      "ok",
    ]);
    const late = evaluateSla(
      CAL,
      DEFAULT_CASE_SLA,
      { submittedAt, acknowledgedAt: sh("2025-01-27T09:00") },
      sh("2025-01-27T10:00"),
    );
    assert.deepEqual(
      [late.milestones[0]?.state, late.milestones[0]?.workingDaysLate, late.metLate],
      ["metLate", 1, ["acknowledge"]],
    );
    assert.equal(late.escalation, "none"); // history does not escalate
    // An answer without a separate acknowledgement, then an end state.
    assert.deepEqual(states("2025-02-10T09:00", { firstAnsweredAt: sh("2025-01-26T10:00") }), [
      "met",
      "met",
      "ok",
    ]);
    assert.deepEqual(states("2025-06-01T09:00", { resolvedAt: sh("2025-02-07T10:00") }), [
      "metLate",
      "met",
      "met",
    ]);
  });

  test("provisional when the deadlines run into a year without holidays", () => {
    assert.equal(evaluateSla(CAL, DEFAULT_CASE_SLA, { submittedAt }, submittedAt).provisional, false);
    const december = sh("2026-12-20T10:00");
    assert.equal(evaluateSla(CAL, DEFAULT_CASE_SLA, { submittedAt: december }, december).provisional, true);
  });

  test("reminderAt schedules the due-soon moment", () => {
    assert.equal(iso(reminderAt(CAL, sh("2025-02-10T17:30"))), iso(sh("2025-02-08T17:30")));
  });
});

describe("SLA data", () => {
  test("validation", () => {
    assert.deepEqual(validateCaseSla(DEFAULT_CASE_SLA), []);
    const codes = (acknowledgeDays: number, firstAnswerDays: number, resolveDays: number) =>
      validateCaseSla({ acknowledgeDays, firstAnswerDays, resolveDays }).map((i) => `${i.code}@${i.path}`);
    assert.deepEqual(codes(0, 5, 15), ["sla_days_invalid@acknowledgeDays"]);
    assert.deepEqual(codes(1, 2.5, 251), [
      "sla_days_invalid@firstAnswerDays",
      "sla_days_invalid@resolveDays",
    ]);
    assert.deepEqual(codes(3, 2, 1), ["sla_order@firstAnswerDays", "sla_order@resolveDays"]);
    assert.deepEqual(codes(2, 2, 2), []);
  });

  test("per category with a fallback", () => {
    const env = { acknowledgeDays: 1, firstAnswerDays: 3, resolveDays: 10 };
    const table = { environment: env };
    assert.equal(slaForCategory(table, "environment"), env);
    assert.equal(slaForCategory(table, "finance"), DEFAULT_CASE_SLA);
    assert.equal(slaForCategory(table, "toString"), DEFAULT_CASE_SLA);
    assert.equal(DEFAULT_CASE_CATEGORIES.length, 9);
  });

  test("escalation policy validation", () => {
    assert.deepEqual(validateEscalationPolicy(DEFAULT_ESCALATION_POLICY), []);
    assert.deepEqual(
      validateEscalationPolicy({
        warnBeforeWorkingDays: -1,
        supervisorAfterWorkingDays: 3,
        leadershipAfterWorkingDays: 10,
      }).map((i) => i.code),
      ["escalation_value_invalid"],
    );
    assert.deepEqual(
      validateEscalationPolicy({
        warnBeforeWorkingDays: 1,
        supervisorAfterWorkingDays: 5,
        leadershipAfterWorkingDays: 2,
      }).map((i) => i.code),
      ["escalation_order"],
    );
  });
});
