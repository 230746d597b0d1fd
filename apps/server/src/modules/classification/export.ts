import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { ClassListItem } from "./schemas.ts";

// The class list as XLSX, streamed batch by batch (exceljs WorkbookWriter), like the registry export.

const CLASS_ZH: Record<string, string> = { I: "一类", II: "二类", III: "三类", IV: "四类" };
const SOURCE_ZH: Record<string, string> = {
  decision: "分类决定",
  override: "人工调整",
  unclassified: "未分类",
};

const COLUMNS: {
  header: string;
  key: string;
  width: number;
  value: (r: ClassListItem) => string | number | null;
}[] = [
  { header: "统一社会信用代码", key: "uscc", width: 22, value: (r) => r.uscc },
  { header: "企业名称", key: "name", width: 36, value: (r) => r.name },
  { header: "镇街道", key: "town", width: 12, value: (r) => r.townName },
  { header: "现行类别", key: "class", width: 10, value: (r) => CLASS_ZH[r.class] ?? r.class },
  { header: "来源", key: "source", width: 10, value: (r) => SOURCE_ZH[r.source] ?? r.source },
  {
    header: "计算类别",
    key: "computedClass",
    width: 10,
    value: (r) => (r.computedClass ? (CLASS_ZH[r.computedClass] ?? r.computedClass) : null),
  },
  { header: "评审得分", key: "score", width: 10, value: (r) => r.score },
  { header: "分类时间", key: "decidedAt", width: 22, value: (r) => r.decidedAt },
  { header: "规则集版本", key: "ruleSetVersion", width: 18, value: (r) => r.ruleSetVersion },
  { header: "人工调整到期", key: "overrideExpiresOn", width: 14, value: (r) => r.overrideExpiresOn },
];

export async function writeClassesXlsx(
  batches: AsyncIterable<ClassListItem[]>,
  stream: Writable,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  const sheet = workbook.addWorksheet("企业分类");
  sheet.columns = COLUMNS.map(({ header, key, width }) => ({ header, key, width }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for await (const batch of batches) {
    for (const r of batch) {
      sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(r)]))).commit();
      count++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
