import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { workingDaysBetween } from "./calendar.ts";
import { actorOf, context, NOW, sh, stateFor, validAction } from "./testing.ts";
import {
  ACTOR_KINDS,
  applyCaseAction,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseActionResult,
  type CaseActor,
  type CaseContext,
  type CaseState,
  caseActionOffers,
  caseAllowedActions,
  DEFAULT_WORKFLOW_POLICY,
  newCaseState,
  validateWorkflowPolicy,
} from "./workflow.ts";

function ok(r: CaseActionResult): CaseState {
  if (!r.ok) assert.fail(`refused: ${r.code} (${r.message})`);
  return r.state;
}

function code(r: CaseActionResult): string | null {
  return r.ok ? null : r.code;
}

const COORD: CaseActor = { kind: "coordinator" };
const SUBMITTER: CaseActor = { kind: "submitter" };
const SYSTEM: CaseActor = { kind: "system" };
const D1: CaseActor = { kind: "department", departmentId: "D1" };
const D2: CaseActor = { kind: "department", departmentId: "D2" };

describe("the transition table, every status × action × actor kind", () => {
  test("sanity: 8 statuses, 15 actions, 4 actor kinds", () => {
    assert.equal(CASE_STATUSES.length, 8);
    assert.equal(CASE_TRANSITIONS.length, 15);
    assert.equal(new Set(CASE_TRANSITIONS.map((t) => t.action)).size, 15);
    assert.equal(ACTOR_KINDS.length, 4);
  });

  for (const t of CASE_TRANSITIONS) {
    for (const status of CASE_STATUSES) {
      const verdicts = ACTOR_KINDS.map((k) =>
        !t.from.includes(status) ? "status" : t.actors.includes(k) ? "ok" : "actor",
      );
      test(`${t.action} from ${status}: ${ACTOR_KINDS.map((k, i) => `${k} ${verdicts[i]}`).join(", ")}`, () => {
        ACTOR_KINDS.forEach((kind, i) => {
          const before = stateFor(status, t.action);
          const r = applyCaseAction(before, validAction(t.action), actorOf(kind), context());
          if (verdicts[i] === "ok") {
            const after = ok(r);
            const to = t.to === "unchanged" ? [status] : t.to;
            assert.ok(to.includes(after.status), `${t.action} by ${kind}: ${after.status} not in ${to}`);
          } else {
            assert.equal(code(r), verdicts[i] === "status" ? "status_forbids" : "actor_forbidden", kind);
          }
        });
      });
    }
  }

  test("caseAllowedActions offers exactly the table's actions when no other guard blocks", () => {
    for (const status of CASE_STATUSES) {
      for (const kind of ACTOR_KINDS) {
        const expected = CASE_TRANSITIONS.filter((t) => t.from.includes(status) && t.actors.includes(kind))
          .map((t) => t.action)
          // assign needs an unrouted case, transfer a routed one: the permissive state is routed.
          .filter((a) => a !== "assign");
        assert.deepEqual(
          caseAllowedActions(stateFor(status), actorOf(kind), context()),
          expected,
          `${status}/${kind}`,
        );
      }
    }
  });
});

describe("who may act", () => {
  test("a department acts only on cases assigned to it", () => {
    const s = stateFor("acknowledged");
    for (const a of ["start", "answer", "decline"] as const) {
      assert.equal(code(applyCaseAction(s, validAction(a), D2, context())), "not_assigned_department", a);
      assert.equal(code(applyCaseAction(s, validAction(a), D1, context())), null, a);
    }
    const unrouted = { ...stateFor("new"), departmentId: null };
    assert.equal(
      code(applyCaseAction(unrouted, { type: "acknowledge" }, D1, context())),
      "not_assigned_department",
    );
    assert.equal(code(applyCaseAction(unrouted, { type: "acknowledge" }, COORD, context())), null);
    assert.deepEqual(caseAllowedActions(s, D2, context()), []);
    assert.deepEqual(
      caseActionOffers(s, D2, context()).map((o) => [o.action, o.blockedBy]),
      [
        ["decline", "not_assigned_department"],
        ["start", "not_assigned_department"],
        ["answer", "not_assigned_department"],
      ],
    );
  });

  test("unknown status, action and actor are refused", () => {
    const bad = { ...stateFor("new"), status: "archived" } as unknown as CaseState;
    assert.equal(code(applyCaseAction(bad, { type: "acknowledge" }, COORD, context())), "status_unknown");
    const action = { type: "approve" } as unknown as CaseAction;
    assert.equal(code(applyCaseAction(stateFor("new"), action, COORD, context())), "action_unknown");
    const actor = { kind: "mayor" } as unknown as CaseActor;
    assert.equal(
      code(applyCaseAction(stateFor("new"), { type: "acknowledge" }, actor, context())),
      "actor_unknown",
    );
  });
});

