import "server-only";

// What the offsets routes answer: a preview (dryRun), or the preview applied and what changed; a
// share group's "unavailable" as 501, other failures through the one error table.
import { z } from "zod";

import { apiError, failureResponse } from "@/lib/api-errors";
import type { Principal } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const groupParams = z.object({ cluster: z.string(), group: z.string().min(1) });

/** "true"/"false" in a query; a JSON body's boolean as it is. Absent: a dry run, as Kafka's own tool. */
export const dryRunSchema = z.preprocess(
  (value) => (value === "false" || value === "0" ? false : value === "true" || value === "1" ? true : value),
  z.boolean().default(true),
);

const NO_STORE = { "Cache-Control": "no-store" };

/** 501 when the cluster cannot list or describe groups at all; undefined when it can. */
export async function unsupportedGroups(cluster: string): Promise<Response | undefined> {
  const reason = kafka.unavailableReason(await kafka.clusterCapabilities(cluster), "groups");
  return reason ? apiError(501, "UNSUPPORTED_BY_CLUSTER", reason) : undefined;
}

export async function previewOrApply(
  preview: kafka.GroupOffsetsResult<kafka.GroupResetPreview>,
  dryRun: boolean,
  principal: Principal,
  kind: "reset" | "import",
): Promise<Response> {
  if (!preview.ok) return failureResponse(preview);
  const { cluster, groupId, unavailable, rows, ...standing } = preview.data;
  if (unavailable) return apiError(501, "UNSUPPORTED_BY_CLUSTER", unavailable);
  const answer = { cluster, group: groupId, ...standing, dryRun, rows };
  if (dryRun) return Response.json(answer, { headers: NO_STORE });
  const offsets = rows.map(({ topic, partition, newOffset }) => ({
    topic,
    partition,
    offset: BigInt(newOffset),
  }));
  const applied = await kafka.applyGroupOffsets(cluster, groupId, offsets, principal, `group.${kind}`);
  if (!applied.ok) return failureResponse(applied);
  return Response.json({ ...answer, applied: applied.data.offsets }, { headers: NO_STORE });
}
