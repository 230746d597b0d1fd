// Vocabulary of the demo's export lots: HS codes per product category, destinations, buyers, unit prices, and the
// texts of quality events, camera checks and public lists. Everything here is illustrative demo data, not records
// of real shipments; the HS codes are real tariff headings chosen to fall under each category's prefixes.

/** HS codes (8-digit Chinese tariff lines) and a product description, by product category code. */
export const HS_CODES: Record<string, readonly { hs: string; zh: string }[]> = {
  knitted: [
    { hs: "61091000", zh: "棉制针织T恤衫" },
    { hs: "61102000", zh: "棉制针织套头衫" },
    { hs: "61103000", zh: "化纤制针织套头衫" },
    { hs: "61051000", zh: "棉制针织男衬衫" },
    { hs: "61046200", zh: "棉制针织女长裤" },
    { hs: "61044200", zh: "棉制针织连衣裙" },
  ],
  woven: [
    { hs: "62034200", zh: "棉制男长裤" },
    { hs: "62052000", zh: "棉制男衬衫" },
    { hs: "62063000", zh: "棉制女衬衫" },
    { hs: "62046200", zh: "棉制女长裤" },
    { hs: "62044300", zh: "合成纤维制女连衣裙" },
    { hs: "62033300", zh: "合成纤维制男上衣" },
  ],
  childrens: [
    { hs: "61112000", zh: "棉制针织婴儿服装" },
    { hs: "61113000", zh: "合成纤维制针织婴儿服装" },
    { hs: "62092000", zh: "棉制婴儿服装" },
    { hs: "62093000", zh: "合成纤维制婴儿服装" },
  ],
  down: [
    { hs: "62014010", zh: "化纤制男式羽绒服" },
    { hs: "62024010", zh: "化纤制女式羽绒服" },
    { hs: "62019310", zh: "男式羽绒防寒服" },
    { hs: "62029310", zh: "女式羽绒防寒服" },
  ],
  outerwear: [
    { hs: "62013090", zh: "棉制男式大衣、风衣" },
    { hs: "62023090", zh: "棉制女式大衣、风衣" },
    { hs: "62012000", zh: "毛制男式大衣" },
    { hs: "62022000", zh: "毛制女式大衣" },
  ],
  sportswear: [
    { hs: "61121200", zh: "合成纤维制针织运动套装" },
    { hs: "61124100", zh: "合成纤维制女式游泳服" },
    { hs: "62112000", zh: "滑雪服" },
    { hs: "62114300", zh: "合成纤维制女式运动服" },
    { hs: "62113300", zh: "合成纤维制男式运动服" },
  ],
  accessories: [
    { hs: "61171000", zh: "针织披巾、围巾" },
    { hs: "61178000", zh: "其他针织衣着附件" },
    { hs: "62171000", zh: "梭织衣着附件" },
    { hs: "62179000", zh: "衣着零件" },
  ],
};

/** Unit price range in USD per piece, by category (FOB, order of magnitude only). */
export const UNIT_PRICE_USD: Record<string, readonly [number, number]> = {
  knitted: [2.8, 8],
  woven: [5, 15],
  childrens: [2.5, 7],
  down: [22, 60],
  outerwear: [14, 42],
  sportswear: [7, 22],
  accessories: [1.2, 5],
};

/** Which categories a synthetic enterprise's main products point to (weights), see demo/synthetic.ts PRODUCTS. */
export const CATEGORIES_BY_PRODUCT: Record<string, readonly [string, number][]> = {
  梭织服装: [
    ["woven", 6],
    ["outerwear", 2],
  ],
  针织服装: [
    ["knitted", 6],
    ["sportswear", 1],
  ],
  羽绒服: [
    ["down", 6],
    ["outerwear", 2],
  ],
  羊毛衫: [
    ["knitted", 6],
    ["accessories", 1],
  ],
  童装: [
    ["childrens", 6],
    ["knitted", 2],
  ],
  户外运动服: [
    ["sportswear", 5],
    ["outerwear", 2],
    ["down", 1],
  ],
  西服: [
    ["woven", 5],
    ["outerwear", 3],
  ],
  衬衫: [["woven", 6]],
  休闲裤: [
    ["woven", 5],
    ["knitted", 1],
  ],
  工装: [
    ["woven", 5],
    ["outerwear", 2],
  ],
  户外旅行服饰: [
    ["sportswear", 4],
    ["outerwear", 3],
    ["down", 2],
  ],
};

