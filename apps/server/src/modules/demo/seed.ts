import { generateUscc, normaliseEnterpriseName, seededRandom } from "@jingwei/rules";
import { pinyin } from "pinyin-pro";
import type { Db } from "../../platform/db.ts";
import { seedCaseDemo } from "../cases/demo.ts";
import * as enterpriseRepo from "../enterprises/repo.ts";
import type { EnterpriseCreate } from "../enterprises/schemas.ts";
import { toRow } from "../enterprises/service.ts";
import { seedEvaluationDemo } from "../evaluations/demo.ts";
import { CLUSTER } from "../public/routes.ts";
import { createUser } from "../users/service.ts";
import {
  ALL_REAL_ENTERPRISES,
  CLUSTER_INDICATORS,
  PILOT_ENTERPRISES,
  type RealEnterprise,
} from "./pinghu-seed-data.ts";
import {
  type SupervisionSeedOptions,
  type SupervisionSeedResult,
  seedSupervision,
} from "./supervision-seed.ts";
import { syntheticEnterprise } from "./synthetic.ts";

export const DEMO_STAFF_USERNAMES = ["admin", "regulator", "inspector", "lab", "association"] as const;

const STAFF_NAMES: Record<(typeof DEMO_STAFF_USERNAMES)[number], string> = {
  admin: "系统管理员",
  regulator: "平湖海关 监管科",
  inspector: "检验员 王工",
  lab: "平湖纺织服装检测中心",
  association: "平湖市服装行业协会",
};

const CERT_PATTERNS: [RegExp, string][] = [
  [/CSC9000T/i, "CSC9000T"],
  [/ISO\s*9001/i, "ISO9001"],
  [/ISO\s*14001/i, "ISO14001"],
  [/SA\s*8000/i, "SA8000"],
  [/OEKO/i, "OEKO_TEX"],
  [/WRAP/i, "WRAP"],
];

const HONOUR_TYPES: Record<string, string> = {
  exportExemption: "EXPORT_EXEMPT",
  regionalDemo: "REGIONAL_DEMO",
  famousTrademark: "FAMOUS_TRADEMARK",
};

const PILOT_LEADS = new Set<string>(PILOT_ENTERPRISES.map((p) => p.name));

/** Turns one enterprise of the seeds into a registry record; nothing is added that the seeds do not say. */
export function realEnterpriseRecord(e: RealEnterprise, uscc: string): EnterpriseCreate {
  const honours: NonNullable<EnterpriseCreate["honours"]> = e.honours.map((h) => ({
    type: HONOUR_TYPES[h.kind] ?? "OTHER",
    title: h.year && !h.date ? `${h.honour}（${h.year}）` : h.honour,
    issuer: h.issuer ?? null,
    recognisedOn: h.date ? `${h.date}-01`.slice(0, 10) : null,
  }));
  for (const t of e.techCentres)
    honours.push({
      type: "PROVINCIAL_TECH_CENTRE",
      title: `${t.tier}：${t.centreName}`,
      level: "省级",
      recognisedOn: t.recognisedOn,
      documentNumber: t.documentNo,
    });
  if (e.isExportExempt && !honours.some((h) => h.type === "EXPORT_EXEMPT"))
    honours.push({ type: "EXPORT_EXEMPT", title: "出口免验企业" });
  if (e.isRegionalDemo && !honours.some((h) => h.type === "REGIONAL_DEMO"))
    honours.push({ type: "REGIONAL_DEMO", title: "区域化管理示范企业" });
  if (e.isPilot)
    honours.push({ type: "CSR_PILOT", title: `CSC9000T 社会责任建设试点企业（第 ${e.pilotNo} 号）` });
  const certifications: NonNullable<EnterpriseCreate["certifications"]> = [];
  for (const c of e.certifications) {
    if (c.kind !== "certification" && c.kind !== "managementSystem") continue;
    const type = CERT_PATTERNS.find(([re]) => re.test(c.standard))?.[1];
    if (type && !certifications.some((x) => x.type === type))
      certifications.push({
        type,
        issuer: c.issuer ?? null,
        validFrom: c.date ? `${c.date}-01`.slice(0, 10) : null,
      });
  }
  return {
    uscc,
    name: e.name,
    aliases: e.aliases.filter((a) => a !== e.name),
    address: e.address ?? null,
    town: e.town ?? null,
    industryCode: "1810",
    // The seeds call Pinghu «中国出口服装制造名城» but state export status only for the exempt and demonstration
    // enterprises; the demo also counts the 11 CSC9000T pilot leads as exporters (an assumption), so that the
    // supervision pages show the cluster's best-known enterprises declaring lots.
    exportFlag: e.isExportExempt || e.isRegionalDemo || PILOT_LEADS.has(e.name),
    mainProducts: e.mainProducts?.join("、") ?? null,
    brands: e.brands.map((name) => ({ name, kind: "brand" as const })),
    certifications,
    honours,
    contacts: e.chairman ? [{ name: e.chairman, role: "董事长" }] : [],
  };
}

