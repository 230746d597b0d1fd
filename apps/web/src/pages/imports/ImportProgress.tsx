import { Progress, Space, Typography } from "antd";
import type { ImportJob } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";

/** Progress bar of a parsing / committing job. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const { done, total } = job.progress;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="import-progress">
      <Typography.Text>
        {t(job.status === "committing" ? "imports.progress.committing" : "imports.progress.parsing", {
          filename: job.filename,
        })}
      </Typography.Text>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">{t("imports.progress.rows", { done, total })}</Typography.Text>
    </Space>
  );
}
