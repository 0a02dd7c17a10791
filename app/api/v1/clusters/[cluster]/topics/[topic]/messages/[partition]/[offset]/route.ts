// GET /api/v1/clusters/{cluster}/topics/{topic}/messages/{partition}/{offset} – one record in full, without the preview limit (viewer)
import { z } from "zod";

import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { apiError, failureResponse } from "@/lib/api-errors";

export const dynamic = "force-dynamic";

const recordAddressSchema = z.object({
  cluster: z.string(),
  topic: z.string(),
  partition: z
    .string()
    .regex(/^\d{1,7}$/, "A partition is a whole number, 0 or more")
    .transform(Number),
  offset: z
    .string()
    .regex(/^\d{1,19}$/, "An offset is a whole number, 0 or more")
    .transform(BigInt),
});

export const GET = guardedRoute(
  { permission: "message.view", params: recordAddressSchema },
  async (_request, { params }) => {
    const { cluster, topic, partition, offset } = params;
    const result = await kafka.fetchFullRecord(cluster, topic, partition, offset);
    if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
    if (!result.data) {
      return apiError(
        404,
        "NOT_FOUND",
        `No message at offset ${offset} of partition ${partition} in topic ${topic}: it may have been deleted, compacted away or aborted.`,
      );
    }
    return Response.json({ record: result.data }, { headers: { "Cache-Control": "no-store" } });
  },
);
