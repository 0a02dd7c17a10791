// DELETE /consumers/{group}/instances/{instance} – Confluent REST v2: close the consumer instance, leaving its group (operator)
import { consumerRegistry } from "@/lib/server/confluent-v2/consumers";
import { instanceParams, v2NoContent, v2Operation } from "@/lib/server/confluent-v2/route";
import { confluentRoute } from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

export const DELETE = confluentRoute(
  { permission: "consumer.instance", params: instanceParams },
  async (_request, { params: { group, instance }, principal }) =>
    v2Operation(
      async () => {
        await consumerRegistry().delete(group, instance, principal);
        return v2NoContent();
      },
      { principal, action: "consumer.delete", target: `${group}/${instance}` },
    ),
);
