import "server-only";

// The `cluster_id` of a v3 path: the Kafka cluster id (what Confluent's clients send), or the
// console's name for the cluster. Either way the answer names both.
import type { ClusterOverview } from "@/lib/schemas/cluster";
import * as kafka from "@/lib/server/kafka";

import { CONFLUENT_CODES, confluentError, confluentFailure } from "./errors";
import { ResourceLinks, resourceName } from "./resources";

/** How long one cluster's status may take while looking for an id among all of them. */
const LOOKUP_WITHIN_MS = 5_000;

export interface ResolvedCluster {
  /** The console's name for the cluster: what lib/server/kafka takes. */
  name: string;
  /** The Kafka cluster id: what v3 answers use. */
  clusterId: string;
  overview: ClusterOverview;
}

/** The cluster for a path's `cluster_id`, or the Confluent error to answer (404, or the cluster's problem). */
export async function resolveCluster(idOrName: string): Promise<ResolvedCluster | Response> {
  const names = kafka.listClusterNames();
  if (names.includes(idOrName)) {
    const status = await kafka.getClusterStatus(idOrName);
    if (!status.ok) return confluentFailure(kafka.problemResult(status.problem));
    return { name: idOrName, clusterId: status.overview.clusterId, overview: status.overview };
  }
  const statuses = await Promise.all(
    names.map((name) => kafka.getClusterStatusWithin(name, LOOKUP_WITHIN_MS)),
  );
  for (const status of statuses) {
    if (status.ok && status.overview.clusterId === idOrName)
      return { name: status.overview.cluster, clusterId: idOrName, overview: status.overview };
  }
  const unanswered = statuses.filter((status) => !status.ok).map((status) => status.cluster);
  return confluentError(
    404,
    CONFLUENT_CODES.notFound,
    `Cluster ${idOrName} cannot be found: it is neither a configured cluster's name nor the Kafka cluster id of one${
      unanswered.length ? ` (no answer from ${unanswered.join(", ")})` : ""
    }.`,
  );
}

/** Successful resolutions, keyed by the path's cluster_id: at most two per configured cluster. */
const recentlyResolved = new Map<string, { at: number; cluster: ResolvedCluster }>();

/**
 * resolveCluster, reusing a successful answer for up to `maxAgeMs`: for v3 produce, called once per
 * record by clients that send one record per request, where a status check per request (Metadata of
 * the whole cluster and ApiVersions) cost more than writing the record.
 */
export async function resolveClusterRecently(
  idOrName: string,
  maxAgeMs = 1_000,
): Promise<ResolvedCluster | Response> {
  const known = recentlyResolved.get(idOrName);
  if (known && Date.now() - known.at < maxAgeMs) return known.cluster;
  const resolved = await resolveCluster(idOrName);
  if (!(resolved instanceof Response)) recentlyResolved.set(idOrName, { at: Date.now(), cluster: resolved });
  return resolved;
}

/** The cluster's CRN: crn:///kafka=<cluster id>. */
export function clusterCrn(cluster: ResolvedCluster): [string, string] {
  return ["kafka", cluster.clusterId];
}

/** KafkaCluster, as Confluent's v3 reference shapes it. */
export function kafkaCluster(links: ResourceLinks, cluster: ResolvedCluster) {
  const id = cluster.clusterId;
  const controller = cluster.overview.controllerId;
  return {
    kind: "KafkaCluster",
    metadata: { self: links.url("clusters", id), resource_name: resourceName(clusterCrn(cluster)) },
    cluster_id: id,
    controller: controller >= 0 ? links.related("clusters", id, "brokers", controller) : null,
    acls: links.related("clusters", id, "acls"),
    brokers: links.related("clusters", id, "brokers"),
    broker_configs: links.related("clusters", id, "broker-configs"),
    consumer_groups: links.related("clusters", id, "consumer-groups"),
    topics: links.related("clusters", id, "topics"),
    partition_reassignments: links.related("clusters", id, "topics", "-", "partitions", "-", "reassignment"),
  };
}