describe("routing: assign, transfer, decline", () => {
  test("assign only an unrouted case to a known department", () => {
    const unrouted = stateFor("new", "assign");
    assert.equal(
      ok(applyCaseAction(unrouted, { type: "assign", departmentId: "D3" }, COORD, context())).departmentId,
      "D3",
    );
    assert.equal(
      code(applyCaseAction(unrouted, { type: "assign", departmentId: "D9" }, COORD, context())),
      "department_unknown",
    );
    assert.equal(
      code(applyCaseAction(unrouted, { type: "assign", departmentId: "" }, COORD, context())),
      "department_unknown",
    );
    assert.equal(
      code(
        applyCaseAction(
          unrouted,
          { type: "assign", departmentId: "D1" },
          COORD,
          context({ departmentExists: undefined }),
        ),
      ),
      "department_unknown",
    );
    assert.equal(
      code(applyCaseAction(stateFor("new"), { type: "assign", departmentId: "D2" }, COORD, context())),
      "department_already_assigned",
    );
  });

  test("transfer keeps the status and the clock, changes the department, needs a reason", () => {
    const s = stateFor("acknowledged");
    const after = ok(
      applyCaseAction(s, { type: "transfer", departmentId: "D2", reason: "not ours" }, COORD, context()),
    );
    assert.equal(after.status, "acknowledged");
    assert.equal(after.departmentId, "D2");
    assert.deepEqual(after.submittedAt, s.submittedAt);
    assert.deepEqual(after.acknowledgedAt, s.acknowledgedAt);
    const t = (departmentId: string, reason: string) =>
      code(applyCaseAction(s, { type: "transfer", departmentId, reason }, COORD, context()));
    assert.equal(t("D2", "  "), "reason_required");
    assert.equal(t("D1", "x"), "transfer_same_department");
    assert.equal(t("D9", "x"), "department_unknown");
    const unrouted = { ...s, departmentId: null };
    assert.equal(
      code(
        applyCaseAction(unrouted, { type: "transfer", departmentId: "D2", reason: "x" }, COORD, context()),
      ),
      "department_not_assigned",
    );
  });

  test("a department hands a misrouted case back with a reason", () => {
    const s = stateFor("inProgress");
    const after = ok(applyCaseAction(s, { type: "decline", reason: "市场监管局的事" }, D1, context()));
    assert.equal(after.departmentId, null);
    assert.equal(after.status, "inProgress");
    assert.equal(code(applyCaseAction(s, { type: "decline", reason: "" }, D1, context())), "reason_required");
  });
});

