import { Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { useAuth } from "../../auth/AuthProvider";
import { PageContainer } from "../../components/PageContainer";
import { useI18n } from "../../i18n/I18nProvider";
import { DemonstrationTab } from "./DemonstrationTab";
import { ExemptionsTab } from "./ExemptionsTab";
import { GreenChannelTab } from "./GreenChannelTab";
import { PublicListsTab } from "./PublicListsTab";

/**
 * 便利措施与公示 (/console/privileges): green channel, inspection exemptions, demonstration titles and the public
 * lists. Enterprise users see their own exemption applications only; inspectors read; admin and regulator decide.
 */
export function PrivilegesPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const isEnterprise = user?.role === "enterprise";
  const isAuthority = user?.role === "admin" || user?.role === "regulator";

  const tabs = [
    ...(isEnterprise
      ? []
      : [
          {
            key: "green-channel",
            label: t("privileges.tab.greenChannel"),
            children: <GreenChannelTab canManage={isAuthority} />,
          },
        ]),
    {
      key: "exemptions",
      label: t("privileges.tab.exemptions"),
      children: <ExemptionsTab isEnterprise={isEnterprise} canDecide={isAuthority} />,
    },
    ...(isEnterprise
      ? []
      : [
          {
            key: "demonstration",
            label: t("privileges.tab.demonstration"),
            children: <DemonstrationTab canAward={isAuthority} />,
          },
        ]),
    ...(isAuthority
      ? [{ key: "public-lists", label: t("privileges.tab.publicLists"), children: <PublicListsTab /> }]
      : []),
  ];
  const requested = params.get("tab");
  const active = tabs.some((tab) => tab.key === requested)
    ? (requested as string)
    : (tabs[0]?.key ?? "exemptions");

  return (
    <PageContainer title={t("nav.privileges")} subTitle={t("privileges.subtitle")}>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={tabs}
        destroyOnHidden
        data-testid="privileges-tabs"
      />
    </PageContainer>
  );
}
