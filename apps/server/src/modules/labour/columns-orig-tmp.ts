import type { TimesheetRow } from "@jingwei/rules";
import { parseIsoDay as parseIsoDate } from "./days.ts";

// Timesheet rows held as typed columns while a file is read: 366,000 rows cost a few megabytes instead of
// 366,000 objects. Rows become TimesheetRow objects one worker at a time, only while that worker is checked.

export type TimesheetField = keyof TimesheetRow;

/** A flag cell that is neither yes nor no (reported as not_a_boolean). */
const FLAG_INVALID = 2;
/** A date cell that is not a real date (reported as bad_date). */
const DAY_INVALID = -2147483648;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30) / 86_400_000;
const YES = new Set(["是", "y", "yes", "true", "1", "√", "✓", "有", "已缴", "t"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "✗", "无", "未缴", "f", ""]);
const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

class Growing<T extends Float64Array | Int32Array | Uint8Array> {
  constructor(
    public data: T,
    readonly make: (n: number) => T,
  ) {}
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = v;
  }
}

const f64 = () => new Growing(new Float64Array(1024), (n) => new Float64Array(n));
const i32 = () => new Growing(new Int32Array(1024), (n) => new Int32Array(n));
const u8 = () => new Growing(new Uint8Array(1024), (n) => new Uint8Array(n));

export class TimesheetColumns {
  length = 0;
  readonly workerIds: string[] = [];
  readonly #workerIndex = new Map<string, number>();
  /** The row's number as its source shows it: spreadsheet row, or index in the JSON array. */
  readonly rowNumber = i32();
  readonly worker = i32();
  readonly day = i32();
  readonly hours = f64();
  readonly overtimeHours = f64();
  readonly pay = f64();
  readonly overtimePay = f64();
  readonly restDay = u8();
  readonly holiday = u8();
  readonly socialInsurance = u8();
  /** The text of dates that are not real dates, by row index, for the error message. */
  readonly badDates = new Map<number, string>();

  constructor(readonly maxRows: number) {}

