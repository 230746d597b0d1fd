import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateUscc, normaliseEnterpriseName, seededRandom } from "@jingwei/rules";
import { syntheticEnterprise } from "../apps/server/src/modules/demo/synthetic.ts";
import { writeEnterprisesXlsx } from "../apps/server/src/modules/enterprises/export.ts";
import * as repo from "../apps/server/src/modules/enterprises/repo.ts";
import type { Enterprise } from "../apps/server/src/modules/enterprises/schemas.ts";
import type { Actor } from "../apps/server/src/platform/access.ts";
import { loadConfig } from "../apps/server/src/platform/config.ts";
import type { Db, Sql } from "../apps/server/src/platform/db.ts";
import type { Generated } from "./generate.ts";
import type { ImportOutcome } from "./report.ts";

export const IMPORT_SERVICE = fileURLToPath(
  new URL("../apps/server/src/modules/imports/service.ts", import.meta.url),
);

export const importModuleAvailable = () => existsSync(IMPORT_SERVICE);

// ---------------------------------------------------------------------------------------------------------------
// The import file: ~60 % rows of existing enterprises with one changed field (matched by USCC), ~20 % new
// enterprises with new valid USCCs, ~20 % rows without a USCC whose names are near-variants of existing names.
// It is written with the registry export's own writer, so its columns are the Chinese headers the import reads.

export interface ImportFile {
  path: string;
  rows: number;
  mix: { changed: number; created: number; variants: number };
  writeSeconds: number;
}

/** Name variants a person would type for the same company: other legal form, region moved or dropped. */
const VARIANTS: ((name: string) => string)[] = [
  (s) => s.replace(/股份有限公司$|有限公司$/, "有限责任公司"),
  (s) => s.replace(/^(平湖市|平湖|嘉兴市|浙江)(.+?)(股份有限公司|有限公司)$/, "$2（$1）$3"),
  (s) => s.replace(/^(平湖市|平湖|嘉兴市|浙江)/, ""),
  (s) => s.replace(/(股份有限公司|有限公司)$/, ""),
  (s) => s.replace(/^(平湖市|平湖|嘉兴市|浙江)(.{2})/, "$1 $2 "),
];

const CHANGES: ((e: Enterprise) => void)[] = [
  (e) => {
    e.employees = (e.employees ?? 0) + 7;
  },
  (e) => {
    e.mainProducts = `${e.mainProducts ?? ""}、运动服`;
  },
  (e) => {
    e.address = `${e.address ?? "平湖市"}东侧`;
  },
  (e) => {
    e.exportFlag = !e.exportFlag;
  },
];

