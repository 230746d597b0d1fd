// The case loop's benchmarks (issue 5): public submission, tracking-number lookup, a department's work queue, the
// dashboard, and 200 submissions a second for a minute, through the real server at 1,000,000 cases. See
// bench/README.md ("Case scenarios").
import type { AddressInfo } from "node:net";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { formatTrackingNumber, seededRandom, shanghaiDate } from "@jingwei/rules";
import { buildApp } from "../apps/server/src/app.ts";
import { getPublicCase, listCases } from "../apps/server/src/modules/cases/read.ts";
import type { CaseListQuery, StatsQuery } from "../apps/server/src/modules/cases/schemas.ts";
import { caseStats } from "../apps/server/src/modules/cases/stats.ts";
import { submitCase } from "../apps/server/src/modules/cases/submit.ts";
import type { Actor } from "../apps/server/src/platform/access.ts";
import { loadConfig } from "../apps/server/src/platform/config.ts";
import type { Db } from "../apps/server/src/platform/db.ts";
import { createSession } from "../apps/server/src/platform/sessions.ts";
import { type SubmitResult, sendSubmissionsInChild } from "./cases-client.ts";
import { type CaseLoad, loadCases } from "./cases-load.ts";
import { type CaseOutcome, caseSection, type SustainedOutcome, sustainedSection } from "./cases-report.ts";
import type { ClientRequest, QueryParams } from "./client.ts";
import { createBenchDb } from "./db.ts";
import { generateRegistry } from "./generate.ts";
import {
  type Explained,
  explainMix,
  type QueryKind,
  requestSequence,
  runHttp,
  writeExplainFile,
} from "./search.ts";
import type { BenchSuite, SuiteContext } from "./suite.ts";

export const CASE_SCENARIOS = [
  "case-submit",
  "case-lookup",
  "case-queue",
  "case-dashboard",
  "case-sustained",
] as const;
type CaseScenario = (typeof CASE_SCENARIOS)[number];

/** The registry the cases refer to: the demo cluster's size. */
const REGISTRY = 1200;
const OUT = fileURLToPath(new URL("./out/", import.meta.url));

const positive = (name: string, v: string | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  const x = Number(v.replace(/[_,]/g, ""));
  if (!Number.isInteger(x) || x < 1) throw new Error(`--${name} must be a positive integer, not ${v}`);
  return x;
};

interface Server {
  base: string;
  close(): Promise<void>;
}

