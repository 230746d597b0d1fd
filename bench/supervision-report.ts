import { headerLines, mixTable, type SectionHeader, type Target, targetLines } from "./report.ts";
import { ms, perSecond } from "./stats.ts";
import type { HttpOutcome, ReclassifyOutcome } from "./supervision.ts";
import type { SupervisionLoad } from "./supervision-load.ts";

const n = (x: number) => x.toLocaleString("en-US");

/** The issue's scale: targets are judged there (and, for PGlite, at the demo cluster's size). */
export const ISSUE_SCALE = { enterprises: 50_000, lots: 5_000_000 };

function atScale(h: SectionHeader, load: SupervisionLoad): boolean | "demo" {
  if (h.db === "pglite") return h.enterprises <= 1_500 ? "demo" : false;
  return h.enterprises >= ISSUE_SCALE.enterprises && load.lots >= ISSUE_SCALE.lots * 0.95;
}

const scaleLabel = (scale: boolean | "demo") =>
  scale === "demo" ? "PGlite, the demo cluster" : "PostgreSQL, 50,000 enterprises and 5,000,000 lots";

export function loadLines(load: SupervisionLoad): string[] {
  const lines = [
    `- Data (${load.loader === "demo" ? "the demo seeder, as `npm start` loads it" : "bulk SQL generator"}): ` +
      `${n(load.exporters)} exporters, ${n(load.lots)} lots, ${n(load.inspections)} inspections, ` +
      `${n(load.defects)} defect rows, two years ending ${load.today}; loaded in ${load.seconds.toFixed(1)} s ` +
      `(${perSecond(load.lots, load.seconds)} lots/s)`,
  ];
  for (const p of load.phases)
    lines.push(
      `  - ${p.label}: ${p.seconds.toFixed(1)} s${p.rows !== undefined ? ` (${n(p.rows)} rows)` : ""}`,
    );
  return lines;
}

export function reclassifySection(h: SectionHeader, load: SupervisionLoad, r: ReclassifyOutcome): string {
  const lines = [...headerLines(h), ...loadLines(load)];
  if (!r.available || r.seconds === undefined) {
    lines.push(`- ⚠️ ${r.note}: scenario skipped`);
    return lines.join("\n");
  }
  const scale = atScale(h, load);
  const target: Target = {
    label: `reclassifyAll ≤ 10 s (${scaleLabel(scale)})`,
    ok: scale === false ? null : r.seconds <= 10,
    detail: `${r.seconds.toFixed(2)} s`,
  };
  lines.push(
    ...targetLines([target]),
    `- reclassifyAll(db, null, "all") once, in one transaction: ${r.seconds.toFixed(2)} s; it returned ` +
      `\`${JSON.stringify(r.result)}\``,
  );
  return lines.join("\n");
}

const TARGETS: Record<"tasks" | "dashboard" | "declare", { ms: number; label: string }> = {
  tasks: { ms: 50, label: "inspector task list p95 ≤ 50 ms" },
  dashboard: { ms: 100, label: "indicator dashboard p95 ≤ 100 ms" },
  declare: { ms: 30, label: "declaration p95 ≤ 30 ms" },
};

export function httpSection(
  h: SectionHeader & { scenario: "tasks" | "dashboard" | "declare" },
  load: SupervisionLoad,
  r: HttpOutcome,
): string {
  const lines = [...headerLines(h), ...loadLines(load)];
  if (!r.available || !r.sequential || !r.concurrent) {
    lines.push(`- ⚠️ ${r.route}: ${r.note}: scenario skipped`);
    return lines.join("\n");
  }
  const seq = r.sequential.recorder;
  const con = r.concurrent.recorder;
  const all = seq.summary();
  const conAll = con.summary();
  const scale = atScale(h, load);
  const t = TARGETS[h.scenario];
  lines.push(
    ...targetLines([
      {
        label: `${t.label} (${scaleLabel(scale)})`,
        ok: scale === false ? null : all.p95 <= t.ms,
        detail: `${ms(all.p95)} ms`,
      },
    ]),
    `- ${r.route} as ${r.actor}, with the session cookie, until the whole JSON body is read; sequential ` +
      `${perSecond(all.n, r.sequential.seconds)} req/s, ${r.concurrency} concurrent clients ` +
      `${perSecond(conAll.n, r.concurrent.seconds)} req/s`,
    "",
    ...mixTable({ ...r, sequential: r.sequential, concurrent: r.concurrent }),
  );
  return lines.join("\n");
}
