import { inflateRawSync } from "node:zlib";
import { parse as parseCsv } from "csv-parse/sync";
import { AppError } from "../../platform/errors.ts";
import { decodeText, detectFormat } from "../imports/parse.ts";
import type { TimesheetColumns, TimesheetField } from "./columns-orig-tmp.ts";

// An uploaded timesheet (XLSX or CSV, Chinese headers) → TimesheetColumns, row by row. Format detection and CSV
// decoding are modules/imports/parse.ts's; cells go straight into typed columns: no per-row object outlives its row.

/** The header may sit below a title; look this far for it. */
export const HEADER_SEARCH_ROWS = 10;

/** Header texts (Chinese first, the API's English names too) → field. */
const HEADER_NAMES: Record<string, TimesheetField> = {
  工号: "workerId",
  员工编号: "workerId",
  workerid: "workerId",
  日期: "date",
  date: "date",
  工时: "hours",
  工作时长: "hours",
  hours: "hours",
  加班工时: "overtimeHours",
  加班时长: "overtimeHours",
  overtimehours: "overtimeHours",
  休息日: "restDay",
  restday: "restDay",
  节假日: "holiday",
  法定节假日: "holiday",
  holiday: "holiday",
  工资: "pay",
  应发工资: "pay",
  pay: "pay",
  加班工资: "overtimePay",
  加班费: "overtimePay",
  overtimepay: "overtimePay",
  社保: "socialInsurance",
  社会保险: "socialInsurance",
  socialinsurance: "socialInsurance",
};

/** Columns a file must have; the others default to 0 / 否 when absent. */
const REQUIRED: readonly TimesheetField[] = ["workerId", "date", "hours"];
const HEADER_WORDS: Record<TimesheetField, string> = {
  workerId: "工号",
  date: "日期",
  hours: "工时",
  overtimeHours: "加班工时",
  restDay: "休息日",
  holiday: "节假日",
  pay: "工资",
  overtimePay: "加班工资",
  socialInsurance: "社保",
};

const headerKey = (v: string | null) => (v === null ? "" : v.replace(/[\s（）()]/g, "").toLowerCase());

const notATimesheet = () =>
  new AppError("LABOUR_NOT_A_TIMESHEET", { rows: HEADER_SEARCH_ROWS }, [
    { field: "file", code: "not_a_timesheet" },
  ]);

/** Finds the header among the first rows, then feeds every data row into the columns. */
class SheetReader {
  map: (TimesheetField | null)[] | null = null;
  #before = 0;
  constructor(readonly out: TimesheetColumns) {}

  row(rowNumber: number, values: readonly unknown[]): void {
    if (this.map === null) {
      if (values.every((v) => v === null || v === undefined || v === "")) return;
      const fields = values.map((v) => HEADER_NAMES[headerKey(textOf(v))] ?? null);
      if (fields.includes("workerId") && fields.includes("date")) {
        const missing = REQUIRED.filter((f) => !fields.includes(f));
        if (missing.length > 0)
          throw new AppError("LABOUR_COLUMNS_MISSING", {
            columns: missing.map((f) => HEADER_WORDS[f]).join("、"),
          });
        this.map = fields;
      } else if (++this.#before >= HEADER_SEARCH_ROWS) throw notATimesheet();
      return;
    }
    this.out.addCells(rowNumber, this.map, values);
  }
}

function textOf(v: unknown): string | null {
  return typeof v === "string" ? v.trim() : null;
}

/** Reads an uploaded file into `out`. Throws the file-level errors (not a timesheet, corrupt, unsupported). */
export async function readTimesheetFile(buf: Buffer, out: TimesheetColumns): Promise<void> {
  if (buf.length === 0) throw new AppError("LABOUR_NO_ROWS");
  const reader = new SheetReader(out);
  if (detectFormat(buf) === "xlsx") await readXlsx(buf, reader);
  else readCsv(decodeText(buf), reader);
  if (reader.map === null) throw notATimesheet();
  if (out.length === 0) throw new AppError("LABOUR_NO_ROWS");
}

function readCsv(text: string, reader: SheetReader): void {
  let records: string[][];
  try {
    const firstLine = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
    const delimiter = [",", "\t", ";"].reduce((best, d) =>
      firstLine.split(d).length > firstLine.split(best).length ? d : best,
    );
    records = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, bom: true });
  } catch {
    throw new AppError("FILE_CORRUPT", {}, [{ field: "file", code: "file_corrupt" }]);
  }
  records.forEach((r, i) => {
    reader.row(
      i + 1,
      r.map((c) => c.trim() || null),
    );
  });
}

// ---- XLSX ----
//
// Measured on a 1,000 × 366-row timesheet (13 MB), the import reader's approach (fflate + exceljs's SAX row parser)
// took ≈ 14 s for the rows alone, beyond the 10 s the issue allows for the whole check. So the zip's directory is read
// here, each part inflated by node:zlib only when needed, and the sheet's XML scanned directly, a megabyte at a
// time. The scanner reads what a worksheet cell holds (shared, inline and formula strings, numbers, booleans); styles
// are not needed, since a number in the date column is read as an Excel serial day.