describe("working a case", () => {
  test("the whole loop: submit, route, acknowledge, start, answer, rate satisfied", () => {
    let s = newCaseState(sh("2025-03-03T09:00"));
    const at = (local: string) => context({ now: sh(local) });
    s = ok(applyCaseAction(s, { type: "assign", departmentId: "D1" }, COORD, at("2025-03-03T10:00")));
    s = ok(applyCaseAction(s, { type: "acknowledge" }, D1, at("2025-03-03T11:00")));
    assert.deepEqual(s.acknowledgedAt, sh("2025-03-03T11:00"));
    s = ok(applyCaseAction(s, { type: "start" }, D1, at("2025-03-04T09:00")));
    assert.equal(s.status, "inProgress");
    s = ok(applyCaseAction(s, { type: "answer", reply: "已协调解决" }, D1, at("2025-03-06T15:00")));
    assert.equal(s.status, "answered");
    assert.deepEqual([s.firstAnsweredAt, s.answeredAt, s.resolvedAt], Array(3).fill(sh("2025-03-06T15:00")));
    s = ok(applyCaseAction(s, { type: "rate", rating: "satisfied" }, SUBMITTER, at("2025-03-07T08:00")));
    assert.equal(s.status, "closed");
    assert.deepEqual(s.closedAt, sh("2025-03-07T08:00"));
    assert.deepEqual(s.rating, { rating: "satisfied", at: sh("2025-03-07T08:00") });
  });

  test("start and answer from new acknowledge implicitly", () => {
    const s = ok(applyCaseAction(stateFor("new"), { type: "start" }, D1, context()));
    assert.deepEqual(s.acknowledgedAt, NOW);
    const a = ok(applyCaseAction(stateFor("new"), validAction("answer"), COORD, context()));
    assert.deepEqual([a.acknowledgedAt, a.firstAnsweredAt], [NOW, NOW]);
  });

  test("an answer needs a public reply", () => {
    assert.equal(
      code(applyCaseAction(stateFor("inProgress"), { type: "answer", reply: " \n" }, D1, context())),
      "reply_required",
    );
  });

  test("a second answer keeps the first answer's time", () => {
    const first = sh("2025-03-04T10:00");
    const s = { ...stateFor("inProgress"), firstAnsweredAt: first, answeredAt: first, reopenCount: 1 };
    const after = ok(applyCaseAction(s, validAction("answer"), D1, context()));
    assert.deepEqual(after.firstAnsweredAt, first);
    assert.deepEqual(after.answeredAt, NOW);
  });

  test("escalate counts supervision and needs a reason", () => {
    const s = ok(
      applyCaseAction(stateFor("inProgress"), { type: "escalate", reason: "overdue" }, SYSTEM, context()),
    );
    assert.equal(s.escalations, 1);
    assert.equal(s.status, "inProgress");
    assert.equal(
      code(applyCaseAction(s, { type: "escalate", reason: "" }, COORD, context())),
      "reason_required",
    );
  });
});

describe("satisfaction", () => {
  test("basically satisfied closes too", () => {
    const s = ok(
      applyCaseAction(stateFor("answered"), { type: "rate", rating: "basically" }, SUBMITTER, context()),
    );
    assert.equal(s.status, "closed");
  });

  test("not satisfied needs a comment, reopens the case and escalates it", () => {
    const s = stateFor("answered");
    assert.equal(
      code(applyCaseAction(s, { type: "rate", rating: "notSatisfied" }, SUBMITTER, context())),
      "comment_required",
    );
    const after = ok(
      applyCaseAction(s, { type: "rate", rating: "notSatisfied", comment: "仍未解决" }, SUBMITTER, context()),
    );
    assert.equal(after.status, "inProgress");
    assert.equal(after.reopenCount, 1);
    assert.equal(after.escalations, 1);
    assert.deepEqual(after.reopenedAt, NOW);
    assert.equal(after.resolvedAt, null);
    assert.equal(after.rating, null); // the next answer is rated afresh
  });

  test("not satisfied at the reopen limit only escalates: the coordinator decides", () => {
    const s = { ...stateFor("answered"), reopenCount: DEFAULT_WORKFLOW_POLICY.maxReopens };
    const after = ok(
      applyCaseAction(s, { type: "rate", rating: "notSatisfied", comment: "还是不行" }, SUBMITTER, context()),
    );
    assert.equal(after.status, "answered");
    assert.equal(after.escalations, 1);
    assert.equal(after.rating?.rating, "notSatisfied");
    assert.equal(
      code(applyCaseAction(after, { type: "close" }, SYSTEM, context())),
      "coordinator_decision_pending",
    );
    assert.equal(code(applyCaseAction(after, validAction("rate"), SUBMITTER, context())), "already_rated");
    assert.equal(ok(applyCaseAction(after, { type: "close" }, COORD, context())).status, "closed");
    assert.equal(ok(applyCaseAction(after, validAction("reopen"), COORD, context())).status, "inProgress");
  });

  test("not satisfied after the reopen period only escalates", () => {
    const s = { ...stateFor("answered"), answeredAt: sh("2025-02-20T10:00") };
    const after = ok(
      applyCaseAction(s, { type: "rate", rating: "notSatisfied", comment: "没解决" }, SUBMITTER, context()),
    );
    assert.equal(after.status, "answered");
  });

  test("an unknown rating is refused", () => {
    const rate = { type: "rate", rating: "meh" } as unknown as CaseAction;
    assert.equal(code(applyCaseAction(stateFor("answered"), rate, SUBMITTER, context())), "rating_invalid");
  });
});

