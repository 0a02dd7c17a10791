import { PageHeaderSkeleton, TableSkeleton } from "@/components/shell/page-skeleton";

// Listing topics waits for the broker: the shell and the table's place show meanwhile.
export default function TopicsLoading() {
  return (
    <>
      <PageHeaderSkeleton title="Topics" />
      <TableSkeleton label="Loading topics…" />
    </>
  );
}
