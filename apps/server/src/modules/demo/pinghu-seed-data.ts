/**
 * Demo data of the Pinghu (平湖) garment cluster, extracted by hand from the read-only seed documents in
 * /work/shared/seeds/. Everything about enterprises comes from the seeds; the only additions from general
 * knowledge are three of the nine Pinghu town/sub-district names (钟埭街道, 曹桥街道, 独山港镇) and the
 * mapping of former towns to the current divisions (each marked `source: general knowledge`).
 * See README.md in this folder.
 *
 * Seed files:
 * - 000_92adebb7ae1fb257.txt — 《2010-2013 年浙江省平湖市纺织服装产业社会责任报告》 (Sept 2014): main source.
 * - 001_1b626a89e85d0103.txt — 《破繭成蝶舞霓裳》, inspection-bureau article in traditional characters, undated
 *   (refers to March 2010 events, so c. 2010): export inspection exemption and regional demo enterprises.
 * - 002_20e27fa4990a4b49.txt — report on 鄞州 (Ningbo), not Pinghu: nothing taken from it.
 * - 004_a6b24fb54a2ecb90.txt — 2022 articles on Pinghu: used only to confirm the town name 新埭镇.
 *
 * Names are the full legal names as printed in seed 000 (simplified characters); short forms used in the
 * seeds are kept as `aliases`. PDF-extraction spaces inside addresses (e.g. "昌盛路 800 号") were collapsed.
 */

// ---------------------------------------------------------------------------------------------------------
// Seed references
// ---------------------------------------------------------------------------------------------------------

export type SeedId = "000" | "001" | "002" | "004";

export interface SeedFile {
  id: SeedId;
  file: string;
  title: string;
  date: string;
  usedFor: string;
}

export const SEED_FILES: readonly SeedFile[] = [
  {
    id: "000",
    file: "000_92adebb7ae1fb257.txt",
    title: "2010-2013 年浙江省平湖市纺织服装产业社会责任报告",
    date: "2014-09",
    usedFor: "everything: towns, pilots, honours, indicators, technical centres, platforms, case studies",
  },
  {
    id: "001",
    file: "001_1b626a89e85d0103.txt",
    title: "破繭成蝶舞霓裳",
    date: "undated, c. 2010 (mentions the March 2010 start of 平湖·中國國際服裝城)",
    usedFor:
      "export inspection exemption status and regional-management demo enterprises, inspection figures",
  },
  {
    id: "002",
    file: "002_20e27fa4990a4b49.txt",
    title: "鄞州区人民政府关于鄞州出口服装质量安全示范区建设工作情况的报告",
    date: "2017",
    usedFor: "nothing: it is about 鄞州 (Ningbo) and names no Pinghu enterprise",
  },
  {
    id: "004",
    file: "004_a6b24fb54a2ecb90.txt",
    title: "优化“软环境” 强化“硬支撑” (平湖 united-front / business-environment articles)",
    date: "2022",
    usedFor: "only the town name 新埭镇; outside the 2010–2013 period, so none of its enterprises are used",
  },
];

/** Section labels of the seeds, used in every `sourceNote`. */
export const SEED_SECTIONS = {
  preface: "seed 000 «前言»",
  overview: "seed 000 «旭日东升，映衬平湖服装 › 一、集群概况»",
  clusterHonours: "seed 000 «旭日东升 › 二、集群荣誉» (table)",
  history: "seed 000 «旭日东升 › 三、集群发展历程»",
  status: "seed 000 «旭日东升 › 四、集群发展现状»",
  indicatorTable: "seed 000 «四、集群发展现状 › 平湖市服装产业主要经济指标（2010-2013）» (table)",
  csrWork: "seed 000 «多方联动，深推社会责任 › 一、企业社会责任建设开展情况»",
  pilotTable: "seed 000 «一、企业社会责任建设开展情况 › 平湖市 11 家 CSC9000T 试点服装企业信息» (table)",
  green: "seed 000 «多方联动 › 二、倡导节能减排，创建绿色价值链»",
  csrResults: "seed 000 «多方联动 › 三、企业社会责任建设成效»",
  cases: "seed 000 «多方联动 › 四、企业案例介绍»",
  policy: "seed 000 «依托产业，打造服装强市 › 一、履行责任，政策引导»",
  techCentreTable:
    "seed 000 «一、履行责任，政策引导 › 6 › 浙江省级企业（行业）技术中心一览表（纺织服装）» (table)",
  smeTechCentreTable:
    "seed 000 «一、履行责任，政策引导 › 6 › 浙江省级中小企业（行业）技术中心一览表（纺织服装）» (table)",
  platformTable: "seed 000 «二、产业公共服务平台建设 › 产业集群服装出口基地公共服务平台一览表» (table)",
  markets: "seed 000 «二、产业公共服务平台建设 › 6、专业市场平台»",
  inspection001: "seed 001 «破繭成蝶舞霓裳 › 強化安全意識»",
  facilitation001: "seed 001 «破繭成蝶舞霓裳 › 推進便利措施»",
  opening001: "seed 001 «破繭成蝶舞霓裳» (opening paragraphs)",
  unitedFront004: "seed 004 «优化“软环境” 强化“硬支撑”» (2022, 平湖 united-front article)",
} as const;

const S = SEED_SECTIONS;

// ---------------------------------------------------------------------------------------------------------
// Towns (6 镇 3 街道)
// ---------------------------------------------------------------------------------------------------------

export const PINGHU_TOWN_IDS = [
  "danghu",
  "zhongdai",
  "caoqiao",
  "zhapu",
  "xindai",
  "xincang",
  "dushangang",
  "lindai",
  "guangchen",
] as const;

export type PinghuTownId = (typeof PINGHU_TOWN_IDS)[number];

export interface PinghuTown {
  id: PinghuTownId;
  name: string;
  kind: "街道" | "镇";
  pinyin: string;
  /** `seed` when the full name appears in a seed, otherwise `general knowledge`. */
  source: "seed" | "general knowledge";
  /** Exact text found in the seed, when there is one. */
  seedMention?: string;
  sourceNote: string;
}

/**
 * Seed 000 says Pinghu «下辖 6 镇 3 街道» (2014) but names only some of them. 黄姑镇 (in the seed's addresses)
 * is not one of the nine of 2014: it and 全塘镇 had been merged into 独山港镇 — see FORMER_TOWNS.
 */
export const PINGHU_TOWNS: readonly PinghuTown[] = [
  {
    id: "danghu",
    name: "当湖街道",
    kind: "街道",
    pinyin: "Danghu",
    source: "seed",
    seedMention: "今平湖当湖街道东湖一带",
    sourceNote: S.overview,
  },
  {
    // source: general knowledge — 钟埭街道 does not appear in the seeds
    id: "zhongdai",
    name: "钟埭街道",
    kind: "街道",
    pinyin: "Zhongdai",
    source: "general knowledge",
    sourceNote: "general knowledge (not in the seeds)",
  },
  {
    // source: general knowledge — 曹桥街道 does not appear in the seeds
    id: "caoqiao",
    name: "曹桥街道",
    kind: "街道",
    pinyin: "Caoqiao",
    source: "general knowledge",
    sourceNote: "general knowledge (not in the seeds)",
  },
  {
    id: "zhapu",
    name: "乍浦镇",
    kind: "镇",
    pinyin: "Zhapu",
    source: "seed",
    seedMention: "嘉兴市港区乍浦镇陈山",
    sourceNote: `${S.pilotTable}; ${S.overview}`,
  },
  {
    id: "xindai",
    name: "新埭镇",
    kind: "镇",
    pinyin: "Xindai",
    source: "seed",
    seedMention: "平湖新埭镇与上海金山枫泾镇",
    sourceNote: `${S.unitedFront004}; seed 000 «保护环境 › 五、节能减排» mentions 新埭工业园区`,
  },
  {
    id: "xincang",
    name: "新仓镇",
    kind: "镇",
    pinyin: "Xincang",
    source: "seed",
    seedMention: "位于平湖新仓镇的茉织华实业（集团）有限公司",
    sourceNote: S.history,
  },
  {
    // source: general knowledge — 独山港镇 does not appear in the seeds
    id: "dushangang",
    name: "独山港镇",
    kind: "镇",
    pinyin: "Dushangang",
    source: "general knowledge",
    sourceNote: "general knowledge (not in the seeds); formed from the former 全塘镇 and 黄姑镇",
  },
  {
    id: "lindai",
    name: "林埭镇",
    kind: "镇",
    pinyin: "Lindai",
    source: "seed",
    seedMention: "浙江平湖市林埭镇",
    sourceNote: S.pilotTable,
  },
  {
    id: "guangchen",
    name: "广陈镇",
    kind: "镇",
    pinyin: "Guangchen",
    source: "seed",
    seedMention: "浙江平湖市广陈镇独新公路南桥堍",
    sourceNote: S.pilotTable,
  },
];

