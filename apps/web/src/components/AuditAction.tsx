import { Tag } from "antd";
import { isMessageKey, useI18n } from "../i18n/I18nProvider";

const COLORS: Record<string, string> = { create: "green", update: "blue", delete: "red", commit: "purple" };

/**
 * An audit action ("enterprise.update", "create", "import.commit"…) as a tag: the catalogue label of its
 * last segment when there is one, with the raw code as tooltip.
 */
export function AuditAction({ action }: { action: string }) {
  const { t } = useI18n();
  const verb = action.split(/[.:]/).at(-1) ?? action;
  const key = `audit.action.${verb}`;
  return (
    <Tag color={COLORS[verb] ?? "default"} title={action} data-testid="audit-action">
      {isMessageKey(key) ? t(key) : action}
    </Tag>
  );
}
