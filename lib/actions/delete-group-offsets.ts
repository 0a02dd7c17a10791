"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { consumerGroupPath } from "@/lib/paths";
import { groupIdSchema } from "@/lib/schemas/group-reset";
import { topicNameSchema } from "@/lib/schemas/topics";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const guardedDelete = auth.guardedAction(
  {
    permission: "group.delete",
    schema: z.object({ cluster: z.string().min(1), group: groupIdSchema, topic: topicNameSchema }),
    action: "group.offsets.delete",
  },
  async ({ cluster, group, topic }, principal) => {
    const result = await kafka.deleteGroupTopicOffsets(cluster, group, topic, principal);
    if (result.ok) revalidatePath(consumerGroupPath(cluster, group));
    return result;
  },
);

/**
 * Deletes one topic's committed offsets from a group (admin); refused naming the members while any
 * is subscribed to the topic. Audited with the offsets that went.
 */
export async function deleteGroupOffsets(...args: Parameters<typeof guardedDelete>) {
  return guardedDelete(...args);
}
