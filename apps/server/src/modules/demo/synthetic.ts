import { generateUscc } from "@jingwei/rules";
import type { EnterpriseCreate } from "../enterprises/schemas.ts";

// Synthetic enterprises fill the registry to the real cluster's size (~1,200 in Pinghu). They are marked
// is_synthetic, and their names are built from trade-name syllables that are not taken from any real company.

const PREFIXES = ["平湖市", "平湖", "嘉兴市", "浙江"];
const SYLLABLES = [
  ..."安邦宝达德丰富广海恒宏华辉佳嘉锦金晶凯康朗乐丽利隆美明鹏琪启瑞森盛顺泰天通旺伟鑫欣星兴雅扬亿逸盈永友裕远悦云泽展正志中卓",
];
const TRADES = ["服饰", "制衣", "针织", "时装", "服装", "纺织", "织造", "羊毛衫", "童装", "户外用品"];
const SUFFIXES = ["有限公司", "有限公司", "有限公司", "股份有限公司"];
const PRODUCTS = [
  "梭织服装",
  "针织服装",
  "羽绒服",
  "羊毛衫",
  "童装",
  "户外运动服",
  "西服",
  "衬衫",
  "休闲裤",
  "工装",
];
const TOWNS = [
  "danghu",
  "zhongdai",
  "caoqiao",
  "zhapu",
  "xindai",
  "xincang",
  "dushangang",
  "guangchen",
  "lindai",
];
const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华飞玉兰萍红建林"];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/** A plausible, clearly synthetic enterprise number `i`; the same rand sequence gives the same enterprise. */
export function syntheticEnterprise(rand: () => number, i: number): EnterpriseCreate {
  const tradeName = pick(rand, SYLLABLES) + pick(rand, SYLLABLES);
  // The serial keeps names unique at any scale (100,000 in the benchmarks) without looking like real companies.
  const name = `${pick(rand, PREFIXES)}${tradeName}${pick(rand, TRADES)}${i >= 1000 ? `${i}号` : ""}${pick(rand, SUFFIXES)}`;
  const employees = Math.floor(10 + rand() ** 2.5 * 1500);
  const year = 1985 + Math.floor(rand() * 38);
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, "0");
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, "0");
  const town = pick(rand, TOWNS);
  const certifications: EnterpriseCreate["certifications"] = [];
  if (rand() < 0.35) {
    const from = 2022 + Math.floor(rand() * 4);
    certifications.push({ type: "ISO9001", validFrom: `${from}-03-01`, validTo: `${from + 3}-02-28` });
  }
  if (rand() < 0.12) {
    const from = 2023 + Math.floor(rand() * 3);
    certifications.push({
      type: pick(rand, ["BSCI", "OEKO_TEX", "WRAP", "CSC9000T"]),
      validFrom: `${from}-06-01`,
      validTo: `${from + 1}-05-31`,
    });
  }
  return {
    uscc: generateUscc(rand),
    name,
    legalRepresentative: pick(rand, SURNAMES) + pick(rand, GIVEN) + (rand() < 0.5 ? pick(rand, GIVEN) : ""),
    address: `平湖市${town === "danghu" ? "当湖街道" : ""}工业园区${1 + Math.floor(rand() * 300)}号`,
    town,
    industryCode: pick(rand, ["1810", "1820", "1830", "1762"]),
    aboveScale: employees > 300 || rand() < 0.08,
    employees,
    foundedOn: `${year}-${month}-${day}`,
    exportFlag: rand() < 0.7,
    mainProducts: pick(rand, PRODUCTS),
    certifications,
  };
}
