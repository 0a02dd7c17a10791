import { EmptyState } from "@/components/ui/empty-state";

/**
 * What a cluster page shows when the cluster lacks the Kafka APIs it needs (Redpanda, KoP, gateways):
 * information, not an error; the message names the API and its ApiKey.
 */
export function CapabilityUnavailable({
  cluster,
  feature,
  message,
}: {
  cluster: string;
  feature: string;
  message: string;
}) {
  return (
    <div role="status">
      <EmptyState
        title={`${feature} are not available on ${cluster}`}
        description={`${message} The console asked the cluster which Kafka APIs it offers (ApiVersions) and leaves out what it cannot do there.`}
      />
    </div>
  );
}
