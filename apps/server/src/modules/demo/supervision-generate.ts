import { randomUUID } from "node:crypto";
import {
  type ClassificationDecision,
  type ClassificationRuleSet,
  classifyEnterprise,
  type DefectClass,
  type EnterpriseClass,
  type InspectionLevel,
  type InspectionStage,
  isInspectionLevel,
  nextSwitchingState,
  type SignalObservation,
  type SwitchingState,
  samplingPlan,
  seededRandom,
  switchingLotEvent,
  verdict,
} from "@jingwei/rules";
import { decideLot, type LotDecision } from "../lots/decision.ts";
import type { ClassPlans } from "../sampling/schemas.ts";
import { plansFor } from "../sampling/service.ts";
import type { ProductCategory, RuleSetInForce } from "../supervision/context.ts";
import {
  BUYERS,
  CATEGORIES_BY_PRODUCT,
  DEFAULT_CATEGORY_MIX,
  DESTINATIONS,
  HS_CODES,
  QUALITY_EVENT_TEXTS,
  SEASON,
  UNIT_PRICE_USD,
} from "./supervision-data.ts";
import {
  addMonths,
  dayOf,
  firstDayOfMonth,
  isoOf,
  monthOf,
  stampOf,
  windowStartMonth,
} from "./supervision-dates.ts";

// Two years of an export cluster's supervision records, generated in memory and deterministic for a seed, the
// exporters and `today`: declarations with the decision the lots module takes (decideLot), inspections whose
// verdicts follow Ac/Re, re-inspections after rework, the ISO 2859-1 switching state per enterprise × category,
// quality events, checklist assessments and the class decisions they lead to. supervision-seed.ts writes it.

/** How an exporter behaves; the real pilots and exempt/demonstration enterprises are "excellent". */
export type Tier = "excellent" | "good" | "fair" | "weak" | "poor";

interface TierProfile {
  /** Share of synthetic exporters. */
  share: number;
  /** Probability that an original (round 1) inspection rejects the lot. */
  reject: number;
  /** Probability that the enterprise's own inspection passes the lot. */
  selfPass: number;
  /** Checklist scores as a fraction of each element's maximum: [low, high). */
  scores: readonly [number, number];
}

/** Calibrated so the cluster's official pass rate lands near 99–99.9 % with a few exporters far below. */
export const TIERS: Record<Tier, TierProfile> = {
  excellent: { share: 0.15, reject: 0.0008, selfPass: 0.997, scores: [0.92, 1] },
  good: { share: 0.55, reject: 0.002, selfPass: 0.992, scores: [0.78, 0.93] },
  fair: { share: 0.23, reject: 0.004, selfPass: 0.985, scores: [0.63, 0.8] },
  weak: { share: 0.05, reject: 0.025, selfPass: 0.965, scores: [0.52, 0.7] },
  poor: { share: 0.02, reject: 0.12, selfPass: 0.92, scores: [0.38, 0.6] },
};

export interface ExporterInput {
  id: string;
  uscc: string;
  name: string;
  employees: number | null;
  mainProducts: string | null;
  brands: string[];
  certifications: { validFrom: string | null; validTo: string | null }[];
  /** Set for the seeds' real enterprises that must look like good performers. */
  goodPerformer: boolean;
}

export interface DefectTypeInput {
  code: string;
  category: string;
  defaultClass: DefectClass;
}

export interface GenerateInput {
  exporters: ExporterInput[];
  categories: ProductCategory[];
  defectTypes: DefectTypeInput[];
  ruleSet: RuleSetInForce;
  today: string;
  /** Length of the history in months (default 24). */
  months?: number;
  /** Multiplies every exporter's lots per month (default 1). */
  volume?: number;
  seed?: number;
  /** The next value of lot_number_seq: declaration and release numbers continue from it. */
  firstSerial: number;
  inspectorId: string | null;
  regulatorId: string | null;
  /** Enterprise accounts by enterprise id (declared_by, applied_by). */
  enterpriseUsers: ReadonlyMap<string, string>;
  /** The exporter given an approved inspection exemption (免验), if any. */
  exemptEnterpriseId?: string | null;
}

export interface LotRow {
  id: string;
  declarationNo: string;
  enterpriseId: string;
  productCategory: string;
  hsCode: string;
  description: string;
  quantity: number;
  lotSize: number;
  valueUsd: number;
  destination: string;
  buyer: string | null;
  brand: string | null;
  shipDate: string;
  selfSampleSize: number;
  selfDefects: number;
  selfPassed: boolean;
  selfNote: string | null;
  declaredBy: string | null;
  declaredAt: string;
  declaredOn: string;
  enterpriseClass: EnterpriseClass;
  productRisk: string;
  mode: string;
  samplingShare: number;
  drawSeed: string | null;
  drawValue: number | null;
  drawHash: string | null;
  decision: "release" | "inspect";
  decisionReason: LotDecision["reason"];
  ruleSetVersion: string;
  feeWaived: number;
  status: "released" | "awaiting_inspection" | "accepted" | "rework" | "withdrawn";
  officialResult: "accepted" | "rejected" | null;
  inspectorId: string | null;
  releaseNo: string | null;
  releasedAt: string | null;
  updatedAt: string;
}

