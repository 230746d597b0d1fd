import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { AppError } from "../../platform/errors.ts";
import { type ColumnMap, type ImportField, isHeaderRow, mapColumns } from "./columns.ts";

// File → header + rows. The format is read from the content, never the file name: a ZIP is an XLSX workbook,
// text (UTF-8, or GB18030 as Chinese Excel saves CSV) is CSV, anything else is refused.

export const MAX_IMPORT_ROWS = 200_000;
/** The header may sit below a title or a note; look this far for it. */
const HEADER_SEARCH_ROWS = 10;

export type ImportFormat = "xlsx" | "csv";

/** One data row: its number as the spreadsheet shows it, and the text of each mapped column (null if empty). */
export interface TableRow {
  rowNumber: number;
  data: Partial<Record<ImportField, string | null>>;
}

export interface ParsedTable {
  format: ImportFormat;
  /** The fields the file has columns for, in column order. */
  fields: ImportField[];
  headerRow: number;
  rows: TableRow[];
}

type Cells = (string | null)[];

/** Builds rows from a stream of (row number, cells): finds the header, maps columns, counts rows. */
class TableBuilder {
  columns: ColumnMap | null = null;
  headerRow = 0;
  rows: TableRow[] = [];
  #rowsBeforeHeader = 0;

  constructor(readonly maxRows: number) {}

  /** Takes one row of cells: the header until it is found, data after it. Empty rows are skipped. */
  add(rowNumber: number, cells: Cells): void {
    if (cells.every((c) => c === null)) return;
    if (this.columns === null) {
      if (isHeaderRow(cells)) {
        this.columns = mapColumns(cells);
        this.headerRow = rowNumber;
      } else if (++this.#rowsBeforeHeader >= HEADER_SEARCH_ROWS) throw noHeader();
      return;
    }
    const data: TableRow["data"] = {};
    let any = false;
    for (const { index, field } of this.columns) {
      const value = cells[index] ?? null;
      data[field] = value;
      if (value !== null) any = true;
    }
    // A row with text only in ignored columns carries nothing to import.
    if (!any) return;
    if (this.rows.length >= this.maxRows)
      throw new AppError("IMPORT_TOO_MANY_ROWS", { limit: this.maxRows }, [
        { field: "file", code: "too_many_rows", params: { limit: this.maxRows } },
      ]);
    this.rows.push({ rowNumber, data });
  }

  /** A workbook's next sheet gets its own search for the header. */
  nextSheet(): void {
    this.#rowsBeforeHeader = 0;
  }

  finish(format: ImportFormat): ParsedTable {
    if (this.columns === null) throw noHeader();
    if (this.rows.length === 0) throw new AppError("IMPORT_EMPTY", {}, [{ field: "file", code: "no_rows" }]);
    return { format, fields: this.columns.map((c) => c.field), headerRow: this.headerRow, rows: this.rows };
  }
}

const noHeader = () =>
  new AppError("IMPORT_NO_HEADER", {}, [
    { field: "file", code: "missing_name_column", params: { rows: HEADER_SEARCH_ROWS } },
  ]);

const unsupported = (detected: string) =>
  new AppError("UNSUPPORTED_FILE", {}, [{ field: "file", code: "unsupported_file", params: { detected } }]);

const corrupt = () => new AppError("FILE_CORRUPT", {}, [{ field: "file", code: "file_corrupt" }]);

/** Magic numbers of formats people upload by mistake, to say what the file is. */
const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], "PDF"],
  [[0x89, 0x50, 0x4e, 0x47], "PNG"],
  [[0xff, 0xd8, 0xff], "JPEG"],
  [[0x47, 0x49, 0x46, 0x38], "GIF"],
  [[0xd0, 0xcf, 0x11, 0xe0], "XLS/DOC (Office 97-2003)"],
  [[0x52, 0x61, 0x72, 0x21], "RAR"],
  [[0x37, 0x7a, 0xbc, 0xaf], "7z"],
  [[0x1f, 0x8b], "gzip"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "RTF"],
];

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

export function detectFormat(buf: Buffer): ImportFormat {
  if (buf.length >= 4 && startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return "xlsx";
  // An empty zip, or a spanned one: a zip, but no workbook.
  if (startsWith(buf, [0x50, 0x4b, 0x05, 0x06]) || startsWith(buf, [0x50, 0x4b, 0x07, 0x08])) throw corrupt();
  for (const [magic, name] of MAGIC)
    if (buf.length >= magic.length && startsWith(buf, magic)) throw unsupported(name);
  return "csv";
}

/** Parses an uploaded list into its header and rows; every problem with the file as a whole throws here. */
export async function parseTable(buf: Buffer, opts: { maxRows?: number } = {}): Promise<ParsedTable> {
  const builder = new TableBuilder(opts.maxRows ?? MAX_IMPORT_ROWS);
  if (buf.length === 0) throw new AppError("IMPORT_EMPTY", {}, [{ field: "file", code: "no_rows" }]);
  const format = detectFormat(buf);
  if (format === "xlsx") await readXlsx(buf, builder);
  else readCsv(decodeText(buf), builder);
  return builder.finish(format);
}

// ---- XLSX ----

/** A zip ends with its central directory; a truncated download does not, and would read as a shorter list. */
function hasEndOfCentralDirectory(buf: Buffer): boolean {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--)
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) return true;
  return false;
}

