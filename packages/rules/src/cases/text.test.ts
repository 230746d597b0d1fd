import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { seededRandom } from "../random.ts";
import {
  ABUSE_REVIEW_THRESHOLD,
  assessAbuse,
  codePointLength,
  SUBMISSION_TEXT_RULES,
  type TextRules,
  validatePublicSubmission,
  validateText,
} from "./text.ts";

const TITLE = SUBMISSION_TEXT_RULES.title;
const DESCRIPTION = SUBMISSION_TEXT_RULES.description;

function result(input: unknown, rules: TextRules = DESCRIPTION): string {
  const r = validateText(input, rules);
  return r.ok ? `ok:${r.value}` : r.code;
}

describe("validateText", () => {
  const cases: [string, unknown, TextRules, string][] = [
    ["plain Chinese", "厂区门口路灯坏了三天", DESCRIPTION, "ok:厂区门口路灯坏了三天"],
    ["trimmed, ideographic space too", "\u3000 用电扩容申请进度？ \n", TITLE, "ok:用电扩容申请进度？"],
    ["CRLF becomes LF", "第一行\r\n第二行\r第三行", DESCRIPTION, "ok:第一行\n第二行\n第三行"],
    ["tabs are fine", "品名\t数量\t单价", DESCRIPTION, "ok:品名\t数量\t单价"],
    ["HTML kept as text", "<b>急</b> 出口退税进度", TITLE, "ok:<b>急</b> 出口退税进度"],
    ["script kept as text", "<script>alert(1)</script>", DESCRIPTION, "ok:<script>alert(1)</script>"],
    ["NFC", "cafe\u0301 menu", TITLE, "ok:caf\u00e9 menu"],
    ["emoji with joiners", "工人👩‍🔧 需要培训", TITLE, "ok:工人👩‍🔧 需要培训"],
    ["missing", undefined, TITLE, "required"],
    ["null", null, TITLE, "required"],
    ["blank", " \u3000\n\t", TITLE, "required"],
    ["not a string", 42, TITLE, "not_text"],
    ["an object", { toString: () => "x" }, TITLE, "not_text"],
    ["NUL", "路灯\u0000坏了", TITLE, "control_character"],
    ["escape", "路灯\u001b[31m坏了", TITLE, "control_character"],
    ["DEL", "路灯\u007f坏了", TITLE, "control_character"],
    ["C1", "路灯\u0085坏了", TITLE, "control_character"],
    ["bidi override", "invoice \u202egnp.exe", TITLE, "control_character"],
    ["bidi isolate", "abc \u2066def\u2069", TITLE, "control_character"],
    ["lone surrogate", "路灯\ud800坏了", TITLE, "invalid_unicode"],
    ["reversed surrogates", "x\udc00\ud800", TITLE, "invalid_unicode"],
    ["newline in a title", "第一行\n第二行", TITLE, "newline_not_allowed"],
    ["too short", "灯", TITLE, "too_short"],
    ["no letters", "。。。。。。", DESCRIPTION, "no_letters"],
    ["digits only", "1234567", DESCRIPTION, "no_letters"],
    ["question marks", "？？？？？", DESCRIPTION, "no_letters"],
    ["phone needs no letter", "0573-85012345", SUBMISSION_TEXT_RULES.contact, "ok:0573-85012345"],
    ["optional empty", "  ", SUBMISSION_TEXT_RULES.contact, "ok:"],
    ["optional missing", undefined, SUBMISSION_TEXT_RULES.enterpriseName, "ok:"],
  ];
  for (const [why, input, rules, expected] of cases) {
    test(why, () => assert.equal(result(input, rules), expected));
  }

  test("lengths count code points, as PostgreSQL does", () => {
    assert.equal(codePointLength("平湖𠀀👍"), 4);
    assert.equal(result("字".repeat(100), TITLE).slice(0, 3), "ok:");
    assert.equal(result("字".repeat(101), TITLE), "too_long");
    assert.equal(result("𠀀".repeat(100), TITLE).slice(0, 3), "ok:"); // 200 UTF-16 units
    assert.equal(result("a".repeat(5001)), "too_long");
  });

  test("property: an accepted value is trimmed, within limits and accepted again unchanged", () => {
    const rand = seededRandom(11);
    const alphabet = ["平", "湖", "a", "Z", " ", "\n", "\t", "<", ">", "&", "。", "1", "\u3000", "👍", "\r"];
    for (let i = 0; i < 2000; i++) {
      const s = Array.from(
        { length: Math.floor(rand() * 30) },
        () => alphabet[Math.floor(rand() * alphabet.length)],
      ).join("");
      const r = validateText(s, DESCRIPTION);
      if (!r.ok) continue;
      assert.equal(r.value, r.value.trim());
      assert.ok(!r.value.includes("\r"));
      const n = codePointLength(r.value);
      assert.ok(n >= DESCRIPTION.minLength && n <= DESCRIPTION.maxLength);
      assert.deepEqual(validateText(r.value, DESCRIPTION), r);
    }
  });
});

