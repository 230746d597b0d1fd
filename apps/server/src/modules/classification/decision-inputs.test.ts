import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import {
  type ClassificationDecision,
  type ClassOverride,
  classifyEnterprise,
  DEFAULT_RULE_SET,
  generateUscc,
  type SignalObservation,
  seededRandom,
} from "@jingwei/rules";
import { describeWithFixtures, loginEveryRole } from "../../testing/fixtures.ts";
import { call, type Role, type Session } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";
import { ruleSetInForce, todayInChina } from "../supervision/context.ts";
import { decodeScores, decodeSignals, encodeScores, encodeSignals } from "./decision-inputs.ts";
import { reclassifyAll } from "./service.ts";
import { computeSignals } from "./signals.ts";
import { daysFromToday, fullChecklist, insertLots, rulesWith } from "./testing.ts";

const CLASSES = "/api/v1/classes";
const RULE_SETS = "/api/v1/classification/rule-sets";

describe("stored decision inputs", () => {
  it("read back to the very numbers and shapes classified", () => {
    const signals: SignalObservation[] = [
      {
        metric: "officialPassRate",
        windowMonths: 12,
        value: 100 * (76 / 79),
        evidence: { count: 3, total: 79 },
      },
      { metric: "penalties", windowMonths: 24, value: 1, evidence: { count: 1 } },
      { metric: "zeroToleranceFindings", windowMonths: 12, value: 0 },
    ];
    assert.deepEqual(decodeSignals(JSON.parse(encodeSignals(signals))), signals);
    const checklist = { ...fullChecklist(7.5), traceability: 0.1 + 0.2 };
    const stored = JSON.parse(encodeScores(DEFAULT_RULE_SET, checklist));
    assert.equal(stored.length, DEFAULT_RULE_SET.elements.length);
    assert.deepEqual(decodeScores(DEFAULT_RULE_SET, stored), checklist);
  });
});

