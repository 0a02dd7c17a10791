import { PageHeaderSkeleton, TableSkeleton } from "@/components/shell/page-skeleton";

// Describing the brokers waits for the cluster: the shell and the table's place show meanwhile.
export default function BrokersLoading() {
  return (
    <>
      <PageHeaderSkeleton />
      <TableSkeleton label="Loading brokers…" />
    </>
  );
}