describe("closing and reopening", () => {
  test("the system closes an unrated answer only after the period", () => {
    const answered = (at: Date) => ({ ...stateFor("answered"), answeredAt: at });
    // 10 working days after Thursday 03-06 is Thursday 03-20.
    assert.equal(workingDaysBetween(context().calendar, sh("2025-03-06T10:00"), NOW), 10);
    assert.equal(
      ok(applyCaseAction(answered(sh("2025-03-06T10:00")), { type: "close" }, SYSTEM, context())).status,
      "closed",
    );
    assert.equal(
      code(applyCaseAction(answered(sh("2025-03-07T10:00")), { type: "close" }, SYSTEM, context())),
      "auto_close_not_due",
    );
    assert.equal(
      ok(applyCaseAction(answered(sh("2025-03-19T10:00")), { type: "close" }, COORD, context())).status,
      "closed",
    );
  });

  test("the submitter reopens within 15 working days of the answer, across holidays", () => {
    // Answered the Monday before the 2025 Spring Festival: 15 working days end on Monday 2025-02-24, because
    // the break (01-28 … 02-04) does not count and Saturday 02-08 does (02-05 … 02-08 are days 1–4).
    const s = { ...stateFor("closed"), answeredAt: sh("2025-01-27T16:00") };
    const at = (local: string) => context({ now: sh(local) });
    assert.equal(
      ok(applyCaseAction(s, validAction("reopen"), SUBMITTER, at("2025-02-24T23:59"))).status,
      "inProgress",
    );
    assert.equal(
      code(applyCaseAction(s, validAction("reopen"), SUBMITTER, at("2025-02-25T00:00"))),
      "reopen_period_expired",
    );
    assert.equal(
      ok(applyCaseAction(s, validAction("reopen"), COORD, at("2025-06-01T10:00"))).status,
      "inProgress",
    );
  });

  test("the period rolls over rest days: a 16th-day weekend is still inside", () => {
    const s = { ...stateFor("answered"), answeredAt: sh("2025-03-07T10:00") }; // a Friday
    // 15 working days after 03-07 is Friday 03-28; Saturday 03-29 adds none.
    assert.equal(
      ok(applyCaseAction(s, validAction("reopen"), SUBMITTER, context({ now: sh("2025-03-29T12:00") })))
        .status,
      "inProgress",
    );
    assert.equal(
      code(applyCaseAction(s, validAction("reopen"), SUBMITTER, context({ now: sh("2025-03-31T08:00") }))),
      "reopen_period_expired",
    );
  });

  test("the submitter's reopens are limited; the coordinator's are not", () => {
    const s = { ...stateFor("closed"), reopenCount: 2 };
    assert.equal(
      code(applyCaseAction(s, validAction("reopen"), SUBMITTER, context())),
      "reopen_limit_reached",
    );
    const after = ok(applyCaseAction(s, validAction("reopen"), COORD, context()));
    assert.equal(after.reopenCount, 3);
    assert.equal(after.closedAt, null);
    assert.equal(
      code(applyCaseAction(stateFor("closed"), { type: "reopen", reason: "" }, SUBMITTER, context())),
      "reason_required",
    );
  });

  test("policy can be changed per deployment", () => {
    const s = { ...stateFor("closed"), reopenCount: 2 };
    assert.equal(
      code(applyCaseAction(s, validAction("reopen"), SUBMITTER, context({ policy: { maxReopens: 3 } }))),
      null,
    );
    assert.equal(
      code(
        applyCaseAction(
          stateFor("closed"),
          validAction("reopen"),
          SUBMITTER,
          context({ policy: { reopenWithinWorkingDays: 5 } }),
        ),
      ),
      "reopen_period_expired",
    );
    assert.deepEqual(validateWorkflowPolicy(DEFAULT_WORKFLOW_POLICY), []);
    assert.deepEqual(
      validateWorkflowPolicy({
        reopenWithinWorkingDays: -1,
        autoCloseAfterWorkingDays: 1.5,
        maxReopens: 0,
      }).map((i) => i.path),
      ["reopenWithinWorkingDays", "autoCloseAfterWorkingDays"],
    );
  });
});