describeWithFixtures("class decisions: stored as inputs, traced again when read", (ctx) => {
  let as: Record<Role, Session>;
  const today = todayInChina();
  /** Each enterprise with what classifyEnterprise gave when its decision was taken. */
  const decided = new Map<
    string,
    { name: string; decision: ClassificationDecision; signals: SignalObservation[] }
  >();

  const detailOf = async (id: string) => {
    const res = await call(ctx().app, as.regulator, "GET", `${CLASSES}/${id}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const historyOf = async (id: string) => {
    const res = await call(ctx().app, as.regulator, "GET", `${CLASSES}/${id}/history`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items;
  };

  before(async () => {
    const { app, db, fixtures } = ctx();
    as = await loginEveryRole(app, fixtures);
    const rand = seededRandom(7);
    const exporter = async (name: string) =>
      (await createEnterprise(db, null, { uscc: generateUscc(rand), name, town: "danghu", exportFlag: true }))
        .id;
    const a = fixtures.enterpriseA.id;
    const b = fixtures.enterpriseB.id;
    const c = await exporter("平湖市乍浦针织有限公司");
    const d = await exporter("平湖市曹桥制衣有限公司");
    const e = await exporter("平湖市广陈服饰有限公司");
    await db.query("update enterprises set export_flag = true where id = $1", [b]);

    const checklists: Record<string, Record<string, number>> = {
      [a]: fullChecklist(10),
      [b]: fullChecklist(8),
      [c]: { ...fullChecklist(9), traceability: 7.5, staffCompetence: 6.5 },
      [d]: fullChecklist(9),
      [e]: fullChecklist(6),
    };
    for (const [id, scores] of Object.entries(checklists))
      await db.query(
        "insert into enterprise_assessments (enterprise_id, scores, assessed_on) values ($1, $2::jsonb, $3)",
        [id, JSON.stringify(scores), daysFromToday(-3)],
      );
    // A: 3 of 79 lots rejected (pass rate under 98 %, three rejections), an ISO 9001 certificate (fixture).
    await insertLots(db, a, { count: 79, rejected: 3 });
    // B: no lots (rates not observed), a complaint. C: self-inspection failures and a penalty 500 days ago.
    await insertLots(db, c, { count: 50, selfFailed: 6 });
    await db.query(
      `insert into quality_events (enterprise_id, kind, occurred_on, description) values
         ($1, 'complaint', $3, '投诉'), ($2, 'penalty', $4, '处罚')`,
      [b, c, today, daysFromToday(-500)],
    );
    // D: an override in force; E: an override that has expired.
    await db.query(
      `insert into enterprise_supervision (enterprise_id, override_class, override_reason, override_expires_on)
       values ($1, 'I', '示范企业复核', $3), ($2, 'IV', '整改期', $4)`,
      [d, e, daysFromToday(30), daysFromToday(-2)],
    );

    const rs = await ruleSetInForce(db);
    const signals = await computeSignals(db, rs.rules, today, { ids: Object.keys(checklists) });
    const overrides: Record<string, ClassOverride> = {
      [d]: { class: "I", reason: "示范企业复核", expiresOn: daysFromToday(30) },
      [e]: { class: "IV", reason: "整改期", expiresOn: daysFromToday(-2) },
    };
    const names: Record<string, string> = { [a]: "A", [b]: "B", [c]: "C", [d]: "D", [e]: "E" };
    for (const [id, checklist] of Object.entries(checklists)) {
      const obs = signals.get(id) ?? [];
      const override = overrides[id];
      const decision = classifyEnterprise(rs.rules, {
        checklist,
        signals: obs,
        ...(override ? { override } : {}),
        today,
      });
      assert.ok(decision.ok);
      decided.set(id, { name: names[id] ?? id, decision, signals: obs });
    }
    const result = await reclassifyAll(db, null, "all", today);
    assert.equal(result.classified, 5);

    // What happens after the decision does not change how it reads: new lots, a new checklist.
    await insertLots(db, a, { count: 20, rejected: 20 });
    await db.query(
      "insert into enterprise_assessments (enterprise_id, scores, assessed_on) values ($1, $2::jsonb, $3)",
      [b, JSON.stringify(fullChecklist(2)), today],
    );
  });

  it("stores the inputs only, not the trace", async () => {
    const rows = await ctx().db.query<{
      trace: unknown;
      applied: unknown;
      scores: unknown;
      decidedOn: string;
    }>(`select trace, applied, scores, decided_on as "decidedOn" from class_decisions`);
    assert.equal(rows.length, 5);
    for (const r of rows) {
      assert.deepEqual([r.trace, r.applied, r.decidedOn], [null, null, today]);
      assert.ok(Array.isArray(r.scores));
    }
  });

  it("reads back every decision with the trace, effects and signals computed when it was taken", async () => {
    const keys = new Set<string>();
    for (const [id, { name, decision, signals }] of decided) {
      const detail = await detailOf(id);
      assert.deepEqual(detail.decision.trace, decision.trace, name);
      assert.deepEqual(detail.decision.applied, decision.applied, name);
      assert.deepEqual(detail.decision.signals, signals, name);
      assert.deepEqual(detail.decision.override, decision.override, name);
      assert.deepEqual(
        [
          detail.decision.class,
          detail.decision.computedClass,
          detail.decision.baseClass,
          detail.decision.scoreTotal,
        ],
        [decision.class, decision.computedClass, decision.baseClass, decision.scoreTotal],
        name,
      );
      const [latest] = await historyOf(id);
      assert.equal(latest.id, detail.decision.id);
      assert.deepEqual(latest.trace, decision.trace, `${name} (history)`);
      assert.equal(latest.signals, undefined, "the history leaves signals and effects to the detail");
      for (const line of decision.trace) keys.add(line.key.replace("classification.trace.", ""));
    }
    // The enterprises cover the kinds of reasons: caps, demotions, missing signals, overrides applied and expired.
    for (const kind of [
      "capAt",
      "demoteBy",
      "signalMissing",
      "signalClear",
      "overrideApplied",
      "overrideExpired",
    ])
      assert.ok(keys.has(kind), kind);
  });

  it("traces each decision under its own rule set after another is published", async () => {
    const { app, db, fixtures } = ctx();
    const a = fixtures.enterpriseA.id;
    const draft = await call(app, as.regulator, "POST", RULE_SETS, {
      version: "pinghu-2026.1",
      rules: rulesWith((rs) => ({
        ...rs,
        signalRules: rs.signalRules.map((r) => (r.id === "official-pass-rate" ? { ...r, threshold: 90 } : r)),
      })),
    });
    assert.equal(draft.statusCode, 201, draft.body);
    const published = await call(app, as.regulator, "POST", `${RULE_SETS}/${draft.json().id}/publish`);
    assert.equal(published.statusCode, 200, published.body);

    const before = decided.get(a);
    assert.ok(before);
    assert.deepEqual((await detailOf(a)).decision.trace, before.decision.trace, "still the old rule set's");
    const res = await call(app, as.regulator, "POST", `${CLASSES}/${a}/reclassify`);
    assert.equal(res.statusCode, 200, res.body);
    const [newer, older] = await historyOf(a);
    assert.match(newer.trace.at(-1).text, /rule set pinghu-2026\.1/);
    assert.equal(newer.ruleSetVersion, "pinghu-2026.1");
    assert.deepEqual(older.trace, before.decision.trace);
    assert.equal(older.ruleSetVersion, DEFAULT_RULE_SET.version);
    const [stored] = await db.query<{ trace: unknown }>("select trace from class_decisions where id = $1", [
      newer.id,
    ]);
    assert.equal(stored?.trace, null);
  });

  it("shows a decision stored with its trace, from before, as it was stored", async () => {
    const { db, fixtures } = ctx();
    const b = fixtures.enterpriseB.id;
    const rs = await ruleSetInForce(db);
    const trace = [
      { key: "classification.trace.final", params: { class: "II", version: "old" }, text: "final" },
    ];
    const signals = [{ metric: "penalties", windowMonths: 24, value: 0, evidence: { count: 0 } }];
    const [row] = await db.query<{ id: string }>(
      `insert into class_decisions (enterprise_id, class, computed_class, base_class, score_total, rule_set_id,
         rule_set_version, signals, applied, trace, trigger, decided_at)
       values ($1, 'II', 'II', 'II', 80, $2, $3, $4::json, '[]', $5::json, 'demo', now() + interval '1 minute')
       returning id`,
      [b, rs.id, rs.version, JSON.stringify(signals), JSON.stringify(trace)],
    );
    await db.query("update enterprise_supervision set decision_id = $2 where enterprise_id = $1", [
      b,
      row?.id,
    ]);
    const detail = await detailOf(b);
    assert.deepEqual(
      [detail.decision.id, detail.decision.trace, detail.decision.applied, detail.decision.signals],
      [row?.id, trace, [], signals],
    );
    assert.deepEqual((await historyOf(b))[0].trace, trace);
  });

  it("refuses a decision row with neither its trace nor its inputs", async () => {
    const { db, fixtures } = ctx();
    const rs = await ruleSetInForce(db);
    await assert.rejects(
      db.query(
        `insert into class_decisions (enterprise_id, class, computed_class, base_class, score_total, rule_set_id,
           rule_set_version, signals, trigger)
         values ($1, 'II', 'II', 'II', 80, $2, $3, '[]', 'demo')`,
        [fixtures.enterpriseB.id, rs.id, rs.version],
      ),
      /class_decisions_trace_or_inputs/,
    );
  });

  it("keeps an enterprise user to its own decisions", async () => {
    const { app, fixtures } = ctx();
    const own = await call(app, as.enterprise, "GET", `${CLASSES}/${fixtures.enterpriseA.id}/history`);
    assert.equal(own.statusCode, 200);
    const other = await call(app, as.enterprise, "GET", `${CLASSES}/${fixtures.enterpriseB.id}/history`);
    assert.equal(other.statusCode, 404);
  });
});
