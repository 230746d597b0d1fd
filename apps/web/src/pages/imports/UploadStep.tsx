import { InboxOutlined } from "@ant-design/icons";
import { App, Upload } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import type { ImportJob } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/I18nProvider";

const ACCEPTED = [".xlsx", ".csv"];

/** 上传: drag an XLSX/CSV file here; it is POSTed as multipart field `file`. */
export function UploadStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  return (
    <>
      <ErrorAlert error={error} />
      <Upload.Dragger
        accept={ACCEPTED.join(",")}
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(file) => {
          const ok = ACCEPTED.some((ext) => file.name.toLowerCase().endsWith(ext));
          if (!ok) message.error(t("imports.upload.badType"));
          return ok || Upload.LIST_IGNORE;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const body = new FormData();
          body.append("file", file as Blob);
          setUploading(true);
          setError(null);
          api<ImportJob>("/api/v1/imports", { method: "POST", body }).then(
            (job) => {
              setUploading(false);
              onSuccess?.(job);
              onUploaded(job);
            },
            (err: unknown) => {
              setUploading(false);
              setError(err);
              onError?.(err instanceof Error ? err : new Error(String(err)));
            },
          );
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {uploading ? t("imports.upload.uploading") : t("imports.upload.text")}
        </p>
        <p className="ant-upload-hint">{t("imports.upload.hint")}</p>
      </Upload.Dragger>
    </>
  );
}
