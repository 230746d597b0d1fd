import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  type ClassificationDecision,
  type ClassificationInput,
  classifyEnterprise,
  type SignalObservation,
} from "./classify.ts";
import { DEFAULT_RULE_SET } from "./mode.ts";
import { checklistArb, checklistOf, METRICS, ruleSetArb } from "./testing.ts";
import {
  ASSESSMENT_ELEMENT_IDS,
  type ClassificationRuleSet,
  classRank,
  ENTERPRISE_CLASSES,
} from "./types.ts";

/** Signals that trigger no default rule. */
const CLEAN: SignalObservation[] = [
  { metric: "officialPassRate", windowMonths: 12, value: 100, evidence: { count: 0, total: 80 } },
  { metric: "selfInspectionPassRate", windowMonths: 12, value: 99 },
  { metric: "lotsRejected", windowMonths: 12, value: 0 },
  { metric: "returnsAndClaims", windowMonths: 12, value: 0 },
  { metric: "penalties", windowMonths: 24, value: 0 },
  { metric: "certificationsInForce", windowMonths: 12, value: 2 },
  { metric: "zeroToleranceFindings", windowMonths: 12, value: 0 },
  { metric: "evaluationRatingE", windowMonths: 12, value: 0 },
];

function withSignal(o: SignalObservation, base = CLEAN): SignalObservation[] {
  return [...base.filter((s) => s.metric !== o.metric || s.windowMonths !== o.windowMonths), o];
}

function ok(rs: ClassificationRuleSet, input: ClassificationInput): ClassificationDecision {
  const r = classifyEnterprise(rs, input);
  assert.ok(r.ok, JSON.stringify(r));
  return r;
}

const TODAY = "2024-06-30";

