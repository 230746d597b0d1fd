import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { LotSummary } from "./schemas.ts";

/** Rows of one export at most; a larger selection ends with a note asking to narrow the filters. */
export const EXPORT_MAX_ROWS = 100_000;

const STATUS_ZH: Record<LotSummary["status"], string> = {
  released: "已放行",
  awaiting_inspection: "待检验",
  accepted: "合格放行",
  rework: "不合格待返工",
  withdrawn: "已撤回",
};
const MODE_ZH: Record<LotSummary["mode"], string> = {
  verification: "验证监管",
  general: "一般监管",
  stringent: "严密监管",
  special: "特别监管",
};

const COLUMNS: {
  header: string;
  key: string;
  width: number;
  value: (l: LotSummary) => string | number | null;
}[] = [
  { header: "报检号", key: "declarationNo", width: 20, value: (l) => l.declarationNo },
  { header: "企业名称", key: "enterpriseName", width: 32, value: (l) => l.enterpriseName },
  { header: "产品类别", key: "productCategory", width: 12, value: (l) => l.productCategory },
  { header: "HS编码", key: "hsCode", width: 12, value: (l) => l.hsCode },
  { header: "数量", key: "quantity", width: 10, value: (l) => l.quantity },
  { header: "单位", key: "unit", width: 6, value: (l) => l.unit },
  { header: "批量", key: "lotSize", width: 10, value: (l) => l.lotSize },
  { header: "货值（美元）", key: "valueUsd", width: 14, value: (l) => l.valueUsd },
  { header: "目的国", key: "destination", width: 8, value: (l) => l.destination },
  { header: "买方", key: "buyer", width: 20, value: (l) => l.buyer },
  { header: "品牌", key: "brand", width: 14, value: (l) => l.brand },
  { header: "出运日期", key: "shipDate", width: 12, value: (l) => l.shipDate },
  { header: "报检日期", key: "declaredOn", width: 12, value: (l) => l.declaredOn },
  { header: "企业类别", key: "enterpriseClass", width: 9, value: (l) => l.enterpriseClass },
  { header: "监管方式", key: "mode", width: 10, value: (l) => MODE_ZH[l.mode] },
  { header: "决定", key: "decision", width: 8, value: (l) => (l.decision === "release" ? "放行" : "检验") },
  { header: "状态", key: "status", width: 12, value: (l) => STATUS_ZH[l.status] },
  {
    header: "首次检验结果",
    key: "officialResult",
    width: 12,
    value: (l) => (l.officialResult === null ? null : l.officialResult === "accepted" ? "合格" : "不合格"),
  },
  { header: "放行号", key: "releaseNo", width: 20, value: (l) => l.releaseNo },
];

/** Writes the lots as an XLSX workbook, batch by batch, in bounded memory. Returns the number of rows. */
export async function writeLotsXlsx(
  batches: AsyncIterable<LotSummary[]>,
  stream: Writable,
  max = EXPORT_MAX_ROWS,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  const sheet = workbook.addWorksheet("出口报检");
  sheet.columns = COLUMNS.map(({ header, key, width }) => ({ header, key, width }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for await (const batch of batches) {
    for (const lot of batch) {
      sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(lot)]))).commit();
      count++;
    }
  }
  if (count >= max)
    sheet.addRow({ declarationNo: `仅导出前 ${max} 行，请缩小筛选范围 (first ${max} rows only)` }).commit();
  sheet.commit();
  await workbook.commit();
  return count;
}
