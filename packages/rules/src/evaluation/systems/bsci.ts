// amfori-BSCI-style rating (REFERENCE.md §5): the 13 performance areas, yes / partially / no questions, areas
// rated A–E on the unofficial percentage bands, the overall rating from the count of area ratings, and zero
// tolerance. The areas, bands, ladder and zero-tolerance cases are REFERENCE's; the questions are ours (amfori's
// questionnaire is not public), written from the area titles and common audit practice.
import type { EvaluationSystem, Indicator, Section } from "../types.ts";
import { authored, source, t, ypn } from "./build.ts";

const REF = "REFERENCE.md §5 (amfori BSCI)";
const AREA = source(`${REF}: performance area`);
const QUESTION = authored("question written from the amfori BSCI area title and common audit practice");
const ZERO = source(`${REF}: zero-tolerance case`);

/** Every question scores yes 2, partially 1, no 0. */
function q(
  id: string,
  zh: string,
  en: string,
  flags: { crucial?: boolean; zeroTolerance?: boolean; allowNotApplicable?: boolean; tags?: string[] } = {},
): Indicator {
  return ypn(id, t(zh, en), {
    maxPoints: 2,
    partialPoints: 1,
    provenance: flags.zeroTolerance ? ZERO : QUESTION,
    ...flags,
  });
}

function area(n: number, id: string, zh: string, en: string, indicators: Indicator[]): Section {
  return { id, name: t(`${n}. ${zh}`, `${n}. ${en}`), provenance: AREA, indicators };
}

