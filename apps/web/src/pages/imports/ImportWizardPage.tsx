import { App, Button, Card, Result, Skeleton, Steps } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { ApiError, api } from "../../api/client";
import type { ImportJob } from "../../api/types";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { NotFoundResult } from "../../components/Results";
import { useI18n } from "../../i18n/I18nProvider";
import { ImportProgress } from "./ImportProgress";
import { ImportResult } from "./ImportResult";
import { PreviewStep } from "./PreviewStep";
import { UploadStep } from "./UploadStep";
import { useImportJob, useUndecidedCount } from "./useImportJob";

/** 0 上传 · 1 预览 · 2 确认 (everything resolved / committing) · 3 完成 */
function stepOf(job: ImportJob | null, ready: boolean): number {
  switch (job?.status) {
    case undefined:
    case "parsing":
      return 0;
    case "preview":
      return ready ? 2 : 1;
    case "committing":
      return 2;
    case "committed":
      return 3;
    default:
      return job && job.summary.total > 0 ? 2 : 0;
  }
}

/**
 * Import wizard. The job id lives in the URL (?job=) so a reload, or the imports list, resumes the wizard.
 */
export function ImportWizardPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const jobId = params.get("job");
  const { job: loaded, error, refresh, setJob } = useImportJob(jobId);
  const job = loaded && loaded.id === jobId ? loaded : null;
  const [version, setVersion] = useState(0);
  const undecided = useUndecidedCount(job, version);
  const [committing, setCommitting] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const [commitError, setCommitError] = useState<unknown>(null);
  const ready = job?.status === "preview" && job.summary.error === 0 && undecided === 0;

  const onRowChanged = () => {
    setVersion((v) => v + 1);
    refresh();
  };
  const restart = () => setParams({});
  const onUploaded = (uploaded: ImportJob) => {
    setJob(uploaded);
    setParams({ job: uploaded.id }, { replace: true });
  };
  const onCommit = async () => {
    if (!job) return;
    setCommitting(true);
    setCommitError(null);
    try {
      setJob(
        await api<ImportJob>(`/api/v1/imports/${encodeURIComponent(job.id)}/commit`, { method: "POST" }),
      );
      refresh();
    } catch (err) {
      setCommitError(err);
      if (err instanceof ApiError && err.code === "IMPORT_UNRESOLVED") onRowChanged();
    } finally {
      setCommitting(false);
    }
  };
  const onAcceptSuggestions = async () => {
    if (!job) return;
    setAccepting(true);
    setCommitError(null);
    try {
      const updated = await api<ImportJob>(
        `/api/v1/imports/${encodeURIComponent(job.id)}/accept-suggestions`,
        { method: "POST" },
      );
      const left = updated.summary.potential_match;
      const accepted = job.summary.potential_match - left;
      setJob(updated);
      onRowChanged();
      if (left > 0) message.warning(t("imports.acceptSuggestions.left", { accepted, left }));
      else message.success(t("imports.acceptSuggestions.done", { accepted }));
    } catch (err) {
      message.error(errorMessage(err, t));
      onRowChanged();
    } finally {
      setAccepting(false);
    }
  };
  const onCancel = async () => {
    if (!job) return;
    try {
      await api<void>(`/api/v1/imports/${encodeURIComponent(job.id)}`, { method: "DELETE" });
      message.success(t("imports.cancelled"));
      navigate("/console/imports");
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const body = () => {
    if (!jobId) return <UploadStep onUploaded={onUploaded} />;
    if (!job) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        return (
          <NotFoundResult
            subTitle={t("imports.notFound")}
            backTo="/console/imports"
            backLabel={t("imports.back")}
          />
        );
      }
      return error ? <ErrorAlert error={error} onRetry={refresh} /> : <Skeleton active />;
    }
    switch (job.status) {
      case "parsing":
      case "committing":
        return <ImportProgress job={job} />;
      case "preview":
        return (
          <>
            <ErrorAlert error={commitError} />
            <PreviewStep
              job={job}
              undecided={undecided}
              refreshKey={version}
              onRowChanged={onRowChanged}
              committing={committing}
              onCommit={onCommit}
              onCancel={onCancel}
              accepting={accepting}
              onAcceptSuggestions={onAcceptSuggestions}
            />
          </>
        );
      case "committed":
        return <ImportResult job={job} onRestart={restart} />;
      default:
        return (
          <Result
            status={job.status === "failed" ? "error" : "info"}
            title={t(job.status === "failed" ? "imports.failed" : "imports.cancelled")}
            subTitle={job.error?.message}
            data-testid="import-failed"
            extra={
              <Button type="primary" onClick={restart}>
                {t("imports.uploadAgain")}
              </Button>
            }
          />
        );
    }
  };

  return (
    <PageContainer title={t("imports.wizard.title")} subTitle={job?.filename}>
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={stepOf(job, ready)}
          status={job?.status === "failed" ? "error" : job?.status === "committed" ? "finish" : "process"}
          items={[
            { title: t("imports.step.upload") },
            { title: t("imports.step.preview") },
            { title: t("imports.step.confirm") },
            { title: t("imports.step.done") },
          ]}
          data-testid="import-steps"
        />
      </Card>
      {job && (job.status === "parsing" || job.status === "committing") ? <Card>{body()}</Card> : body()}
    </PageContainer>
  );
}
