import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../platform/errors.ts";
import { fieldOfHeader, mapColumns } from "./columns.ts";
import { parseTable } from "./parse.ts";
import { csvText, gb18030, xlsx } from "./testing.ts";

const HEADER = ["统一社会信用代码", "企业名称", "地址", "镇（街道）", "从业人数", "成立日期", "规上企业"];
const ROW: [string, string, string, string, string, string, string] = [
  "91330482MA28A0XQ3Y",
  "平湖市华城服饰有限公司",
  "当湖街道新华路 1 号",
  "当湖街道",
  "120",
  "2015-03-01",
  "是",
];

async function rejects(p: Promise<unknown>, code: string): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AppError, `expected AppError ${code}, got ${String(err)}`);
    assert.equal(err.code, code);
    return err;
  }
  assert.fail(`expected ${code}`);
}

describe("import columns", () => {
  it("maps Chinese and English headers, ignoring width, spaces and brackets", () => {
    assert.equal(fieldOfHeader("统一社会信用代码"), "uscc");
    assert.equal(fieldOfHeader(" USCC "), "uscc");
    assert.equal(fieldOfHeader("镇（街道）"), "town");
    assert.equal(fieldOfHeader("镇(街道)"), "town");
    assert.equal(fieldOfHeader("所在镇街道"), "town");
    assert.equal(fieldOfHeader("企业 名称"), "name");
    assert.equal(fieldOfHeader("*企业名称"), "name");
    assert.equal(fieldOfHeader("法人代表"), "legalRepresentative");
    assert.equal(fieldOfHeader("国民经济行业代码"), "industryCode");
    assert.equal(fieldOfHeader("是否规上"), "aboveScale");
    assert.equal(fieldOfHeader("职工人数"), "employees");
    assert.equal(fieldOfHeader("成立时间"), "foundedOn");
    assert.equal(fieldOfHeader("是否出口"), "exportFlag");
    assert.equal(fieldOfHeader("别名"), "aliases");
    assert.equal(fieldOfHeader("品牌商标"), "ignored");
    assert.equal(fieldOfHeader("演示数据"), "ignored");
    assert.equal(fieldOfHeader(""), "ignored");
    assert.equal(fieldOfHeader("备注"), null);
  });

  it("names unknown and repeated columns", () => {
    const unknown = (() => {
      try {
        mapColumns(["企业名称", "备注", "联系电话"]);
      } catch (err) {
        return err as AppError;
      }
    })();
    assert.equal(unknown?.code, "IMPORT_UNKNOWN_COLUMNS");
    assert.equal(unknown?.params.columns, "备注、联系电话");
    assert.deepEqual(
      unknown?.fields.map((f) => f.params?.column),
      ["备注", "联系电话"],
    );
    assert.throws(
      () => mapColumns(["企业名称", "名称"]),
      (e: AppError) => e.code === "IMPORT_DUPLICATE_COLUMNS",
    );
  });
});

