import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { strToU8, zipSync } from "fflate";
import { AppError } from "../../platform/errors.ts";
import { TimesheetColumns } from "./columns.ts";
import { formatDay } from "./days.ts";
import { timesheetXlsx, yearOfRows } from "./testing.ts";
import { readTimesheetFile } from "./timesheet-file.ts";

// The XLSX reader's own scanner (timesheet-file.ts), on sheets written by hand the way Excel and other writers do.

/** A workbook of one sheet (and shared strings when given), zipped with deflate. */
function workbook(sheetData: string, sharedStrings?: string[]): Buffer {
  const files: Record<string, Uint8Array> = {
    "xl/workbook.xml": strToU8("<workbook/>"),
    "xl/worksheets/sheet1.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet><cols><col min="1" max="3"/></cols><sheetData>${sheetData}</sheetData><rowBreaks count="0"/></worksheet>`,
    ),
  };
  if (sharedStrings)
    files["xl/sharedStrings.xml"] = strToU8(
      `<sst>${sharedStrings.map((s) => (s.startsWith("<") ? `<si>${s}</si>` : `<si><t>${s}</t></si>`)).join("")}</sst>`,
    );
  return Buffer.from(zipSync(files));
}

async function read(buf: Buffer) {
  const cols = new TimesheetColumns(1_000_000);
  await readTimesheetFile(buf, cols);
  const rows = Array.from(
    { length: cols.length },
    (_, i): Record<string, unknown> => ({
      n: cols.rowNumber.data[i],
      ...cols.row(i, formatDay),
    }),
  );
  return { cols, rows };
}

describe("timesheet XLSX reader", () => {
  it("reads shared, inline and rich strings, numbers, Excel dates and booleans; cells and rows without r", async () => {
    const { rows } = await read(
      workbook(
        // Row 1: a title; row 2: the header from shared strings; then data rows in the writers' variants.
        `<row r="1"><c r="A1" t="inlineStr"><is><t>2024 年 3 月</t></is></c></row>` +
          `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c></row>` +
          `<row r="3" spans="1:5"><c r="A3" t="s"><v>5</v></c><c r="B3" s="1"><v>45355</v></c><c r="C3"><v>10.50</v></c><c r="E3" t="b"><v>1</v></c></row>` +
          `<row r="4"/>` +
          // No r on the row or its cells: the next row number, columns in order.
          `<row><c t="inlineStr"><is><r><rPr><b/></rPr><t>A</t></r><r><t xml:space="preserve">&amp;2</t></r></is></c><c t="str"><v>2024-03-05</v></c><c><f>8+8</f><v>1.6E1</v></c><c/><c t="inlineStr"><is><t>否</t></is></c></row>` +
          // A cell skipped (D), a column after it (E) by its r.
          `<row r="9" customHeight="1"><c r="A9" t="s"><v>6</v></c><c r="B9" t="inlineStr"><is><t>2024/3/6</t></is></c><c r="C9" t="str"><v>9</v></c><c r="E9" t="s"><v>7</v></c></row>`,
        ["工号", "日期", "工时", "备注", "社保", "A1", "A3", "是"],
      ),
    );
    assert.deepEqual(
      rows.map((r) => [r.n, r.workerId, r.date, r.hours, r.socialInsurance]),
      [
        [3, "A1", "2024-03-04", 10.5, true],
        // The header's row was 2, row 4 is empty: the row without r is 5.
        [5, "A&2", "2024-03-05", 16, false],
        [9, "A3", "2024-03-06", 9, true],
      ],
    );
  });

  it("reads every row of a sheet of several megabytes exactly once, across the scanner's chunks", async () => {
    const file = await timesheetXlsx(yearOfRows(20));
    const { cols, rows } = await read(file);
    assert.equal(cols.length, 20 * 366);
    assert.deepEqual(
      rows.map((r) => r.n),
      Array.from({ length: 20 * 366 }, (_, i) => i + 2),
    );
    const expected = [...yearOfRows(20)];
    for (const k of [0, 1, 4000, 7319])
      assert.deepEqual({ ...rows[k], n: undefined }, { n: undefined, ...expected[k] }, `row ${k}`);
  });

  it("calls a sheet whose compressed data is damaged corrupt, not a timesheet", async () => {
    const file = Buffer.from(await timesheetXlsx(yearOfRows(5)));
    // The sheet is the largest entry: damage the middle of the file, inside its deflate stream.
    for (let i = 0; i < 64; i++) file[(file.length >> 1) + i] = 0xff;
    await assert.rejects(read(file), (e: unknown) => e instanceof AppError && e.code === "FILE_CORRUPT");
  });
});
