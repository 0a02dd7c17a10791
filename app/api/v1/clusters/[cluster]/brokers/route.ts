// GET /api/v1/clusters/{cluster}/brokers – every broker with address, rack, controller, partitions led and replicated, log dir total (viewer)
import { z } from "zod";

import { failureResponse } from "@/lib/api-errors";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

export const dynamic = "force-dynamic";

export const GET = guardedRoute(
  { permission: "broker.view", params: z.object({ cluster: z.string() }) },
  async (_request, { params: { cluster } }) => {
    const result = await kafka.listBrokers(cluster);
    if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
    return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
  },
);
