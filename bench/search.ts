import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { pinyin } from "pinyin-pro";
import { buildApp } from "../apps/server/src/app.ts";
import { searchTokens } from "../apps/server/src/modules/enterprises/search.ts";
import * as enterprises from "../apps/server/src/modules/enterprises/service.ts";
import { createUser } from "../apps/server/src/modules/users/service.ts";
import type { Actor } from "../apps/server/src/platform/access.ts";
import { loadConfig } from "../apps/server/src/platform/config.ts";
import type { Db } from "../apps/server/src/platform/db.ts";
import { type ClientRequest, type QueryParams, sendRequestsInChild } from "./client.ts";
import type { Generated } from "./generate.ts";
import { Recorder, type Summary } from "./stats.ts";

export interface QueryKind {
  kind: string;
  /** What the kind stands for, for the report. */
  what: string;
  /** Share of the mix in percent: how often the console sends such a request. */
  weight: number;
  /** Values rotated request by request so that no single cached result dominates. */
  variants: QueryParams[];
}

const PREFIXES = ["平湖市", "平湖", "嘉兴市", "浙江"]; // as in demo/synthetic.ts, longest first where they nest
const TRADES = ["服饰", "制衣", "针织", "时装", "服装", "纺织", "织造", "羊毛衫", "童装", "户外用品"];

const spelled = (s: string) => pinyin(s, { toneType: "none", type: "array", v: true }).join("");
const initials = (s: string) => pinyin(s, { pattern: "first", toneType: "none", type: "array" }).join("");

/** The trade-name syllable pair and trade word of a synthetic name (平湖市 瑞鑫 服饰 1234号 有限公司). */
function partsOf(name: string): { pair: string; trade: string } | null {
  const prefix = PREFIXES.find((p) => name.startsWith(p));
  if (!prefix) return null;
  const rest = name.slice(prefix.length);
  const pair = rest.slice(0, 2);
  const trade = TRADES.find((t) => rest.startsWith(t, 2));
  return trade ? { pair, trade } : null;
}

/**
 * The query mix, drawn deterministically from the generated registry: Chinese fragments of falling selectivity,
 * pinyin and initials, an exact USCC, filters and sorts, pages 1 and 5.
 */
export function buildQueryMix(registry: Generated[]): QueryKind[] {
  // Sample enterprises spread over the registry whose trade name jieba keeps as one word, so that its pinyin
  // and initials are tokens (what a person would type for it).
  const samples: { e: Generated; pair: string; trade: string }[] = [];
  for (let k = 0; k < 200 && samples.length < 3; k++) {
    const e = registry[Math.floor(((k * 0.618_034) % 1) * registry.length)];
    const parts = e && partsOf(e.name);
    if (!e || !parts || samples.some((s) => s.pair === parts.pair)) continue;
    const tokens = new Set(searchTokens([e.name]));
    const wanted = [spelled(parts.pair), `${initials(parts.pair)}${initials(parts.trade)}`];
    if (wanted.every((t) => tokens.has(t))) samples.push({ e, ...parts });
  }
  if (samples.length === 0) throw new Error("no sample enterprise for the query mix");
  const towns = ["zhapu", "caoqiao", "xindai"];
  const certs = ["BSCI", "OEKO_TEX", "WRAP"];
  const words = ["服饰", "针织", "制衣"];
  const pinyinPrefix = (pair: string) => spelled(pair).slice(0, spelled(pair.slice(0, 1)).length + 1);
  const kinds: QueryKind[] = [
    { kind: "browse", what: "no query, by name: the list as it opens", weight: 10, variants: [{}] },
    { kind: "browse p5", what: "the same, page 5", weight: 3, variants: [{ page: 5 }] },
    {
      kind: "trade pair",
      what: "trade-name syllable pair (e.g. 瑞鑫), few names",
      weight: 12,
      variants: samples.map((s) => ({ q: s.pair })),
    },
    {
      kind: "trade name",
      what: "pair + trade word (e.g. 瑞鑫服饰)",
      weight: 10,
      variants: samples.map((s) => ({ q: `${s.pair}${s.trade}` })),
    },
    {
      kind: "fragment",
      what: "two characters across words (e.g. 鑫服)",
      weight: 4,
      variants: samples.map((s) => ({ q: `${s.pair.slice(1)}${s.trade.slice(0, 1)}` })),
    },
    {
      kind: "common word",
      what: "服饰 / 针织 / 制衣, ~10 % of names each",
      weight: 6,
      variants: words.map((q) => ({ q })),
    },
    {
      kind: "common word p5",
      what: "the same, page 5",
      weight: 2,
      variants: words.map((q) => ({ q, page: 5 })),
    },
    { kind: "broad", what: "平湖: over half of the names", weight: 2, variants: [{ q: "平湖" }] },
    {
      kind: "pinyin",
      what: "full pinyin of a trade name (ruixin)",
      weight: 7,
      variants: samples.map((s) => ({ q: spelled(s.pair) })),
    },
    {
      kind: "pinyin prefix",
      what: "first syllable + a letter (ruix)",
      weight: 7,
      variants: samples.map((s) => ({ q: pinyinPrefix(s.pair) })),
    },
    {
      kind: "initials",
      what: "initials of trade name + trade (rxfs)",
      weight: 7,
      variants: samples.map((s) => ({ q: `${initials(s.pair)}${initials(s.trade)}` })),
    },
    { kind: "uscc", what: "an exact USCC", weight: 8, variants: samples.map((s) => ({ q: s.e.uscc })) },
    { kind: "town", what: "town filter, by name", weight: 5, variants: towns.map((town) => ({ town })) },
    {
      kind: "town p5",
      what: "the same, page 5",
      weight: 2,
      variants: towns.map((town) => ({ town, page: 5 })),
    },
    {
      kind: "town + word",
      what: "town filter and 服饰",
      weight: 4,
      variants: towns.map((town) => ({ town, q: "服饰" })),
    },
    {
      kind: "cert + sort",
      what: "certification filter, by employees desc",
      weight: 4,
      variants: certs.map((certification) => ({ certification, sort: "-employees" })),
    },
    {
      kind: "cert + sort p5",
      what: "the same, page 5",
      weight: 2,
      variants: certs.map((certification) => ({ certification, sort: "-employees", page: 5 })),
    },
    {
      kind: "sort",
      what: "whole registry by employees desc / founded asc",
      weight: 5,
      variants: [{ sort: "-employees" }, { sort: "foundedOn" }],
    },
  ];
  const sum = kinds.reduce((s, k) => s + k.weight, 0);
  if (sum !== 100) throw new Error(`the weights of the query mix add up to ${sum}, not 100`);
  return kinds;
}

