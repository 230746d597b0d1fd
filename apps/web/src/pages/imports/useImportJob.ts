import { useCallback, useEffect, useMemo, useState } from "react";
import { api, isAbortError } from "../../api/client";
import type { ImportJob, ImportJobStatus, ImportRow, Paged } from "../../api/types";

export const POLL_INTERVAL_MS = 500;
const BUSY: readonly ImportJobStatus[] = ["parsing", "committing"];

export function isBusy(job: ImportJob | null | undefined): boolean {
  return !!job && BUSY.includes(job.status);
}

/** Loads an import job and polls it every 500 ms while it is parsing or committing. */
export function useImportJob(id: string | null) {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const request = useMemo(() => (id ? { id, tick } : null), [id, tick]);

  useEffect(() => {
    if (!request) {
      setJob(null);
      return;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await api<ImportJob>(`/api/v1/imports/${encodeURIComponent(request.id)}`, {
          signal: controller.signal,
        });
        setJob(next);
        setError(null);
        if (isBusy(next)) timer = setTimeout(load, POLL_INTERVAL_MS);
      } catch (err) {
        if (!isAbortError(err)) setError(err);
      }
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [request]);

  /** Refetch now (and resume polling if the job is busy). */
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { job, error, refresh, setJob };
}

const COUNT_PAGE_SIZE = 100;

/**
 * Number of potential-match rows still without a decision. The job summary does not carry it, so the
 * potential_match rows are paged through (usually a single request). null while unknown.
 */
export function useUndecidedCount(job: ImportJob | null, refreshKey: number): number | null {
  const [count, setCount] = useState<number | null>(null);
  const id = job?.status === "preview" ? job.id : null;
  const potential = job?.summary.potential_match ?? 0;
  const request = useMemo(() => (id ? { id, potential, refreshKey } : null), [id, potential, refreshKey]);

  useEffect(() => {
    if (!request) return;
    if (request.potential === 0) {
      setCount(0);
      return;
    }
    const controller = new AbortController();
    const countUndecided = async () => {
      let undecided = 0;
      let seen = 0;
      for (let page = 1; ; page++) {
        const result = await api<Paged<ImportRow>>(`/api/v1/imports/${encodeURIComponent(request.id)}/rows`, {
          query: { status: "potential_match", page, pageSize: COUNT_PAGE_SIZE },
          signal: controller.signal,
        });
        undecided += result.items.filter((row) => row.decision === null).length;
        seen += result.items.length;
        if (result.items.length === 0 || seen >= result.total) return undecided;
      }
    };
    setCount(null);
    countUndecided().then(setCount, (err: unknown) => {
      if (!isAbortError(err)) setCount(null);
    });
    return () => controller.abort();
  }, [request]);

  return count;
}
