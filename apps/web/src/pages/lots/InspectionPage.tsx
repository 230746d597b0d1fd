import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function InspectionPage() {
  return <PageContainer title="InspectionPage">{null}</PageContainer>;
}
