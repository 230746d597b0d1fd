import { openPostgres } from "./src/platform/db.ts";
import { viewerOf } from "./src/modules/cases/model.ts";
import { caseStats, statsFromCases } from "./src/modules/cases/stats.ts";
const db = openPostgres(process.argv[2] as string);
const [coord] = await db.query<{ id: string }>("select id from users where username = 'bench-coordinator'");
const [member] = await db.query<{ id: string }>("select id from users where username = 'bench-hrss'");
const actorOf = async (id: string) => (await db.query<any>(`select id as "userId", username, display_name as "displayName", role, enterprise_id as "enterpriseId" from users where id = $1`, [id]))[0];
const coordinator = await actorOf(coord!.id);
const m = await actorOf(member!.id);
const [dept] = await db.query<{ id: string }>("select id from departments where code = 'econ'");
const queries: [string, any, any][] = [
  ["all", coordinator, {}],
  ["dept", coordinator, { departmentId: dept!.id }],
  ["cat", coordinator, { category: "policy" }],
  ["30d", coordinator, { from: "2026-10-23", to: "2026-11-22" }],
  ["year", coordinator, { from: "2026-01-01" }],
  ["member", m, {}],
  ["dept+cat", coordinator, { departmentId: dept!.id, category: "policy" }],
];
for (const [name, actor, q] of queries) {
  const t0 = performance.now();
  const fast = await caseStats(db, actor, q);
  const t1 = performance.now();
  const fast2 = await caseStats(db, actor, q);
  const t2 = performance.now();
  const plain = process.argv[3] ? await statsFromCases(db, await viewerOf(db, actor), q) : null;
  const t3 = performance.now();
  const same = plain ? JSON.stringify(fast) === JSON.stringify(plain) : "-";
  console.log(name, (t1 - t0).toFixed(1), (t2 - t1).toFixed(1), "plain", (t3 - t2).toFixed(0), "same:", same);
  if (plain && !same) { console.log(JSON.stringify(fast).slice(0, 600)); console.log(JSON.stringify(plain).slice(0, 600)); }
}
await db.close();
