// POST /api/v1/clusters/{cluster}/groups/{group}/offsets/import – preview (dryRun, the default) or restore a CSV or JSON offsets file sent as the body (operator)
import { z } from "zod";

import { apiError } from "@/lib/api-errors";
import { parseOffsetsFile } from "@/lib/groups/offsets-file";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";
import { readLimitedBytes } from "@/lib/server/http/request-body";

import { dryRunSchema, groupParams, previewOrApply, unsupportedGroups } from "../_lib/offsets-answer";

export const dynamic = "force-dynamic";

/** 5 MiB: far past 10,000 partitions' rows. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const POST = guardedRoute(
  { permission: "group.reset", params: groupParams, query: z.object({ dryRun: dryRunSchema }) },
  async (request, { params: { cluster, group }, query: { dryRun }, principal }) => {
    const bytes = await readLimitedBytes(request, MAX_FILE_BYTES);
    if (!bytes)
      return apiError(413, "PAYLOAD_TOO_LARGE", "The offsets file is larger than 5 MiB; split it by topic.");
    const file = parseOffsetsFile(new TextDecoder().decode(bytes));
    if (!file.ok) return apiError(422, "INVALID_OFFSETS_FILE", file.error);
    const unsupported = await unsupportedGroups(cluster);
    if (unsupported) return unsupported;
    return previewOrApply(
      await kafka.previewGroupImport(cluster, group, file.offsets),
      dryRun,
      principal,
      "import",
    );
  },
);
