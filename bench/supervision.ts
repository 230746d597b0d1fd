// Supervision scenarios (issue 3): reclassify every exporter, the inspector's task list, the indicator dashboard and
// declarations, through the real server as the console calls them. A scenario whose module has not landed yet is
// reported as such instead of failing the run.
import type { AddressInfo } from "node:net";
import { samplingPlan, seededRandom } from "@jingwei/rules";
import { buildApp } from "../apps/server/src/app.ts";
import { HS_CODES, UNIT_PRICE_USD } from "../apps/server/src/modules/demo/supervision-data.ts";
import { addMonths, dayOf, isoOf } from "../apps/server/src/modules/demo/supervision-dates.ts";
import { listProductCategories } from "../apps/server/src/modules/supervision/context.ts";
import { loadConfig } from "../apps/server/src/platform/config.ts";
import type { Db } from "../apps/server/src/platform/db.ts";
import type { App } from "../apps/server/src/platform/http.ts";
import { createSession } from "../apps/server/src/platform/sessions.ts";
import type { ClientRequest } from "./client.ts";
import { type HttpRun, runHttp } from "./search.ts";
import type { SupervisionLoad } from "./supervision-load.ts";

export const SUPERVISION_SCENARIOS = ["reclassify", "tasks", "dashboard", "declare"] as const;
export type SupervisionScenario = (typeof SUPERVISION_SCENARIOS)[number];

export interface ReclassifyOutcome {
  available: boolean;
  note: string;
  seconds?: number;
  /** What reclassifyAll returned (counts, its own duration). */
  result?: Record<string, unknown>;
}

export interface HttpKind {
  kind: string;
  what: string;
  weight: number;
}

export interface HttpOutcome {
  available: boolean;
  note: string;
  route: string;
  actor: string;
  /** The route returns a page with a total ("matches" in the report). */
  listed?: boolean;
  mix: HttpKind[];
  sequential?: HttpRun;
  concurrent?: HttpRun;
  concurrency: number;
}

type Log = (s: string) => void;

// ---------------------------------------------------------------------------------------------------------------
// reclassify

type ReclassifyAll = (
  db: Db,
  actor: null,
  trigger: string,
  today?: string,
) => Promise<Record<string, unknown>>;

