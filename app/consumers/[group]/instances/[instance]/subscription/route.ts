// POST/GET/DELETE /consumers/{group}/instances/{instance}/subscription – Confluent REST v2: subscribe (replacing the subscription) to topics or a pattern, show, unsubscribe (operator)
import { z } from "zod";

import { consumerRegistry } from "@/lib/server/confluent-v2/consumers";
import { instanceParams, v2Json, v2NoContent, v2Operation } from "@/lib/server/confluent-v2/route";
import { ConsumerV2Error } from "@/lib/server/confluent-v2/consumer-types";
import { v2Cluster } from "@/lib/server/confluent-v2/consumers";
import { confluentRoute } from "@/lib/server/confluent";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

const subscribeBody = z
  .strictObject({
    topics: z.array(z.string().min(1).max(249)).min(1).max(1000).optional(),
    topic_pattern: z.string().min(1).max(1000).optional(),
  })
  .refine((body) => (body.topics === undefined) !== (body.topic_pattern === undefined), {
    message: "send either topics or topic_pattern",
  });

/** The topics a pattern matches now (Confluent's pattern subscription, resolved once at subscribe time). */
async function topicsMatching(pattern: string): Promise<string[]> {
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${pattern})$`);
  } catch {
    throw new ConsumerV2Error(422, 42201, `topic_pattern is not a valid regular expression: ${pattern}`);
  }
  const listed = await kafka.listV2TopicNames(v2Cluster());
  if (!listed.ok)
    throw new ConsumerV2Error(502, 50002, "The topics could not be listed to match topic_pattern.");
  const matching = listed.data.filter((topic) => regex.test(topic));
  if (matching.length === 0)
    throw new ConsumerV2Error(404, 40401, `No topic matches topic_pattern ${pattern}.`);
  return matching;
}

export const POST = confluentRoute(
  { permission: "consumer.instance", params: instanceParams, body: subscribeBody },
  async (_request, { params: { group, instance }, body, principal }) =>
    v2Operation(
      async () => {
        const consumer = consumerRegistry().get(group, instance, principal);
        const topics = body.topics ?? (await topicsMatching(body.topic_pattern ?? ""));
        consumer.subscribe(topics, body.topic_pattern);
        return v2NoContent();
      },
      {
        principal,
        action: "consumer.subscribe",
        target: `${group}/${instance}`,
        details: { topics: (body.topics ?? []).join(",").slice(0, 500), pattern: body.topic_pattern ?? null },
      },
    ),
);

export const GET = confluentRoute(
  { permission: "consumer.instance", params: instanceParams },
  async (request, { params: { group, instance }, principal }) =>
    v2Operation(async () => {
      const consumer = consumerRegistry().get(group, instance, principal);
      return v2Json(request, { topics: consumer.topics });
    }),
);

export const DELETE = confluentRoute(
  { permission: "consumer.instance", params: instanceParams },
  async (_request, { params: { group, instance }, principal }) =>
    v2Operation(
      async () => {
        await consumerRegistry().get(group, instance, principal).unsubscribe();
        return v2NoContent();
      },
      { principal, action: "consumer.unsubscribe", target: `${group}/${instance}` },
    ),
);
