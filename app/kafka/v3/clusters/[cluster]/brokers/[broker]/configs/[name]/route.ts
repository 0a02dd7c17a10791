// GET /kafka/v3/clusters/{cluster_id}/brokers/{broker_id}/configs/{name} – one config of the broker, Confluent v3 KafkaBrokerConfig (viewer)
// PUT /kafka/v3/clusters/{cluster_id}/brokers/{broker_id}/configs/{name} – set it dynamically: {"value": "…"} (null resets) (admin)
// DELETE /kafka/v3/clusters/{cluster_id}/brokers/{broker_id}/configs/{name} – reset its dynamic value (admin)
import { z } from "zod";

import {
  confluentRoute,
  getConfigAnswer,
  resetConfigAnswer,
  updateConfigAnswer,
  v3UpdateConfigSchema,
} from "@/lib/server/confluent";
import { brokerIdSchema } from "@/lib/schemas/brokers";
import { configNameSchema } from "@/lib/schemas/configs";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string(), broker: brokerIdSchema, name: configNameSchema });

export const GET = confluentRoute({ permission: "broker.view", params }, (request, { params }) =>
  getConfigAnswer(request, params.cluster, { type: "broker", id: params.broker }, params.name),
);

export const PUT = confluentRoute(
  { permission: "broker.configure", params, body: v3UpdateConfigSchema },
  (_request, { params, body, principal }) =>
    updateConfigAnswer(params.cluster, { type: "broker", id: params.broker }, params.name, body.value, {
      principal,
      action: "broker.configure",
    }),
);

export const DELETE = confluentRoute(
  { permission: "broker.configure", params },
  (_request, { params, principal }) =>
    resetConfigAnswer(params.cluster, { type: "broker", id: params.broker }, params.name, {
      principal,
      action: "broker.configure",
    }),
);
