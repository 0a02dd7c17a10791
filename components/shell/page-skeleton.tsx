import { Skeleton } from "@/components/ui/skeleton";

/** A neutral stand-in for any console page while its server render is on its way. */
export function PageSkeleton({ label = "Loading page" }: { label?: string }) {
  return (
    <div role="status" aria-label={label}>
      <Skeleton className="mb-2 h-8 w-48" />
      <Skeleton className="mb-8 h-4 w-72" />
      <Skeleton className="h-64" />
      <span className="sr-only">{label}…</span>
    </div>
  );
}
