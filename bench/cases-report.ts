// RESULTS.md sections of the case scenarios (bench/cases.ts): the data loaded, the issue's target against what was
// measured, and the latency per kind of request.
import type { SubmitResult } from "./cases-client.ts";
import type { CaseLoad } from "./cases-load.ts";
import { headerLines, mixTable, type SectionHeader } from "./report.ts";
import type { Explained, HttpRun } from "./search.ts";
import { ms, perSecond, type Summary, summarise } from "./stats.ts";

const n = (x: number) => x.toLocaleString("en-US");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

/** The issue's scale: targets are judged on PostgreSQL at 1,000,000 cases; elsewhere shown for reference. */
export const CASE_ISSUE_SCALE = 1_000_000;

export const CASE_TARGETS = {
  "case-submit": { ms: 30, label: "public submission p95 ≤ 30 ms" },
  "case-lookup": { ms: 10, label: "case lookup by tracking number p95 ≤ 10 ms" },
  "case-queue": { ms: 50, label: "department work queue p95 ≤ 50 ms" },
  "case-dashboard": { ms: 150, label: "dashboards p95 ≤ 150 ms" },
} as const;

export interface CaseOutcome {
  scenario: keyof typeof CASE_TARGETS;
  route: string;
  actor: string;
  kinds: { kind: string; what: string; weight: number }[];
  /** The route returns a page with a total ("matches"). */
  listed?: boolean;
  http?: { sequential: HttpRun; concurrent: HttpRun };
  submit?: { sequential: SubmitResult; concurrent: SubmitResult };
  concurrency: number;
  explained: Explained[];
}

export interface SustainedOutcome {
  rate: number;
  seconds: number;
  result: SubmitResult;
  /** Tracking numbers returned with 201, and how many of them differ. */
  returned: number;
  distinct: number;
  /** Of the returned numbers, how many the cases table holds afterwards. */
  found: number;
  /** Rows the cases table gained during the run, and web cases submitted since it started. */
  added: number;
  inWindow: number;
}

const judged = (h: SectionHeader, cases: number) => h.db === "postgres" && cases >= CASE_ISSUE_SCALE;

function verdict(ok: boolean, atScale: boolean): string {
  if (!atScale) return ok ? "ℹ️ within (not at the issue's scale)" : "ℹ️ beyond (not at the issue's scale)";
  return ok ? "✅ met" : "❌ missed";
}

function targetTable(rows: { target: string; measured: string; ok: boolean }[], atScale: boolean): string[] {
  return [
    row(["target (issue 5, PostgreSQL at 1,000,000 cases)", "measured", ""]),
    row(["---", "--:", "---"]),
    ...rows.map((r) => row([r.target, r.measured, verdict(r.ok, atScale)])),
  ];
}

export function caseLoadLines(load: CaseLoad): string[] {
  const statuses = Object.entries(load.statuses)
    .map(([s, c]) => `${s} ${n(c)}`)
    .join(", ");
  const lines = [
    `- Data (bench/cases-load.ts, generated in SQL): ${n(load.cases)} cases submitted ${load.from} – ${load.to} ` +
      `(${statuses}; ${n(load.overdue)} open past their resolve deadline), ${n(load.events)} timeline events, ` +
      `${n(load.salons)} salons; loaded in ${load.seconds.toFixed(1)} s (${perSecond(load.cases, load.seconds)} cases/s)`,
  ];
  for (const p of load.phases)
    lines.push(
      `  - ${p.label}: ${p.seconds.toFixed(1)} s${p.rows !== undefined ? ` (${n(p.rows)} rows)` : ""}`,
    );
  return lines;
}

const errorsOf = (r: SubmitResult) => r.samples.filter((s) => s.status !== 201);
const summaryOf = (r: SubmitResult): Summary => summarise(r.samples.map((s) => s.ms));

function errorText(r: SubmitResult): string {
  const counts = new Map<string, number>();
  for (const s of errorsOf(r))
    counts.set(s.error ?? String(s.status), (counts.get(s.error ?? String(s.status)) ?? 0) + 1);
  return [...counts].map(([e, c]) => `${e} × ${n(c)}`).join(", ");
}

