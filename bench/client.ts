// The HTTP load generator, run in a child process of its own (bench/search.ts forks it) so that the client's
// work (building requests, parsing JSON) does not share the server's event loop, as a browser would not.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export type QueryParams = Record<string, string | number>;

export interface ClientRequest {
  kind: string;
  params: QueryParams;
  /** Another path than the enterprise list (the overhead probe's /api/health). */
  path?: string;
  /** Send it without the session cookie. */
  anonymous?: boolean;
}

export interface ClientJob {
  base: string;
  cookie: string;
  requests: ClientRequest[];
  concurrency: number;
}

export interface ClientSample {
  kind: string;
  ms: number;
  total: number;
}

export interface ClientResult {
  samples: ClientSample[];
  seconds: number;
  error?: string;
}

export const toQueryString = (p: QueryParams) =>
  new URLSearchParams(Object.entries(p).map(([k, v]) => [k, String(v)])).toString();

/** Sends the requests with `concurrency` clients; a sample is request sent → whole JSON body read. */
export async function sendRequests(job: ClientJob): Promise<ClientResult> {
  const samples: ClientSample[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < job.requests.length; i = next++) {
      const {
        kind,
        params,
        path = "/api/v1/enterprises",
        anonymous = false,
      } = job.requests[i] as ClientRequest;
      const t0 = performance.now();
      const res = await fetch(`${job.base}${path}?${toQueryString(params)}`, {
        headers: { ...(anonymous ? {} : { cookie: job.cookie }), "accept-language": "zh-CN" },
      });
      const body = (await res.json()) as { total?: number };
      const t1 = performance.now();
      if (res.status !== 200)
        throw new Error(`${kind} ${toQueryString(params)}: ${res.status} ${JSON.stringify(body)}`);
      samples.push({ kind, ms: t1 - t0, total: body.total ?? 0 });
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  return { samples, seconds: (performance.now() - started) / 1000 };
}

const SELF = fileURLToPath(import.meta.url);

/** Runs sendRequests in a forked Node process (with tsx) and returns its result. */
export function sendRequestsInChild(job: ClientJob): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, ["--child"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
    child.once("message", (m) => {
      const result = m as ClientResult;
      child.kill();
      if (result.error) reject(new Error(result.error));
      else resolve(result);
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code) reject(new Error(`HTTP client exited with ${code}`));
    });
    child.send(job);
  });
}

if (process.argv.includes("--child") && process.send) {
  process.once("message", (job) => {
    sendRequests(job as ClientJob).then(
      (r) => process.send?.(r),
      (err: Error) => process.send?.({ samples: [], seconds: 0, error: err.message }),
    );
  });
}