export const BSCI_SYSTEM: EvaluationSystem = {
  id: "bsci-style",
  version: "2024.1",
  name: t(
    "amfori BSCI 式社会责任评级（13 个绩效领域）",
    "amfori-BSCI-style social audit (13 performance areas)",
  ),
  kind: "socialCompliance",
  status: "published",
  description: t(
    "13 个绩效领域按“是/部分/否”评分，各领域评 A–E，总体评级按领域评级数量确定；零容忍问题一票否决。问题由经纬编写。",
    "13 performance areas answered yes / partially / no, each rated A–E; the overall rating follows from the count of area ratings; zero tolerance overrides. Questions are Jingwei's.",
  ),
  scoringMethod: "pointsSum",
  sections: [
    area(1, "socialManagement", "社会管理体系与级联效应", "Social management system and cascade effect", [
      q(
        "pa01-commitment",
        "管理层书面承诺遵守行为准则并配置资源",
        "Management commits in writing to the code of conduct and assigns resources",
        { crucial: true },
      ),
      q(
        "pa01-responsible",
        "指定负责人并定期评审社会绩效",
        "A responsible person reviews social performance regularly",
      ),
      q(
        "pa01-cascade",
        "向商业伙伴（供应商、分包商）传达要求并监督",
        "Business partners (suppliers, subcontractors) are informed and monitored",
      ),
    ]),
    area(2, "workerInvolvement", "工人参与和保护", "Workers' involvement and protection", [
      q("pa02-informed", "工人接受权利与义务培训", "Workers are trained on their rights and duties"),
      q(
        "pa02-grievance",
        "设有保密、无报复的申诉机制",
        "A confidential grievance mechanism without retaliation",
      ),
      q(
        "pa02-representation",
        "工人代表参与安全与申诉事务",
        "Worker representatives take part in safety and grievance matters",
      ),
    ]),
    area(
      3,
      "freedomOfAssociation",
      "结社自由与集体谈判",
      "Freedom of association and collective bargaining",
      [
        q("pa03-join", "工人可自由组建和参加工会", "Workers may form and join trade unions freely"),
        q(
          "pa03-no-retaliation",
          "工人代表不受歧视或报复",
          "Worker representatives suffer no discrimination or retaliation",
        ),
        q(
          "pa03-bargaining",
          "尊重集体谈判并执行集体合同",
          "Collective bargaining respected and agreements applied",
        ),
      ],
    ),
    area(4, "noDiscrimination", "不歧视", "No discrimination", [
      q("pa04-hiring", "招聘、薪酬、晋升无歧视", "No discrimination in hiring, pay or promotion", {
        crucial: true,
      }),
      q("pa04-pregnancy", "不做妊娠检测，不因怀孕解雇", "No pregnancy tests, no dismissal for pregnancy"),
      q("pa04-equal-pay", "同工同酬", "Equal pay for work of equal value"),
    ]),
    area(5, "fairRemuneration", "公平报酬", "Fair remuneration", [
      q("pa05-minimum", "工资不低于法定最低工资", "Wages at least the legal minimum", { crucial: true }),
      q("pa05-overtime-premium", "加班按法定标准支付加班工资", "Overtime paid at the legal premium"),
      q("pa05-payslip", "按时支付工资并提供工资条", "Wages paid on time with a payslip"),
      q("pa05-social-insurance", "依法缴纳社会保险", "Social insurance paid as the law requires"),
    ]),
    area(6, "decentHours", "体面工作时间", "Decent working hours", [
      q(
        "pa06-overtime-limit",
        "加班不超过法定上限（每月 36 小时）",
        "Overtime within the legal limit (36 h a month)",
        { crucial: true },
      ),
      q("pa06-rest-day", "每七天至少休息一天", "At least one day off in seven"),
      q("pa06-records", "工时记录真实完整", "Genuine and complete time records"),
    ]),
    area(7, "ohs", "职业健康与安全", "Occupational health and safety", [
      q(
        "pa07-imminent-danger",
        "不存在危及工人生命、健康或安全的紧迫危险",
        "No imminent danger to workers' life, health or safety",
        { zeroTolerance: true },
      ),
      q("pa07-fire", "消防设施有效、通道畅通", "Fire equipment working, escape routes clear", {
        crucial: true,
      }),
      q("pa07-ppe", "配备个人防护用品并培训", "Personal protective equipment issued, with training"),
      q("pa07-first-aid", "急救设施与受训急救人员", "First-aid equipment and trained first-aiders"),
    ]),
    area(8, "noChildLabour", "禁止童工", "No child labour", [
      q("pa08-no-child", "无童工", "No child labour", { zeroTolerance: true }),
      q("pa08-age-check", "有效的年龄核验程序", "An effective age-verification procedure"),
    ]),
    area(9, "youngWorkers", "对青年工人的特殊保护", "Special protection for young workers", [
      q(
        "pa09-hazardous",
        "青年工人不从事夜班及危险作业",
        "Young workers kept from night and hazardous work",
        { allowNotApplicable: true },
      ),
      q("pa09-register", "青年工人登记并定期体检", "Young workers registered and health-checked", {
        allowNotApplicable: true,
      }),
    ]),
    area(10, "noPrecarious", "无不稳定就业", "No precarious employment", [
      q("pa10-contracts", "所有工人签订书面劳动合同", "Every worker has a written contract", {
        crucial: true,
      }),
      q(
        "pa10-agency",
        "劳务派遣与外包用工合法（派遣不超过 10%）",
        "Agency and outsourced labour lawful (dispatch at most 10 %)",
      ),
      q("pa10-probation", "不滥用试用期、实习生或学徒", "No abuse of probation, interns or apprentices"),
    ]),
    area(11, "noBondedLabour", "禁止抵债劳动", "No bonded labour", [
      q("pa11-no-bonded", "无抵债、强迫或监狱劳动", "No bonded, forced or prison labour", {
        zeroTolerance: true,
      }),
      q("pa11-documents", "不扣押证件、不收押金", "No retained identity documents or deposits"),
      q("pa11-freedom", "工人可自由辞职和离开厂区", "Workers may resign and leave the premises freely"),
    ]),
    area(12, "environment", "环境保护", "Protection of the environment", [
      q("pa12-permits", "持有环保许可并达标排放", "Environmental permits held; discharges within limits"),
      q("pa12-chemicals", "化学品与废弃物妥善管理", "Chemicals and waste managed safely"),
      q("pa12-resources", "监测能源与水资源消耗", "Energy and water use monitored"),
    ]),
    area(13, "ethicalBusiness", "商业道德行为", "Ethical business behaviour", [
      q(
        "pa13-no-bribery",
        "无贿赂、欺诈等不道德行为（含对审核员）",
        "No bribery, fraud or other unethical behaviour (including towards auditors)",
        { zeroTolerance: true },
      ),
      q("pa13-records", "无双重账簿或虚假记录", "No double books or falsified records", { crucial: true }),
      q("pa13-policy", "制定反腐败制度并培训", "Anti-corruption policy with training"),
    ]),
  ],
  rating: {
    provenance: source(`${REF}: A–E areas, overall from area counts (bands unofficial)`, false),
    levels: [
      { id: "A", name: t("A（很好）", "A (very good)"), validityMonths: 24, provenance: source(REF) },
      { id: "B", name: t("B（好）", "B (good)"), validityMonths: 24, provenance: source(REF) },
      {
        id: "C",
        name: t("C（可接受）", "C (acceptable)"),
        validityMonths: 12,
        followUpMonths: 12,
        provenance: source(`${REF}: follow-up within 12 months; validity ours`),
      },
      {
        id: "D",
        name: t("D（不足）", "D (insufficient)"),
        validityMonths: 12,
        followUpMonths: 12,
        provenance: authored("follow-up period as for C"),
      },
      {
        id: "E",
        name: t("E（不可接受）", "E (unacceptable)"),
        validityMonths: 12,
        followUpMonths: 12,
        provenance: authored("follow-up period as for C"),
      },
    ],
    // REFERENCE gives whole percentages (A 86–100, B 71–85, C 51–70, D 30–50, E 0–29); as half-open bands a
    // fractional 85.5 % stays B and 50.5 % stays D.
    sectionBands: [
      { level: "A", min: 86, max: 100 },
      { level: "B", min: 71, max: 86 },
      { level: "C", min: 51, max: 71 },
      { level: "D", min: 30, max: 51 },
      { level: "E", min: 0, max: 30 },
    ],
    overall: {
      method: "sectionLevels",
      ladder: [
        {
          level: "A",
          when: [
            { levels: ["A"], atLeast: 7 },
            { levels: ["C", "D", "E"], atMost: 0 },
          ],
        },
        {
          level: "B",
          when: [
            { levels: ["C"], atMost: 3 },
            { levels: ["D", "E"], atMost: 0 },
          ],
        },
        {
          level: "C",
          when: [
            { levels: ["D"], atMost: 2 },
            { levels: ["E"], atMost: 0 },
          ],
        },
        { level: "D", when: [{ levels: ["E"], atMost: 6 }] },
      ],
      otherwise: "E",
    },
    rules: [
      {
        kind: "zeroTolerance",
        effect: "worstLevel",
        provenance: authored(
          `${REF} says zero tolerance → no rating, immediate action; we record E so E-rating signals fire (set effect "noRating" for the literal rule)`,
        ),
      },
      {
        kind: "crucialFailureCap",
        scope: "section",
        capAt: "C",
        provenance: authored("a crucial question answered no caps its area at C"),
      },
    ],
  },
};