  #workerOf(id: string): number {
    let w = this.#workerIndex.get(id);
    if (w === undefined) {
      w = this.workerIds.length;
      this.workerIds.push(id);
      this.#workerIndex.set(id, w);
    }
    return w;
  }

  #next(rowNumber: number): number {
    if (this.length >= this.maxRows) throw new RowLimitError(this.maxRows);
    const i = this.length++;
    this.rowNumber.set(i, rowNumber);
    return i;
  }

  /** One spreadsheet row: `fields[c]` names the field of column c (null: ignored). Blank rows are skipped. */
  addCells(rowNumber: number, fields: readonly (TimesheetField | null)[], values: readonly unknown[]): void {
    let any = false;
    for (let c = 0; c < fields.length; c++) {
      const v = values[c];
      if (fields[c] !== null && v !== null && v !== undefined && v !== "") {
        any = true;
        break;
      }
    }
    if (!any) return;
    const i = this.#next(rowNumber);
    // Absent columns: 0 hours and amounts, "no" for the flags.
    this.worker.set(i, this.#workerOf(""));
    this.day.set(i, DAY_INVALID);
    this.badDates.set(i, "");
    for (const f of ["hours", "overtimeHours", "pay", "overtimePay"] as const) this[f].set(i, 0);
    for (const f of ["restDay", "holiday", "socialInsurance"] as const) this[f].set(i, 0);
    for (let c = 0; c < fields.length; c++) {
      const field = fields[c];
      if (field) this.#setCell(i, field, values[c]);
    }
  }

  /** One JSON row (already shaped by the request schema). */
  addObject(index: number, row: TimesheetRow): void {
    const i = this.#next(index);
    this.worker.set(i, this.#workerOf(row.workerId.trim() === "" ? "" : row.workerId));
    const day = parseIsoDate(row.date);
    this.day.set(i, day ?? DAY_INVALID);
    if (day === undefined) this.badDates.set(i, row.date);
    this.hours.set(i, row.hours);
    this.overtimeHours.set(i, row.overtimeHours);
    this.pay.set(i, row.pay);
    this.overtimePay.set(i, row.overtimePay);
    this.restDay.set(i, row.restDay ? 1 : 0);
    this.holiday.set(i, row.holiday ? 1 : 0);
    this.socialInsurance.set(i, row.socialInsurance ? 1 : 0);
  }

  #setCell(i: number, field: TimesheetField, raw: unknown): void {
    const v = unwrap(raw);
    switch (field) {
      case "workerId": {
        const id = v === null ? "" : typeof v === "number" ? String(v) : String(v).trim();
        this.worker.set(i, this.#workerOf(id));
        return;
      }
      case "date": {
        const day = dayOf(v);
        if (day === undefined) this.badDates.set(i, v === null ? "" : String(v));
        else this.badDates.delete(i);
        this.day.set(i, day ?? DAY_INVALID);
        return;
      }
      case "hours":
      case "overtimeHours":
      case "pay":
      case "overtimePay":
        this[field].set(i, numberOf(v));
        return;
      case "restDay":
      case "holiday":
      case "socialInsurance":
        this[field].set(i, flagOf(v));
        return;
    }
  }

  /** Row indices grouped by worker (workers in first-seen order), for checking one worker at a time. */
  byWorker(): { starts: Int32Array; order: Int32Array } {
    const n = this.length;
    const w = this.worker.data;
    const starts = new Int32Array(this.workerIds.length + 1);
    for (let i = 0; i < n; i++) (starts[(w[i] as number) + 1] as number)++;
    for (let k = 1; k < starts.length; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number);
    const fill = starts.slice(0, -1);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = w[i] as number;
      order[fill[k] as number] = i;
      fill[k] = (fill[k] as number) + 1;
    }
    return { starts, order };
  }

  /** The row as the rules read it; invalid cells carry values that validateTimesheetRows reports. */
  row(i: number, dateText: (day: number) => string): Record<string, unknown> {
    const day = this.day.data[i] as number;
    const flag = (g: Growing<Uint8Array>) => {
      const x = g.data[i];
      return x === FLAG_INVALID ? null : x === 1;
    };
    return {
      workerId: this.workerIds[this.worker.data[i] as number],
      date: day === DAY_INVALID ? (this.badDates.get(i) ?? "") : dateText(day),
      hours: this.hours.data[i],
      overtimeHours: this.overtimeHours.data[i],
      restDay: flag(this.restDay),
      holiday: flag(this.holiday),
      pay: this.pay.data[i],
      overtimePay: this.overtimePay.data[i],
      socialInsurance: flag(this.socialInsurance),
    };
  }
}

export class RowLimitError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} rows`);
  }
}

/** Formula cells by their result, rich text as its text. */
function unwrap(raw: unknown): unknown {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "object" && !(raw instanceof Date)) {
    const o = raw as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if ("result" in o) return unwrap(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join("");
    if ("text" in o) return unwrap(o.text);
    return NaN;
  }
  if (typeof raw === "string") {
    const s = raw.trim();
    return s === "" ? null : s;
  }
  return raw;
}

function dayOf(v: unknown): number | undefined {
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? undefined : Math.floor(t / 86_400_000);
  }
  // A date cell without a date format arrives as Excel's serial day number.
  if (typeof v === "number")
    return Number.isInteger(v) && v > 0 && v < 2_958_466 ? EXCEL_EPOCH + v : undefined;
  if (typeof v !== "string") return undefined;
  const m = DATE_TEXT.exec(v);
  if (!m) return undefined;
  return parseIsoDate(`${m[1]}-${(m[2] as string).padStart(2, "0")}-${(m[3] as string).padStart(2, "0")}`);
}

function numberOf(v: unknown): number {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const s = v.replace(/[,，\s]/g, "");
    return s !== "" && /^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
  }
  return NaN;
}

function flagOf(v: unknown): number {
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v === 1 ? 1 : v === 0 ? 0 : FLAG_INVALID;
  if (typeof v === "string") {
    const s = v.toLowerCase();
    return YES.has(s) ? 1 : NO.has(s) ? 0 : FLAG_INVALID;
  }
  return FLAG_INVALID;
}
