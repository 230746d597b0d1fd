import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function PrivilegesPage() {
  return <PageContainer title="PrivilegesPage">{null}</PageContainer>;
}
