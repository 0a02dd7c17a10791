// GET /kafka/v3/clusters/{cluster_id}/topics/{topic_name}/configs – Confluent v3 KafkaTopicConfigList: every config of the topic (viewer)
import { z } from "zod";

import { confluentRoute, listConfigsAnswer } from "@/lib/server/confluent";
import { topicNameSchema } from "@/lib/schemas/topics";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  { permission: "topic.view", params: z.object({ cluster: z.string(), topic: topicNameSchema }) },
  (request, { params }) => listConfigsAnswer(request, params.cluster, { type: "topic", name: params.topic }),
);
