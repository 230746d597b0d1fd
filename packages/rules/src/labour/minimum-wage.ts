// Minimum wages as dated data. The province sets the tiers; each prefecture-level city then assigns every
// county-level division (县/市/区) to a tier and publishes it. Both change over time, so both are tables with
// `from` dates, passed in by the caller (an administrator can correct them) with the rows below as defaults.

import { parseIsoDate } from "./dates.ts";

export interface MinimumWageRow {
  /** First day (ISO date) the row applies; it applies until the next row's `from`. */
  from: string;
  /** Monthly minimum (CNY) for full-time work, index 0 = tier 1. */
  monthly: readonly number[];
  /** Hourly minimum (CNY) for part-time (非全日制) work, index 0 = tier 1. */
  hourly: readonly number[];
  /** Where the numbers come from. */
  source: string;
  /** Two independent public sources agree (see REFERENCE.md). */
  verified: boolean;
}

export interface MinimumWageTable {
  region: string;
  currency: "CNY";
  rows: readonly MinimumWageRow[];
}

export interface MinimumWage {
  monthly: number;
  hourly: number;
  /** The `from` date of the table row that applies. */
  from: string;
}

/** Zhejiang province, from REFERENCE.md §6. */
export const ZHEJIANG_MINIMUM_WAGE: MinimumWageTable = {
  region: "浙江省",
  currency: "CNY",
  rows: [
    {
      from: "2021-08-01",
      monthly: [2280, 2070, 1840],
      hourly: [22, 20, 18],
      source:
        "浙政发〔2021〕22号 (2021-07-28, effective 2021-08-01; text at angelgibson.com/policy/118500.html); " +
        "confirmed by ezhejiang.gov.cn news of 2021-09-27 (en.1234567g.com mirror)",
      verified: true,
    },
    {
      from: "2024-01-01",
      monthly: [2490, 2260, 2010],
      hourly: [24, 22, 20],
      source:
        "浙政发〔2024〕3号 (published 2024-01-15, effective 2024-01-01, repeals 浙政发〔2021〕22号); " +
        "confirmed by wallstreetcn.com/livenews/2611160 (citing The Paper) and m.jxyuer.com (绍兴 2024 notice)",
      verified: true,
    },
  ],
};

/** The problems with a table an administrator supplied; empty when it is usable. */
export function validateMinimumWageTable(table: MinimumWageTable): string[] {
  const problems: string[] = [];
  if (table.rows.length === 0) problems.push("the table has no rows");
  const seen = new Set<string>();
  let tiers: number | undefined;
  table.rows.forEach((row, i) => {
    if (parseIsoDate(row.from) === undefined) problems.push(`row ${i}: from is not an ISO date: ${row.from}`);
    if (seen.has(row.from)) problems.push(`row ${i}: duplicate from date ${row.from}`);
    seen.add(row.from);
    if (row.monthly.length === 0) problems.push(`row ${i}: no tiers`);
    if (row.monthly.length !== row.hourly.length) {
      problems.push(`row ${i}: ${row.monthly.length} monthly but ${row.hourly.length} hourly amounts`);
    }
    tiers ??= row.monthly.length;
    if (row.monthly.length !== tiers)
      problems.push(`row ${i}: ${row.monthly.length} tiers, row 0 has ${tiers}`);
    for (const v of [...row.monthly, ...row.hourly]) {
      if (!Number.isFinite(v) || v <= 0) problems.push(`row ${i}: amount ${v} is not a positive number`);
    }
  });
  return problems;
}

function checkTier(tier: number, tiers: number): void {
  if (!Number.isInteger(tier) || tier < 1 || tier > tiers) {
    throw new RangeError(`tier must be an integer from 1 to ${tiers}, got ${tier}`);
  }
}

/**
 * The minimum wage of `tier` (1-based) in force on `date`: the row with the latest `from` on or before the
 * date (rows need not be sorted). Throws a RangeError for a bad date or tier, or a date before the first row.
 */
export function minimumWageOn(table: MinimumWageTable, tier: number, date: string): MinimumWage {
  if (parseIsoDate(date) === undefined) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
  let best: MinimumWageRow | undefined;
  for (const row of table.rows) {
    if (row.from <= date && (best === undefined || row.from > best.from)) best = row;
  }
  if (best === undefined) throw new RangeError(`no ${table.region} minimum wage is known for ${date}`);
  checkTier(tier, best.monthly.length);
  const monthly = best.monthly[tier - 1];
  const hourly = best.hourly[tier - 1];
  if (monthly === undefined || hourly === undefined) {
    throw new RangeError(`row ${best.from} has no amounts for tier ${tier}`);
  }
  return { monthly, hourly, from: best.from };
}

export interface CountyTierAssignment {
  /** GB/T 2260 county-level division code. */
  county: string;
  name: string;
  /** Prefecture-level city that sets the assignment. */
  city: string;
  tier: number;
  /** First day (ISO date) the assignment applies; it applies until the next assignment's `from`. */
  from: string;
  verified: boolean;
  note: string;
}

const UNVERIFIED_NOTE =
  "Tier not confirmed from a public source: the division code is verified, the tier is from memory of the " +
  "city's minimum wage notices. Confirm against the city's current notice before relying on it.";

/**
 * County → tier assignments for the three seed clusters. The division codes are verified (GB/T 2260); the
 * tiers are NOT (see `note`): the only public statement found is that "almost all urban districts in
 * Hangzhou, Ningbo and Wenzhou adopted the highest level" in 2021 (ezhejiang.gov.cn, 2021-09-27), which
 * supports, but does not confirm, tier 1 for 鄞州区.
 */
export const ZHEJIANG_COUNTY_TIERS: readonly CountyTierAssignment[] = [
  {
    county: "330482",
    name: "平湖市",
    city: "嘉兴市",
    tier: 2,
    from: "2021-08-01",
    verified: false,
    note: UNVERIFIED_NOTE,
  },
  {
    county: "330212",
    name: "鄞州区",
    city: "宁波市",
    tier: 1,
    from: "2021-08-01",
    verified: false,
    note: `${UNVERIFIED_NOTE} Consistent with ezhejiang.gov.cn (2021-09-27) on Ningbo's urban districts.`,
  },
  {
    county: "330282",
    name: "慈溪市",
    city: "宁波市",
    tier: 1,
    from: "2021-08-01",
    verified: false,
    note: UNVERIFIED_NOTE,
  },
];

/** Whether the county appears in the assignments at all (on any date). */
export function isKnownCounty(assignments: readonly CountyTierAssignment[], county: string): boolean {
  return assignments.some((a) => a.county === county);
}

/** The county's tier assignment in force on `date` (latest `from` on or before it), if any. */
export function countyTierOn(
  assignments: readonly CountyTierAssignment[],
  county: string,
  date: string,
): CountyTierAssignment | undefined {
  let best: CountyTierAssignment | undefined;
  for (const a of assignments) {
    if (a.county === county && a.from <= date && (best === undefined || a.from > best.from)) best = a;
  }
  return best;
}
