import { Tag } from "antd";
import type { MessageKey } from "../i18n/I18nProvider";
import { useI18n } from "../i18n/I18nProvider";

interface StatusStyle {
  color: string;
  label: MessageKey;
}

// One table of colours and labels for every status shown as a tag in the console.
const STATUS_STYLES = {
  "cert.valid": { color: "green", label: "status.cert.valid" },
  "cert.expiring": { color: "orange", label: "status.cert.expiring" },
  "cert.expired": { color: "red", label: "status.cert.expired" },
  "cert.open": { color: "default", label: "status.cert.open" },
  "job.parsing": { color: "processing", label: "status.job.parsing" },
  "job.preview": { color: "gold", label: "status.job.preview" },
  "job.committing": { color: "processing", label: "status.job.committing" },
  "job.committed": { color: "success", label: "status.job.committed" },
  "job.failed": { color: "error", label: "status.job.failed" },
  "job.cancelled": { color: "default", label: "status.job.cancelled" },
  "row.error": { color: "red", label: "status.row.error" },
  "row.potential_match": { color: "orange", label: "status.row.potential_match" },
  "row.match": { color: "blue", label: "status.row.match" },
  "row.new": { color: "green", label: "status.row.new" },
  "row.unchanged": { color: "default", label: "status.row.unchanged" },
  "user.active": { color: "green", label: "status.user.active" },
  "user.disabled": { color: "default", label: "status.user.disabled" },
} satisfies Record<string, StatusStyle>;

export type StatusKey = keyof typeof STATUS_STYLES;

export function statusLabelKey(status: StatusKey): MessageKey {
  return STATUS_STYLES[status].label;
}

export function StatusTag({ status, suffix }: { status: StatusKey; suffix?: string }) {
  const { t } = useI18n();
  const style: StatusStyle = STATUS_STYLES[status];
  return (
    <Tag color={style.color} data-testid="status-tag" data-status={status}>
      {t(style.label)}
      {suffix ? ` ${suffix}` : null}
    </Tag>
  );
}
