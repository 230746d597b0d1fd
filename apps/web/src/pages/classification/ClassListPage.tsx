import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function ClassListPage() {
  return <PageContainer title="ClassListPage">{null}</PageContainer>;
}
