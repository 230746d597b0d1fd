// Messages of the labourTrends pages; the English table must have exactly the Chinese table's keys.

export const zhLabourTrends = {
  "labourTrends.title": "工时与工资合规趋势",
  "labourTrends.enterprise": "叠加企业",
  "labourTrends.enterprise.placeholder": "选择企业，与集群对比",
  "labourTrends.hours": "月平均工时（小时/人）",
  "labourTrends.compliance": "集群：合规员工占比（%）",
  "labourTrends.complianceOf": "{name}：合规员工占比（%）",
  "labourTrends.series.cluster": "集群平均",
  "labourTrends.series.standard": "法定标准工时 {hours} 小时",
  "labourTrends.series.ceiling": "标准工时 + 加班上限 {overtime} 小时 = {hours} 小时",
  "labourTrends.c.overtime": "月加班不超过 36 小时",
  "labourTrends.c.restDay": "每周至少休息一天",
  "labourTrends.c.minimumWage": "不低于最低工资",
  "labourTrends.c.overtimePay": "加班费足额",
  "labourTrends.c.paidInFull": "工资按月足额发放",
  "labourTrends.c.socialInsurance": "缴纳社会保险",
  "labourTrends.empty": "暂无工时数据：评价中的工时检查会按企业、按月记录",
  "labourTrends.note.staff": "集群数据按员工人数加权，来自评价中的工时检查。",
  "labourTrends.note.enterprise":
    "集群数据按员工人数加权，只显示不少于 {n} 家企业的月份；其他企业的数据不可见。",
  "labourTrends.byMonth": "按月合规情况",
} satisfies Record<string, string>;

export const enLabourTrends: Record<keyof typeof zhLabourTrends, string> = {
  "labourTrends.title": "Working hours and wage compliance",
  "labourTrends.enterprise": "Overlay an enterprise",
  "labourTrends.enterprise.placeholder": "Pick an enterprise to compare with the cluster",
  "labourTrends.hours": "Average monthly hours per worker",
  "labourTrends.compliance": "Cluster: workers in compliance (%)",
  "labourTrends.complianceOf": "{name}: workers in compliance (%)",
  "labourTrends.series.cluster": "Cluster average",
  "labourTrends.series.standard": "Statutory standard {hours} h",
  "labourTrends.series.ceiling": "Standard + {overtime} h overtime limit = {hours} h",
  "labourTrends.c.overtime": "Overtime within 36 h a month",
  "labourTrends.c.restDay": "At least one day off a week",
  "labourTrends.c.minimumWage": "At least the minimum wage",
  "labourTrends.c.overtimePay": "Overtime paid in full",
  "labourTrends.c.paidInFull": "Wages paid monthly and in full",
  "labourTrends.c.socialInsurance": "Social insurance paid",
  "labourTrends.empty":
    "No working-hours data yet: labour checks inside assessments record it by enterprise and month",
  "labourTrends.note.staff":
    "Cluster figures are weighted by workers, from the labour checks of assessments.",
  "labourTrends.note.enterprise":
    "Cluster figures are weighted by workers; only months of at least {n} enterprises are shown, never another enterprise's own figures.",
  "labourTrends.byMonth": "Compliance by month",
};
