import { EmptyState } from "@/components/ui/empty-state";

/** What a cluster page shows when the configuration names no cluster at all. */
export function NoClusterConfigured() {
  return (
    <EmptyState
      title="No cluster configured"
      description="Add a cluster to the console's configuration file and restart the console."
    />
  );
}
