// GET /kafka/v3/clusters/{cluster_id}/topics/{topic_name}/configs/{name} – one config of the topic, Confluent v3 KafkaTopicConfig (viewer)
// PUT /kafka/v3/clusters/{cluster_id}/topics/{topic_name}/configs/{name} – set it: {"value": "…"} (null resets), as the config editor does (operator)
// DELETE /kafka/v3/clusters/{cluster_id}/topics/{topic_name}/configs/{name} – reset it to its default (operator)
import { z } from "zod";

import {
  confluentRoute,
  getConfigAnswer,
  resetConfigAnswer,
  updateConfigAnswer,
  v3UpdateConfigSchema,
} from "@/lib/server/confluent";
import { configNameSchema } from "@/lib/schemas/configs";
import { topicNameSchema } from "@/lib/schemas/topics";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: z.string(), topic: topicNameSchema, name: configNameSchema });

export const GET = confluentRoute({ permission: "topic.view", params }, (request, { params }) =>
  getConfigAnswer(request, params.cluster, { type: "topic", name: params.topic }, params.name),
);

export const PUT = confluentRoute(
  { permission: "topic.configure", params, body: v3UpdateConfigSchema },
  (_request, { params, body, principal }) =>
    updateConfigAnswer(params.cluster, { type: "topic", name: params.topic }, params.name, body.value, {
      principal,
      action: "topic.configure",
    }),
);

export const DELETE = confluentRoute(
  { permission: "topic.configure", params },
  (_request, { params, principal }) =>
    resetConfigAnswer(params.cluster, { type: "topic", name: params.topic }, params.name, {
      principal,
      action: "topic.configure",
    }),
);
