import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseSystem, type SystemFormat, serialiseSystem } from "./serialise.ts";
import { SHIPPED_SYSTEMS } from "./systems/index.ts";
import { copy, fixture } from "./testing.ts";

const FORMATS: SystemFormat[] = ["json", "yaml"];

describe("serialiseSystem / parseSystem", () => {
  for (const sys of [...SHIPPED_SYSTEMS, fixture()]) {
    for (const format of FORMATS) {
      test(`${sys.id} round-trips through ${format}`, () => {
        const text = serialiseSystem(sys, format);
        const r = parseSystem(text, format);
        assert.ok(r.ok, JSON.stringify(r.issues.slice(0, 5)));
        assert.deepEqual(r.system, sys);
        assert.equal(serialiseSystem(r.system, format), text, "stable output");
      });
    }
  }

  test("JSON output: fields in the shape's order, two-space indent, trailing newline", () => {
    const s = copy(fixture());
    const { rating, sections, ...rest } = s;
    const shuffled = { rating, sections, ...rest };
    const text = serialiseSystem(shuffled, "json");
    assert.ok(text.startsWith('{\n  "id": "fixture",\n  "version": "1",\n'));
    assert.ok(text.endsWith("}\n"));
    assert.ok(text.indexOf('"sections"') < text.indexOf('"rating"'));
  });

  test("YAML keeps strings that look like numbers or booleans as strings", () => {
    const s = copy(fixture());
    s.version = "2024.10";
    s.id = "yes";
    const r = parseSystem(serialiseSystem(s, "yaml"), "yaml");
    assert.ok(r.ok);
    assert.equal(r.system.version, "2024.10");
    assert.equal(r.system.id, "yes");
  });

  const refusals: { name: string; format: SystemFormat; text: () => string; path: string; code: string }[] = [
    { name: "broken JSON", format: "json", text: () => "{", path: "", code: "syntax_invalid" },
    { name: "broken YAML", format: "yaml", text: () => "a: [1, 2\nb: c", path: "", code: "syntax_invalid" },
    {
      name: "duplicate YAML key",
      format: "yaml",
      text: () => "id: a\nid: b\n",
      path: "",
      code: "syntax_invalid",
    },
    { name: "not an object", format: "json", text: () => "[]", path: "", code: "field_type" },
    {
      name: "unknown top-level field",
      format: "json",
      text: () => JSON.stringify({ ...fixture(), owner: "me" }),
      path: "owner",
      code: "field_unknown",
    },
    {
      name: "unknown indicator field, with its path",
      format: "json",
      text: () => {
        const s = copy(fixture()) as unknown as { sections: { indicators: Record<string, unknown>[] }[] };
        const i = s.sections[1]?.indicators[2];
        if (i) i.colour = "red";
        return JSON.stringify(s);
      },
      path: "sections[1].indicators[2].colour",
      code: "field_unknown",
    },
    {
      name: "unknown field deep in YAML",
      format: "yaml",
      text: () =>
        serialiseSystem(fixture(), "yaml").replace("points: 4\n", "points: 4\n              note: x\n"),
      path: "sections[0].indicators[1].scoring.steps[2].note",
      code: "field_unknown",
    },
    {
      name: "missing field",
      format: "json",
      text: () => {
        const s = copy(fixture()) as unknown as Record<string, unknown>;
        delete s.rating;
        return JSON.stringify(s);
      },
      path: "rating",
      code: "field_missing",
    },
    {
      name: "wrong type",
      format: "json",
      text: () => JSON.stringify({ ...fixture(), version: 1 }),
      path: "version",
      code: "field_type",
    },
    {
      name: "unknown indicator type",
      format: "json",
      text: () => JSON.stringify(fixture()).replace('"type":"file"', '"type":"photo"'),
      path: "sections[1].indicators[2].type",
      code: "variant_unknown",
    },
    {
      name: "unknown enum value",
      format: "json",
      text: () => JSON.stringify({ ...fixture(), scoringMethod: "median" }),
      path: "scoringMethod",
      code: "field_type",
    },
    {
      name: "shape fine, meaning wrong: weights",
      format: "json",
      text: () => JSON.stringify(fixture()).replace('"weight":60', '"weight":65'),
      path: "sections",
      code: "weights_sum",
    },
    {
      name: "unknown format",
      format: "toml" as SystemFormat,
      text: () => "",
      path: "",
      code: "format_unknown",
    },
  ];
  for (const c of refusals) {
    test(`refused: ${c.name} → ${c.code} at "${c.path}"`, () => {
      const r = parseSystem(c.text(), c.format);
      assert.equal(r.ok, false);
      assert.ok(
        r.issues.some((i) => i.path === c.path && i.code === c.code && i.severity === "error"),
        JSON.stringify(r.issues),
      );
    });
  }

  test("warnings come back with an accepted system", () => {
    const s = copy(fixture());
    const i6 = s.sections[1]?.indicators[3];
    assert.ok(i6?.type === "computed");
    i6.metric = "labour.nightShifts";
    const r = parseSystem(serialiseSystem(s, "json"), "json");
    assert.ok(r.ok);
    assert.deepEqual(
      r.issues.map((i) => i.code),
      ["metric_unknown"],
    );
  });
});
