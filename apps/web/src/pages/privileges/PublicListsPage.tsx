import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function PublicListsPage() {
  return <PageContainer title="PublicListsPage">{null}</PageContainer>;
}
