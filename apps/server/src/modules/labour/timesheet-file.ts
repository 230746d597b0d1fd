import { createInflateRaw, inflateRawSync } from "node:zlib";
import { parse as parseCsv } from "csv-parse/sync";
import { AppError } from "../../platform/errors.ts";
import { decodeText, detectFormat } from "../imports/parse.ts";
import type { TimesheetColumns, TimesheetField } from "./columns.ts";

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

function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const h = e.localHeader;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw corrupt();
  if (e.method !== 0 && e.method !== 8) throw corrupt();
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  return buf.subarray(start, start + e.compressedSize);
}

function inflateEntry(buf: Buffer, e: ZipEntry): Buffer {
  const data = entryData(buf, e);
  return e.method === 0 ? data : inflateRawSync(data);
}

/**
 * The entry's bytes a chunk at a time. Deflated entries are inflated by zlib's stream, on libuv's thread pool: the
 * next megabyte inflates while this one is scanned, and the whole sheet (ten times the upload) is never held at once.
 */
async function* entryChunks(buf: Buffer, e: ZipEntry): AsyncGenerator<Buffer> {
  const data = entryData(buf, e);
  if (e.method === 0) {
    for (let at = 0; at < data.length; at += BYTES_PER_CHUNK) yield data.subarray(at, at + BYTES_PER_CHUNK);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: BYTES_PER_CHUNK });
  inflater.end(data);
  yield* inflater;
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

const CHAR_QUOTE = 34;

/**
 * Where the value of the one-letter attribute `name` (` r="`, ` t="`) starts inside the tag from `from` to `gt`,
 * else -1. A bounded scan: indexOf could run far past the tag when the attribute is absent.
 */
function attrAt(xml: string, name: number, from: number, gt: number): number {
  for (let i = from; i + 3 < gt; i++)
    if (
      xml.charCodeAt(i + 1) === name &&
      xml.charCodeAt(i + 2) === 61 &&
      xml.charCodeAt(i + 3) === CHAR_QUOTE &&
      isSpace(xml.charCodeAt(i))
    )
      return i + 4;
  return -1;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const CHAR_R = 114;
const CHAR_T = 116;
const CHAR_S = 115;
const CHAR_B = 98;
const CHAR_I = 105;
const CHAR_E = 101;

/** The text of an inline string (`<is><t>…</t></is>`, `from`–`end` its cell's content). */
function inlineText(xml: string, from: number, end: number): string {
  const body = xml.slice(from, end);
  if (body.includes("<r>")) return runsText(utf8(body));
  const t = body.indexOf("<t");
  const open = t < 0 ? -1 : body.indexOf(">", t);
  if (open < 0 || body.charCodeAt(open - 1) === 47) return "";
  return unescapeXml(utf8(body.slice(open + 1, body.indexOf("</t>", open))));
}

const NON_ASCII = /[\x80-\xff]/;

/** Decoded texts: a timesheet repeats a few (是, 否, names of shifts) on every row. */
const decoded = new Map<string, string>();

/** Text cut from the sheet's Latin-1 view back to what its UTF-8 bytes say (ASCII needs nothing). */
function utf8(latin1: string): string {
  if (!NON_ASCII.test(latin1)) return latin1;
  let text = decoded.get(latin1);
  if (text === undefined) {
    text = Buffer.from(latin1, "latin1").toString("utf8");
    if (decoded.size < 10_000 && latin1.length <= 64) decoded.set(latin1, text);
  }
  return text;
}

function cellValueAt(xml: string, from: number, close: number): number {
  const at = xml.slice(from, close).indexOf("<v>");
  return at < 0 ? -1 : from + at;
}

/**
 * The cells of the row whose content lies between `from` and `end` in `xml`, by column, into `values` (emptied
 * first). Reads positions in place: only the cells' values are cut out of the text.
 */
function rowValues(
  xml: string,
  from: number,
  end: number,
  strings: readonly string[],
  values: unknown[],
): void {
  values.length = 0;
  let pos = from;
  let next = 0;
  for (;;) {
    const c = xml.indexOf("<c", pos);
    if (c < 0 || c >= end) break;
    const after = xml.charCodeAt(c + 2);
    // <c …>, not <col…> or anything else starting with "c".
    if (after !== 62 && after !== 47 && !isSpace(after)) {
      pos = c + 2;
      continue;
    }
    const gt = xml.indexOf(">", c);
    if (gt < 0 || gt >= end) break;
    // r="A2" is nearly always the first attribute.
    const r =
      xml.charCodeAt(c + 3) === CHAR_R && xml.charCodeAt(c + 4) === 61 && xml.charCodeAt(c + 5) === CHAR_QUOTE
        ? c + 6
        : attrAt(xml, CHAR_R, c, gt);
    const col = r >= 0 ? columnAt(xml, r) : next;
    next = col + 1;
    if (xml.charCodeAt(gt - 1) === 47) {
      pos = gt + 1;
      continue;
    }
    // The usual cell is <c …><v>…</v></c>: its end found from the value's; others searched for.
    const direct = xml.startsWith("<v>", gt + 1);
    const v1 = direct ? xml.indexOf("</v>", gt + 4) : -1;
    const close = direct && xml.startsWith("</c>", v1 + 4) ? v1 + 4 : xml.indexOf("</c>", gt);
    if (close < 0 || close > end) break;
    pos = close + 4;
    // The type by its first letters: s(hared), str, b(oolean), e(rror), inlineStr; n(umber) or none.
    const t = attrAt(xml, CHAR_T, r >= 0 ? r : c, gt);
    const t0 = t >= 0 ? xml.charCodeAt(t) : 0;
    const t1 = t >= 0 ? xml.charCodeAt(t + 1) : 0;
    if (t0 === CHAR_I) {
      values[col] = inlineText(xml, gt + 1, close);
      continue;
    }
    // Else (a formula first) the value is searched in the cell only.
    const v0 = direct ? gt + 1 : cellValueAt(xml, gt + 1, close);
    if (v0 < 0) continue;
    const to = direct ? v1 : xml.indexOf("</v>", v0);
    if (t0 === CHAR_S && t1 === CHAR_QUOTE) values[col] = strings[Number(xml.slice(v0 + 3, to))] ?? null;
    else if (t0 === CHAR_S || t0 === CHAR_E) values[col] = unescapeXml(utf8(xml.slice(v0 + 3, to)));
    else if (t0 === CHAR_B) values[col] = xml.charCodeAt(v0 + 3) === 49;
    else values[col] = numberIn(xml, v0 + 3, to);
  }
}

/**
 * A number cell's value read in place: plain decimals (-12.5) digit by digit, anything else (1E-3, spaces) by
 * Number; an empty value is null.
 */
function numberIn(xml: string, from: number, to: number): number | null {
  if (from === to) return null;
  let i = from;
  const negative = xml.charCodeAt(i) === 45;
  if (negative) i++;
  let n = 0;
  let scale = 0;
  let digits = 0;
  for (; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      n = n * 10 + (ch - 48);
      digits++;
      if (scale > 0) scale *= 10;
    } else if (ch === 46 && scale === 0) scale = 1;
    else break;
  }
  // Beyond 15 digits the running sum loses precision: leave those to Number too.
  if (i < to || digits === 0 || digits > 15) {
    const raw = xml.slice(from, to);
    return raw.trim() === "" ? null : Number(raw);
  }
  const v = scale > 1 ? n / scale : n;
  return negative ? -v : v;
}