export async function runReclassify(db: Db, log: Log): Promise<ReclassifyOutcome> {
  let fn: ReclassifyAll | undefined;
  try {
    const mod = (await import(
      new URL("../apps/server/src/modules/classification/service.ts", import.meta.url).href
    )) as { reclassifyAll?: ReclassifyAll };
    fn = mod.reclassifyAll;
  } catch (err) {
    return { available: false, note: `classification module not available yet (${(err as Error).message})` };
  }
  if (typeof fn !== "function")
    return { available: false, note: "classification/service.ts does not export reclassifyAll yet" };
  log("reclassify: reclassifyAll(db, null, 'all') once");
  const t0 = performance.now();
  const result = await fn(db, null, "all");
  const seconds = (performance.now() - t0) / 1000;
  log(`reclassify: ${seconds.toFixed(2)} s`);
  return { available: true, note: "", seconds, result };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP scenarios

interface Server {
  app: App;
  base: string;
  close(): Promise<void>;
}

async function startServer(db: Db): Promise<Server> {
  const app = await buildApp({ db, config: loadConfig({}), serveWeb: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** A signed-in session made directly (the login route's rate limit would refuse a hundred sign-ins a minute). */
async function sessionOf(db: Db, userId: string) {
  const { token, csrfToken } = await createSession(db, userId, 12);
  return { cookie: `jw_session=${token}`, csrf: csrfToken };
}

/** `count` requests in the proportions of the weights, interleaved, each kind rotating through its variants. */
function sequence(
  kinds: (HttpKind & { variants: Omit<ClientRequest, "kind">[] })[],
  count: number,
): ClientRequest[] {
  const total = kinds.reduce((s, k) => s + k.weight, 0);
  const current = kinds.map(() => 0);
  const sent = kinds.map(() => 0);
  const out: ClientRequest[] = [];
  for (let r = 0; r < count; r++) {
    let best = 0;
    for (let i = 0; i < kinds.length; i++) {
      current[i] = (current[i] as number) + (kinds[i] as HttpKind).weight;
      if ((current[i] as number) > (current[best] as number)) best = i;
    }
    current[best] = (current[best] as number) - total;
    const k = kinds[best] as (typeof kinds)[number];
    const n = sent[best] as number;
    sent[best] = n + 1;
    out.push({ kind: k.kind, ...(k.variants[n % k.variants.length] as Omit<ClientRequest, "kind">) });
  }
  return out;
}

async function measure(
  server: Server,
  cookie: string,
  kinds: (HttpKind & { variants: Omit<ClientRequest, "kind">[] })[],
  opts: { requests: number; concurrency: number; warmup: number; log: Log; label: string },
): Promise<{ sequential: HttpRun; concurrent: HttpRun }> {
  const target = { base: server.base, cookie };
  opts.log(`${opts.label}: warm-up, ${opts.warmup} requests`);
  await runHttp(target, sequence(kinds, opts.warmup), 1);
  opts.log(`${opts.label}: sequential, ${opts.requests} requests`);
  const sequential = await runHttp(target, sequence(kinds, opts.requests), 1);
  opts.log(`${opts.label}: ${opts.concurrency} concurrent clients, ${opts.requests} requests`);
  const concurrent = await runHttp(target, sequence(kinds, opts.requests), opts.concurrency);
  return { sequential, concurrent };
}

export interface HttpOptions {
  requests: number;
  concurrency: number;
  log: Log;
}

function unavailable(route: string, actor: string, note: string, concurrency: number): HttpOutcome {
  return { available: false, note, route, actor, mix: [], concurrency };
}

export async function runTasks(db: Db, load: SupervisionLoad, opts: HttpOptions): Promise<HttpOutcome> {
  const route = "GET /api/v1/tasks";
  const actor = `the inspector account ${load.users.inspector.username}`;
  const server = await startServer(db);
  try {
    if (!server.app.hasRoute({ method: "GET", url: "/api/v1/tasks" }))
      return unavailable(route, actor, "route not implemented yet (lots module)", opts.concurrency);
    const session = await sessionOf(db, load.users.inspector.id);
    const categories = (await listProductCategories(db)).map((c) => c.code).slice(0, 3);
    const [open] = await db.query<{ mine: number; pool: number }>(
      `select count(*) filter (where inspector_id = $1)::int as mine, count(*) filter (where inspector_id is null)::int
         as pool from lots where status in ('awaiting_inspection', 'rework')`,
      [load.users.inspector.id],
    );
    opts.log(
      `tasks: ${open?.mine ?? 0} open lots assigned to ${load.users.inspector.username}, ${open?.pool ?? 0} in the pool`,
    );
    const path = "/api/v1/tasks";
    const week = isoOf(dayOf(load.today) + 7);
    const kinds = [
      {
        kind: "tasks",
        what: "mine and the pool, by ship date (the page as it opens)",
        weight: 40,
        variants: [{ path, params: {} }],
      },
      { kind: "tasks p3", what: "the same, page 3", weight: 10, variants: [{ path, params: { page: 3 } }] },
      {
        kind: "mine",
        what: "only lots assigned to me",
        weight: 20,
        variants: [{ path, params: { mine: "true" } }],
      },
      {
        kind: "category",
        what: "one product category",
        weight: 15,
        variants: categories.map((productCategory) => ({ path, params: { productCategory } })),
      },
      {
        kind: "ship window",
        what: "shipping within a week",
        weight: 15,
        variants: [{ path, params: { shipFrom: load.today, shipTo: week } }],
      },
    ];
    const runs = await measure(server, session.cookie, kinds, { ...opts, warmup: 40, label: "tasks" });
    return {
      available: true,
      note: "",
      route,
      actor,
      listed: true,
      mix: kinds,
      ...runs,
      concurrency: opts.concurrency,
    };
  } finally {
    await server.close();
  }
}

export async function runDashboard(db: Db, load: SupervisionLoad, opts: HttpOptions): Promise<HttpOutcome> {
  const route = "GET /api/v1/indicators/dashboard";
  const actor = `the regulator account ${load.users.regulator.username}`;
  const server = await startServer(db);
  try {
    if (!server.app.hasRoute({ method: "GET", url: "/api/v1/indicators/dashboard" }))
      return unavailable(route, actor, "route not implemented yet (indicators module)", opts.concurrency);
    const session = await sessionOf(db, load.users.regulator.id);
    // Random months and years of the two years loaded, in a shuffled (seeded) order.
    const rand = seededRandom(7);
    const months = Array.from({ length: 24 }, (_, i) => addMonths(load.today, -i).slice(0, 7));
    const years = [...new Set(months.map((m) => m.slice(0, 4)))];
    const shuffle = <T>(xs: T[]) =>
      xs
        .map((x) => [rand(), x] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, x]) => x);
    const path = "/api/v1/indicators/dashboard";
    const kinds = [
      {
        kind: "month",
        what: `a month (YYYY-MM), ${months.length} months rotated`,
        weight: 70,
        variants: shuffle(months).map((period) => ({ path, params: { period } })),
      },
      {
        kind: "year",
        what: `a year (YYYY): ${years.join(", ")}`,
        weight: 30,
        variants: shuffle(years).map((period) => ({ path, params: { period } })),
      },
    ];
    const runs = await measure(server, session.cookie, kinds, { ...opts, warmup: 30, label: "dashboard" });
    return { available: true, note: "", route, actor, mix: kinds, ...runs, concurrency: opts.concurrency };
  } finally {
    await server.close();
  }
}

export async function runDeclare(db: Db, load: SupervisionLoad, opts: HttpOptions): Promise<HttpOutcome> {
  const route = "POST /api/v1/lots";
  const actor = `${load.users.enterprises.length} enterprise users of random exporters`;
  const server = await startServer(db);
  try {
    if (!server.app.hasRoute({ method: "POST", url: "/api/v1/lots" }))
      return unavailable(route, actor, "route not implemented yet (lots module)", opts.concurrency);
    if (load.users.enterprises.length === 0)
      return unavailable(route, actor, "no enterprise users", opts.concurrency);
    const sessions = await Promise.all(load.users.enterprises.map((u) => sessionOf(db, u.id)));
    const categories = await listProductCategories(db);
    const rand = seededRandom(11);
    const bodies = Array.from({ length: 500 }, (_, i) => {
      const c = categories[Math.floor(rand() * categories.length)] as (typeof categories)[number];
      const hs = (HS_CODES[c.code] ?? []).find((h) => c.hsPrefixes.some((p) => h.hs.startsWith(p)));
      const quantity = 500 + Math.floor(rand() * 40) * 250;
      const [lo, hi] = UNIT_PRICE_USD[c.code] ?? [3, 10];
      const level = c.inspectionLevel === "I" || c.inspectionLevel === "III" ? c.inspectionLevel : "II";
      const plan = samplingPlan({ lotSize: quantity, level, aql: c.aqlMajor, stage: "normal" });
      return {
        session: sessions[i % sessions.length] as (typeof sessions)[number],
        body: {
          productCategory: c.code,
          hsCode: hs?.hs ?? (c.hsPrefixes[0] ?? "6109").padEnd(8, "0"),
          description: hs?.zh ?? c.nameZh,
          quantity,
          lotSize: quantity,
          valueUsd: Math.round(quantity * (lo + (hi - lo) * rand()) * 100) / 100,
          destination: ["US", "JP", "DE", "KR", "GB", "AU"][Math.floor(rand() * 6)],
          buyer: "Benchmark Buyer Ltd.",
          shipDate: isoOf(dayOf(load.today) + 7 + Math.floor(rand() * 14)),
          selfInspection: { sampleSize: plan.sampleSize, defectsFound: 0, passed: true },
        },
      };
    });
    const path = "/api/v1/lots";
    const kinds = [
      {
        kind: "declare",
        what: "a declaration with a passed self-inspection, random category",
        weight: 100,
        variants: bodies.map((b) => ({
          path,
          params: {},
          method: "POST" as const,
          body: b.body,
          session: b.session,
        })),
      },
    ];
    const first = await fetch(`${server.base}${path}`, {
      method: "POST",
      headers: {
        cookie: bodies[0]?.session.cookie ?? "",
        "x-csrf-token": bodies[0]?.session.csrf ?? "",
        "content-type": "application/json",
      },
      body: JSON.stringify(bodies[0]?.body),
    });
    if (first.status !== 200 && first.status !== 201)
      return unavailable(
        route,
        actor,
        `the benchmark's declaration was refused: ${first.status} ${(await first.text()).slice(0, 400)}`,
        opts.concurrency,
      );
    const runs = await measure(server, "", kinds, { ...opts, warmup: 20, label: "declare" });
    return { available: true, note: "", route, actor, mix: kinds, ...runs, concurrency: opts.concurrency };
  } finally {
    await server.close();
  }
}