export interface DefectRow {
  defectCode: string;
  defectClass: DefectClass;
  quantity: number;
  measurement: Record<string, string | number> | null;
}

export interface InspectionRow {
  id: string;
  lotId: string;
  round: number;
  inspectorId: string | null;
  stage: InspectionStage;
  level: string;
  codeLetter: string;
  sampleSize: number;
  fullInspection: boolean;
  plans: ClassPlans;
  defectsFound: Record<DefectClass, number>;
  result: "accepted" | "rejected";
  note: string | null;
  completedAt: string;
  defects: DefectRow[];
}

export interface SwitchingStateRow {
  enterpriseId: string;
  productCategory: string;
  state: SwitchingState;
  updatedAt: string;
}

export interface SwitchingEventRow {
  enterpriseId: string;
  productCategory: string;
  lotId: string | null;
  fromStage: string;
  toStage: string;
  reasonKey: string;
  reasonParams: Readonly<Record<string, number | string>>;
  reason: string;
  createdBy: string | null;
  createdAt: string;
}

export interface AssessmentRow {
  enterpriseId: string;
  scores: Record<string, number>;
  assessedOn: string;
  assessedBy: string | null;
  note: string;
}

export interface DecisionRow {
  id: string;
  enterpriseId: string;
  decision: ClassificationDecision;
  signals: SignalObservation[];
  decidedAt: string;
}

export interface QualityEventRow {
  enterpriseId: string;
  kind: "return" | "claim" | "warning" | "penalty" | "complaint";
  occurredOn: string;
  description: string;
  lotId: string | null;
  recordedBy: string | null;
}

export interface ExemptionRow {
  enterpriseId: string;
  productCategory: string;
  validFrom: string;
  validTo: string;
  appliedAt: string;
  decidedAt: string;
  appliedBy: string | null;
}

/** What one exporter turned out to be: for the privileges, lists and cameras chosen afterwards. */
export interface ExporterOutcome {
  id: string;
  name: string;
  tier: Tier;
  goodPerformer: boolean;
  lots: number;
  inspected: number;
  rejected: number;
  qualityEvents: number;
  /** Class of the latest generated decision (before the final reclassification). */
  class: EnterpriseClass;
  /**
   * The decision as of today from the same rules, computed on demand: used only when the classification
   * module cannot reclassify.
   */
  finalDecision: () => DecisionRow;
  latestDecisionId: string;
}

export interface GeneratedSupervision {
  lots: LotRow[];
  inspections: InspectionRow[];
  switchingStates: SwitchingStateRow[];
  switchingEvents: SwitchingEventRow[];
  assessments: AssessmentRow[];
  decisions: DecisionRow[];
  qualityEvents: QualityEventRow[];
  exemption: ExemptionRow | null;
  exporters: ExporterOutcome[];
  /** The last value of lot_number_seq used. */
  lastSerial: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Random helpers

type Rand = () => number;

function pickWeighted<T>(rand: Rand, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items.at(-1) as readonly [T, number])[0];
}

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/** Knuth's Poisson sampler: fine for the small means of lots per month. */
function poisson(rand: Rand, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rand)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

function normal(rand: Rand): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** A seed per exporter from the run's seed and the exporter's USCC, so exporters do not share streams. */
function streamSeed(seed: number, key: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------------------------------------------
// Exporter profiles

interface Profile {
  input: ExporterInput;
  index: number;
  tier: Tier;
  lotsPerMonth: number;
  categories: readonly (readonly [ProductCategory, number])[];
  destinations: readonly (readonly [string, number])[];
  /** Median pieces per lot. */
  lotPieces: number;
  brand: string | null;
  declaredBy: string | null;
}

function tierOf(rand: Rand, e: ExporterInput): Tier {
  if (e.goodPerformer) return "excellent";
  let r = rand();
  for (const [tier, p] of Object.entries(TIERS) as [Tier, TierProfile][]) {
    r -= p.share;
    if (r < 0) return tier;
  }
  return "fair";
}

function categoriesOf(rand: Rand, e: ExporterInput, byCode: Map<string, ProductCategory>) {
  const mix = (e.mainProducts && CATEGORIES_BY_PRODUCT[e.mainProducts]) || DEFAULT_CATEGORY_MIX;
  const chosen: [ProductCategory, number][] = [];
  const wanted = 1 + (rand() < 0.55 ? 1 : 0) + (rand() < 0.2 ? 1 : 0);
  for (let i = 0; i < 8 && chosen.length < wanted; i++) {
    const code = pickWeighted(rand, mix);
    const category = byCode.get(code);
    if (category && !chosen.some(([c]) => c.code === code))
      chosen.push([category, chosen.length === 0 ? 6 : 2]);
  }
  if (chosen.length === 0) {
    const any = [...byCode.values()][0];
    if (any) chosen.push([any, 1]);
  }
  return chosen;
}

function destinationsOf(rand: Rand): [string, number][] {
  const out: [string, number][] = [];
  const wanted = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < 12 && out.length < wanted; i++) {
    const d = pickWeighted(rand, DESTINATIONS);
    if (!out.some(([x]) => x === d)) out.push([d, 1 + rand() * 4]);
  }
  return out;
}

