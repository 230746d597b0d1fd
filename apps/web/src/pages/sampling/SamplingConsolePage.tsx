import { PageContainer } from "../../components/PageContainer";
import { useI18n } from "../../i18n/I18nProvider";
import { SamplingCalculator } from "./SamplingCalculator";

/** The sampling plan calculator inside the console (/console/sampling), for every role. */
export function SamplingConsolePage() {
  const { t } = useI18n();
  return (
    <PageContainer title={t("sampling.title")} subTitle={t("sampling.subtitle")}>
      <SamplingCalculator />
    </PageContainer>
  );
}
