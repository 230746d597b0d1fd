import ExcelJS from "exceljs";
import type { App } from "../../platform/http.ts";
import { call, type Session } from "../../testing/harness.ts";
import type { ImportJob } from "./schemas.ts";

// Test helpers for imports: files built in memory, multipart bodies, waiting for background work.

export type Cell = string | number | boolean | Date | null;

/** An XLSX workbook of one sheet, in memory. */
export async function xlsx(rows: Cell[][], sheetName = "企业名录"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV text (RFC 4180 quoting) from rows. */
export function csvText(rows: (string | number | null)[][], delimiter = ","): string {
  const quote = (v: string | number | null) => {
    const s = v === null ? "" : String(v);
    return /[",\n\r;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(quote).join(delimiter)).join("\r\n")}\r\n`;
}

let gbkTable: Map<string, number[]> | undefined;

/** Encodes text as GBK/GB18030 (two-byte range), as Chinese Excel saves "CSV (逗号分隔)". */
export function gb18030(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.from([lead, trail]));
        if (ch.length === 1 && ch !== "\ufffd" && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** A multipart/form-data body with one file field, built by hand. */
export function multipart(
  buffer: Buffer,
  filename: string,
  field = "file",
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----jingwei${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, buffer, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

export function upload(app: App, session: Session | null, buffer: Buffer, filename = "list.xlsx") {
  const { payload, headers } = multipart(buffer, filename);
  return call(app, session, "POST", "/api/v1/imports", payload, headers);
}

/** Polls the job until it leaves parsing/committing (bounded). */
export async function settled(app: App, session: Session, id: string): Promise<ImportJob> {
  for (let i = 0; i < 400; i++) {
    const res = await call(app, session, "GET", `/api/v1/imports/${id}`);
    if (res.statusCode !== 200) throw new Error(`GET import ${id}: ${res.statusCode} ${res.body}`);
    const job = res.json() as ImportJob;
    if (job.status !== "parsing" && job.status !== "committing") return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not settle`);
}

/** Uploads and waits for the preview. */
export async function uploadAndWait(app: App, session: Session, buffer: Buffer, filename?: string) {
  const res = await upload(app, session, buffer, filename);
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return settled(app, session, (res.json() as ImportJob).id);
}

/** Commits and waits for the outcome. */
export async function commitAndWait(app: App, session: Session, id: string) {
  const res = await call(app, session, "POST", `/api/v1/imports/${id}/commit`);
  if (res.statusCode !== 202) throw new Error(`commit: ${res.statusCode} ${res.body}`);
  return settled(app, session, id);
}