describe("validatePublicSubmission", () => {
  const CATEGORIES = ["policy", "environment", "other"];

  test("a good submission, with abuse assessment", () => {
    const r = validatePublicSubmission(
      {
        category: "environment",
        title: " 夜间噪声扰民 ",
        description: "印染厂夜里12点后仍有机器噪声。",
        contact: "13800000000",
      },
      CATEGORIES,
    );
    assert.ok(r.ok);
    assert.deepEqual(r.value, {
      category: "environment",
      title: "夜间噪声扰民",
      description: "印染厂夜里12点后仍有机器噪声。",
      contact: "13800000000",
      enterpriseName: "",
    });
    assert.deepEqual(r.abuse, { score: 0, reasons: [] });
  });

  test("every bad field is reported at once", () => {
    const r = validatePublicSubmission(
      { category: "roads", title: "", description: "x".repeat(5001), contact: 5 },
      CATEGORIES,
    );
    assert.ok(!r.ok);
    assert.deepEqual(
      r.issues.map((i) => `${i.field}:${i.code}`),
      ["category:category_unknown", "title:required", "description:too_long", "contact:not_text"],
    );
  });

  test("a prototype key is not a category", () => {
    const r = validatePublicSubmission(
      { category: "constructor", title: "标题", description: "问题描述内容" },
      CATEGORIES,
    );
    assert.ok(!r.ok);
  });
});

describe("assessAbuse", () => {
  const cases: [string, string, string[]][] = [
    ["ordinary text", "请问技改补贴什么时候发放？谢谢谢谢！", []],
    ["laughter is fine", "哈哈哈哈哈哈哈 好的", []],
    ["long run", "啊啊啊啊啊啊啊啊啊啊", ["repeated_characters"]],
    ["run with spaces", "a a a a a a a a a", ["repeated_characters"]],
    ["low variety", "哈嘿".repeat(20), ["low_variety"]],
    ["one link", "详见 https://example.com/notice", ["links"]],
    ["many links", "http://a.cn http://b.cn www.c.cn", ["many_links"]],
    ["markup", '<a href="x">点击领取</a>', ["markup"]],
    ["javascript URL", "javascript:alert(1)", ["markup"]],
    ["plain angle brackets", "温度 < 30 且 > 10", []],
    ["phone numbers", "联系 13800000001 13800000002 13900000003", ["many_phone_numbers"]],
    ["two phone numbers", "联系 13800000001 或 13800000002", []],
  ];
  for (const [why, text, reasons] of cases) {
    test(why, () => assert.deepEqual(assessAbuse(text).reasons, reasons));
  }

  test("scores add up; a single link alone stays under the review threshold", () => {
    assert.ok(assessAbuse("详见 https://example.com").score < ABUSE_REVIEW_THRESHOLD);
    const spam = assessAbuse(`${"赚".repeat(10)} http://a.cn http://b.cn http://c.cn`);
    assert.deepEqual(spam.reasons, ["repeated_characters", "many_links"]);
    assert.equal(spam.score, 2);
  });
});
