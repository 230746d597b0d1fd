import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function RuleSetPage() {
  return <PageContainer title="RuleSetPage">{null}</PageContainer>;
}
