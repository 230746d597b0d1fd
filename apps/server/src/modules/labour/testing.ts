import { PassThrough } from "node:stream";
import type { TimesheetRow } from "@jingwei/rules";
import ExcelJS from "exceljs";

// Timesheets for tests and the speed measurement: rows built by rule, XLSX written with exceljs's streaming writer.

export const TIMESHEET_HEADER = [
  "工号",
  "日期",
  "工时",
  "加班工时",
  "休息日",
  "节假日",
  "工资",
  "加班工资",
  "社保",
];

/** A row with the defaults of an 8-hour insured workday and no pay booked. */
export function day(workerId: string, date: string, extra: Partial<TimesheetRow> = {}): TimesheetRow {
  return {
    workerId,
    date,
    hours: 8,
    overtimeHours: 0,
    restDay: false,
    holiday: false,
    pay: 0,
    overtimePay: 0,
    socialInsurance: true,
    ...extra,
  };
}

const yesNo = (b: boolean) => (b ? "是" : "否");

export function rowCells(r: TimesheetRow): (string | number)[] {
  return [
    r.workerId,
    r.date,
    r.hours,
    r.overtimeHours,
    yesNo(r.restDay),
    yesNo(r.holiday),
    r.pay,
    r.overtimePay,
    yesNo(r.socialInsurance),
  ];
}

/** An XLSX timesheet: optional title rows, the header, then the rows' cells (or raw cells). */
export async function timesheetXlsx(
  rows: Iterable<TimesheetRow | (string | number | boolean | Date | null)[]>,
  opts: { header?: string[]; titleRows?: string[][] } = {},
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet("工时表");
  for (const t of opts.titleRows ?? []) ws.addRow(t).commit();
  ws.addRow(opts.header ?? TIMESHEET_HEADER).commit();
  for (const r of rows) ws.addRow(Array.isArray(r) ? r : rowCells(r)).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** A multipart/form-data body: text fields first, then the file. */
export function multipartBody(
  file: Buffer,
  filename: string,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----jingweiLabour${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        "Content-Type: application/octet-stream\r\n\r\n",
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * A year of a factory's timesheet: `workers` × every day of `year`, six 10-hour days a week (2 h overtime),
 * Sundays off, a monthly wage on each month's first row; deterministic.
 */
export function* yearOfRows(workers: number, year = 2024): Generator<TimesheetRow> {
  const start = Date.UTC(year, 0, 1) / 86_400_000;
  const end = Date.UTC(year + 1, 0, 1) / 86_400_000;
  for (let w = 1; w <= workers; w++) {
    const id = `W${String(w).padStart(5, "0")}`;
    for (let d = start; d < end; d++) {
      const date = new Date(d * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      const sunday = date.getUTCDay() === 0;
      const first = date.getUTCDate() === 1;
      yield {
        workerId: id,
        date: iso,
        hours: sunday ? 0 : 10,
        overtimeHours: sunday ? 0 : 2,
        restDay: false,
        holiday: false,
        pay: first ? 2600 + (w % 7) * 100 : 0,
        overtimePay: sunday ? 0 : 40,
        socialInsurance: w % 50 !== 0,
      };
    }
  }
}
