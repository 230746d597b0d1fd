import type { IndicatorValues } from "./schemas.ts";

// The counters of lot_stats_monthly / lot_stats_town_monthly as numbers, and the indicators derived from them.

export interface Counters {
  lots: number;
  valueUsd: number;
  selfPassed: number;
  inspected: number;
  officialAccepted: number;
  officialRejected: number;
  releasedWithoutInspection: number;
  verification: number;
  general: number;
  stringent: number;
  special: number;
  feesWaived: number;
}

const KEYS: (keyof Counters)[] = [
  "lots",
  "valueUsd",
  "selfPassed",
  "inspected",
  "officialAccepted",
  "officialRejected",
  "releasedWithoutInspection",
  "verification",
  "general",
  "stringent",
  "special",
  "feesWaived",
];

/**
 * The SELECT list that reads counters from a stats table aliased `s` under the names of Counters, summed or not.
 * Money is summed as numeric and only then turned into float8, so sums are exact to the cent.
 */
export function counterColumns(summed: boolean): string {
  const c = (column: string, alias: string, money = false) => {
    const expr = summed ? `sum(s.${column})` : `s.${column}`;
    return money ? `coalesce(${expr}, 0)::float8 as "${alias}"` : `coalesce(${expr}, 0)::int8 as "${alias}"`;
  };
  return [
    c("lots", "lots"),
    c("value_usd", "valueUsd", true),
    c("self_passed", "selfPassed"),
    c("inspected", "inspected"),
    c("official_accepted", "officialAccepted"),
    c("official_rejected", "officialRejected"),
    c("released_without_inspection", "releasedWithoutInspection"),
    c("mode_verification", "verification"),
    c("mode_general", "general"),
    c("mode_stringent", "stringent"),
    c("mode_special", "special"),
    c("fees_waived", "feesWaived", true),
  ].join(", ");
}

export function zeroCounters(): Counters {
  return {
    lots: 0,
    valueUsd: 0,
    selfPassed: 0,
    inspected: 0,
    officialAccepted: 0,
    officialRejected: 0,
    releasedWithoutInspection: 0,
    verification: 0,
    general: 0,
    stringent: 0,
    special: 0,
    feesWaived: 0,
  };
}

/** Adds b into a (in place) and returns a. */
export function addCounters(a: Counters, b: Counters): Counters {
  for (const k of KEYS) a[k] += Number(b[k]);
  return a;
}

/** Money sums of float8 values drift by fractions of a cent; indicators are shown to the cent. */
const cents = (n: number) => Math.round(n * 100) / 100;

/** 100 × part / whole, or null when there is nothing to divide by (a rate of no lots is not 0 %). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

export function toValues(c: Counters): IndicatorValues {
  return {
    lots: c.lots,
    valueUsd: cents(c.valueUsd),
    selfPassed: c.selfPassed,
    selfInspectionPassRate: rate(c.selfPassed, c.lots),
    officialPassRate: rate(c.officialAccepted, c.inspected),
    inspected: c.inspected,
    officialAccepted: c.officialAccepted,
    officialRejected: c.officialRejected,
    releasedWithoutInspection: c.releasedWithoutInspection,
    lotsByMode: {
      verification: c.verification,
      general: c.general,
      stringent: c.stringent,
      special: c.special,
    },
    feesWaived: cents(c.feesWaived),
  };
}
