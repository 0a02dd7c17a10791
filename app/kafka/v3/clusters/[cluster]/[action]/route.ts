// POST /kafka/v3/clusters/{cluster_id}/broker-configs:alter – Confluent v3 batch of the cluster-wide broker defaults: {"data": [{name, value, operation: SET|DELETE}]} (admin)
// POST /kafka/v3/clusters/{cluster_id}/acls:batch – Confluent v3 batch of ACL bindings, all validated before any is created (admin)
// (Next cannot name a folder `broker-configs:alter`, so the segment is dynamic and anything else is 404.)
import { z } from "zod";

import { createAclBodySchema } from "@/lib/confluent/acls-v3";
import type { RouteContext } from "@/lib/server/auth";
import {
  alterConfigBatchAnswer,
  confluentNotFound,
  confluentRoute,
  createAclsAnswer,
  v3AlterConfigsSchema,
} from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

const actionParams = z.object({ cluster: z.string(), action: z.string() });

const alterBrokerDefaults = confluentRoute(
  { permission: "broker.configure", params: actionParams, body: v3AlterConfigsSchema },
  async (_request, { params, body, principal }) =>
    alterConfigBatchAnswer(params.cluster, { type: "broker-default" }, body, {
      principal,
      action: "broker.configure",
    }),
);

// Each entry as POST …/acls takes it; the ACL page's limit of 1000 bindings at once.
const aclBatchBody = z.object({ data: z.array(createAclBodySchema).min(1).max(1000) });

const createAclBatch = confluentRoute(
  { permission: "acl.create", params: actionParams, body: aclBatchBody },
  async (_request, { params, body, principal }) =>
    createAclsAnswer(params.cluster, body.data, principal, 204),
);

const notServed = confluentRoute({ permission: "cluster.view" }, async (request) =>
  confluentNotFound(404, `No such resource: ${new URL(request.url).pathname}.`),
);

const ACTIONS = new Map([
  ["broker-configs:alter", alterBrokerDefaults],
  ["acls:batch", createAclBatch],
]);

export async function POST(request: Request, context: RouteContext): Promise<Response> {
  const { action } = await context.params;
  const handler = (typeof action === "string" && ACTIONS.get(action)) || notServed;
  return handler(request, context);
}
