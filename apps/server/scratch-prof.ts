import { openPostgres, type Db } from "./src/platform/db.ts";
import { caseStats } from "./src/modules/cases/stats.ts";
const db = openPostgres(process.argv[2] as string);
const [coord] = await db.query<{ id: string }>("select id from users where username = 'bench-coordinator'");
const actor = (await db.query<any>(`select id as "userId", username, display_name as "displayName", role, enterprise_id as "enterpriseId" from users where id = $1`, [coord!.id]))[0];
const q = JSON.parse(process.argv[3] ?? "{}");
for (let i = 0; i < 3; i++) {
  const log: string[] = [];
  const spy: Db = { ...db, query: async (text: string, p?: unknown[]) => { const t0 = performance.now(); const r = await db.query(text, p); log.push(`${(performance.now() - t0).toFixed(1)}ms ${text.replace(/\s+/g, " ").slice(0, 90)}`); return r as any; } } as Db;
  const t0 = performance.now();
  await caseStats(spy, actor, q);
  console.log("total", (performance.now() - t0).toFixed(1)); if (i === 2) console.log(log.join("\n"));
}
await db.close();
