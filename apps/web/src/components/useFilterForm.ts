import dayjs, { type Dayjs } from "dayjs";
import { useMemo } from "react";
import type { TableQuery } from "./useTableQuery";

/** Values of a list page's search form: the URL's filters, an absent one as `undefined` (an empty field). */
export type FilterFormValues<K extends string> = Partial<Record<K, string>>;

/**
 * The search form's values derived from the filters in the URL, and whether any filter is set (to tell "no
 * match" from "nothing yet" in the empty state). Memoised on the filters only, so that paging or sorting
 * does not reset what the user is typing.
 */
export function useFilterForm<K extends string>(tq: TableQuery<K>) {
  const { filters } = tq;
  const formValues = useMemo(
    () =>
      Object.fromEntries(
        Object.entries<string>(filters).map(([k, v]) => [k, v || undefined]),
      ) as FilterFormValues<K>,
    [filters],
  );
  const hasFilters = Object.values<string>(filters).some((v) => v !== "");
  return { formValues, hasFilters };
}

const DATE = "YYYY-MM-DD";

/** The search form of a list filtered by days: `from` and `to` in the URL, one range picker named `range`. */
export type DateRangeFormValues<K extends string> = FilterFormValues<Exclude<K, "from" | "to">> & {
  range?: [Dayjs, Dayjs] | null;
};

/** useFilterForm for a list with a day range: the form's `range` maps to the URL's `from` and `to` days. */
export function useDateRangeFilterForm<K extends string>(tq: TableQuery<K | "from" | "to">) {
  const { filters, setFilters } = tq;
  const formValues = useMemo(() => {
    const { from, to, ...rest } = filters;
    const values: Record<string, unknown> = Object.fromEntries(
      Object.entries<string>(rest).map(([k, v]) => [k, v || undefined]),
    );
    values.range = from && to ? [dayjs(from), dayjs(to)] : null;
    return values as DateRangeFormValues<K>;
  }, [filters]);
  const onSearch = ({ range, ...values }: DateRangeFormValues<K>) =>
    setFilters({
      ...(values as Record<string, string | undefined>),
      from: range?.[0].format(DATE),
      to: range?.[1].format(DATE),
    } as FilterFormValues<K | "from" | "to">);
  return { formValues, onSearch };
}
