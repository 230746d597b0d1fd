import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function LotDetailPage() {
  return <PageContainer title="LotDetailPage">{null}</PageContainer>;
}
