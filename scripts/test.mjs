#!/usr/bin/env node
// The README's test command: lint + format check, type check, then every *.test.ts with Node's test runner
// (unit, API on PGlite and PostgreSQL), then the browser journeys in e2e/ against a built console.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const args = new Set(process.argv.slice(2));
const root = new URL("..", import.meta.url).pathname;

function run(cmd, cmdArgs, opts = {}) {
  console.log(`\n$ ${cmd} ${cmdArgs.join(" ")}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: "inherit", cwd: root, ...opts });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${cmdArgs[0] ?? ""} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

if (!args.has("--no-lint")) {
  run("npx", ["biome", "check", "."]);
  run("npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]);
}

const unit = [...findTests(join(root, "packages")), ...findTests(join(root, "apps"))];
const e2e = args.has("--no-e2e") ? [] : findTests(join(root, "e2e"));
if (e2e.length > 0) run("npm", ["run", "build:web"]);
const files = [...unit, ...e2e].map((f) => f.slice(root.length));
run("node", ["--import", "tsx", "--test", "--test-concurrency=2", "--test-reporter=spec", ...files]);
