import type { BenchSuite } from "./suite.ts";

// Scaffold: the cases bench suite (see bench/README.md). Not written yet.

export const caseSuite: BenchSuite = {
  name: "cases",
  scenarios: ["case-submit", "case-lookup", "case-queue", "case-dashboard", "case-sustained"],
  async run(ctx, wanted) {
    ctx.log(`the cases suite is not written yet (${wanted.join(", ")})`);
  },
};
