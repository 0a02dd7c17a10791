"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { topicsPath } from "@/lib/paths";

// An unknown topic, or one the console's identity may not describe (Kafka does not tell them apart).
export default function TopicNotFound() {
  const { cluster } = useParams<{ cluster: string }>();
  return (
    <EmptyState
      headingLevel="h1"
      title="Topic not found"
      description={`No topic by this name exists on ${cluster}, or the console's identity may not describe it. It may have been deleted.`}
    >
      <Link href={topicsPath(cluster)} className={buttonClassName("primary")}>
        All topics
      </Link>
    </EmptyState>
  );
}
