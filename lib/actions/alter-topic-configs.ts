"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { ActionResult } from "@/lib/errors";
import { topicPath } from "@/lib/paths";
import { alterConfigsSchema, type AlterConfigsInput, type ConfigsAltered } from "@/lib/schemas/configs";
import { topicNameSchema } from "@/lib/schemas/topics";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const alterTopicConfigsSchema = z
  .object({ cluster: z.string().min(1), topic: topicNameSchema })
  .and(alterConfigsSchema);

const guardedAlter = auth.guardedAction(
  { permission: "topic.configure", schema: alterTopicConfigsSchema, action: "topic.configure" },
  async ({ cluster, topic, ...request }, principal): Promise<ActionResult<ConfigsAltered>> => {
    const result = await kafka.alterConfigs(cluster, { type: "topic", name: topic }, request, {
      actor: principal,
      action: "topic.configure",
    });
    if (result.ok && !request.validateOnly) revalidatePath(topicPath(cluster, topic, "configs"));
    return result;
  },
);

/** Changes a topic's configs (operator): SET what changed, reset to defaults; validateOnly checks only. Audited. */
export async function alterTopicConfigs(
  previous: null,
  payload: { cluster: string; topic: string } & AlterConfigsInput,
) {
  return guardedAlter(previous, payload);
}
