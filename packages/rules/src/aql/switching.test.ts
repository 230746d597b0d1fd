import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { AqlInputError } from "./errors.ts";
import { samplingPlan } from "./plan.ts";
import {
  initialSwitchingState,
  type LotEvent,
  nextSwitchingState,
  type SwitchingEvent,
  type SwitchingState,
  type SwitchingTransition,
  switchingLotEvent,
  verdict,
} from "./switching.ts";

function throwsField(fn: () => unknown, field: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AqlInputError, `expected AqlInputError, got ${String(e)}`);
    assert.equal(e.field, field);
    return true;
  });
}

/** A lot judged with Ac 0 or 1 (the score then moves in steps of 2). */
const lot = (accepted: boolean, extra: Partial<LotEvent> = {}): LotEvent => ({
  type: "lot",
  accepted,
  acceptanceNumber: 1,
  ...extra,
});
const A = lot(true);
const X = lot(false);

function run(
  events: SwitchingEvent[],
  start: SwitchingState = initialSwitchingState(),
): SwitchingTransition[] {
  const out: SwitchingTransition[] = [];
  let state = start;
  for (const e of events) {
    const t = nextSwitchingState(state, e);
    out.push(t);
    state = t.state;
  }
  return out;
}

function last(ts: SwitchingTransition[]): SwitchingTransition {
  const t = ts[ts.length - 1];
  assert.ok(t);
  return t;
}

