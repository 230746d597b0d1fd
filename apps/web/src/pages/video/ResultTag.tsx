import { Tag } from "antd";
import { useI18n } from "../../i18n/I18nProvider";
import type { SpotCheckResult } from "./types";

/** A spot check's result: 正常 (green) or 发现问题 (red). */
export function ResultTag({ result }: { result: SpotCheckResult }) {
  const { t } = useI18n();
  return (
    <Tag color={result === "ok" ? "green" : "red"} data-testid="spot-check-result" data-result={result}>
      {t(result === "ok" ? "video.result.ok" : "video.result.issue")}
    </Tag>
  );
}
