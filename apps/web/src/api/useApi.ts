import { useCallback, useEffect, useMemo, useState } from "react";
import { useI18n } from "../i18n/I18nProvider";
import { api, buildUrl, isAbortError, type Query } from "./client";

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/**
 * GETs `path` (null = don't fetch) with `query`; refetches when the URL, the language (server texts are
 * localised) or `refreshKey` change. Keeps the previous data while reloading so tables don't flicker.
 */
export function useApi<T>(path: string | null, query?: Query, refreshKey?: unknown): ApiState<T> {
  const { locale } = useI18n();
  const url = path === null ? null : buildUrl(path, query);
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: null,
    loading: url !== null,
  });
  const request = useMemo(
    () => (url === null ? null : { url, locale, nonce, refreshKey }),
    [url, locale, nonce, refreshKey],
  );

  useEffect(() => {
    if (request === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    api<T>(request.url, { signal: controller.signal }).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!isAbortError(error)) setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [request]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const setData = useCallback((data: T) => setState({ data, error: null, loading: false }), []);
  return { ...state, reload, setData };
}
