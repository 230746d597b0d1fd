import type { TablePaginationConfig } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import type { Query } from "../api/client";
import { useI18n } from "../i18n/I18nProvider";

type ParamValue = string | number | null | undefined;

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export interface TableQuery<K extends string> {
  page: number;
  pageSize: number;
  sort: string;
  /** current filter values from the URL ("" when absent) */
  filters: Record<K, string>;
  /** filters + page + pageSize + sort, ready to send to a list endpoint */
  query: Query;
  setFilters: (values: Partial<Record<K, ParamValue>>) => void;
  resetFilters: () => void;
  sortOrder: (key: string) => "ascend" | "descend" | null;
  onTableChange: <T>(
    pagination: TablePaginationConfig,
    filters: unknown,
    sorter: SorterResult<T> | SorterResult<T>[],
  ) => void;
  pagination: (total: number | undefined) => TablePaginationConfig;
}

/**
 * State of a server-side list page (filters, page, pageSize, sort) kept in the URL search params, so that
 * reload, back/forward and shared links reproduce the same list.
 */
export function useTableQuery<K extends string>(
  filterKeys: readonly K[],
  defaultPageSize = 20,
): TableQuery<K> {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = positiveInt(params.get("page"), 1);
  const pageSize = positiveInt(params.get("pageSize"), defaultPageSize);
  const sort = params.get("sort") ?? "";

  // keyed on the filter values only, so that paging or sorting keeps the same object (and the search form
  // does not reset what the user is typing)
  const filterKey = filterKeys.map((k) => params.get(k) ?? "").join("\u0000");
  const filters = useMemo(() => {
    const values = filterKey.split("\u0000");
    return Object.fromEntries(filterKeys.map((k, i) => [k, values[i] ?? ""])) as Record<K, string>;
  }, [filterKey, filterKeys]);
  const query = useMemo<Query>(() => ({ ...filters, page, pageSize, sort }), [filters, page, pageSize, sort]);

  const update = useCallback(
    (changes: Record<string, ParamValue>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === null || value === "") next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      }),
    [setParams],
  );

  const setFilters = useCallback(
    (values: Partial<Record<K, ParamValue>>) => {
      const changes: Record<string, ParamValue> = { page: undefined };
      for (const key of filterKeys)
        changes[key] = typeof values[key] === "string" ? values[key].trim() : values[key];
      update(changes);
    },
    [filterKeys, update],
  );

  const resetFilters = useCallback(() => {
    update(Object.fromEntries([...filterKeys, "page", "sort"].map((k) => [k, undefined])));
  }, [filterKeys, update]);

  const sortOrder = useCallback(
    (key: string) => (sort === key ? "ascend" : sort === `-${key}` ? "descend" : null),
    [sort],
  );

  const onTableChange = useCallback(
    <T>(
      pagination: TablePaginationConfig,
      _filters: unknown,
      sorter: SorterResult<T> | SorterResult<T>[],
    ) => {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.columnKey === undefined ? undefined : String(s.columnKey);
      const nextSort = key && s?.order ? (s.order === "ascend" ? key : `-${key}`) : undefined;
      const nextPageSize = pagination.pageSize ?? pageSize;
      const sortChanged = (nextSort ?? "") !== sort;
      update({
        page: sortChanged || nextPageSize !== pageSize ? undefined : pagination.current,
        pageSize: nextPageSize === defaultPageSize ? undefined : nextPageSize,
        sort: nextSort,
      });
    },
    [update, sort, pageSize, defaultPageSize],
  );

  const pagination = useCallback(
    (total: number | undefined): TablePaginationConfig => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      showTotal: (n) => t("table.total", { total: n }),
    }),
    [page, pageSize, t],
  );

  return {
    page,
    pageSize,
    sort,
    filters,
    query,
    setFilters,
    resetFilters,
    sortOrder,
    onTableChange,
    pagination,
  };
}
