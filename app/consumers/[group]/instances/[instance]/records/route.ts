// GET /consumers/{group}/instances/{instance}/records – Confluent REST v2: the records read since the last call, in the instance's format (operator)
import { z } from "zod";

import { consumerRegistry } from "@/lib/server/confluent-v2/consumers";
import { recordsContentType } from "@/lib/server/confluent-v2/record-format";
import { instanceParams, v2Json, v2Operation } from "@/lib/server/confluent-v2/route";
import { confluentRoute } from "@/lib/server/confluent";

export const dynamic = "force-dynamic";

const recordsQuery = z.object({
  /** Milliseconds to wait for records when none are buffered (Confluent's consumer.request.timeout.ms: 1000). */
  timeout: z.coerce.number().int().min(0).max(30_000).default(1000),
  /** The most key+value bytes to answer (at least one record is answered whatever its size). */
  max_bytes: z.coerce
    .number()
    .int()
    .min(1)
    .max(64 * 1024 * 1024)
    .default(8 * 1024 * 1024),
});

export const GET = confluentRoute(
  { permission: "consumer.instance", params: instanceParams, query: recordsQuery },
  async (request, { params: { group, instance }, query, principal }) =>
    v2Operation(async () => {
      const consumer = consumerRegistry().get(group, instance, principal);
      const records = await consumer.records(query.timeout, query.max_bytes);
      return v2Json(request, records, 200, recordsContentType(consumer.format));
    }),
);
