// POST /kafka/v3/clusters/{cluster_id}/topics/{topic_name}/configs:alter – Confluent v3 batch: {"data": [{name, value, operation: SET|DELETE}]} in one change (operator)
// (Next cannot name a folder `configs:alter`, so the segment is dynamic and anything else is 404.)
import { z } from "zod";

import {
  alterConfigBatchAnswer,
  confluentNotFound,
  confluentRoute,
  v3AlterConfigsSchema,
} from "@/lib/server/confluent";
import { topicNameSchema } from "@/lib/schemas/topics";

export const dynamic = "force-dynamic";

export const POST = confluentRoute(
  {
    permission: "topic.configure",
    params: z.object({ cluster: z.string(), topic: topicNameSchema, action: z.string() }),
    body: v3AlterConfigsSchema,
  },
  async (request, { params, body, principal }) => {
    if (params.action !== "configs:alter")
      return confluentNotFound(404, `No such resource: ${new URL(request.url).pathname}.`);
    return alterConfigBatchAnswer(params.cluster, { type: "topic", name: params.topic }, body, {
      principal,
      action: "topic.configure",
    });
  },
);
