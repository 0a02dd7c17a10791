// GET /consumers/{group}/instances/{instance}/assignments – Confluent REST v2: the partitions the group gave the instance (operator)
import { consumerRegistry } from "@/lib/server/confluent-v2/consumers";
import { instanceParams, v2Json, v2Operation } from "@/lib/server/confluent-v2/route";
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
