import assert from "node:assert/strict";
import { it } from "node:test";
import {
  type ClassificationRuleSet,
  type DefectClass,
  drawForInspection,
  type EnterpriseClass,
  type InspectionLevel,
  type InspectionStage,
  initialSwitchingState,
  nextSwitchingState,
  type ProductRisk,
  type SwitchingState,
  supervisionMode,
  switchingLotEvent,
  verdict,
} from "@jingwei/rules";
import type { Sql } from "../../platform/db.ts";
import { createTestDb, describeEachDb } from "../../testing/harness.ts";
import { STANDARD_INSPECTION_FEE_CNY } from "../lots/decision.ts";
import type { ClassPlans } from "../sampling/schemas.ts";
import { LOT_STATS_AGGREGATE } from "./lot-stats.ts";
import { seedDemo } from "./seed.ts";
import { addMonths } from "./supervision-dates.ts";

// A small cluster (26 real enterprises + synthetic ones) with half the usual volume, on a fixed day.
const TODAY = "2025-06-15";
const OPTIONS = {
  password: "demo-password-1",
  totalEnterprises: 90,
  supervision: { today: TODAY, volume: 0.5 },
} as const;

/** Everything the seed generates, without row ids or wall-clock times: equal for equal inputs. */
async function fingerprint(sql: Sql): Promise<Record<string, string>> {
  const parts: Record<string, string> = {
    lots: `select e.uscc, l.declaration_no, l.product_category, l.hs_code, l.quantity, l.value_usd, l.destination,
             l.buyer, l.ship_date, l.self_sample_size, l.self_defects, l.self_passed, l.declared_at, l.declared_on,
             l.enterprise_class, l.mode, l.sampling_share, l.draw_value, l.decision, l.decision_reason::text,
             l.fee_waived, l.status, l.official_result, l.release_no, l.released_at
           from lots l join enterprises e on e.id = l.enterprise_id order by l.declaration_no`,
    inspections: `select l.declaration_no, i.round, i.stage, i.code_letter, i.sample_size, i.full_inspection,
             i.plans::text, i.defects_found::text, i.result, i.completed_at,
             (select string_agg(d.defect_code || ':' || d.quantity || ':' || coalesce(d.measurement::text, ''), ','
                order by d.defect_code, d.quantity) from inspection_defects d where d.inspection_id = i.id)
           from inspections i join lots l on l.id = i.lot_id order by l.declaration_no, i.round`,
    switching: `select e.uscc, s.product_category, s.state::text from switching_states s
           join enterprises e on e.id = s.enterprise_id order by 1, 2`,
    events: `select e.uscc, s.product_category, s.from_stage, s.to_stage, s.reason_key, s.created_at
           from switching_events s join enterprises e on e.id = s.enterprise_id order by 1, 2, 6, 3`,
    assessments: `select e.uscc, a.scores::text, a.assessed_on from enterprise_assessments a
           join enterprises e on e.id = a.enterprise_id order by 1, 3`,
    classes: `select e.uscc, d.class, d.computed_class, d.score_total, d.trigger from class_decisions d
           join enterprises e on e.id = d.enterprise_id order by 1, d.decided_at, d.class`,
    events2: `select e.uscc, q.kind, q.occurred_on, q.description from quality_events q
           join enterprises e on e.id = q.enterprise_id order by 1, 3, 2, 4`,
  };
  const out: Record<string, string> = {};
  for (const [name, query] of Object.entries(parts)) {
    const [row] = await sql.query<{ h: string; n: number }>(
      `select md5(coalesce(string_agg(t::text, '|'), '')) as h, count(*)::int as n from (${query}) t`,
    );
    out[name] = `${row?.n}:${row?.h}`;
  }
  return out;
}

