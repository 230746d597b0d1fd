// CSC9000T-style social compliance (REFERENCE.md §5; the Pinghu pilot of seed 000). The elements are CSC9000T's;
// CSC9000T publishes no numeric scoring scheme, so indicators, weights, levels and rules are ours unless an
// indicator cites seed 000 (what the pilot tracked: hours, wages paid monthly in full, social insurance) or the law.
import type { EvaluationSystem } from "../types.ts";
import { authored, computed, DOCUMENTS, file, num, source, t, ypn } from "./build.ts";

const ELEMENTS = source("REFERENCE.md §5 (CSC9000T elements, 2008)");
const PRACTICE = authored("common social-audit practice for the CSC9000T element");
const SEED000 = "seed 000 (Pinghu CSC9000T pilot report)";

export const CSC9000T_SYSTEM: EvaluationSystem = {
  id: "csc9000t-style",
  version: "2024.1",
  name: t("CSC9000T 社会责任管理体系评价（平湖试点式）", "CSC9000T-style social compliance assessment"),
  kind: "socialCompliance",
  status: "published",
  description: t(
    "按 CSC9000T 要素组织的社会责任评价；评分、等级与规则由经纬编写（CSC9000T 无公开的数值评分方案）。",
    "Social compliance organised by the CSC9000T elements; scoring, levels and rules are Jingwei's own (CSC9000T publishes no numeric scheme).",
  ),
  scoringMethod: "weightedPercent",
  sections: [
    {
      id: "managementSystem",
      name: t("管理体系", "Management system"),
      weight: 10,
      provenance: ELEMENTS,
      indicators: [
        ypn(
          "ms-policy",
          t("制定并公开社会责任方针与承诺", "Social responsibility policy written and communicated"),
          {
            maxPoints: 2,
            weight: 30,
            provenance: PRACTICE,
          },
        ),
        ypn(
          "ms-representative",
          t("任命社会责任管理者代表并明确职责", "Management representative appointed with defined duties"),
          {
            maxPoints: 2,
            weight: 25,
            provenance: PRACTICE,
          },
        ),
        ypn(
          "ms-internal-audit",
          t(
            "配备内审员，定期开展内部审核与管理评审",
            "Internal auditors appointed; internal audits and management reviews held",
          ),
          {
            maxPoints: 2,
            weight: 25,
            provenance: source(`${SEED000}: 2009 meeting of the CSC9000T enterprises' internal auditors`),
          },
        ),
        file("ms-manual", t("社会责任管理手册及程序文件", "Social responsibility manual and procedures"), {
          maxPoints: 2,
          weight: 20,
          accept: DOCUMENTS,
          provenance: PRACTICE,
        }),
      ],
    },
    {
      id: "discrimination",
      name: t("歧视", "Discrimination"),
      weight: 8,
      provenance: ELEMENTS,
      indicators: [
        ypn(
          "di-hiring",
          t(
            "招聘、晋升、解雇不因性别、民族、户籍、婚育等歧视",
            "No discrimination by gender, ethnicity, household registration or family status in hiring, promotion or dismissal",
          ),
          {
            maxPoints: 2,
            weight: 40,
            provenance: PRACTICE,
          },
        ),
        ypn(
          "di-equal-pay",
          t(
            "同工同酬，外地员工与本地员工同等对待",
            "Equal pay for equal work; migrant and local workers treated alike",
          ),
          {
            maxPoints: 2,
            weight: 35,
            provenance: source(`${SEED000}: "外地员工和本地员工同等对待"`),
          },
        ),
        ypn(
          "di-pregnancy",
          t("不进行妊娠检测，不因怀孕辞退", "No pregnancy tests; no dismissal for pregnancy"),
          {
            maxPoints: 2,
            weight: 25,
            provenance: PRACTICE,
          },
        ),
      ],
    },
    {
      id: "unions",
      name: t("工会组织与集体谈判", "Trade unions and collective bargaining"),
      weight: 8,
      provenance: ELEMENTS,
      indicators: [
        ypn(
          "un-union",
          t("建立工会或经选举产生的员工代表", "A trade union or elected worker representatives exist"),
          {
            maxPoints: 2,
            weight: 40,
            provenance: PRACTICE,
          },
        ),
        ypn(
          "un-collective",
          t("签订集体合同或开展工资集体协商", "Collective contract or collective wage consultation"),
          {
            maxPoints: 2,
            weight: 30,
            provenance: PRACTICE,
          },
        ),
        ypn("un-grievance", t("设有员工申诉渠道并有处理记录", "Grievance channel with records of handling"), {
          maxPoints: 2,
          weight: 30,
          provenance: PRACTICE,
        }),
      ],
    },
    {
      id: "childLabour",
      name: t("童工和未成年工", "Child labour and juvenile workers"),
      weight: 10,
      provenance: ELEMENTS,
      indicators: [
        ypn("cl-none", t("无未满 16 周岁的员工", "No worker under 16"), {
          maxPoints: 2,
          weight: 50,
          zeroTolerance: true,
          provenance: authored(
            "Labour Law art. 15 (minimum age 16); zero tolerance as in amfori BSCI (REFERENCE.md §5)",
          ),
        }),
        ypn(
          "cl-age-check",
          t("入职核验身份证件并留存复印件", "Age verified from identity documents at hiring, copies kept"),
          {
            maxPoints: 2,
            weight: 25,
            provenance: PRACTICE,
          },
        ),
        ypn(
          "cl-juvenile",
          t(
            "未成年工登记、体检，不从事夜班及有害作业",
            "Juvenile workers registered, health-checked, kept from night and hazardous work",
          ),
          {
            maxPoints: 2,
            weight: 25,
            allowNotApplicable: true,
            provenance: PRACTICE,
          },
        ),
      ],
    },
    {
      id: "forcedLabour",
      name: t("强迫或强制劳动", "Forced or compulsory labour"),
      weight: 10,
      provenance: ELEMENTS,
      indicators: [
        ypn(
          "fl-none",
          t(
            "不扣押身份证件、不收押金、不限制人身自由",
            "No retention of identity documents, no deposits, no restriction of movement",
          ),
          {
            maxPoints: 2,
            weight: 60,
            zeroTolerance: true,
            provenance: authored("zero tolerance as in amfori BSCI (REFERENCE.md §5)"),
          },
        ),
        ypn(
          "fl-voluntary-overtime",
          t("加班自愿，可拒绝加班且不受处罚", "Overtime is voluntary and may be refused without penalty"),
          {
            maxPoints: 2,
            weight: 20,
            provenance: PRACTICE,
          },
        ),
        ypn(
          "fl-resign",
          t("员工可依法辞职，工资按时结清", "Workers may resign lawfully and are paid off on time"),
          {
            maxPoints: 2,
            weight: 20,
            provenance: PRACTICE,
          },
        ),
      ],
    },
    {
      id: "contract",
      name: t("劳动合同", "Employment contract"),
      weight: 8,
      provenance: ELEMENTS,
      indicators: [
        num("ec-signed", t("书面劳动合同签订率", "Share of workers with a written contract"), {
          maxPoints: 4,
          weight: 50,
          unit: "%",
          min: 0,
          max: 100,
          direction: "higherIsBetter",
          steps: [
            [100, 1],
            [95, 0.5],
            [90, 0.25],
          ],
          crucial: true,
          provenance: authored("Labour Contract Law art. 10 (written contract within one month)"),
        }),
        ypn("ec-copy", t("劳动合同一式两份，员工持有一份", "Each worker holds a copy of the contract"), {
          maxPoints: 2,
          weight: 25,
          provenance: PRACTICE,
        }),
        ypn("ec-probation", t("试用期符合法定期限", "Probation within the statutory limits"), {
          maxPoints: 2,
          weight: 25,
          provenance: authored("Labour Contract Law art. 19"),
        }),
      ],
    },
    {
      id: "workingHours",
      name: t("工作时间", "Working hours"),
      weight: 12,
      provenance: ELEMENTS,
      indicators: [
        computed("wh-monthly-average", t("月平均工作时间", "Average monthly working hours"), {
          maxPoints: 10,
          weight: 35,
          metric: "labour.averageMonthlyHours",
          unit: "h",
          direction: "lowerIsBetter",
          steps: [
            [210, 1],
            [250, 0.7],
            [280, 0.4],
            [300, 0.2],
          ],
          guidance: t(
            "试点企业月平均工时从 320–350 小时降至 280–300 小时，再降至 250–280 小时；法定 174 小时加 36 小时加班为 210 小时。",
            "The pilot enterprises went from 320–350 h a month to 280–300 h, then 250–280 h; 174 h standard plus 36 h overtime is 210 h.",
          ),
          provenance: source(`${SEED000}: monthly hours curve; thresholds from Labour Law art. 36/41`),
        }),
        computed(
          "wh-overtime-36h",
          t("月加班超过 36 小时的人月占比", "Share of worker-months with more than 36 h overtime"),
          {
            maxPoints: 10,
            weight: 30,
            metric: "labour.monthlyOvertimeOver36h",
            unit: "%",
            direction: "lowerIsBetter",
            steps: [
              [0, 1],
              [5, 0.6],
              [15, 0.3],
            ],
            crucial: true,
            provenance: authored("Labour Law art. 41 (36 h a month); REFERENCE.md §6"),
          },
        ),
        computed(
          "wh-rest-day",
          t("连续工作 7 天及以上的员工占比", "Share of workers with no day of rest in seven"),
          {
            maxPoints: 10,
            weight: 20,
            metric: "labour.restDayBreaches",
            unit: "%",
            direction: "lowerIsBetter",
            steps: [
              [0, 1],
              [5, 0.5],
            ],
            provenance: source(`${SEED000}: "基本做到每周休息一天"; Labour Law art. 38`),
          },
        ),
        ypn("wh-records", t("考勤记录完整、真实", "Complete and genuine time records"), {
          maxPoints: 2,
          weight: 15,
          provenance: PRACTICE,
        }),
      ],
    },
    {
      id: "wages",
      name: t("薪酬与福利", "Wages and welfare"),
      weight: 12,
      provenance: ELEMENTS,
      indicators: [
        ypn(
          "wg-monthly-full",
          t("工资每月以货币形式足额按时发放", "Wages paid monthly, in money, in full and on time"),
          {
            maxPoints: 2,
            weight: 25,
            crucial: true,
            provenance: source(`${SEED000}: "每月及时足额以货币形式发放工资"`),
          },
        ),
        computed(
          "wg-minimum",
          t("低于当地最低工资的人月占比", "Share of worker-months paid below the minimum wage"),
          {
            maxPoints: 10,
            weight: 20,
            metric: "labour.minimumWageShortfalls",
            unit: "%",
            direction: "lowerIsBetter",
            steps: [[0, 1]],
            provenance: authored("Zhejiang minimum wage (REFERENCE.md §6)"),
          },
        ),
        computed(
          "wg-overtime-pay",
          t(
            "加班工资低于 150/200/300% 的人月占比",
            "Share of worker-months with overtime paid below 150/200/300 %",
          ),
          {
            maxPoints: 10,
            weight: 15,
            metric: "labour.overtimePayShortfalls",
            unit: "%",
            direction: "lowerIsBetter",
            steps: [
              [0, 1],
              [5, 0.4],
            ],
            provenance: authored("Labour Law art. 44 (REFERENCE.md §6)"),
          },
        ),
        computed("wg-social-insurance", t("社会保险参保率", "Social insurance coverage"), {
          maxPoints: 10,
          weight: 25,
          metric: "labour.socialInsuranceCoverage",
          unit: "%",
          direction: "higherIsBetter",
          steps: [
            [100, 1],
            [90, 0.7],
            [70, 0.4],
          ],
          provenance: source(`${SEED000}: social insurance, one of the three issues workers care most about`),
        }),
        ypn(
          "wg-posted",
          t("公开薪酬制度并公布最低工资标准", "Pay system communicated and the minimum wage posted"),
          {
            maxPoints: 2,
            weight: 15,
            provenance: source(`${SEED000}: "明确传达了合法的薪酬制度，及时公布最低工资标准"`),
          },
        ),
      ],
    },
    {
      id: "harassment",
      name: t("骚扰与虐待", "Harassment and abuse"),
      weight: 6,
      provenance: ELEMENTS,
      indicators: [
        ypn(
          "ha-policy",
          t(
            "禁止体罚、辱骂及性骚扰并有书面制度",
            "Written ban on corporal punishment, verbal abuse and sexual harassment",
          ),
          {
            maxPoints: 2,
            weight: 40,
            provenance: PRACTICE,
          },
        ),
        ypn("ha-fines", t("不以罚款作为纪律处分手段", "No fines as a disciplinary measure"), {
          maxPoints: 2,
          weight: 30,
          provenance: PRACTICE,
        }),
        ypn(
          "ha-interviews",
          t("员工访谈未反映骚扰或虐待", "Worker interviews report no harassment or abuse"),
          {
            maxPoints: 2,
            weight: 30,
            provenance: PRACTICE,
          },
        ),
      ],
    },
    {
      id: "ohs",
      name: t("职业健康与安全", "Occupational health and safety"),
      weight: 12,
      provenance: ELEMENTS,
      indicators: [
        ypn(
          "oh-exits",
          t(
            "安全出口畅通、未上锁，消防设施有效",
            "Emergency exits clear and unlocked; fire equipment working",
          ),
          {
            maxPoints: 2,
            weight: 30,
            crucial: true,
            provenance: PRACTICE,
          },
        ),
        num("oh-drills", t("近 12 个月消防演练次数", "Fire drills in the last 12 months"), {
          maxPoints: 2,
          weight: 20,
          unit: "count",
          min: 0,
          integer: true,
          direction: "higherIsBetter",
          steps: [
            [2, 1],
            [1, 0.5],
          ],
          provenance: PRACTICE,
        }),
        ypn(
          "oh-ppe",
          t("按岗位配备劳动防护用品并培训", "Protective equipment issued per job, with training"),
          {
            maxPoints: 2,
            weight: 25,
            provenance: PRACTICE,
          },
        ),
        ypn(
          "oh-dormitory",
          t("员工宿舍安全、卫生，与生产区隔离", "Dormitories safe, clean and separate from production"),
          {
            maxPoints: 2,
            weight: 25,
            allowNotApplicable: true,
            provenance: source(
              `${SEED000}: free dormitories are among the pilot enterprises' welfare measures`,
            ),
          },
        ),
      ],
    },
    {
      id: "environment",
      name: t("环境保护", "Environment"),
      weight: 4,
      provenance: source("REFERENCE.md §5: an 11th element, probably environment", false),
      indicators: [
        ypn(
          "en-permits",
          t(
            "持有排污许可，废水废气达标排放",
            "Discharge permits held; effluents and emissions within limits",
          ),
          {
            maxPoints: 2,
            weight: 60,
            provenance: PRACTICE,
          },
        ),
        ypn("en-energy", t("开展节能减排项目", "Energy-saving and emission-reduction projects"), {
          maxPoints: 2,
          weight: 40,
          provenance: source(
            `${SEED000}: 2011 launch of energy saving and emission reduction in the CSC9000T enterprises`,
          ),
        }),
      ],
    },
  ],
  rating: {
    provenance: authored(
      "CSC9000T has no public numeric scheme; levels mirror the pilot's pass at re-assessment",
    ),
    levels: [
      { id: "compliant", name: t("符合（执行企业）", "Compliant"), validityMonths: 36 },
      {
        id: "conditional",
        name: t("有条件符合", "Conditionally compliant"),
        validityMonths: 12,
        followUpMonths: 6,
      },
      { id: "nonCompliant", name: t("不符合", "Non-compliant"), validityMonths: 12, followUpMonths: 3 },
    ],
    sectionBands: [
      { level: "compliant", min: 80, max: 100 },
      { level: "conditional", min: 60, max: 80 },
      { level: "nonCompliant", min: 0, max: 60 },
    ],
    overall: {
      method: "bands",
      banding: {
        basis: "percent",
        bands: [
          { level: "compliant", min: 80, max: 100 },
          { level: "conditional", min: 60, max: 80 },
          { level: "nonCompliant", min: 0, max: 60 },
        ],
      },
    },
    rules: [
      {
        kind: "zeroTolerance",
        effect: "worstLevel",
        provenance: authored("as amfori BSCI: child and forced labour"),
      },
      { kind: "crucialFailureCap", scope: "overall", capAt: "conditional", provenance: authored() },
      {
        kind: "sectionLevelShareCap",
        atOrWorse: "nonCompliant",
        minCount: 3,
        capAt: "conditional",
        provenance: authored("three or more non-compliant elements bar a compliant rating"),
      },
    ],
  },
};
