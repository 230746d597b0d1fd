import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { seededRandom } from "../random.ts";
import { actorOf, context, sh, validAction } from "./testing.ts";
import {
  ACTOR_KINDS,
  applyCaseAction,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseState,
  caseAllowedActions,
  FINISHED_CASE_STATUSES,
  newCaseState,
  OPEN_CASE_STATUSES,
  SATISFACTION_RATINGS,
} from "./workflow.ts";

const RUNS = 300;
const STEPS = 40;

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}

/** A valid payload, sometimes varied (ratings, departments) so every branch is walked. */
function randomAction(rand: () => number, type: CaseAction["type"], s: CaseState): CaseAction {
  if (type === "rate") {
    const rating = pick(rand, SATISFACTION_RATINGS);
    return { type, rating, comment: "理由" };
  }
  if (type === "transfer") {
    return {
      type,
      departmentId: pick(
        rand,
        ["D1", "D2", "D3"].filter((d) => d !== s.departmentId),
      ),
      reason: "r",
    };
  }
  if (type === "assign") return { type, departmentId: pick(rand, ["D1", "D2", "D3"]) };
  return validAction(type);
}

function invariants(s: CaseState): void {
  if (OPEN_CASE_STATUSES.includes(s.status)) assert.equal(s.resolvedAt, null, "open cases owe work");
  if (FINISHED_CASE_STATUSES.includes(s.status)) assert.ok(s.closedAt, "finished cases have a closing time");
  else assert.equal(s.closedAt, null);
  if (s.status === "answered") assert.ok(s.answeredAt && s.resolvedAt);
  assert.equal(s.status === "duplicate", s.duplicateOf !== null);
  if (s.firstAnsweredAt) {
    assert.ok(s.answeredAt && s.firstAnsweredAt.getTime() <= s.answeredAt.getTime());
    assert.ok(s.acknowledgedAt && s.acknowledgedAt.getTime() <= s.firstAnsweredAt.getTime());
  }
  assert.ok(s.reopenCount >= 0 && s.escalations >= 0);
}

describe("workflow properties", () => {
  test("random journeys keep the invariants; every offered action succeeds; refusals change nothing", () => {
    const rand = seededRandom(5);
    const seen = new Set<string>();
    for (let run = 0; run < RUNS; run++) {
      let now = sh("2025-01-02T09:00").getTime();
      let s = newCaseState(new Date(now), rand() < 0.5 ? "D1" : null);
      for (let step = 0; step < STEPS; step++) {
        now += Math.floor(rand() * 3 * 86_400_000);
        const ctx = context({ now: new Date(now), duplicateCount: rand() < 0.1 ? 1 : 0 });
        const kind = pick(rand, ACTOR_KINDS);
        const actor = actorOf(kind, pick(rand, ["D1", "D2"]));
        const offered = caseAllowedActions(s, actor, ctx);
        const type =
          rand() < 0.8 && offered.length > 0 ? pick(rand, offered) : pick(rand, CASE_TRANSITIONS).action;
        const before = structuredClone(s);
        const r = applyCaseAction(s, randomAction(rand, type, s), actor, ctx);
        assert.deepEqual(s, before, "the input state is never mutated");
        if (offered.includes(type)) assert.ok(r.ok, `${type} was offered to ${kind} in ${s.status}`);
        if (!r.ok) continue;
        const t = CASE_TRANSITIONS.find((x) => x.action === type);
        const to = t?.to === "unchanged" ? [s.status] : (t?.to ?? []);
        assert.ok(to.includes(r.state.status), `${type}: ${s.status} → ${r.state.status}`);
        seen.add(`${s.status}→${r.state.status}`);
        s = r.state;
        invariants(s);
      }
    }
    // The walk reached every kind of move, including both outcomes of a rating.
    for (const edge of [
      "answered→closed",
      "answered→inProgress",
      "closed→inProgress",
      "duplicate→new",
      "inProgress→withdrawn",
    ]) {
      assert.ok(seen.has(edge), edge);
    }
  });
});
