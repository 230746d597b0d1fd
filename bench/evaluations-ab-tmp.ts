import { readFileSync } from "node:fs";
import { TimesheetColumns as C1 } from "../apps/server/src/modules/labour/columns-orig-tmp.ts";
import { readTimesheetFile as r1 } from "../apps/server/src/modules/labour/timesheet-file-orig-tmp.ts";
import { TimesheetColumns as C2 } from "../apps/server/src/modules/labour/columns.ts";
import { readTimesheetFile as r2 } from "../apps/server/src/modules/labour/timesheet-file.ts";
const buf = readFileSync("/tmp/evb/ts-1000.xlsx");
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
for (let k = 0; k < 3; k++) {
  for (const [name, C, r] of [["orig", C1, r1], ["new", C2, r2]] as const) {
    const c0 = cpu(); const t0 = performance.now();
    const cols = new (C as typeof C2)(500000);
    await (r as typeof r2)(buf, cols as never);
    console.log(name, Math.round(performance.now() - t0), Math.round(cpu() - c0), cols.length);
  }
}
