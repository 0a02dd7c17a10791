"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionError } from "@/lib/errors";
import { parseOffsetsFile } from "@/lib/groups/offsets-file";
import { consumerGroupPath } from "@/lib/paths";
import { groupIdSchema, groupResetSchema, partitionOffsetsSchema } from "@/lib/schemas/group-reset";
import * as auth from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

const target = z.object({ cluster: z.string().min(1), group: groupIdSchema });

/** An offsets file as text; the page reads the chosen file in the browser. 5 MB is far past 10,000 rows. */
const MAX_FILE_CHARS = 5_000_000;

const guardedPreviewReset = auth.guardedAction(
  {
    permission: "group.reset",
    schema: z.intersection(target, groupResetSchema),
    action: "group.reset.preview",
  },
  async ({ cluster, group, ...request }) => kafka.previewGroupReset(cluster, group, request),
);

const guardedPreviewImport = auth.guardedAction(
  {
    permission: "group.reset",
    schema: target.extend({
      file: z.string().max(MAX_FILE_CHARS, "The file is larger than 5 MB; split it by topic."),
    }),
    action: "group.import.preview",
  },
  async ({ cluster, group, file }) => {
    const parsed = parseOffsetsFile(file);
    if (!parsed.ok) return actionError(422, parsed.error, { file: [parsed.error] });
    return kafka.previewGroupImport(cluster, group, parsed.offsets);
  },
);

const guardedApply = auth.guardedAction(
  {
    permission: "group.reset",
    schema: target.extend({
      kind: z.enum(["reset", "import"]).default("reset"),
      offsets: partitionOffsetsSchema,
    }),
    action: "group.reset",
  },
  async ({ cluster, group, kind, offsets }, principal) => {
    const result = await kafka.applyGroupOffsets(cluster, group, offsets, principal, `group.${kind}`);
    if (result.ok) revalidatePath(consumerGroupPath(cluster, group));
    return result;
  },
);

/** The offsets a reset by mode and scope would commit (operator); changes nothing. */
export async function previewGroupReset(...args: Parameters<typeof guardedPreviewReset>) {
  return guardedPreviewReset(...args);
}

/** The offsets restoring a CSV or JSON file would commit (operator); changes nothing. */
export async function previewGroupImport(...args: Parameters<typeof guardedPreviewImport>) {
  return guardedPreviewImport(...args);
}

/**
 * Commits exactly the offsets of the preview the operator confirmed, after checking again that the
 * group has no members; audited as group.reset or group.import with before and after.
 */
export async function applyGroupOffsets(...args: Parameters<typeof guardedApply>) {
  return guardedApply(...args);
}