describeEachDb(
  "demo supervision history",
  (ctx) => {
    it("is deterministic: a second database seeded the same way holds the same history", async () => {
      const other = await createTestDb("pglite");
      try {
        await seedDemo(other.db, OPTIONS);
        assert.deepEqual(await fingerprint(ctx().db), await fingerprint(other.db));
      } finally {
        await other.drop();
      }
    });

    it("loads two years of lots ending today for every exporter, numbered from the sequence", async () => {
      const { db } = ctx();
      const [span] = await db.query<{ first: string; last: string; lots: number; exporters: number }>(
        `select min(declared_on)::text as first, max(declared_on)::text as last, count(*)::int as lots,
           count(distinct enterprise_id)::int as exporters from lots`,
      );
      assert.ok(span && span.lots > 1000, `${span?.lots} lots`);
      assert.ok(span.first > addMonths(TODAY, -24) && span.last <= TODAY, `${span.first} … ${span.last}`);
      const [exporters] = await db.query<{ n: number; foreign: number }>(
        `select count(*) filter (where export_flag)::int as n,
           (select count(*)::int from lots l join enterprises e on e.id = l.enterprise_id where not e.export_flag)
             as foreign
         from enterprises`,
      );
      assert.equal(exporters?.foreign, 0, "lots only for exporters");
      assert.ok((exporters?.n ?? 0) - span.exporters <= 2, "nearly every exporter declares lots");
      const [seq] = await db.query<{ ok: boolean }>(
        `select (select last_value from lot_number_seq) >= max(greatest(
            substr(declaration_no, 11)::int8, coalesce(substr(release_no, 11)::int8, 0))) as ok from lots`,
      );
      assert.equal(seq?.ok, true, "lot_number_seq continues after the demo's numbers");
      const bad = await db.query(
        `select l.declaration_no from lots l join product_categories c on c.code = l.product_category
          where not exists (select 1 from unnest(c.hs_prefixes) p where l.hs_code like p || '%')`,
      );
      assert.deepEqual(bad, [], "every HS code falls under its category's prefixes");
    });

    it("takes each lot's decision as docs/supervision.md says", async () => {
      const { db } = ctx();
      const [rs] = await db.query<{ rules: ClassificationRuleSet }>(
        "select rules from classification_rule_sets where status = 'published'",
      );
      assert.ok(rs);
      const lots = await db.query<{
        no: string;
        cls: EnterpriseClass;
        risk: ProductRisk;
        mode: string;
        decision: string;
        share: number;
        seed: string | null;
        value: number | null;
        key: string;
        fee: number;
        status: string;
        releaseNo: string | null;
      }>(
        `select declaration_no as no, enterprise_class as cls, product_risk as risk, mode, decision,
           sampling_share::float8 as share, draw_seed as seed, draw_value as value, decision_reason->>'key' as key,
           fee_waived::float8 as fee, status, release_no as "releaseNo"
         from lots`,
      );
      let exempt = 0;
      for (const l of lots) {
        const m = supervisionMode(rs.rules, l.cls, l.risk);
        assert.equal(l.mode, m.mode, l.no);
        assert.equal(l.fee, l.decision === "release" ? STANDARD_INSPECTION_FEE_CNY : 0, l.no);
        if (l.decision === "release") assert.ok(l.status === "released" && l.releaseNo, l.no);
        if (l.key === "lots.reason.exemption") {
          exempt++;
          assert.equal(l.decision, "release");
          continue;
        }
        if (l.mode === "verification") assert.equal(l.decision, "release", l.no);
        if (l.mode === "stringent" || l.mode === "special") assert.equal(l.decision, "inspect", l.no);
        if (l.mode === "general") {
          const d = drawForInspection({ seed: l.seed ?? "", lotId: l.no, share: m.samplingShare });
          assert.equal(l.value, d.value, l.no);
          assert.equal(l.decision, d.selected ? "inspect" : "release", l.no);
        }
      }
      assert.ok(exempt > 0, "the approved exemption releases lots");
    });

    it("records inspections whose verdicts agree with Ac/Re and lots whose status follows them", async () => {
      const { db } = ctx();
      const rows = await db.query<{
        no: string;
        round: number;
        lastRound: number;
        plans: ClassPlans;
        found: Record<DefectClass, number>;
        result: string;
        sampleSize: number;
        full: boolean;
        lotSize: number;
        mode: string;
        status: string;
        official: string | null;
        perClass: Record<DefectClass, number> | null;
      }>(
        `select l.declaration_no as no, i.round, max(i.round) over (partition by i.lot_id) as "lastRound",
           i.plans, i.defects_found as found, i.result, i.sample_size as "sampleSize", i.full_inspection as full,
           l.lot_size as "lotSize", l.mode, l.status, l.official_result as official,
           (select jsonb_object_agg(c, q) from (select defect_class as c, sum(quantity)::int as q
              from inspection_defects d where d.inspection_id = i.id group by 1) s) as "perClass"
         from inspections i join lots l on l.id = i.lot_id`,
      );
      assert.ok(rows.length > 200, `${rows.length} inspections`);
      assert.ok(
        rows.some((r) => r.result === "rejected"),
        "some lots are rejected",
      );
      assert.ok(
        rows.some((r) => r.round > 1),
        "rejected lots are re-inspected",
      );
      for (const r of rows) {
        const v = verdict(
          { critical: r.plans.critical, major: r.plans.major, minor: r.plans.minor },
          { critical: r.found.critical, major: r.found.major, minor: r.found.minor },
        );
        assert.equal(v.result, r.result, `${r.no} round ${r.round}`);
        for (const c of ["critical", "major", "minor"] as const)
          assert.equal(r.perClass?.[c] ?? 0, r.found[c], `${r.no} ${c}: defect rows add up`);
        assert.ok(r.sampleSize <= r.lotSize, r.no);
        const classes = [r.plans.critical, r.plans.major, r.plans.minor];
        assert.equal(
          r.full,
          classes.every((p) => p.fullInspection),
          r.no,
        );
        if (r.mode === "special") assert.ok(r.full && r.sampleSize === r.lotSize, r.no);
        if (r.round === 1) assert.equal(r.official, r.result, r.no);
        if (r.round === r.lastRound)
          assert.equal(r.status, r.result === "accepted" ? "accepted" : "rework", r.no);
      }
      const orphans = await db.query(
        `select declaration_no from lots l where status in ('accepted', 'rework')
           and not exists (select 1 from inspections i where i.lot_id = l.id)
         union all
         select declaration_no from lots l where status in ('released', 'awaiting_inspection', 'withdrawn')
           and exists (select 1 from inspections i where i.lot_id = l.id)`,
      );
      assert.deepEqual(orphans, []);
      const unassigned = await db.query(
        `select l.declaration_no from lots l left join users u on u.id = l.inspector_id
          where l.status in ('awaiting_inspection', 'rework') and l.inspector_id is not null
            and u.username is distinct from 'inspector'`,
      );
      assert.deepEqual(unassigned, [], "open lots are in the pool or the demo inspector's");
    });

    it("moves the switching state by nextSwitchingState on original inspections only", async () => {
      const { db } = ctx();
      const rows = await db.query<{
        key: string;
        stage: InspectionStage;
        lotSize: number;
        level: InspectionLevel;
        aql: number;
        major: number;
        result: string;
      }>(
        `select l.enterprise_id || '/' || l.product_category as key, i.stage, l.lot_size as "lotSize",
           i.level, c.aql_major::float8 as aql, (i.defects_found->>'major')::int as major, i.result
         from inspections i join lots l on l.id = i.lot_id join product_categories c on c.code = l.product_category
         where i.round = 1 order by l.enterprise_id, l.product_category, l.declared_at, l.declaration_no`,
      );
      const replayed = new Map<string, SwitchingState>();
      for (const r of rows) {
        let state = replayed.get(r.key) ?? initialSwitchingState();
        if (state.stage === "discontinued")
          state = nextSwitchingState(state, { type: "resume", correctiveActionAccepted: true }).state;
        assert.equal(r.stage, state.stage, `${r.key}: inspected on the stage in force`);
        const event = switchingLotEvent(
          { lotSize: r.lotSize, level: r.level, aql: r.aql, stage: r.stage },
          r.major,
        );
        replayed.set(r.key, nextSwitchingState(state, { ...event, accepted: r.result === "accepted" }).state);
      }
      const stored = await db.query<{ key: string; stage: string; state: SwitchingState }>(
        `select enterprise_id || '/' || product_category as key, stage, state from switching_states`,
      );
      assert.equal(stored.length, replayed.size);
      for (const s of stored) {
        assert.equal(s.stage, s.state.stage);
        assert.deepEqual(s.state, replayed.get(s.key), s.key);
      }
      const [events] = await db.query<{ lots: number; resumes: number }>(
        `select count(*) filter (where lot_id is not null)::int as lots,
           count(*) filter (where lot_id is null)::int as resumes from switching_events`,
      );
      assert.equal(events?.lots, rows.length, "one event per original inspection");
      const [resumes] = await db.query<{ n: number }>(
        `select count(*)::int as n from switching_events where lot_id is null
            and reason_key = 'aql.switching.resumeToTightened'`,
      );
      assert.equal(resumes?.n, events?.resumes, "the other events resume discontinued inspection");
    });

    it("keeps lot_stats_monthly equal to a direct aggregation of the lots, with the trigger back on", async () => {
      const { db } = ctx();
      const diff = await db.query(
        `(select * from lot_stats_monthly except select * from (${LOT_STATS_AGGREGATE}) a)
         union all
         (select * from (${LOT_STATS_AGGREGATE}) a except select * from lot_stats_monthly)`,
      );
      assert.deepEqual(diff, []);
      const [trigger] = await db.query<{ enabled: string }>(
        "select tgenabled::text as enabled from pg_trigger where tgname = 'lots_stats'",
      );
      assert.equal(trigger?.enabled, "O");
      const [town] = await db.query<{ exists: boolean }>(
        "select to_regclass('lot_stats_town_monthly') is not null as exists",
      );
      if (town?.exists) {
        const townDiff = await db.query(
          `select coalesce(e.town_code, '') as town, s.month, sum(s.lots)::int8 as lots from lot_stats_monthly s
             left join enterprises e on e.id = s.enterprise_id group by 1, 2
           except select town_code, month, lots from lot_stats_town_monthly`,
        );
        assert.deepEqual(townDiff, [], "the town rollup is rebuilt too");
      }
    });

    it("assesses and classifies every exporter, and nothing else", async () => {
      const { db } = ctx();
      const [rs] = await db.query<{ rules: ClassificationRuleSet }>(
        "select rules from classification_rule_sets where status = 'published'",
      );
      const elements = (rs?.rules.elements ?? []).map((e) => e.id as string).sort();
      const exporters = await db.query<{
        name: string;
        scores: Record<string, number> | null;
        cls: string | null;
      }>(
        `select e.name, a.scores, s.class as cls from enterprises e
           left join lateral (select scores from enterprise_assessments a where a.enterprise_id = e.id
                               order by assessed_on desc limit 1) a on true
           left join enterprise_supervision s on s.enterprise_id = e.id
          where e.export_flag`,
      );
      assert.ok(exporters.length > 10);
      for (const e of exporters) {
        assert.deepEqual(Object.keys(e.scores ?? {}).sort(), elements, `${e.name}: all nine elements scored`);
        assert.ok(e.cls, `${e.name} has a class`);
      }
      const [others] = await db.query<{ n: number }>(
        `select count(*)::int as n from enterprise_assessments a join enterprises e on e.id = a.enterprise_id
          where not e.export_flag`,
      );
      assert.equal(others?.n, 0);
      const [pilot] = await db.query<{ cls: string }>(
        `select s.class as cls from enterprise_supervision s join enterprises e on e.id = s.enterprise_id
          where e.name = '浙江华城实业投资集团有限公司'`,
      );
      assert.ok(pilot && ["I", "II"].includes(pilot.cls), `华城 is a good performer (${pilot?.cls})`);
    });

    it("gives every supervision page something to show", async () => {
      const { db } = ctx();
      const [c] = await db.query<Record<string, number>>(
        `select (select count(*)::int from cameras) as cameras,
           (select count(*)::int from video_spot_checks) as "spotChecks",
           (select count(*)::int from public_list_entries where list = 'good' and status = 'published') as good,
           (select count(*)::int from exemption_applications where status = 'approved') as approved,
           (select count(*)::int from exemption_applications where status = 'submitted') as submitted,
           (select count(*)::int from enterprise_supervision where green_channel) as green,
           (select count(*)::int from quality_events) as events`,
      );
      for (const [k, n] of Object.entries(c ?? {})) assert.ok(n > 0, `${k}: ${n}`);
      assert.equal(c?.approved, 1);
    });
  },
  async ({ db }) => {
    await seedDemo(db, OPTIONS);
  },
);
