import { PageHeaderSkeleton, TableSkeleton } from "@/components/shell/page-skeleton";

// Listing groups waits for the broker: the shell and the table's place show meanwhile.
export default function GroupsLoading() {
  return (
    <>
      <PageHeaderSkeleton title="Consumer groups" />
      <TableSkeleton label="Loading consumer groups…" />
    </>
  );
}
