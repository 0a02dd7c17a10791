// One Metadata request for every topic, internal ones included, read even when some partitions are down.
import type { Admin } from "@platformatic/kafka";

import { responseWithErrorsUnder, sendRaw } from "./raw-request";

/** The fields of a Metadata response the console reads; the same in every version from v1 on. */
export interface MetadataSnapshot {
  clusterId: string | null;
  controllerId: number;
  brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
  topics: {
    name: string | null;
    isInternal: boolean;
    partitions: { partitionIndex: number; leaderId: number; replicaNodes: number[]; isrNodes: number[] }[];
  }[];
}

/**
 * Admin.metadata() drops internal topics and Admin.listTopics() returns names only, and both fail as a
 * whole when one partition reports an error, which is exactly when an operator needs the overview.
 * So this sends the Metadata request itself through the client's own (exported) connection, version
 * negotiation and retry hooks, and keeps a response whose only errors are per topic or partition.
 */
export function fetchClusterMetadata(admin: Admin): Promise<MetadataSnapshot> {
  // topics null: all of them; no auto-creation; no authorized operations.
  return sendRaw<MetadataSnapshot>(admin, {
    api: "Metadata",
    args: [null, false, false],
    keepPartial: partialResponse,
  });
}

/** A ResponseError whose errors all sit under /topics/... still carries a usable cluster view. */
export function partialResponse(error: Error | null): MetadataSnapshot | undefined {
  return error ? responseWithErrorsUnder<MetadataSnapshot>("/topics/", error) : undefined;
}
