// GET /api/v1/clusters/{cluster}/topics?q=&page=&pageSize=&internal= – one page of topics with partition counts and message counts (viewer)
import { topicListQuerySchema } from "@/lib/schemas/topics";
import { guardedRoute } from "@/lib/server/auth";
import * as kafka from "@/lib/server/kafka";

import { failureResponse, validationError } from "@/lib/api-errors";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ cluster: string }> };

export const GET = guardedRoute<Context>({ role: "viewer" }, async (request, { params }) => {
  const { cluster } = await params;
  const query = topicListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return validationError(query.error);
  const result = await kafka.listTopics(cluster, query.data);
  if (!result.ok) return failureResponse(kafka.problemResult(result.problem));
  return Response.json({ cluster, ...result.data }, { headers: { "Cache-Control": "no-store" } });
});