/** Categories of an enterprise whose main products are not known (the real ones). */
export const DEFAULT_CATEGORY_MIX: readonly [string, number][] = [
  ["woven", 4],
  ["knitted", 4],
  ["outerwear", 2],
  ["down", 1],
  ["childrens", 1],
  ["sportswear", 1],
  ["accessories", 1],
];

/** Export markets (ISO 3166-1 alpha-2) and their weights: the US, Japan and the EU lead, as for the cluster. */
export const DESTINATIONS: readonly [string, number][] = [
  ["US", 26],
  ["JP", 17],
  ["DE", 8],
  ["KR", 7],
  ["GB", 5],
  ["AU", 5],
  ["FR", 4],
  ["IT", 4],
  ["CA", 4],
  ["NL", 3],
  ["ES", 3],
  ["RU", 3],
  ["AE", 2],
  ["SG", 2],
  ["BE", 1],
  ["PL", 1],
  ["SE", 1],
  ["DK", 1],
  ["CL", 1],
  ["MX", 1],
];

/** Invented importers per market (not real companies). */
export const BUYERS: Record<string, readonly string[]> = {
  US: ["Harbor Line Apparel Inc.", "Bluestone Outfitters LLC", "Prairie Thread Co."],
  JP: ["ミナト衣料株式会社", "さくら繊維商事株式会社"],
  DE: ["Nordwind Textil GmbH", "Rheinblick Mode GmbH"],
  KR: ["한빛어패럴 주식회사"],
  GB: ["Thameside Clothing Ltd"],
  AU: ["Southern Cross Garments Pty Ltd"],
  FR: ["Maison Lumière Textile SARL"],
  IT: ["Tessuti Aurora S.r.l."],
  CA: ["Maple Ridge Apparel Ltd."],
  NL: ["Polder Fashion B.V."],
  ES: ["Confecciones Brisa S.L."],
};

/** Monthly weight of declarations (1 = average): autumn/winter orders ship Jul–Oct, Spring Festival slows February. */
export const SEASON: readonly number[] = [1.0, 0.55, 0.9, 1.0, 0.95, 0.95, 1.1, 1.25, 1.3, 1.2, 1.05, 0.95];

export const QUALITY_EVENT_TEXTS: Record<string, readonly string[]> = {
  return: [
    "{dest}客户因尺寸超差退运 1 批（{lot}）",
    "{dest}进口商以色差为由退回 1 批（{lot}）",
    "{dest}客户因标识错误拒收退运（{lot}）",
  ],
  claim: ["{dest}客户就缝制质量提出索赔（{lot}）", "{dest}买方因交货批次破洞率超标索赔（{lot}）"],
  warning: ["{dest}通报：童装绳带不符合进口国要求（{lot}）", "{dest}通报：纤维成分标识缺失（{lot}）"],
  complaint: ["{dest}客户投诉包装破损、产品受潮（{lot}）", "{dest}客户投诉线头、污渍较多（{lot}）"],
  penalty: ["因出口货物质量不合格被海关行政处罚", "因报检信息与实际货物不符被海关行政处罚"],
};

export const CAMERA_SPOTS: readonly { name: string; location: string }[] = [
  { name: "裁剪车间 1 号", location: "裁剪车间" },
  { name: "缝制流水线 A", location: "缝制车间一楼" },
  { name: "后整理验针区", location: "后整理车间" },
  { name: "成品仓库出入口", location: "成品仓库" },
];

export const SPOT_CHECK_FINDINGS: Record<"ok" | "issue", readonly string[]> = {
  ok: ["验针记录完整，现场有序", "抽查流水线在产，与报检品名一致", "成品堆放规范，唛头清晰"],
  issue: ["验针机未开启，已要求整改", "现场在产品名与报检不符，已约谈企业", "成品仓库混放待返工货物"],
};
