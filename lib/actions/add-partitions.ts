"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { topicPath } from "@/lib/paths";
import { addPartitionsSchema } from "@/lib/schemas/topic-ops";
import { topicNameSchema } from "@/lib/schemas/topics";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const guardedAdd = auth.guardedAction(
  {
    permission: "topic.configure",
    schema: addPartitionsSchema.extend({ cluster: z.string().min(1), topic: topicNameSchema }),
    action: "topic.partitions",
  },
  async ({ cluster, topic, ...request }, principal) => {
    const result = await kafka.addPartitions(cluster, topic, request, principal);
    if (result.ok && !result.data.validateOnly) revalidatePath(topicPath(cluster, topic, "partitions"));
    return result;
  },
);

/** Adds partitions to a topic (operator), checked with validateOnly first; audited. */
export async function addPartitions(...args: Parameters<typeof guardedAdd>) {
  return guardedAdd(...args);
}
