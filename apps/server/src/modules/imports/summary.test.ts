import assert from "node:assert/strict";
import { it } from "node:test";
import { generateUscc, seededRandom } from "@jingwei/rules";
import fc from "fast-check";
import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { describeEachDb } from "../../testing/harness.ts";
import { createEnterprise } from "../enterprises/service.ts";
import * as repo from "./repo.ts";
import * as service from "./service.ts";
import { csvText } from "./testing.ts";

// Edits and decisions keep the job's summary by moving one count per changed row (repo.shiftSummary) instead of
// counting the job's rows again. Whatever a person does, in whatever order, the kept summary must be the count.

const ACTOR: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  username: "summary-test",
  displayName: "汇总测试",
  role: "admin",
  enterpriseId: null,
};

const rand = seededRandom(515);
const fresh = Array.from({ length: 6 }, () => generateUscc(rand));

/** Registry names in similar pairs, so that rows get several candidates and compete for the same enterprise. */
const REGISTRY = [
  "平湖市金穗服饰有限公司",
  "平湖市新仓金穗服饰有限公司",
  "平湖市华美针织有限公司",
  "嘉兴市华美针织有限公司",
  "平湖市锦绣制衣有限公司",
  "平湖市锦绣服饰有限公司",
  "平湖市瑞丰纺织有限公司",
];

interface Registry {
  ids: string[];
  usccs: string[];
}

/** The file: potential matches (no USCC), duplicates inside it, USCC matches, new rows and errors. */
function fileOf(reg: Registry): Buffer {
  return Buffer.from(
    csvText([
      ["统一社会信用代码", "企业名称", "镇（街道）", "从业人数"],
      [null, "金穗服饰", "新仓镇", 10],
      [null, "华美针织", null, 20],
      [null, "华美针织厂", null, 21],
      [null, "锦绣制衣", "当湖街道", null],
      [null, "平湖锦绣服饰", null, 30],
      [null, "新仓金穗服饰厂", null, null],
      [reg.usccs[0] ?? null, "平湖市金穗服饰有限公司", null, 99],
      [reg.usccs[6] ?? null, "平湖市瑞丰纺织有限公司", null, 77],
      [fresh[0] ?? null, "平湖市全新服饰有限公司", null, 5],
      [fresh[0] ?? null, "平湖市重复服饰有限公司", null, 6],
      [fresh[1] ?? null, "平湖市错镇服饰有限公司", "不存在镇", 7],
      ["123", "平湖市坏码服饰有限公司", null, null],
    ]),
  );
}

const FIELDS = ["uscc", "name", "town"] as const;

/** What an edit may write into a cell: other rows' values, registry values, fresh ones, nonsense, nothing. */
function valuesFor(field: (typeof FIELDS)[number], reg: Registry): (string | null)[] {
  if (field === "uscc") return [null, "123", ...fresh, ...reg.usccs];
  if (field === "name")
    return [...REGISTRY, "金穗服饰", "华美针织", "锦绣", "平湖市全新服饰有限公司", "完全不同的名字"];
  return [null, "当湖街道", "新仓镇", "不存在镇"];
}

type Op =
  | { kind: "confirm"; row: number; pick: number }
  | { kind: "reject"; row: number }
  | { kind: "edit"; row: number; field: (typeof FIELDS)[number]; value: number }
  | { kind: "accept" };

const ROWS = 12;
const row = fc.integer({ min: 0, max: ROWS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("confirm" as const), row, pick: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("reject" as const), row }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      row,
      field: fc.constantFrom(...FIELDS),
      value: fc.nat(20),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "accept" as const }) },
);

/** Registry names in similar pairs (see REGISTRY). */
async function seedRegistry({ db }: { db: Db }): Promise<Registry> {
  const reg: Registry = { ids: [], usccs: [] };
  for (const name of REGISTRY) {
    const e = await createEnterprise(db, null, { uscc: generateUscc(rand), name, employees: 50 });
    reg.ids.push(e.id);
    reg.usccs.push(e.uscc);
  }
  return reg;
}

describeEachDb(
  "import summary kept by edits and decisions",
  (ctx) => {
    it("the file has every kind of row to start from", async () => {
      const { db, fixtures: reg } = ctx();
      const { done } = await service.startImport(db, ACTOR, { filename: "summary.csv", buffer: fileOf(reg) });
      const job = await done;
      assert.equal(job.status, "preview", JSON.stringify(job.error));
      const s = job.summary;
      assert.equal(s.total, ROWS);
      for (const status of repo.ROW_STATUSES.filter((x) => x !== "unchanged"))
        assert.ok((s[status] ?? 0) > 0, `${status}: ${JSON.stringify(s)}`);
      const pending = await repo.rowsWithStatus(db, job.id, "potential_match");
      assert.ok(pending.some((r) => r.candidates.length > 1));
      await service.cancelImport(db, ACTOR, job.id);
    });

    it("after any sequence of edits and decisions, the kept summary equals a full recount", async () => {
      const { db, fixtures: reg } = ctx();
      const apply = async (jobId: string, o: Op) => {
        const rowNumber = ("row" in o ? o.row : 0) + 2;
        if (o.kind === "accept") return service.acceptBestCandidates(db, jobId, ACTOR);
        if (o.kind === "reject") return service.decideRow(db, jobId, rowNumber, "reject");
        if (o.kind === "confirm") {
          const stored = await repo.getRow(db, jobId, rowNumber);
          // One past the candidates: an enterprise that is not one of them (refused).
          const target = stored?.candidates[o.pick]?.enterpriseId ?? reg.ids[o.pick];
          return service.decideRow(db, jobId, rowNumber, "confirm", target);
        }
        const values = valuesFor(o.field, reg);
        return service.editRow(db, jobId, rowNumber, { [o.field]: values[o.value % values.length] ?? null });
      };
      let steps = 0;
      let moved = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 24 }), async (ops) => {
          const { done } = await service.startImport(db, ACTOR, { filename: "ops.csv", buffer: fileOf(reg) });
          const job = await done;
          try {
            let before = JSON.stringify(job.summary);
            for (const [i, o] of ops.entries()) {
              try {
                await apply(job.id, o);
              } catch (err) {
                // Refusals (no candidates, not a candidate, taken by another row) change nothing.
                if (!(err instanceof AppError)) throw err;
              }
              steps++;
              const kept = (await repo.getJob(db, job.id))?.summary;
              assert.deepEqual(
                kept,
                await repo.summaryOf(db, job.id),
                `after step ${i}: ${JSON.stringify(o)}`,
              );
              if (JSON.stringify(kept) !== before) moved++;
              before = JSON.stringify(kept);
            }
          } finally {
            await service.cancelImport(db, ACTOR, job.id);
          }
        }),
        { numRuns: 25, seed: 20_261_122, endOnFailure: true },
      );
      // Enough of the steps moved rows between statuses for the property to say something.
      assert.ok(steps > 100 && moved > steps / 5, `${moved} of ${steps} steps moved a count`);
    });
  },
  seedRegistry,
);
