// GET /kafka/v3/clusters/{cluster_id}/topics/{topic_name}/partitions – Confluent v3 KafkaPartitionList (viewer)
import { z } from "zod";

import {
  CONFLUENT_CODES,
  confluentFailure,
  confluentJson,
  confluentNotFound,
  confluentRoute,
  kafkaPartitionList,
  linksFor,
  resolveCluster,
} from "@/lib/server/confluent";
import { topicNameSchema } from "@/lib/schemas/topics";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  { permission: "topic.view", params: z.object({ cluster: z.string(), topic: topicNameSchema }) },
  async (request, { params }) => {
    const cluster = await resolveCluster(params.cluster);
    if (cluster instanceof Response) return cluster;
    const result = await kafka.describeTopic(cluster.name, params.topic);
    if (!result.ok) return confluentFailure(kafka.problemResult(result.problem));
    if (!result.data)
      return confluentNotFound(
        CONFLUENT_CODES.topicNotFound,
        `Topic ${params.topic} does not exist on cluster ${cluster.clusterId}, or the console may not describe it.`,
      );
    return confluentJson(
      request,
      kafkaPartitionList(linksFor(request), cluster.clusterId, params.topic, result.data.partitions),
    );
  },
);