interface ReaderInternals {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

const StreamingReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

const CHUNK_CHARS = 1 << 16;

/** A zip entry's text in pieces, never splitting a surrogate pair, so the SAX parser sees whole characters. */
function* textChunks(bytes: Uint8Array): Generator<string> {
  const text = new TextDecoder("utf-8").decode(bytes);
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + CHUNK_CHARS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(i, end);
    i = end;
  }
}

async function* asyncChunks(bytes: Uint8Array): AsyncGenerator<string> {
  yield* textChunks(bytes);
}

const SHEET_PATH = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * Reads a workbook with exceljs's streaming row parser, but unzips with fflate from the buffer we already hold and
 * feeds the parts in the order the parser needs (relations, workbook, styles, shared strings, then sheets).
 * exceljs's own zip streaming (unzipper, plus temporary files when a sheet precedes the shared strings) failed
 * intermittently under load in CI, and decoded each chunk on its own, turning a Chinese character split across two
 * chunks into U+FFFD; whole-entry decoding avoids both. Parts are inflated one at a time to bound memory.
 */
async function readXlsx(buf: Buffer, builder: TableBuilder): Promise<void> {
  if (!hasEndOfCentralDirectory(buf)) throw corrupt();
  let sheets = 0;
  try {
    const names: string[] = [];
    unzipSync(buf, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
    const part = (name: string): Uint8Array | undefined =>
      names.includes(name) ? unzipSync(buf, { filter: (f) => f.name === name })[name] : undefined;
    const stream = (bytes: Uint8Array) => Readable.from([...textChunks(bytes)]);

    const reader = new StreamingReader(Readable.from([]), {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "cache",
      worksheets: "emit",
      entries: "ignore",
    });
    const rels = part("xl/_rels/workbook.xml.rels");
    const workbook = part("xl/workbook.xml");
    if (!rels || !workbook) throw corrupt();
    await reader._parseRels(stream(rels));
    await reader._parseWorkbook(stream(workbook));
    const styles = part("xl/styles.xml");
    if (styles) await reader._parseStyles(stream(styles));
    const sharedStrings = part("xl/sharedStrings.xml");
    if (sharedStrings) for await (const _ of reader._parseSharedStrings(stream(sharedStrings))) void _;

    const sheetNos = names
      .map((n) => SHEET_PATH.exec(n)?.[1])
      .filter((n): n is string => n !== undefined)
      .sort((a, b) => Number(a) - Number(b));
    for (const sheetNo of sheetNos) {
      sheets++;
      // The first sheet that has a header is the list; later sheets (notes, empty Sheet2) are not read.
      if (builder.columns !== null) break;
      const bytes = part(`xl/worksheets/sheet${sheetNo}.xml`);
      if (!bytes) continue;
      builder.nextSheet();
      try {
        for (const { value: sheet } of reader._parseWorksheet(asyncChunks(bytes), sheetNo))
          for await (const row of sheet) {
            const values = row.values as ExcelJS.CellValue[];
            const cells: Cells = [];
            for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
            builder.add(row.number, cells);
          }
      } catch (err) {
        // A sheet without the header (a cover page) gives way to the next one; other errors are the file's.
        if (!(err instanceof AppError && err.code === "IMPORT_NO_HEADER")) throw err;
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt();
  }
  if (sheets === 0) throw corrupt();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The text of a cell as a person reads it: dates as YYYY-MM-DD, formulas by their result. */
export function cellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: PostgreSQL text cannot hold NUL
  if (typeof v === "string") return v.replace(/\u0000/g, "").trim() || null;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  }
  if ("richText" in v)
    return (
      v.richText
        .map((t) => t.text)
        .join("")
        .trim() || null
    );
  if ("hyperlink" in v) return cellText(v.text as ExcelJS.CellValue);
  if ("formula" in v || "sharedFormula" in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  if ("error" in v) return v.error;
  return null;
}

// ---- CSV ----

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK); binary is refused. */
export function decodeText(buf: Buffer): string {
  if (startsWith(buf, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(buf.subarray(2));
  if (startsWith(buf, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(buf.subarray(2));
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) throw unsupported("binary");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    try {
      text = new TextDecoder("gb18030", { fatal: true }).decode(buf);
    } catch {
      throw unsupported("binary");
    }
  }
  // Control characters other than tab and line breaks do not occur in a text list (and PostgreSQL text cannot
  // hold NUL at all).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary content
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) throw unsupported("binary");
  const start = text.trimStart().slice(0, 15).toLowerCase();
  if (start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<?xml"))
    throw unsupported(start.startsWith("<?xml") ? "XML" : "HTML");
  return text;
}

/** Comma, tab or semicolon: whichever the first line has most of. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
  let best = ",";
  let bestCount = 0;
  for (const d of [",", "\t", ";", "，"]) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function readCsv(text: string, builder: TableBuilder): void {
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch {
    throw corrupt();
  }
  records.forEach((record, i) => {
    builder.add(
      i + 1,
      record.map((c) => c.trim() || null),
    );
  });
}
