import type { BenchSuite } from "./suite.ts";

// Scaffold: the evaluations bench suite (see bench/README.md). Not written yet.

export const evaluationSuite: BenchSuite = {
  name: "evaluations",
  scenarios: ["timesheet", "scoring", "programme"],
  async run(ctx, wanted) {
    ctx.log(`the evaluations suite is not written yet (${wanted.join(", ")})`);
  },
};
