import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function IndicatorsPage() {
  return <PageContainer title="IndicatorsPage">{null}</PageContainer>;
}
