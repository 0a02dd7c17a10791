// GET /kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/lags/{topic_name}/partitions/{partition_id} – Confluent v3 KafkaConsumerLag of one partition (viewer)
import { z } from "zod";

import { partitionLag } from "@/lib/confluent/groups-v3";
import { confluentError, confluentJson, confluentRoute } from "@/lib/server/confluent";
import { describedGroup } from "@/lib/server/confluent-groups-v3";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  {
    permission: "group.view",
    params: z.object({
      cluster: z.string(),
      group: z.string().min(1),
      topic: z.string().min(1),
      partition: z.coerce.number().int().min(0),
    }),
  },
  async (request, { params }) => {
    const found = await describedGroup(request, params.cluster, params.group);
    if (found instanceof Response) return found;
    const lag = partitionLag(
      found.cluster.clusterId,
      found.base,
      found.group,
      params.topic,
      params.partition,
    );
    if (!lag)
      return confluentError(
        404,
        404,
        `Group ${params.group} has no committed offset on ${params.topic} partition ${params.partition}.`,
      );
    return confluentJson(request, lag);
  },
);
