"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { ActionResult } from "@/lib/errors";
import { topicsPath } from "@/lib/paths";
import { createTopicSchema, type CreateTopicInput, type TopicCreated } from "@/lib/schemas/topic-create";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const guardedCreate = auth.guardedAction(
  {
    permission: "topic.create",
    schema: createTopicSchema.extend({ cluster: z.string().min(1) }),
    action: "topic.create",
  },
  async ({ cluster, ...request }, principal): Promise<ActionResult<TopicCreated>> => {
    const result = await kafka.createTopic(cluster, request, principal);
    if (result.ok && !request.validateOnly) revalidatePath(topicsPath(cluster));
    return result;
  },
);

/** Creates a topic (operator) after Kafka checked it with validateOnly; validateOnly alone checks only. Audited. */
export async function createTopic(previous: null, payload: { cluster: string } & CreateTopicInput) {
  return guardedCreate(previous, payload);
}
