import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function LotListPage() {
  return <PageContainer title="LotListPage">{null}</PageContainer>;
}
