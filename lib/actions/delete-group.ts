"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { consumerGroupsPath } from "@/lib/paths";
import { groupIdSchema } from "@/lib/schemas/group-reset";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const guardedDelete = auth.guardedAction(
  {
    permission: "group.delete",
    schema: z.object({ cluster: z.string().min(1), group: groupIdSchema }),
    action: "group.delete",
  },
  async ({ cluster, group }, principal) => {
    const result = await kafka.deleteGroup(cluster, group, principal);
    if (result.ok) revalidatePath(consumerGroupsPath(cluster));
    return result;
  },
);

/** Deletes an empty consumer group (admin); refused naming its members while it has any. Audited. */
export async function deleteGroup(...args: Parameters<typeof guardedDelete>) {
  return guardedDelete(...args);
}
