// POST /consumers/{group}/instances/{instance}/positions/end – Confluent REST v2: seek assigned partitions to their end (only records written afterwards are read) (operator)
import { consumerRegistry } from "@/lib/server/confluent-v2/consumers";
import { partitionList, partitionsBody } from "@/lib/server/confluent-v2/positions";
import { instanceParams, v2NoContent, v2Operation } from "@/lib/server/confluent-v2/route";
import { confluentRoute } from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

export const POST = confluentRoute(
  { permission: "consumer.instance", params: instanceParams, body: partitionsBody },
  async (_request, { params: { group, instance }, body, principal }) =>
    v2Operation(
      async () => {
        await consumerRegistry().get(group, instance, principal).seekToEdge(body.partitions, "end");
        return v2NoContent();
      },
      {
        principal,
        action: "consumer.seek",
        target: `${group}/${instance}`,
        details: { end: partitionList(body.partitions) },
      },
    ),
);
