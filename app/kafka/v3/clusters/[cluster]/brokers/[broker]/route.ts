// GET /kafka/v3/clusters/{cluster_id}/brokers/{broker_id} – Confluent v3 KafkaBroker (viewer)
import { z } from "zod";

import {
  confluentFailure,
  confluentJson,
  confluentNotFound,
  confluentRoute,
  kafkaBroker,
  linksFor,
  resolveCluster,
} from "@/lib/server/confluent";
import { brokerIdSchema } from "@/lib/schemas/brokers";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  { permission: "broker.view", params: z.object({ cluster: z.string(), broker: brokerIdSchema }) },
  async (request, { params }) => {
    const cluster = await resolveCluster(params.cluster);
    if (cluster instanceof Response) return cluster;
    const result = await kafka.listBrokers(cluster.name);
    if (!result.ok) return confluentFailure(kafka.problemResult(result.problem));
    const broker = result.data.brokers.find((candidate) => candidate.nodeId === params.broker);
    if (!broker)
      return confluentNotFound(
        404,
        `Broker ${params.broker} cannot be found in cluster ${cluster.clusterId}.`,
      );
    return confluentJson(request, kafkaBroker(linksFor(request), cluster.clusterId, broker));
  },
);
