// POST /consumers/{group}/instances/{instance}/positions – Confluent REST v2: seek assigned partitions to the given offsets; the next GET …/records reads from there (operator)
import { consumerRegistry } from "@/lib/server/confluent-v2/consumers";
import { seekBody } from "@/lib/server/confluent-v2/positions";
import { instanceParams, v2NoContent, v2Operation } from "@/lib/server/confluent-v2/route";
import { confluentRoute } from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

export const POST = confluentRoute(
  { permission: "consumer.instance", params: instanceParams, body: seekBody },
  async (_request, { params: { group, instance }, body, principal }) =>
    v2Operation(
      async () => {
        await consumerRegistry().get(group, instance, principal).seek(body.offsets);
        return v2NoContent();
      },
      {
        principal,
        action: "consumer.seek",
        target: `${group}/${instance}`,
        details: {
          positions: body.offsets
            .map(({ topic, partition, offset }) => `${topic}-${partition}@${offset}`)
            .join(",")
            .slice(0, 500),
        },
      },
    ),
);
