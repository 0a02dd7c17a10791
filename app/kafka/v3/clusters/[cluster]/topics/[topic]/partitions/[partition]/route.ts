// GET /kafka/v3/clusters/{cluster_id}/topics/{topic_name}/partitions/{partition_id} – Confluent v3 KafkaPartition (viewer)
import { z } from "zod";

import {
  CONFLUENT_CODES,
  confluentFailure,
  confluentJson,
  confluentNotFound,
  confluentRoute,
  kafkaPartition,
  linksFor,
  resolveCluster,
} from "@/lib/server/confluent";
import { topicNameSchema } from "@/lib/schemas/topics";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const params = z.object({
  cluster: z.string(),
  topic: topicNameSchema,
  partition: z.coerce
    .number({ message: "partition_id is a number." })
    .int("partition_id is a whole number.")
    .min(0, "partition_id is 0 or more."),
});

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
  const partition = result.data.partitions.find((candidate) => candidate.partition === params.partition);
  if (!partition)
    return confluentNotFound(
      CONFLUENT_CODES.partitionNotFound,
      `Topic ${params.topic} has no partition ${params.partition}: it has ${result.data.partitions.length}.`,
    );
  return confluentJson(
    request,
    kafkaPartition(linksFor(request), cluster.clusterId, params.topic, partition),
  );
});
