// DELETE /api/v1/clusters/{cluster}/groups/{group}/topics/{topic}/offsets – delete the group's committed offsets of one topic (admin)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
import { groupIdSchema } from "@/lib/schemas/group-reset";
import { topicNameSchema } from "@/lib/schemas/topics";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const DELETE = guardedRoute(
  {
    permission: "group.delete",
    params: z.object({ cluster: z.string(), group: groupIdSchema, topic: topicNameSchema }),
  },
  async (_request, { params: { cluster, group, topic }, principal }) => {
    const result = await kafka.deleteGroupTopicOffsets(cluster, group, topic, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json({ ...result.data, deleted: true }, { headers: { "Cache-Control": "no-store" } });
  },
);