describe("end states", () => {
  test("not responsible, withdrawn and duplicate end the loop", () => {
    const s = stateFor("inProgress");
    const nr = ok(
      applyCaseAction(s, { type: "markNotResponsible", reason: "属上海市管辖" }, COORD, context()),
    );
    assert.deepEqual([nr.status, nr.closedAt, nr.resolvedAt], ["notResponsible", NOW, NOW]);
    assert.equal(
      code(applyCaseAction(s, { type: "markNotResponsible", reason: "" }, COORD, context())),
      "reason_required",
    );
    assert.equal(ok(applyCaseAction(s, { type: "withdraw" }, SUBMITTER, context())).status, "withdrawn");
    assert.equal(code(applyCaseAction(s, { type: "withdraw" }, COORD, context())), "reason_required");
  });

  test("reinstate undoes not responsible and duplicate, not a withdrawal", () => {
    const dup = ok(applyCaseAction(stateFor("new"), validAction("markDuplicate"), COORD, context()));
    assert.equal(dup.duplicateOf, "C2");
    const back = ok(applyCaseAction(dup, validAction("reinstate"), COORD, context()));
    assert.deepEqual(
      [back.status, back.duplicateOf, back.closedAt, back.resolvedAt],
      ["new", null, null, null],
    );
    assert.equal(
      code(applyCaseAction(stateFor("withdrawn"), validAction("reinstate"), COORD, context())),
      "status_forbids",
    );
  });
});

describe("merging duplicates", () => {
  const merge = (ctx: Partial<CaseContext>, duplicateOf = "C2") =>
    code(
      applyCaseAction(stateFor("acknowledged"), { type: "markDuplicate", duplicateOf }, COORD, context(ctx)),
    );

  test("into an existing original that is not itself a duplicate or ended", () => {
    assert.equal(merge({}), null);
    assert.equal(merge({ duplicateTarget: { id: "C2", status: "closed", duplicateOf: null } }), null);
    assert.equal(merge({}, "C1"), "duplicate_of_self");
    assert.equal(merge({ duplicateTarget: null }), "duplicate_target_missing");
    assert.equal(
      merge({ duplicateTarget: { id: "C3", status: "new", duplicateOf: null } }),
      "duplicate_target_missing",
    );
    assert.equal(
      merge({ duplicateTarget: { id: "C2", status: "duplicate", duplicateOf: "C9" } }),
      "duplicate_target_is_duplicate",
    );
    assert.equal(
      merge({ duplicateTarget: { id: "C2", status: "new", duplicateOf: "C9" } }),
      "duplicate_target_is_duplicate",
    );
    assert.equal(
      merge({ duplicateTarget: { id: "C2", status: "withdrawn", duplicateOf: null } }),
      "duplicate_target_ended",
    );
    assert.equal(
      merge({ duplicateTarget: { id: "C2", status: "notResponsible", duplicateOf: null } }),
      "duplicate_target_ended",
    );
  });

  test("a case others point at cannot become a duplicate until they are re-pointed", () => {
    assert.equal(merge({ duplicateCount: 2 }), "duplicate_has_duplicates");
    const offers = caseActionOffers(stateFor("new"), COORD, context({ duplicateCount: 1 }));
    assert.equal(offers.find((o) => o.action === "markDuplicate")?.blockedBy, "duplicate_has_duplicates");
  });
});

describe("splitting", () => {
  test("parts are new unrouted cases on the original's clock; the original is unchanged", () => {
    const s = stateFor("inProgress");
    const r = applyCaseAction(s, { type: "split", parts: 3 }, COORD, context());
    assert.ok(r.ok);
    assert.deepEqual(r.state, s);
    assert.equal(r.parts.length, 3);
    for (const p of r.parts) {
      assert.deepEqual(p, newCaseState(s.submittedAt));
    }
  });

  test("1 to 50 parts", () => {
    for (const parts of [0, 51, 1.5, Number.NaN]) {
      assert.equal(
        code(applyCaseAction(stateFor("new"), { type: "split", parts }, COORD, context())),
        "split_parts_invalid",
      );
    }
    const r = applyCaseAction(stateFor("new"), { type: "answer", reply: "x" }, COORD, context());
    assert.deepEqual(r.ok && r.parts, []);
  });
});
