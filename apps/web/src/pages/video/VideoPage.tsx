import { PageContainer } from "../../components/PageContainer";

/** Placeholder until the page is built. */
export function VideoPage() {
  return <PageContainer title="VideoPage">{null}</PageContainer>;
}
