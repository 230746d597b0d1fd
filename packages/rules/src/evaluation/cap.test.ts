import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  applyCapAction,
  CAP_STATUSES,
  CAP_TRANSITIONS,
  type CapAction,
  type CapContext,
  type CapStatus,
  capAllowedActions,
  capDeadlineState,
  capRemindersDue,
} from "./cap.ts";
import { ASSESSMENT_ROLES, type AssessmentRole } from "./stages.ts";

const FULL_CTX: CapContext = {
  rootCause: "no overtime approval process",
  correctiveAction: "overtime capped in the scheduling system",
  evidenceFiles: 2,
  evidenceRequired: true,
  comment: "evidence does not cover night shift",
  verificationNote: "timesheets for May checked on site",
};

const ACTIONS: CapAction[] = ["submit", "reject", "accept", "verify", "close"];

const EXPECTED: Record<string, { to: CapStatus; roles: AssessmentRole[] }> = {
  "open/submit": { to: "submitted", roles: ["enterprise"] },
  "rejected/submit": { to: "submitted", roles: ["enterprise"] },
  "submitted/reject": { to: "rejected", roles: ["auditor"] },
  "submitted/accept": { to: "accepted", roles: ["auditor"] },
  "accepted/verify": { to: "verified", roles: ["auditor"] },
  "verified/close": { to: "closed", roles: ["auditor", "regulator", "admin"] },
};

describe("CAP transitions: every status × action × role", () => {
  test("the implementation's table is the expected one", () => {
    assert.deepEqual(
      Object.fromEntries(
        CAP_TRANSITIONS.map((t) => [`${t.from}/${t.action}`, { to: t.to, roles: [...t.roles] }]),
      ),
      EXPECTED,
    );
  });
  for (const status of CAP_STATUSES) {
    for (const action of ACTIONS) {
      for (const role of ASSESSMENT_ROLES) {
        const e = EXPECTED[`${status}/${action}`];
        const want =
          status === "closed"
            ? "cap_closed"
            : !e
              ? "action_not_allowed_in_status"
              : !e.roles.includes(role)
                ? "role_not_allowed"
                : `→ ${e.to}`;
        test(`${status} · ${action} · ${role}: ${want}`, () => {
          const r = applyCapAction(status, action, role, FULL_CTX);
          if (want.startsWith("→")) {
            assert.ok(r.ok, JSON.stringify(r));
            assert.equal(r.to, e?.to);
          } else {
            assert.ok(!r.ok);
            assert.equal(r.code, want);
          }
        });
      }
    }
  }
});

