import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  ASSESSMENT_ROLES,
  ASSESSMENT_STAGES,
  type AssessmentRole,
  type AssessmentStage,
  allowedActions,
  applyStageAction,
  moveToStage,
  ratingValidUntil,
  STAGE_SEQUENCE,
  STAGE_TRANSITIONS,
  type StageAction,
  type StageContext,
  stageActions,
} from "./stages.ts";

/** A context every guard accepts. */
const HAPPY: StageContext = {
  today: "2024-06-30",
  selfAssessmentComplete: true,
  auditorsAssigned: 2,
  siteVisitOn: "2024-03-01",
  workerInterviews: 12,
  documentReviewDone: true,
  trialStartedOn: "2024-03-15",
  level: "B",
  validityMonths: 24,
  openCapItems: 0,
  reason: "the enterprise closed down",
};

const ACTIONS: StageAction[] = [
  "startSelfAssessment",
  "submitSelfAssessment",
  "completeInitialAssessment",
  "startReassessment",
  "rate",
  "startFollowUp",
  "close",
  "cancel",
];

const CANCEL = { to: "cancelled" as const, roles: ["auditor", "regulator", "admin"] as AssessmentRole[] };

/** The transition table written out independently of the implementation. */
const EXPECTED: Record<string, { to: AssessmentStage; roles: AssessmentRole[] }> = {
  "draft/startSelfAssessment": { to: "selfAssessment", roles: ["auditor", "regulator", "admin"] },
  "selfAssessment/submitSelfAssessment": { to: "expertInitial", roles: ["enterprise"] },
  "expertInitial/completeInitialAssessment": { to: "trainingTrial", roles: ["auditor"] },
  "trainingTrial/startReassessment": { to: "reassessment", roles: ["enterprise", "auditor"] },
  "reassessment/rate": { to: "rated", roles: ["auditor"] },
  "rated/startFollowUp": { to: "followUp", roles: ["auditor", "regulator"] },
  "followUp/close": { to: "closed", roles: ["auditor", "regulator", "admin"] },
  "draft/cancel": CANCEL,
  "selfAssessment/cancel": CANCEL,
  "expertInitial/cancel": CANCEL,
  "trainingTrial/cancel": CANCEL,
  "reassessment/cancel": CANCEL,
  "rated/cancel": CANCEL,
  "followUp/cancel": CANCEL,
};

describe("assessment stages: every stage × action × role", () => {
  test("the implementation's table is the expected one", () => {
    const actual = Object.fromEntries(
      STAGE_TRANSITIONS.map((t) => [`${t.from}/${t.action}`, { to: t.to, roles: [...t.roles] }]),
    );
    assert.deepEqual(actual, EXPECTED);
  });

  for (const stage of ASSESSMENT_STAGES) {
    for (const action of ACTIONS) {
      for (const role of ASSESSMENT_ROLES) {
        const e = EXPECTED[`${stage}/${action}`];
        const want =
          stage === "closed" || stage === "cancelled"
            ? "stage_terminal"
            : !e
              ? "action_not_allowed_in_stage"
              : !e.roles.includes(role)
                ? "role_not_allowed"
                : `→ ${e.to}`;
        test(`${stage} · ${action} · ${role}: ${want}`, () => {
          const r = applyStageAction(stage, action, role, HAPPY);
          if (want.startsWith("→")) {
            assert.ok(r.ok, JSON.stringify(r));
            assert.equal(r.to, e?.to);
            assert.equal(r.from, stage);
          } else {
            assert.ok(!r.ok);
            assert.equal(r.code, want);
            assert.ok(r.message.length > 0);
          }
        });
      }
    }
  }
});

describe("moveToStage: skipping and going back are refused", () => {
  for (const from of ASSESSMENT_STAGES) {
    for (const to of ASSESSMENT_STAGES) {
      const t = STAGE_TRANSITIONS.find((x) => x.from === from && x.to === to);
      const fi = STAGE_SEQUENCE.indexOf(from);
      const ti = STAGE_SEQUENCE.indexOf(to);
      const want =
        from === "closed" || from === "cancelled"
          ? "stage_terminal"
          : from === to
            ? "stage_unchanged"
            : t
              ? "ok"
              : ti > fi + 1
                ? "stage_skipped"
                : "transition_not_allowed";
      test(`${from} → ${to}: ${want}`, () => {
        const role = t?.roles[0] ?? "admin";
        const r = moveToStage(from, to, role, HAPPY);
        if (want === "ok") assert.ok(r.ok, JSON.stringify(r));
        else {
          assert.ok(!r.ok);
          assert.equal(r.code, want);
        }
      });
    }
  }

  test("the skipped stages are named", () => {
    const r = moveToStage("selfAssessment", "reassessment", "auditor", HAPPY);
    assert.ok(!r.ok);
    assert.equal(r.params.skipped, "expertInitial,trainingTrial");
  });
});

