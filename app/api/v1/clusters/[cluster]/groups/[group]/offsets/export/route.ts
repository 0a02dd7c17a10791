// GET /api/v1/clusters/{cluster}/groups/{group}/offsets/export?format=csv|json – the group's committed offsets as a file (viewer)
import { apiError, failureResponse } from "@/lib/api-errors";
import { offsetsToCsv, offsetsToJson } from "@/lib/groups/offsets-file";
import { exportQuerySchema } from "@/lib/schemas/group-reset";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { groupParams, unsupportedGroups } from "../_lib/offsets-answer";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "group.view", params: groupParams, query: exportQuerySchema },
  async (_request, { params: { cluster, group }, query: { format } }) => {
    const unsupported = await unsupportedGroups(cluster);
    if (unsupported) return unsupported;
    const described = await kafka.describeGroup(cluster, group);
    if (!described.ok) return failureResponse(kafka.problemResult(described.problem));
    if (!described.data)
      return apiError(
        404,
        "GROUP_ID_NOT_FOUND",
        `Group ${group} does not exist on ${cluster}, or the console may not describe it.`,
      );
    const committed = await kafka.readGroupCommitted(cluster, group, described.data.type);
    if (!committed.ok) return failureResponse(committed);
    const offsets = committed.data.map((row) => ({ ...row, offset: row.offset.toString() }));
    const exportedAt = new Date().toISOString();
    const body =
      format === "csv" ? offsetsToCsv(offsets) : offsetsToJson({ cluster, group, exportedAt, offsets });
    // The id is the user's text: only safe characters reach the header; the body names the group exactly.
    const name = `${group.replace(/[^A-Za-z0-9._-]+/g, "_")}-offsets.${format}`;
    return new Response(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