describe("CAP guards", () => {
  const cases: {
    status: CapStatus;
    action: CapAction;
    role: AssessmentRole;
    ctx: CapContext;
    code: string;
  }[] = [
    {
      status: "open",
      action: "submit",
      role: "enterprise",
      ctx: { ...FULL_CTX, rootCause: "" },
      code: "root_cause_missing",
    },
    {
      status: "open",
      action: "submit",
      role: "enterprise",
      ctx: { ...FULL_CTX, correctiveAction: undefined },
      code: "corrective_action_missing",
    },
    {
      status: "rejected",
      action: "submit",
      role: "enterprise",
      ctx: { ...FULL_CTX, evidenceFiles: 0 },
      code: "evidence_missing",
    },
    {
      status: "submitted",
      action: "reject",
      role: "auditor",
      ctx: { comment: " " },
      code: "comment_missing",
    },
    { status: "accepted", action: "verify", role: "auditor", ctx: {}, code: "verification_missing" },
    {
      status: "pending" as CapStatus,
      action: "submit",
      role: "enterprise",
      ctx: FULL_CTX,
      code: "status_unknown",
    },
    {
      status: "open",
      action: "approve" as CapAction,
      role: "enterprise",
      ctx: FULL_CTX,
      code: "action_unknown",
    },
    {
      status: "open",
      action: "submit",
      role: "buyer" as AssessmentRole,
      ctx: FULL_CTX,
      code: "role_unknown",
    },
  ];
  for (const c of cases) {
    test(`${c.status} · ${c.action} → ${c.code}`, () => {
      const r = applyCapAction(c.status, c.action, c.role, c.ctx);
      assert.ok(!r.ok);
      assert.equal(r.code, c.code);
    });
  }

  test("evidence is only demanded where the item requires it", () => {
    const r = applyCapAction("open", "submit", "enterprise", { rootCause: "x", correctiveAction: "y" });
    assert.ok(r.ok);
  });

  test("reject → submit loops any number of times, then accept → verify → close", () => {
    let s: CapStatus = "open";
    const run: [CapAction, AssessmentRole][] = [
      ["submit", "enterprise"],
      ["reject", "auditor"],
      ["submit", "enterprise"],
      ["reject", "auditor"],
      ["submit", "enterprise"],
      ["accept", "auditor"],
      ["verify", "auditor"],
      ["close", "regulator"],
    ];
    for (const [action, role] of run) {
      const r = applyCapAction(s, action, role, FULL_CTX);
      assert.ok(r.ok, `${action}: ${JSON.stringify(r)}`);
      s = r.to;
    }
    assert.equal(s, "closed");
  });

  test("allowed actions per status and role", () => {
    assert.deepEqual(capAllowedActions("open", "enterprise", FULL_CTX), ["submit"]);
    assert.deepEqual(capAllowedActions("open", "enterprise", {}), []);
    assert.deepEqual(capAllowedActions("submitted", "auditor", FULL_CTX), ["reject", "accept"]);
    assert.deepEqual(capAllowedActions("submitted", "auditor", {}), ["accept"]);
    assert.deepEqual(capAllowedActions("submitted", "enterprise", FULL_CTX), []);
    assert.deepEqual(capAllowedActions("verified", "admin", {}), ["close"]);
    assert.deepEqual(capAllowedActions("closed", "admin", FULL_CTX), []);
  });
});

describe("CAP deadlines", () => {
  const cases: {
    status: CapStatus;
    deadline: string;
    today: string;
    daysLeft: number;
    overdue: boolean;
    on: string | null;
  }[] = [
    {
      status: "open",
      deadline: "2024-06-30",
      today: "2024-06-23",
      daysLeft: 7,
      overdue: false,
      on: "enterprise",
    },
    {
      status: "open",
      deadline: "2024-06-30",
      today: "2024-06-30",
      daysLeft: 0,
      overdue: false,
      on: "enterprise",
    },
    {
      status: "open",
      deadline: "2024-06-30",
      today: "2024-07-01",
      daysLeft: -1,
      overdue: true,
      on: "enterprise",
    },
    {
      status: "rejected",
      deadline: "2024-02-28",
      today: "2024-03-01",
      daysLeft: -2,
      overdue: true,
      on: "enterprise",
    },
    {
      status: "submitted",
      deadline: "2024-06-30",
      today: "2024-07-10",
      daysLeft: -10,
      overdue: false,
      on: "auditor",
    },
    {
      status: "accepted",
      deadline: "2024-06-30",
      today: "2024-07-10",
      daysLeft: -10,
      overdue: false,
      on: "auditor",
    },
    {
      status: "closed",
      deadline: "2024-06-30",
      today: "2024-07-10",
      daysLeft: -10,
      overdue: false,
      on: null,
    },
    {
      status: "open",
      deadline: "2024-12-31",
      today: "2025-01-01",
      daysLeft: -1,
      overdue: true,
      on: "enterprise",
    },
  ];
  for (const c of cases) {
    test(`${c.status}, deadline ${c.deadline}, today ${c.today}: ${c.overdue ? "overdue" : "not overdue"}`, () => {
      const r = capDeadlineState(c, c.today);
      assert.ok(r.ok);
      assert.equal(r.daysLeft, c.daysLeft);
      assert.equal(r.overdue, c.overdue);
      assert.equal(r.daysOverdue, c.overdue ? -c.daysLeft : 0);
      assert.equal(r.waitingOn, c.on);
    });
  }

  test("invalid dates are reported, not thrown", () => {
    assert.equal(capDeadlineState({ status: "open", deadline: "2024-02-30" }, "2024-01-01").ok, false);
    assert.equal(capDeadlineState({ status: "open", deadline: "2024-02-28" }, "01/01/2024").ok, false);
  });
});

