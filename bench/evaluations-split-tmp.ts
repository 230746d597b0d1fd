import { readFileSync } from "node:fs";
import { checkColumns } from "../apps/server/src/modules/labour/check.ts";
import { TimesheetColumns } from "../apps/server/src/modules/labour/columns.ts";
import { readTimesheetFile } from "../apps/server/src/modules/labour/timesheet-file.ts";

const buf = readFileSync("/tmp/evb/ts-1000.xlsx");
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const only = process.argv[2];
for (let k = 0; k < 3; k++) {
  const c0 = cpu();
  const t0 = performance.now();
  const cols = new TimesheetColumns(500000);
  await readTimesheetFile(buf, cols);
  const c1 = cpu();
  const t1 = performance.now();
  if (only === "parse") {
    console.log(
      JSON.stringify({ parseWall: Math.round(t1 - t0), parseCpu: Math.round(c1 - c0), rows: cols.length }),
    );
    continue;
  }
  const r = checkColumns(cols, { county: "330482", limit: 2000, fieldName: (n, f) => `${n}.${f}` });
  const c2 = cpu();
  const t2 = performance.now();
  console.log(
    JSON.stringify({
      parseWall: Math.round(t1 - t0),
      parseCpu: Math.round(c1 - c0),
      checkWall: Math.round(t2 - t1),
      checkCpu: Math.round(c2 - c1),
      findings: r.totalFindings,
    }),
  );
}
