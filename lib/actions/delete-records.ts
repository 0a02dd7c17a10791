"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { topicPath } from "@/lib/paths";
import { deleteRecordsSchema } from "@/lib/schemas/topic-ops";
import { topicNameSchema } from "@/lib/schemas/topics";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const target = z.object({ cluster: z.string().min(1), topic: topicNameSchema });

const guardedPreview = auth.guardedAction(
  {
    permission: "topic.deleteRecords",
    schema: z.intersection(target, deleteRecordsSchema),
    action: "topic.deleteRecords.preview",
  },
  async ({ cluster, topic, ...request }) => kafka.previewDeleteRecords(cluster, topic, request),
);

const guardedDelete = auth.guardedAction(
  {
    permission: "topic.deleteRecords",
    schema: z.intersection(target, deleteRecordsSchema),
    action: "topic.deleteRecords",
  },
  async ({ cluster, topic, ...request }, principal) => {
    const result = await kafka.deleteRecords(cluster, topic, request, principal);
    revalidatePath(topicPath(cluster, topic, "partitions"));
    return result;
  },
);

/** How many records a deletion would remove per partition (operator); changes nothing. */
export async function previewDeleteRecords(...args: Parameters<typeof guardedPreview>) {
  return guardedPreview(...args);
}

/** Deletes records before an offset, a time, or all (operator); audited with the low watermarks. */
export async function deleteRecords(...args: Parameters<typeof guardedDelete>) {
  return guardedDelete(...args);
}