const BYTES_PER_CHUNK = 1 << 20;
const SHEET_PATH = /^xl\/worksheets\/sheet(\d+)\.xml$/;

const corrupt = () => new AppError("FILE_CORRUPT", {}, [{ field: "file", code: "file_corrupt" }]);

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeader: number;
}

/** The zip's central directory: entry name → where its data is. Throws FILE_CORRUPT when there is none. */
function zipDirectory(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw corrupt();
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw corrupt();
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    entries.set(name, {
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      localHeader: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

function inflateEntry(buf: Buffer, e: ZipEntry): Buffer {
  const h = e.localHeader;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw corrupt();
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method !== 8) throw corrupt();
  return inflateRawSync(data);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text → string: entities and character references. */
export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? ""),
  );
}

/** The text of an <si> or <is> element: its <t> runs, without phonetic guides. */
function runsText(xml: string): string {
  const body = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  for (const m of body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) out += m[1];
  return unescapeXml(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/g))
    out.push(m[1] === undefined ? "" : runsText(m[1]));
  return out;
}

/** Column index (A = 0) of a cell reference starting at `at`. */
function columnAt(s: string, at: number): number {
  let n = 0;
  for (let i = at; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The cells of one row's XML (between <row …> and </row>), by column. */
function rowValues(xml: string, strings: readonly string[]): unknown[] {
  const values: unknown[] = [];
  let pos = 0;
  let next = 0;
  for (;;) {
    const c = xml.indexOf("<c", pos);
    if (c < 0) break;
    const after = xml.charCodeAt(c + 2);
    // <c …>, not <col…> or anything else starting with "c".
    if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      pos = c + 2;
      continue;
    }
    const gt = xml.indexOf(">", c);
    if (gt < 0) break;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const attrs = xml.slice(c + 2, selfClosing ? gt - 1 : gt);
    const r = attrs.indexOf(' r="');
    const col = r >= 0 ? columnAt(attrs, r + 4) : next;
    next = col + 1;
    if (selfClosing) {
      pos = gt + 1;
      continue;
    }
    const end = xml.indexOf("</c>", gt);
    if (end < 0) break;
    pos = end + 4;
    const t = attrs.indexOf(' t="');
    const type = t >= 0 ? attrs.slice(t + 4, attrs.indexOf('"', t + 4)) : "n";
    if (type === "inlineStr") {
      values[col] = runsText(xml.slice(gt + 1, end));
      continue;
    }
    const v0 = xml.indexOf("<v>", gt);
    if (v0 < 0 || v0 > end) continue;
    const v = unescapeXml(xml.slice(v0 + 3, xml.indexOf("</v>", v0)));
    if (type === "s") values[col] = strings[Number(v)] ?? null;
    else if (type === "b") values[col] = v === "1";
    else if (type === "str" || type === "e") values[col] = v;
    else values[col] = v.trim() === "" ? null : Number(v);
  }
  return values;
}

async function readXlsx(buf: Buffer, sheetReader: SheetReader): Promise<void> {
  let bytes: Buffer;
  let strings: string[];
  try {
    const dir = zipDirectory(buf);
    if (!dir.has("xl/workbook.xml")) throw corrupt();
    const ss = dir.get("xl/sharedStrings.xml");
    strings = sharedStrings(ss ? inflateEntry(buf, ss).toString("utf8") : undefined);
    // The first sheet is the timesheet; a cover sheet without the header is "not a timesheet".
    const first = [...dir.keys()]
      .map((n) => SHEET_PATH.exec(n)?.[1])
      .filter((n): n is string => n !== undefined)
      .sort((a, b) => Number(a) - Number(b))[0];
    const sheet = first === undefined ? undefined : dir.get(`xl/worksheets/sheet${first}.xml`);
    if (!sheet) throw corrupt();
    bytes = inflateEntry(buf, sheet);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt();
  }
  // Decode and scan a megabyte at a time; a row cut by the chunk boundary waits for the next chunk.
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  let rowNumber = 0;
  for (let at = 0; at < bytes.length; at += BYTES_PER_CHUNK) {
    const end = Math.min(bytes.length, at + BYTES_PER_CHUNK);
    const text = carry + decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    let from = 0;
    for (let close = text.indexOf("</row>", from); close >= 0; close = text.indexOf("</row>", from)) {
      const open = text.lastIndexOf("<row", close);
      const tagEnd = text.indexOf(">", open);
      const r = text.indexOf(' r="', open);
      rowNumber = r >= 0 && r < tagEnd ? Number.parseInt(text.slice(r + 4, tagEnd), 10) : rowNumber + 1;
      sheetReader.row(rowNumber, rowValues(text.slice(tagEnd + 1, close), strings));
      from = close + 6;
    }
    carry = text.slice(from);
  }
}
