// GET /kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/lags – Confluent v3 KafkaConsumerLagList: per committed partition, current and log end offset, lag and the consumer holding it (viewer)
import { z } from "zod";

import { lagList } from "@/lib/confluent/groups-v3";
import { confluentJson, confluentRoute } from "@/lib/server/confluent";
import { describedGroup } from "@/lib/server/confluent-groups-v3";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  { permission: "group.view", params: z.object({ cluster: z.string(), group: z.string().min(1) }) },
  async (request, { params }) => {
    const found = await describedGroup(request, params.cluster, params.group);
    if (found instanceof Response) return found;
    return confluentJson(request, lagList(found.cluster.clusterId, found.base, found.group));
  },
);
