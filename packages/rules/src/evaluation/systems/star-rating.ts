// Enterprise management star rating after seed 003: Cixi rated 208 enterprises under the 《宁波市企业管理创新提升
// 星级评价指南（试行）》 on 11 categories and 44 indicators, culture building (文化建设) being one of them. The seed
// names only that category and the counts; the other ten categories, all 44 indicators, the 1000-point scale and
// the star bands are ours, drawn from common enterprise-management assessment practice and the policy themes the
// seed lists (standards, specialisation, e-commerce and brands, skills, smart manufacturing). Each says so.
import type { EvaluationSystem } from "../types.ts";
import { authored, computed, DOCUMENTS, file, multi, num, options, single, source, t, ypn } from "./build.ts";

const SEED003 = "seed 003 (Cixi reply on the management star rating)";
const CATEGORY = authored("category written from common enterprise-management assessment practice");
const PRACTICE = authored("common enterprise-management assessment practice");
const theme = (where: string) => authored(`${SEED003} ${where}`);

export const STAR_RATING_SYSTEM: EvaluationSystem = {
  id: "management-star-rating",
  version: "2024.1",
  name: t("企业管理创新提升星级评价", "Enterprise management star rating"),
  kind: "managementRating",
  status: "published",
  description: t(
    "11 个大类 44 个指标，满分 1000 分，评一至五星。“企业文化建设”大类及指标数量来自种子文档 003，其余大类与全部指标由经纬编写。",
    "11 categories, 44 indicators, 1000 points, one to five stars. The culture-building category and the counts come from seed 003; the other categories and all indicators are Jingwei's.",
  ),
  scoringMethod: "pointsSum",
  sections: [
    {
      id: "strategy",
      name: t("战略管理", "Strategy"),
      provenance: CATEGORY,
      indicators: [
        single("st-plan", t("发展战略规划", "Development strategy"), {
          maxPoints: 25,
          provenance: PRACTICE,
          options: options([
            ["none", "无", "none", 0],
            ["oral", "仅有口头目标", "spoken goals only", 5],
            ["written", "有书面三年以上规划", "written plan of three years or more", 15],
            ["cascaded", "书面规划并分解为年度目标", "written plan cascaded into annual goals", 25],
          ]),
        }),
        ypn("st-targets", t("年度经营目标分解与绩效考核", "Annual targets broken down and appraised"), {
          maxPoints: 25,
          provenance: PRACTICE,
        }),
        ypn(
          "st-focus",
          t("专注主业，走专精特新道路", "Focus on the core business (specialised and innovative)"),
          {
            maxPoints: 20,
            provenance: theme("preamble: small firms focus on their core business"),
          },
        ),
        ypn("st-risk", t("建立风险管理与内部控制制度", "Risk management and internal control in place"), {
          maxPoints: 20,
          provenance: PRACTICE,
        }),
      ],
    },
    {
      id: "governance",
      name: t("公司治理与组织", "Governance and organisation"),
      provenance: CATEGORY,
      indicators: [
        ypn(
          "go-charter",
          t("章程完善，股东会、董事会、监事会规范运作", "Articles and governing bodies work as they should"),
          {
            maxPoints: 25,
            provenance: PRACTICE,
          },
        ),
        ypn(
          "go-structure",
          t("组织架构清晰，岗位职责明确", "Clear organisation chart and job descriptions"),
          {
            maxPoints: 25,
            provenance: PRACTICE,
          },
        ),
        file("go-rules", t("管理制度汇编", "Compiled management rules"), {
          maxPoints: 20,
          accept: DOCUMENTS,
          provenance: PRACTICE,
        }),
        ypn(
          "go-compliance",
          t("近三年无重大违法违规记录", "No serious legal violation in the last three years"),
          {
            maxPoints: 20,
            crucial: true,
            provenance: PRACTICE,
          },
        ),
      ],
    },
    {
      id: "people",
      name: t("人力资源管理", "Human resources"),
      provenance: CATEGORY,
      indicators: [
        num("hr-contracts", t("劳动合同签订率", "Share of workers with a written contract"), {
          maxPoints: 25,
          unit: "%",
          min: 0,
          max: 100,
          direction: "higherIsBetter",
          steps: [
            [100, 1],
            [95, 0.6],
            [90, 0.3],
          ],
          provenance: PRACTICE,
        }),
        num("hr-training", t("员工年人均培训学时", "Training hours per employee per year"), {
          maxPoints: 25,
          unit: "h",
          min: 0,
          direction: "higherIsBetter",
          steps: [
            [40, 1],
            [24, 0.6],
            [8, 0.3],
          ],
          provenance: theme("§三(二): training of skilled workers"),
        }),
        ypn(
          "hr-skills",
          t(
            "技能人才培养（新型学徒制、首席工人等）",
            "Skilled-worker development (new apprenticeships, chief workers)",
          ),
          {
            maxPoints: 20,
            provenance: theme("§三(二): 新型学徒制, 首席工人"),
          },
        ),
        computed("hr-social-insurance", t("社会保险参保率", "Social insurance coverage"), {
          maxPoints: 20,
          metric: "labour.socialInsuranceCoverage",
          unit: "%",
          direction: "higherIsBetter",
          steps: [
            [100, 1],
            [90, 0.6],
            [70, 0.3],
          ],
          provenance: PRACTICE,
        }),
      ],
    },
    {
      id: "finance",
      name: t("财务管理", "Financial management"),
      provenance: CATEGORY,
      indicators: [
        ypn("fi-accounting", t("财务制度健全，会计核算规范", "Sound financial rules and accounting"), {
          maxPoints: 25,
          provenance: PRACTICE,
        }),
        ypn("fi-budget", t("实行全面预算管理", "Comprehensive budgeting"), {
          maxPoints: 25,
          provenance: PRACTICE,
        }),
        ypn("fi-cost", t("成本核算与成本控制", "Cost accounting and control"), {
          maxPoints: 20,
          provenance: PRACTICE,
        }),
        file("fi-audit", t("上年度审计报告", "Last year's audit report"), {
          maxPoints: 20,
          accept: [".pdf"],
          provenance: PRACTICE,
        }),
      ],
    },
    {
      id: "production",
      name: t("生产与现场管理", "Production and shop floor"),
      provenance: CATEGORY,
      indicators: [
        ypn("pr-7s", t("推行 6S/7S 现场管理", "6S/7S workplace organisation"), {
          maxPoints: 25,
          provenance: source("seed 000: 7S improvements at 平湖华城茂麓制衣 (SCORE project)"),
        }),
        ypn("pr-equipment", t("设备台账与预防性维护", "Equipment register and preventive maintenance"), {
          maxPoints: 25,
          provenance: PRACTICE,
        }),
        ypn("pr-lean", t("精益生产与效率改善", "Lean production and efficiency improvement"), {
          maxPoints: 20,
          provenance: PRACTICE,
        }),
        single("pr-safety-standard", t("安全生产标准化等级", "Work-safety standardisation grade"), {
          maxPoints: 20,
          provenance: PRACTICE,
          options: options([
            ["none", "未达标", "none", 0],
            ["grade3", "三级", "grade 3", 10],
            ["grade2", "二级", "grade 2", 15],
            ["grade1", "一级", "grade 1", 20],
          ]),
        }),
      ],
    },
    {
      id: "quality",
      name: t("质量管理", "Quality management"),
      provenance: CATEGORY,
      indicators: [
        multi("qu-certificates", t("管理体系认证与品牌认证", "Management-system and brand certifications"), {
          maxPoints: 25,
          provenance: theme("§一(一): 浙江制造 brand certification"),
          options: options([
            ["iso9001", "ISO 9001", "ISO 9001", 10],
            ["iso14001", "ISO 14001", "ISO 14001", 5],
            ["iso45001", "ISO 45001", "ISO 45001", 5],
            ["zhejiangMade", "“浙江制造”认证", "Made in Zhejiang", 10],
          ]),
        }),
        num("qu-pass-rate", t("产品出厂检验合格率", "Outgoing inspection pass rate"), {
          maxPoints: 25,
          unit: "%",
          min: 0,
          max: 100,
          direction: "higherIsBetter",
          steps: [
            [99.5, 1],
            [98, 0.6],
            [95, 0.3],
          ],
          provenance: PRACTICE,
        }),
        ypn("qu-traceability", t("产品质量可追溯", "Product traceability"), {
          maxPoints: 20,
          provenance: PRACTICE,
        }),
        ypn(
          "qu-complaints",
          t("顾客投诉处理与纠正措施", "Customer complaints handled with corrective action"),
          {
            maxPoints: 20,
            provenance: PRACTICE,
          },
        ),
      ],
    },
    {
      id: "innovation",
      name: t("技术创新与标准化", "Innovation and standards"),
      provenance: CATEGORY,
      indicators: [
        num("in-rd-share", t("研发投入占营业收入比例", "R&D spending as a share of revenue"), {
          maxPoints: 25,
          unit: "%",
          min: 0,
          max: 100,
          direction: "higherIsBetter",
          steps: [
            [3, 1],
            [2, 0.6],
            [1, 0.3],
          ],
          provenance: PRACTICE,
        }),
        num("in-patents", t("有效专利数", "Patents in force"), {
          maxPoints: 20,
          unit: "count",
          min: 0,
          integer: true,
          direction: "higherIsBetter",
          steps: [
            [10, 1],
            [3, 0.6],
            [1, 0.3],
          ],
          provenance: PRACTICE,
        }),
        single(
          "in-standards",
          t("参与制定标准的最高级别", "Highest level of standards the enterprise helped write"),
          {
            maxPoints: 25,
            provenance: theme("§一: rewards for international, national, industry and group standards"),
            options: options([
              ["none", "未参与", "none", 0],
              ["enterprise", "企业标准（自我声明公开）", "enterprise standard (self-declared)", 5],
              ["group", "团体标准", "group standard", 15],
              ["industry", "行业标准", "industry standard", 20],
              ["national", "国家或国际标准", "national or international standard", 25],
            ]),
          },
        ),
        ypn(
          "in-rd-centre",
          t("设有研发机构（企业技术中心等）", "An R&D unit (enterprise technology centre)"),
          {
            maxPoints: 20,
            provenance: PRACTICE,
          },
        ),
      ],
    },
    {
      id: "marketing",
      name: t("市场营销与品牌", "Marketing and brand"),
      provenance: CATEGORY,
      indicators: [
        ypn("mk-brand", t("拥有自主品牌与注册商标", "Own brand and registered trademarks"), {
          maxPoints: 25,
          provenance: theme("§五(一): brand strategy and trademarks"),
        }),
        ypn(
          "mk-ecommerce",
          t("开展电商或跨境电商销售", "Sells through e-commerce or cross-border e-commerce"),
          {
            maxPoints: 20,
            provenance: theme("§二: e-commerce and the dual circulation"),
          },
        ),
        ypn("mk-domestic", t("内外贸一体化经营", "Sells both at home and abroad"), {
          maxPoints: 20,
          provenance: theme("§二(三): integrated domestic and foreign trade"),
        }),
        ypn("mk-satisfaction", t("开展客户满意度调查并改进", "Customer satisfaction surveyed and acted on"), {
          maxPoints: 25,
          provenance: PRACTICE,
        }),
      ],
    },
    {
      id: "digital",
      name: t("信息化与智能制造", "Digitalisation and smart manufacturing"),
      provenance: CATEGORY,
      indicators: [
        multi("dg-systems", t("应用的信息系统", "Information systems in use"), {
          maxPoints: 25,
          provenance: PRACTICE,
          options: options([
            ["erp", "ERP", "ERP", 10],
            ["mes", "MES", "MES", 8],
            ["wms", "WMS", "WMS", 4],
            ["crm", "CRM", "CRM", 3],
          ]),
        }),
        ypn("dg-smart", t("建设数字化车间或智能生产线", "Digital workshop or smart production line"), {
          maxPoints: 25,
          provenance: theme("§一(五): smart manufacturing"),
        }),
        ypn("dg-security", t("数据安全与网络安全管理", "Data and network security management"), {
          maxPoints: 20,
          provenance: PRACTICE,
        }),
        ypn("dg-cloud", t("企业上云或接入工业互联网平台", "Cloud or industrial-internet platform in use"), {
          maxPoints: 20,
          provenance: PRACTICE,
        }),
      ],
    },
    {
      id: "safetyGreen",
      name: t("安全生产与绿色发展", "Work safety and green development"),
      provenance: CATEGORY,
      indicators: [
        ypn(
          "sg-no-accident",
          t("近三年未发生较大及以上生产安全事故", "No major work-safety accident in the last three years"),
          {
            maxPoints: 25,
            zeroTolerance: true,
            provenance: PRACTICE,
          },
        ),
        ypn(
          "sg-permits",
          t("环保手续齐全，污染物达标排放", "Environmental permits complete; discharges within limits"),
          {
            maxPoints: 25,
            crucial: true,
            provenance: PRACTICE,
          },
        ),
        ypn("sg-energy", t("开展节能降耗与清洁生产", "Energy saving and cleaner production"), {
          maxPoints: 20,
          provenance: theme("§一: energy saving and emission reduction"),
        }),
        ypn(
          "sg-health",
          t("职业病危害因素检测与员工体检", "Occupational hazards measured; workers health-checked"),
          {
            maxPoints: 20,
            provenance: PRACTICE,
          },
        ),
      ],
    },
    {
      id: "culture",
      name: t("企业文化建设", "Culture building"),
      provenance: source(`${SEED003} §三(一): culture building is one of the 11 categories`),
      indicators: [
        file(
          "cu-values",
          t("企业使命、愿景、价值观等文化理念体系", "Mission, vision and values written down"),
          {
            maxPoints: 25,
            accept: DOCUMENTS,
            provenance: theme("§三(一): culture as the core of management"),
          },
        ),
        ypn(
          "cu-craftsmanship",
          t("弘扬工匠精神，开展技能评选与比武", "Craftsmanship promoted: skills contests and awards"),
          {
            maxPoints: 25,
            provenance: theme("§三(二): 工匠精神, 上林名匠"),
          },
        ),
        ypn(
          "cu-migrant-care",
          t("关爱新市民员工（住宿、文体活动）", "Care for migrant workers (housing, culture and sport)"),
          {
            maxPoints: 25,
            provenance: theme("§三(三), §四: 新市民 care, dormitories"),
          },
        ),
        ypn(
          "cu-showroom",
          t("建设企业文化或产品展厅、工业旅游", "Company culture or product showroom, industrial tourism"),
          {
            maxPoints: 25,
            provenance: theme("§三(四): product culture showrooms"),
          },
        ),
      ],
    },
  ],
  rating: {
    provenance: authored("star bands on the 1000-point scale"),
    levels: [
      { id: "star5", name: t("五星", "Five stars"), validityMonths: 24 },
      { id: "star4", name: t("四星", "Four stars"), validityMonths: 24 },
      { id: "star3", name: t("三星", "Three stars"), validityMonths: 24 },
      { id: "star2", name: t("二星", "Two stars"), validityMonths: 24 },
      { id: "star1", name: t("一星", "One star"), validityMonths: 24 },
      { id: "none", name: t("未达星级", "No star"), validityMonths: 12 },
    ],
    sectionBands: [
      { level: "star5", min: 90, max: 100 },
      { level: "star4", min: 80, max: 90 },
      { level: "star3", min: 70, max: 80 },
      { level: "star2", min: 60, max: 70 },
      { level: "star1", min: 50, max: 60 },
      { level: "none", min: 0, max: 50 },
    ],
    overall: {
      method: "bands",
      banding: {
        basis: "points",
        bands: [
          { level: "star5", min: 900, max: 1000 },
          { level: "star4", min: 800, max: 900 },
          { level: "star3", min: 700, max: 800 },
          { level: "star2", min: 600, max: 700 },
          { level: "star1", min: 500, max: 600 },
          { level: "none", min: 0, max: 500 },
        ],
      },
    },
    rules: [
      {
        kind: "zeroTolerance",
        effect: "worstLevel",
        provenance: authored("a major accident bars any star"),
      },
      { kind: "crucialFailureCap", scope: "overall", capAt: "star2", provenance: authored() },
      {
        kind: "sectionLevelShareCap",
        atOrWorse: "star1",
        minCount: 3,
        capAt: "star3",
        provenance: authored("three or more weak categories bar four and five stars"),
      },
    ],
  },
};
