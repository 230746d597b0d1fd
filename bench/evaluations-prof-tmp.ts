import { readFileSync } from "node:fs";
import { checkColumns } from "../apps/server/src/modules/labour/check.ts";
import { TimesheetColumns } from "../apps/server/src/modules/labour/columns.ts";
import { readTimesheetFile } from "../apps/server/src/modules/labour/timesheet-file.ts";

const buf = readFileSync("/tmp/evb/ts-1000.xlsx");
const cols = new TimesheetColumns(500000);
await readTimesheetFile(buf, cols);
if (process.argv[2] === "check")
  checkColumns(cols, { county: "330482", limit: 2000, fieldName: (n, f) => `${n}.${f}` });