export type Request = ClientRequest;

/**
 * `count` requests in the proportions of the weights, interleaved evenly (smooth weighted round robin), each kind
 * rotating through its variants.
 */
export function requestSequence(mix: QueryKind[], count: number): Request[] {
  const current = mix.map(() => 0);
  const sent = mix.map(() => 0);
  const out: Request[] = [];
  for (let r = 0; r < count; r++) {
    let best = 0;
    for (let i = 0; i < mix.length; i++) {
      current[i] = (current[i] as number) + (mix[i] as QueryKind).weight;
      if ((current[i] as number) > (current[best] as number)) best = i;
    }
    current[best] = (current[best] as number) - 100;
    const k = mix[best] as QueryKind;
    const n = sent[best] as number;
    sent[best] = n + 1;
    out.push({ kind: k.kind, params: k.variants[n % k.variants.length] ?? {} });
  }
  return out;
}

const toServiceQuery = (p: QueryParams) => {
  const { page = 1, pageSize = 20, ...filters } = p;
  return { ...filters, page: Number(page), pageSize: Number(pageSize) } as Parameters<
    typeof enterprises.listEnterprises
  >[2];
};

export interface Server {
  base: string;
  cookie: string;
  actor: Actor;
  close(): Promise<void>;
}

export const BENCH_USER = "bench-admin";
const BENCH_PASSWORD = "bench-password-1";

/** The real HTTP server on a random local port, and a signed-in admin's session cookie. */
export async function startServer(db: Db): Promise<Server> {
  const user = await createUser(db, null, {
    username: BENCH_USER,
    displayName: "Benchmark",
    role: "admin",
    password: BENCH_PASSWORD,
  });
  const app = await buildApp({ db, config: loadConfig({}), serveWeb: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith("jw_session="));
  if (!session) throw new Error("no session cookie");
  return {
    base,
    cookie: session.split(";")[0] as string,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: "admin",
      enterpriseId: null,
    },
    close: () => app.close(),
  };
}

export interface HttpRun {
  recorder: Recorder;
  seconds: number;
  /** Matches (total) per kind, min and max over its variants. */
  totals: Map<string, { min: number; max: number }>;
}

/**
 * Sends the requests from a separate client process with `concurrency` connections; a sample is request sent →
 * whole JSON body read.
 */
export async function runHttp(
  server: Pick<Server, "base" | "cookie">,
  requests: Request[],
  concurrency: number,
): Promise<HttpRun> {
  const result = await sendRequestsInChild({
    base: server.base,
    cookie: server.cookie,
    requests,
    concurrency,
  });
  const recorder = new Recorder();
  const totals = new Map<string, { min: number; max: number }>();
  for (const { kind, ms, total } of result.samples) {
    recorder.add(kind, ms);
    const t = totals.get(kind);
    totals.set(kind, { min: Math.min(t?.min ?? total, total), max: Math.max(t?.max ?? 0, total) });
  }
  return { recorder, seconds: result.seconds, totals };
}

/** Lists one page for the query parameters of the API, straight against the database. */
export type Lister = (db: Db, params: QueryParams) => Promise<{ items: { id: string }[]; total: number }>;

/** The service function the route calls: the same SQL as the API, without HTTP and the session lookup. */
export const currentLister =
  (actor: Actor): Lister =>
  (db, params) =>
    enterprises.listEnterprises(db, actor, toServiceQuery(params));

