import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

// Listing ACLs waits for the broker (up to its connect timeout when it is down): the shell shows meanwhile.
export default function AclsLoading() {
  return (
    <>
      <PageHeader title="ACLs" description="Loading the bindings from the cluster…" />
      <Card className="space-y-3 p-5">
        <p className="sr-only" role="status">
          Loading ACL bindings…
        </p>
        <Skeleton className="h-9 w-full" />
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="h-7 w-full" />
        ))}
      </Card>
    </>
  );
}
