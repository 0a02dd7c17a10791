// POST /kafka/v3/clusters/{cluster_id}/brokers/{broker_id}/configs:alter – Confluent v3 batch of the broker's configs: {"data": [{name, value, operation: SET|DELETE}]} (admin)
// (Next cannot name a folder `configs:alter`, so the segment is dynamic and anything else is 404.)
import { z } from "zod";

import {
  alterConfigBatchAnswer,
  confluentNotFound,
  confluentRoute,
  v3AlterConfigsSchema,
} from "@/lib/server/confluent";
import { brokerIdSchema } from "@/lib/schemas/brokers";

export const dynamic = "force-dynamic";

export const POST = confluentRoute(
  {
    permission: "broker.configure",
    params: z.object({ cluster: z.string(), broker: brokerIdSchema, action: z.string() }),
    body: v3AlterConfigsSchema,
  },
  async (request, { params, body, principal }) => {
    if (params.action !== "configs:alter")
      return confluentNotFound(404, `No such resource: ${new URL(request.url).pathname}.`);
    return alterConfigBatchAnswer(params.cluster, { type: "broker", id: params.broker }, body, {
      principal,
      action: "broker.configure",
    });
  },
);