describe("CAP reminders", () => {
  const item = (over: Partial<{ status: CapStatus; deadline: string; lastRemindedOn: string }> = {}) => ({
    id: "cap-1",
    status: "open" as CapStatus,
    deadline: "2024-06-30",
    ...over,
  });
  const cases: {
    name: string;
    today: string;
    item: ReturnType<typeof item>;
    want: null | [string, number, number];
  }[] = [
    { name: "too early", today: "2024-06-22", item: item(), want: null },
    { name: "7 days before", today: "2024-06-23", item: item(), want: ["upcoming", 7, 7] },
    {
      name: "inside the 7-day window, not yet reminded (a missed run)",
      today: "2024-06-25",
      item: item(),
      want: ["upcoming", 5, 7],
    },
    {
      name: "inside the 7-day window, already reminded",
      today: "2024-06-25",
      item: item({ lastRemindedOn: "2024-06-23" }),
      want: null,
    },
    {
      name: "1 day before, reminded for the 7-day window only",
      today: "2024-06-29",
      item: item({ lastRemindedOn: "2024-06-23" }),
      want: ["upcoming", 1, 1],
    },
    {
      name: "on the deadline, already reminded for the 1-day window",
      today: "2024-06-30",
      item: item({ lastRemindedOn: "2024-06-29" }),
      want: null,
    },
    {
      name: "the day after the deadline: overdue",
      today: "2024-07-01",
      item: item({ lastRemindedOn: "2024-06-29" }),
      want: ["overdue", -1, 0],
    },
    {
      name: "overdue reminder sent once",
      today: "2024-07-05",
      item: item({ lastRemindedOn: "2024-07-01" }),
      want: null,
    },
    {
      name: "submitted items wait on the auditor",
      today: "2024-06-29",
      item: item({ status: "submitted" }),
      want: null,
    },
    {
      name: "rejected items are reminded",
      today: "2024-06-29",
      item: item({ status: "rejected" }),
      want: ["upcoming", 1, 1],
    },
    { name: "closed items never", today: "2024-07-05", item: item({ status: "closed" }), want: null },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { reminders, issues } = capRemindersDue([c.item], c.today);
      assert.deepEqual(issues, []);
      if (c.want === null) assert.deepEqual(reminders, []);
      else {
        const [kind, daysLeft, threshold] = c.want;
        assert.deepEqual(reminders, [{ id: "cap-1", kind, daysLeft, threshold }]);
      }
    });
  }

  test("custom thresholds, and running the same day twice sends once", () => {
    const first = capRemindersDue([item()], "2024-06-16", [14, 3]);
    assert.deepEqual(first.reminders, [{ id: "cap-1", kind: "upcoming", daysLeft: 14, threshold: 14 }]);
    const again = capRemindersDue([item({ lastRemindedOn: "2024-06-16" })], "2024-06-16", [14, 3]);
    assert.deepEqual(again.reminders, []);
  });

  test("bad dates become issues; other items still get reminders", () => {
    const r = capRemindersDue(
      [
        item({ deadline: "2024-13-01" }),
        { ...item(), id: "cap-2", lastRemindedOn: "yesterday" },
        { ...item(), id: "cap-3" },
      ],
      "2024-06-29",
    );
    assert.deepEqual(
      r.issues.map((i) => [i.id, i.code]),
      [
        ["cap-1", "date_invalid"],
        ["cap-2", "date_invalid"],
      ],
    );
    assert.deepEqual(
      r.reminders.map((x) => x.id),
      ["cap-3"],
    );
    assert.equal(capRemindersDue([item()], "June").issues[0]?.code, "date_invalid");
  });
});
