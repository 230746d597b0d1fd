// Issue 4: "check a timesheet of 1,000 workers × 366 days (366,000 rows) ≤ 10 s from upload to findings". The file is
// the labour module's test timesheet (labour/testing.ts yearOfRows: six 10-hour days a week, so every worker-month
// breaches the 36 h overtime limit and most days the overtime pay), written once to bench/out/ and reused.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { dirname } from "node:path";
import { checkColumns } from "../apps/server/src/modules/labour/check.ts";
import { TimesheetColumns } from "../apps/server/src/modules/labour/columns.ts";
import { MAX_TIMESHEET_ROWS } from "../apps/server/src/modules/labour/service.ts";
import { multipartBody, timesheetXlsx, yearOfRows } from "../apps/server/src/modules/labour/testing.ts";
import { readTimesheetFile } from "../apps/server/src/modules/labour/timesheet-file.ts";

/** Wall and CPU time (this process: the server runs in it) of one step, ms. */
export interface Timed {
  wallMs: number;
  cpuMs: number;
}

export interface TimesheetOutcome {
  workers: number;
  rows: number;
  fileBytes: number;
  /** "written in 18.2 s" or "reused from bench/out/". */
  file: string;
  findings: number;
  /** In process: reading the file into columns, and checking them (the same functions the route calls). */
  parse: Timed[];
  check: Timed[];
  /** Over HTTP, upload → the whole JSON response read. */
  routes: { route: string; what: string; runs: Timed[]; status: number }[];
}

export interface HttpTarget {
  base: string;
  cookie: string;
  csrf: string;
}

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

export async function timed<T>(f: () => Promise<T>): Promise<{ value: T; t: Timed }> {
  const c0 = cpuNow();
  const t0 = performance.now();
  const value = await f();
  return { value, t: { wallMs: performance.now() - t0, cpuMs: cpuNow() - c0 } };
}

/** The timesheet file of `workers` × 2024 (366 days), from bench/out/ when it was written before. */
async function timesheetFile(workers: number, out: string, log: (s: string) => void) {
  const path = `${out}timesheet-${workers}x366.xlsx`;
  if (existsSync(path))
    return { buf: readFileSync(path), note: `reused from bench/out/ (${path.split("/").pop()})` };
  log(`timesheet: writing ${workers} × 366 rows with the labour tests' writer (exceljs)`);
  const { value, t } = await timed(() => timesheetXlsx(yearOfRows(workers)));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, value);
  return {
    buf: value,
    note: `written in ${(t.wallMs / 1000).toFixed(1)} s with labour/testing.ts timesheetXlsx`,
  };
}

/**
 * Uploads as the console does (multipart, field file and county) on a connection of its own: a kept-alive one may
 * be closed by the server while the previous step runs, and a POST with a body is not retried.
 */
function upload(
  target: HttpTarget,
  path: string,
  buf: Buffer,
): Promise<{ status: number; findings: number }> {
  const { payload, headers } = multipartBody(buf, "timesheet-2024.xlsx", { county: "330482" });
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.base}${path}`,
      {
        method: "POST",
        agent: false,
        headers: {
          ...headers,
          "content-length": payload.length,
          cookie: target.cookie,
          "x-csrf-token": target.csrf,
          "accept-language": "zh-CN",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode !== 200) {
            reject(new Error(`${path}: ${res.statusCode} ${text.slice(0, 400)}`));
            return;
          }
          const body = JSON.parse(text) as { totalFindings?: number; check?: { totalFindings: number } };
          resolve({ status: 200, findings: body.totalFindings ?? body.check?.totalFindings ?? 0 });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export async function runTimesheet(opts: {
  rows: number;
  runs: number;
  out: string;
  target: HttpTarget;
  /** An assessment at a stage that records findings, its auditor signed in as `target`. */
  assessmentId: string;
  log: (s: string) => void;
}): Promise<TimesheetOutcome> {
  const workers = Math.max(1, Math.ceil(opts.rows / 366));
  if (workers * 366 > MAX_TIMESHEET_ROWS) throw new Error(`--rows: at most ${MAX_TIMESHEET_ROWS} rows`);
  const { buf, note } = await timesheetFile(workers, opts.out, opts.log);
  const parse: Timed[] = [];
  const check: Timed[] = [];
  let findings = 0;
  for (let r = 0; r < opts.runs; r++) {
    const cols = new TimesheetColumns(MAX_TIMESHEET_ROWS);
    parse.push((await timed(() => readTimesheetFile(buf, cols))).t);
    const c = await timed(async () =>
      checkColumns(cols, { county: "330482", limit: 2000, fieldName: (n, f) => `file.row[${n}].${f}` }),
    );
    check.push(c.t);
    findings = c.value.totalFindings;
    opts.log(
      `timesheet: in process, parse ${(parse.at(-1) as Timed).wallMs.toFixed(0)} ms, check ${c.t.wallMs.toFixed(0)} ms`,
    );
  }
  const routes: TimesheetOutcome["routes"] = [];
  for (const [route, what] of [
    ["/api/v1/labour/check", "the labour check: findings returned (the first 2,000, all counted)"],
    [
      `/api/v1/assessments/${opts.assessmentId}/labour-check`,
      "inside an assessment: a finding and CAP item per rule breached, the months kept for the trends",
    ],
  ] as const) {
    const runs: Timed[] = [];
    let status = 0;
    for (let r = 0; r < opts.runs; r++) {
      const u = await timed(() => upload(opts.target, route, buf));
      runs.push(u.t);
      status = u.value.status;
      opts.log(
        `timesheet: POST ${route.replace(opts.assessmentId, ":id")} ${(u.t.wallMs / 1000).toFixed(2)} s`,
      );
    }
    routes.push({ route: `POST ${route.replace(opts.assessmentId, ":id")}`, what, runs, status });
  }
  return { workers, rows: workers * 366, fileBytes: buf.length, file: note, findings, parse, check, routes };
}
