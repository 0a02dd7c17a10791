// POST /kafka/v3/clusters/{cluster_id}/broker-configs:alter – Confluent v3 batch of the cluster-wide broker defaults: {"data": [{name, value, operation: SET|DELETE}]} (admin)
// (Next cannot name a folder `broker-configs:alter`, so the segment is dynamic and anything else is 404.)
import { z } from "zod";

import {
  alterConfigBatchAnswer,
  confluentNotFound,
  confluentRoute,
  v3AlterConfigsSchema,
} from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

export const POST = confluentRoute(
  {
    permission: "broker.configure",
    params: z.object({ cluster: z.string(), action: z.string() }),
    body: v3AlterConfigsSchema,
  },
  async (request, { params, body, principal }) => {
    if (params.action !== "broker-configs:alter")
      return confluentNotFound(404, `No such resource: ${new URL(request.url).pathname}.`);
    return alterConfigBatchAnswer(params.cluster, { type: "broker-default" }, body, {
      principal,
      action: "broker.configure",
    });
  },
);
