// Issue 4: "the programme dashboard p95 ≤ 100 ms at 10,000 assessments and 200,000 findings on PostgreSQL": GET
// /api/v1/evaluation-programme (and GET /api/v1/labour/trends beside it) as the association user, the console's
// requests in the proportions it sends them, sequential and concurrent, with EXPLAIN ANALYZE of the statements.
import { type ProgrammeQuery, programmeOverview } from "../apps/server/src/modules/evaluations/detail.ts";
import { labourTrends } from "../apps/server/src/modules/labour/trends.ts";
import type { Actor } from "../apps/server/src/platform/access.ts";
import type { Db } from "../apps/server/src/platform/db.ts";
import type { QueryParams } from "./client.ts";
import {
  type Explained,
  explainMix,
  type HttpRun,
  type Lister,
  type QueryKind,
  requestSequence,
  runHttp,
} from "./search.ts";

export interface RouteMix {
  route: string;
  path: string;
  mix: QueryKind[];
  sequential: HttpRun;
  concurrent: HttpRun;
  explained: Explained[];
  /** Enterprises listed per kind (the programme's list total) for its first variant. */
  matches: Map<string, number>;
}

export interface ProgrammeOutcome {
  actor: string;
  concurrency: number;
  routes: RouteMix[];
}

const programmeQuery = (p: QueryParams): ProgrammeQuery => {
  const { page = 1, pageSize = 20, ...rest } = p;
  return { ...rest, page: Number(page), pageSize: Number(pageSize) } as ProgrammeQuery;
};

/** The list page's mix, drawn from the loaded data: names to search, the levels and stages most given. */
async function programmeMix(db: Db): Promise<QueryKind[]> {
  const levels = await db.query<{ level: string }>(
    `select level from evaluation_assessments where level is not null group by level order by count(*) desc limit 3`,
  );
  const names = await db.query<{ name: string }>(
    `select e.name from enterprises e where exists (select 1 from evaluation_assessments a where a.enterprise_id = e.id)
     order by md5(e.id::text) limit 3`,
  );
  // The trade name (two characters after the place) of a synthetic name: 平湖市 瑞鑫 服饰 … → 瑞鑫.
  const tradeName = (n: string) => n.replace(/^(平湖市|平湖|嘉兴市|浙江)/, "").slice(0, 2);
  return [
    {
      kind: "opens",
      what: "the list as it opens (by name), with the programme's totals",
      weight: 40,
      variants: [{}],
    },
    { kind: "page 5", what: "the same, page 5", weight: 10, variants: [{ page: 5 }] },
    {
      kind: "stage",
      what: "one stage (rated, trainingTrial, followUp)",
      weight: 10,
      variants: [{ stage: "rated" }, { stage: "trainingTrial" }, { stage: "followUp" }],
    },
    {
      kind: "level",
      what: `one level (${levels.map((l) => l.level).join(", ")})`,
      weight: 10,
      variants: levels.map((l) => ({ level: l.level })),
    },
    {
      kind: "search",
      what: `an enterprise's trade name (${names.map((n) => tradeName(n.name)).join(", ")})`,
      weight: 15,
      variants: names.map((n) => ({ q: tradeName(n.name) })),
    },
    {
      kind: "latest rated",
      what: "sorted by rating date, latest first",
      weight: 15,
      variants: [{ sort: "-ratedOn" }],
    },
  ];
}

async function trendsMix(db: Db): Promise<QueryKind[]> {
  const checked = await db.query<{ id: string; last: string }>(
    `select enterprise_id as id, to_char(max(month), 'YYYY-MM') as last from labour_monthly_metrics
     group by enterprise_id order by md5(enterprise_id::text) limit 3`,
  );
  const [range] = await db.query<{ last: string }>(
    "select to_char(max(month), 'YYYY-MM') as last from labour_monthly_metrics",
  );
  const last = range?.last ?? "2025-12";
  const yearBefore = `${Number(last.slice(0, 4)) - 1}${last.slice(4)}`;
  return [
    { kind: "cluster", what: "the cluster's months (the card as it opens)", weight: 50, variants: [{}] },
    {
      kind: "enterprise",
      what: "the cluster and one enterprise overlaid",
      weight: 30,
      variants: checked.map((c) => ({ enterpriseId: c.id })),
    },
    {
      kind: "last year",
      what: `the last 12 months (${yearBefore} – ${last})`,
      weight: 20,
      variants: [{ from: yearBefore, to: last }],
    },
  ];
}

export async function runProgramme(
  db: Db,
  opts: {
    target: { base: string; cookie: string };
    actor: Actor;
    requests: number;
    concurrency: number;
    log: (s: string) => void;
  },
): Promise<ProgrammeOutcome> {
  const routes: RouteMix[] = [];
  const programmeLister: Lister = async (sql, params) => {
    const r = await programmeOverview(sql, opts.actor, programmeQuery(params));
    return { items: [], total: r.enterprises.total };
  };
  const trendsLister: Lister = async (sql, params) => {
    const r = await labourTrends(sql, opts.actor, params as Record<string, string>);
    return { items: [], total: r.enterprises.length };
  };
  for (const [route, path, mix, lister] of [
    [
      "GET /api/v1/evaluation-programme",
      "/api/v1/evaluation-programme",
      await programmeMix(db),
      programmeLister,
    ],
    ["GET /api/v1/labour/trends", "/api/v1/labour/trends", await trendsMix(db), trendsLister],
  ] as const) {
    const sequence = (n: number) => requestSequence(mix, n).map((r) => ({ ...r, path }));
    const matches = new Map<string, number>();
    for (const k of mix) matches.set(k.kind, (await lister(db, k.variants[0] ?? {})).total);
    opts.log(`${route}: warm-up`);
    await runHttp(opts.target, sequence(Math.max(30, mix.length * 5)), 1);
    opts.log(`${route}: sequential, ${opts.requests} requests`);
    const sequential = await runHttp(opts.target, sequence(opts.requests), 1);
    opts.log(`${route}: ${opts.concurrency} concurrent clients, ${opts.requests} requests`);
    const concurrent = await runHttp(opts.target, sequence(opts.requests), opts.concurrency);
    opts.log(`${route}: EXPLAIN ANALYZE`);
    const explained = await explainMix(db, lister, mix);
    routes.push({ route, path, mix, sequential, concurrent, explained, matches });
  }
  return { actor: `the association account (${opts.actor.username})`, concurrency: opts.concurrency, routes };
}
