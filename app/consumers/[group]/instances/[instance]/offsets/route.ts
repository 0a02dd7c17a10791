// POST /consumers/{group}/instances/{instance}/offsets – Confluent REST v2: commit the given offsets, or (no body) every record handed out (operator)
import { z } from "zod";

import { consumerRegistry } from "@/lib/server/confluent-v2/consumers";
import { instanceParams, v2NoContent, v2Operation } from "@/lib/server/confluent-v2/route";
import { confluentRoute } from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

// Each offset is the last record processed, as Confluent's proxy reads it: the group's committed offset becomes offset + 1.
const commitBody = z.strictObject({
  offsets: z
    .array(
      z.strictObject({
        topic: z.string().min(1).max(249),
        partition: z.number().int().min(0),
        offset: z.number().int().min(0),
        metadata: z.string().max(4096).optional(),
      }),
    )
    .max(10_000)
    .optional(),
});

export const POST = confluentRoute(
  { permission: "consumer.instance", params: instanceParams, body: { schema: commitBody, empty: {} } },
  async (_request, { params: { group, instance }, body, principal }) =>
    v2Operation(
      async () => {
        await consumerRegistry().get(group, instance, principal).commit(body.offsets);
        return v2NoContent();
      },
      {
        principal,
        action: "consumer.commit",
        target: `${group}/${instance}`,
        details: { offsets: body.offsets?.length ?? "all answered" },
      },
    ),
);
