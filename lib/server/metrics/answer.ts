import "server-only";

// The /metrics answer and who may have it: anyone when server.metrics.public, else any API token or
// signed-in user (the permission metrics.view, which every role has; app/metrics/route.ts guards).
import { metricsRegistry } from "./collect";

export { metricsNeedCredentials } from "./access";

/** The registry's text, never cached. */
export async function metricsResponse(): Promise<Response> {
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
