import ExcelJS from "exceljs";
import type { IndicatorSeries, IndicatorValues, TownIndicators } from "./schemas.ts";

// The indicators as an XLSX workbook: the series (one row per month or year, then the total), the towns of the
// range for the cluster scope, and a sheet saying what was asked for. A few hundred rows: built in memory.

const pct = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

const VALUE_COLUMNS: { header: string; width: number; value: (v: IndicatorValues) => number | null }[] = [
  { header: "报检批次", width: 10, value: (v) => v.lots },
  { header: "货值（美元）", width: 16, value: (v) => v.valueUsd },
  { header: "自检合格批次", width: 12, value: (v) => v.selfPassed },
  { header: "自检合格率（%）", width: 14, value: (v) => pct(v.selfInspectionPassRate) },
  { header: "官方检验批次", width: 12, value: (v) => v.inspected },
  { header: "检验合格批次", width: 12, value: (v) => v.officialAccepted },
  { header: "检验不合格批次", width: 14, value: (v) => v.officialRejected },
  { header: "官方检验合格率（%）", width: 18, value: (v) => pct(v.officialPassRate) },
  { header: "未经检验放行批次", width: 16, value: (v) => v.releasedWithoutInspection },
  { header: "验证监管批次", width: 12, value: (v) => v.lotsByMode.verification },
  { header: "一般监管批次", width: 12, value: (v) => v.lotsByMode.general },
  { header: "严密监管批次", width: 12, value: (v) => v.lotsByMode.stringent },
  { header: "特别监管批次", width: 12, value: (v) => v.lotsByMode.special },
  { header: "减免检验费（元）", width: 16, value: (v) => v.feesWaived },
];

const SCOPE_ZH = { cluster: "集群", town: "镇街道", enterprise: "企业" } as const;

function addTable(
  sheet: ExcelJS.Worksheet,
  first: { header: string; width: number },
  rows: { label: string; values: IndicatorValues }[],
) {
  sheet.columns = [first, ...VALUE_COLUMNS].map(({ header, width }) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([row.label, ...VALUE_COLUMNS.map((c) => c.value(row.values))]);
}

export async function indicatorsWorkbook(
  data: IndicatorSeries,
  towns: TownIndicators[] | null,
  generatedAt: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const series = workbook.addWorksheet("监管指标");
  addTable(series, { header: data.granularity === "year" ? "年度" : "月份", width: 10 }, [
    ...data.series.map((p) => ({ label: p.period, values: p })),
    { label: "合计", values: data.total },
  ]);
  const totalRow = series.lastRow;
  if (totalRow) totalRow.font = { bold: true };
  if (towns) {
    const sheet = workbook.addWorksheet("各镇街道");
    addTable(
      sheet,
      { header: "镇街道", width: 14 },
      towns.map((t) => ({ label: t.townName ?? "未登记镇街道", values: t })),
    );
  }
  const about = workbook.addWorksheet("说明");
  about.columns = [{ width: 18 }, { width: 48 }];
  for (const [k, v] of [
    ["范围", SCOPE_ZH[data.scope]],
    ["对象", data.name ?? "全集群"],
    ["期间", `${data.from} 至 ${data.to}`],
    ["粒度", data.granularity === "year" ? "按年" : "按月"],
    ["自检合格率目标（%）", String(data.targets.selfInspectionPassRate)],
    ["官方检验合格率目标（%）", String(data.targets.officialPassRate)],
    ["口径", "按报检日期所在月份统计；官方检验合格率以首次检验结果计"],
    ["生成时间", generatedAt.toISOString()],
  ])
    about.addRow([k, v]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
