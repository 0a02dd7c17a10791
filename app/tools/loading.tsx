import { PageSkeleton } from "@/components/shell/page-skeleton";

export default function ToolsLoading() {
  return <PageSkeleton />;
}