function profileOf(rand: Rand, e: ExporterInput, index: number, input: GenerateInput): Profile {
  const byCode = new Map(input.categories.map((c) => [c.code, c]));
  const tier = tierOf(rand, e);
  const employees = e.employees ?? 150;
  // Lots per month grow with the workforce; the real groups are the cluster's large exporters.
  const base = e.goodPerformer ? 5 + rand() * 6 : (0.3 + employees / 450) * Math.exp(0.45 * normal(rand));
  return {
    input: e,
    index,
    tier,
    lotsPerMonth: base * (input.volume ?? 1),
    categories: categoriesOf(rand, e, byCode),
    destinations: destinationsOf(rand),
    lotPieces: Math.round((600 + Math.min(employees, 1500) * 6) * Math.exp(0.3 * normal(rand))),
    brand: e.brands[0] ?? null,
    declaredBy: input.enterpriseUsers.get(e.id) ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Lot skeletons: what the enterprise declares (no decision yet)

interface Skeleton {
  profile: Profile;
  id: string;
  category: ProductCategory;
  level: InspectionLevel;
  hsCode: string;
  description: string;
  quantity: number;
  valueUsd: number;
  destination: string;
  buyer: string | null;
  day: number;
  minute: number;
  shipDay: number;
  selfSampleSize: number;
  selfDefects: number;
  selfPassed: boolean;
  declarationNo: string;
}

function hsCodesOf(category: ProductCategory): readonly { hs: string; zh: string }[] {
  const known = (HS_CODES[category.code] ?? []).filter(
    (c) => category.hsPrefixes.length === 0 || category.hsPrefixes.some((p) => c.hs.startsWith(p)),
  );
  if (known.length > 0) return known;
  // An administrator's own category: a code made of its first prefix, padded to 8 digits.
  const prefix = category.hsPrefixes[0] ?? "6109";
  return [{ hs: prefix.padEnd(8, "0").slice(0, 10), zh: category.nameZh }];
}

function levelOf(category: ProductCategory): InspectionLevel {
  return isInspectionLevel(category.inspectionLevel) ? category.inspectionLevel : "II";
}

function skeletonsOf(rand: Rand, p: Profile, startDay: number, endDay: number): Skeleton[] {
  const out: Skeleton[] = [];
  const tier = TIERS[p.tier];
  for (let month = monthOf(startDay); month <= monthOf(endDay); month++) {
    const first = Math.max(startDay, firstDayOfMonth(month));
    const last = Math.min(endDay, firstDayOfMonth(month + 1) - 1);
    const daysInMonth = firstDayOfMonth(month + 1) - firstDayOfMonth(month);
    const count = poisson(
      rand,
      p.lotsPerMonth * (SEASON[month % 12] ?? 1) * ((last - first + 1) / daysInMonth),
    );
    for (let k = 0; k < count; k++) {
      const category = pickWeighted(rand, p.categories);
      const hs = pick(rand, hsCodesOf(category));
      const quantity = Math.max(120, Math.round((p.lotPieces * Math.exp(0.5 * normal(rand))) / 10) * 10);
      const [lo, hi] = UNIT_PRICE_USD[category.code] ?? [3, 10];
      const destination = pickWeighted(rand, p.destinations);
      const buyers = BUYERS[destination];
      const level = levelOf(category);
      const self = selfInspection(rand, quantity, level, category.aqlMajor, tier.selfPass);
      const day = first + Math.floor(rand() * (last - first + 1));
      out.push({
        profile: p,
        id: randomUUID(),
        category,
        level,
        hsCode: hs.hs,
        description: hs.zh,
        quantity,
        valueUsd: round2(quantity * (lo + (hi - lo) * rand())),
        destination,
        buyer: buyers && rand() < 0.85 ? pick(rand, buyers) : null,
        day,
        minute: 8 * 60 + Math.floor(rand() * 10 * 60),
        shipDay: day + 4 + Math.floor(rand() * 16),
        ...self,
        declarationNo: "",
      });
    }
  }
  return out;
}

const planCache = new Map<string, ReturnType<typeof samplingPlan>>();
const plansCache = new Map<string, ClassPlans>();

/** The enterprise's own inspection with the normal plan at the category's major AQL (as the lots module checks). */
function selfInspection(rand: Rand, lotSize: number, level: InspectionLevel, aql: number, passRate: number) {
  const key = `${lotSize}|${level}|${aql}`;
  let plan = planCache.get(key);
  if (!plan) {
    plan = samplingPlan({ lotSize, level, aql, stage: "normal" });
    planCache.set(key, plan);
  }
  const passed = rand() < passRate;
  const defects = passed
    ? plan.accept > 0 && rand() < 0.4
      ? 1 + Math.floor(rand() * plan.accept)
      : 0
    : Math.min(plan.sampleSize, plan.reject + Math.floor(rand() * 3));
  return { selfSampleSize: plan.sampleSize, selfDefects: defects, selfPassed: passed };
}

// ---------------------------------------------------------------------------------------------------------------
// Inspections

/** The plans of an inspection: the lots module's plan per defect class; special supervision inspects every item. */
function inspectionPlans(lot: Skeleton, stage: InspectionStage, full: boolean) {
  const c = lot.category;
  const key = `${lot.quantity}|${lot.level}|${stage}|${c.aqlCritical}|${c.aqlMajor}|${c.aqlMinor}`;
  let plans = plansCache.get(key);
  if (!plans) {
    plans = plansFor({
      lotSize: lot.quantity,
      level: lot.level,
      stage,
      aqlCritical: c.aqlCritical ?? 0,
      aqlMajor: c.aqlMajor,
      aqlMinor: c.aqlMinor,
    });
    plansCache.set(key, plans);
  }
  const sampleSize = Math.max(plans.critical.sampleSize, plans.major.sampleSize, plans.minor.sampleSize);
  const every = [plans.critical, plans.major, plans.minor].every((p) => p.fullInspection);
  if (!full) return { plans, sampleSize, fullInspection: every };
  const whole = (p: ClassPlans["major"]) => ({ ...p, sampleSize: lot.quantity, fullInspection: true });
  return {
    plans: { critical: whole(plans.critical), major: whole(plans.major), minor: whole(plans.minor) },
    sampleSize: lot.quantity,
    fullInspection: true,
  };
}

/** Defect counts per class that give `accepted` under the plans: within Ac everywhere, or one class at Re or more. */
function defectCounts(rand: Rand, plans: ClassPlans, accepted: boolean, sampleSize: number) {
  const within = (accept: number, pZero: number) =>
    accept > 0 && rand() >= pZero ? 1 + Math.floor(rand() * rand() * accept) : 0;
  const counts: Record<DefectClass, number> = {
    critical: within(plans.critical.accept, 0.97),
    major: within(plans.major.accept, 0.5),
    minor: within(plans.minor.accept, 0.4),
  };
  if (!accepted) {
    const r = rand();
    const failing: DefectClass = r < 0.12 ? "critical" : r < 0.78 ? "major" : "minor";
    counts[failing] = Math.min(sampleSize, plans[failing].reject + Math.floor(rand() * rand() * 4));
  }
  return counts;
}

const MEASURING_POINTS = ["胸围", "衣长", "袖长", "腰围", "裤长", "肩宽"];
const SIZES = ["S", "M", "L", "XL"];

function defectRows(
  rand: Rand,
  counts: Record<DefectClass, number>,
  byClass: Map<DefectClass, DefectTypeInput[]>,
  childrens: boolean,
): DefectRow[] {
  const rows: DefectRow[] = [];
  for (const cls of ["critical", "major", "minor"] as const) {
    let left = counts[cls];
    let types = byClass.get(cls) ?? [];
    if (cls === "critical" && !childrens) types = types.filter((t) => !t.code.includes("drawstring"));
    if (left === 0 || types.length === 0) continue;
    const first = pick(rand, types);
    const second = pick(rand, types);
    const split = left > 1 && second.code !== first.code && rand() < 0.45;
    for (const type of split ? [first, second] : [first]) {
      const quantity = type === first && split ? 1 + Math.floor(rand() * (left - 1)) : left;
      left -= quantity;
      const specCm = 40 + Math.floor(rand() * 60);
      rows.push({
        defectCode: type.code,
        defectClass: cls,
        quantity,
        measurement:
          type.category === "measurement"
            ? {
                point: pick(rand, MEASURING_POINTS),
                size: pick(rand, SIZES),
                specCm,
                toleranceCm: 1,
                measuredCm: round2(specCm + (rand() < 0.5 ? -1 : 1) * (1.5 + rand() * 2)),
              }
            : null,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Classification in memory (the same observations as classification/signals.ts, from the generated records)

interface LotOutcome {
  month: number;
  selfPassed: boolean;
  official: "accepted" | "rejected" | null;
  /** Day the official result became known. */
  resultDay: number | null;
}

function observations(
  rules: ClassificationRuleSet,
  asOf: number,
  outcomes: readonly LotOutcome[],
  events: readonly QualityEventRow[],
  certifications: ExporterInput["certifications"],
): SignalObservation[] {
  const out: SignalObservation[] = [];
  const asOfIso = isoOf(asOf);
  const seen = new Set<string>();
  for (const rule of rules.signalRules) {
    const key = `${rule.metric}@${rule.windowMonths}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { metric, windowMonths } = rule;
    const from = windowStartMonth(monthOf(asOf), windowMonths);
    const inWindow = outcomes.filter((o) => o.month >= from && o.month <= monthOf(asOf));
    const known = inWindow.filter((o) => o.official && o.resultDay !== null && o.resultDay <= asOf);
    const rejected = known.filter((o) => o.official === "rejected").length;
    const fromIso = isoOf(firstDayOfMonth(from));
    const evs = events.filter((e) => e.occurredOn >= fromIso && e.occurredOn <= asOfIso);
    switch (metric) {
      case "officialPassRate":
        if (known.length > 0)
          out.push({
            metric,
            windowMonths,
            value: (100 * (known.length - rejected)) / known.length,
            evidence: { count: rejected, total: known.length },
          });
        break;
      case "selfInspectionPassRate": {
        if (inWindow.length === 0) break;
        const passed = inWindow.filter((o) => o.selfPassed).length;
        out.push({
          metric,
          windowMonths,
          value: (100 * passed) / inWindow.length,
          evidence: { count: inWindow.length - passed, total: inWindow.length },
        });
        break;
      }
      case "lotsRejected":
        out.push({
          metric,
          windowMonths,
          value: rejected,
          evidence: { count: rejected, total: known.length },
        });
        break;
      case "returnsAndClaims":
      case "penalties": {
        const count = evs.filter((e) => (metric === "penalties") === (e.kind === "penalty")).length;
        out.push({ metric, windowMonths, value: count, evidence: { count } });
        break;
      }
      case "certificationsInForce": {
        const count = certifications.filter(
          (c) => (!c.validFrom || c.validFrom <= asOfIso) && (!c.validTo || c.validTo >= asOfIso),
        ).length;
        out.push({ metric, windowMonths, value: count, evidence: { count } });
        break;
      }
      default:
        out.push({ metric, windowMonths, value: 0, evidence: { count: 0 } });
    }
  }
  return out;
}

function assessmentScores(rand: Rand, rules: ClassificationRuleSet, tier: Tier): Record<string, number> {
  const [lo, hi] = TIERS[tier].scores;
  return Object.fromEntries(
    rules.elements.map((el) => {
      const raw = (lo + (hi - lo) * rand()) * el.maxScore;
      return [el.id, Math.min(el.maxScore, Math.max(0, Math.round(raw * 2) / 2))];
    }),
  );
}

function decide(
  rs: RuleSetInForce,
  enterpriseId: string,
  scores: Record<string, number>,
  signals: SignalObservation[],
  day: number,
): DecisionRow {
  const d = classifyEnterprise(rs.rules, { checklist: scores, signals, today: isoOf(day) });
  if (!d.ok)
    throw new Error(`demo classification refused: ${JSON.stringify(d.inputIssues ?? d.ruleSetIssues)}`);
  return { id: randomUUID(), enterpriseId, decision: d, signals, decidedAt: stampOf(day, 10 * 60) };
}

// ---------------------------------------------------------------------------------------------------------------
// One exporter's history

const QUALITY_KINDS: Record<Tier, readonly QualityEventRow["kind"][]> = {
  excellent: [],
  good: ["complaint"],
  fair: ["complaint", "return"],
  weak: ["return", "claim", "complaint", "warning"],
  poor: ["return", "claim", "warning", "complaint"],
};

function qualityEventsOf(
  rand: Rand,
  p: Profile,
  lots: readonly Skeleton[],
  startDay: number,
  endDay: number,
  regulatorId: string | null,
): QualityEventRow[] {
  let count = 0;
  if (p.tier === "good") count = rand() < 0.04 ? 1 : 0;
  else if (p.tier === "fair") count = rand() < 0.1 ? 1 : 0;
  else if (p.tier === "weak") count = 1 + Math.floor(rand() * 3);
  else if (p.tier === "poor") count = 3 + Math.floor(rand() * 4);
  const out: QualityEventRow[] = [];
  for (let i = 0; i < count; i++) {
    const kind = p.tier === "poor" && i === 0 ? "penalty" : pick(rand, QUALITY_KINDS[p.tier]);
    const day = startDay + 30 + Math.floor(rand() * Math.max(1, endDay - startDay - 30));
    const shipped = lots.filter((l) => l.shipDay < day - 10);
    const lot = kind === "penalty" || shipped.length === 0 ? null : pick(rand, shipped);
    const text = pick(rand, QUALITY_EVENT_TEXTS[kind] ?? ["质量问题"]);
    out.push({
      enterpriseId: p.input.id,
      kind,
      occurredOn: isoOf(day),
      description: text
        .replace("{dest}", lot ? `${lot.destination} ` : "")
        .replace("{lot}", lot?.declarationNo ?? ""),
      lotId: lot?.id ?? null,
      recordedBy: regulatorId,
    });
  }
  return out.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
}

interface Context {
  input: GenerateInput;
  rs: RuleSetInForce;
  startDay: number;
  midDay: number;
  todayDay: number;
  defectsByClass: Map<DefectClass, DefectTypeInput[]>;
  exemption: ExemptionRow | null;
  out: GeneratedSupervision;
  /** Lots waiting for a release number, numbered in release order at the end. */
  releases: { lot: LotRow; day: number; minute: number }[];
}

const REJECT_NOTES = [
  "严重缺陷超出接收数，判定不合格，通知企业返工后申请复检",
  "抽样发现缺陷超出 Ac，整批返工",
  "致命/严重缺陷不符合要求，不予放行",
];

function historyOf(ctx: Context, p: Profile, lots: Skeleton[]): ExporterOutcome {
  const { rs, input, out } = ctx;
  const rand = seededRandom(streamSeed(input.seed ?? 1, p.input.uscc));
  const tier = TIERS[p.tier];
  const events = qualityEventsOf(rand, p, lots, ctx.startDay, ctx.todayDay, input.regulatorId);
  out.qualityEvents.push(...events);

  const a0 = assessmentScores(rand, rs.rules, p.tier);
  const a1 = assessmentScores(rand, rs.rules, p.tier);
  for (const [scores, day, note] of [
    [a0, ctx.startDay, "年度分类核查（演示数据）"],
    [a1, ctx.midDay, "年度分类复核（演示数据）"],
  ] as const)
    out.assessments.push({
      enterpriseId: p.input.id,
      scores,
      assessedOn: isoOf(day),
      assessedBy: input.regulatorId,
      note,
    });
  const outcomes: LotOutcome[] = [];
  const signalsAt = (day: number) => observations(rs.rules, day, outcomes, events, p.input.certifications);
  const d0 = decide(rs, p.input.id, a0, signalsAt(ctx.startDay), ctx.startDay);
  let d1: DecisionRow | null = null;
  const classOn = (day: number): EnterpriseClass => {
    if (day < ctx.midDay) return d0.decision.class;
    d1 ??= decide(rs, p.input.id, a1, signalsAt(ctx.midDay), ctx.midDay);
    return d1.decision.class;
  };

  const states = new Map<string, SwitchingState>();
  const stateUpdated = new Map<string, string>();
  let inspected = 0;
  let rejectedLots = 0;
  for (const s of lots) {
    const enterpriseClass = classOn(s.day);
    const exempt =
      ctx.exemption &&
      ctx.exemption.enterpriseId === p.input.id &&
      ctx.exemption.productCategory === s.category.code &&
      isoOf(s.day) >= ctx.exemption.validFrom &&
      isoOf(s.day) <= ctx.exemption.validTo
        ? { validTo: ctx.exemption.validTo }
        : null;
    const d = decideLot({
      rules: rs.rules,
      ruleSetVersion: rs.version,
      enterpriseClass,
      risk: s.category.risk,
      exemption: exempt,
      declarationNo: s.declarationNo,
      declaredOn: isoOf(s.day),
    });
    const declaredAt = stampOf(s.day, s.minute);
    const lot: LotRow = {
      id: s.id,
      declarationNo: s.declarationNo,
      enterpriseId: p.input.id,
      productCategory: s.category.code,
      hsCode: s.hsCode,
      description: s.description,
      quantity: s.quantity,
      lotSize: s.quantity,
      valueUsd: s.valueUsd,
      destination: s.destination,
      buyer: s.buyer,
      brand: p.brand,
      shipDate: isoOf(s.shipDay),
      selfSampleSize: s.selfSampleSize,
      selfDefects: s.selfDefects,
      selfPassed: s.selfPassed,
      selfNote: s.selfPassed ? null : "自检不合格，已返工并申请官方检验",
      declaredBy: p.declaredBy,
      declaredAt,
      declaredOn: isoOf(s.day),
      enterpriseClass,
      productRisk: s.category.risk,
      mode: d.mode,
      samplingShare: d.samplingShare,
      drawSeed: d.draw?.seed ?? null,
      drawValue: d.draw?.value ?? null,
      drawHash: d.draw?.hash ?? null,
      decision: d.decision,
      decisionReason: d.reason,
      ruleSetVersion: rs.version,
      feeWaived: d.feeWaived,
      status: d.status,
      officialResult: null,
      inspectorId: null,
      releaseNo: null,
      releasedAt: null,
      updatedAt: declaredAt,
    };
    out.lots.push(lot);
    const outcome: LotOutcome = {
      month: monthOf(s.day),
      selfPassed: s.selfPassed,
      official: null,
      resultDay: null,
    };
    outcomes.push(outcome);
    if (d.decision === "release") {
      ctx.releases.push({ lot, day: s.day, minute: s.minute });
      continue;
    }
    if (rand() < 0.004) {
      lot.status = "withdrawn";
      lot.updatedAt = stampOf(s.day, s.minute + 90);
      continue;
    }
    // Inspected lots are the demo inspector's; of the open ones, half are still in the pool (unclaimed).
    lot.inspectorId = input.inspectorId;
    const unclaimed = rand() < 0.5;
    let day = s.day + 1 + Math.floor(rand() * 4);
    if (day >= s.shipDay) s.shipDay = day + 2 + Math.floor(rand() * 5);
    lot.shipDate = isoOf(s.shipDay);
    if (day > ctx.todayDay) {
      if (unclaimed) lot.inspectorId = null;
      continue; // still awaiting inspection: the inspectors' task list
    }

    const key = s.category.code;
    let state = states.get(key) ?? {
      stage: "normal",
      recentNormalResults: [],
      switchingScore: 0,
      consecutiveAcceptedOnTightened: 0,
      notAcceptedOnTightened: 0,
    };
    const full = d.mode === "special";
    for (let round = 1; ; round++) {
      const minute = 9 * 60 + Math.floor(rand() * 8 * 60);
      const completedAt = stampOf(day, minute);
      if (state.stage === "discontinued") {
        // The regulator accepted the corrective action: inspection resumes, tightened.
        const t = nextSwitchingState(state, { type: "resume", correctiveActionAccepted: true });
        out.switchingEvents.push(eventRow(p, key, null, t, input.regulatorId, stampOf(day, minute - 60)));
        state = t.state;
      }
      const stage = state.stage as InspectionStage;
      const { plans, sampleSize, fullInspection } = inspectionPlans(s, stage, full);
      const pReject =
        round === 1 ? tier.reject * (stage === "tightened" ? 1.3 : stage === "reduced" ? 0.8 : 1) : 0.08;
      const accepted = rand() >= pReject;
      const counts = defectCounts(rand, plans, accepted, sampleSize);
      const v = verdict(plans, counts);
      if (v.accepted !== accepted)
        throw new Error(`generated defects contradict the verdict of ${s.declarationNo}`);
      out.inspections.push({
        id: randomUUID(),
        lotId: s.id,
        round,
        inspectorId: input.inspectorId,
        stage,
        level: s.level,
        codeLetter: plans.major.codeLetter,
        sampleSize,
        fullInspection,
        plans,
        defectsFound: counts,
        result: v.result,
        note: accepted ? null : pick(rand, REJECT_NOTES),
        completedAt,
        defects: defectRows(rand, counts, ctx.defectsByClass, s.category.code === "childrens"),
      });
      lot.updatedAt = completedAt;
      if (round === 1) {
        inspected++;
        if (!accepted) rejectedLots++;
        lot.officialResult = v.result;
        outcome.official = v.result;
        outcome.resultDay = day;
        // As lots/inspect.ts does: the major class's event, judged by the lot's verdict; reduced inspection is
        // never approved there, so the history has none either. Every original inspection leaves an event.
        const event = switchingLotEvent(
          { lotSize: s.quantity, level: s.level, aql: s.category.aqlMajor, stage },
          counts.major,
        );
        const t = nextSwitchingState(state, { ...event, accepted });
        out.switchingEvents.push(eventRow(p, key, s.id, t, input.inspectorId, completedAt));
        state = t.state;
        stateUpdated.set(key, completedAt);
      }
      if (accepted) {
        lot.status = "accepted";
        ctx.releases.push({ lot, day, minute });
        break;
      }
      lot.status = "rework";
      day += 6 + Math.floor(rand() * 10);
      if (day > ctx.todayDay) break; // reworking: the re-inspection is still to come
    }
    states.set(key, state);
  }
  for (const [key, state] of states)
    out.switchingStates.push({
      enterpriseId: p.input.id,
      productCategory: key,
      state,
      updatedAt: stateUpdated.get(key) ?? stampOf(ctx.todayDay, 8 * 60),
    });

  classOn(ctx.midDay);
  const decisions = [d0, ...(d1 ? [d1] : [])];
  out.decisions.push(...decisions);
  const latest = decisions.at(-1) as DecisionRow;
  return {
    id: p.input.id,
    name: p.input.name,
    tier: p.tier,
    goodPerformer: p.input.goodPerformer,
    lots: lots.length,
    inspected,
    rejected: rejectedLots,
    qualityEvents: events.length,
    class: latest.decision.class,
    finalDecision: () => decide(rs, p.input.id, a1, signalsAt(ctx.todayDay), ctx.todayDay),
    latestDecisionId: latest.id,
  };
}

function eventRow(
  p: Profile,
  category: string,
  lotId: string | null,
  t: ReturnType<typeof nextSwitchingState>,
  by: string | null,
  at: string,
): SwitchingEventRow {
  return {
    enterpriseId: p.input.id,
    productCategory: category,
    lotId,
    fromStage: t.from,
    toStage: t.to,
    reasonKey: t.reasonKey,
    reasonParams: t.reasonParams,
    reason: t.reason,
    createdBy: by,
    createdAt: at,
  };
}

const lotNumber = (prefix: "BJ" | "FX", day: number, serial: number) =>
  `${prefix}${isoOf(day).replaceAll("-", "")}${String(serial).padStart(6, "0")}`;

/**
 * Generates the whole history. Deterministic for the same input apart from row ids (random UUIDs): the same
 * declaration numbers, decisions, inspections and classes on every run and database.
 */
export function generateSupervision(input: GenerateInput): GeneratedSupervision {
  const months = input.months ?? 24;
  const todayDay = dayOf(input.today);
  const startDay = dayOf(addMonths(input.today, -months)) + 1;
  const midDay = dayOf(addMonths(input.today, -Math.floor(months / 2)));
  const rand = seededRandom(input.seed ?? 1);
  const profiles = input.exporters.map((e, i) => profileOf(rand, e, i, input));
  const skeletons = new Map<Profile, Skeleton[]>();
  for (const p of profiles) skeletons.set(p, skeletonsOf(rand, p, startDay, todayDay));

  // Declaration numbers in the order of declaration, as the sequence would have handed them out.
  const all = [...skeletons.values()].flat();
  all.sort((a, b) => a.day - b.day || a.minute - b.minute || a.profile.index - b.profile.index);
  let serial = input.firstSerial;
  for (const s of all) s.declarationNo = lotNumber("BJ", s.day, serial++);

  const byClass = new Map<DefectClass, DefectTypeInput[]>();
  for (const t of input.defectTypes) byClass.set(t.defaultClass, [...(byClass.get(t.defaultClass) ?? []), t]);

  const exempt = profiles.find((p) => p.input.id === input.exemptEnterpriseId);
  const exemptCategory = exempt?.categories[0]?.[0];
  const exemptFrom = midDay + 60;
  const exemption: ExemptionRow | null =
    exempt && exemptCategory
      ? {
          enterpriseId: exempt.input.id,
          productCategory: exemptCategory.code,
          validFrom: isoOf(exemptFrom),
          validTo: isoOf(dayOf(addMonths(isoOf(exemptFrom), 36)) - 1),
          appliedAt: stampOf(exemptFrom - 45, 10 * 60),
          decidedAt: stampOf(exemptFrom - 3, 15 * 60),
          appliedBy: input.enterpriseUsers.get(exempt.input.id) ?? null,
        }
      : null;

  const out: GeneratedSupervision = {
    lots: [],
    inspections: [],
    switchingStates: [],
    switchingEvents: [],
    assessments: [],
    decisions: [],
    qualityEvents: [],
    exemption,
    exporters: [],
    lastSerial: serial - 1,
  };
  const ctx: Context = {
    input,
    rs: input.ruleSet,
    startDay,
    midDay,
    todayDay,
    defectsByClass: byClass,
    exemption,
    out,
    releases: [],
  };
  for (const p of profiles) {
    const lots = (skeletons.get(p) ?? []).sort((a, b) => a.day - b.day || a.minute - b.minute);
    out.exporters.push(historyOf(ctx, p, lots));
  }

  // Release numbers from the same sequence, in the order of release.
  ctx.releases.sort(
    (a, b) => a.day - b.day || a.minute - b.minute || a.lot.declarationNo.localeCompare(b.lot.declarationNo),
  );
  for (const r of ctx.releases) {
    r.lot.releaseNo = lotNumber("FX", r.day, serial++);
    r.lot.releasedAt = stampOf(r.day, r.minute);
  }
  out.lastSerial = serial - 1;
  out.lots.sort((a, b) => a.declarationNo.localeCompare(b.declarationNo));
  return out;
}