function deepFreeze<T>(o: T): T {
  if (typeof o === "object" && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

const onTightened: SwitchingState = { ...initialSwitchingState(), stage: "tightened" };
const onReduced: SwitchingState = { ...initialSwitchingState(), stage: "reduced" };

describe("verdict", () => {
  test("single plan: accepted at Ac, rejected at Re", () => {
    const plan = samplingPlan({ lotSize: 1200, level: "II", aql: 2.5, stage: "normal" });
    assert.equal(verdict(plan, 0).result, "accepted");
    assert.equal(verdict(plan, 5).result, "accepted");
    assert.deepEqual(verdict(plan, 6), {
      result: "rejected",
      accepted: false,
      classes: [{ defectClass: null, defects: 6, accept: 5, reject: 6, result: "rejected" }],
    });
  });

  test("full inspection keeps the plan's Ac/Re", () => {
    const plan = samplingPlan({ lotSize: 10, level: "III", aql: 0.65, stage: "normal" });
    assert.equal(plan.fullInspection, true);
    assert.equal(verdict(plan, 0).accepted, true);
    assert.equal(verdict(plan, 1).accepted, false);
  });

  const plans = {
    critical: { accept: 0, reject: 1 },
    major: { accept: 5, reject: 6 },
    minor: { accept: 7, reject: 8 },
  };

  test("classes combined: accepted only if every class is accepted", () => {
    const ok = verdict(plans, { critical: 0, major: 5, minor: 7 });
    assert.equal(ok.result, "accepted");
    assert.deepEqual(
      ok.classes.map((c) => [c.defectClass, c.result]),
      [
        ["critical", "accepted"],
        ["major", "accepted"],
        ["minor", "accepted"],
      ],
    );
    const oneCritical = verdict(plans, { critical: 1, major: 0, minor: 0 });
    assert.equal(oneCritical.result, "rejected");
    assert.deepEqual(
      oneCritical.classes.map((c) => c.result),
      ["rejected", "accepted", "accepted"],
    );
    assert.equal(verdict(plans, { critical: 0, major: 2, minor: 8 }).result, "rejected");
  });

  test("only the classes given are judged", () => {
    const v = verdict({ major: { accept: 1, reject: 2 } }, { major: 1 });
    assert.deepEqual(
      v.classes.map((c) => c.defectClass),
      ["major"],
    );
    assert.equal(v.accepted, true);
  });

  test("bad input names the field", () => {
    throwsField(() => verdict(plans, { critical: 0, major: 0 }), "defectsFound.minor");
    throwsField(() => verdict({ major: plans.major }, { major: 0, minor: 3 }), "plan.minor");
    throwsField(() => verdict({ cosmetic: plans.major } as never, { cosmetic: 1 } as never), "plan.cosmetic");
    throwsField(() => verdict(plans, { critical: -1, major: 0, minor: 0 }), "defectsFound.critical");
    throwsField(() => verdict(plans.major, 1.5), "defectsFound");
    throwsField(() => verdict(plans.major, { major: 1 } as never), "defectsFound");
    throwsField(() => verdict({ accept: 1, reject: 3 }, 0), "plan");
    throwsField(() => verdict(plans, 3 as never), "defectsFound");
    throwsField(() => verdict({}, {}), "plan");
  });
});

describe("switching: normal ↔ tightened", () => {
  test("starts on normal with score 0", () => {
    assert.deepEqual(initialSwitchingState(), {
      stage: "normal",
      recentNormalResults: [],
      switchingScore: 0,
      consecutiveAcceptedOnTightened: 0,
      notAcceptedOnTightened: 0,
    });
  });

  test("2 not accepted within 5 consecutive lots → tightened", () => {
    const ts = run([A, X, A, A, X]);
    assert.deepEqual(
      ts.map((t) => t.to),
      ["normal", "normal", "normal", "normal", "tightened"],
    );
    const t = last(ts);
    assert.equal(t.changed, true);
    assert.equal(t.reasonKey, "aql.switching.normalToTightened");
    assert.deepEqual(t.reasonParams, { notAccepted: 2, lots: 5 });
    assert.match(t.reason, /2 of the last 5 lots/);
  });

  test("2 in a row → tightened at once", () => {
    assert.equal(last(run([X, X])).to, "tightened");
  });

  test("2 not accepted 6 lots apart stay on normal", () => {
    const ts = run([X, A, A, A, A, X]);
    assert.equal(last(ts).to, "normal");
    assert.equal(last(ts).reasonKey, "aql.switching.stayNormal");
  });

  test("5 consecutive accepted on tightened → normal; a rejection restarts the count", () => {
    const ts = run([A, A, A, X, A, A, A, A, A], onTightened);
    assert.deepEqual(
      ts.map((t) => t.to),
      [...Array(8).fill("tightened"), "normal"],
    );
    assert.equal(last(ts).reasonKey, "aql.switching.tightenedToNormal");
    assert.deepEqual(last(ts).state, initialSwitchingState());
  });

  test("back on normal, the 2-of-5 window starts afresh", () => {
    const ts = run([X, A, A, A, A, A, X], onTightened);
    assert.equal(ts[5]?.to, "normal");
    assert.equal(last(ts).to, "normal");
  });
});

describe("switching: discontinuation", () => {
  test("5 lots not accepted in total on tightened → discontinued", () => {
    const ts = run([X, A, X, A, A, X, X, A, X], onTightened);
    assert.deepEqual(
      ts.map((t) => t.to),
      [...Array(8).fill("tightened"), "discontinued"],
    );
    assert.equal(last(ts).reasonKey, "aql.switching.tightenedToDiscontinued");
    assert.deepEqual(last(ts).reasonParams, { notAccepted: 5 });
  });

  test("from normal: tighten, then discontinue after the 5th rejection on tightened", () => {
    const ts = run([X, X, X, X, X, X, X]);
    assert.deepEqual(
      ts.map((t) => t.to),
      ["normal", "tightened", "tightened", "tightened", "tightened", "tightened", "discontinued"],
    );
  });

  test("lots are ignored while discontinued; resume needs accepted corrective action", () => {
    const stopped: SwitchingState = { ...initialSwitchingState(), stage: "discontinued" };
    const ignored = nextSwitchingState(stopped, A);
    assert.deepEqual(
      [ignored.to, ignored.changed, ignored.reasonKey],
      ["discontinued", false, "aql.switching.discontinuedLotIgnored"],
    );
    const refused = nextSwitchingState(stopped, { type: "resume", correctiveActionAccepted: false });
    assert.deepEqual([refused.to, refused.reasonKey], ["discontinued", "aql.switching.resumeRefused"]);
    const resumed = nextSwitchingState(stopped, { type: "resume", correctiveActionAccepted: true });
    assert.deepEqual([resumed.to, resumed.reasonKey], ["tightened", "aql.switching.resumeToTightened"]);
    assert.deepEqual(resumed.state, onTightened);
  });

  test("resume elsewhere has no effect", () => {
    const t = nextSwitchingState(onTightened, { type: "resume", correctiveActionAccepted: true });
    assert.deepEqual([t.to, t.changed, t.reasonKey], ["tightened", false, "aql.switching.noEffect"]);
  });
});

describe("switching: score and reduced inspection", () => {
  const approved = { productionSteady: true, reducedApproved: true };

  test("Ac 0/1: +2 per accepted lot; reaches 30 on the 15th lot and switches when steady and approved", () => {
    const ts = run(Array.from({ length: 15 }, () => lot(true, approved)));
    assert.deepEqual(
      ts.slice(0, 14).map((t) => t.state.switchingScore),
      [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28],
    );
    assert.equal(ts[13]?.to, "normal");
    const t = last(ts);
    assert.deepEqual([t.to, t.reasonKey], ["reduced", "aql.switching.normalToReduced"]);
    assert.deepEqual(t.reasonParams, { score: 30, threshold: 30 });
  });

  test("Ac ≥ 2: +3 only when the lot also passes one AQL step tighter; otherwise reset", () => {
    const tight = (ok: boolean) => lot(true, { acceptanceNumber: 5, acceptedAtTighterAql: ok });
    const ts = run([tight(true), tight(true), tight(false), tight(true)]);
    assert.deepEqual(
      ts.map((t) => t.state.switchingScore),
      [3, 6, 0, 3],
    );
    const ten = run(Array.from({ length: 10 }, () => ({ ...tight(true), ...approved })));
    assert.equal(ten[8]?.state.switchingScore, 27);
    assert.equal(last(ten).to, "reduced");
  });

  test("a lot not accepted resets the score", () => {
    const ts = run([A, A, A, X, A]);
    assert.deepEqual(
      ts.map((t) => t.state.switchingScore),
      [2, 4, 6, 0, 2],
    );
  });

  test("score ≥ 30 without steady production or approval stays on normal and says why", () => {
    const ts = run(Array.from({ length: 16 }, () => lot(true, { productionSteady: true })));
    const t = last(ts);
    assert.deepEqual(
      [t.to, t.reasonKey, t.state.switchingScore],
      ["normal", "aql.switching.stayNormalReducedConditionsUnmet", 32],
    );
    assert.match(t.reason, /approval by the responsible authority/);
    assert.doesNotMatch(t.reason, /steady production/);
    const next = nextSwitchingState(t.state, lot(true, approved));
    assert.equal(next.to, "reduced");
  });

  test("Ac ≥ 2 and accepted without acceptedAtTighterAql is an input error", () => {
    throwsField(
      () => nextSwitchingState(initialSwitchingState(), lot(true, { acceptanceNumber: 2 })),
      "acceptedAtTighterAql",
    );
  });

  test("reduced → normal: a lot not accepted, irregular production, or the authority", () => {
    const ok = nextSwitchingState(onReduced, A);
    assert.deepEqual([ok.to, ok.reasonKey], ["reduced", "aql.switching.stayReduced"]);
    const notAccepted = nextSwitchingState(onReduced, X);
    assert.deepEqual(
      [notAccepted.to, notAccepted.reasonKey],
      ["normal", "aql.switching.reducedToNormalNotAccepted"],
    );
    assert.deepEqual(notAccepted.state, initialSwitchingState());
    const irregularLot = nextSwitchingState(onReduced, lot(true, { productionSteady: false }));
    assert.deepEqual(
      [irregularLot.to, irregularLot.reasonKey],
      ["normal", "aql.switching.reducedToNormalIrregularProduction"],
    );
    const irregular = nextSwitchingState(onReduced, { type: "productionIrregular" });
    assert.deepEqual(
      [irregular.to, irregular.reasonKey],
      ["normal", "aql.switching.reducedToNormalIrregularProduction"],
    );
    const authority = nextSwitchingState(onReduced, { type: "reinstateNormal" });
    assert.deepEqual(
      [authority.to, authority.reasonKey],
      ["normal", "aql.switching.reducedToNormalAuthority"],
    );
  });

  test("productionIrregular / reinstateNormal elsewhere have no effect", () => {
    for (const e of [{ type: "productionIrregular" }, { type: "reinstateNormal" }] as const) {
      const t = nextSwitchingState(initialSwitchingState(), e);
      assert.deepEqual([t.to, t.changed, t.reasonKey], ["normal", false, "aql.switching.noEffect"]);
    }
  });
});

describe("switching: input handling and purity", () => {
  test("does not modify the input state", () => {
    const s = deepFreeze({ ...initialSwitchingState(), recentNormalResults: [true, false] });
    const t = nextSwitchingState(s, X);
    assert.equal(t.to, "tightened");
    assert.deepEqual(s.recentNormalResults, [true, false]);
  });

  test("bad events and states name the field", () => {
    const s = initialSwitchingState();
    throwsField(() => nextSwitchingState(s, { type: "lot", accepted: "yes" } as never), "accepted");
    throwsField(
      () => nextSwitchingState(s, { type: "lot", accepted: true, acceptanceNumber: -1 }),
      "acceptanceNumber",
    );
    throwsField(() => nextSwitchingState(s, { type: "skip" } as never), "event.type");
    throwsField(() => nextSwitchingState(s, null as never), "event");
    throwsField(() => nextSwitchingState({ ...s, stage: "paused" } as never, A), "state");
    throwsField(() => nextSwitchingState({ ...s, switchingScore: -3 }, A), "state.switchingScore");
    throwsField(() => nextSwitchingState(s, { type: "resume" } as never), "correctiveActionAccepted");
  });
});

describe("switchingLotEvent", () => {
  const input = { lotSize: 1200, level: "II", aql: 2.5, stage: "normal" } as const;

  test("J at 2.5 (5/6) with the tighter AQL 1.5 (3/4) on the same n", () => {
    assert.deepEqual(switchingLotEvent(input, 3), {
      type: "lot",
      accepted: true,
      acceptanceNumber: 5,
      acceptedAtTighterAql: true,
    });
    assert.equal(switchingLotEvent(input, 4).acceptedAtTighterAql, false);
    assert.equal(switchingLotEvent(input, 4).accepted, true);
    assert.equal(switchingLotEvent(input, 6).accepted, false);
  });

  test("Ac 0/1 plans carry no tighter-AQL flag; conditions are passed through", () => {
    const e = switchingLotEvent({ lotSize: 10, level: "III", aql: 0.65, stage: "normal" }, 0, {
      productionSteady: true,
      reducedApproved: false,
    });
    assert.deepEqual(e, {
      type: "lot",
      accepted: true,
      acceptanceNumber: 0,
      productionSteady: true,
      reducedApproved: false,
    });
  });

  test("feeds nextSwitchingState: ten clean lots at 2.5 reach score 30", () => {
    const ts = run(Array.from({ length: 10 }, () => switchingLotEvent(input, 1)));
    assert.equal(last(ts).state.switchingScore, 30);
  });

  test("validates the count", () => {
    throwsField(() => switchingLotEvent(input, -1), "defectsFound");
  });
});

describe("switching: properties", () => {
  const lotEvent = fc.record({
    type: fc.constant("lot" as const),
    accepted: fc.boolean(),
    acceptanceNumber: fc.integer({ min: 0, max: 44 }),
    acceptedAtTighterAql: fc.boolean(),
    productionSteady: fc.option(fc.boolean(), { nil: undefined }),
    reducedApproved: fc.option(fc.boolean(), { nil: undefined }),
  });
  const otherEvent = fc.oneof(
    fc.constant({ type: "productionIrregular" as const }),
    fc.constant({ type: "reinstateNormal" as const }),
    fc.record({ type: fc.constant("resume" as const), correctiveActionAccepted: fc.boolean() }),
  );
  const events = fc.array(
    fc.oneof({ arbitrary: lotEvent, weight: 8 }, { arbitrary: otherEvent, weight: 1 }),
    {
      maxLength: 80,
    },
  );

  test("counters stay within the rules and transitions only follow the allowed edges", () => {
    const allowed = new Set([
      "normal>tightened",
      "normal>reduced",
      "tightened>normal",
      "tightened>discontinued",
      "reduced>normal",
      "discontinued>tightened",
    ]);
    fc.assert(
      fc.property(events, (es) => {
        let s = initialSwitchingState();
        for (const e of es) {
          const t = nextSwitchingState(s, e);
          assert.equal(t.from, s.stage);
          assert.equal(t.changed, t.from !== t.to);
          if (t.changed) assert.ok(allowed.has(`${t.from}>${t.to}`), `${t.from}>${t.to}`);
          if (t.to === "reduced" && t.from === "normal") {
            const lotE = e as LotEvent;
            assert.ok(lotE.productionSteady === true && lotE.reducedApproved === true);
            assert.ok(s.switchingScore + 3 >= 30);
          }
          if (t.to === "discontinued" && t.from === "tightened") assert.equal(s.notAcceptedOnTightened, 4);
          assert.ok(typeof t.reason === "string" && t.reason.length > 0);
          assert.match(t.reasonKey, /^aql\.switching\.[a-zA-Z]+$/);
          s = t.state;
          assert.ok(s.recentNormalResults.length <= 5);
          assert.ok(s.recentNormalResults.filter((ok) => !ok).length <= 1);
          assert.ok(s.consecutiveAcceptedOnTightened < 5 && s.notAcceptedOnTightened < 5);
          if (s.stage !== "normal") assert.equal(s.switchingScore, 0);
          if (s.stage !== "tightened") {
            assert.equal(s.consecutiveAcceptedOnTightened + s.notAcceptedOnTightened, 0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
