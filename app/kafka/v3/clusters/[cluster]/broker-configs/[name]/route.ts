// GET /kafka/v3/clusters/{cluster_id}/broker-configs/{name} – one cluster-wide broker default, Confluent v3 KafkaClusterConfig (viewer)
// PUT /kafka/v3/clusters/{cluster_id}/broker-configs/{name} – set it for every broker: {"value": "…"} (null resets) (admin)
// DELETE /kafka/v3/clusters/{cluster_id}/broker-configs/{name} – remove the cluster-wide default (admin)
import { z } from "zod";

import {
  confluentRoute,
  getConfigAnswer,
  resetConfigAnswer,
  updateConfigAnswer,
  v3UpdateConfigSchema,
} from "@/lib/server/confluent";
import { configNameSchema } from "@/lib/schemas/configs";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string(), name: configNameSchema });
const DEFAULTS = { type: "broker-default" } as const;

export const GET = confluentRoute({ permission: "broker.view", params }, (request, { params }) =>
  getConfigAnswer(request, params.cluster, DEFAULTS, params.name),
);

export const PUT = confluentRoute(
  { permission: "broker.configure", params, body: v3UpdateConfigSchema },
  (_request, { params, body, principal }) =>
    updateConfigAnswer(params.cluster, DEFAULTS, params.name, body.value, {
      principal,
      action: "broker.configure",
    }),
);

export const DELETE = confluentRoute(
  { permission: "broker.configure", params },
  (_request, { params, principal }) =>
    resetConfigAnswer(params.cluster, DEFAULTS, params.name, { principal, action: "broker.configure" }),
);
