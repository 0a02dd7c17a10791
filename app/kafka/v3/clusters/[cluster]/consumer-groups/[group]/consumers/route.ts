// GET /kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/consumers – Confluent v3 KafkaConsumerList (viewer)
import { z } from "zod";

import { consumerList } from "@/lib/confluent/groups-v3";
import { confluentJson, confluentRoute } from "@/lib/server/confluent";
import { describedGroup } from "@/lib/server/confluent-groups-v3";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  { permission: "group.view", params: z.object({ cluster: z.string(), group: z.string().min(1) }) },
  async (request, { params }) => {
    const found = await describedGroup(request, params.cluster, params.group);
    if (found instanceof Response) return found;
    return confluentJson(request, consumerList(found.cluster.clusterId, found.base, found.group));
  },
);
