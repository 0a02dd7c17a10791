// GET /readyz – readiness: the configuration loaded and the store answers (200), or which check failed (503)
import { getConfig } from "@/lib/server/config";
import { measured } from "@/lib/server/metrics/http";
import { checkReadiness } from "@/lib/server/metrics/readiness";
import { getStore } from "@/lib/server/store";

export const dynamic = "force-dynamic";

export const GET = measured(async () => {
  const { ready, checks } = await checkReadiness({ config: getConfig, store: getStore });
  return Response.json(
    { status: ready ? "ready" : "unavailable", checks },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
