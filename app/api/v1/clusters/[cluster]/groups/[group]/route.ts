// GET /api/v1/clusters/{cluster}/groups/{group} – the group's members and, per partition, committed offset, log end offset, lag and time lag (viewer)
// DELETE /api/v1/clusters/{cluster}/groups/{group} – delete the group while it is empty (admin)
import { z } from "zod";

import { apiError, failureResponse } from "@/lib/api-errors";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "group.view", params: z.object({ cluster: z.string(), group: z.string().min(1) }) },
  async (_request, { params: { cluster, group } }) => {
    const reason = kafka.unavailableReason(await kafka.clusterCapabilities(cluster), "groups");
    if (reason) return apiError(501, "UNSUPPORTED_BY_CLUSTER", reason);
    const result = await kafka.describeGroupWithTimeLag(cluster, group);
    if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
    if (!result.data) {
      return apiError(
        404,
        "GROUP_ID_NOT_FOUND",
        `Group ${group} does not exist on ${cluster}, or the console may not describe it.`,
      );
    }
    return Response.json({ cluster, ...result.data }, { headers: { "Cache-Control": "no-store" } });
  },
);

export const DELETE = guardedRoute(
  { permission: "group.delete", params: z.object({ cluster: z.string(), group: z.string().min(1) }) },
  async (_request, { params: { cluster, group }, principal }) => {
    const result = await kafka.deleteGroup(cluster, group, principal);
    if (!result.ok) return failureResponse(result);
    return Response.json({ ...result.data, deleted: true }, { headers: { "Cache-Control": "no-store" } });
  },
);