/** Login name of an enterprise's demo account: pinyin of its trade name, e.g. 浙江华城… → huacheng. */
export function enterpriseUsername(name: string, taken: Set<string>): string {
  const core = normaliseEnterpriseName(name)
    .replace(/[^\p{Script=Han}]/gu, "")
    .slice(0, 2);
  const base = pinyin(core, { toneType: "none", type: "array", v: true }).join("") || "enterprise";
  let username = base;
  for (let n = 2; taken.has(username); n++) username = `${base}${n}`;
  taken.add(username);
  return username;
}

export interface SeedOptions {
  password: string;
  /** Reach this many enterprises in all with synthetic ones (default 1,200, the real cluster's size). */
  totalEnterprises?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Two years of export lots, inspections and classes for the exporters (supervision-seed.ts); false leaves
   * supervision empty. Default: on, ending today (China time).
   */
  supervision?: false | Omit<SupervisionSeedOptions, "onProgress">;
}

export interface SeedResult {
  loaded: boolean;
  enterpriseAccounts: { username: string; enterpriseName: string }[];
  supervision?: SupervisionSeedResult;
}

async function existingAccounts(db: Db) {
  return db.query<{ username: string; enterpriseName: string }>(
    `select u.username, e.name as "enterpriseName" from users u join enterprises e on e.id = u.enterprise_id
      where u.role = 'enterprise' order by u.created_at, u.username`,
  );
}

/**
 * Loads the Pinghu demo cluster: the seeds' real enterprises (demo USCCs), synthetic ones up to the cluster's
 * size, the cluster indicators, and the demo accounts. Runs once: a database that has the admin account is left
 * as it is.
 */
export async function seedDemo(db: Db, opts: SeedOptions): Promise<SeedResult> {
  const [admin] = await db.query("select 1 from users where username = 'admin'");
  if (admin) return { loaded: false, enterpriseAccounts: await existingAccounts(db) };
  const total = Math.max(opts.totalEnterprises ?? 1200, ALL_REAL_ENTERPRISES.length);
  const rand = seededRandom(20140901);
  // The bar runs over the registry (first half) and then the supervision history (second half).
  const steps = opts.supervision === false ? total : 2 * total;
  const report = opts.onProgress ?? (() => {});
  const progress = (done: number, _of: number) => report(done, steps);

  await db.tx(async (sql) => {
    for (const i of CLUSTER_INDICATORS)
      await sql.query(
        `insert into cluster_indicators (cluster, year, indicator_key, indicator, value, unit, source)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
        [CLUSTER, i.year, i.indicatorKey, i.indicator, i.value, i.unit, i.sourceNote],
      );
    const realIds: string[] = [];
    for (const e of ALL_REAL_ENTERPRISES) {
      const record = realEnterpriseRecord(e, generateUscc(rand));
      const id = await enterpriseRepo.insertEnterprise(
        sql,
        toRow(record, { usccIsDemo: true, isSynthetic: false }),
      );
      await enterpriseRepo.replaceChildren(sql, id, record.certifications, record.honours);
      realIds.push(id);
    }
    progress(ALL_REAL_ENTERPRISES.length, total);
    const batch: ReturnType<typeof toRow>[] = [];
    const children: Pick<EnterpriseCreate, "certifications">[] = [];
    for (let i = ALL_REAL_ENTERPRISES.length; i < total; i++) {
      const e = syntheticEnterprise(rand, i);
      batch.push(toRow(e, { usccIsDemo: true, isSynthetic: true }));
      children.push(e);
      if (batch.length === 500 || i === total - 1) {
        const ids = await enterpriseRepo.bulkInsertEnterprises(sql, batch);
        await enterpriseRepo.bulkInsertCertifications(
          sql,
          ids.flatMap((id, k) =>
            (children[k]?.certifications ?? []).map((c) => ({ ...c, enterpriseId: id })),
          ),
        );
        batch.length = 0;
        children.length = 0;
        progress(i + 1, total);
      }
    }
    await sql.query(
      `insert into audit_log (actor_name, action, entity_type, after)
       values ('system', 'demo.seed', 'cluster', $1::jsonb)`,
      [JSON.stringify({ cluster: CLUSTER, realEnterprises: realIds.length, totalEnterprises: total })],
    );
  });

  for (const username of DEMO_STAFF_USERNAMES)
    await createUser(db, null, {
      username,
      displayName: STAFF_NAMES[username],
      role: username,
      password: opts.password,
    });
  const taken = new Set<string>(DEMO_STAFF_USERNAMES);
  for (const e of PILOT_ENTERPRISES) {
    const [row] = await db.query<{ id: string }>("select id from enterprises where name = $1", [e.name]);
    if (!row) continue;
    await createUser(db, null, {
      username: enterpriseUsername(e.name, taken),
      displayName: e.name,
      role: "enterprise",
      enterpriseId: row.id,
      password: opts.password,
    });
  }
  // After the accounts: inspections are the demo inspector's, assessments and lists the regulator's.
  const supervision =
    opts.supervision === false
      ? undefined
      : await seedSupervision(db, {
          ...opts.supervision,
          onProgress: (done, of) => report(total + Math.round((done / of) * total), steps),
        });
  // The CSC9000T pilot's assessments (issue 4) and a year of salons and cases (issue 5), on the seeds' figures.
  await seedEvaluationDemo(db);
  await seedCaseDemo(db);
  return {
    loaded: true,
    enterpriseAccounts: await existingAccounts(db),
    ...(supervision ? { supervision } : {}),
  };
}
