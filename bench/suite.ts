import type { DbKind } from "./db.ts";
import type { SectionHeader } from "./report.ts";

// A suite is a group of scenarios that build a database of their own (the evaluation and case benches). run.ts
// parses the options, creates nothing for them, and calls `run` once per database with the scenarios asked for.

export interface SuiteContext {
  kind: DbKind;
  /** Server the throwaway PostgreSQL database is created on. */
  pgUrl: string;
  keep: boolean;
  /** PGlite in memory instead of a temporary data folder. */
  memory: boolean;
  requests: number;
  concurrency: number;
  /** The suite options of the command line (--cases, --assessments, --findings, --rows, --seconds, --rate), unparsed. */
  options: Record<string, string | undefined>;
  log: (line: string) => void;
  /** Prints the section and, with --write, replaces it in RESULTS.md. */
  emit: (header: SectionHeader, markdown: string) => void;
  /** A section header for this database and machine, dated now. */
  header: (scenario: string, enterprises: number, dbVersion: string, parameters: string) => SectionHeader;
}

export interface BenchSuite {
  /** The alias that selects every scenario of the suite (e.g. "cases"). */
  name: string;
  scenarios: readonly string[];
  run: (ctx: SuiteContext, wanted: string[]) => Promise<void>;
}
