// Clean-enterprise (清廉民企) management after seed 004: Pinghu's group standard 《民营企业清廉建设管理体系》 has three
// parts (basic requirements, choice of level, introduction guide), is introduced by the enterprise itself or by a
// consultant, embeds integrity requirements into business processes (浙江华盛服饰: 145 processes across production,
// sales, procurement, finance, legal and logistics) and maps corruption risk points with controls (鑫达建设: 82).
// The seed names neither the levels nor the risk points: the four levels, the risk-point indicators per process
// area and all weights are ours, from common integrity-compliance practice. Each indicator says which.
import type { EvaluationSystem } from "../types.ts";
import { authored, DOCUMENTS, file, multi, num, options, single, source, t, ypn } from "./build.ts";

const SEED004 = "seed 004 (Pinghu clean private enterprise system)";
const RISK = authored(
  "typical corruption risk point of the process area, from common integrity-compliance practice",
);
const PRACTICE = authored("common integrity-compliance practice");
const riskPoint = { tags: ["riskPoint"] };

export const CLEAN_ENTERPRISE_SYSTEM: EvaluationSystem = {
  id: "clean-enterprise",
  version: "2024.1",
  name: t("民营企业清廉建设管理评价", "Clean private enterprise management assessment"),
  kind: "integrity",
  status: "published",
  description: t(
    "依据平湖《民营企业清廉建设管理体系》团体标准的结构：体系建设、业务流程嵌入、廉政风险点防控与监督改进；等级与风险点指标由经纬编写。",
    "After the structure of Pinghu's clean private enterprise group standard: system, processes, corruption risk points, supervision; levels and risk-point indicators are Jingwei's.",
  ),
  scoringMethod: "weightedPercent",
  sections: [
    {
      id: "system",
      name: t("体系建设", "Integrity system"),
      weight: 15,
      provenance: source(`${SEED004}: basic requirements, system building`),
      indicators: [
        ypn(
          "ce-leadership",
          t("成立清廉建设领导小组并明确负责人", "An integrity steering group with a named lead"),
          {
            maxPoints: 2,
            weight: 25,
            provenance: PRACTICE,
          },
        ),
        file("ce-documents", t("清廉建设管理体系文件", "Integrity management system documents"), {
          maxPoints: 2,
          weight: 25,
          crucial: true,
          accept: DOCUMENTS,
          guidance: t(
            "可参照《清廉建设管理体系文件示例》编制。",
            "The 《清廉建设管理体系文件示例》 templates may be followed.",
          ),
          provenance: source(`${SEED004}: 《清廉建设管理体系文件示例》 as template`),
        }),
        ypn("ce-code", t("员工廉洁从业行为准则与廉洁承诺书", "Employee integrity code and signed pledges"), {
          maxPoints: 2,
          weight: 25,
          provenance: PRACTICE,
        }),
        single("ce-introduction", t("体系导入方式", "How the system was introduced"), {
          maxPoints: 2,
          weight: 25,
          provenance: source(`${SEED004}: self-introduction or commissioned introduction`),
          options: options([
            ["none", "尚未导入", "not yet", 0],
            ["self", "自主导入", "by the enterprise", 2],
            ["commissioned", "委托导入", "by a commissioned consultant", 2],
          ]),
        }),
      ],
    },
    {
      id: "processes",
      name: t("业务流程嵌入", "Integrity in business processes"),
      weight: 15,
      provenance: source(`${SEED004}: 华盛服饰 embedded integrity into 145 business processes`),
      indicators: [
        num(
          "ce-process-coverage",
          t("已嵌入清廉要求的业务流程占比", "Share of business processes with integrity requirements"),
          {
            maxPoints: 4,
            weight: 40,
            unit: "%",
            min: 0,
            max: 100,
            direction: "higherIsBetter",
            steps: [
              [100, 1],
              [80, 0.7],
              [60, 0.4],
            ],
            guidance: t(
              "示例：浙江华盛服饰将清廉要求植入 145 项业务流程，当年经营管理费用下降 12%。",
              "Example: 浙江华盛服饰 built integrity into 145 processes; its management costs fell 12 % that year.",
            ),
            provenance: source(`${SEED004}: 145 business processes`),
          },
        ),
        multi("ce-process-areas", t("已覆盖的业务领域", "Business areas covered"), {
          maxPoints: 6,
          weight: 30,
          provenance: source(`${SEED004}: production, sales, procurement, finance, legal, logistics`),
          options: options([
            ["production", "生产", "production", 1],
            ["sales", "销售", "sales", 1],
            ["procurement", "采购", "procurement", 1],
            ["finance", "财务", "finance", 1],
            ["legal", "法务", "legal", 1],
            ["logistics", "后勤", "logistics", 1],
          ]),
        }),
        ypn(
          "ce-process-review",
          t("定期评审并更新流程中的清廉要求", "Integrity requirements reviewed and updated regularly"),
          {
            maxPoints: 2,
            weight: 30,
            provenance: source(`${SEED004}: operation monitoring and improvement (运行监测、合理化改善)`),
          },
        ),
      ],
    },
    {
      id: "riskPoints",
      name: t("廉政风险点防控", "Corruption risk points"),
      weight: 20,
      provenance: source(`${SEED004}: 鑫达建设 identified 82 risk points with controls`),
      indicators: [
        ypn(
          "ce-risk-register",
          t("梳理廉政风险点并建立台账", "Corruption risk points identified in a register"),
          {
            maxPoints: 2,
            weight: 30,
            crucial: true,
            guidance: t(
              "示例：鑫达建设梳理出 82 个廉政风险点并制定防控措施。",
              "Example: 鑫达建设 identified 82 risk points, each with controls.",
            ),
            provenance: source(`${SEED004}: 82 risk points`),
          },
        ),
        num("ce-risk-controlled", t("已制定防控措施的风险点占比", "Share of risk points with controls"), {
          maxPoints: 4,
          weight: 40,
          unit: "%",
          min: 0,
          max: 100,
          direction: "higherIsBetter",
          steps: [
            [100, 1],
            [90, 0.7],
            [70, 0.4],
          ],
          provenance: source(`${SEED004}: controls for each risk point`),
        }),
        ypn("ce-risk-graded", t("风险点分级并落实责任人", "Risk points graded with owners"), {
          maxPoints: 2,
          weight: 30,
          provenance: PRACTICE,
        }),
      ],
    },
    {
      id: "procurement",
      name: t("采购环节风险点", "Procurement risk points"),
      weight: 12,
      provenance: source(`${SEED004}: procurement among the process areas`),
      indicators: [
        ypn(
          "rp-pu-competitive",
          t("供应商选择实行招标或比价", "Suppliers chosen by tender or price comparison"),
          {
            maxPoints: 2,
            weight: 40,
            provenance: RISK,
            ...riskPoint,
          },
        ),
        ypn(
          "rp-pu-pledge",
          t("与供应商签订廉洁协议（阳光协议）", "Integrity agreements signed with suppliers"),
          {
            maxPoints: 2,
            weight: 30,
            provenance: RISK,
            ...riskPoint,
          },
        ),
        ypn(
          "rp-pu-separation",
          t("请购、审批、验收岗位分离", "Request, approval and receipt by different people"),
          {
            maxPoints: 2,
            weight: 30,
            provenance: RISK,
            ...riskPoint,
          },
        ),
      ],
    },
    {
      id: "sales",
      name: t("销售环节风险点", "Sales risk points"),
      weight: 8,
      provenance: source(`${SEED004}: sales among the process areas`),
      indicators: [
        ypn("rp-sa-pricing", t("价格与折扣审批权限明确", "Price and discount authority defined"), {
          maxPoints: 2,
          weight: 40,
          provenance: RISK,
          ...riskPoint,
        }),
        ypn(
          "rp-sa-rebates",
          t("返利、佣金依合同入账支付", "Rebates and commissions paid by contract, into accounts"),
          {
            maxPoints: 2,
            weight: 30,
            provenance: RISK,
            ...riskPoint,
          },
        ),
        ypn("rp-sa-credit", t("客户授信经审批", "Customer credit approved"), {
          maxPoints: 2,
          weight: 30,
          provenance: RISK,
          ...riskPoint,
        }),
      ],
    },
    {
      id: "finance",
      name: t("财务环节风险点", "Finance risk points"),
      weight: 10,
      provenance: source(`${SEED004}: finance among the process areas`),
      indicators: [
        ypn(
          "rp-fi-separation",
          t("出纳与会计等不相容岗位分离", "Incompatible duties (cashier, accountant) separated"),
          {
            maxPoints: 2,
            weight: 30,
            provenance: RISK,
            ...riskPoint,
          },
        ),
        ypn("rp-fi-expenses", t("费用报销审批与票据审核", "Expense claims approved and receipts checked"), {
          maxPoints: 2,
          weight: 25,
          provenance: RISK,
          ...riskPoint,
        }),
        ypn("rp-fi-reconcile", t("现金与银行账户定期对账", "Cash and bank accounts reconciled regularly"), {
          maxPoints: 2,
          weight: 25,
          provenance: RISK,
          ...riskPoint,
        }),
        ypn("rp-fi-related", t("关联交易披露并审批", "Related-party transactions disclosed and approved"), {
          maxPoints: 2,
          weight: 20,
          provenance: RISK,
          ...riskPoint,
        }),
      ],
    },
    {
      id: "production",
      name: t("生产环节风险点", "Production risk points"),
      weight: 5,
      provenance: source(`${SEED004}: production among the process areas`),
      indicators: [
        ypn("rp-pr-scrap", t("边角料、废料处置公开并入账", "Offcuts and scrap sold openly and booked"), {
          maxPoints: 2,
          weight: 50,
          provenance: RISK,
          ...riskPoint,
        }),
        ypn(
          "rp-pr-outsourcing",
          t("外发加工厂选择与定价经审批", "Outsourced sewing shops chosen and priced with approval"),
          {
            maxPoints: 2,
            weight: 50,
            provenance: RISK,
            ...riskPoint,
          },
        ),
      ],
    },
    {
      id: "legal",
      name: t("法务环节风险点", "Legal risk points"),
      weight: 5,
      provenance: source(`${SEED004}: legal among the process areas`),
      indicators: [
        ypn("rp-le-contracts", t("合同签订前经法务审核", "Contracts reviewed before signing"), {
          maxPoints: 2,
          weight: 50,
          provenance: RISK,
          ...riskPoint,
        }),
        ypn("rp-le-seals", t("印章使用登记审批", "Company seals used with approval and a log"), {
          maxPoints: 2,
          weight: 50,
          provenance: RISK,
          ...riskPoint,
        }),
      ],
    },
    {
      id: "logistics",
      name: t("后勤环节风险点", "Logistics and facilities risk points"),
      weight: 5,
      provenance: source(`${SEED004}: logistics (后勤) among the process areas`),
      indicators: [
        ypn(
          "rp-lo-canteen",
          t("食堂、宿舍物资采购公开比价", "Canteen and dormitory supplies bought by comparison"),
          {
            maxPoints: 2,
            weight: 50,
            provenance: RISK,
            ...riskPoint,
          },
        ),
        ypn(
          "rp-lo-hospitality",
          t("公务用车与接待费用有标准", "Rules for company cars and hospitality spending"),
          {
            maxPoints: 2,
            weight: 50,
            provenance: RISK,
            ...riskPoint,
          },
        ),
      ],
    },
    {
      id: "supervision",
      name: t("监督与改进", "Supervision and improvement"),
      weight: 5,
      provenance: source(`${SEED004}: operation monitoring and improvement`),
      indicators: [
        ypn(
          "ce-whistleblowing",
          t("设立举报渠道并保护举报人", "A whistle-blowing channel protecting reporters"),
          {
            maxPoints: 2,
            weight: 25,
            provenance: PRACTICE,
          },
        ),
        ypn(
          "ce-training",
          t(
            "开展廉洁教育（如参加清廉民企大讲堂）",
            "Integrity training (e.g. the clean-enterprise lectures)",
          ),
          {
            maxPoints: 2,
            weight: 25,
            provenance: source(`${SEED004}: 清廉民企大讲堂`),
          },
        ),
        ypn("ce-improvement", t("开展运行监测与合理化改善", "Operation monitored and improvements made"), {
          maxPoints: 2,
          weight: 25,
          provenance: source(`${SEED004}: 运行监测、合理化改善`),
        }),
        ypn(
          "ce-no-case",
          t(
            "近三年无经查实的商业贿赂或职务侵占案件",
            "No proven commercial bribery or embezzlement case in three years",
          ),
          {
            maxPoints: 2,
            weight: 25,
            zeroTolerance: true,
            provenance: PRACTICE,
          },
        ),
      ],
    },
  ],
  rating: {
    provenance: authored("the seed mentions graded levels (等级达标) without naming them"),
    levels: [
      { id: "exemplary", name: t("示范级", "Exemplary"), validityMonths: 36 },
      { id: "advanced", name: t("良好级", "Advanced"), validityMonths: 24 },
      { id: "standard", name: t("达标级", "Standard met"), validityMonths: 24 },
      { id: "notMet", name: t("未达标", "Not met"), validityMonths: 12, followUpMonths: 6 },
    ],
    sectionBands: [
      { level: "exemplary", min: 90, max: 100 },
      { level: "advanced", min: 75, max: 90 },
      { level: "standard", min: 60, max: 75 },
      { level: "notMet", min: 0, max: 60 },
    ],
    overall: {
      method: "bands",
      banding: {
        basis: "percent",
        bands: [
          { level: "exemplary", min: 90, max: 100 },
          { level: "advanced", min: 75, max: 90 },
          { level: "standard", min: 60, max: 75 },
          { level: "notMet", min: 0, max: 60 },
        ],
      },
    },
    rules: [
      {
        kind: "zeroTolerance",
        effect: "worstLevel",
        provenance: authored("a proven bribery case bars any level"),
      },
      {
        kind: "crucialFailureCap",
        scope: "overall",
        capAt: "standard",
        provenance: authored("no system documents or risk register: at best standard"),
      },
    ],
  },
};
