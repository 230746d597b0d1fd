import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { Enterprise } from "./schemas.ts";

/** Columns of the registry export; the same Chinese headers the import understands. */
const COLUMNS: {
  header: string;
  key: string;
  width: number;
  value: (e: Enterprise) => string | number | null;
}[] = [
  { header: "统一社会信用代码", key: "uscc", width: 22, value: (e) => e.uscc },
  { header: "企业名称", key: "name", width: 36, value: (e) => e.name },
  { header: "曾用名", key: "formerNames", width: 24, value: (e) => e.formerNames.join("；") },
  { header: "简称", key: "aliases", width: 16, value: (e) => e.aliases.join("；") },
  { header: "法定代表人", key: "legalRepresentative", width: 12, value: (e) => e.legalRepresentative },
  { header: "地址", key: "address", width: 40, value: (e) => e.address },
  { header: "镇街道", key: "town", width: 12, value: (e) => e.townName },
  { header: "行业代码", key: "industryCode", width: 10, value: (e) => e.industryCode },
  { header: "规上企业", key: "aboveScale", width: 9, value: (e) => (e.aboveScale ? "是" : "否") },
  { header: "从业人数", key: "employees", width: 10, value: (e) => e.employees },
  { header: "成立日期", key: "foundedOn", width: 12, value: (e) => e.foundedOn },
  { header: "出口企业", key: "exportFlag", width: 9, value: (e) => (e.exportFlag ? "是" : "否") },
  { header: "主要产品", key: "mainProducts", width: 24, value: (e) => e.mainProducts },
  { header: "品牌商标", key: "brands", width: 20, value: (e) => e.brands.map((b) => b.name).join("；") },
  {
    header: "认证",
    key: "certifications",
    width: 28,
    value: (e) => e.certifications.map((c) => (c.validTo ? `${c.type}(至${c.validTo})` : c.type)).join("；"),
  },
  { header: "荣誉", key: "honours", width: 30, value: (e) => e.honours.map((h) => h.title).join("；") },
  { header: "演示数据", key: "isSynthetic", width: 9, value: (e) => (e.isSynthetic ? "合成" : "") },
];

/** Writes the rows as an XLSX workbook to a stream, batch by batch, so large exports stay in bounded memory. */
export async function writeEnterprisesXlsx(
  batches: AsyncIterable<Enterprise[]>,
  stream: Writable,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  const sheet = workbook.addWorksheet("企业名录");
  sheet.columns = COLUMNS.map(({ header, key, width }) => ({ header, key, width }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for await (const batch of batches) {
    for (const e of batch) {
      sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(e)]))).commit();
      count++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
