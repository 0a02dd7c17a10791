// GET /kafka/v3/clusters/{cluster_id}/brokers/{broker_id}/configs – Confluent v3 KafkaBrokerConfigList (viewer)
import { z } from "zod";

import { confluentRoute, listConfigsAnswer } from "@/lib/server/confluent";
import { brokerIdSchema } from "@/lib/schemas/brokers";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  { permission: "broker.view", params: z.object({ cluster: z.string(), broker: brokerIdSchema }) },
  (request, { params }) => listConfigsAnswer(request, params.cluster, { type: "broker", id: params.broker }),
);
