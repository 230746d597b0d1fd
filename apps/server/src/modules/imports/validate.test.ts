import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import type { Enterprise } from "../enterprises/schemas.ts";
import { toRow } from "../enterprises/service.ts";
import { changedFieldsOf } from "./classify.ts";
import { updatedRow } from "./service.ts";
import {
  DuplicateTracker,
  parseBoolean,
  parseCount,
  parseDate,
  splitList,
  TownLookup,
  validateRow,
} from "./validate.ts";

const towns = new TownLookup([
  { code: "danghu", name: "当湖街道" },
  { code: "xindai", name: "新埭镇" },
]);
const USCC = generateUscc(seededRandom(7));

describe("import row validation", () => {
  it("reads dates as people write them", () => {
    assert.equal(parseDate("2015-03-01"), "2015-03-01");
    assert.equal(parseDate("2015/3/1"), "2015-03-01");
    assert.equal(parseDate("2015.3.1"), "2015-03-01");
    assert.equal(parseDate("2015年3月1日"), "2015-03-01");
    assert.equal(parseDate("20150301"), "2015-03-01");
    assert.equal(parseDate("2015-03-01 00:00:00"), "2015-03-01");
    assert.equal(parseDate("42064"), "2015-03-01", "an Excel serial day");
    assert.equal(parseDate("2015-02-30"), null);
    assert.equal(parseDate("2015"), null);
    assert.equal(parseDate("去年"), null);
  });

  it("reads yes/no, counts and lists", () => {
    for (const yes of ["是", "Y", "yes", "TRUE", "1"]) assert.equal(parseBoolean(yes), true, yes);
    for (const no of ["否", "n", "No", "false", "0"]) assert.equal(parseBoolean(no), false, no);
    assert.equal(parseBoolean("也许"), null);
    assert.equal(parseCount("1,200"), 1200);
    assert.equal(parseCount("1200人"), 1200);
    assert.equal(parseCount("120.0"), 120);
    assert.equal(parseCount("-3"), null);
    assert.equal(parseCount("约100"), null);
    assert.deepEqual(splitList("华城；华城集团;华城、 HC ,华城"), ["华城", "华城集团", "HC"]);
  });

  it("finds towns by name, short name or code", () => {
    assert.equal(towns.find("当湖街道"), "danghu");
    assert.equal(towns.find("当湖"), "danghu");
    assert.equal(towns.find("XINDAI"), "xindai");
    assert.equal(towns.find("新埭 镇"), "xindai");
    assert.equal(towns.find("乍浦镇"), undefined);
  });

  it("types a valid row and reports each bad field with its code", () => {
    const ok = validateRow(
      {
        uscc: USCC.toLowerCase(),
        name: " 平湖市华城服饰有限公司 ",
        town: "当湖街道",
        employees: "1,200",
        foundedOn: "2015/3/1",
        aboveScale: "是",
        aliases: "华城；华城服饰",
        industryCode: "1810",
      },
      towns,
    );
    assert.deepEqual(ok.issues, []);
    assert.deepEqual(ok.values, {
      uscc: USCC,
      name: "平湖市华城服饰有限公司",
      aliases: ["华城", "华城服饰"],
      town: "danghu",
      industryCode: "1810",
      aboveScale: true,
      employees: 1200,
      foundedOn: "2015-03-01",
    });
    assert.equal(ok.usccKey, USCC);
    assert.equal(ok.nameKey, "华城服饰");

    const bad = validateRow(
      {
        uscc: `${USCC.slice(0, 17)}${USCC.endsWith("0") ? "1" : "0"}`,
        name: null,
        town: "火星镇",
        employees: "很多",
        foundedOn: "2015-13-01",
        exportFlag: "也许",
        industryCode: "服装",
        address: "地".repeat(301),
      },
      towns,
    );
    assert.deepEqual(
      bad.issues.map((i) => `${i.field}:${i.code}`),
      [
        "uscc:uscc_check",
        "name:required",
        "address:too_long",
        "town:unknown_town",
        "industryCode:format",
        "employees:number",
        "foundedOn:date",
        "exportFlag:boolean",
      ],
    );
  });

  it("flags a USCC or a name seen in an earlier row; two USCCs with one name are two enterprises", () => {
    const d = new DuplicateTracker();
    assert.equal(d.check(2, "A", "华城"), null);
    assert.deepEqual(d.check(3, "A", "别的"), {
      field: "uscc",
      code: "duplicate_in_file",
      params: { row: 2 },
    });
    assert.deepEqual(d.check(4, null, "华城"), {
      field: "name",
      code: "duplicate_in_file",
      params: { row: 2 },
    });
    assert.equal(d.check(5, "B", "华城"), null);
    assert.equal(d.check(6, null, "金穗"), null);
    assert.deepEqual(d.check(7, "C", "金穗"), {
      field: "name",
      code: "duplicate_in_file",
      params: { row: 6 },
    });
  });

  it("compares only the fields a row supplies, lists as sets", () => {
    const record = {
      uscc: USCC,
      name: "平湖市华城服饰有限公司",
      formerNames: [],
      aliases: ["华城", "华城服饰"],
      legalRepresentative: "王伟",
      address: null,
      town: "danghu",
      industryCode: "1810",
      aboveScale: true,
      employees: 1200,
      foundedOn: "2015-03-01",
      exportFlag: false,
      mainProducts: null,
    };
    assert.deepEqual(
      changedFieldsOf({ uscc: USCC, aliases: ["华城服饰", "华城"], employees: 1200 }, record),
      [],
    );
    assert.deepEqual(changedFieldsOf({ uscc: USCC, employees: 1300, address: "新华路1号" }, record), [
      "employees",
      "address",
    ]);
  });
});

describe("import updates", () => {
  const current: Enterprise = {
    id: "e1",
    uscc: USCC,
    usccIsDemo: true,
    name: "平湖市华城服饰有限公司",
    formerNames: ["平湖华城制衣厂"],
    aliases: ["华城"],
    legalRepresentative: "王伟",
    address: "新华路 1 号",
    town: "danghu",
    townName: "当湖街道",
    industryCode: "1810",
    aboveScale: true,
    employees: 1200,
    foundedOn: "2015-03-01",
    exportFlag: true,
    mainProducts: "衬衫",
    isSynthetic: false,
    brands: [{ name: "华城", kind: "brand" }],
    certifications: [],
    honours: [],
    contacts: [{ name: "王伟", role: "董事长" }],
    createdAt: "2024-01-01T00:00:00.000Z",
    updatedAt: "2024-01-01T00:00:00.000Z",
  };

  it("writes what toRow writes, keeping the search tokens when no name changed", () => {
    const next = { ...current, employees: 1300, address: null };
    const { row, keepSearchTokens } = updatedRow(current, next);
    assert.equal(keepSearchTokens, true);
    assert.deepEqual(row, { ...toRow(next, { usccIsDemo: true, isSynthetic: false }), searchTokens: [] });
  });

  it("computes the search tokens when a name or the code changes", () => {
    const renamed = { ...current, name: "平湖市华城时装有限公司" };
    assert.equal(updatedRow(current, renamed).keepSearchTokens, false);
    assert.ok(updatedRow(current, renamed).row.searchTokens.includes("时装"));
    const recoded = updatedRow(current, { ...current, uscc: generateUscc(seededRandom(8)) });
    assert.equal(recoded.keepSearchTokens, false);
    assert.equal(recoded.row.usccIsDemo, false);
  });
});