describe("stage guards", () => {
  const cases: {
    stage: AssessmentStage;
    action: StageAction;
    role: AssessmentRole;
    ctx: Partial<StageContext>;
    code: string;
  }[] = [
    {
      stage: "selfAssessment",
      action: "submitSelfAssessment",
      role: "enterprise",
      ctx: { selfAssessmentComplete: false },
      code: "self_assessment_incomplete",
    },
    {
      stage: "expertInitial",
      action: "completeInitialAssessment",
      role: "auditor",
      ctx: { auditorsAssigned: 0 },
      code: "auditor_not_assigned",
    },
    {
      stage: "expertInitial",
      action: "completeInitialAssessment",
      role: "auditor",
      ctx: { siteVisitOn: undefined },
      code: "site_visit_missing",
    },
    {
      stage: "expertInitial",
      action: "completeInitialAssessment",
      role: "auditor",
      ctx: { siteVisitOn: "2024-07-15" },
      code: "site_visit_missing",
    },
    {
      stage: "expertInitial",
      action: "completeInitialAssessment",
      role: "auditor",
      ctx: { workerInterviews: 0 },
      code: "worker_interviews_missing",
    },
    {
      stage: "expertInitial",
      action: "completeInitialAssessment",
      role: "auditor",
      ctx: { documentReviewDone: false },
      code: "document_review_missing",
    },
    {
      stage: "trainingTrial",
      action: "startReassessment",
      role: "enterprise",
      ctx: { trialStartedOn: undefined },
      code: "trial_start_missing",
    },
    {
      stage: "trainingTrial",
      action: "startReassessment",
      role: "enterprise",
      ctx: { trialStartedOn: "2024-05-01" },
      code: "trial_too_short",
    },
    { stage: "reassessment", action: "rate", role: "auditor", ctx: { level: null }, code: "rating_missing" },
    {
      stage: "reassessment",
      action: "rate",
      role: "auditor",
      ctx: { validityMonths: undefined },
      code: "validity_missing",
    },
    {
      stage: "reassessment",
      action: "rate",
      role: "auditor",
      ctx: { validityMonths: 0 },
      code: "validity_missing",
    },
    {
      stage: "followUp",
      action: "close",
      role: "regulator",
      ctx: { openCapItems: 3 },
      code: "cap_items_open",
    },
    { stage: "rated", action: "cancel", role: "admin", ctx: { reason: " " }, code: "reason_missing" },
    {
      stage: "draft",
      action: "startSelfAssessment",
      role: "auditor",
      ctx: { today: "2024-02-30" },
      code: "date_invalid",
    },
  ];
  for (const c of cases) {
    test(`${c.stage} · ${c.action} with ${JSON.stringify(c.ctx)} → ${c.code}`, () => {
      const r = applyStageAction(c.stage, c.action, c.role, { ...HAPPY, ...c.ctx });
      assert.ok(!r.ok);
      assert.equal(r.code, c.code);
    });
  }

  test("unknown stage, action and role are refused with codes", () => {
    const bad = (x: string) => x as never;
    assert.equal(
      (applyStageAction(bad("paused"), "rate", "auditor", HAPPY) as { code: string }).code,
      "stage_unknown",
    );
    assert.equal(
      (applyStageAction("reassessment", bad("approve"), "auditor", HAPPY) as { code: string }).code,
      "action_unknown",
    );
    assert.equal(
      (applyStageAction("reassessment", "rate", bad("buyer"), HAPPY) as { code: string }).code,
      "role_unknown",
    );
  });
});

describe("the trial run lasts at least two months", () => {
  const cases: { start: string; today: string; months?: number; ok: boolean; earliest: string }[] = [
    { start: "2024-03-15", today: "2024-05-14", ok: false, earliest: "2024-05-15" },
    { start: "2024-03-15", today: "2024-05-15", ok: true, earliest: "2024-05-15" },
    { start: "2024-01-31", today: "2024-03-30", ok: false, earliest: "2024-03-31" },
    { start: "2024-01-31", today: "2024-03-31", ok: true, earliest: "2024-03-31" },
    // Two months from 31 December end on the last day of February (leap year).
    { start: "2023-12-31", today: "2024-02-28", ok: false, earliest: "2024-02-29" },
    { start: "2023-12-31", today: "2024-02-29", ok: true, earliest: "2024-02-29" },
    { start: "2024-11-20", today: "2025-01-19", ok: false, earliest: "2025-01-20" },
    { start: "2024-03-15", today: "2024-06-14", months: 3, ok: false, earliest: "2024-06-15" },
    { start: "2024-03-15", today: "2024-06-15", months: 3, ok: true, earliest: "2024-06-15" },
    { start: "2024-03-15", today: "2024-03-15", months: 0, ok: true, earliest: "2024-03-15" },
  ];
  for (const c of cases) {
    test(`trial from ${c.start}, ${c.months ?? 2} months, re-assessment on ${c.today}: ${c.ok ? "allowed" : "refused"}`, () => {
      const ctx: StageContext = { ...HAPPY, trialStartedOn: c.start, today: c.today };
      if (c.months !== undefined) ctx.minTrialMonths = c.months;
      const r = applyStageAction("trainingTrial", "startReassessment", "enterprise", ctx);
      assert.equal(r.ok, c.ok);
      if (!r.ok) {
        assert.equal(r.code, "trial_too_short");
        assert.equal(r.params.earliest, c.earliest);
      }
    });
  }
});

