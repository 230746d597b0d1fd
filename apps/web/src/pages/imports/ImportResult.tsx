import { Button, Card, Result } from "antd";
import { useNavigate } from "react-router-dom";
import type { ImportJob } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { SummaryStats } from "./PreviewStep";

/** 完成: counts of the committed import and where to go next. */
export function ImportResult({ job, onRestart }: { job: ImportJob; onRestart: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="success"
        title={t("imports.result.title")}
        subTitle={t("imports.result.subtitle", { filename: job.filename })}
        data-testid="import-result"
        extra={[
          <Button
            type="primary"
            key="enterprises"
            onClick={() => navigate("/console/enterprises")}
            data-testid="import-result-enterprises"
          >
            {t("imports.result.toEnterprises")}
          </Button>,
          <Button key="imports" onClick={() => navigate("/console/imports")}>
            {t("imports.result.toImports")}
          </Button>,
          <Button key="again" onClick={onRestart}>
            {t("imports.result.again")}
          </Button>,
        ]}
      >
        <SummaryStats summary={job.summary} />
      </Result>
    </Card>
  );
}
