import { Tag } from "antd";
import { useI18n } from "../../i18n/I18nProvider";
import type { ExemptionApplication } from "./types";

const COLORS = { submitted: "processing", approved: "green", rejected: "red", revoked: "default" } as const;

/** Status of an application; an approval past its end date shows as expired. */
export function ExemptionStatusTag({
  application,
}: {
  application: Pick<ExemptionApplication, "status" | "expired">;
}) {
  const { t } = useI18n();
  if (application.expired)
    return (
      <Tag color="orange" data-testid="exemption-status" data-status="expired">
        {t("privileges.exemption.status.expired")}
      </Tag>
    );
  return (
    <Tag color={COLORS[application.status]} data-testid="exemption-status" data-status={application.status}>
      {t(`privileges.exemption.status.${application.status}`)}
    </Tag>
  );
}
