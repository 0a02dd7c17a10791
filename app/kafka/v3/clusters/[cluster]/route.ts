// GET /kafka/v3/clusters/{cluster_id} – Confluent v3 KafkaCluster, by Kafka cluster id or the console's cluster name (viewer)
import { z } from "zod";

import {
  confluentJson,
  confluentRoute,
  kafkaCluster,
  linksFor,
  resolveCluster,
} from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  { permission: "cluster.view", params: z.object({ cluster: z.string() }) },
  async (request, { params }) => {
    const cluster = await resolveCluster(params.cluster);
    if (cluster instanceof Response) return cluster;
    return confluentJson(request, kafkaCluster(linksFor(request), cluster));
  },
);
