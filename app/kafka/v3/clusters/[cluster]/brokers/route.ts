// GET /kafka/v3/clusters/{cluster_id}/brokers – Confluent v3 KafkaBrokerList (viewer)
import { z } from "zod";

import {
  confluentFailure,
  confluentJson,
  confluentRoute,
  kafkaBrokerList,
  linksFor,
  resolveCluster,
} from "@/lib/server/confluent";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  { permission: "broker.view", params: z.object({ cluster: z.string() }) },
  async (request, { params }) => {
    const cluster = await resolveCluster(params.cluster);
    if (cluster instanceof Response) return cluster;
    const result = await kafka.listBrokers(cluster.name);
    if (!result.ok) return confluentFailure(kafka.problemResult(result.problem));
    return confluentJson(request, kafkaBrokerList(linksFor(request), cluster.clusterId, result.data.brokers));
  },
);
