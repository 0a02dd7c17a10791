// GET /api/v1/clusters/{cluster}/groups?q=&type=&state=&topic=&sort=&page=&pageSize= – one page of consumer groups with type, state, members, total lag and largest time lag (viewer)
import { z } from "zod";

import { apiError, failureResponse } from "@/lib/api-errors";
import { groupListQuerySchema } from "@/lib/schemas/groups";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "group.view", params: z.object({ cluster: z.string() }), query: groupListQuerySchema },
  async (_request, { params: { cluster }, query }) => {
    const reason = kafka.unavailableReason(await kafka.clusterCapabilities(cluster), "groups");
    if (reason) return apiError(501, "UNSUPPORTED_BY_CLUSTER", reason);
    const result = await kafka.listGroups(cluster, query);
    if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
    const timeLags = await kafka.readPageTimeLags(cluster, result.data.groups);
    const groups = result.data.groups.map((group) => ({
      ...group,
      maxTimeLagMs: timeLags.ok ? (timeLags.data.get(group.id) ?? null) : null,
    }));
    return Response.json({ cluster, ...result.data, groups }, { headers: { "Cache-Control": "no-store" } });
  },
);
