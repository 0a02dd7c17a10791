// GET /kafka/v3/clusters/{cluster_id}/topics/{topic_name} – Confluent v3 KafkaTopic (viewer)
// DELETE /kafka/v3/clusters/{cluster_id}/topics/{topic_name} – delete the topic as its page does; internal topics are refused (admin)
import { z } from "zod";

import {
  CONFLUENT_CODES,
  confluentFailure,
  confluentJson,
  confluentNotFound,
  confluentRoute,
  kafkaTopic,
  linksFor,
  resolveCluster,
} from "@/lib/server/confluent";
import { topicNameSchema } from "@/lib/schemas/topics";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string(), topic: topicNameSchema });

export const GET = confluentRoute({ permission: "topic.view", params }, async (request, { params }) => {
  const cluster = await resolveCluster(params.cluster);
  if (cluster instanceof Response) return cluster;
  const result = await kafka.describeTopic(cluster.name, params.topic);
  if (!result.ok) return confluentFailure(kafka.problemResult(result.problem));
  if (!result.data)
    return confluentNotFound(
      CONFLUENT_CODES.topicNotFound,
      `Topic ${params.topic} does not exist on cluster ${cluster.clusterId}, or the console may not describe it.`,
    );
  const { partitions } = result.data;
  return confluentJson(
    request,
    kafkaTopic(linksFor(request), cluster.clusterId, {
      name: result.data.name,
      internal: result.data.internal,
      partitions: partitions.length,
      replicationFactor: Math.max(0, ...partitions.map((partition) => partition.replicas.length)),
    }),
  );
});

export const DELETE = confluentRoute(
  { permission: "topic.delete", params },
  async (_request, { params, principal }) => {
    const cluster = await resolveCluster(params.cluster);
    if (cluster instanceof Response) return cluster;
    const result = await kafka.deleteTopic(cluster.name, params.topic, principal);
    if (!result.ok) return confluentFailure(result);
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  },
);
