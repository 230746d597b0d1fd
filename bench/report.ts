import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { GenerationStats } from "./generate.ts";
import type { HttpRun, SearchResult } from "./search.ts";
import { ms, perSecond, type Summary } from "./stats.ts";

export interface Machine {
  /** 1-minute load average when the section was written: other work on the machine skews the numbers. */
  load: number;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
}

export function machineInfo(): Machine {
  let cpu = os.cpus()[0]?.model ?? "?";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m?.[1]) cpu = m[1].trim();
  } catch {
    // not Linux: keep what os.cpus() says
  }
  return {
    load: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export interface SectionHeader {
  /** search, import, the supervision scenarios, or a suite's (bench/suite.ts). */
  scenario: string;
  db: "pglite" | "postgres";
  enterprises: number;
  dbVersion: string;
  dbLocation: string;
  parameters: string;
  machine: Machine;
  date: Date;
}

const DB_TITLES = { pglite: "PGlite", postgres: "PostgreSQL" } as const;

export const sectionKey = (h: Pick<SectionHeader, "scenario" | "db" | "enterprises">) =>
  `${h.scenario}:${h.db}:${h.enterprises}`;

const n = (x: number) => x.toLocaleString("en-US");

export function headerLines(h: SectionHeader): string[] {
  const m = h.machine;
  return [
    `### ${h.scenario} · ${DB_TITLES[h.db]} · ${n(h.enterprises)} enterprises`,
    "",
    `- Date: ${h.date.toISOString().replace(/\.\d+Z$/, "Z")}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}; ` +
      `load average ${m.load} at the end of the run`,
    `- Database: ${h.dbVersion}, ${h.dbLocation}`,
    `- Parameters: ${h.parameters}`,
  ];
}

export function generationLines(g: GenerationStats): string[] {
  return [
    `- Generation: ${n(g.rows)} enterprises (+${n(g.certifications)} certifications) in ${g.seconds.toFixed(1)} s ` +
      `= **${perSecond(g.rows, g.seconds)} rows/s** in batches of ${n(g.batch)} ` +
      `(building records and search tokens ${g.tokenizeSeconds.toFixed(1)} s = ${perSecond(g.rows, g.tokenizeSeconds)} rows/s; ` +
      `bulk INSERT ${g.insertSeconds.toFixed(1)} s = ${perSecond(g.rows, g.insertSeconds)} rows/s); ` +
      `VACUUM ANALYZE ${g.analyzeSeconds.toFixed(1)} s`,
  ];
}

export interface Target {
  label: string;
  /** Null where the run is not at the size the target is set for: shown for reference, not judged. */
  ok: boolean | null;
  detail: string;
}

export function searchTargets(db: "pglite" | "postgres", enterprises: number, r: SearchResult): Target[] {
  const http = r.sequential.recorder.summary();
  const sql = r.sql.summary();
  const out: Target[] = [];
  if (db === "postgres") {
    const atSize = enterprises >= 100_000;
    out.push({
      label: "HTTP search p95 ≤ 30 ms (PostgreSQL, 100,000 enterprises)",
      ok: atSize ? http.p95 <= 30 : null,
      detail: `${ms(http.p95)} ms`,
    });
    out.push({
      label: "HTTP p95 within 1.5× of the same SQL's p95",
      ok: atSize ? http.p95 <= 1.5 * sql.p95 : null,
      detail: `${ms(http.p95)} / ${ms(sql.p95)} ms = ${(http.p95 / sql.p95).toFixed(2)}×`,
    });
  } else {
    out.push({
      label: "HTTP search p95 ≤ 50 ms (PGlite, the demo cluster of ~1,200 enterprises)",
      ok: enterprises <= 1_500 ? http.p95 <= 50 : null,
      detail: `${ms(http.p95)} ms`,
    });
  }
  return out;
}

export const targetLines = (targets: Target[]) =>
  targets.map(
    (t) =>
      `- ${t.ok === null ? "ℹ️ not at the target's size" : t.ok ? "✅ meets" : "❌ misses"}: ${t.label} — ${t.detail}`,
  );

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

/**
 * The latency table of a request mix sent sequentially and by `concurrency` clients: a row a kind (with the range
 * of matches when the route is `listed`), then all. `extra` adds columns: its cells for a kind, blank for all.
 */
export function mixTable(
  r: {
    mix: { kind: string; what: string; weight: number }[];
    listed?: boolean;
    sequential: HttpRun;
    concurrent: HttpRun;
    concurrency: number;
  },
  extra: { headers: string[]; cells: (kind: string) => string[] } = { headers: [], cells: () => [] },
): string[] {
  const seq = r.sequential.recorder;
  const con = r.concurrent.recorder;
  const all = seq.summary();
  const conAll = con.summary();
  const lines = [
    row([
      "kind",
      "share",
      "matches",
      "p50",
      "p95",
      "p99",
      `×${r.concurrency} p50`,
      `×${r.concurrency} p95`,
      ...extra.headers,
    ]),
    row(["---", "--:", "--:", "--:", "--:", "--:", "--:", "--:", ...extra.headers.map(() => "--:")]),
  ];
  for (const k of r.mix) {
    const s = seq.summary(k.kind);
    const c = con.summary(k.kind);
    const total = r.sequential.totals.get(k.kind);
    lines.push(
      row([
        `${k.kind} <sub>${k.what}</sub>`,
        `${k.weight} %`,
        !r.listed || !total
          ? "–"
          : total.min === total.max
            ? n(total.min)
            : `${n(total.min)}–${n(total.max)}`,
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(c.p50),
        ms(c.p95),
        ...extra.cells(k.kind),
      ]),
    );
  }
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
      ...extra.headers.map(() => ""),
    ]),
  );
  return lines;
}

