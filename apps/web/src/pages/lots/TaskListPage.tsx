import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function TaskListPage() {
  return <PageContainer title="TaskListPage">{null}</PageContainer>;
}