export function caseSection(h: SectionHeader, cases: number, load: CaseLoad, r: CaseOutcome): string {
  const lines = [...headerLines(h), ...caseLoadLines(load)];
  const target = CASE_TARGETS[r.scenario];
  const atScale = judged(h, cases);
  const plan = (kind: string) => {
    const e = r.explained.filter((x) => x.kind === kind);
    return e.length ? ms(e.reduce((s, x) => s + x.executionMs, 0)) : "–";
  };
  if (r.submit) {
    const seq = summaryOf(r.submit.sequential);
    const con = summaryOf(r.submit.concurrent);
    const errors = errorsOf(r.submit.sequential).length + errorsOf(r.submit.concurrent).length;
    lines.push(
      `- ${r.route} as ${r.actor}; sequential ${perSecond(seq.n, r.submit.sequential.seconds)} req/s, ` +
        `${r.concurrency} concurrent clients ${perSecond(con.n, r.submit.concurrent.seconds)} req/s; ` +
        `errors: ${errors === 0 ? "none" : `${errors} (${errorText(r.submit.sequential)} ${errorText(r.submit.concurrent)})`}`,
      `- Plan: the statements one submission sends, EXPLAIN ANALYZE each (in a rolled-back transaction): ` +
        `${r.explained.length} statements, ${plan("submit")} ms of execution; plans in bench/out/`,
      "",
      ...targetTable(
        [
          { target: target.label, measured: `${ms(seq.p95)} ms`, ok: seq.p95 <= target.ms },
          { target: "no error", measured: n(errors), ok: errors === 0 },
        ],
        atScale,
      ),
      "",
      row([
        "kind",
        "requests",
        "errors",
        "p50",
        "p95",
        "p99",
        "max",
        `×${r.concurrency} p50`,
        `×${r.concurrency} p95`,
      ]),
      row(["---", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:"]),
      row([
        `submit <sub>${r.kinds[0]?.what ?? ""}</sub>`,
        n(seq.n + con.n),
        n(errors),
        `**${ms(seq.p50)}**`,
        `**${ms(seq.p95)}**`,
        ms(seq.p99),
        ms(seq.max),
        ms(con.p50),
        ms(con.p95),
      ]),
    );
    return lines.join("\n");
  }
  if (!r.http) return lines.join("\n");
  const seq = r.http.sequential.recorder;
  const con = r.http.concurrent.recorder;
  const all = seq.summary();
  const conAll = con.summary();
  lines.push(
    `- ${r.route} as ${r.actor}, until the whole JSON body is read; sequential ` +
      `${perSecond(all.n, r.http.sequential.seconds)} req/s, ${r.concurrency} concurrent clients ` +
      `${perSecond(conAll.n, r.http.concurrent.seconds)} req/s; no error (the client stops at the first)`,
    "- Plan: server-side execution time of EXPLAIN ANALYZE of the statements the service runs for the kind's first " +
      "variant (summed); plans in bench/out/",
    "",
    ...targetTable(
      [{ target: target.label, measured: `${ms(all.p95)} ms`, ok: all.p95 <= target.ms }],
      atScale,
    ),
    "",
    ...mixTable(
      { ...r.http, mix: r.kinds, listed: r.listed, concurrency: r.concurrency },
      { headers: ["plan"], cells: (kind) => [plan(kind)] },
    ),
  );
  return lines.join("\n");
}

export function sustainedSection(
  h: SectionHeader,
  cases: number,
  load: CaseLoad,
  r: SustainedOutcome,
): string {
  const lines = [...headerLines(h), ...caseLoadLines(load)];
  const s = summaryOf(r.result);
  const sent = r.result.samples.length;
  const errors = errorsOf(r.result);
  const achieved = sent / r.result.seconds;
  const lost = r.returned - r.found;
  const atScale = judged(h, cases);
  lines.push(
    `- POST /api/v1/public/cases, open loop: ${n(sent)} submissions due at ${r.rate}/s for ${r.seconds} s, each sent ` +
      "at its time whether or not earlier ones were answered (a fresh Idempotency-Key each); latency counted from " +
      `the moment a request was due (the client left at most ${ms(r.result.maxSendLagMs)} ms late); all answered ` +
      `after ${r.result.seconds.toFixed(1)} s`,
    `- Counted afterwards in the database: ${n(r.found)} of the ${n(r.returned)} returned tracking numbers found ` +
      `(${n(r.distinct)} distinct); the cases table grew by ${n(r.added)} rows; ${n(r.inWindow)} web cases submitted ` +
      "since the run began",
    ...(errors.length ? [`- Errors: ${errorText(r.result)}`] : []),
    `- Latency under this load (no target; the single-submission target is case-submit's): p50 ${ms(s.p50)} ms, ` +
      `p95 ${ms(s.p95)} ms`,
    "",
    ...targetTable(
      [
        {
          target: `sustained ${r.rate} submissions/s for ${r.seconds} s`,
          measured: `${achieved.toFixed(1)}/s (${n(sent)} in ${r.result.seconds.toFixed(1)} s)`,
          ok: sent >= Math.round(r.rate * r.seconds) && achieved >= r.rate * 0.98,
        },
        { target: "no error", measured: n(errors.length), ok: errors.length === 0 },
        {
          target: "no lost case (every returned tracking number found, no row more or less)",
          measured: `${n(lost)} lost, ${n(r.added - r.returned)} unaccounted rows`,
          ok: lost === 0 && r.distinct === r.returned && r.added === r.returned,
        },
      ],
      atScale,
    ),
    "",
    row(["submissions", "errors", "p50", "p95", "p99", "max"]),
    row(["--:", "--:", "--:", "--:", "--:", "--:"]),
    row([n(sent), n(errors.length), ms(s.p50), `**${ms(s.p95)}**`, ms(s.p99), ms(s.max)]),
  );
  return lines.join("\n");
}
