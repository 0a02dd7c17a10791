import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

// An unknown topic, or one the console's identity may not describe (Kafka does not tell them apart).
export default function TopicNotFound() {
  return (
    <EmptyState
      headingLevel="h1"
      title="Topic not found"
      description="No topic by this name exists on the cluster, or the console's identity may not describe it. It may have been deleted."
    >
      <Link href="/console/topics" className={buttonClassName("primary")}>
        All topics
      </Link>
    </EmptyState>
  );
}
