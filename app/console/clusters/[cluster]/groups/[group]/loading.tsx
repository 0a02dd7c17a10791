import { PageHeaderSkeleton, TableSkeleton } from "@/components/shell/page-skeleton";

// Describing the group and its lag waits for the broker: its place shows meanwhile.
export default function GroupLoading() {
  return (
    <>
      <PageHeaderSkeleton />
      <TableSkeleton label="Loading the group…" />
    </>
  );
}
