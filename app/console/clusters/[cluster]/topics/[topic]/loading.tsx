import { PageHeaderSkeleton, TabBarSkeleton, TableSkeleton } from "@/components/shell/page-skeleton";

// Describing the topic waits for the broker: the header, the tabs and the table keep their places.
export default function TopicLoading() {
  return (
    <>
      <PageHeaderSkeleton />
      <TabBarSkeleton tabs={5} />
      <TableSkeleton label="Loading the topic…" />
    </>
  );
}
