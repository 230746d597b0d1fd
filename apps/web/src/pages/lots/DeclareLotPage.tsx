import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function DeclareLotPage() {
  return <PageContainer title="DeclareLotPage">{null}</PageContainer>;
}