async function readXlsx(buf: Buffer, sheetReader: SheetReader): Promise<void> {
  let sheet: ZipEntry | undefined;
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
    sheet = first === undefined ? undefined : dir.get(`xl/worksheets/sheet${first}.xml`);
    if (!sheet) throw corrupt();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt();
  }
  // Scan a megabyte at a time; a row cut by the chunk boundary waits for the next chunk. The XML's markup is ASCII,
  // so the bytes are read as Latin-1 (one character a byte: no decoding, and a one-byte string scans faster than
  // the two-byte one a single 是 would make of the whole chunk); only text values are decoded as UTF-8.
  const chunks = entryChunks(buf, sheet);
  try {
    await scanSheet(chunks, strings, sheetReader);
  } finally {
    // Stops the inflater when the scan ends early (not a timesheet, too many rows).
    await chunks.return(undefined);
  }
}

async function scanSheet(
  chunks: AsyncGenerator<Buffer>,
  strings: readonly string[],
  sheetReader: SheetReader,
) {
  const values: unknown[] = [];
  let carry = "";
  let rowNumber = 0;
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch {
      throw corrupt();
    }
    if (next.done) break;
    const text = carry + next.value.toString("latin1");
    let from = 0;
    for (;;) {
      const open = text.indexOf("<row", from);
      if (open < 0) {
        // "<ro" may end the chunk: keep the last characters for the next one.
        from = Math.max(from, text.length - 4);
        break;
      }
      if (open + 5 > text.length) {
        from = open;
        break;
      }
      const c = text.charCodeAt(open + 4);
      // <row …>, not <rowBreaks>.
      if (c !== 62 && c !== 47 && !isSpace(c)) {
        from = open + 4;
        continue;
      }
      const tagEnd = text.indexOf(">", open);
      const empty = tagEnd >= 0 && text.charCodeAt(tagEnd - 1) === 47;
      const close = tagEnd < 0 || empty ? -1 : text.indexOf("</row>", tagEnd);
      if (tagEnd < 0 || (!empty && close < 0)) {
        // Cut by the chunk boundary: read it again with the next chunk.
        from = open;
        break;
      }
      const r = attrAt(text, CHAR_R, open, tagEnd);
      rowNumber = r >= 0 ? Number.parseInt(text.slice(r, text.indexOf('"', r)), 10) : rowNumber + 1;
      if (empty) {
        from = tagEnd + 1;
        continue;
      }
      rowValues(text, tagEnd + 1, close, strings, values);
      sheetReader.row(rowNumber, values);
      from = close + 6;
    }
    carry = text.slice(from);
  }
}