export async function runSql(
  db: Db,
  list: Lister,
  requests: Request[],
  into = new Recorder(),
): Promise<Recorder> {
  for (const { kind, params } of requests) {
    const t0 = performance.now();
    await list(db, params);
    into.add(kind, performance.now() - t0);
  }
  return into;
}

export interface Explained {
  kind: string;
  params: QueryParams;
  sql: string;
  plan: string;
  /** "Execution Time" of EXPLAIN ANALYZE, ms. */
  executionMs: number;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of exactly the statements a lister runs for each kind's first variant, captured by
 * a recording wrapper around the database. Statements the lister runs side by side are explained one by one.
 */
export async function explainMix(db: Db, list: Lister, mix: QueryKind[]): Promise<Explained[]> {
  const out: Explained[] = [];
  for (const k of mix) {
    const params = k.variants[0] ?? {};
    const captured: { text: string; params: unknown[] }[] = [];
    const spy: Db = {
      ...db,
      query: async <T>(text: string, p?: unknown[]) => {
        captured.push({ text, params: p ?? [] });
        return db.query<T>(text, p);
      },
    };
    await list(spy, params);
    for (const c of captured) {
      // Run twice: the first warms the cache, the second is the steady-state plan.
      const explain = `explain (analyze, buffers, timing) ${c.text}`;
      await db.query(explain, c.params);
      const rows = await db.query<{ "QUERY PLAN": string }>(explain, c.params);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      const m = /Execution Time: ([\d.]+) ms/.exec(plan);
      out.push({
        kind: k.kind,
        params,
        sql: `${c.text.replace(/\s+/g, " ")}\n-- params: ${JSON.stringify(c.params)}`,
        plan,
        executionMs: m ? Number(m[1]) : Number.NaN,
      });
    }
  }
  return out;
}

export function writeExplainFile(path: string, explained: Explained[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    explained.map((e) => `### ${e.kind} ${JSON.stringify(e.params)}\n${e.sql}\n\n${e.plan}\n`).join("\n"),
  );
}

export interface SearchResult {
  /** GET /api/health (one `select 1`) without and with the session cookie: the fixed cost of a request. */
  overhead: Recorder;
  mix: QueryKind[];
  sequential: HttpRun;
  concurrent: HttpRun;
  concurrency: number;
  sql: Recorder;
  explained: Explained[];
}

function mergeHttp(into: HttpRun, run: HttpRun): void {
  for (const [kind, list] of run.recorder.byKey) for (const x of list) into.recorder.add(kind, x);
  for (const [kind, t] of run.totals) {
    const had = into.totals.get(kind);
    into.totals.set(kind, { min: Math.min(had?.min ?? t.min, t.min), max: Math.max(had?.max ?? 0, t.max) });
  }
  into.seconds += run.seconds;
}

/**
 * Warm-up; then sequential HTTP and the same queries straight through the service, alternating in chunks so that
 * both see the same state of the machine; HTTP with `concurrency` clients; EXPLAIN ANALYZE per kind.
 */
export async function runSearchScenario(
  db: Db,
  registry: Generated[],
  opts: { requests: number; concurrency: number; log: (s: string) => void },
): Promise<SearchResult> {
  const mix = buildQueryMix(registry);
  const server = await startServer(db);
  const current = currentLister(server.actor);
  try {
    const warm = mix.flatMap((k) =>
      k.variants.flatMap((params) => [
        { kind: k.kind, params },
        { kind: k.kind, params },
      ]),
    );
    opts.log(`warm-up: ${warm.length} requests`);
    await runHttp(server, warm, 1);
    await runSql(db, current, warm);
    const sequence = requestSequence(mix, opts.requests);
    const sequential: HttpRun = { recorder: new Recorder(), seconds: 0, totals: new Map() };
    const sql = new Recorder();
    const CHUNKS = 4;
    for (let c = 0; c < CHUNKS; c++) {
      const chunk = sequence.slice(
        Math.floor((c * sequence.length) / CHUNKS),
        Math.floor(((c + 1) * sequence.length) / CHUNKS),
      );
      opts.log(`HTTP, sequential, part ${c + 1}/${CHUNKS}: ${chunk.length} requests`);
      mergeHttp(sequential, await runHttp(server, chunk, 1));
      opts.log(`SQL through the service, part ${c + 1}/${CHUNKS}: ${chunk.length} queries`);
      await runSql(db, current, chunk, sql);
    }
    opts.log(`HTTP, ${opts.concurrency} concurrent clients: ${sequence.length} requests`);
    const concurrent = await runHttp(server, sequence, opts.concurrency);
    opts.log("overhead probe: GET /api/health without and with the session cookie");
    const probe: Request[] = [];
    for (let i = 0; i < 300; i++)
      probe.push(
        { kind: "health", params: {}, path: "/api/health", anonymous: true },
        { kind: "health + session", params: {}, path: "/api/health" },
      );
    const overhead = (await runHttp(server, probe, 1)).recorder;
    opts.log("EXPLAIN ANALYZE per kind");
    const explained = await explainMix(db, current, mix);

    return { overhead, mix, sequential, concurrent, concurrency: opts.concurrency, sql, explained };
  } finally {
    await server.close();
  }
}

export type { Summary };
