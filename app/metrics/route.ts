// GET /metrics – Prometheus metrics: any API token or signed-in user (viewer), or anyone with server.metrics.public
import { guardedRoute, type RouteContext } from "@/lib/server/auth";
import { getConfig } from "@/lib/server/config";
import { metricsNeedCredentials, metricsResponse } from "@/lib/server/metrics/answer";
import { measured } from "@/lib/server/metrics/http";

export const dynamic = "force-dynamic";

const guarded = guardedRoute({ permission: "metrics.view" }, metricsResponse);
const open = measured(metricsResponse);

export function GET(request: Request, context: RouteContext): Promise<Response> {
  return metricsNeedCredentials(getConfig().server) ? guarded(request, context) : open(request, context);
}
