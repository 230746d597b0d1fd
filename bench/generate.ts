import { generateUscc, seededRandom } from "@jingwei/rules";
import { syntheticEnterprise } from "../apps/server/src/modules/demo/synthetic.ts";
import * as repo from "../apps/server/src/modules/enterprises/repo.ts";
import type { EnterpriseCreate } from "../apps/server/src/modules/enterprises/schemas.ts";
import { toRow } from "../apps/server/src/modules/enterprises/service.ts";
import type { Db } from "../apps/server/src/platform/db.ts";

/** The seed of the synthetic registry: the same N gives the same enterprises on every run and database. */
export const REGISTRY_SEED = 20_240_901;

/** What the query mix and the import file are built from: one line per generated enterprise. */
export interface Generated {
  id: string;
  uscc: string;
  name: string;
  town: string | null;
  certifications: string[];
}

export interface GenerationStats {
  rows: number;
  certifications: number;
  /** Wall time of the whole load, seconds. */
  seconds: number;
  /** Of which: building records and search tokens in JavaScript (jieba, pinyin). */
  tokenizeSeconds: number;
  /** Of which: the bulk INSERTs (enterprises and certifications). */
  insertSeconds: number;
  /** VACUUM ANALYZE afterwards, seconds. */
  analyzeSeconds: number;
  batch: number;
}

/**
 * Loads n synthetic enterprises with the demo seeder's generator (syntheticEnterprise → toRow → bulk insert),
 * `batch` per transaction, then VACUUM ANALYZE so the planner and the GIN index are in their steady state (what
 * autovacuum would leave behind on a live server).
 */
export async function generateRegistry(
  db: Db,
  n: number,
  opts: { batch: number; onProgress?: (done: number, total: number) => void },
): Promise<{ stats: GenerationStats; enterprises: Generated[] }> {
  const rand = seededRandom(REGISTRY_SEED);
  const seen = new Set<string>();
  const enterprises: Generated[] = [];
  let tokenizeMs = 0;
  let insertMs = 0;
  let certifications = 0;
  const started = performance.now();
  for (let from = 0; from < n; from += opts.batch) {
    const t0 = performance.now();
    const records: EnterpriseCreate[] = [];
    for (let i = from; i < Math.min(n, from + opts.batch); i++) {
      const e = syntheticEnterprise(rand, i);
      // USCCs are random: at 100,000 a collision is unlikely but possible, and the column is unique.
      while (seen.has(e.uscc)) e.uscc = generateUscc(rand);
      seen.add(e.uscc);
      records.push(e);
    }
    const rows = records.map((e) => toRow(e, { usccIsDemo: true, isSynthetic: true }));
    const t1 = performance.now();
    const ids = await db.tx(async (sql) => {
      const ids = await repo.bulkInsertEnterprises(sql, rows);
      const certs = ids.flatMap((id, k) =>
        (records[k]?.certifications ?? []).map((c) => ({ ...c, enterpriseId: id })),
      );
      await repo.bulkInsertCertifications(sql, certs);
      certifications += certs.length;
      return ids;
    });
    const t2 = performance.now();
    tokenizeMs += t1 - t0;
    insertMs += t2 - t1;
    for (const [k, e] of records.entries())
      enterprises.push({
        id: ids[k] as string,
        uscc: rows[k]?.uscc as string,
        name: e.name,
        town: e.town ?? null,
        certifications: (e.certifications ?? []).map((c) => c.type),
      });
    opts.onProgress?.(Math.min(n, from + opts.batch), n);
  }
  const loaded = performance.now();
  await db.exec("vacuum analyze");
  const done = performance.now();
  return {
    stats: {
      rows: n,
      certifications,
      seconds: (loaded - started) / 1000,
      tokenizeSeconds: tokenizeMs / 1000,
      insertSeconds: insertMs / 1000,
      analyzeSeconds: (done - loaded) / 1000,
      batch: opts.batch,
    },
    enterprises,
  };
}
