import type { Db } from "../../platform/db.ts";
import type { App } from "../../platform/http.ts";
import { call, type Session } from "../../testing/harness.ts";
import { todayInChina } from "../supervision/context.ts";
import type { LotDeclare } from "./schemas.ts";

// Test helpers of the lots module: a valid declaration, the class and risk set directly in SQL, multipart bodies.

/** YYYY-MM-DD, `days` from today in China time. */
export function dayFromToday(days: number): string {
  const today = new Date(`${todayInChina()}T00:00:00Z`);
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Knitted garments, lot of 1,200 (level II → J, n 80; major AQL 2.5 → Ac 5 / Re 6 on normal inspection). */
export function declaration(overrides: Partial<LotDeclare> = {}): LotDeclare {
  return {
    productCategory: "knitted",
    hsCode: "61091000",
    description: "全棉针织T恤",
    quantity: 1200,
    unit: "pcs",
    lotSize: 1200,
    valueUsd: 15600.5,
    destination: "US",
    buyer: "Lakeside Apparel Inc.",
    brand: "Lilybird",
    shipDate: dayFromToday(7),
    selfInspection: { sampleSize: 80, defectsFound: 2, passed: true },
    ...overrides,
  };
}

/** The enterprise's class in force, as a decision would leave it (no override). */
export async function setClass(db: Db, enterpriseId: string, klass: "I" | "II" | "III" | "IV") {
  await db.query(
    `insert into enterprise_supervision (enterprise_id, class) values ($1, $2)
     on conflict (enterprise_id) do update set class = excluded.class, override_class = null,
       override_expires_on = null`,
    [enterpriseId, klass],
  );
}

export async function setRisk(db: Db, category: string, risk: "low" | "medium" | "high") {
  await db.query("update product_categories set risk = $2 where code = $1", [category, risk]);
}

export async function declare(app: App, session: Session, overrides: Partial<LotDeclare> = {}) {
  return call(app, session, "POST", "/api/v1/lots", declaration(overrides));
}

/** Declares a lot and returns its body, failing loudly when the declaration is refused. */
export async function declared(app: App, session: Session, overrides: Partial<LotDeclare> = {}) {
  const res = await declare(app, session, overrides);
  if (res.statusCode !== 201) throw new Error(`declare failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A multipart/form-data body: text fields first, then one file in `file`. */
export function multipart(
  content: Buffer,
  filename: string,
  fields: Record<string, string> = {},
  mimeType = "application/octet-stream",
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----jingweiLots${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${mimeType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** A tiny valid-looking PNG (the signature is what counts). */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