describe("rating validity", () => {
  const cases: [string, number, string][] = [
    ["2024-06-30", 24, "2026-06-29"],
    ["2024-01-01", 12, "2024-12-31"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2024-03-31", 1, "2024-04-30"],
    ["2024-12-15", 36, "2027-12-14"],
  ];
  for (const [on, months, until] of cases) {
    test(`rated ${on} for ${months} months → valid until ${until}`, () => {
      assert.equal(ratingValidUntil(on, months), until);
      const r = applyStageAction("reassessment", "rate", "auditor", {
        ...HAPPY,
        today: on,
        validityMonths: months,
      });
      assert.ok(r.ok);
      assert.equal(r.validUntil, until);
    });
  }
});

describe("allowedActions: the UI offers only these", () => {
  const cases: {
    stage: AssessmentStage;
    role: AssessmentRole;
    ctx: Partial<StageContext>;
    want: StageAction[];
  }[] = [
    { stage: "draft", role: "enterprise", ctx: {}, want: [] },
    { stage: "draft", role: "auditor", ctx: {}, want: ["startSelfAssessment", "cancel"] },
    { stage: "draft", role: "auditor", ctx: { reason: undefined }, want: ["startSelfAssessment"] },
    { stage: "selfAssessment", role: "enterprise", ctx: {}, want: ["submitSelfAssessment"] },
    { stage: "selfAssessment", role: "enterprise", ctx: { selfAssessmentComplete: false }, want: [] },
    { stage: "expertInitial", role: "auditor", ctx: {}, want: ["completeInitialAssessment", "cancel"] },
    { stage: "expertInitial", role: "regulator", ctx: {}, want: ["cancel"] },
    { stage: "trainingTrial", role: "enterprise", ctx: {}, want: ["startReassessment"] },
    { stage: "trainingTrial", role: "enterprise", ctx: { today: "2024-04-01" }, want: [] },
    { stage: "reassessment", role: "auditor", ctx: {}, want: ["rate", "cancel"] },
    { stage: "rated", role: "regulator", ctx: {}, want: ["startFollowUp", "cancel"] },
    { stage: "followUp", role: "admin", ctx: {}, want: ["close", "cancel"] },
    { stage: "followUp", role: "admin", ctx: { openCapItems: 1 }, want: ["cancel"] },
    { stage: "closed", role: "admin", ctx: {}, want: [] },
    { stage: "cancelled", role: "auditor", ctx: {}, want: [] },
  ];
  for (const c of cases) {
    test(`${c.stage} · ${c.role} ${JSON.stringify(c.ctx)} → [${c.want.join(", ")}]`, () => {
      assert.deepEqual(allowedActions(c.stage, c.role, { ...HAPPY, ...c.ctx }), c.want);
    });
  }

  test("stageActions shows blocked actions with the guard's code", () => {
    assert.deepEqual(
      stageActions("trainingTrial", "auditor", { ...HAPPY, today: "2024-04-01", reason: undefined }),
      [
        { action: "startReassessment", to: "reassessment", blockedBy: "trial_too_short" },
        { action: "cancel", to: "cancelled", blockedBy: "reason_missing" },
      ],
    );
  });

  test("every allowed action succeeds and every other permitted one is refused", () => {
    for (const stage of ASSESSMENT_STAGES) {
      for (const role of ASSESSMENT_ROLES) {
        for (const ctx of [HAPPY, { today: "2024-04-01" }]) {
          const allowed = new Set(allowedActions(stage, role, ctx));
          for (const action of ACTIONS) {
            assert.equal(
              applyStageAction(stage, action, role, ctx).ok,
              allowed.has(action),
              `${stage} ${role} ${action}`,
            );
          }
        }
      }
    }
  });

  test("the pilot's journey end to end", () => {
    const steps: [StageAction, AssessmentRole, Partial<StageContext>][] = [
      ["startSelfAssessment", "auditor", { today: "2008-01-10" }],
      ["submitSelfAssessment", "enterprise", { today: "2008-02-01" }],
      ["completeInitialAssessment", "auditor", { today: "2008-03-20", siteVisitOn: "2008-03-18" }],
      ["startReassessment", "enterprise", { today: "2008-09-01", trialStartedOn: "2008-03-20" }],
      ["rate", "auditor", { today: "2008-11-15", level: "compliant", validityMonths: 36 }],
      ["startFollowUp", "auditor", { today: "2009-11-15" }],
      ["close", "regulator", { today: "2011-11-14" }],
    ];
    let stage: AssessmentStage = "draft";
    for (const [action, role, ctx] of steps) {
      const r = applyStageAction(stage, action, role, { ...HAPPY, ...ctx });
      assert.ok(r.ok, `${action}: ${JSON.stringify(r)}`);
      if (action === "rate") assert.equal(r.validUntil, "2011-11-14");
      stage = r.to;
    }
    assert.equal(stage, "closed");
  });
});