describe("classifyEnterprise", () => {
  test("hand-computed score 78 → class II, every element traced", () => {
    const checklist = {
      creditworthiness: 8, // 15 × 0.8 = 12
      productionCapacity: 7, // 7
      inspectionCapability: 9, // 13.5
      staffCompetence: 6, // 6
      supplierManagement: 8, // 8
      exportComplaints: 10, // 10
      traceability: 7, // 7
      qualityManagementSystem: 8, // 12
      otherFactors: 5, // 2.5
    };
    const r = ok(DEFAULT_RULE_SET, { checklist, signals: CLEAN, today: TODAY });
    assert.equal(r.scoreTotal, 78);
    assert.equal(r.baseClass, "II");
    assert.equal(r.class, "II");
    assert.deepEqual(r.applied, []);
    assert.equal(r.ruleSetVersion, DEFAULT_RULE_SET.version);
    assert.equal(r.trace.filter((l) => l.key === "classification.trace.element").length, 9);
    assert.ok(r.trace.some((l) => l.text === "class II from checklist score 78 of 100 (band [75, 90))"));
    assert.ok(
      r.trace.some(
        (l) =>
          l.text ===
          "rule official-pass-rate not triggered: official pass rate 100 % ≥ 98 % over 12 months (0 of 80 lots rejected)",
      ),
    );
    assert.equal(r.trace.at(-1)?.text, `final class II (rule set ${DEFAULT_RULE_SET.version})`);
  });

  test("the brief's example: official pass rate 96.2 % caps a class I score at III", () => {
    const signals = withSignal({
      metric: "officialPassRate",
      windowMonths: 12,
      value: 96.2,
      evidence: { count: 3, total: 79 },
    });
    const r = ok(DEFAULT_RULE_SET, { checklist: checklistOf(9), signals, today: TODAY });
    assert.equal(r.scoreTotal, 90);
    assert.equal(r.baseClass, "I");
    assert.equal(r.class, "III");
    assert.equal(r.applied.length, 1);
    assert.deepEqual(
      { rule: r.applied[0]?.ruleId, before: r.applied[0]?.classBefore, after: r.applied[0]?.classAfter },
      { rule: "official-pass-rate", before: "I", after: "III" },
    );
    const cap = r.trace.find((l) => l.key === "classification.trace.capAt");
    assert.equal(
      cap?.text,
      "class III because official pass rate 96.2 % < 98 % over 12 months (3 of 79 lots rejected): at best class III (was class I)",
    );
    assert.equal(cap?.params.evidenceTotal, 79);
  });

  test("score 100 falls in the band ending at 100; score 0 in class IV", () => {
    assert.equal(
      ok(DEFAULT_RULE_SET, { checklist: checklistOf(10), signals: CLEAN, today: TODAY }).class,
      "I",
    );
    assert.equal(
      ok(DEFAULT_RULE_SET, { checklist: checklistOf(0), signals: CLEAN, today: TODAY }).class,
      "IV",
    );
  });

  test("missing signals leave rules unevaluated and say so", () => {
    const r = ok(DEFAULT_RULE_SET, { checklist: checklistOf(10), signals: [], today: TODAY });
    assert.equal(r.class, "I");
    assert.equal(r.trace.filter((l) => l.key === "classification.trace.signalMissing").length, 8);
  });

  describe("cap / demote / floor interplay", () => {
    const rs: ClassificationRuleSet = {
      ...DEFAULT_RULE_SET,
      version: "interplay",
      signalRules: [
        // Listed caps-first on purpose: the order of application is fixed (demote, floor, cap).
        {
          id: "cap",
          metric: "officialPassRate",
          windowMonths: 12,
          comparison: "<",
          threshold: 98,
          effect: { kind: "capAt", class: "III" },
        },
        {
          id: "floor",
          metric: "certificationsInForce",
          windowMonths: 12,
          comparison: ">=",
          threshold: 2,
          effect: { kind: "floor", class: "II" },
        },
        {
          id: "demote-self",
          metric: "selfInspectionPassRate",
          windowMonths: 12,
          comparison: "<",
          threshold: 95,
          effect: { kind: "demoteBy", steps: 1 },
        },
        {
          id: "demote-lots",
          metric: "lotsRejected",
          windowMonths: 12,
          comparison: ">=",
          threshold: 3,
          effect: { kind: "demoteBy", steps: 2 },
        },
      ],
    };
    const bad = (officialPassRate: number): SignalObservation[] => [
      { metric: "officialPassRate", windowMonths: 12, value: officialPassRate },
      { metric: "certificationsInForce", windowMonths: 12, value: 2 },
      { metric: "selfInspectionPassRate", windowMonths: 12, value: 90 },
      { metric: "lotsRejected", windowMonths: 12, value: 4, evidence: { count: 4, total: 50 } },
    ];

    test("demotions sum and clamp at IV, the floor lifts to II, no cap", () => {
      const r = ok(rs, { checklist: checklistOf(10), signals: bad(99), today: TODAY });
      assert.deepEqual(
        r.applied.map((a) => [a.ruleId, a.classBefore, a.classAfter]),
        [
          ["demote-self", "I", "II"],
          ["demote-lots", "II", "IV"],
          ["floor", "IV", "II"],
        ],
      );
      assert.equal(r.class, "II");
      assert.ok(
        r.trace.some(
          (l) =>
            l.text ===
            "class IV because lots not accepted 4 ≥ 3 over 12 months (4 of 50 lots not accepted): 2 classes worse (was class II)",
        ),
      );
    });

    test("a cap prevails over the floor", () => {
      const r = ok(rs, { checklist: checklistOf(10), signals: bad(97), today: TODAY });
      assert.deepEqual(
        r.applied.map((a) => a.ruleId),
        ["demote-self", "demote-lots", "floor", "cap"],
      );
      assert.equal(r.class, "III");
      assert.equal(r.baseClass, "I");
    });

    test("a floor never makes a better class worse; a cap never improves a class", () => {
      const r = ok(rs, {
        checklist: checklistOf(5), // 50 → IV
        signals: [
          { metric: "officialPassRate", windowMonths: 12, value: 97 },
          { metric: "certificationsInForce", windowMonths: 12, value: 0 },
        ],
        today: TODAY,
      });
      assert.equal(r.baseClass, "IV");
      assert.equal(r.class, "IV");
      assert.match(r.trace.find((l) => l.key === "classification.trace.capAt")?.text ?? "", /\(no change\)$/);
    });

    test("a window mismatch does not trigger the rule", () => {
      const r = ok(rs, {
        checklist: checklistOf(10),
        signals: [{ metric: "officialPassRate", windowMonths: 6, value: 50 }],
        today: TODAY,
      });
      assert.equal(r.class, "I");
    });
  });

  describe("override", () => {
    const override = {
      class: "II" as const,
      reason: "corrective action verified on site",
      expiresOn: "2024-12-31",
    };

    test("applies until and including its expiry date", () => {
      for (const today of ["2024-06-30", "2024-12-31"]) {
        const r = ok(DEFAULT_RULE_SET, { checklist: checklistOf(5), signals: CLEAN, override, today });
        assert.equal(r.class, "II");
        assert.equal(r.computedClass, "IV");
        assert.deepEqual(r.override, { status: "applied", ...override });
        assert.ok(
          r.trace.some(
            (l) =>
              l.text ===
              "class II by manual override until 2024-12-31 (computed class IV): corrective action verified on site",
          ),
        );
      }
    });

    test("is ignored after expiry, and traced as expired", () => {
      const r = ok(DEFAULT_RULE_SET, {
        checklist: checklistOf(5),
        signals: CLEAN,
        override,
        today: "2025-01-01",
      });
      assert.equal(r.class, "IV");
      assert.equal(r.override?.status, "expired");
      assert.ok(r.trace.some((l) => l.key === "classification.trace.overrideExpired"));
    });

    test("needs a reason and a valid date", () => {
      const r = classifyEnterprise(DEFAULT_RULE_SET, {
        checklist: checklistOf(5),
        signals: CLEAN,
        override: { class: "I", reason: "  ", expiresOn: "2024-02-30" },
        today: TODAY,
      });
      assert.equal(r.ok, false);
      assert.deepEqual(!r.ok && r.inputIssues.map((i) => i.code), [
        "override_reason_missing",
        "date_invalid",
      ]);
    });
  });

  test("refuses an invalid rule set and invalid input, without throwing", () => {
    const gap = {
      ...DEFAULT_RULE_SET,
      bands: DEFAULT_RULE_SET.bands.map((b) => (b.class === "II" ? { ...b, min: 76 } : b)),
    };
    const r = classifyEnterprise(gap, { checklist: checklistOf(5), signals: CLEAN, today: TODAY });
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.ruleSetIssues.map((i) => i.code), ["band_gap"]);

    const { otherFactors: _o, ...partial } = checklistOf(5);
    const r2 = classifyEnterprise(DEFAULT_RULE_SET, {
      checklist: { ...partial, creditworthiness: 11 },
      signals: [
        ...CLEAN,
        { metric: "penalties", windowMonths: 24, value: 1 },
        { metric: "officialPassRate", windowMonths: 12, value: 101 },
      ],
      today: "30/06/2024",
    });
    assert.equal(r2.ok, false);
    assert.deepEqual(!r2.ok && r2.inputIssues.map((i) => `${i.code}@${i.path}`), [
      "score_invalid@checklist.creditworthiness",
      "score_missing@checklist.otherFactors",
      "signal_duplicate@signals[8]",
      "signal_invalid@signals[9]",
      "date_invalid@today",
    ]);
  });

  test("deterministic: same input, same decision", () => {
    const input = {
      checklist: checklistOf(8),
      signals: withSignal({ metric: "lotsRejected", windowMonths: 12, value: 5 }),
      today: TODAY,
    };
    assert.deepEqual(
      classifyEnterprise(DEFAULT_RULE_SET, input),
      classifyEnterprise(DEFAULT_RULE_SET, input),
    );
  });
});

