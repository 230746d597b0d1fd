/** Latency samples in milliseconds and their summary. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** The q-quantile of sorted values by linear interpolation between closest ranks (q in [0, 1]). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Samples grouped by a key (the query kind), summarised per key and overall. */
export class Recorder {
  readonly byKey = new Map<string, number[]>();
  readonly all: number[] = [];

  add(key: string, ms: number): void {
    let list = this.byKey.get(key);
    if (!list) {
      list = [];
      this.byKey.set(key, list);
    }
    list.push(ms);
    this.all.push(ms);
  }

  summary(key?: string): Summary {
    return summarise(key === undefined ? this.all : (this.byKey.get(key) ?? []));
  }
}

export const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) : "–");

export const perSecond = (count: number, seconds: number) =>
  seconds > 0 ? Math.round(count / seconds).toLocaleString("en-US") : "–";
