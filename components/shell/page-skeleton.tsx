import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** A card of table rows in the place of what is loading, announced once to screen readers. */
export function TableSkeleton({ label, rows = 8 }: { label: string; rows?: number }) {
  return (
    <Card className="space-y-3 p-5">
      <p className="sr-only" role="status">
        {label}
      </p>
      <Skeleton className="h-9 w-full" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} className="h-7 w-full" />
      ))}
    </Card>
  );
}
