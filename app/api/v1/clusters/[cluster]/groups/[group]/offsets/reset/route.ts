// POST /api/v1/clusters/{cluster}/groups/{group}/offsets/reset – preview (dryRun, the default) or apply an offset reset by mode and scope (operator)
import { groupResetBodySchema } from "@/lib/schemas/group-reset";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { groupParams, previewOrApply, unsupportedGroups } from "../_lib/offsets-answer";

export const dynamic = "force-dynamic";

export const POST = guardedRoute(
  {
    permission: "group.reset",
    params: groupParams,
    body: groupResetBodySchema,
  },
  async (_request, { params: { cluster, group }, body: { dryRun, ...request }, principal }) => {
    const unsupported = await unsupportedGroups(cluster);
    if (unsupported) return unsupported;
    return previewOrApply(await kafka.previewGroupReset(cluster, group, request), dryRun, principal, "reset");
  },
);
