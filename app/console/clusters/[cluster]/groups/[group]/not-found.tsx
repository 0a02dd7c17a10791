"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { consumerGroupsPath } from "@/lib/paths";

// A group no broker lists, or one the console's identity may not describe.
export default function GroupNotFound() {
  const { cluster } = useParams<{ cluster: string }>();
  return (
    <EmptyState
      headingLevel="h1"
      title="Group not found"
      description={`No broker of ${cluster} lists a group by this id, or the console's identity may not describe it. It may have been deleted.`}
    >
      <Link href={consumerGroupsPath(cluster)} className={buttonClassName("primary")}>
        All consumer groups
      </Link>
    </EmptyState>
  );
}
