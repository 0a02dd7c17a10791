// GET/POST /consumers/{group}/instances/{instance}/assignments – Confluent REST v2: the instance's partitions (given by the group, or assigned); assign partitions manually instead of subscribing (operator)
import { consumerRegistry } from "@/lib/server/confluent-v2/consumers";
import { partitionList, partitionsBody } from "@/lib/server/confluent-v2/positions";
import { instanceParams, v2Json, v2NoContent, v2Operation } from "@/lib/server/confluent-v2/route";
import { confluentRoute } from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

export const GET = confluentRoute(
  { permission: "consumer.instance", params: instanceParams },
  async (request, { params: { group, instance }, principal }) =>
    v2Operation(async () => {
      const consumer = consumerRegistry().get(group, instance, principal);
      return v2Json(request, { partitions: consumer.kafka.assignments() });
    }),
);

// A manual assignment replaces the previous one and is exclusive with a subscription (40903), as in Kafka.
export const POST = confluentRoute(
  { permission: "consumer.instance", params: instanceParams, body: partitionsBody },
  async (_request, { params: { group, instance }, body, principal }) =>
    v2Operation(
      async () => {
        await consumerRegistry().get(group, instance, principal).assign(body.partitions);
        return v2NoContent();
      },
      {
        principal,
        action: "consumer.assign",
        target: `${group}/${instance}`,
        details: { partitions: partitionList(body.partitions) },
      },
    ),
);
