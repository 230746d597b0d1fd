// Speed of the labour check (issue 4: 1,000 workers × 366 days ≤ 10 s from upload to findings), run by hand:
//   node --import tsx apps/server/src/modules/labour/bench.ts [workers]
import { checkTimesheetSource } from "./service.ts";
import { timesheetXlsx, yearOfRows } from "./testing.ts";

const workers = Number(process.argv[2] ?? 1000);
const t0 = performance.now();
const file = await timesheetXlsx(yearOfRows(workers));
const t1 = performance.now();
const result = await checkTimesheetSource(
  { kind: "file", filename: "bench.xlsx", content: file },
  "330482",
  2000,
);
const t2 = performance.now();
console.log(
  JSON.stringify({
    workers,
    rows: result.rows,
    fileMB: Math.round((file.length / 1048576) * 10) / 10,
    writeSeconds: Math.round(t1 - t0) / 1000,
    checkSeconds: Math.round(t2 - t1) / 1000,
    findings: result.totalFindings,
    heapMB: Math.round(process.memoryUsage().heapUsed / 1048576),
  }),
);
