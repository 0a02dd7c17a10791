// One Metadata request for every topic, internal ones included, read even when some partitions are down.
import {
  kGetApi,
  kGetBootstrapConnection,
  kPerformWithRetry,
  type Admin,
  type Callback,
  type Connection,
} from "@platformatic/kafka";

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

type MetadataApi = (
  connection: Connection,
  topics: null,
  allowAutoTopicCreation: boolean,
  includeTopicAuthorizedOperations: boolean,
  callback: Callback<MetadataSnapshot>,
) => void;

/**
 * Admin.metadata() drops internal topics and Admin.listTopics() returns names only, and both fail as a
 * whole when one partition reports an error, which is exactly when an operator needs the overview.
 * So this sends the Metadata request itself through the client's own (exported) connection, version
 * negotiation and retry hooks, and keeps a response whose only errors are per topic or partition.
 */
export function fetchClusterMetadata(admin: Admin): Promise<MetadataSnapshot> {
  return new Promise((resolve, reject) => {
    const done: Callback<MetadataSnapshot> = (error, metadata) =>
      error || !metadata ? reject(error ?? new Error("Empty metadata response.")) : resolve(metadata);
    admin[kPerformWithRetry]<MetadataSnapshot>(
      "console-metadata",
      (retryCallback, attempt) => {
        admin[kGetBootstrapConnection]((error, connection) => {
          if (error || !connection) return retryCallback(error ?? new Error("No bootstrap connection."));
          admin[kGetApi]<Parameters<MetadataApi>, MetadataSnapshot>("Metadata", (apiError, api) => {
            if (apiError || !api) return retryCallback(apiError ?? new Error("No Metadata API."));
            (api as unknown as MetadataApi)(connection, null, false, false, (responseError, response) => {
              const partial = partialResponse(responseError);
              retryCallback(partial ? null : responseError, partial ?? response);
            });
          });
        }, attempt);
      },
      done,
    );
  });
}

/** A ResponseError whose errors all sit under /topics/... still carries a usable cluster view. */
export function partialResponse(error: Error | null): MetadataSnapshot | undefined {
  if (!error || !("response" in error) || !("errors" in error) || !Array.isArray(error.errors))
    return undefined;
  const topicLevel = error.errors.every(
    (inner: unknown) =>
      typeof inner === "object" &&
      inner !== null &&
      "path" in inner &&
      String(inner.path).startsWith("/topics/"),
  );
  return topicLevel ? (error.response as MetadataSnapshot) : undefined;
}
