import "server-only";

// The consumer group behind a Confluent v3 group route: the cluster resolved from its id or name, the
// group described by the same function as the group page (members, committed offsets, lag), or the
// Confluent error to answer (404 for a group the cluster does not list).
import type { V3GroupDetails } from "@/lib/confluent/groups-v3";
import {
  confluentError,
  confluentFailure,
  linksFor,
  resolveCluster,
  type ResolvedCluster,
} from "@/lib/server/confluent";
import * as kafka from "@/lib/server/kafka";

export interface DescribedGroup {
  cluster: ResolvedCluster;
  group: V3GroupDetails;
  /** The cluster's v3 address, e.g. https://console/kafka/v3/clusters/<id>. */
  base: string;
}

/** 501 when the cluster lacks the group APIs (a gateway), with the missing API named. */
export async function groupsUnavailable(cluster: ResolvedCluster): Promise<Response | undefined> {
  const reason = kafka.unavailableReason(await kafka.clusterCapabilities(cluster.name), "groups");
  return reason ? confluentError(501, 501, reason) : undefined;
}

export async function describedGroup(
  request: Request,
  clusterParam: string,
  groupId: string,
): Promise<DescribedGroup | Response> {
  const cluster = await resolveCluster(clusterParam);
  if (cluster instanceof Response) return cluster;
  const lacking = await groupsUnavailable(cluster);
  if (lacking) return lacking;
  const result = await kafka.describeGroup(cluster.name, groupId);
  if (!result.ok) return confluentFailure(kafka.problemResult(result.problem));
  if (!result.data)
    return confluentError(
      404,
      404,
      `Consumer group ${groupId} does not exist on cluster ${cluster.clusterId}, or the console may not describe it.`,
    );
  return { cluster, group: result.data, base: linksFor(request).url("clusters", cluster.clusterId) };
}
