import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkEditable, draftFrom, publishSystem } from "./lifecycle.ts";
import { CSC9000T_SYSTEM } from "./systems/csc9000t.ts";
import { fixture } from "./testing.ts";
import { isPublished } from "./types.ts";

describe("system versions", () => {
  test("a draft is editable; publishing freezes a copy", () => {
    const draft = fixture();
    assert.deepEqual(checkEditable(draft), { ok: true });
    const r = publishSystem(draft);
    assert.ok(r.ok);
    assert.ok(isPublished(r.system));
    assert.equal(draft.status, "draft", "the draft itself is untouched");
    assert.ok(Object.isFrozen(r.system.sections[0]?.indicators[0]));
    assert.throws(() => {
      (r.system as { version: string }).version = "2";
    });
    const edit = checkEditable(r.system);
    assert.ok(!edit.ok);
    assert.equal(edit.code, "system_published");
  });

  test("publishing an invalid system is refused with its errors", () => {
    const s = fixture();
    const sec = s.sections[0];
    assert.ok(sec);
    sec.weight = 10;
    const r = publishSystem(s);
    assert.ok(!r.ok);
    assert.equal(r.code, "system_invalid");
    assert.ok(r.issues?.some((i) => i.code === "weights_sum"));
  });

  test("publishing twice is refused", () => {
    const r = publishSystem(CSC9000T_SYSTEM);
    assert.ok(!r.ok);
    assert.equal(r.code, "system_published");
  });

  test("a new draft version from a published one", () => {
    const r = draftFrom(CSC9000T_SYSTEM, "2025.1");
    assert.ok(r.ok);
    assert.equal(r.system.status, "draft");
    assert.equal(r.system.version, "2025.1");
    assert.deepEqual({ ...r.system, status: "published", version: CSC9000T_SYSTEM.version }, CSC9000T_SYSTEM);
    assert.notEqual(r.system.sections, CSC9000T_SYSTEM.sections);
    const same = draftFrom(CSC9000T_SYSTEM, CSC9000T_SYSTEM.version);
    assert.ok(!same.ok);
    assert.equal(same.code, "version_unchanged");
    const blank = draftFrom(CSC9000T_SYSTEM, " ");
    assert.ok(!blank.ok);
    assert.equal(blank.code, "version_missing");
  });
});
