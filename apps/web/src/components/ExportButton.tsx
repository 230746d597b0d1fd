import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import type { ReactNode } from "react";
import type { Query } from "../api/client";
import { useXlsxExport } from "./useXlsxExport";

interface ExportButtonProps {
  /** The export endpoint and the file name to use when the response does not name one. */
  url: string;
  filename: string;
  query: Query;
  testId: string;
  disabled?: boolean;
  children: ReactNode;
}

/** 导出 button of a list page: downloads the XLSX export of what the list shows. */
export function ExportButton({ url, filename, query, testId, disabled, children }: ExportButtonProps) {
  const { exporting, onExport } = useXlsxExport(url, filename, query);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={exporting}
      disabled={disabled}
      onClick={onExport}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