export function searchSection(h: SectionHeader, g: GenerationStats, r: SearchResult): string {
  const lines = [...headerLines(h), ...generationLines(g)];
  const seq = r.sequential.recorder;
  const con = r.concurrent.recorder;
  const seqAll = seq.summary();
  const conAll = con.summary();
  lines.push(
    `- Throughput: sequential ${perSecond(seqAll.n, r.sequential.seconds)} req/s; ` +
      `${r.concurrency} concurrent clients ${perSecond(conAll.n, r.concurrent.seconds)} req/s`,
    ...targetLines(searchTargets(h.db, h.enterprises, r)),
    `- Fixed cost of a request: GET /api/health (one \`select 1\`) p50 ${ms(r.overhead.summary("health").p50)} ms ` +
      `without a session, ${ms(r.overhead.summary("health + session").p50)} ms with the session cookie (the ` +
      "session lookup every signed-in request makes); p95 " +
      `${ms(r.overhead.summary("health").p95)} / ${ms(r.overhead.summary("health + session").p95)} ms`,
    "",
    `Latency in ms over ${n(seqAll.n)} requests (the kinds interleaved in the proportions of "share", after a ` +
      "warm-up). HTTP: GET " +
      "/api/v1/enterprises with the session cookie, until the whole JSON body is read. SQL: the service function " +
      "the route calls, on the same database. Plan: server-side execution time of EXPLAIN ANALYZE for the first " +
      "variant.",
    "",
    row([
      "kind",
      "share",
      "matches",
      "HTTP p50",
      "HTTP p95",
      "HTTP p99",
      `×${r.concurrency} p50`,
      `×${r.concurrency} p95`,
      "SQL p50",
      "SQL p95",
      "HTTP/SQL p95",
      "plan",
    ]),
    row(["---", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:"]),
  );
  const ratio = (a: Summary, b: Summary) => (b.p95 > 0 ? `${(a.p95 / b.p95).toFixed(2)}×` : "–");
  for (const k of r.mix) {
    const s = seq.summary(k.kind);
    const c = con.summary(k.kind);
    const q = r.sql.summary(k.kind);
    const t = r.sequential.totals.get(k.kind);
    const plan = r.explained.filter((e) => e.kind === k.kind).reduce((sum, e) => sum + e.executionMs, 0);
    lines.push(
      row([
        `${k.kind} <sub>${k.what}</sub>`,
        `${k.weight} %`,
        t ? (t.min === t.max ? n(t.min) : `${n(t.min)}–${n(t.max)}`) : "–",
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(c.p50),
        ms(c.p95),
        ms(q.p50),
        ms(q.p95),
        ratio(s, q),
        ms(plan),
      ]),
    );
  }
  const q = r.sql.summary();
  lines.push(
    row([
      "**all**",
      "100 %",
      "",
      `**${ms(seqAll.p50)}**`,
      `**${ms(seqAll.p95)}**`,
      `**${ms(seqAll.p99)}**`,
      ms(conAll.p50),
      ms(conAll.p95),
      ms(q.p50),
      ms(q.p95),
      `**${ratio(seqAll, q)}**`,
      "",
    ]),
  );
  return lines.join("\n");
}

export interface ImportOutcome {
  available: boolean;
  note: string;
  rows?: number;
  mix?: string;
  fileBytes?: number;
  /** JINGWEI_MAX_UPLOAD_MB as the server reads it: what the console's upload accepts. */
  uploadLimitBytes?: number;
  writeSeconds?: number;
  entryPoints?: string;
  previewSeconds?: number;
  /** Row statuses of the preview. */
  summary?: string;
  /** Potential matches decided one by one with decideRow, as in the console. */
  sampled?: number;
  sampleSeconds?: number;
  /** Confirmed to their best candidate by acceptBestCandidates. */
  accepted?: number;
  /** Potential matches with a USCC of their own, rejected one by one before the bulk (they become new). */
  ownUscc?: number;
  ownUsccRejected?: number;
  ownUsccSeconds?: number;
  acceptSeconds?: number;
  /** Rows the bulk left (their best candidate already updated by another row), then rejected one by one. */
  left?: number;
  leftDecided?: number;
  leftSeconds?: number;
  undecided?: number;
  errorRows?: number;
  /** Error codes of the error rows (field code × count), from the first 1,000. */
  errorCodes?: string;
  commitSeconds?: number;
  committed?: string;
  /** The statements of the first decideRow and their times. */
  decisionProfile?: { text: string; ms: number }[];
}

export function importSection(h: SectionHeader, g: GenerationStats, r: ImportOutcome): string {
  const lines = [...headerLines(h), ...generationLines(g)];
  if (!r.available || r.rows === undefined) {
    lines.push(`- ${r.note}`);
    return lines.join("\n");
  }
  const rows = r.rows;
  const secs = (x: number | undefined) =>
    x !== undefined && Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : "–";
  const phases = [
    r.previewSeconds,
    r.sampleSeconds,
    r.ownUsccSeconds ?? 0,
    r.acceptSeconds,
    r.leftSeconds ?? 0,
    r.commitSeconds,
  ];
  // Everything from reading the file to the committed registry; NaN when a phase did not run.
  const total = phases.reduce<number>((s, x) => s + (x ?? Number.NaN), 0);
  const perRow = (count: number | undefined, seconds: number | undefined) =>
    count && seconds ? `${ms((seconds * 1000) / count)} ms a row` : "–";
  lines.push(
    `- File: ${n(rows)} rows (${r.mix}); XLSX ${((r.fileBytes ?? 0) / 1024 ** 2).toFixed(1)} MiB ` +
      `(the upload limit is ${((r.uploadLimitBytes ?? 0) / 1024 ** 2).toFixed(0)} MiB), written in ` +
      `${secs(r.writeSeconds)} s with the registry export's writer`,
    `- Entry points: ${r.entryPoints}`,
    ...(r.summary ? [`- Preview: ${r.summary}`] : []),
    ...(r.accepted !== undefined
      ? [
          "- Decisions: " +
            (r.ownUscc
              ? `${n(r.ownUsccRejected ?? 0)} of ${n(r.ownUscc)} potential matches with a USCC of their own ` +
                "rejected first (accepted in bulk, they would be confirmed to a similarly named enterprise with " +
                "another USCC); "
              : "") +
            `${n(r.accepted)} confirmed to their best candidate in bulk` +
            `; ${n(r.left ?? 0)} left because another row already updates their best candidate` +
            ((r.left ?? 0) > 0
              ? `, decided one by one (${n(r.leftDecided ?? 0)} resolved: confirmed to their next free ` +
                "candidate, or rejected when they have a USCC)"
              : ""),
        ]
      : []),
    ...(r.errorCodes ? [`- Error rows: ${r.errorCodes}`] : []),
    ...(r.committed ? [`- Committed: ${r.committed}`] : []),
    ...(r.note ? [`- ⚠️ ${r.note}`] : []),
    ...targetLines([
      {
        label: "importing 100,000 rows with matching ≤ 60 s (preview + decisions + commit)",
        ok: rows >= 100_000 ? Number.isFinite(total) && total <= 60 : null,
        detail: `${secs(total)} s for ${n(rows)} rows`,
      },
    ]),
    "",
    row(["phase", "rows", "seconds", "rows/s", "per row"]),
    row(["---", "--:", "--:", "--:", "--:"]),
    row([
      "upload, parse, validate, match → preview (startImport)",
      n(rows),
      secs(r.previewSeconds),
      perSecond(rows, r.previewSeconds ?? Number.NaN),
      perRow(rows, r.previewSeconds),
    ]),
    row([
      "decide potential matches one by one (decideRow, as in the console)",
      n(r.sampled ?? 0),
      secs(r.sampleSeconds),
      perSecond(r.sampled ?? 0, r.sampleSeconds ?? Number.NaN),
      perRow(r.sampled, r.sampleSeconds),
    ]),
    ...((r.ownUscc ?? 0) > 0
      ? [
          row([
            "reject the potential matches with a USCC of their own (decideRow)",
            n(r.ownUsccRejected ?? 0),
            secs(r.ownUsccSeconds),
            perSecond(r.ownUsccRejected ?? 0, r.ownUsccSeconds ?? Number.NaN),
            perRow(r.ownUsccRejected, r.ownUsccSeconds),
          ]),
        ]
      : []),
    row([
      "confirm the others in bulk (acceptBestCandidates)",
      n(r.accepted ?? 0),
      secs(r.acceptSeconds),
      perSecond(r.accepted ?? 0, r.acceptSeconds ?? Number.NaN),
      perRow(r.accepted, r.acceptSeconds),
    ]),
    ...((r.left ?? 0) > 0
      ? [
          row([
            "decide the rows the bulk left (decideRow)",
            n(r.leftDecided ?? 0),
            secs(r.leftSeconds),
            perSecond(r.leftDecided ?? 0, r.leftSeconds ?? Number.NaN),
            perRow(r.leftDecided, r.leftSeconds),
          ]),
        ]
      : []),
    row([
      "commit in one transaction (startCommit)",
      n(rows),
      secs(r.commitSeconds),
      perSecond(rows, r.commitSeconds ?? Number.NaN),
      perRow(rows, r.commitSeconds),
    ]),
    row(["**whole import**", n(rows), `**${secs(total)}**`, `**${perSecond(rows, total)}**`, ""]),
  );
  if (r.decisionProfile?.length) {
    const sum = r.decisionProfile.reduce((s, x) => s + x.ms, 0);
    const top = [...r.decisionProfile].sort((a, b) => b.ms - a.ms).slice(0, 4);
    lines.push(
      "",
      `The first decideRow, statement by statement (${r.decisionProfile.length} statements, ${ms(sum)} ms; ` +
        "the slowest):",
      "",
      ...top.map((x) => `- ${ms(x.ms)} ms \`${x.text.length > 160 ? `${x.text.slice(0, 157)}…` : x.text}\``),
    );
  }
  return lines.join("\n");
}

const RESULTS_HEADER = `# Benchmark results

Measured by \`npm run bench\` (see [README.md](README.md)); each section is replaced when the same scenario, database
and size is run again with \`--write\`. Numbers depend on the machine: compare runs on the same one.
`;

/** Replaces the section with the same key in the results file, or appends it; text outside sections is kept. */
export function updateResults(path: string, key: string, markdown: string): void {
  const begin = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const block = `${begin}\n${markdown}\n${end}`;
  let text = existsSync(path) ? readFileSync(path, "utf8") : RESULTS_HEADER;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) text = text.slice(0, from) + block + text.slice(to + end.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, text);
}
