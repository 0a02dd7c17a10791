import type { ClusterStatus } from "@/lib/schemas/cluster";
import type { Tone } from "@/components/ui/badge";

export type ClusterHealthLevel = "healthy" | "degraded" | "unavailable";

export interface ClusterHealth {
  level: ClusterHealthLevel;
  label: "Healthy" | "Degraded" | "Unavailable";
  tone: Tone;
  /** Why it is not healthy, in one line. */
  detail?: string;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** Unavailable when the console cannot use the cluster; degraded when partitions lack replicas or leaders. */
export function describeClusterHealth(status: ClusterStatus): ClusterHealth {
  if (!status.ok) {
    return { level: "unavailable", label: "Unavailable", tone: "danger", detail: status.problem.title };
  }
  const { offlinePartitions, underReplicatedPartitions } = status.overview;
  if (offlinePartitions > 0 || underReplicatedPartitions > 0) {
    const reasons = [
      offlinePartitions > 0 && count(offlinePartitions, "offline partition"),
      underReplicatedPartitions > 0 && count(underReplicatedPartitions, "under-replicated partition"),
    ].filter((reason): reason is string => Boolean(reason));
    return { level: "degraded", label: "Degraded", tone: "warning", detail: reasons.join(", ") };
  }
  return { level: "healthy", label: "Healthy", tone: "success" };
}
