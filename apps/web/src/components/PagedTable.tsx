import { Card, Table, type TableProps } from "antd";
import type { Paged } from "../api/types";
import type { ApiState } from "../api/useApi";
import { rowTestId } from "../utils/testid";
import { ErrorAlert } from "./ErrorAlert";
import type { TableQuery } from "./useTableQuery";

type PagedTableProps<T, K extends string> = Omit<
  TableProps<T>,
  "rowKey" | "loading" | "dataSource" | "pagination" | "onChange" | "onRow"
> & {
  /** The list endpoint's state from useApi. */
  state: Pick<ApiState<Paged<T>>, "data" | "error" | "loading" | "reload">;
  /** Paging and sorting kept in the URL. */
  tq: TableQuery<K>;
  /** data-testid of every body row. */
  rowTestIdValue: string;
};

/** A list page's table: load errors with a retry above it, server-side paging and sorting wired to the URL. */
export function PagedTable<T extends { id: string }, K extends string>({
  state,
  tq,
  rowTestIdValue,
  ...table
}: PagedTableProps<T, K>) {
  return (
    <>
      <ErrorAlert error={state.error} onRetry={state.reload} />
      <Card>
        <Table<T>
          rowKey="id"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          pagination={tq.pagination(state.data?.total)}
          onChange={tq.onTableChange}
          onRow={rowTestId(rowTestIdValue)}
          {...table}
        />
      </Card>
    </>
  );
}
