import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import {
  ALL_REAL_ENTERPRISES,
  CERTIFICATIONS,
  CLUSTER_HONOURS,
  CLUSTER_INDICATORS,
  CLUSTER_TEXT_INDICATORS,
  ENTERPRISE_HONOURS,
  ENTERPRISE_IDENTITIES,
  EXPORT_EXEMPT_ENTERPRISES,
  FORMER_TOWNS,
  PILOT_ENTERPRISES,
  PINGHU_TOWNS,
  PROVINCIAL_TECH_CENTRES,
  REGIONAL_DEMO_ENTERPRISES,
  SEED_FILES,
} from "./pinghu-seed-data.ts";

/** /work/main/apps/server/src/modules/demo/ → /work/shared/seeds/ (six levels up, then shared/seeds). */
const SEEDS_DIR = new URL("../../../../../../shared/seeds/", import.meta.url);

function loadSeeds(): Map<string, string> {
  const dir = fileURLToPath(SEEDS_DIR);
  assert.ok(
    existsSync(dir),
    `Seed directory not found at ${dir} (resolved from ${SEEDS_DIR.href}). The demo data must be checked against the seed documents in /work/shared/seeds/; restore them or fix SEEDS_DIR.`,
  );
  const seeds = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    seeds.set(file, readFileSync(new URL(file, SEEDS_DIR), "utf8"));
  }
  for (const seed of SEED_FILES) {
    assert.ok(seeds.has(seed.file), `Seed file ${seed.file} is missing from ${dir}`);
  }
  return seeds;
}

/** PDF extraction breaks lines and inserts spaces inside names («…时装有\n\n限公司»), so compare without whitespace. */
function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

