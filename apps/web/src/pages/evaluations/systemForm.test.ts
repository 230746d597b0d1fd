import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { STAR_RATING_SYSTEM } from "@jingwei/rules";
import type { Translate } from "../../i18n/I18nProvider";
import { zhCN } from "../../i18n/zh-CN";
import {
  countUnder,
  type EditorSystem,
  evenBands,
  getIn,
  indicatorMatches,
  moveItem,
  newIndicator,
  pathLabel,
  retype,
  sectionOf,
  setIn,
  tabOf,
  totals,
} from "./systemForm";

const star = () => structuredClone(STAR_RATING_SYSTEM) as unknown as EditorSystem;
const t: Translate = (key, vars) =>
  zhCN[key].replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m));

describe("system editor state", () => {
  test("setIn copies the path only and removes emptied optional fields", () => {
    const sys = star();
    const next = setIn(sys, "sections[1].indicators[0].maxPoints", 30);
    assert.equal(getIn(next, "sections[1].indicators[0].maxPoints"), 30);
    assert.equal(getIn(sys, "sections[1].indicators[0].maxPoints"), 25, "the original is untouched");
    assert.equal(next.sections[0], sys.sections[0], "other sections keep their identity (memoised panels)");
    assert.notEqual(next.sections[1], sys.sections[1]);
    const flagged = setIn(sys, "sections[0].indicators[0].crucial", true);
    assert.equal(flagged.sections[0]?.indicators[0]?.crucial, true);
    const cleared = setIn(flagged, "sections[0].indicators[0].crucial", undefined);
    assert.ok(!("crucial" in (cleared.sections[0]?.indicators[0] ?? {})));
    assert.deepEqual(setIn({}, "a.b[0]", 2), { a: { b: [2] } });
  });

  test("retype keeps the common fields and drops the old type's", () => {
    const sys = star();
    const single = sys.sections[0]?.indicators[0];
    assert.ok(single?.options);
    const num = retype(single, "number");
    assert.equal(num.type, "number");
    assert.equal(num.id, single.id);
    assert.equal(num.maxPoints, single.maxPoints);
    assert.equal(num.options, undefined);
    assert.deepEqual(num.scoring, { direction: "higherIsBetter", steps: [{ threshold: 0, points: 25 }] });
    assert.equal(retype(num, "file").scoring, undefined);
    assert.equal(retype(num, "file").minFiles, 1);
  });

  test("new indicators get a free id; weights only for weighted systems", () => {
    const sys = star();
    const a = newIndicator(sys, "yesPartialNo");
    assert.equal(a.id, "indicator-1");
    assert.equal(a.weight, undefined);
    const withA = setIn(sys, "sections[0].indicators", [...(sys.sections[0]?.indicators ?? []), a]);
    assert.equal(newIndicator(withA, "file").id, "indicator-2");
    assert.equal(newIndicator({ ...sys, scoringMethod: "weightedPercent" }, "file").weight, 0);
  });

  test("totals: the star rating's 44 indicators make 1000 points", () => {
    const sums = totals(star());
    assert.equal(sums.points, 1000);
    assert.equal(
      sums.sections.reduce((a, s) => a + s.indicators, 0),
      44,
    );
    const bumped = setIn(star(), "sections[0].indicators[0].maxPoints", 30);
    assert.equal(totals(bumped).points, 1005);
    assert.equal(totals(bumped).sections[0]?.points, 95);
  });

  test("issue paths: sections, tabs, counts under a prefix", () => {
    assert.equal(sectionOf("sections[3].indicators[0].weight"), 3);
    assert.equal(sectionOf("rating.levels[0].id"), null);
    assert.equal(tabOf("sections"), "sections");
    assert.equal(tabOf("rating.overall.banding.bands[0].max"), "rating");
    assert.equal(tabOf("name.zh"), "basic");
    const issues = [
      { path: "sections[1].weight", code: "weight_invalid", severity: "error" as const, message: "" },
      { path: "sections[10].weight", code: "weight_invalid", severity: "error" as const, message: "" },
      { path: "sections[1]", code: "x", severity: "warning" as const, message: "" },
    ];
    assert.deepEqual(countUnder(issues, "sections[1]"), { errors: 1, warnings: 1 });
  });

  test("a path reads as the names a person sees", () => {
    const sys = star();
    assert.equal(
      pathLabel("sections[0].indicators[1].maxPoints", sys, t, "zh-CN"),
      "要素 1 战略管理 › 指标 2 st-targets 年度经营目标分解与绩效考核 › 满分",
    );
    assert.equal(
      pathLabel("rating.overall.banding.bands[0].max", sys, t, "zh-CN"),
      "评级 › 总评 › 总评分数段 › 分数段 1 › 最大值",
    );
    assert.equal(
      pathLabel("rating.overall.banding.basis", sys, t, "zh-CN"),
      "评级 › 总评 › 总评分数段 › 分段依据",
    );
    assert.equal(pathLabel("sections", sys, t, "zh-CN"), "要素");
    assert.equal(pathLabel("", sys, t, "zh-CN"), "体系");
  });

  test("search, moves and even bands", () => {
    const ind = star().sections[0]?.indicators[0];
    assert.ok(ind);
    assert.ok(indicatorMatches(ind, "战略"));
    assert.ok(indicatorMatches(ind, "ST-PLAN"));
    assert.ok(!indicatorMatches(ind, "文化"));
    assert.deepEqual(moveItem([1, 2, 3], 0, 2), [2, 3, 1]);
    assert.deepEqual(moveItem([1, 2, 3], 0, -1), [1, 2, 3]);
    assert.deepEqual(
      evenBands(
        [
          { id: "a", name: { zh: "", en: "" } },
          { id: "b", name: { zh: "", en: "" } },
        ],
        100,
      ),
      [
        { level: "a", min: 50, max: 100 },
        { level: "b", min: 0, max: 50 },
      ],
    );
  });
});
