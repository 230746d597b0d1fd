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
  /** GET unless given; a POST sends `body` as JSON with the CSRF header. */
  method?: "GET" | "POST";
  body?: unknown;
  /** Another session than the job's (e.g. one enterprise user per request). */
  session?: { cookie: string; csrf: string };
}

export interface ClientJob {
  base: string;
  cookie: string;
  requests: ClientRequest[];
  concurrency: number;
}

/** What the sample's response must be: 200, or 201 for a POST that creates. */
const isSuccess = (method: string, status: number) => status === 200 || (method === "POST" && status === 201);

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
        method = "GET",
        body: payload,
        session,
      } = job.requests[i] as ClientRequest;
      const cookie = session?.cookie ?? job.cookie;
      const query = toQueryString(params);
      const t0 = performance.now();
      const res = await fetch(`${job.base}${path}${query ? `?${query}` : ""}`, {
        method,
        headers: {
          ...(anonymous ? {} : { cookie }),
          ...(method === "POST"
            ? { "content-type": "application/json", "x-csrf-token": session?.csrf ?? "" }
            : {}),
          "accept-language": "zh-CN",
        },
        ...(method === "POST" ? { body: JSON.stringify(payload ?? {}) } : {}),
      });
      const body = (await res.json()) as { total?: number };
      const t1 = performance.now();
      if (!isSuccess(method, res.status))
        throw new Error(`${kind} ${method} ${path}?${query}: ${res.status} ${JSON.stringify(body)}`);
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