describe("Pinghu seed data", () => {
  const seeds = loadSeeds();
  const compactSeeds = [...seeds.entries()].map(([file, text]) => ({ file, text: compact(text) }));
  const occursInSeeds = (s: string) => compactSeeds.some((seed) => seed.text.includes(compact(s)));
  const seed000 = compactSeeds.find((s) => s.file.startsWith("000_"))?.text ?? "";

  it("has 11 CSC9000T pilot entries numbered 1–11, each with an address", () => {
    assert.equal(PILOT_ENTERPRISES.length, 11);
    assert.deepEqual(
      PILOT_ENTERPRISES.map((p) => p.no),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    );
    for (const p of PILOT_ENTERPRISES) {
      assert.ok(p.address.trim().length > 0, `pilot ${p.no} has no address`);
      assert.ok(seed000.includes(compact(p.address)), `pilot ${p.no} address not in seed 000: ${p.address}`);
      assert.ok(
        seed000.includes(compact(p.entryAsPrinted)),
        `pilot ${p.no} entry not in seed 000: ${p.entryAsPrinted}`,
      );
    }
  });

  it("lists 9 towns (6 镇 3 街道) with unique ids, flagging those not in the seeds", () => {
    assert.equal(PINGHU_TOWNS.length, 9);
    assert.equal(PINGHU_TOWNS.filter((t) => t.kind === "镇").length, 6);
    assert.equal(PINGHU_TOWNS.filter((t) => t.kind === "街道").length, 3);
    assert.equal(new Set(PINGHU_TOWNS.map((t) => t.id)).size, 9);
    for (const t of PINGHU_TOWNS) {
      if (t.source === "seed") assert.ok(occursInSeeds(t.name), `${t.name} is marked seed but not found`);
      else assert.ok(!occursInSeeds(t.name), `${t.name} is in the seeds but marked general knowledge`);
      if (t.seedMention) assert.ok(occursInSeeds(t.seedMention), `seed mention not found: ${t.seedMention}`);
    }
    for (const f of FORMER_TOWNS) assert.ok(occursInSeeds(f.seedMention), `former town ${f.name} not found`);
  });

  it("has no duplicate names in ALL_REAL_ENTERPRISES", () => {
    const names = ALL_REAL_ENTERPRISES.map((e) => e.name);
    assert.equal(new Set(names).size, names.length);
    assert.equal(ALL_REAL_ENTERPRISES.length, ENTERPRISE_IDENTITIES.length);
    const aliases = ALL_REAL_ENTERPRISES.flatMap((e) => e.aliases);
    assert.equal(new Set(aliases).size, aliases.length, "an alias is used for two enterprises");
    for (const alias of aliases) assert.ok(!names.includes(alias as never), `alias ${alias} is also a name`);
  });

  it("finds every enterprise name and alias literally in a seed file (nothing invented)", () => {
    for (const e of ALL_REAL_ENTERPRISES) {
      assert.ok(occursInSeeds(e.name), `enterprise name not found in any seed: ${e.name}`);
      for (const alias of e.aliases) assert.ok(occursInSeeds(alias), `alias not found in any seed: ${alias}`);
    }
  });

  it("references only enterprises that are in ALL_REAL_ENTERPRISES", () => {
    const names = new Set<string>(ALL_REAL_ENTERPRISES.map((e) => e.name));
    const referenced = [
      ...PILOT_ENTERPRISES.flatMap((p) => [p.name, ...p.relatedCompanies.map((r) => r.name)]),
      ...EXPORT_EXEMPT_ENTERPRISES.map((e) => e.name),
      ...REGIONAL_DEMO_ENTERPRISES.map((e) => e.name),
      ...PROVINCIAL_TECH_CENTRES.map((t) => t.holder),
      ...ENTERPRISE_HONOURS.map((h) => h.holder),
      ...CERTIFICATIONS.map((c) => c.holder),
    ];
    for (const name of referenced) assert.ok(names.has(name), `unknown enterprise referenced: ${name}`);
  });

  it("flags pilots, export-exempt enterprises and technical centres consistently", () => {
    const pilotLeads = ALL_REAL_ENTERPRISES.filter(
      (e) => e.isPilot && PILOT_ENTERPRISES.some((p) => p.name === e.name),
    );
    assert.equal(pilotLeads.length, 11);
    for (const e of ALL_REAL_ENTERPRISES.filter((x) => x.isPilot)) {
      assert.ok(e.address, `pilot company ${e.name} has no address`);
      assert.ok(e.pilotNo !== undefined && e.pilotNo >= 1 && e.pilotNo <= 11);
    }
    assert.equal(EXPORT_EXEMPT_ENTERPRISES.length, 3);
    assert.equal(ALL_REAL_ENTERPRISES.filter((e) => e.isExportExempt).length, 3);
    const withCentres = ALL_REAL_ENTERPRISES.flatMap((e) => e.techCentres);
    assert.equal(withCentres.length, PROVINCIAL_TECH_CENTRES.length);
    for (const t of PROVINCIAL_TECH_CENTRES) {
      assert.match(t.recognisedOn, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(seed000.includes(compact(t.centreName)), `centre not in seed 000: ${t.centreName}`);
      assert.ok(seed000.includes(compact(t.documentNo)), `document number not in seed 000: ${t.documentNo}`);
    }
  });

  it("keeps every indicator year within 2010–2013 and the main table complete", () => {
    assert.equal(CLUSTER_INDICATORS.length, 36);
    for (const row of [...CLUSTER_INDICATORS, ...CLUSTER_TEXT_INDICATORS]) {
      assert.ok(row.year >= 2010 && row.year <= 2013, `${row.indicatorKey} has year ${row.year}`);
      assert.ok(Number.isFinite(row.value));
      assert.match(row.indicatorKey, /^[a-z][a-zA-Z0-9]*$/);
    }
    const keys = new Set(CLUSTER_INDICATORS.map((r) => `${r.indicatorKey}:${r.year}`));
    assert.equal(keys.size, 36);
    // Each table row, printed as «label（unit） v2010 v2011 v2012 v2013», must occur in seed 000.
    for (const key of new Set(CLUSTER_INDICATORS.map((r) => r.indicatorKey))) {
      const rows = CLUSTER_INDICATORS.filter((r) => r.indicatorKey === key).sort((a, b) => a.year - b.year);
      const first = rows[0];
      assert.ok(first);
      const label = first.unit === "家" ? first.indicator : `${first.indicator}（${first.unit}）`;
      const values = rows.map((r) => (r.unit.startsWith("亿") ? r.value.toFixed(1) : String(r.value)));
      const printed = compact(`${label}${values.join("")}`);
      assert.ok(seed000.includes(printed), `indicator row not found in seed 000: ${printed}`);
    }
  });

  it("keeps cluster honours separate from enterprise honours", () => {
    const enterpriseNames = new Set<string>(ALL_REAL_ENTERPRISES.map((e) => e.name));
    for (const h of CLUSTER_HONOURS)
      assert.ok(!enterpriseNames.has(h.holder), `${h.honour} held by an enterprise`);
    for (const h of [...CLUSTER_HONOURS, ...ENTERPRISE_HONOURS]) {
      assert.ok(occursInSeeds(h.holder), `honour holder not in seeds: ${h.holder}`);
      if (h.year !== undefined) assert.ok(h.year >= 2002 && h.year <= 2014);
    }
  });
});
