import { App } from "antd";
import { useState } from "react";
import { apiDownload, type Query } from "../api/client";
import { useI18n } from "../i18n/I18nProvider";
import { errorMessage } from "./ErrorAlert";

/**
 * Downloads an XLSX export of `url` with the list's query; `exporting` while it runs, a failure as a message.
 * The export is the whole filtered list: the page and page size of the table on screen are left out.
 */
export function useXlsxExport(url: string, filename: string, query: Query) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      const { page: _page, pageSize: _pageSize, ...filters } = query;
      await apiDownload(url, filters, filename);
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };
  return { exporting, onExport };
}
