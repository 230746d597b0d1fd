#!/usr/bin/env node
// `npm start`: build the console once (or when asked), then migrate, load the demo cluster and serve.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const rebuild = process.argv.includes("--rebuild");
if (rebuild || !existsSync(`${root}apps/web/dist/index.html`)) {
  console.log("Building the web console…");
  const b = spawnSync("npm", ["run", "build:web"], { stdio: "inherit", cwd: root });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const args = process.argv.slice(2).filter((a) => a !== "--rebuild");
const r = spawnSync(process.execPath, ["--import", "tsx", "apps/server/src/main.ts", "serve", ...args], {
  stdio: "inherit",
  cwd: root,
});
process.exit(r.status ?? 1);
