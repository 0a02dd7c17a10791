// GET /kafka/v3/clusters/{cluster_id}/broker-configs – Confluent v3 KafkaClusterConfigList: the cluster-wide broker defaults that are set (viewer)
import { z } from "zod";

import { confluentRoute, listConfigsAnswer } from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  { permission: "broker.view", params: z.object({ cluster: z.string() }) },
  (request, { params }) => listConfigsAnswer(request, params.cluster, { type: "broker-default" }),
);
