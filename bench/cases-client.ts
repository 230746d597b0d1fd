// Public submissions for the case benchmarks, sent from a child process of their own (as bench/client.ts does for
// GET requests) because they need what that client has not: the Idempotency-Key header the public form sends, a
// failure counted instead of ending the run, the tracking numbers returned (to find every case afterwards), and an
// open-loop mode — requests leave at a fixed rate whether or not earlier ones have been answered, so a slow server
// shows as latency and errors instead of a politely slower client.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export type SubmitMode =
  | { kind: "closed"; requests: number; concurrency: number }
  | { kind: "open"; rate: number; seconds: number };

export interface SubmitJob {
  base: string;
  /** Request bodies, used in turn. */
  bodies: unknown[];
  mode: SubmitMode;
  /** Prefix of the Idempotency-Keys: one fresh key per request. */
  keyPrefix: string;
}

export interface SubmitSample {
  /** Closed loop: request sent → answer read. Open loop: from the moment the request was due to leave. */
  ms: number;
  status: number;
  trackingNumber?: string;
  error?: string;
}

export interface SubmitResult {
  samples: SubmitSample[];
  seconds: number;
  /** Open loop: the latest a request left after its due time (the client keeping up), ms. */
  maxSendLagMs: number;
  error?: string;
}

const PATH = "/api/v1/public/cases";

async function submitOne(job: SubmitJob, i: number, since: number): Promise<SubmitSample> {
  try {
    const res = await fetch(`${job.base}${PATH}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "accept-language": "zh-CN",
        "idempotency-key": `${job.keyPrefix}-${i}`,
      },
      body: JSON.stringify(job.bodies[i % job.bodies.length]),
    });
    const body = (await res.json()) as { trackingNumber?: string; error?: { code?: string } };
    const ms = performance.now() - since;
    if (res.status !== 201)
      return { ms, status: res.status, error: body.error?.code ?? `HTTP ${res.status}` };
    return { ms, status: res.status, trackingNumber: body.trackingNumber };
  } catch (err) {
    // fetch says "fetch failed"; the cause says why (ECONNRESET, a timeout, …).
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (err as Error).message;
    return { ms: performance.now() - since, status: 0, error: `network: ${reason}` };
  }
}

export async function sendSubmissions(job: SubmitJob): Promise<SubmitResult> {
  const samples: SubmitSample[] = [];
  const started = performance.now();
  let maxSendLagMs = 0;
  if (job.mode.kind === "closed") {
    const { requests, concurrency } = job.mode;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < requests; i = next++)
          samples.push(await submitOne(job, i, performance.now()));
      }),
    );
  } else {
    const { rate, seconds } = job.mode;
    const total = Math.round(rate * seconds);
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
      pending.push(
        submitOne(job, i, due).then((s) => {
          samples.push(s);
        }),
      );
    }
    await Promise.all(pending);
  }
  return { samples, seconds: (performance.now() - started) / 1000, maxSendLagMs };
}

const SELF = fileURLToPath(import.meta.url);

/** Runs sendSubmissions in a forked Node process (with tsx) and returns its result. */
export function sendSubmissionsInChild(job: SubmitJob): Promise<SubmitResult> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, ["--child"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
    child.once("message", (m) => {
      const result = m as SubmitResult;
      child.kill();
      if (result.error) reject(new Error(result.error));
      else resolve(result);
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code) reject(new Error(`submission client exited with ${code}`));
    });
    child.send(job);
  });
}

if (process.argv.includes("--child") && process.send) {
  process.once("message", (job) => {
    sendSubmissions(job as SubmitJob).then(
      (r) => process.send?.(r),
      (err: Error) => process.send?.({ samples: [], seconds: 0, maxSendLagMs: 0, error: err.message }),
    );
  });
}
