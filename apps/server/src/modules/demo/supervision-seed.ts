import { randomUUID } from "node:crypto";
import { type DefectClass, seededRandom } from "@jingwei/rules";
import type { Db, Sql } from "../../platform/db.ts";
import {
  listProductCategories,
  productCategory,
  ruleSetInForce,
  todayInChina,
} from "../supervision/context.ts";
import { disableLotStatsTrigger, enableLotStatsTrigger, rebuildLotStats } from "./lot-stats.ts";
import { ALL_REAL_ENTERPRISES } from "./pinghu-seed-data.ts";
import { type Column, insertRows, withoutSecondaryIndexes } from "./supervision-bulk.ts";
import { CAMERA_SPOTS, SPOT_CHECK_FINDINGS } from "./supervision-data.ts";
import { addMonths, dayOf, isoOf, stampOf } from "./supervision-dates.ts";
import {
  type AssessmentRow,
  type DecisionRow,
  type ExporterInput,
  type ExporterOutcome,
  type GeneratedSupervision,
  generateSupervision,
  type InspectionRow,
  type LotRow,
  type QualityEventRow,
  type SwitchingEventRow,
  type SwitchingStateRow,
} from "./supervision-generate.ts";

// Loads two years of classified supervision for the demo cluster's exporters (see supervision-generate.ts for
// what is generated): everything in one transaction, lots with the statistics trigger off and lot_stats_monthly
// rebuilt at the end; then the classes of today through the classification module's reclassifyAll.

/** The seeds' real enterprises that should look like good performers: CSC9000T pilots, exempt, demonstration. */
const GOOD_PERFORMERS = new Set<string>(
  ALL_REAL_ENTERPRISES.filter((e) => e.isPilot || e.isExportExempt || e.isRegionalDemo).map((e) => e.name),
);
const EXEMPT_NAMES: string[] = ALL_REAL_ENTERPRISES.filter((e) => e.isExportExempt).map((e) => e.name);
const PRIVILEGED_NAMES = new Set<string>(
  ALL_REAL_ENTERPRISES.filter((e) => e.isExportExempt || e.isRegionalDemo).map((e) => e.name),
);

