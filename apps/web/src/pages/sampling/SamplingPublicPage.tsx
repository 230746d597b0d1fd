import { useI18n } from "../../i18n/I18nProvider";
import { PortalHeader } from "../public/PortalHeader";
import { SamplingCalculator } from "./SamplingCalculator";

/** 抽样方案计算器 in the public portal (/sampling): no sign-in needed. */
export function SamplingPublicPage() {
  const { t } = useI18n();
  return (
    <div>
      <PortalHeader />
      <section className="portal-hero portal-hero-compact">
        <h1 data-testid="page-title">{t("sampling.title")}</h1>
        <p>{t("sampling.subtitle")}</p>
      </section>
      <main className="portal-body">
        <SamplingCalculator />
      </main>
    </div>
  );
}