export async function writeImportFile(
  db: Db,
  registry: Generated[],
  rows: number,
  path: string,
  opts: { variants: boolean } = { variants: true },
): Promise<ImportFile> {
  const started = performance.now();
  const rand = seededRandom(77_001);
  const changed = Math.round(rows * 0.6);
  const created = Math.round(rows * 0.2);
  const variants = rows - changed - created;
  if (registry.length < 2) throw new Error("the registry is too small for an import file");
  const towns = new Map(
    (await db.query<{ code: string; name: string }>("select code, name from towns")).map((t) => [
      t.code,
      t.name,
    ]),
  );
  const usccs = new Set(registry.map((e) => e.uscc));
  // Distinct existing enterprises for the changed rows and the variants (two rows about one enterprise are a
  // duplicate in the file), by a stride through the registry so that every part of it is touched. A variant is
  // made only of an enterprise whose normalised name no other enterprise shares (the synthetic names below 1,000
  // have no serial number and repeat now and then), so that its best candidate is the enterprise it came from.
  if (changed + variants > registry.length)
    throw new Error(
      `${rows} import rows need ${changed + variants} distinct enterprises; the registry has ${registry.length}`,
    );
  const normalised = registry.map((e) => normaliseEnterpriseName(e.name));
  const shared = new Map<string, number>();
  for (const x of normalised) shared.set(x, (shared.get(x) ?? 0) + 1);
  const stride = [7919, 7927, 7933].find((p) => registry.length % p !== 0) as number;
  const order = Array.from({ length: registry.length }, (_, k) => (k * stride) % registry.length);
  const variantIndexes = order.filter((i) => shared.get(normalised[i] as string) === 1).slice(0, variants);
  const taken = new Set(variantIndexes);
  const variantRefs = variantIndexes.map((i) => registry[i] as Generated);
  const changedRefs = order
    .filter((i) => !taken.has(i))
    .slice(0, changed)
    .map((i) => registry[i] as Generated);
  if (variantRefs.length < variants)
    throw new Error(
      `only ${variantRefs.length} enterprises with a name of their own for ${variants} variants`,
    );

  // The kinds interleaved in a fixed shuffled order, as a real list mixes them.
  const kinds: ("changed" | "created" | "variant")[] = [
    ...Array<"changed">(changed).fill("changed"),
    ...Array<"created">(created).fill("created"),
    ...Array<"variant">(variants).fill("variant"),
  ];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j] as (typeof kinds)[number], kinds[i] as (typeof kinds)[number]];
  }
  // Without the variants: the same file otherwise, row for row.
  if (!opts.variants) kinds.splice(0, kinds.length, ...kinds.filter((k) => k !== "variant"));

  const synthRand = seededRandom(99_017);
  let nextNew = registry.length;
  const newEnterprise = (): Enterprise => {
    const e = syntheticEnterprise(synthRand, nextNew++);
    while (usccs.has(e.uscc)) e.uscc = generateUscc(synthRand);
    usccs.add(e.uscc);
    return {
      id: "",
      uscc: e.uscc,
      usccIsDemo: true,
      name: e.name,
      formerNames: [],
      aliases: [],
      legalRepresentative: e.legalRepresentative ?? null,
      address: e.address ?? null,
      town: e.town ?? null,
      townName: e.town ? (towns.get(e.town) ?? null) : null,
      industryCode: e.industryCode ?? null,
      aboveScale: e.aboveScale ?? false,
      employees: e.employees ?? null,
      foundedOn: e.foundedOn ?? null,
      exportFlag: e.exportFlag ?? false,
      mainProducts: e.mainProducts ?? null,
      brands: [],
      certifications: e.certifications ?? [],
      honours: [],
      contacts: [],
      isSynthetic: true,
      updatedAt: "",
      createdAt: "",
    };
  };

  async function* batches(): AsyncGenerator<Enterprise[]> {
    let c = 0;
    let v = 0;
    for (let from = 0; from < kinds.length; from += 2000) {
      const slice = kinds.slice(from, from + 2000);
      const refs = slice.map((k) =>
        k === "changed" ? changedRefs[c++] : k === "variant" ? variantRefs[v++] : undefined,
      );
      const loaded = await repo.loadEnterprises(db, [...new Set(refs.flatMap((r) => (r ? [r.id] : [])))]);
      const byId = new Map(loaded.map((e) => [e.id, e]));
      yield slice.map((kind, k) => {
        if (kind === "created") return newEnterprise();
        const e = structuredClone(byId.get((refs[k] as Generated).id) as Enterprise);
        if (kind === "changed") (CHANGES[(from + k) % CHANGES.length] as (e: Enterprise) => void)(e);
        else {
          e.name = (VARIANTS[(from + k) % VARIANTS.length] as (s: string) => string)(e.name);
          e.uscc = "";
        }
        return e;
      });
    }
  }

  await mkdir(dirname(path), { recursive: true });
  const stream = createWriteStream(path);
  const written = await writeEnterprisesXlsx(batches(), stream);
  if (!stream.writableFinished) await finished(stream);
  return {
    path,
    rows: written,
    mix: { changed, created, variants: opts.variants ? variants : 0 },
    writeSeconds: (performance.now() - started) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The import service's entry points, as `jingwei import --commit --accept-potential` uses them: startImport
// (parse, validate, match into a preview, in the background until `done`), acceptBestCandidates (every potential
// match confirmed to its best candidate, in bulk), startCommit (one transaction, in the background until `done`).
// Before the bulk, a sample of potential matches is decided one by one with decideRow, as a person does in the
// console. Loaded at run time so that the benchmark runs (and says so) where the module is not there yet.

type ImportService = typeof import("../apps/server/src/modules/imports/service.ts");

/** A statement and how long it took, from a recording wrapper around the database (and its transactions). */
export interface Timed {
  text: string;
  params: unknown[];
  ms: number;
}

function recording(db: Db, into: Timed[]): Db {
  const wrap = (sql: Sql): Sql => ({
    query: async <T>(text: string, params?: unknown[]) => {
      const t0 = performance.now();
      try {
        return await sql.query<T>(text, params);
      } finally {
        into.push({
          text: text.replace(/\s+/g, " ").trim(),
          params: params ?? [],
          ms: performance.now() - t0,
        });
      }
    },
    exec: (script) => sql.exec(script),
  });
  return { ...db, ...wrap(db), tx: (fn) => db.tx((sql) => fn(wrap(sql))) };
}
type ImportRepo = typeof import("../apps/server/src/modules/imports/repo.ts");

export async function runImportScenario(
  db: Db,
  actor: Actor,
  registry: Generated[],
  opts: {
    rows: number;
    file: string;
    /** Potential matches decided one by one with decideRow before the bulk acceptance. */
    decideSample: number;
    /** Where to write the EXPLAIN ANALYZE of the first decision's statements. */
    explainFile?: string;
    log: (s: string) => void;
  },
): Promise<ImportOutcome> {
  if (!importModuleAvailable()) return { available: false, note: "import module not available" };
  const service = (await import(pathToFileURL(IMPORT_SERVICE).href)) as ImportService;
  const repo = (await import(
    pathToFileURL(IMPORT_SERVICE.replace(/service\.ts$/, "repo.ts")).href
  )) as ImportRepo;

  opts.log(`writing the import file: ${opts.rows.toLocaleString("en-US")} rows`);
  const file = await writeImportFile(db, registry, opts.rows, opts.file);
  const fmt = (x: number) => x.toLocaleString("en-US");
  const mix = `${fmt(file.mix.changed)} changed by USCC, ${fmt(file.mix.created)} new, ${fmt(file.mix.variants)} name variants without USCC`;
  const outcome: ImportOutcome = {
    available: true,
    note: "",
    rows: file.rows,
    mix,
    fileBytes: statSync(file.path).size,
    uploadLimitBytes: loadConfig().maxUploadBytes,
    writeSeconds: file.writeSeconds,
    entryPoints:
      `startImport → done; decideRow for ${opts.decideSample} potential matches one by one (as in the console), ` +
      "then to reject the potential matches with a USCC of their own; acceptBestCandidates for the others " +
      "(the console's accept all suggestions, the CLI's --accept-potential); startCommit → done",
  };

  // Upload → parse → validate → match → preview.
  opts.log("import: upload, parse, match, preview (startImport)");
  const t0 = performance.now();
  const buffer = readFileSync(file.path);
  const started = await service.startImport(db, actor, { filename: "bench-import.xlsx", buffer });
  let job = await started.done;
  outcome.previewSeconds = (performance.now() - t0) / 1000;
  if (job.status !== "preview") {
    outcome.note = `the preview failed: ${JSON.stringify(job.error)}`;
    return outcome;
  }
  outcome.summary = Object.entries({ ...repo.emptySummary(), ...job.summary })
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(", ");

  // Potential matches decided one at a time, as a person does in the console. `choose` gives the decisions to
  // try in order (a confirmation is refused when another row already updates that enterprise).
  type Attempt = { decision: "confirm" | "reject"; enterpriseId?: string };
  type Pending = { data: { uscc?: string | null }; candidates: { enterpriseId: string }[] };
  const decideOneByOne = async (
    jobId: string,
    max: number,
    choose: (row: Pending) => Attempt[],
    profile?: Timed[],
  ) => {
    let decided = 0;
    let refused = 0;
    while (decided < max) {
      const { items } = await repo.listRows(db, jobId, "potential_match", {
        limit: Math.min(200, max - decided + refused),
        offset: refused,
      });
      if (items.length === 0) break;
      for (const row of items) {
        if (decided >= max) break;
        let done = false;
        for (const a of choose(row)) {
          try {
            // The first decision's statements (of its successful attempt) are recorded.
            const first = decided === 0 && profile !== undefined;
            if (first) profile.length = 0;
            const sql = first ? recording(db, profile) : db;
            await service.decideRow(sql, jobId, row.rowNumber, a.decision, a.enterpriseId);
            done = true;
            break;
          } catch {
            // refused: try the next decision
          }
        }
        if (done) decided++;
        // Decided rows leave the potential_match list; refused ones stay, so skip past them.
        else refused++;
      }
    }
    return decided;
  };
  // The sample: a row without a USCC is one of the name variants, confirmed to its best candidate; a row with a
  // USCC the registry does not know is a new enterprise whose name resembles others', rejected (it becomes new).
  const personal = (row: Pending): Attempt[] =>
    row.data.uscc
      ? [{ decision: "reject" }]
      : row.candidates.slice(0, 1).map((c) => ({ decision: "confirm", enterpriseId: c.enterpriseId }));
  const pending = job.summary.potential_match ?? 0;
  const sample = Math.min(opts.decideSample, pending);
  opts.log(`import: deciding ${fmt(sample)} of ${fmt(pending)} potential matches one by one (decideRow)`);
  const t1 = performance.now();
  const profile: Timed[] = [];
  outcome.sampled = await decideOneByOne(job.id, sample, personal, profile);
  outcome.sampleSeconds = (performance.now() - t1) / 1000;
  outcome.decisionProfile = profile;

  // The bulk would confirm a row with a USCC of its own (a new enterprise whose name resembles others') to an
  // enterprise with another USCC, and take that enterprise from the name variant it belongs to: a person rejects
  // those rows first (they become new), one by one, then accepts the other suggestions in bulk.
  const rest = await repo.listRows(db, job.id, "potential_match", { limit: 1_000_000, offset: 0 });
  const ownUscc = rest.items.filter((r) => r.data.uscc);
  opts.log(`import: rejecting ${fmt(ownUscc.length)} potential matches with a USCC of their own (decideRow)`);
  const tr = performance.now();
  let rejected = 0;
  for (const row of ownUscc)
    rejected += await service.decideRow(db, job.id, row.rowNumber, "reject").then(
      () => 1,
      () => 0,
    );
  outcome.ownUscc = ownUscc.length;
  outcome.ownUsccRejected = rejected;
  outcome.ownUsccSeconds = (performance.now() - tr) / 1000;
  opts.log(
    `import: accepting the best candidate of ${fmt(rest.total - rejected)} potential matches (acceptBestCandidates)`,
  );
  const t2 = performance.now();
  const bulk = await service.acceptBestCandidates(db, job.id, actor);
  outcome.acceptSeconds = (performance.now() - t2) / 1000;
  outcome.accepted = bulk.accepted;
  // Rows whose best candidate another row already updates stay for a person: confirmed to their next free
  // candidate (they have no USCC, and a new enterprise needs one); one with a USCC is rejected (it becomes new).
  const t3 = performance.now();
  outcome.left = bulk.left;
  outcome.leftDecided =
    bulk.left > 0
      ? await decideOneByOne(job.id, bulk.left, (row) =>
          row.data.uscc
            ? [{ decision: "reject" }]
            : row.candidates.map((c) => ({ decision: "confirm", enterpriseId: c.enterpriseId })),
        )
      : 0;
  outcome.leftSeconds = (performance.now() - t3) / 1000;
  if (bulk.left > 0)
    opts.log(
      `import: ${fmt(outcome.leftDecided)} of ${fmt(bulk.left)} rows left by the bulk decided one by one`,
    );

  // The plans of the decision's reading statements, on the job as it stands (its staged rows).
  if (opts.explainFile && profile.length > 0) {
    const plans: string[] = [];
    for (const t of profile.filter((x) => /^select/i.test(x.text))) {
      const rows = await db.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${t.text}`, t.params);
      plans.push(
        `### ${t.ms.toFixed(2)} ms in decideRow\n${t.text}\n-- params: ${JSON.stringify(t.params)}\n`,
      );
      plans.push(`${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
    }
    writeFileSync(opts.explainFile, plans.join("\n"));
    opts.log(`EXPLAIN ANALYZE of the decision's statements: ${opts.explainFile}`);
  }
  const open = await repo.unresolved(db, job.id);
  outcome.undecided = open.pending;
  outcome.errorRows = open.errors;
  if (open.errors > 0) {
    const { items } = await repo.listRows(db, job.id, "error", { limit: 1000, offset: 0 });
    const codes = new Map<string, number>();
    for (const row of items)
      for (const e of row.errors)
        codes.set(`${e.field} ${e.code}`, (codes.get(`${e.field} ${e.code}`) ?? 0) + 1);
    opts.log(`import: error rows, e.g. ${JSON.stringify(items.slice(0, 3).map((r) => [r.data, r.errors]))}`);
    outcome.errorCodes = [...codes].map(([k, v]) => `${k} × ${fmt(v)}`).join(", ");
  }
  if (open.errors > 0 || open.pending > 0) {
    outcome.note = `commit not measured: ${fmt(open.errors)} error rows and ${fmt(open.pending)} undecided potential matches block it`;
    return outcome;
  }

  opts.log("import: commit (startCommit)");
  const t4 = performance.now();
  try {
    const commit = await service.startCommit(db, actor, job.id);
    job = await commit.done;
  } catch (err) {
    outcome.note = `the commit was refused: ${(err as Error).message} ${JSON.stringify(err)}`;
    return outcome;
  }
  outcome.commitSeconds = (performance.now() - t4) / 1000;
  if (job.status !== "committed") outcome.note = `the commit failed: ${JSON.stringify(job.error)}`;
  else {
    const counts = await repo.commitCounts(db, job.id);
    outcome.committed = `${fmt(counts.created)} created, ${fmt(counts.updated)} updated`;
  }
  return outcome;
}