export interface FormerTown {
  /** Name as the seed writes it (in an address). */
  name: string;
  /** source: general knowledge — the merger itself is not in the seeds. */
  mergedInto: PinghuTownId;
  seedMention: string;
  sourceNote: string;
}

/** Former towns that occur in the pilot addresses (written before the mergers). */
export const FORMER_TOWNS: readonly FormerTown[] = [
  {
    name: "黄姑镇",
    mergedInto: "dushangang", // source: general knowledge
    seedMention: "平湖市黄姑镇工业园区",
    sourceNote: `${S.pilotTable}; merger into 独山港镇 from general knowledge`,
  },
  {
    name: "全塘镇",
    mergedInto: "dushangang", // source: general knowledge
    seedMention: "平湖市全塘镇伴宇工业园区",
    sourceNote: `${S.pilotTable}; merger into 独山港镇 from general knowledge`,
  },
  {
    name: "新庙镇",
    mergedInto: "xincang", // source: general knowledge
    seedMention: "浙江省平湖市新庙镇亚鑫工业园区",
    sourceNote: `${S.pilotTable}; merger into 新仓镇 from general knowledge`,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Enterprise names (one canonical name per enterprise)
// ---------------------------------------------------------------------------------------------------------

/** Canonical names, exactly as printed in seed 000, so every other table can reference them safely. */
export const ENTERPRISE = {
  huacheng: "浙江华城实业投资集团有限公司",
  huachengMaolu: "平湖华城茂麓制衣有限公司",
  huachengZhiyi: "平湖市华城制衣有限公司",
  yuechun: "平湖市悦春毛衫制衣有限公司",
  banyu: "浙江伴宇实业股份有限公司",
  yongcheng: "嘉兴永成制衣有限公司",
  mozhihua: "茉织华实业（集团）有限公司",
  xinchengda: "嘉兴新城达时装有限公司",
  duoling: "浙江多凌控股集团有限公司",
  duolingFushi: "嘉兴多凌服饰有限公司",
  duolingJinniu: "嘉兴市多凌金牛制衣有限公司",
  tongxin: "浙江嘉兴同心服装有限公司",
  baimeida: "嘉兴百美达制衣有限公司",
  laitianhua: "嘉兴市莱天华服饰有限公司",
  xintianyin: "嘉兴新天姻服饰有限公司",
  yuanqing: "元庆制衣（平湖）有限公司",
  yaxin: "浙江亚鑫实业股份有限公司",
  desheng: "浙江得盛实业股份有限公司",
  yuelaichun: "嘉兴市悦莱春羊绒衫时装有限公司",
  yiaifu: "浙江依爱夫游戏装文化产业有限公司",
  yisijia: "浙江伊思佳服饰有限公司",
  jinjianfeng: "金健峰集团有限公司",
  rishu: "平湖日舒纺织有限公司",
  liaoyuan: "嘉兴辽原制衣有限公司",
  xinghuo: "平湖星火制衣",
  sanyang: "三羊绒业",
} as const;

export type EnterpriseName = (typeof ENTERPRISE)[keyof typeof ENTERPRISE];

const E = ENTERPRISE;

export interface EnterpriseIdentity {
  name: EnterpriseName;
  /** `short` when the seeds never give a legal name (only a short trade name). */
  nameForm: "full" | "short";
  /** Other spellings / short names that the seeds use for the same enterprise. */
  aliases: string[];
  /** Group the seed lists this company under (in parentheses in the pilot table). */
  parent?: EnterpriseName;
  chairman?: string;
  notes: string[];
  sourceNotes: string[];
}

/** Every garment/textile enterprise of the Pinghu cluster that the seeds name. */
export const ENTERPRISE_IDENTITIES: readonly EnterpriseIdentity[] = [
  {
    name: E.huacheng,
    nameForm: "full",
    aliases: ["华城集团", "华城企业", "浙江华城"],
    chairman: "张祥林",
    notes: [
      "董事长张祥林 is also 平湖市服装行业协会会长 and 浙江省服装行业协会副会长 (seed 000 前言); seed 000 uses both «华城集团董事长张祥林» and «浙江华城实业投资集团有限公司董事长张祥林», which fixes the alias 华城集团",
      "seed 001 writes «浙江華城» (traditional characters)",
    ],
    sourceNotes: [S.preface, S.pilotTable, S.status, S.green, S.inspection001],
  },
  {
    name: E.huachengMaolu,
    nameForm: "full",
    aliases: [],
    parent: E.huacheng,
    notes: ["listed in parentheses under 浙江华城实业投资集团有限公司 in the pilot table"],
    sourceNotes: [S.pilotTable, S.green, S.cases],
  },
  {
    name: E.huachengZhiyi,
    nameForm: "full",
    aliases: [],
    parent: E.huacheng,
    notes: ["listed in parentheses under 浙江华城实业投资集团有限公司 in the pilot table"],
    sourceNotes: [S.pilotTable, S.green],
  },
  {
    name: E.yuechun,
    nameForm: "full",
    aliases: [],
    notes: [
      "not merged with 嘉兴市悦莱春羊绒衫时装有限公司: the names differ and the seed does not link them",
    ],
    sourceNotes: [S.pilotTable],
  },
  {
    name: E.banyu,
    nameForm: "full",
    aliases: ["伴宇集团", "伴宇实业"],
    notes: [],
    sourceNotes: [
      S.pilotTable,
      S.status,
      S.green,
      S.csrResults,
      S.techCentreTable,
      S.platformTable,
      S.inspection001,
    ],
  },
  {
    name: E.yongcheng,
    nameForm: "full",
    aliases: ["永成制衣"],
    notes: [],
    sourceNotes: [S.pilotTable, S.green, S.policy, S.platformTable],
  },
  {
    name: E.mozhihua,
    nameForm: "full",
    aliases: ["茉织华集团", "茉织华（实业）集团有限公司"],
    notes: [
      "seed 000 spells the name two ways: 茉织华实业（集团）有限公司 (pilot table) and 茉织华（实业）集团有限公司",
    ],
    sourceNotes: [S.pilotTable, S.history, S.status],
  },
  {
    name: E.xinchengda,
    nameForm: "full",
    aliases: [],
    notes: [],
    sourceNotes: [S.pilotTable],
  },
  {
    name: E.duoling,
    nameForm: "full",
    aliases: ["多凌集团"],
    notes: [],
    sourceNotes: [S.pilotTable, S.csrWork],
  },
  {
    name: E.duolingFushi,
    nameForm: "full",
    aliases: [],
    parent: E.duoling,
    notes: ["listed in parentheses under 浙江多凌控股集团有限公司 in the pilot table"],
    sourceNotes: [S.pilotTable],
  },
  {
    name: E.duolingJinniu,
    nameForm: "full",
    aliases: ["金牛公司"],
    parent: E.duoling,
    notes: ["listed in parentheses under 浙江多凌控股集团有限公司; seed 000 calls it «多凌集团的金牛公司»"],
    sourceNotes: [S.pilotTable, S.csrWork],
  },
  {
    name: E.tongxin,
    nameForm: "full",
    aliases: [],
    notes: ["co-listed with 嘉兴百美达制衣有限公司 as pilot entry 8"],
    sourceNotes: [S.pilotTable],
  },
  {
    name: E.baimeida,
    nameForm: "full",
    aliases: [],
    notes: ["co-listed with 浙江嘉兴同心服装有限公司 as pilot entry 8"],
    sourceNotes: [S.pilotTable],
  },
  {
    name: E.laitianhua,
    nameForm: "full",
    aliases: [],
    notes: ["co-listed with 嘉兴新天姻服饰有限公司 as pilot entry 9"],
    sourceNotes: [S.pilotTable],
  },
  {
    name: E.xintianyin,
    nameForm: "full",
    aliases: [],
    notes: ["co-listed with 嘉兴市莱天华服饰有限公司 as pilot entry 9"],
    sourceNotes: [S.pilotTable],
  },
  {
    name: E.yuanqing,
    nameForm: "full",
    aliases: [],
    notes: [],
    sourceNotes: [S.pilotTable],
  },
  {
    name: E.yaxin,
    nameForm: "full",
    aliases: [],
    notes: [],
    sourceNotes: [S.pilotTable],
  },
  {
    name: E.desheng,
    nameForm: "full",
    aliases: ["得盛企业", "浙江得盛实业"],
    notes: ["seed 001 writes «浙江得盛實業»"],
    sourceNotes: [S.status, S.green, S.csrResults, S.inspection001],
  },
  {
    name: E.yuelaichun,
    nameForm: "full",
    aliases: ["悦莱春企业"],
    notes: [
      "seed 000 breaks the name over a line/page («…羊绒衫时装有» / «限公司»)",
      "an employee of «悦莱春企业» spoke as stakeholder representative when the CSC9000T 执行企业 went to Beijing in July 2010; not merged with the pilot 平湖市悦春毛衫制衣有限公司 because the seed does not say they are the same",
    ],
    sourceNotes: [S.status, S.csrWork],
  },
  {
    name: E.yiaifu,
    nameForm: "full",
    aliases: ["依爱夫企业"],
    notes: [],
    sourceNotes: [S.status, S.green, S.csrResults, S.cases],
  },
  {
    name: E.yisijia,
    nameForm: "full",
    aliases: ["伊思佳企业"],
    notes: [],
    sourceNotes: [S.history, S.csrResults, S.cases, S.techCentreTable, S.platformTable],
  },
  {
    name: E.jinjianfeng,
    nameForm: "full",
    aliases: ["金健峰"],
    notes: [
      "the SME-level 嘉兴金健峰服装行业技术中心 is attributed to this group only by its name (the seed gives no holder)",
    ],
    sourceNotes: [S.techCentreTable, S.smeTechCentreTable],
  },
  {
    name: E.rishu,
    nameForm: "full",
    aliases: [],
    notes: [],
    sourceNotes: [S.smeTechCentreTable],
  },
  {
    name: E.liaoyuan,
    nameForm: "full",
    aliases: [],
    notes: [],
    sourceNotes: [S.smeTechCentreTable],
  },
  {
    name: E.xinghuo,
    nameForm: "short",
    aliases: [],
    notes: ["only known from the centre name «平湖星火制衣技术中心»; the seed gives no legal name"],
    sourceNotes: [S.smeTechCentreTable],
  },
  {
    name: E.sanyang,
    nameForm: "short",
    aliases: [],
    notes: [
      "only known from the platform «三羊绒业清华大学服装设计研发中心平湖基地»; the seed gives no legal name",
    ],
    sourceNotes: [S.platformTable],
  },
];

// ---------------------------------------------------------------------------------------------------------
// CSC9000T pilot enterprises
// ---------------------------------------------------------------------------------------------------------

export interface PilotEnterprise {
  /** 序号 in the pilot table. */
  no: number;
  /** Lead company of the entry (canonical name). */
  name: EnterpriseName;
  /** The 企业名称 cell exactly as printed. */
  entryAsPrinted: string;
  /** Companies named in parentheses (group members) or co-listed with 、 in the same cell. */
  relatedCompanies: { name: EnterpriseName; relation: "inParentheses" | "coListed" }[];
  /** The 企业地址 cell as printed (PDF spaces collapsed). */
  address: string;
  /** The address cell split when it holds several addresses. */
  addressParts: string[];
  /** Town or place name as written in the address. */
  townAsWritten?: string;
  /** Current (2014) division, derived from the address; undefined when the address does not tell. */
  town?: PinghuTownId;
  townDerivation: string;
  facts: string[];
  sourceNote: string;
}

const PILOT_COMMON_FACTS = [
  "one of the 11 CSC9000T pilot garment enterprises chosen after Pinghu became a 中国纺织服装企业社会责任试点地区 (2006-12)",
  "passed the 中纺协 expert re-assessment (复评) in 2008-11 and became a CSC9000T 执行企业",
];

export const PILOT_ENTERPRISES: readonly PilotEnterprise[] = [
  {
    no: 1,
    name: E.huacheng,
    entryAsPrinted: "浙江华城实业投资集团有限公司（平湖华城茂麓制衣有限公司、平湖市华城制衣有限公司）",
    relatedCompanies: [
      { name: E.huachengMaolu, relation: "inParentheses" },
      { name: E.huachengZhiyi, relation: "inParentheses" },
    ],
    address: "平湖市经济开发区兴平一路508号",
    addressParts: ["平湖市经济开发区兴平一路508号"],
    townAsWritten: "平湖市经济开发区",
    townDerivation: "economic development zone, not a town: left undefined",
    facts: [
      ...PILOT_COMMON_FACTS,
      "seed 000 names it first: «产生了浙江华城实业投资集团有限公司等11家服装企业，作为平湖CSC9000T试点企业»",
      "cross-assessed by CSC9000T and BSCI experts, 2010-06-27 to 2010-07-04",
    ],
    sourceNote: S.pilotTable,
  },
  {
    no: 2,
    name: E.yuechun,
    entryAsPrinted: "平湖市悦春毛衫制衣有限公司",
    relatedCompanies: [],
    address: "浙江平湖市广陈镇独新公路南桥堍",
    addressParts: ["浙江平湖市广陈镇独新公路南桥堍"],
    townAsWritten: "广陈镇",
    town: "guangchen",
    townDerivation: "address names 广陈镇",
    facts: [...PILOT_COMMON_FACTS],
    sourceNote: S.pilotTable,
  },
  {
    no: 3,
    name: E.banyu,
    entryAsPrinted: "浙江伴宇实业股份有限公司",
    relatedCompanies: [],
    address: "平湖市全塘镇伴宇工业园区",
    addressParts: ["平湖市全塘镇伴宇工业园区"],
    townAsWritten: "全塘镇",
    town: "dushangang",
    townDerivation: "address names the former 全塘镇, now part of 独山港镇 (source: general knowledge)",
    facts: [...PILOT_COMMON_FACTS],
    sourceNote: S.pilotTable,
  },
  {
    no: 4,
    name: E.yongcheng,
    entryAsPrinted: "嘉兴永成制衣有限公司",
    relatedCompanies: [],
    address: "浙江嘉兴平湖市黄姑周圩集镇",
    addressParts: ["浙江嘉兴平湖市黄姑周圩集镇"],
    townAsWritten: "黄姑",
    town: "dushangang",
    townDerivation: "address names 黄姑 (former 黄姑镇), now part of 独山港镇 (source: general knowledge)",
    facts: [...PILOT_COMMON_FACTS],
    sourceNote: S.pilotTable,
  },
  {
    no: 5,
    name: E.mozhihua,
    entryAsPrinted: "茉织华实业（集团）有限公司",
    relatedCompanies: [],
    address: "浙江平湖市新仓工业区",
    addressParts: ["浙江平湖市新仓工业区"],
    townAsWritten: "新仓",
    town: "xincang",
    townDerivation:
      "address names 新仓工业区; seed 000 also says «位于平湖新仓镇的茉织华实业（集团）有限公司»",
    facts: [
      ...PILOT_COMMON_FACTS,
      "the large local garment group that led the 1990s wave of export-processing garment firms (seed 000 «三、集群发展历程»)",
    ],
    sourceNote: S.pilotTable,
  },
  {
    no: 6,
    name: E.xinchengda,
    entryAsPrinted: "嘉兴新城达时装有限公司",
    relatedCompanies: [],
    address: "平湖市黄姑镇工业园区",
    addressParts: ["平湖市黄姑镇工业园区"],
    townAsWritten: "黄姑镇",
    town: "dushangang",
    townDerivation: "address names the former 黄姑镇, now part of 独山港镇 (source: general knowledge)",
    facts: [...PILOT_COMMON_FACTS],
    sourceNote: S.pilotTable,
  },
  {
    no: 7,
    name: E.duoling,
    entryAsPrinted: "浙江多凌控股集团有限公司（嘉兴多凌服饰有限公司、嘉兴市多凌金牛制衣有限公司）",
    relatedCompanies: [
      { name: E.duolingFushi, relation: "inParentheses" },
      { name: E.duolingJinniu, relation: "inParentheses" },
    ],
    address: "嘉兴市港区多凌工业园 嘉兴市港区乍浦镇陈山",
    addressParts: ["嘉兴市港区多凌工业园", "嘉兴市港区乍浦镇陈山"],
    townAsWritten: "乍浦镇",
    town: "zhapu",
    townDerivation: "second address names 乍浦镇 (嘉兴市港区 = 嘉兴港区); the first address gives no town",
    facts: [
      ...PILOT_COMMON_FACTS,
      "its 金牛公司 was cross-assessed by CSC9000T and BSCI experts, 2010-06-27 to 2010-07-04",
    ],
    sourceNote: S.pilotTable,
  },
  {
    no: 8,
    name: E.tongxin,
    entryAsPrinted: "浙江嘉兴同心服装有限公司、嘉兴百美达制衣有限公司",
    relatedCompanies: [{ name: E.baimeida, relation: "coListed" }],
    address: "浙江嘉兴平湖市同心村",
    addressParts: ["浙江嘉兴平湖市同心村"],
    townAsWritten: "同心村",
    townDerivation: "address gives only the village 同心村: town left undefined",
    facts: [...PILOT_COMMON_FACTS],
    sourceNote: S.pilotTable,
  },
  {
    no: 9,
    name: E.laitianhua,
    entryAsPrinted: "嘉兴市莱天华服饰有限公司、嘉兴新天姻服饰有限公司",
    relatedCompanies: [{ name: E.xintianyin, relation: "coListed" }],
    address: "浙江平湖市林埭镇",
    addressParts: ["浙江平湖市林埭镇"],
    townAsWritten: "林埭镇",
    town: "lindai",
    townDerivation: "address names 林埭镇",
    facts: [...PILOT_COMMON_FACTS],
    sourceNote: S.pilotTable,
  },
  {
    no: 10,
    name: E.yuanqing,
    entryAsPrinted: "元庆制衣（平湖）有限公司",
    relatedCompanies: [],
    address: "平湖市经济开发区昌盛路800号",
    addressParts: ["平湖市经济开发区昌盛路800号"],
    townAsWritten: "平湖市经济开发区",
    townDerivation: "economic development zone, not a town: left undefined",
    facts: [...PILOT_COMMON_FACTS],
    sourceNote: S.pilotTable,
  },
  {
    no: 11,
    name: E.yaxin,
    entryAsPrinted: "浙江亚鑫实业股份有限公司",
    relatedCompanies: [],
    address: "浙江省平湖市新庙镇亚鑫工业园区",
    addressParts: ["浙江省平湖市新庙镇亚鑫工业园区"],
    townAsWritten: "新庙镇",
    town: "xincang",
    townDerivation: "address names the former 新庙镇, now part of 新仓镇 (source: general knowledge)",
    facts: [...PILOT_COMMON_FACTS],
    sourceNote: S.pilotTable,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Export inspection exemption (出口免验) and regional-management demo enterprises
// ---------------------------------------------------------------------------------------------------------

export interface ExportExemptEnterprise {
  name: EnterpriseName;
  product: string;
  /** Holds the 国家出口免验企业 certificate (as of the 2014 report). */
  status: "granted";
  issuer: string;
  /** The seeds give no year of grant. */
  year?: number;
  /** When the seeds show the status. */
  asOf: string;
  history: string[];
  sourceNotes: string[];
}

/** «全国唯一一个有 3 家服装出口免验企业的县级市» — the three named in seed 000. */
export const EXPORT_EXEMPT_ENTERPRISES: readonly ExportExemptEnterprise[] = [
  {
    name: E.huacheng,
    product: "服装",
    status: "granted",
    issuer: "国家质检总局",
    asOf: "2014 (seed 000)",
    history: [],
    sourceNotes: [S.status],
  },
  {
    name: E.banyu,
    product: "服装",
    status: "granted",
    issuer: "国家质检总局",
    asOf: "c. 2010 (seed 001) and 2014 (seed 000)",
    history: [
      "seed 001 (c. 2010): «浙江伴宇實業股份有限公司已獲得國家出口免驗資格» — the first of the three",
    ],
    sourceNotes: [S.status, S.inspection001],
  },
  {
    name: E.desheng,
    product: "服装",
    status: "granted",
    issuer: "国家质检总局",
    asOf: "2014 (seed 000)",
    history: ["seed 001 (c. 2010): «浙江得盛實業已獲得免驗初審» — only the preliminary review at that time"],
    sourceNotes: [S.status, S.inspection001],
  },
];

export interface RegionalDemoEnterprise {
  name: EnterpriseName;
  title: string;
  asOf: string;
  /** Size of the group the seed mentions («等 N 家企业»); the other members are not named. */
  groupSize: number;
  nameAsWritten: string;
  sourceNote: string;
}

/** 出口服装区域化管理示范企业: only one member of each group is named in the seeds. */
export const REGIONAL_DEMO_ENTERPRISES: readonly RegionalDemoEnterprise[] = [
  {
    name: E.desheng,
    title: "出口服装区域化管理示范企业",
    asOf: "2014 (seed 000)",
    groupSize: 8,
    nameAsWritten: "浙江得盛实业股份有限公司等 8 家企业",
    sourceNote: S.status,
  },
  {
    name: E.huacheng,
    title: "出口服装区域化管理示范企业",
    asOf: "c. 2010 (seed 001)",
    groupSize: 4,
    nameAsWritten: "浙江華城等4家企業已獲得示范企業稱號",
    sourceNote: S.inspection001,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Provincial technical centres
// ---------------------------------------------------------------------------------------------------------

export interface ProvincialTechCentre {
  /** 技术中心名称 as printed. */
  centreName: string;
  tier: "省级企业（行业）技术中心" | "省级中小企业（行业）技术中心";
  /** Type given in parentheses in the SME table. */
  centreType?: "企业技术中心" | "共性技术服务中心";
  holder: EnterpriseName;
  /** How the holder was identified. */
  holderBasis: string;
  /** 认定时间, ISO date. */
  recognisedOn: string;
  /** 依据文件 as printed. */
  documentNo: string;
  sourceNote: string;
}

export const PROVINCIAL_TECH_CENTRES: readonly ProvincialTechCentre[] = [
  {
    centreName: "金健峰集团有限公司技术中心",
    tier: "省级企业（行业）技术中心",
    holder: E.jinjianfeng,
    holderBasis: "centre name",
    recognisedOn: "2005-12-14",
    documentNo: "浙经贸技术【2005】1002号",
    sourceNote: S.techCentreTable,
  },
  {
    centreName: "浙江伴宇实业股份有限公司技术中心",
    tier: "省级企业（行业）技术中心",
    holder: E.banyu,
    holderBasis: "centre name",
    recognisedOn: "2008-09-27",
    documentNo: "浙经贸技术【2008】550号",
    sourceNote: S.techCentreTable,
  },
  {
    centreName: "浙江伊思佳服饰有限公司技术中心",
    tier: "省级企业（行业）技术中心",
    holder: E.yisijia,
    holderBasis: "centre name",
    recognisedOn: "2010-10-22",
    documentNo: "浙经贸技术【2010】577号",
    sourceNote: S.techCentreTable,
  },
  {
    centreName: "平湖日舒纺织有限公司技术中心",
    tier: "省级中小企业（行业）技术中心",
    centreType: "企业技术中心",
    holder: E.rishu,
    holderBasis: "centre name",
    recognisedOn: "2007-10-31",
    documentNo: "浙企科发【2007】72号",
    sourceNote: S.smeTechCentreTable,
  },
  {
    centreName: "嘉兴金健峰服装行业技术中心",
    tier: "省级中小企业（行业）技术中心",
    centreType: "共性技术服务中心",
    holder: E.jinjianfeng,
    holderBasis:
      "inferred from «金健峰» in the centre name; an industry (行业) centre, the seed names no holder",
    recognisedOn: "2008-11-26",
    documentNo: "浙企科发【2008】103号",
    sourceNote: S.smeTechCentreTable,
  },
  {
    centreName: "嘉兴辽原制衣有限公司",
    tier: "省级中小企业（行业）技术中心",
    centreType: "企业技术中心",
    holder: E.liaoyuan,
    holderBasis: "the table row gives the company name itself",
    recognisedOn: "2008-10-16",
    documentNo: "浙企科发【2008】84号",
    sourceNote: S.smeTechCentreTable,
  },
  {
    centreName: "平湖星火制衣技术中心",
    tier: "省级中小企业（行业）技术中心",
    holder: E.xinghuo,
    holderBasis: "centre name (short company name only)",
    recognisedOn: "2009-10-26",
    documentNo: "浙企科发【2009】40号",
    sourceNote: S.smeTechCentreTable,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Honours
// ---------------------------------------------------------------------------------------------------------

export type HonourKind =
  | "clusterTitle"
  | "associationAward"
  | "collectiveTrademark"
  | "award"
  | "ranking"
  | "famousTrademark"
  | "exportExemption"
  | "regionalDemo"
  | "projectRecognition";

export interface HonourRow {
  holder: string;
  honour: string;
  year?: number;
  /** YYYY-MM when the seed gives the month. */
  date?: string;
  issuer?: string;
  kind: HonourKind;
  note?: string;
  sourceNote: string;
}

export interface EnterpriseHonourRow extends HonourRow {
  holder: EnterpriseName;
  /** Holder's name as the seed writes it, when it differs from the canonical name. */
  holderAsWritten?: string;
}

const CLUSTER = "平湖市服装产业集群";

/** Cluster-level honours: the 集群荣誉 table of seed 000 plus the few cluster titles in the text. */
export const CLUSTER_HONOURS: readonly HonourRow[] = [
  {
    holder: CLUSTER,
    honour: "中国出口服装制造名城",
    year: 2002,
    date: "2002-12",
    issuer: "中国纺织工业协会 中国服装协会",
    kind: "clusterTitle",
    note: "2010 年、2013 年通过复评",
    sourceNote: S.clusterHonours,
  },
  {
    holder: CLUSTER,
    honour: "我国纺织服装行业第一批产业集群试点地区",
    year: 2002,
    kind: "clusterTitle",
    note: "from the text, not the table; issuer not given",
    sourceNote: S.history,
  },
  {
    holder: CLUSTER,
    honour: "中国服装跨国采购产业基地",
    year: 2006,
    date: "2006-09",
    issuer: "中国服装协会",
    kind: "clusterTitle",
    sourceNote: S.clusterHonours,
  },
  {
    holder: CLUSTER,
    honour: "中国纺织服装企业社会责任试点地区",
    year: 2006,
    date: "2006-12",
    issuer: "中国纺织工业协会",
    kind: "clusterTitle",
    sourceNote: S.clusterHonours,
  },
  {
    holder: CLUSTER,
    honour: "全国首个出口服装检验监管区",
    year: 2008,
    date: "2008-09",
    issuer: "浙江省检验检疫局",
    kind: "clusterTitle",
    sourceNote: S.clusterHonours,
  },
  {
    holder: CLUSTER,
    honour: "中国纺织服装企业社会责任管理体系 CSC9000T ‘10+100+1000’ 项目先进集体",
    year: 2008,
    date: "2008-11",
    issuer: "中国纺织工业协会",
    kind: "clusterTitle",
    note: "the only pilot cluster whose pilot enterprises all passed the re-assessment",
    sourceNote: S.clusterHonours,
  },
  {
    holder: CLUSTER,
    honour: "浙江省对外贸易预警示范点",
    year: 2010,
    date: "2010-01",
    issuer: "浙江省商务厅",
    kind: "clusterTitle",
    sourceNote: S.clusterHonours,
  },
  {
    holder: CLUSTER,
    honour: "第一批“浙江省出口基地”",
    year: 2010,
    date: "2010-12",
    issuer: "浙江省商务厅 浙江省财政厅",
    kind: "clusterTitle",
    sourceNote: S.clusterHonours,
  },
  {
    holder: CLUSTER,
    honour: "中国服装产业示范集群",
    year: 2012,
    date: "2012-11",
    issuer: "中国服装协会",
    kind: "clusterTitle",
    sourceNote: S.clusterHonours,
  },
  {
    holder: CLUSTER,
    honour: "2012-2013 年度服装行业统计工作先进集群",
    year: 2013,
    date: "2013-06",
    issuer: "中国服装协会",
    kind: "clusterTitle",
    sourceNote: S.clusterHonours,
  },
  {
    holder: "平湖市服装行业协会",
    honour: "纺织产业集群地区优秀协（商）会",
    year: 2013,
    date: "2013-12",
    issuer: "中国纺织工业联合会",
    kind: "associationAward",
    note: "listed in the cluster honours table; the title is an association award",
    sourceNote: S.clusterHonours,
  },
  {
    holder: "平湖市服装行业协会",
    honour: "平湖服装集体商标（已注册使用）",
    kind: "collectiveTrademark",
    note: "applied for by 平湖市服装行业协会; no year given",
    sourceNote: S.history,
  },
];

const SUSTAINABILITY_2012 = [E.huachengMaolu, E.huachengZhiyi, E.yongcheng, E.desheng, E.yiaifu] as const;

/** Enterprise-level honours, titles, rankings and famous trademarks. */
export const ENTERPRISE_HONOURS: readonly EnterpriseHonourRow[] = [
  ...EXPORT_EXEMPT_ENTERPRISES.map(
    (e): EnterpriseHonourRow => ({
      holder: e.name,
      honour: "国家出口免验企业",
      issuer: e.issuer,
      kind: "exportExemption",
      note: "certificate from 国家质检总局; no year given",
      sourceNote: S.status,
    }),
  ),
  ...REGIONAL_DEMO_ENTERPRISES.map(
    (e): EnterpriseHonourRow => ({
      holder: e.name,
      honour: e.title,
      kind: "regionalDemo",
      note: `one of ${e.groupSize} named as of ${e.asOf}; no year or issuer given`,
      sourceNote: e.sourceNote,
    }),
  ),
  {
    holder: E.banyu,
    honour: "中国纺织服装行业节能减排绿色实践优秀奖",
    year: 2011,
    date: "2011-06",
    issuer: "中国纺织工业协会",
    kind: "award",
    sourceNote: S.green,
  },
  {
    holder: E.yongcheng,
    honour: "中国纺织服装行业节能减排绿色实践优秀奖",
    year: 2011,
    date: "2011-06",
    issuer: "中国纺织工业协会",
    kind: "award",
    sourceNote: S.green,
  },
  ...SUSTAINABILITY_2012.map(
    (holder): EnterpriseHonourRow => ({
      holder,
      honour: "可持续发展项目优秀实践企业",
      year: 2012,
      date: "2012-10",
      kind: "award",
      note: "commended at the 可持续发展项目总结会 in Pinghu (project of 中纺协 and 国际劳工组织)",
      sourceNote: S.green,
    }),
  ),
  {
    holder: E.huacheng,
    honour: "全国服装行业“产品销售收入”、“利润总额”、“销售利润率”三百强企业",
    kind: "ranking",
    note: "连续多年 (several years running; years not given)",
    sourceNote: S.status,
  },
  {
    holder: E.yuelaichun,
    honour: "全国服装行业“利润总额”、“销售利润率”双百强企业",
    kind: "ranking",
    note: "连续多年 (several years running; years not given)",
    sourceNote: S.status,
  },
  {
    holder: E.mozhihua,
    holderAsWritten: "茉织华（实业）集团有限公司",
    honour: "全国服装行业“销售收入”百强企业",
    kind: "ranking",
    sourceNote: S.status,
  },
  {
    holder: E.yiaifu,
    honour: "全国服装行业“销售利润率”百强企业",
    kind: "ranking",
    sourceNote: S.status,
  },
  {
    holder: E.yisijia,
    honour: "中国驰名商标",
    kind: "famousTrademark",
    note: "brand 伊思佳; obtained after the company adopted CSR (case-study table, no year given)",
    sourceNote: S.cases,
  },
  {
    holder: E.yongcheng,
    honour: "浙江省网上技术市场成交产业化项目",
    issuer: "浙江省科技厅",
    kind: "projectRecognition",
    note: "project with 东华大学: 基于新型纤维的功能复合材料研发与应用; received provincial and city subsidies",
    sourceNote: S.policy,
  },
];

/** All honour rows (cluster + enterprise). */
export const HONOURS: readonly HonourRow[] = [...CLUSTER_HONOURS, ...ENTERPRISE_HONOURS];

// ---------------------------------------------------------------------------------------------------------
// Certifications, management systems and assessments
// ---------------------------------------------------------------------------------------------------------

export interface CertificationRow {
  holder: EnterpriseName;
  standard: string;
  kind: "certification" | "managementSystem" | "assessment" | "participationCertificate";
  status: string;
  year?: number;
  date?: string;
  issuer?: string;
  note?: string;
  sourceNote: string;
}

/** Every company named in a pilot entry (lead + related), with its entry number. */
export const PILOT_COMPANIES: readonly { name: EnterpriseName; pilotNo: number; role: "lead" | "related" }[] =
  PILOT_ENTERPRISES.flatMap((p) => [
    { name: p.name, pilotNo: p.no, role: "lead" as const },
    ...p.relatedCompanies.map((r) => ({ name: r.name, pilotNo: p.no, role: "related" as const })),
  ]);

export const CERTIFICATIONS: readonly CertificationRow[] = [
  ...PILOT_COMPANIES.map(
    (c): CertificationRow => ({
      holder: c.name,
      standard: "CSC9000T",
      kind: "certification",
      status: "CSC9000T 执行企业（通过中纺协专家复评）",
      year: 2008,
      date: "2008-11",
      issuer: "中国纺织工业协会",
      note: `named in CSC9000T pilot entry ${c.pilotNo}`,
      sourceNote: `${S.pilotTable}; ${S.csrResults}`,
    }),
  ),
  {
    holder: E.huacheng,
    standard: "CSC9000T / BSCI",
    kind: "assessment",
    status: "交叉评估，获一致好评",
    year: 2010,
    date: "2010-06",
    note: "CSC9000T and BSCI experts, 2010-06-27 to 2010-07-04 (华城集团); not a BSCI certificate",
    sourceNote: S.csrWork,
  },
  {
    holder: E.duolingJinniu,
    standard: "CSC9000T / BSCI",
    kind: "assessment",
    status: "交叉评估，获一致好评",
    year: 2010,
    date: "2010-06",
    note: "CSC9000T and BSCI experts, 2010-06-27 to 2010-07-04 (多凌集团的金牛公司); not a BSCI certificate",
    sourceNote: S.csrWork,
  },
  {
    holder: E.yisijia,
    standard: "ISO9001:2008",
    kind: "managementSystem",
    status: "held before and after adopting CSR",
    sourceNote: S.cases,
  },
  {
    holder: E.yisijia,
    standard: "ISO14001:2004",
    kind: "managementSystem",
    status: "added after adopting CSR",
    sourceNote: S.cases,
  },
  {
    holder: E.yisijia,
    standard: "安全生产标准化",
    kind: "certification",
    status: "无证 → 有证 after adopting CSR",
    sourceNote: S.cases,
  },
  ...SUSTAINABILITY_2012.map(
    (holder): CertificationRow => ({
      holder,
      standard: "可持续发展项目参与证书",
      kind: "participationCertificate",
      status: "received",
      year: 2012,
      date: "2012-10",
      issuer: "国际劳工组织",
      sourceNote: S.green,
    }),
  ),
];

// ---------------------------------------------------------------------------------------------------------
// Brands
// ---------------------------------------------------------------------------------------------------------

export interface BrandRow {
  brand: string;
  holder?: EnterpriseName | "平湖市服装行业协会";
  kind:
    | "enterpriseBrand"
    | "emergingLocalBrand"
    | "collectiveTrademark"
    | "historicalDomesticPartner"
    | "oemClient";
  product?: string;
  note?: string;
  sourceNote: string;
}

export const BRANDS: readonly BrandRow[] = [
  {
    brand: "伊思佳",
    holder: E.yisijia,
    kind: "enterpriseBrand",
    product: "户外旅行服饰",
    note: "中国驰名商标; positioned as «旅行生活专家»; 旅行生活体验馆",
    sourceNote: `${S.history}; ${S.cases}`,
  },
  {
    brand: "隶玛",
    kind: "emergingLocalBrand",
    note: "品牌新秀 after 2012; holder not named",
    sourceNote: S.history,
  },
  {
    brand: "伊佳林",
    kind: "emergingLocalBrand",
    note: "品牌新秀 after 2012; holder not named",
    sourceNote: S.history,
  },
  {
    brand: "平湖服装",
    holder: "平湖市服装行业协会",
    kind: "collectiveTrademark",
    note: "集体商标, registered and in use",
    sourceNote: S.history,
  },
  {
    brand: "大地牌",
    kind: "historicalDomesticPartner",
    product: "风衣",
    note: "1980s Shanghai brand made or co-produced in Pinghu",
    sourceNote: S.history,
  },
  {
    brand: "凯托",
    kind: "historicalDomesticPartner",
    product: "衬衫",
    note: "1980s Shanghai brand made or co-produced in Pinghu",
    sourceNote: S.history,
  },
  {
    brand: "飞达",
    kind: "historicalDomesticPartner",
    product: "羽绒服",
    note: "1980s Shanghai brand made or co-produced in Pinghu",
    sourceNote: S.history,
  },
  ...[
    "耐克",
    "华伦·天奴",
    "ARMANI（阿玛尼）",
    "LEE（李牌）",
    "NORTH FACE（劳斯非斯）",
    "TOM TAILOR（汤姆泰勒）",
  ].map(
    (brand): BrandRow => ({
      brand,
      kind: "oemClient",
      note: "international brand made under OEM in Pinghu since 2002; manufacturers not named",
      sourceNote: S.history,
    }),
  ),
];

// ---------------------------------------------------------------------------------------------------------
// Public service platforms and markets
// ---------------------------------------------------------------------------------------------------------

export interface PublicServicePlatform {
  name: string;
  host?: EnterpriseName;
  partnerInstitution?: string;
  services: string[];
  sourceNote: string;
}

export const PUBLIC_SERVICE_PLATFORMS: readonly PublicServicePlatform[] = [
  {
    name: "伴宇实业平湖市服装行业技术中心",
    host: E.banyu,
    services: ["产品信息交流", "产品试验检验"],
    sourceNote: S.platformTable,
  },
  {
    name: "永成制衣东华大学平湖服装技术研发中心",
    host: E.yongcheng,
    partnerInstitution: "东华大学",
    services: ["外贸业务服务", "服装技术服务", "管理咨询人才培训服务", "新面料推广应用"],
    sourceNote: S.platformTable,
  },
  {
    name: "三羊绒业清华大学服装设计研发中心平湖基地",
    host: E.sanyang,
    partnerInstitution: "清华大学",
    services: [
      "信息服务",
      "增强毛纺织业产品设计开发能力建设与产品展示",
      "培训服务",
      "知识保护服务与权力维护",
    ],
    sourceNote: S.platformTable,
  },
  {
    name: "伊思佳省级企业技术中心",
    host: E.yisijia,
    services: ["服装技术服务", "管理咨询和人力培训服务", "面料检测服务", "新面料应用"],
    sourceNote: S.platformTable,
  },
  {
    name: "华城集团嘉兴学院服装产品设计研发中心",
    host: E.huacheng,
    partnerInstitution: "嘉兴学院",
    services: ["提供产品设计", "技术创新", "信息咨询", "综合培训服务"],
    sourceNote: S.platformTable,
  },
  {
    name: "平湖市服装出口基地电子商务平台",
    services: ["产品展示", "在线交易", "在线客服", "第三方支付", "物流服务", "后台管理"],
    sourceNote: S.platformTable,
  },
];

export interface ClusterMarket {
  name: string;
  description: string;
  sourceNote: string;
}

export const CLUSTER_MARKETS: readonly ClusterMarket[] = [
  {
    name: "平湖·中国服装城",
    description:
      "浙江省服务业重大项目; 规划建筑面积约 40 万平米, 一期占地 9.3 万平米, 总建筑面积 14.5 万平米; 定位为全球品牌服装集散中心",
    sourceNote: S.markets,
  },
  {
    name: "新慧腾服装城",
    description: "起步最早的专业外贸服装集散市场",
    sourceNote: S.markets,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Case studies and other per-enterprise facts
// ---------------------------------------------------------------------------------------------------------

export interface EnterpriseCaseStudy {
  enterprise: EnterpriseName;
  title: string;
  facts: string[];
  /** Before/after table, when the case gives one. */
  comparison?: { item: string; before: string; after: string }[];
  sourceNote: string;
}

export const ENTERPRISE_CASE_STUDIES: readonly EnterpriseCaseStudy[] = [
  {
    enterprise: E.huachengMaolu,
    title: "SCORE 项目，企业 7S 管理的改进措施",
    facts: [
      "清洁生产：车间、过道通畅整洁，物品摆放有序",
      "革新装备：手动剪裁改为自动剪裁，缩短工时",
      "车间节能灯改造，使用 T5 节能灯，每月省电 5300 度",
    ],
    sourceNote: S.cases,
  },
  {
    enterprise: E.yisijia,
    title: "在推行社会责任前后发展情况对比",
    facts: ["旅行生活体验馆：以春夏秋冬四季场景布局的户外旅行服饰体验店，«体验先于消费»"],
    comparison: [
      { item: "管理体系", before: "ISO9001:2008", after: "ISO9001:2008、ISO14001:2004" },
      { item: "薪酬福利/年", before: "31243 元/人均", after: "41998 元/人均" },
      { item: "安全生产标准化", before: "无证", after: "有证" },
      { item: "产品开发", before: "有产品设计中心", after: "完善产品设计中心" },
      { item: "技术改造", before: "有企业技术中心", after: "升级企业技术中心" },
      { item: "品牌建设", before: "品牌效应低、发展慢", after: "中国驰名商标" },
    ],
    sourceNote: S.cases,
  },
  {
    enterprise: E.yiaifu,
    title: "自主开发的服装终端零售系统",
    facts: ["系统在管理成本、工作效率、库存控制、业绩提升等方面带来良好成效"],
    sourceNote: S.cases,
  },
];

export interface EnterpriseFact {
  enterprise: EnterpriseName;
  fact: string;
  year?: number;
  sourceNote: string;
}

/** Smaller facts (photo captions, events) that the seeds attach to one enterprise. */
export const ENTERPRISE_FACTS: readonly EnterpriseFact[] = [
  { enterprise: E.huacheng, fact: "员工公寓一区内配套设施完善", sourceNote: S.csrResults },
  { enterprise: E.yiaifu, fact: "企业广播站（«天天有广播»）采访员工", sourceNote: S.csrResults },
  { enterprise: E.desheng, fact: "提供免费就餐", sourceNote: S.csrResults },
  { enterprise: E.banyu, fact: "每年组织员工生日旅游", sourceNote: S.csrResults },
  { enterprise: E.yisijia, fact: "举办员工才艺比赛", sourceNote: S.csrResults },
  {
    enterprise: E.huacheng,
    fact: "员工代表上台发言（图片说明，位于 2011-05-28 中纺协与国际劳工组织节能减排绿色技能培训启动仪式一段）",
    year: 2011,
    sourceNote: S.green,
  },
  {
    enterprise: E.huacheng,
    fact: "女职工上了《2009-2010中国纺织服装行业社会责任年度报告》封面",
    year: 2010,
    sourceNote: S.csrWork,
  },
  {
    enterprise: E.yuelaichun,
    fact: "职工代表作为利益相关方在中国纺织服装行业社会责任报告联合发布会（北京）上发言",
    year: 2010,
    sourceNote: S.csrWork,
  },
  {
    enterprise: E.huacheng,
    fact: "董事长张祥林在 2013-12 «创新与社会责任—中国纺织服装行业信息化与公平竞争研讨会» 上讲话",
    year: 2013,
    sourceNote: S.green,
  },
  {
    enterprise: E.yongcheng,
    fact: "与东华大学合作项目«基于新型纤维的功能复合材料研发与应用»获省及本市财政资金补助",
    sourceNote: S.policy,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Cluster indicators
// ---------------------------------------------------------------------------------------------------------

export interface IndicatorRow {
  year: number;
  /** Chinese label without the unit. */
  indicator: string;
  indicatorKey: string;
  value: number;
  unit: string;
  /** `约`, `以上` … when the seed qualifies the figure. */
  qualifier?: string;
  note?: string;
  sourceNote: string;
}

const INDICATOR_TABLE: readonly {
  indicator: string;
  indicatorKey: string;
  unit: string;
  values: [number, number, number, number];
}[] = [
  { indicator: "企业数", indicatorKey: "enterpriseCount", unit: "家", values: [1300, 1300, 1200, 1200] },
  {
    indicator: "其中规上企业数",
    indicatorKey: "aboveScaleEnterpriseCount",
    unit: "家",
    values: [174, 167, 168, 154],
  },
  {
    indicator: "工业总产值",
    indicatorKey: "grossIndustrialOutput",
    unit: "亿元",
    values: [140.0, 156.8, 140.6, 146.4],
  },
  {
    indicator: "主营业务收入",
    indicatorKey: "mainBusinessRevenue",
    unit: "亿元",
    values: [140.4, 156.1, 137.2, 141.2],
  },
  { indicator: "利税总额", indicatorKey: "totalProfitAndTax", unit: "亿元", values: [10.5, 9.7, 8.1, 9.5] },
  { indicator: "利润总额", indicatorKey: "totalProfit", unit: "亿元", values: [5.2, 3.4, 2.5, 2.8] },
  {
    indicator: "出口交货值",
    indicatorKey: "exportDeliveryValue",
    unit: "亿元",
    values: [79.6, 79.6, 75.4, 79.9],
  },
  { indicator: "职工人数", indicatorKey: "employeeCount", unit: "人", values: [84448, 79100, 67000, 57910] },
  { indicator: "产品产量", indicatorKey: "productOutput", unit: "亿件", values: [2.2, 2.4, 2.2, 2.3] },
];

const TABLE_YEARS = [2010, 2011, 2012, 2013] as const;

/** 平湖市服装产业主要经济指标（2010-2013）: 9 indicators × 4 years. */
export const CLUSTER_INDICATORS: readonly IndicatorRow[] = INDICATOR_TABLE.flatMap((row) =>
  TABLE_YEARS.map(
    (year, i): IndicatorRow => ({
      year,
      indicator: row.indicator,
      indicatorKey: row.indicatorKey,
      value: row.values[i] as number,
      unit: row.unit,
      sourceNote: S.indicatorTable,
    }),
  ),
);

/** Single-year cluster figures stated in the text of seed 000 (not in a table). */
export const CLUSTER_TEXT_INDICATORS: readonly IndicatorRow[] = [
  {
    year: 2013,
    indicator: "服装及衣着附件出口额",
    indicatorKey: "apparelExportValueUsd",
    value: 13.3,
    unit: "亿美元",
    note: "占全国服装出口总额 1782.2 亿美元的 0.8%",
    sourceNote: S.overview,
  },
  {
    year: 2013,
    indicator: "各类服装产量",
    indicatorKey: "garmentOutputPieces",
    value: 3,
    unit: "亿件(套)",
    qualifier: "约",
    note: "约占全国服装总产量的 1.2%、浙江省的 6.0%",
    sourceNote: S.overview,
  },
  {
    year: 2013,
    indicator: "纺织服装业主营业务收入（规上）",
    indicatorKey: "textileApparelMainBusinessRevenue",
    value: 164.6,
    unit: "亿元",
    note: "纺织服装业 (wider than the 服装 table figure of 141.2); 约占全市工业企业主营业务收入的 13.9%",
    sourceNote: S.status,
  },
  {
    year: 2013,
    indicator: "服装类中国驰名商标（司法认定）",
    indicatorKey: "chinaWellKnownTrademarks",
    value: 4,
    unit: "件",
    note: "累计, 截止 2013 年末",
    sourceNote: S.status,
  },
  {
    year: 2013,
    indicator: "服装类浙江省名牌产品",
    indicatorKey: "zhejiangFamousBrandProducts",
    value: 3,
    unit: "件",
    note: "累计, 截止 2013 年末",
    sourceNote: S.status,
  },
  {
    year: 2013,
    indicator: "服装类浙江省著名商标",
    indicatorKey: "zhejiangFamousTrademarks",
    value: 5,
    unit: "件",
    note: "累计, 截止 2013 年末",
    sourceNote: S.status,
  },
  {
    year: 2013,
    indicator: "服装类浙江省出口名牌",
    indicatorKey: "zhejiangExportBrands",
    value: 2,
    unit: "件",
    note: "累计, 截止 2013 年末",
    sourceNote: S.status,
  },
  {
    year: 2013,
    indicator: "服装类嘉兴市名牌产品",
    indicatorKey: "jiaxingFamousBrandProducts",
    value: 6,
    unit: "件",
    note: "累计, 截止 2013 年末",
    sourceNote: S.status,
  },
  {
    year: 2013,
    indicator: "服装类嘉兴市著名商标",
    indicatorKey: "jiaxingFamousTrademarks",
    value: 18,
    unit: "件",
    note: "累计, 截止 2013 年末",
    sourceNote: S.status,
  },
  {
    year: 2013,
    indicator: "服装类嘉兴市出口名牌",
    indicatorKey: "jiaxingExportBrands",
    value: 2,
    unit: "件",
    note: "累计, 截止 2013 年末",
    sourceNote: S.status,
  },
  {
    year: 2013,
    indicator: "服装类商标数量",
    indicatorKey: "apparelTrademarkCount",
    value: 1084,
    unit: "件",
    note: "占全市有效商品商标数量 3266 件的 33.2%",
    sourceNote: S.policy,
  },
  {
    year: 2013,
    indicator: "纺织服装企业专利申请",
    indicatorKey: "patentApplications",
    value: 208,
    unit: "件",
    sourceNote: S.policy,
  },
  {
    year: 2013,
    indicator: "纺织服装企业专利授权",
    indicatorKey: "patentGrants",
    value: 214,
    unit: "件",
    sourceNote: S.policy,
  },
  {
    year: 2013,
    indicator: "省级企业（行业）技术中心（纺织服装）",
    indicatorKey: "provincialTechCentres",
    value: 3,
    unit: "家",
    note: "全市 9 家",
    sourceNote: S.policy,
  },
  {
    year: 2013,
    indicator: "省级中小企业（行业）技术中心（纺织服装）",
    indicatorKey: "provincialSmeTechCentres",
    value: 4,
    unit: "家",
    note: "全市 20 家",
    sourceNote: S.policy,
  },
];

export interface PeriodFact {
  period: string;
  indicator: string;
  indicatorKey: string;
  value: number;
  unit: string;
  qualifier?: string;
  sourceNote: string;
}

/** Figures of the export inspection article (seed 001, c. 2010); «近三年» ≈ 2008–2010. */
export const EXPORT_INSPECTION_FACTS: readonly PeriodFact[] = [
  {
    period: "c. 2010",
    indicator: "服装企业",
    indicatorKey: "garmentEnterprises",
    value: 1600,
    unit: "家",
    qualifier: "多",
    sourceNote: S.opening001,
  },
  {
    period: "2009",
    indicator: "出口服装占全市出口总量",
    indicatorKey: "apparelShareOfExports",
    value: 46,
    unit: "%",
    sourceNote: S.inspection001,
  },
  {
    period: "近三年",
    indicator: "减免检测和检验费",
    indicatorKey: "inspectionFeesWaived",
    value: 500,
    unit: "万元",
    qualifier: "约",
    sourceNote: S.facilitation001,
  },
  {
    period: "近三年",
    indicator: "实施“绿色通道”企业",
    indicatorKey: "greenChannelEnterprises",
    value: 40,
    unit: "家",
    sourceNote: S.facilitation001,
  },
  {
    period: "近三年",
    indicator: "实施视频监管企业",
    indicatorKey: "videoSupervisedEnterprises",
    value: 30,
    unit: "家",
    qualifier: "多",
    sourceNote: S.facilitation001,
  },
  {
    period: "近三年",
    indicator: "培训企业报检人员",
    indicatorKey: "trainedDeclarationStaff",
    value: 800,
    unit: "人",
    sourceNote: S.facilitation001,
  },
  {
    period: "近三年",
    indicator: "培训内审人员",
    indicatorKey: "trainedInternalAuditors",
    value: 600,
    unit: "人",
    sourceNote: S.facilitation001,
  },
  {
    period: "近三年",
    indicator: "出口服装自检合格率",
    indicatorKey: "selfInspectionPassRate",
    value: 98,
    unit: "%",
    qualifier: "以上",
    sourceNote: S.inspection001,
  },
  {
    period: "近三年",
    indicator: "检验检疫合格率",
    indicatorKey: "inspectionPassRate",
    value: 99.9,
    unit: "%",
    qualifier: "以上",
    sourceNote: S.inspection001,
  },
  {
    period: "近三年",
    indicator: "面料检测合格率",
    indicatorKey: "fabricTestPassRate",
    value: 90,
    unit: "%",
    qualifier: "以上",
    sourceNote: S.inspection001,
  },
  {
    period: "近三年",
    indicator: "新增自主服装品牌",
    indicatorKey: "newOwnApparelBrands",
    value: 45,
    unit: "个",
    qualifier: "近",
    sourceNote: S.inspection001,
  },
];

// ---------------------------------------------------------------------------------------------------------
// One record per real enterprise
// ---------------------------------------------------------------------------------------------------------

export interface RealEnterprise {
  name: EnterpriseName;
  nameForm: "full" | "short";
  aliases: string[];
  parent?: EnterpriseName;
  chairman?: string;
  address?: string;
  townAsWritten?: string;
  town?: PinghuTownId;
  mainProducts?: string[];
  brands: string[];
  honours: Omit<EnterpriseHonourRow, "holder">[];
  certifications: Omit<CertificationRow, "holder">[];
  /** First provincial technical centre of the enterprise (see `techCentres` for all). */
  techCentre?: ProvincialTechCentre;
  techCentres: ProvincialTechCentre[];
  platforms: string[];
  isPilot: boolean;
  /** Entry number in the pilot table (lead or related company of that entry). */
  pilotNo?: number;
  isExportExempt: boolean;
  isRegionalDemo: boolean;
  facts: string[];
  notes: string[];
  sourceNotes: string[];
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function buildRealEnterprise(id: EnterpriseIdentity): RealEnterprise {
  const pilotCompany = PILOT_COMPANIES.find((c) => c.name === id.name);
  const pilot = pilotCompany ? PILOT_ENTERPRISES.find((p) => p.no === pilotCompany.pilotNo) : undefined;
  const honours = ENTERPRISE_HONOURS.filter((h) => h.holder === id.name).map(
    ({ holder: _h, ...rest }) => rest,
  );
  const certifications = CERTIFICATIONS.filter((c) => c.holder === id.name).map(
    ({ holder: _h, ...rest }) => rest,
  );
  const techCentres = PROVINCIAL_TECH_CENTRES.filter((t) => t.holder === id.name);
  const brands = BRANDS.filter((b) => b.holder === id.name);
  const platforms = PUBLIC_SERVICE_PLATFORMS.filter((p) => p.host === id.name);
  const cases = ENTERPRISE_CASE_STUDIES.filter((c) => c.enterprise === id.name);
  const facts = [
    ...(pilot && pilotCompany?.role === "lead" ? pilot.facts : []),
    ...(pilot && pilotCompany?.role === "related"
      ? [`named in pilot entry ${pilot.no} together with ${pilot.name}`]
      : []),
    ...cases.map((c) => `case study: ${c.title}`),
    ...ENTERPRISE_FACTS.filter((f) => f.enterprise === id.name).map((f) => f.fact),
  ];
  const products = unique(brands.flatMap((b) => (b.product ? [b.product] : [])));
  const exempt = EXPORT_EXEMPT_ENTERPRISES.find((e) => e.name === id.name);
  const demo = REGIONAL_DEMO_ENTERPRISES.filter((e) => e.name === id.name);

  const record: RealEnterprise = {
    name: id.name,
    nameForm: id.nameForm,
    aliases: [...id.aliases],
    brands: brands.map((b) => b.brand),
    honours,
    certifications,
    techCentres,
    platforms: platforms.map((p) => p.name),
    isPilot: pilot !== undefined,
    isExportExempt: exempt !== undefined,
    isRegionalDemo: demo.length > 0,
    facts: unique(facts),
    notes: [...id.notes],
    sourceNotes: unique([
      ...id.sourceNotes,
      ...(pilot ? [pilot.sourceNote] : []),
      ...honours.map((h) => h.sourceNote),
      ...certifications.map((c) => c.sourceNote),
      ...techCentres.map((t) => t.sourceNote),
      ...platforms.map((p) => p.sourceNote),
      ...cases.map((c) => c.sourceNote),
      ...(exempt ? exempt.sourceNotes : []),
      ...demo.map((d) => d.sourceNote),
    ]),
  };
  if (id.parent) record.parent = id.parent;
  if (id.chairman) record.chairman = id.chairman;
  if (pilot) {
    record.pilotNo = pilot.no;
    record.address = pilot.address;
    if (pilot.townAsWritten) record.townAsWritten = pilot.townAsWritten;
    if (pilot.town) record.town = pilot.town;
    if (pilotCompany?.role === "related") {
      record.notes.push(`address is the address cell of pilot entry ${pilot.no}, shared by its companies`);
    }
  }
  if (products.length > 0) record.mainProducts = products;
  if (techCentres[0]) record.techCentre = techCentres[0];
  return record;
}

/** One record per enterprise, merging every list above. */
export const ALL_REAL_ENTERPRISES: readonly RealEnterprise[] = ENTERPRISE_IDENTITIES.map(buildRealEnterprise);