const signalsArb = fc
  .array(
    fc.record({
      metric: fc.constantFrom(...METRICS),
      windowMonths: fc.constantFrom(6, 12, 24),
      value: fc.integer({ min: 0, max: 100 }),
    }),
    { maxLength: 12 },
  )
  .map((xs) => {
    const seen = new Set<string>();
    return xs.filter((x) => {
      const k = `${x.metric}@${x.windowMonths}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  });

/** A checklist in range for any rule set: a fraction of each element's max score. */
const fractionsArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 9, maxLength: 9 });
function checklistFor(rs: ClassificationRuleSet, fractions: number[]) {
  return Object.fromEntries(
    rs.elements.map((e, i) => [e.id, (e.maxScore * (fractions[i] ?? 0)) / 100]),
  ) as ClassificationInput["checklist"];
}

describe("classifyEnterprise properties", () => {
  test("a valid rule set always yields a class in I–IV", () => {
    fc.assert(
      fc.property(ruleSetArb, fractionsArb, signalsArb, (rs, fr, signals) => {
        const r = classifyEnterprise(rs, { checklist: checklistFor(rs, fr), signals, today: TODAY });
        return r.ok && ENTERPRISE_CLASSES.includes(r.class) && r.scoreTotal >= 0 && r.scoreTotal <= 100;
      }),
    );
  });

  test("a better checklist never yields a worse class with the same signals", () => {
    fc.assert(
      fc.property(ruleSetArb, fractionsArb, fractionsArb, signalsArb, (rs, a, b, signals) => {
        const lo = a.map((x, i) => Math.min(x, b[i] ?? 0));
        const hi = a.map((x, i) => Math.max(x, b[i] ?? 0));
        const rLo = classifyEnterprise(rs, { checklist: checklistFor(rs, lo), signals, today: TODAY });
        const rHi = classifyEnterprise(rs, { checklist: checklistFor(rs, hi), signals, today: TODAY });
        assert.ok(rLo.ok && rHi.ok);
        assert.ok(classRank(rHi.class) <= classRank(rLo.class));
        assert.ok(classRank(rHi.baseClass) <= classRank(rLo.baseClass));
      }),
    );
  });

  test("default rule set: checklist of integer scores always classifies", () => {
    fc.assert(
      fc.property(checklistArb, signalsArb, (checklist, signals) => {
        const r = classifyEnterprise(DEFAULT_RULE_SET, { checklist, signals, today: TODAY });
        return r.ok && ASSESSMENT_ELEMENT_IDS.length === 9 && ENTERPRISE_CLASSES.includes(r.class);
      }),
    );
  });
});
