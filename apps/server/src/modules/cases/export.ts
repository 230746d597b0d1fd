import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { CaseSummary } from "./schemas.ts";

/** Rows of one export at most; a larger selection ends with a note asking to narrow the filters. */
export const CASE_EXPORT_MAX_ROWS = 100_000;

const STATUS_ZH: Record<CaseSummary["status"], string> = {
  new: "待受理",
  acknowledged: "已受理",
  inProgress: "办理中",
  answered: "已答复",
  closed: "已办结",
  notResponsible: "非职责范围",
  duplicate: "重复件",
  withdrawn: "已撤回",
};
const CHANNEL_ZH: Record<string, string> = {
  salon: "亲清夜沙龙",
  enterprise: "企业诉求",
  phone: "电话",
  letter: "来信",
  petition: "信访",
  labourDispute: "劳动争议",
  web: "网上提交",
};
const RATING_ZH: Record<string, string> = {
  satisfied: "满意",
  basically: "基本满意",
  notSatisfied: "不满意",
};

type Row = CaseSummary & { closedAt: Date | null; firstAnsweredAt?: Date | null };
const shanghai = (d: Date | string | null | undefined) =>
  d ? new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ") : null;

const COLUMNS: { header: string; key: string; width: number; value: (c: Row) => string | number | null }[] = [
  { header: "受理编号", key: "trackingNumber", width: 22, value: (c) => c.trackingNumber },
  { header: "渠道", key: "channel", width: 12, value: (c) => CHANNEL_ZH[c.channel] ?? c.channel },
  { header: "类别", key: "category", width: 16, value: (c) => c.category },
  { header: "承办部门", key: "department", width: 28, value: (c) => c.departmentName },
  { header: "状态", key: "status", width: 10, value: (c) => STATUS_ZH[c.status] },
  { header: "标题", key: "title", width: 40, value: (c) => c.title },
  { header: "企业", key: "enterpriseName", width: 30, value: (c) => c.enterpriseName },
  { header: "提交时间", key: "submittedAt", width: 18, value: (c) => shanghai(c.submittedAt) },
  { header: "办结时限", key: "resolveDue", width: 18, value: (c) => shanghai(c.resolveDue) },
  { header: "是否逾期", key: "overdue", width: 8, value: (c) => (c.overdue ? "是" : "否") },
  { header: "首次答复", key: "firstAnsweredAt", width: 18, value: (c) => shanghai(c.firstAnsweredAt) },
  { header: "办结时间", key: "closedAt", width: 18, value: (c) => shanghai(c.closedAt) },
  {
    header: "满意度",
    key: "rating",
    width: 10,
    value: (c) => (c.rating ? (RATING_ZH[c.rating] ?? c.rating) : null),
  },
];

/** Writes the cases as an XLSX workbook, batch by batch, in bounded memory (no contact details). */
export async function writeCasesXlsx(
  batches: AsyncIterable<Row[]>,
  stream: Writable,
  max = CASE_EXPORT_MAX_ROWS,
) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  const sheet = workbook.addWorksheet("诉求案件");
  sheet.columns = COLUMNS.map(({ header, key, width }) => ({ header, key, width }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for await (const batch of batches) {
    for (const c of batch) {
      sheet.addRow(Object.fromEntries(COLUMNS.map((col) => [col.key, col.value(c)]))).commit();
      count++;
    }
  }
  if (count >= max)
    sheet.addRow({ trackingNumber: `仅导出前 ${max} 行，请缩小筛选范围 (first ${max} rows only)` }).commit();
  sheet.commit();
  await workbook.commit();
  return count;
}
