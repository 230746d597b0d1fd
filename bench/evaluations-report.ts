import type { ProgrammeLoad } from "./evaluations-load.ts";
import type { ProgrammeOutcome } from "./evaluations-programme.ts";
import type { ScoringOutcome } from "./evaluations-scoring.ts";
import type { Timed, TimesheetOutcome } from "./evaluations-timesheet.ts";
import { headerLines, type SectionHeader, targetLines } from "./report.ts";
import { ms, perSecond } from "./stats.ts";

const n = (x: number) => x.toLocaleString("en-US");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const secs = (msValue: number) => (msValue / 1000).toFixed(2);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? Number.NaN
    : ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2;
};

/** The issue's sizes: targets are judged there. */
export const ISSUE_SIZES = { rows: 366_000, assessments: 10_000, findings: 200_000, indicators: 44 };

export function timesheetSection(h: SectionHeader, r: TimesheetOutcome): string {
  const lines = headerLines(h);
  const atSize = r.rows >= ISSUE_SIZES.rows;
  const wall = (xs: Timed[]) => median(xs.map((x) => x.wallMs));
  const cpu = (xs: Timed[]) => median(xs.map((x) => x.cpuMs));
  const both = r.parse.map((p, i) => ({
    wallMs: p.wallMs + (r.check[i]?.wallMs ?? 0),
    cpuMs: p.cpuMs + (r.check[i]?.cpuMs ?? 0),
  }));
  lines.push(
    `- File: ${n(r.workers)} workers × 366 days = ${n(r.rows)} rows, XLSX ${(r.fileBytes / 1024 ** 2).toFixed(1)} MiB ` +
      `(${r.file}); ${n(r.findings)} breaches found (all counted; the response lists the first 2,000)`,
    ...targetLines(
      r.routes.map((route) => ({
        label: `${route.route}: upload → findings ≤ 10 s (${n(ISSUE_SIZES.rows)} rows; median of ${route.runs.length})`,
        ok: atSize ? wall(route.runs) <= 10_000 : null,
        detail: `${secs(wall(route.runs))} s`,
      })),
    ),
    "- The server runs in the benchmark's process: CPU is that process's user + system time during the step, so " +
      "wall well above CPU means the step waited for the machine (other work on its cores).",
    "",
    row(["step", "runs (wall s)", "median wall s", "median CPU s", "rows/s"]),
    row(["---", "---", "--:", "--:", "--:"]),
  );
  const line = (label: string, xs: Timed[]) =>
    row([
      label,
      xs.map((x) => secs(x.wallMs)).join(", "),
      `**${secs(wall(xs))}**`,
      secs(cpu(xs)),
      perSecond(r.rows, wall(xs) / 1000),
    ]);
  lines.push(
    line("parse: the XLSX into columns (labour/timesheet-file.ts, in process)", r.parse),
    line(
      "check: every rule, per worker (labour/check.ts → packages/rules checkTimesheet, in process)",
      r.check,
    ),
    line("parse + check", both),
    ...r.routes.map((route) => line(`${route.route} over HTTP: ${route.what}`, route.runs)),
  );
  return lines.join("\n");
}

export function scoringSection(h: SectionHeader, r: ScoringOutcome): string {
  const lines = headerLines(h);
  const atSize = r.assessments >= ISSUE_SIZES.assessments && r.indicators === ISSUE_SIZES.indicators;
  const levels = Object.entries(r.levels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([l, c]) => `${l} ${n(c)}`)
    .join(", ");
  lines.push(
    `- System: ${r.system}, ${r.indicators} indicators; ${n(r.assessments)} assessments with answers drawn around a ` +
      `maturity of their own (${n(r.overruled)} values overruled by the auditor, ${n(r.notApplicable)} not ` +
      `applicable); ${n(r.complete)} complete; levels: ${levels}`,
    ...targetLines([
      {
        label: `scoring ${n(ISSUE_SIZES.assessments)} assessments of ${ISSUE_SIZES.indicators} indicators ≤ 5 s (scoreAssessment, as the server calls it)`,
        ok: atSize ? r.perCall.wallMs <= 5000 : null,
        detail: `${secs(r.perCall.wallMs)} s`,
      },
    ]),
    "",
    row(["way", "wall s", "CPU s", "per assessment", "assessments/s"]),
    row(["---", "--:", "--:", "--:", "--:"]),
    ...(
      [
        ["scoreAssessment per assessment (validates the system each call)", r.perCall],
        ["prepareSystem once, scorePrepared per assessment", r.prepared],
      ] as const
    ).map(([label, t]) =>
      row([
        label,
        `**${secs(t.wallMs)}**`,
        secs(t.cpuMs),
        `${ms(t.wallMs / r.assessments)} ms`,
        perSecond(r.assessments, t.wallMs / 1000),
      ]),
    ),
  );
  return lines.join("\n");
}

