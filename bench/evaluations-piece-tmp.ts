import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
const xml = readFileSync("/tmp/evb/x/xl/worksheets/sheet1.xml");
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
let c0 = cpu();
const dec = new TextDecoder();
let n = 0; const texts: string[] = [];
for (let at = 0; at < xml.length; at += 1 << 20) { const t = dec.decode(xml.subarray(at, Math.min(xml.length, at + (1 << 20))), { stream: true }); texts.push(t); n += t.length; }
let c1 = cpu(); console.log("decode", Math.round(c1 - c0), n);
c0 = cpu(); let rows = 0;
for (const t of texts) { let p = 0; for (;;) { const o = t.indexOf("<row", p); if (o < 0) break; const cl = t.indexOf("</row>", o); if (cl < 0) break; rows++; p = cl + 6; } }
c1 = cpu(); console.log("rows scan", Math.round(c1 - c0), rows);
c0 = cpu(); let cells = 0;
for (const t of texts) { let p = 0; for (;;) { const o = t.indexOf("<c", p); if (o < 0) break; const g = t.indexOf(">", o); const cl = t.indexOf("</c>", g); if (cl < 0) break; cells++; p = cl + 4; } }
c1 = cpu(); console.log("cells scan", Math.round(c1 - c0), cells);
c0 = cpu(); let sum = 0;
for (const t of texts) { let p = 0; for (;;) { const o = t.indexOf("<v>", p); if (o < 0) break; const cl = t.indexOf("</v>", o); if (cl < 0) break; const raw = t.slice(o + 3, cl); sum += raw.length; p = cl + 4; } }
c1 = cpu(); console.log("values slice", Math.round(c1 - c0), sum);
// bytes
c0 = cpu(); let bc = 0; let p = 0; const pat = Buffer.from("<c ");
for (;;) { const o = xml.indexOf(pat, p); if (o < 0) break; bc++; p = o + 3; }
c1 = cpu(); console.log("bytes cells", Math.round(c1 - c0), bc);
c0 = cpu(); bc = 0;
for (let i = 0; i < xml.length; i++) if (xml[i] === 60) bc++;
c1 = cpu(); console.log("bytes loop <", Math.round(c1 - c0), bc);
