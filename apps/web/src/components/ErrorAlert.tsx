import { Alert, Button } from "antd";
import type { CSSProperties } from "react";
import { ApiError } from "../api/client";
import { type Translate, useI18n } from "../i18n/I18nProvider";
import { fieldPathLabel } from "./fieldLabel";

/** A user-facing message for any error: the server's (localised) message, or a generic one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === "NETWORK_ERROR") return t("error.network");
    if (error.code === "HTTP_ERROR") return t("error.http", { status: error.status });
    return error.message;
  }
  return error instanceof Error && error.message ? error.message : t("error.unknown");
}

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  /** list the API's field errors under the message (off when they are shown on form items) */
  showFields?: boolean;
  style?: CSSProperties;
  testId?: string;
}

export function ErrorAlert({
  error,
  onRetry,
  showFields = true,
  style,
  testId = "error-alert",
}: ErrorAlertProps) {
  const { t } = useI18n();
  if (!error) return null;
  const fields = showFields && error instanceof ApiError ? error.fields : [];
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16, ...style }}
      title={errorMessage(error, t)}
      description={
        fields.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {fields.map((f) => (
              <li key={`${f.field}:${f.code}`}>
                {fieldPathLabel(f.field, t)}: {f.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        ) : undefined
      }
      data-testid={testId}
    />
  );
}
