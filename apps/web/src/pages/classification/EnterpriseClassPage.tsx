import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function EnterpriseClassPage() {
  return <PageContainer title="EnterpriseClassPage">{null}</PageContainer>;
}