export function programmeSection(h: SectionHeader, load: ProgrammeLoad, r: ProgrammeOutcome): string {
  const lines = headerLines(h);
  const atSize =
    h.db === "postgres" &&
    load.assessments >= ISSUE_SIZES.assessments &&
    load.findings >= ISSUE_SIZES.findings;
  const programme = r.routes[0];
  lines.push(
    `- Data (bulk SQL, bench/evaluations-load.ts): ${n(load.enterprises)} enterprises, ${n(load.assessments)} ` +
      `assessments of the four shipped systems, ${n(load.findings)} findings with a CAP item each ` +
      `(${n(load.openCapItems)} not closed), ${n(load.labourMonths)} enterprise-months of labour figures; loaded in ` +
      `${load.seconds.toFixed(1)} s`,
    ...load.phases.map(
      (p) => `  - ${p.label}: ${p.seconds.toFixed(1)} s${p.rows ? ` (${n(p.rows)} rows)` : ""}`,
    ),
    ...targetLines(
      programme
        ? [
            {
              label: `programme dashboard p95 ≤ 100 ms (PostgreSQL, ${n(ISSUE_SIZES.assessments)} assessments and ${n(ISSUE_SIZES.findings)} findings)`,
              ok: atSize ? programme.sequential.recorder.summary().p95 <= 100 : null,
              detail: `${ms(programme.sequential.recorder.summary().p95)} ms`,
            },
          ]
        : [],
    ),
  );
  for (const route of r.routes) {
    const seq = route.sequential.recorder;
    const con = route.concurrent.recorder;
    lines.push(
      "",
      `${route.route} as ${r.actor}, with the session cookie, until the whole JSON body is read; sequential ` +
        `${perSecond(seq.summary().n, route.sequential.seconds)} req/s, ${r.concurrency} concurrent clients ` +
        `${perSecond(con.summary().n, route.concurrent.seconds)} req/s. Plan: EXPLAIN ANALYZE execution time of the ` +
        "route's statements for the first variant, summed.",
      "",
      row([
        "kind",
        "share",
        "listed",
        "p50",
        "p95",
        "p99",
        `×${r.concurrency} p50`,
        `×${r.concurrency} p95`,
        "plan",
      ]),
      row(["---", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:"]),
    );
    for (const k of route.mix) {
      const s = seq.summary(k.kind);
      const c = con.summary(k.kind);
      const plan = route.explained
        .filter((e) => e.kind === k.kind)
        .reduce((sum, e) => sum + e.executionMs, 0);
      lines.push(
        row([
          `${k.kind} <sub>${k.what}</sub>`,
          `${k.weight} %`,
          n(route.matches.get(k.kind) ?? 0),
          ms(s.p50),
          ms(s.p95),
          ms(s.p99),
          ms(c.p50),
          ms(c.p95),
          ms(plan),
        ]),
      );
    }
    const all = seq.summary();
    const conAll = con.summary();
    lines.push(
      row([
        "**all**",
        "100 %",
        "",
        `**${ms(all.p50)}**`,
        `**${ms(all.p95)}**`,
        `**${ms(all.p99)}**`,
        ms(conAll.p50),
        ms(conAll.p95),
        "",
      ]),
    );
  }
  return lines.join("\n");
}