export interface SupervisionSeedOptions {
  /** The last day of the history, YYYY-MM-DD (default: today in China). */
  today?: string;
  months?: number;
  /** Multiplies the lots per exporter and month (default 1: ~45,000 lots for the 1,200-enterprise cluster). */
  volume?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SupervisionSeedResult {
  exporters: number;
  lots: number;
  inspections: number;
  defects: number;
  qualityEvents: number;
  switchingEvents: number;
  /** Who wrote today's classes: the classification module, or this seeder from the same rules. */
  classesBy: "reclassifyAll" | "seed";
  /** What could not be done with the other modules (reclassifyAll, exemption evidence), and why. */
  notes: string[];
  seconds: number;
}

interface Staff {
  inspectorId: string | null;
  regulatorId: string | null;
  enterpriseUsers: Map<string, string>;
}

async function loadStaff(sql: Sql): Promise<Staff> {
  const users = await sql.query<{ id: string; username: string; role: string; enterpriseId: string | null }>(
    `select id, username, role, enterprise_id as "enterpriseId" from users order by created_at, username`,
  );
  const byName = (u: string) => users.find((x) => x.username === u)?.id ?? null;
  const firstOf = (role: string) => users.find((x) => x.role === role)?.id ?? null;
  const enterpriseUsers = new Map<string, string>();
  for (const u of users)
    if (u.enterpriseId && !enterpriseUsers.has(u.enterpriseId)) enterpriseUsers.set(u.enterpriseId, u.id);
  return {
    inspectorId: byName("inspector") ?? firstOf("inspector"),
    regulatorId: byName("regulator") ?? firstOf("regulator"),
    enterpriseUsers,
  };
}

async function loadExporters(sql: Sql): Promise<ExporterInput[]> {
  const rows = await sql.query<{
    id: string;
    uscc: string;
    name: string;
    employees: number | null;
    mainProducts: string | null;
    brands: { name: string }[];
    certifications: { validFrom: string | null; validTo: string | null }[] | null;
  }>(
    `select e.id, e.uscc, e.name, e.employees, e.main_products as "mainProducts", e.brands,
       (select json_agg(json_build_object('validFrom', c.valid_from, 'validTo', c.valid_to) order by c.id)
          from enterprise_certifications c where c.enterprise_id = e.id) as certifications
     from enterprises e where e.export_flag order by e.uscc`,
  );
  return rows.map((r) => ({
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    employees: r.employees,
    mainProducts: r.mainProducts,
    brands: (r.brands ?? []).map((b) => b.name).filter(Boolean),
    certifications: r.certifications ?? [],
    goodPerformer: GOOD_PERFORMERS.has(r.name),
  }));
}

/** Tables loaded with their secondary indexes dropped and rebuilt afterwards. */
const LOADED_TABLES = ["lots", "inspections", "inspection_defects"];

// ---------------------------------------------------------------------------------------------------------------
// Columns of each table

const LOT_COLUMNS: Column<LotRow>[] = [
  { name: "id", type: "uuid", value: (l) => l.id },
  { name: "declaration_no", type: "text", value: (l) => l.declarationNo },
  { name: "enterprise_id", type: "uuid", value: (l) => l.enterpriseId },
  { name: "product_category", type: "text", value: (l) => l.productCategory },
  { name: "hs_code", type: "text", value: (l) => l.hsCode },
  { name: "description", type: "text", value: (l) => l.description },
  { name: "quantity", type: "int", value: (l) => l.quantity },
  { name: "lot_size", type: "int", value: (l) => l.lotSize },
  { name: "value_usd", type: "numeric", value: (l) => l.valueUsd },
  { name: "destination", type: "text", value: (l) => l.destination },
  { name: "buyer", type: "text", value: (l) => l.buyer },
  { name: "brand", type: "text", value: (l) => l.brand },
  { name: "ship_date", type: "date", value: (l) => l.shipDate },
  { name: "self_sample_size", type: "int", value: (l) => l.selfSampleSize },
  { name: "self_defects", type: "int", value: (l) => l.selfDefects },
  { name: "self_passed", type: "boolean", value: (l) => l.selfPassed },
  { name: "self_note", type: "text", value: (l) => l.selfNote },
  { name: "declared_by", type: "uuid", value: (l) => l.declaredBy },
  { name: "declared_at", type: "timestamptz", value: (l) => l.declaredAt },
  { name: "declared_on", type: "date", value: (l) => l.declaredOn },
  { name: "enterprise_class", type: "text", value: (l) => l.enterpriseClass },
  { name: "product_risk", type: "text", value: (l) => l.productRisk },
  { name: "mode", type: "text", value: (l) => l.mode },
  { name: "sampling_share", type: "numeric", value: (l) => l.samplingShare },
  { name: "draw_seed", type: "text", value: (l) => l.drawSeed },
  { name: "draw_value", type: "float8", value: (l) => l.drawValue },
  { name: "draw_hash", type: "text", value: (l) => l.drawHash },
  { name: "decision", type: "text", value: (l) => l.decision },
  { name: "decision_reason", type: "jsonb", value: (l) => l.decisionReason },
  { name: "rule_set_version", type: "text", value: (l) => l.ruleSetVersion },
  { name: "fee_waived", type: "numeric", value: (l) => l.feeWaived },
  { name: "status", type: "text", value: (l) => l.status },
  { name: "official_result", type: "text", value: (l) => l.officialResult },
  { name: "inspector_id", type: "uuid", value: (l) => l.inspectorId },
  { name: "release_no", type: "text", value: (l) => l.releaseNo },
  { name: "released_at", type: "timestamptz", value: (l) => l.releasedAt },
  { name: "updated_at", type: "timestamptz", value: (l) => l.updatedAt },
];

const INSPECTION_COLUMNS: Column<InspectionRow>[] = [
  { name: "id", type: "uuid", value: (i) => i.id },
  { name: "lot_id", type: "uuid", value: (i) => i.lotId },
  { name: "round", type: "int", value: (i) => i.round },
  { name: "inspector_id", type: "uuid", value: (i) => i.inspectorId },
  { name: "stage", type: "text", value: (i) => i.stage },
  { name: "level", type: "text", value: (i) => i.level },
  { name: "code_letter", type: "text", value: (i) => i.codeLetter },
  { name: "sample_size", type: "int", value: (i) => i.sampleSize },
  { name: "full_inspection", type: "boolean", value: (i) => i.fullInspection },
  { name: "plans", type: "jsonb", value: (i) => i.plans },
  { name: "defects_found", type: "jsonb", value: (i) => i.defectsFound },
  { name: "result", type: "text", value: (i) => i.result },
  { name: "note", type: "text", value: (i) => i.note },
  { name: "completed_at", type: "timestamptz", value: (i) => i.completedAt },
];

type DefectInsert = {
  inspectionId: string;
  code: string;
  cls: DefectClass;
  quantity: number;
  measurement: unknown;
};
const DEFECT_COLUMNS: Column<DefectInsert>[] = [
  { name: "inspection_id", type: "uuid", value: (d) => d.inspectionId },
  { name: "defect_code", type: "text", value: (d) => d.code },
  { name: "defect_class", type: "text", value: (d) => d.cls },
  { name: "quantity", type: "int", value: (d) => d.quantity },
  { name: "measurement", type: "jsonb", value: (d) => d.measurement },
];

const STATE_COLUMNS: Column<SwitchingStateRow>[] = [
  { name: "enterprise_id", type: "uuid", value: (s) => s.enterpriseId },
  { name: "product_category", type: "text", value: (s) => s.productCategory },
  { name: "stage", type: "text", value: (s) => s.state.stage },
  { name: "state", type: "jsonb", value: (s) => s.state },
  { name: "updated_at", type: "timestamptz", value: (s) => s.updatedAt },
];

const EVENT_COLUMNS: Column<SwitchingEventRow>[] = [
  { name: "enterprise_id", type: "uuid", value: (e) => e.enterpriseId },
  { name: "product_category", type: "text", value: (e) => e.productCategory },
  { name: "lot_id", type: "uuid", value: (e) => e.lotId },
  { name: "from_stage", type: "text", value: (e) => e.fromStage },
  { name: "to_stage", type: "text", value: (e) => e.toStage },
  { name: "reason_key", type: "text", value: (e) => e.reasonKey },
  { name: "reason_params", type: "jsonb", value: (e) => e.reasonParams },
  { name: "reason", type: "text", value: (e) => e.reason },
  { name: "created_by", type: "uuid", value: (e) => e.createdBy },
  { name: "created_at", type: "timestamptz", value: (e) => e.createdAt },
];

const ASSESSMENT_COLUMNS: Column<AssessmentRow>[] = [
  { name: "enterprise_id", type: "uuid", value: (a) => a.enterpriseId },
  { name: "scores", type: "jsonb", value: (a) => a.scores },
  { name: "assessed_on", type: "date", value: (a) => a.assessedOn },
  { name: "assessed_by", type: "uuid", value: (a) => a.assessedBy },
  { name: "note", type: "text", value: (a) => a.note },
  // Created when assessed, so "latest" reads the same by either column.
  { name: "created_at", type: "timestamptz", value: (a) => `${a.assessedOn}T09:00:00+08:00` },
];

const decisionColumns = (ruleSetId: string, version: string): Column<DecisionRow>[] => [
  { name: "id", type: "uuid", value: (d) => d.id },
  { name: "enterprise_id", type: "uuid", value: (d) => d.enterpriseId },
  { name: "class", type: "text", value: (d) => d.decision.class },
  { name: "computed_class", type: "text", value: (d) => d.decision.computedClass },
  { name: "base_class", type: "text", value: (d) => d.decision.baseClass },
  { name: "score_total", type: "numeric", value: (d) => d.decision.scoreTotal },
  { name: "rule_set_id", type: "uuid", value: () => ruleSetId },
  { name: "rule_set_version", type: "text", value: () => version },
  { name: "signals", type: "jsonb", value: (d) => d.signals },
  { name: "applied", type: "jsonb", value: (d) => d.decision.applied },
  { name: "trace", type: "jsonb", value: (d) => d.decision.trace },
  { name: "trigger", type: "text", value: () => "demo" },
  { name: "decided_at", type: "timestamptz", value: (d) => d.decidedAt },
];

const QUALITY_EVENT_COLUMNS: Column<QualityEventRow>[] = [
  { name: "enterprise_id", type: "uuid", value: (e) => e.enterpriseId },
  { name: "kind", type: "text", value: (e) => e.kind },
  { name: "occurred_on", type: "date", value: (e) => e.occurredOn },
  { name: "description", type: "text", value: (e) => e.description },
  { name: "lot_id", type: "uuid", value: (e) => e.lotId },
  { name: "recorded_by", type: "uuid", value: (e) => e.recordedBy },
  { name: "created_at", type: "timestamptz", value: (e) => `${e.occurredOn}T16:00:00+08:00` },
];

// ---------------------------------------------------------------------------------------------------------------
// Privileges, lists and cameras, chosen from what the history turned out to be

interface Extras {
  greenChannel: { id: string; since: string; reason: string }[];
  lists: {
    list: "good" | "bad";
    enterpriseId: string;
    title: string;
    reason: string;
    period: string;
    status: "draft" | "published";
    at: string;
  }[];
  cameras: { id: string; enterpriseId: string; name: string; location: string; url: string; at: string }[];
  spotChecks: {
    cameraId: string;
    enterpriseId: string;
    at: string;
    result: "ok" | "issue";
    findings: string;
  }[];
}

function chooseExtras(exporters: ExporterOutcome[], today: string, seed: number): Extras {
  const rand = seededRandom(seed ^ 0x5eed);
  const todayDay = dayOf(today);
  const midDay = dayOf(addMonths(today, -12));
  const year = Number(today.slice(0, 4));
  const excellent = exporters.filter((e) => e.tier === "excellent" && e.qualityEvents === 0);
  const realGood = excellent.filter((e) => e.goodPerformer);
  const worst = [...exporters]
    .filter((e) => e.tier === "poor" || e.tier === "weak")
    .sort((a, b) => b.rejected / Math.max(1, b.inspected) - a.rejected / Math.max(1, a.inspected));

  const green = [
    ...realGood.filter((e) => PRIVILEGED_NAMES.has(e.name)),
    ...excellent.filter((e) => !e.goodPerformer).slice(0, 2),
  ];
  const extras: Extras = { greenChannel: [], lists: [], cameras: [], spotChecks: [] };
  for (const e of green)
    extras.greenChannel.push({
      id: e.id,
      since: isoOf(midDay + 30),
      reason: PRIVILEGED_NAMES.has(e.name)
        ? "出口免验/区域化管理示范企业，连续两年官方检验全部合格，开通绿色通道"
        : "一类企业，近两年无退运、索赔，开通绿色通道",
    });

  const goods = [...realGood.slice(0, 3), ...excellent.filter((e) => !e.goodPerformer).slice(0, 1)];
  for (const [i, e] of goods.entries())
    extras.lists.push({
      list: "good",
      enterpriseId: e.id,
      title: "出口服装质量诚信企业",
      reason: `${year - 1} 年度出口批次官方检验合格率 100%，无退运、索赔，质量管理体系健全`,
      period: `${year - 1} 年度`,
      status: i < goods.length - 1 || goods.length === 1 ? "published" : "draft",
      at: stampOf(todayDay - 75 + i, 10 * 60),
    });
  for (const [i, e] of worst.slice(0, 2).entries())
    extras.lists.push({
      list: "bad",
      enterpriseId: e.id,
      title: "出口服装质量问题通报",
      reason: `近两年 ${e.inspected} 批官方检验中 ${e.rejected} 批不合格，并有 ${e.qualityEvents} 起退运、索赔或处罚`,
      period: `${year} 年第 ${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1} 季度`,
      status: "published",
      at: stampOf(todayDay - 20 + i, 15 * 60),
    });

  const watched = [...realGood.slice(0, 4), ...worst.slice(0, 4)];
  for (const e of watched)
    for (const spot of CAMERA_SPOTS.slice(0, 2))
      extras.cameras.push({
        id: randomUUID(),
        enterpriseId: e.id,
        name: spot.name,
        location: spot.location,
        url: `rtsp://camera.demo.invalid/${extras.cameras.length + 1}`,
        at: stampOf(midDay, 9 * 60),
      });
  const poorIds = new Set(worst.map((e) => e.id));
  for (let i = 0; i < 40 && extras.cameras.length > 0; i++) {
    const camera = extras.cameras[Math.floor(rand() * extras.cameras.length)] as Extras["cameras"][number];
    const issue = rand() < (poorIds.has(camera.enterpriseId) ? 0.4 : 0.05);
    const result = issue ? "issue" : "ok";
    const findings = SPOT_CHECK_FINDINGS[result];
    extras.spotChecks.push({
      cameraId: camera.id,
      enterpriseId: camera.enterpriseId,
      at: stampOf(todayDay - Math.floor(rand() * 180), 9 * 60 + Math.floor(rand() * 8 * 60)),
      result,
      findings: findings[Math.floor(rand() * findings.length)] as string,
    });
  }
  return extras;
}

async function insertExtras(sql: Sql, extras: Extras, staff: Staff): Promise<void> {
  await insertRows(
    sql,
    "cameras",
    [
      { name: "id", type: "uuid", value: (c: Extras["cameras"][number]) => c.id },
      { name: "enterprise_id", type: "uuid", value: (c) => c.enterpriseId },
      { name: "name", type: "text", value: (c) => c.name },
      { name: "location", type: "text", value: (c) => c.location },
      { name: "stream_url", type: "text", value: (c) => c.url },
      { name: "created_at", type: "timestamptz", value: (c) => c.at },
    ],
    extras.cameras,
  );
  await insertRows(
    sql,
    "video_spot_checks",
    [
      { name: "camera_id", type: "uuid", value: (s: Extras["spotChecks"][number]) => s.cameraId },
      { name: "enterprise_id", type: "uuid", value: (s) => s.enterpriseId },
      { name: "inspector_id", type: "uuid", value: () => staff.inspectorId },
      { name: "checked_at", type: "timestamptz", value: (s) => s.at },
      { name: "result", type: "text", value: (s) => s.result },
      { name: "findings", type: "text", value: (s) => s.findings },
      { name: "created_at", type: "timestamptz", value: (s) => s.at },
    ],
    extras.spotChecks,
  );
  await insertRows(
    sql,
    "public_list_entries",
    [
      { name: "list", type: "text", value: (e: Extras["lists"][number]) => e.list },
      { name: "enterprise_id", type: "uuid", value: (e) => e.enterpriseId },
      { name: "title", type: "text", value: (e) => e.title },
      { name: "reason", type: "text", value: (e) => e.reason },
      { name: "period", type: "text", value: (e) => e.period },
      { name: "status", type: "text", value: (e) => e.status },
      { name: "created_by", type: "uuid", value: () => staff.regulatorId },
      { name: "created_at", type: "timestamptz", value: (e) => e.at },
      {
        name: "published_by",
        type: "uuid",
        value: (e) => (e.status === "published" ? staff.regulatorId : null),
      },
      { name: "published_at", type: "timestamptz", value: (e) => (e.status === "published" ? e.at : null) },
    ],
    extras.lists,
  );
  for (const g of extras.greenChannel)
    await sql.query(
      `update enterprise_supervision set green_channel = true, green_channel_since = $2, green_channel_reason = $3
        where enterprise_id = $1`,
      [g.id, g.since, g.reason],
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Exemption applications: one approved (it releases lots in the history), one awaiting the regulator

interface ExemptionIds {
  approved: string | null;
  submitted: string | null;
}

async function insertExemptions(
  sql: Sql,
  g: GeneratedSupervision,
  exporters: ExporterInput[],
  staff: Staff,
  today: string,
): Promise<ExemptionIds> {
  const ids: ExemptionIds = { approved: null, submitted: null };
  const placeholder = (on: string, criteriaMet: boolean) => ({
    evaluatedOn: on,
    criteriaMet,
    criteria: [],
    note: "演示数据：证据在批准时由申请记录计算（privileges 模块可用时重新计算）",
  });
  if (g.exemption) {
    const x = g.exemption;
    const [row] = await sql.query<{ id: string }>(
      `insert into exemption_applications (enterprise_id, product_category, status, evidence, criteria_met,
         statement, applied_by, applied_at, decided_by, decided_at, decision_note, valid_from, valid_to)
       values ($1, $2, 'approved', $3::jsonb, true, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        x.enterpriseId,
        x.productCategory,
        JSON.stringify(placeholder(x.appliedAt.slice(0, 10), true)),
        "本企业该类产品连续多年官方检验全部合格，无质量异议，申请出口免验。",
        x.appliedBy,
        x.appliedAt,
        staff.regulatorId,
        x.decidedAt,
        "经书面审查和现场核查，符合出口免验条件，准予免验三年。",
        x.validFrom,
        x.validTo,
      ],
    );
    ids.approved = row?.id ?? null;
  }
  // A second exempt enterprise of the seeds applies now: the regulator's pending item.
  const applicant = exporters.find(
    (e) => EXEMPT_NAMES.includes(e.name) && e.id !== g.exemption?.enterpriseId,
  );
  const category = g.lots.find((l) => l.enterpriseId === applicant?.id)?.productCategory;
  if (applicant && category) {
    const appliedAt = stampOf(dayOf(today) - 6, 10 * 60);
    const [row] = await sql.query<{ id: string }>(
      `insert into exemption_applications (enterprise_id, product_category, status, evidence, criteria_met,
         statement, applied_by, applied_at)
       values ($1, $2, 'submitted', $3::jsonb, false, $4, $5, $6) returning id`,
      [
        applicant.id,
        category,
        JSON.stringify(placeholder(appliedAt.slice(0, 10), false)),
        "本企业连续两年出口批次官方检验合格，申请该类产品出口免验。",
        staff.enterpriseUsers.get(applicant.id) ?? null,
        appliedAt,
      ],
    );
    ids.submitted = row?.id ?? null;
  }
  return ids;
}

async function hasColumns(sql: Sql, columns: string[]): Promise<boolean> {
  const [row] = await sql.query<{ n: number }>(
    `select count(*)::int as n from information_schema.columns
      where table_schema = current_schema() and table_name = 'exemption_applications' and column_name = any($1)`,
    [columns],
  );
  return row?.n === columns.length;
}

/**
 * The evidence the privileges module computes for an application, when that module is present: the same figures
 * a regulator sees for a new application. Optional (dynamic import): the seed works without it.
 */
async function refreshExemptionEvidence(db: Db, ids: ExemptionIds): Promise<string | null> {
  type Evaluate = (
    sql: Sql,
    e: { id: string; name: string; uscc: string },
    category: unknown,
    today: string,
  ) => Promise<{ criteriaMet: boolean }>;
  let evaluate: Evaluate | undefined;
  try {
    const mod = (await import(new URL("../privileges/exemption-evidence.ts", import.meta.url).href)) as {
      evaluateExemption?: Evaluate;
    };
    evaluate = mod.evaluateExemption;
  } catch {
    return "privileges/exemption-evidence.ts not available: exemption evidence left as a placeholder";
  }
  if (!evaluate) return "evaluateExemption not exported: exemption evidence left as a placeholder";
  for (const id of [ids.approved, ids.submitted]) {
    if (!id) continue;
    await db.tx(async (sql) => {
      const [a] = await sql.query<{
        enterpriseId: string;
        category: string;
        on: string;
        name: string;
        uscc: string;
      }>(
        `select a.enterprise_id as "enterpriseId", a.product_category as category,
           (a.applied_at at time zone 'Asia/Shanghai')::date::text as on, e.name, e.uscc
         from exemption_applications a join enterprises e on e.id = a.enterprise_id where a.id = $1`,
        [id],
      );
      if (!a) return;
      const evidence = await (evaluate as Evaluate)(
        sql,
        { id: a.enterpriseId, name: a.name, uscc: a.uscc },
        await productCategory(sql, a.category),
        a.on,
      );
      await sql.query(
        "update exemption_applications set evidence = $2::jsonb, criteria_met = $3 where id = $1",
        [id, JSON.stringify(evidence), evidence.criteriaMet],
      );
      // The approval's own record (migration 0011): the evaluation at decision time, and why it was approved
      // although the records cannot show three years.
      if (id === ids.approved && (await hasColumns(sql, ["decision_evidence", "override_reason"])))
        await sql.query(
          "update exemption_applications set decision_evidence = $2::jsonb, override_reason = $3 where id = $1",
          [
            id,
            JSON.stringify(evidence),
            evidence.criteriaMet
              ? null
              : "企业早已取得出口免验资格（见平湖产业集群资料）；系统中仅有两年检验记录，三年期条件无法完整核验，经现场核查后批准（演示数据）",
          ],
        );
    });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Today's classes

type ReclassifyAll = (db: Db, actor: null, trigger: "demo", today?: string) => Promise<unknown>;

/** reclassifyAll of the classification module, or null (with the reason) when it is not available. */
async function findReclassifyAll(): Promise<{ fn: ReclassifyAll | null; note: string | null }> {
  try {
    const mod = (await import(new URL("../classification/service.ts", import.meta.url).href)) as {
      reclassifyAll?: ReclassifyAll;
    };
    if (typeof mod.reclassifyAll === "function") return { fn: mod.reclassifyAll, note: null };
    return { fn: null, note: "classification/service.ts does not export reclassifyAll" };
  } catch (err) {
    return { fn: null, note: `classification module not available: ${(err as Error).message}` };
  }
}

async function writeFinalDecisions(db: Db, exporters: ExporterOutcome[]): Promise<void> {
  await db.tx(async (sql) => {
    const rs = await ruleSetInForce(sql);
    const decisions = exporters.map((e) => e.finalDecision());
    await insertRows(sql, "class_decisions", decisionColumns(rs.id, rs.version), decisions);
    await sql.query(
      `update enterprise_supervision s set class = x.class, decision_id = x.id, updated_at = now()
         from unnest($1::uuid[], $2::text[], $3::uuid[]) as x(enterprise_id, class, id)
        where s.enterprise_id = x.enterprise_id`,
      [
        decisions.map((d) => d.enterpriseId),
        decisions.map((d) => d.decision.computedClass),
        decisions.map((d) => d.id),
      ],
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Loads the supervision history of every exporter (export_flag) of the registry. Expects the demo's staff
 * accounts (inspections are the `inspector`'s, assessments and lists the `regulator`'s); runs on a database
 * without lots.
 */
export async function seedSupervision(
  db: Db,
  opts: SupervisionSeedOptions = {},
): Promise<SupervisionSeedResult> {
  const started = performance.now();
  const today = opts.today ?? todayInChina();
  const seed = opts.seed ?? 20_250_301;
  const progress = opts.onProgress ?? (() => {});
  const STEPS = 10;

  const loaded = await db.tx(async (sql) => {
    const rs = await ruleSetInForce(sql);
    const staff = await loadStaff(sql);
    const exporters = await loadExporters(sql);
    const categories = await listProductCategories(sql);
    const defectTypes = await sql.query<{ code: string; category: string; defaultClass: DefectClass }>(
      `select code, category, default_class as "defaultClass" from defect_types order by sort_order, code`,
    );
    const [seq] = await sql.query<{ next: number }>(
      "select case when is_called then last_value + 1 else last_value end::int8 as next from lot_number_seq",
    );
    const exempt = exporters.find((e) => EXEMPT_NAMES.includes(e.name));
    progress(1, STEPS);

    const g = generateSupervision({
      exporters,
      categories,
      defectTypes,
      ruleSet: rs,
      today,
      ...(opts.months ? { months: opts.months } : {}),
      volume: opts.volume ?? 1,
      seed,
      firstSerial: seq?.next ?? 1,
      inspectorId: staff.inspectorId,
      regulatorId: staff.regulatorId,
      enterpriseUsers: staff.enterpriseUsers,
      exemptEnterpriseId: exempt?.id ?? null,
    });
    progress(3, STEPS);

    await insertRows(sql, "enterprise_assessments", ASSESSMENT_COLUMNS, g.assessments);
    await insertRows(sql, "class_decisions", decisionColumns(rs.id, rs.version), g.decisions);
    const latest = g.exporters.map((e) => ({ id: e.id, class: e.class, decisionId: e.latestDecisionId }));
    await insertRows(
      sql,
      "enterprise_supervision",
      [
        { name: "enterprise_id", type: "uuid", value: (x: (typeof latest)[number]) => x.id },
        { name: "class", type: "text", value: (x) => x.class },
        { name: "decision_id", type: "uuid", value: (x) => x.decisionId },
      ],
      latest,
    );
    const exemptionIds = await insertExemptions(sql, g, exporters, staff, today);
    progress(4, STEPS);

    await disableLotStatsTrigger(sql);
    const defects = await withoutSecondaryIndexes(sql, LOADED_TABLES, async () => {
      await insertRows(sql, "lots", LOT_COLUMNS, g.lots);
      progress(6, STEPS);

      await insertRows(sql, "inspections", INSPECTION_COLUMNS, g.inspections);
      const defects: DefectInsert[] = g.inspections.flatMap((i) =>
        i.defects.map((d) => ({
          inspectionId: i.id,
          code: d.defectCode,
          cls: d.defectClass,
          quantity: d.quantity,
          measurement: d.measurement,
        })),
      );
      await insertRows(sql, "inspection_defects", DEFECT_COLUMNS, defects);
      return defects;
    });
    progress(7, STEPS);

    await insertRows(sql, "switching_states", STATE_COLUMNS, g.switchingStates);
    await insertRows(sql, "switching_events", EVENT_COLUMNS, g.switchingEvents);
    await insertRows(sql, "quality_events", QUALITY_EVENT_COLUMNS, g.qualityEvents);
    await insertExtras(sql, chooseExtras(g.exporters, today, seed), staff);
    if (g.lastSerial >= (seq?.next ?? 1))
      await sql.query("select setval('lot_number_seq', $1)", [g.lastSerial]);
    await enableLotStatsTrigger(sql);
    await rebuildLotStats(sql);
    progress(8, STEPS);

    const counts = {
      exporters: exporters.length,
      lots: g.lots.length,
      inspections: g.inspections.length,
      defects: defects.length,
      qualityEvents: g.qualityEvents.length,
      switchingEvents: g.switchingEvents.length,
    };
    await sql.query(
      `insert into audit_log (actor_name, action, entity_type, after)
       values ('system', 'demo.seed_supervision', 'cluster', $1::jsonb)`,
      [JSON.stringify({ ...counts, today, seed })],
    );
    return { counts, exporters: g.exporters, exemptionIds };
  });

  const { fn, note } = await findReclassifyAll();
  let classesBy: SupervisionSeedResult["classesBy"] = "seed";
  let reclassifyNote = note;
  if (fn) {
    try {
      await fn(db, null, "demo", today);
      classesBy = "reclassifyAll";
    } catch (err) {
      // The history stays; today's classes then come from the same rules here, and the reason is reported.
      reclassifyNote = `reclassifyAll failed: ${(err as Error).message}`;
    }
  }
  if (classesBy === "seed") await writeFinalDecisions(db, loaded.exporters);
  progress(9, STEPS);

  const evidenceNote = await refreshExemptionEvidence(db, loaded.exemptionIds).catch(
    (err: Error) => `exemption evidence not recomputed: ${err.message}`,
  );
  progress(10, STEPS);

  return {
    ...loaded.counts,
    classesBy,
    notes: [reclassifyNote, evidenceNote].filter((n): n is string => n !== null),
    seconds: (performance.now() - started) / 1000,
  };
}
