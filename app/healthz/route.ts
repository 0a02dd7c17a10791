// GET /healthz – liveness for load balancers and Kubernetes: the process answers; nothing else is asked
import { measured } from "@/lib/server/metrics/http";

export const dynamic = "force-dynamic";

export const GET = measured(async () =>
  Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }),
);
