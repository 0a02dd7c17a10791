import { Skeleton } from "@/components/ui/skeleton";

/** Stands in for the overview while the first status comes from the broker. */
export function OverviewSkeleton() {
  return (
    <div role="status" aria-label="Loading cluster overview">
      <Skeleton className="mb-2 h-8 w-40" />
      <Skeleton className="mb-8 h-4 w-28" />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Skeleton className="col-span-2 h-20" />
        {Array.from({ length: 6 }, (_, index) => (
          <Skeleton key={index} className="h-20" />
        ))}
      </div>
      <Skeleton className="mt-6 h-56" />
      <span className="sr-only">Loading cluster overview…</span>
    </div>
  );
}
