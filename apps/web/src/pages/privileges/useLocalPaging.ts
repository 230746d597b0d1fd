import type { TablePaginationConfig } from "antd";
import { useCallback, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * Paging kept in the component, not the URL: the privileges page shows several tables at once (members and
 * candidates of the green channel…), which would fight over one `page` parameter.
 */
export function useLocalPaging(defaultPageSize = 20) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(defaultPageSize);
  const pagination = useCallback(
    (total: number | undefined): TablePaginationConfig => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      showTotal: (n) => t("table.total", { total: n }),
      onChange: (nextPage, nextSize) => {
        setPage(nextSize !== pageSize ? 1 : nextPage);
        setPageSize(nextSize);
      },
    }),
    [page, pageSize, t],
  );
  const firstPage = useCallback(() => setPage(1), []);
  return { page, pageSize, pagination, firstPage };
}
