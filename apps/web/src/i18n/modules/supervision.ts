// Messages shared by the supervision pages (menu, classes, modes, risks, lot statuses); the English table must have
// exactly the Chinese table's keys.

export const zhSupervision = {
  "nav.lots": "出口报检",
  "nav.tasks": "检验任务",
  "nav.classes": "企业分类",
  "nav.privileges": "便利措施与公示",
  "nav.video": "视频监管",
  "nav.indicators": "监管指标",
  "breadcrumb.declareLot": "新建报检",
  "breadcrumb.lot": "报检详情",
  "breadcrumb.classRules": "分类规则",
  "breadcrumb.enterpriseClass": "企业分类详情",

  "class.I": "一类",
  "class.II": "二类",
  "class.III": "三类",
  "class.IV": "四类",
  "class.none": "未分类",

  "mode.verification": "验证监管",
  "mode.general": "一般监管",
  "mode.stringent": "严密监管",
  "mode.special": "特别监管",

  "risk.low": "低风险",
  "risk.medium": "中风险",
  "risk.high": "高风险",

  "lotStatus.released": "已放行",
  "lotStatus.awaiting_inspection": "待检验",
  "lotStatus.accepted": "合格放行",
  "lotStatus.rework": "不合格待返工",
  "lotStatus.withdrawn": "已撤回",

  "stage.normal": "正常检验",
  "stage.tightened": "加严检验",
  "stage.reduced": "放宽检验",
  "stage.discontinued": "暂停检验",

  "defectClass.critical": "致命缺陷",
  "defectClass.major": "严重缺陷",
  "defectClass.minor": "轻微缺陷",
} as const;

export const enSupervision: Record<keyof typeof zhSupervision, string> = {
  "nav.lots": "Export lots",
  "nav.tasks": "Inspection tasks",
  "nav.classes": "Enterprise classes",
  "nav.privileges": "Privileges & lists",
  "nav.video": "Video checks",
  "nav.indicators": "Indicators",
  "breadcrumb.declareLot": "New declaration",
  "breadcrumb.lot": "Declaration",
  "breadcrumb.classRules": "Classification rules",
  "breadcrumb.enterpriseClass": "Enterprise class",

  "class.I": "Class I",
  "class.II": "Class II",
  "class.III": "Class III",
  "class.IV": "Class IV",
  "class.none": "Not classified",

  "mode.verification": "Verification",
  "mode.general": "General",
  "mode.stringent": "Stringent",
  "mode.special": "Special",

  "risk.low": "Low risk",
  "risk.medium": "Medium risk",
  "risk.high": "High risk",

  "lotStatus.released": "Released",
  "lotStatus.awaiting_inspection": "Awaiting inspection",
  "lotStatus.accepted": "Accepted",
  "lotStatus.rework": "Rejected, to rework",
  "lotStatus.withdrawn": "Withdrawn",

  "stage.normal": "Normal",
  "stage.tightened": "Tightened",
  "stage.reduced": "Reduced",
  "stage.discontinued": "Discontinued",

  "defectClass.critical": "Critical",
  "defectClass.major": "Major",
  "defectClass.minor": "Minor",
};