async function startServer(db: Db): Promise<Server> {
  // The public routes' per-address limits, read when the routes are registered: one client sends everything here.
  const limits = ["JINGWEI_CASE_SUBMIT_PER_MINUTE", "JINGWEI_CASE_LOOKUP_PER_MINUTE"] as const;
  const saved = limits.map((name) => process.env[name]);
  for (const name of limits) process.env[name] = "1000000000";
  const app = await buildApp({ db, config: loadConfig({}), serveWeb: false });
  limits.forEach((name, i) => {
    if (saved[i] === undefined) delete process.env[name];
    else process.env[name] = saved[i];
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

const cookieOf = async (db: Db, userId: string) => {
  const { token, csrfToken } = await createSession(db, userId, 12);
  return { cookie: `jw_session=${token}`, csrf: csrfToken };
};

async function actorOf(db: Db, userId: string): Promise<Actor> {
  const [u] = await db.query<Actor>(
    `select id as "userId", username, display_name as "displayName", role, enterprise_id as "enterpriseId"
       from users where id = $1`,
    [userId],
  );
  if (!u) throw new Error(`no user ${userId}`);
  return u;
}

/** A kind of request of a scenario's mix: its variants are used in turn. */
export interface CaseKind {
  kind: string;
  what: string;
  /** Share of the mix in percent (the kinds of a mix add up to 100). */
  weight: number;
  variants: { path: string; params?: QueryParams }[];
  anonymous?: boolean;
  /** Another session than the scenario's. */
  session?: { cookie: string; csrf: string };
}

/** `count` requests in the proportions of the weights (search.ts requestSequence), each kind rotating its variants. */
function sequence(mix: CaseKind[], count: number): ClientRequest[] {
  const indexed = mix.map((k) => ({ ...k, variants: k.variants.map((_, i) => ({ i })) }));
  return requestSequence(indexed, count).map((r) => {
    const k = mix.find((m) => m.kind === r.kind) as CaseKind;
    const v = k.variants[Number(r.params.i)] as CaseKind["variants"][number];
    return {
      kind: r.kind,
      path: v.path,
      params: v.params ?? {},
      ...(k.anonymous ? { anonymous: true } : {}),
      ...(k.session ? { session: k.session } : {}),
    };
  });
}

/** The first variant of each kind as search.ts explainMix takes them. */
const explainable = (mix: CaseKind[]): QueryKind[] =>
  mix.map((k) => ({ ...k, variants: [k.variants[0]?.params ?? {}] }));

const loadAverage = () => (os.loadavg()[0] ?? 0).toFixed(2);

/** Warm-up, then `requests` sequential requests and the same with `concurrency` clients, as supervision.ts does. */
async function measureMix(server: Server, cookie: string, mix: CaseKind[], ctx: SuiteContext, label: string) {
  const target = { base: server.base, cookie };
  const warmup = Math.min(200, ctx.requests);
  ctx.log(`${label}: warm-up, ${warmup} requests (load ${loadAverage()})`);
  await runHttp(target, sequence(mix, warmup), 1);
  ctx.log(`${label}: sequential, ${ctx.requests} requests (load ${loadAverage()})`);
  const sequential = await runHttp(target, sequence(mix, ctx.requests), 1);
  ctx.log(
    `${label}: ${ctx.concurrency} concurrent clients, ${ctx.requests} requests (load ${loadAverage()})`,
  );
  const concurrent = await runHttp(target, sequence(mix, ctx.requests), ctx.concurrency);
  return { sequential, concurrent };
}

// ---------------------------------------------------------------------------------------------------------------

const SUBMIT_TITLES = [
  "招工难，希望对接职业院校",
  "出口退税进度查询",
  "厂区门口道路积水",
  "技改补助申报材料咨询",
  "童装标准检验问题",
  "外贸合同纠纷求助",
  "排污许可证延续办理",
  "展会补贴何时发放",
];

async function submissionBodies(db: Db, count: number) {
  const categories = (
    await db.query<{ code: string }>("select code from case_categories where active order by sort_order")
  ).map((c) => c.code);
  const rand = seededRandom(5);
  return Array.from({ length: count }, (_, i) => ({
    category: categories[Math.floor(rand() * categories.length)],
    title: `${SUBMIT_TITLES[i % SUBMIT_TITLES.length]}（第${i + 1}号）`,
    description:
      "我们是平湖的服装企业，近期在生产经营中遇到困难，具体情况如下：旺季订单增加，缺少熟练缝纫工，" +
      `希望有关部门帮助协调解决。编号 ${i + 1}。`,
    contact: `王女士 138${String(10_000_000 + Math.floor(rand() * 89_999_999))}`,
    enterpriseName: i % 3 === 0 ? "平湖市瑞鑫服饰有限公司" : undefined,
  }));
}

async function runSubmit(db: Db, server: Server, ctx: SuiteContext): Promise<CaseOutcome> {
  const bodies = await submissionBodies(db, 500);
  const stamp = Date.now().toString(36);
  const closed = (requests: number, concurrency: number, tag: string) =>
    sendSubmissionsInChild({
      base: server.base,
      bodies,
      mode: { kind: "closed", requests, concurrency },
      keyPrefix: `bench-${stamp}-${tag}`,
    });
  ctx.log(`case-submit: warm-up, 100 submissions (load ${loadAverage()})`);
  await closed(100, 1, "warm");
  ctx.log(`case-submit: sequential, ${ctx.requests} submissions (load ${loadAverage()})`);
  const sequential = await closed(ctx.requests, 1, "seq");
  ctx.log(
    `case-submit: ${ctx.concurrency} concurrent clients, ${ctx.requests} submissions (load ${loadAverage()})`,
  );
  const concurrent = await closed(ctx.requests, ctx.concurrency, "con");
  const explained = await explainStatements(db, "submit", async (spy) => {
    await submitCase(spy, {
      channel: "web",
      text: bodies[0] as never,
      actor: null,
      idempotencyKey: `bench-${stamp}-explain`,
    });
  });
  return {
    scenario: "case-submit",
    route: "POST /api/v1/public/cases",
    actor: "anonymous (no sign-in), a fresh Idempotency-Key each, as the public form sends",
    kinds: [
      { kind: "submit", what: "a valid submission, random category (500 bodies in turn)", weight: 100 },
    ],
    submit: { sequential, concurrent },
    concurrency: ctx.concurrency,
    explained,
  };
}

/**
 * EXPLAIN ANALYZE of each statement `run` sends, just before it runs (in a savepoint rolled back, so a write is
 * explained once and then made for real), all in a transaction that is rolled back at the end.
 */
async function explainStatements(
  db: Db,
  kind: string,
  run: (spy: Db) => Promise<void>,
): Promise<Explained[]> {
  const out: Explained[] = [];
  const rollback = new Error("rollback");
  await db
    .tx(async (sql) => {
      const spy: Db = {
        ...db,
        query: async <T>(text: string, p?: unknown[]) => {
          await sql.query("savepoint bench_explain");
          const rows = await sql.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${text}`, p);
          await sql.query("rollback to savepoint bench_explain");
          const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
          const m = /Execution Time: ([\d.]+) ms/.exec(plan);
          out.push({
            kind,
            params: {},
            sql: `${text.replace(/\s+/g, " ")}\n-- params: ${JSON.stringify(p ?? []).slice(0, 400)}`,
            plan,
            executionMs: m ? Number(m[1]) : Number.NaN,
          });
          return sql.query<T>(text, p);
        },
        tx: async (fn) => fn(spy),
      };
      await run(spy);
      throw rollback;
    })
    .catch((err) => {
      if (err !== rollback) throw err;
    });
  return out;
}

async function runLookup(db: Db, server: Server, ctx: SuiteContext): Promise<CaseOutcome> {
  const sample = (
    await db.query<{ t: string }>(
      "select tracking_number as t from cases where channel <> 'web' order by md5(id::text) limit 600",
    )
  ).map((r) => r.t);
  const path = (t: string) => `/api/v1/public/cases/${encodeURIComponent(t)}`;
  const mix: CaseKind[] = [
    {
      kind: "lookup",
      what: "an existing tracking number as issued (PH250210…), 400 numbers in turn",
      weight: 80,
      anonymous: true,
      variants: sample.slice(0, 400).map((t) => ({ path: path(t) })),
    },
    {
      kind: "typed",
      what: "the same typed with hyphens and in lower case (normalised before the lookup)",
      weight: 20,
      anonymous: true,
      variants: sample.slice(400).map((t) => ({ path: path(formatTrackingNumber(t).toLowerCase()) })),
    },
  ];
  const runs = await measureMix(server, "", mix, ctx, "case-lookup");
  const explained = await explainStatements(db, "lookup", async (spy) => {
    await getPublicCase(spy, sample[0] as string);
  });
  return {
    scenario: "case-lookup",
    route: "GET /api/v1/public/cases/:trackingNumber",
    actor: "anonymous, random existing cases (status, public replies, timeline)",
    kinds: mix,
    http: runs,
    concurrency: ctx.concurrency,
    explained,
  };
}

async function runQueue(db: Db, server: Server, load: CaseLoad, ctx: SuiteContext): Promise<CaseOutcome> {
  const member = load.users.member;
  const session = await cookieOf(db, member.id);
  const actor = await actorOf(db, member.id);
  // The trade name of an enterprise with cases here (平湖市瑞鑫服饰有限公司 → 瑞鑫): finding an enterprise's cases.
  const names = await db.query<{ name: string }>(
    `select enterprise_name as name from cases where department_id = $1 and enterprise_id is not null
      group by 1 order by md5(enterprise_name) limit 3`,
    [member.departmentId],
  );
  const tradeNames = names.map((r) => r.name.replace(/^(平湖市|平湖|嘉兴市|浙江)/, "").slice(0, 2));
  const numbers = (
    await db.query<{ t: string }>(
      "select tracking_number as t from cases where department_id = $1 order by md5(id::text) limit 20",
      [member.departmentId],
    )
  ).map((r) => r.t);
  const path = "/api/v1/cases";
  const v = (params: QueryParams) => ({ path, params });
  const mix: CaseKind[] = [
    { kind: "queue", what: "the list as it opens: newest first, page 1", weight: 35, variants: [v({})] },
    { kind: "queue p5", what: "the same, page 5", weight: 5, variants: [v({ page: 5 })] },
    {
      kind: "status",
      what: "one open status (new / acknowledged / in progress / answered)",
      weight: 25,
      variants: ["new", "acknowledged", "inProgress", "answered"].map((status) => v({ status })),
    },
    { kind: "overdue", what: "overdue only", weight: 15, variants: [v({ overdue: "true" })] },
    {
      kind: "channel",
      what: "one channel (phone / web / salon)",
      weight: 5,
      variants: ["phone", "web", "salon"].map((channel) => v({ channel })),
    },
    {
      kind: "enterprise",
      what: `an enterprise's trade name in title or enterprise name (${tradeNames.join(" / ")})`,
      weight: 5,
      variants: tradeNames.map((q) => v({ q })),
    },
    {
      kind: "tracking",
      what: "an exact tracking number",
      weight: 10,
      variants: numbers.map((q) => v({ q })),
    },
  ];
  const runs = await measureMix(server, session.cookie, mix, ctx, "case-queue");
  const explained = await explainMix(
    db,
    // As the route's schema coerces the query string: numbers and booleans.
    async (d, { page = 1, overdue, ...rest }) =>
      listCases(d, actor, {
        ...rest,
        page: Number(page),
        pageSize: 20,
        ...(overdue === "true" ? { overdue: true } : {}),
      } as CaseListQuery),
    explainable(mix),
  );
  return {
    scenario: "case-queue",
    route: "GET /api/v1/cases",
    actor: `the department member ${member.username} (${member.departmentCode}: ${member.cases.toLocaleString("en-US")} cases)`,
    kinds: mix,
    listed: true,
    http: runs,
    concurrency: ctx.concurrency,
    explained,
  };
}

async function runDashboard(db: Db, server: Server, load: CaseLoad, ctx: SuiteContext): Promise<CaseOutcome> {
  const session = await cookieOf(db, load.users.coordinator.id);
  const memberSession = await cookieOf(db, load.users.member.id);
  const actor = await actorOf(db, load.users.coordinator.id);
  const departments = await db.query<{ id: string }>(
    "select id from departments order by sort_order limit 4",
  );
  const today = shanghaiDate(new Date());
  const monthAgo = shanghaiDate(new Date(Date.now() - 30 * 86_400_000));
  const path = "/api/v1/cases/stats";
  const v = (params: QueryParams) => ({ path, params });
  const mix: CaseKind[] = [
    { kind: "dashboard", what: "the page as it opens: every case", weight: 50, variants: [v({})] },
    {
      kind: "department",
      what: "one department (4 in turn)",
      weight: 10,
      variants: departments.map((d) => v({ departmentId: d.id })),
    },
    {
      kind: "category",
      what: "one category (policy / labour / environment)",
      weight: 10,
      variants: ["policy", "labourAndTalent", "environment"].map((category) => v({ category })),
    },
    {
      kind: "30 days",
      what: `submitted in the last 30 days (${monthAgo} – ${today})`,
      weight: 10,
      variants: [v({ from: monthAgo, to: today })],
    },
    {
      kind: "this year",
      what: `submitted this year (from ${today.slice(0, 4)}-01-01)`,
      weight: 10,
      variants: [v({ from: `${today.slice(0, 4)}-01-01` })],
    },
    {
      kind: "member",
      what: `a department member's own dashboard (${load.users.member.username})`,
      weight: 10,
      session: memberSession,
      variants: [v({})],
    },
  ];
  const runs = await measureMix(server, session.cookie, mix, ctx, "case-dashboard");
  const explained = await explainMix(
    db,
    async (d, p) => {
      await caseStats(d, actor, p as StatsQuery);
      return { items: [], total: 0 };
    },
    explainable(mix.filter((k) => k.kind !== "member")),
  );
  return {
    scenario: "case-dashboard",
    route: "GET /api/v1/cases/stats",
    actor: `the coordinator ${load.users.coordinator.username} (regulator), and a department member for "member"`,
    kinds: mix,
    http: runs,
    concurrency: ctx.concurrency,
    explained,
  };
}

async function runSustained(db: Db, server: Server, ctx: SuiteContext): Promise<SustainedOutcome> {
  const rate = positive("rate", ctx.options.rate, 200);
  const seconds = positive("seconds", ctx.options.seconds, 60);
  const bodies = await submissionBodies(db, 1000);
  const [before] = await db.query<{ n: number }>("select count(*)::int as n from cases");
  ctx.log(`case-sustained: ${rate} submissions/s for ${seconds} s, open loop (load ${loadAverage()})`);
  const startedAt = new Date();
  const result: SubmitResult = await sendSubmissionsInChild({
    base: server.base,
    bodies,
    mode: { kind: "open", rate, seconds },
    keyPrefix: `bench-sustained-${Date.now().toString(36)}`,
  });
  const returned = result.samples.flatMap((s) => (s.trackingNumber ? [s.trackingNumber] : []));
  const [found] = await db.query<{ n: number }>(
    "select count(*)::int as n from cases where tracking_number = any($1::text[])",
    [returned],
  );
  const [after] = await db.query<{ n: number }>("select count(*)::int as n from cases");
  const [inWindow] = await db.query<{ n: number }>(
    "select count(*)::int as n from cases where channel = 'web' and submitted_at >= $1",
    [startedAt.toISOString()],
  );
  return {
    rate,
    seconds,
    result,
    returned: returned.length,
    distinct: new Set(returned).size,
    found: found?.n ?? 0,
    added: (after?.n ?? 0) - (before?.n ?? 0),
    inWindow: inWindow?.n ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------

export const caseSuite: BenchSuite = {
  name: "cases",
  scenarios: CASE_SCENARIOS,
  async run(ctx, wanted) {
    const cases = positive("cases", ctx.options.cases, ctx.kind === "pglite" ? 20_000 : 1_000_000);
    ctx.log(`creating the database for ${wanted.join(", ")} at ${cases.toLocaleString("en-US")} cases`);
    const bench = await createBenchDb(ctx.kind, {
      pgUrl: ctx.pgUrl,
      keep: ctx.keep,
      pgliteInMemory: ctx.memory,
    });
    try {
      ctx.log(`${bench.version}, ${bench.location}`);
      const { stats, enterprises } = await generateRegistry(bench.db, REGISTRY, { batch: 1000 });
      ctx.log(`registry of ${REGISTRY} enterprises in ${stats.seconds.toFixed(1)} s`);
      const load = await loadCases(bench.db, { cases, registry: enterprises, log: ctx.log });
      load.phases.unshift({
        label: "registry (generateRegistry, VACUUM ANALYZE)",
        seconds: stats.seconds + stats.analyzeSeconds,
        rows: REGISTRY,
      });
      const server = await startServer(bench.db);
      try {
        const header = (scenario: CaseScenario, parameters: string) =>
          ctx.header(
            `${scenario} · ${cases.toLocaleString("en-US")} cases`,
            REGISTRY,
            bench.version,
            parameters,
          );
        const http = `--cases ${cases} --requests ${ctx.requests} --concurrency ${ctx.concurrency}`;
        for (const scenario of CASE_SCENARIOS.filter((s) => wanted.includes(s))) {
          if (scenario === "case-sustained") {
            const r = await runSustained(bench.db, server, ctx);
            const h = header(scenario, `--cases ${cases} --rate ${r.rate} --seconds ${r.seconds}`);
            ctx.emit(h, sustainedSection(h, cases, load, r));
            continue;
          }
          const r =
            scenario === "case-submit"
              ? await runSubmit(bench.db, server, ctx)
              : scenario === "case-lookup"
                ? await runLookup(bench.db, server, ctx)
                : scenario === "case-queue"
                  ? await runQueue(bench.db, server, load, ctx)
                  : await runDashboard(bench.db, server, load, ctx);
          const file = `${OUT}explain-${scenario}-${ctx.kind}-${cases}.txt`;
          writeExplainFile(file, r.explained);
          ctx.log(`EXPLAIN ANALYZE plans: ${file}`);
          const h = header(scenario, http);
          ctx.emit(h, caseSection(h, cases, load, r));
        }
      } finally {
        await server.close();
      }
    } finally {
      await bench.drop();
    }
  },
};