describe("import parsing", () => {
  it("reads an XLSX workbook: Excel dates, numbers, a title row above the header", async () => {
    const buf = await xlsx([
      ["平湖市服装企业名录（2024）"],
      [],
      HEADER,
      [ROW[0], ROW[1], ROW[2], ROW[3], 120, new Date(Date.UTC(2015, 2, 1)), "是"],
      [],
      [null, "新仓金穗服饰", null, null, null, null, null],
    ]);
    const t = await parseTable(buf);
    assert.equal(t.format, "xlsx");
    assert.equal(t.headerRow, 3);
    assert.deepEqual(t.fields, ["uscc", "name", "address", "town", "employees", "foundedOn", "aboveScale"]);
    assert.equal(t.rows.length, 2);
    assert.deepEqual(t.rows[0], {
      rowNumber: 4,
      data: {
        uscc: ROW[0],
        name: ROW[1],
        address: ROW[2],
        town: "当湖街道",
        employees: "120",
        foundedOn: "2015-03-01",
        aboveScale: "是",
      },
    });
    assert.equal(t.rows[1]?.rowNumber, 6);
    assert.equal(t.rows[1]?.data.uscc, null);
  });

  it("keeps long Chinese text intact in shared and inline strings (characters across chunk boundaries)", async () => {
    const names = Array.from(
      { length: 3000 },
      (_, i) => `平湖市${"锦绣华城新仓金穗当湖钟埭".slice(i % 7, (i % 7) + 4)}服饰${i}号有限公司`,
    );
    const rows = names.map((n, i) => [null, n, `平湖市当湖街道新华路${i}号`]);
    const shared = await xlsx([["统一社会信用代码", "企业名称", "地址"], ...rows]);
    // The export's way: a streamed workbook with inline strings.
    const ExcelJS = (await import("exceljs")).default;
    const { PassThrough } = await import("node:stream");
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const ws = wb.addWorksheet("企业名录");
    ws.addRow(["统一社会信用代码", "企业名称", "地址"]).commit();
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
    await wb.commit();
    for (const buf of [shared, Buffer.concat(chunks)]) {
      const t = await parseTable(buf);
      assert.equal(t.rows.length, names.length);
      assert.deepEqual(
        t.rows.map((r) => r.data.name),
        names,
      );
      assert.ok(t.rows.every((r) => !r.data.address?.includes("\ufffd")));
    }
  });

  it("takes the first sheet that has a header", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").addRow(["本表由协会整理"]);
    const ws = wb.addWorksheet("名录");
    ws.addRow(HEADER);
    ws.addRow(ROW);
    const t = await parseTable(Buffer.from(await wb.xlsx.writeBuffer()));
    assert.equal(t.rows.length, 1);
    assert.equal(t.rows[0]?.data.name, ROW[1]);
  });

  it("reads UTF-8 CSV with a BOM", async () => {
    const text = `\ufeff${csvText([HEADER, ROW])}`;
    const t = await parseTable(Buffer.from(text, "utf8"));
    assert.equal(t.format, "csv");
    assert.equal(t.rows.length, 1);
    assert.equal(t.rows[0]?.rowNumber, 2);
    assert.equal(t.rows[0]?.data.uscc, ROW[0]);
    assert.equal(t.rows[0]?.data.address, "当湖街道新华路 1 号");
  });

  it("reads GB18030 (GBK) CSV as Chinese Excel saves it, and tab-separated text", async () => {
    const t = await parseTable(gb18030(csvText([HEADER, ROW])));
    assert.equal(t.rows[0]?.data.name, "平湖市华城服饰有限公司");
    assert.equal(t.rows[0]?.data.town, "当湖街道");
    const tsv = await parseTable(Buffer.from(csvText([HEADER, ROW], "\t")));
    assert.equal(tsv.rows[0]?.data.town, "当湖街道");
  });

  it("refuses a PNG, a PDF and binary junk as UNSUPPORTED_FILE", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const e = await rejects(parseTable(png), "UNSUPPORTED_FILE");
    assert.equal(e.status, 415);
    assert.equal(e.fields[0]?.params?.detected, "PNG");
    await rejects(parseTable(Buffer.from("%PDF-1.7\n%âãÏÓ\n")), "UNSUPPORTED_FILE");
    await rejects(parseTable(Buffer.from([0x41, 0x42, 0x00, 0x43, 0xff, 0xfe, 0x00])), "UNSUPPORTED_FILE");
  });

  it("refuses a truncated or damaged workbook, and a zip that is no workbook, as FILE_CORRUPT", async () => {
    const good = await xlsx([HEADER, ROW]);
    await rejects(parseTable(good.subarray(0, Math.floor(good.length / 2))), "FILE_CORRUPT");
    const damaged = Buffer.from(good);
    for (let i = 200; i < damaged.length - 400; i += 97) damaged[i] = (damaged[i] as number) ^ 0x5a;
    await rejects(parseTable(damaged), "FILE_CORRUPT");
    // A zip holding something else: the same container, but no worksheet.
    const ExcelJS = (await import("exceljs")).default;
    const noSheets = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    await rejects(parseTable(noSheets), "FILE_CORRUPT");
  });

  it("refuses unknown columns, naming them", async () => {
    const e = await rejects(
      parseTable(
        Buffer.from(
          csvText([
            [...HEADER, "联系电话"],
            [...ROW, "123"],
          ]),
        ),
      ),
      "IMPORT_UNKNOWN_COLUMNS",
    );
    assert.equal(e.params.columns, "联系电话");
    assert.equal(e.fields[0]?.code, "unknown_column");
  });

  it("accepts the export's extra columns (brands, certifications, honours, demo mark) and ignores them", async () => {
    const t = await parseTable(
      await xlsx([
        [...HEADER, "品牌商标", "认证", "荣誉", "演示数据"],
        [...ROW, "华城", "ISO9001(至2099-12-31)", "出口免验企业", "合成"],
      ]),
    );
    assert.equal(t.rows.length, 1);
    assert.deepEqual(Object.keys(t.rows[0]?.data ?? {}).sort(), [...t.fields].sort());
  });

  it("refuses a file without the name column as IMPORT_NO_HEADER", async () => {
    await rejects(
      parseTable(
        Buffer.from(
          csvText([
            ["统一社会信用代码", "地址"],
            [ROW[0], ROW[2]],
          ]),
        ),
      ),
      "IMPORT_NO_HEADER",
    );
    await rejects(parseTable(Buffer.from("just some text\nwithout a header\n")), "IMPORT_NO_HEADER");
  });

  it("refuses an empty file or a header without rows as IMPORT_EMPTY", async () => {
    await rejects(parseTable(Buffer.alloc(0)), "IMPORT_EMPTY");
    await rejects(parseTable(Buffer.from(csvText([HEADER, [], []]))), "IMPORT_EMPTY");
    await rejects(parseTable(await xlsx([HEADER])), "IMPORT_EMPTY");
  });

  it("refuses more rows than the limit as IMPORT_TOO_MANY_ROWS", async () => {
    const rows = Array.from({ length: 6 }, (_, i) => [null, `企业${i}`]);
    const e = await rejects(
      parseTable(Buffer.from(csvText([["统一社会信用代码", "企业名称"], ...rows])), { maxRows: 5 }),
      "IMPORT_TOO_MANY_ROWS",
    );
    assert.equal(e.params.limit, 5);
  });
});
