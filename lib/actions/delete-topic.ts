"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionError } from "@/lib/errors";
import { topicsPath } from "@/lib/paths";
import { deleteTopicSchema } from "@/lib/schemas/topic-ops";
import { topicNameSchema } from "@/lib/schemas/topics";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const guardedDelete = auth.guardedAction(
  {
    permission: "topic.delete",
    schema: deleteTopicSchema.extend({ cluster: z.string().min(1), topic: topicNameSchema }),
    action: "topic.delete",
  },
  async ({ cluster, topic, confirm }, principal) => {
    if (confirm !== topic)
      return actionError(422, `Type the topic's name, ${topic}, to delete it.`, {
        confirm: ["Does not match the topic's name"],
      });
    const result = await kafka.deleteTopic(cluster, topic, principal);
    if (result.ok) revalidatePath(topicsPath(cluster));
    return result;
  },
);

/** Deletes a topic (admin) after its name was typed; internal topics are refused. Audited. */
export async function deleteTopic(...args: Parameters<typeof guardedDelete>) {
  return guardedDelete(...args);
}
