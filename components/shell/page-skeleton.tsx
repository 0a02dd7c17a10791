import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The header's place while a page waits for the cluster: same height, so nothing jumps. */
export function PageHeaderSkeleton({ title }: { title?: string }) {
  return (
    <div className="mb-6 space-y-2">
      {title ? (
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      ) : (
        <Skeleton className="h-8 w-64" />
      )}
      <Skeleton className="h-5 w-96 max-w-full" />
    </div>
  );
}

/** A card of table rows, announced once to screen readers. */
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

/** The tab bar's place under a page header (topic, broker), tabs as grey pills. */
export function TabBarSkeleton({ tabs }: { tabs: number }) {
  return (
    <div className="mb-4 flex gap-1 border-b border-zinc-200 pb-2 dark:border-zinc-800">
      {Array.from({ length: tabs }, (_, index) => (
        <Skeleton key={index} className="h-6 w-24" />
      ))}
    </div>
  );
}
