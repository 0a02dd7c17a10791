import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { topicsPath } from "@/lib/paths";
import { listClusterNames } from "@/lib/server/kafka";

// An unknown topic, or one the console's identity may not describe (Kafka does not tell them apart).
export default function TopicNotFound() {
  return (
    <EmptyState
      headingLevel="h1"
      title="Topic not found"
      description="No topic by this name exists on the cluster, or the console's identity may not describe it. It may have been deleted."
    >
      <Link href={topicsPath(listClusterNames()[0] ?? "")} className={buttonClassName("primary")}>
        All topics
      </Link>
    </EmptyState>
  );
}
