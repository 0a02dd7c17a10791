// /healthz, /readyz and /metrics over HTTP against the production server: the probes answer without
// credentials, /metrics refuses them and answers an API token with the counters and gauges.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

import { storageStateFor } from "./support/credentials";
import { serverActionId } from "./support/server-action";

const STATUS_ROUTE = "/api/v1/clusters/[cluster]/status";

/** A client with no cookies, as a probe or Prometheus is. */
function anonymous(baseURL: string, headers: Record<string, string> = {}): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: headers,
  });
}

/** A viewer's API token, made with the token page's server action (the admin's session). */
async function viewerToken(baseURL: string): Promise<string> {
  const session = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  try {
    const answer = await session.post("/console/admin/tokens", {
      headers: {
        Origin: baseURL,
        Accept: "text/x-component",
        "Next-Action": serverActionId("lib/actions/create-api-token.ts#createApiToken"),
        "Content-Type": "text/plain;charset=UTF-8",
      },
      data: JSON.stringify([null, { name: `metrics-${Date.now()}`, role: "viewer" }]),
    });
    const token = /"secret":"(kc_[A-Za-z0-9]+_[A-Za-z0-9_-]+)"/.exec(await answer.text());
    expect(token, "the action answers the new token").not.toBeNull();
    return token![1]!;
  } finally {
    await session.dispose();
  }
}

/** The value of one sample line, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test("/healthz and /readyz answer without credentials", async ({ baseURL }) => {
  const probe = await anonymous(baseURL!);
  try {
    const health = await probe.get("/healthz");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    const ready = await probe.get("/readyz");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: [
        { name: "configuration", ok: true },
        { name: "store", ok: true },
      ],
    });
    // No redirect to the sign-in page and no page headers: the proxy leaves them alone.
    expect(ready.headers()["content-security-policy"]).toBeUndefined();
  } finally {
    await probe.dispose();
  }
});

test("/metrics refuses an anonymous caller and answers an API token", async ({ baseURL }) => {
  const stranger = await anonymous(baseURL!);
  const token = await viewerToken(baseURL!);
  const prometheus = await anonymous(baseURL!, { Authorization: `Bearer ${token}` });
  try {
    const refused = await stranger.get("/metrics");
    expect(refused.status()).toBe(401);
    expect(refused.headers()["www-authenticate"]).toContain("Bearer");
    expect(await refused.text()).not.toContain("kafka_console_");

    const series = `kafka_console_http_requests_total{method="GET",route="${STATUS_ROUTE}",status="200"}`;
    const before = await prometheus.get("/metrics");
    expect(before.status()).toBe(200);
    expect(before.headers()["content-type"]).toContain("text/plain");
    const counted = sample(await before.text(), series);

    expect((await prometheus.get("/api/v1/clusters/e2e/status")).status()).toBe(200);
    expect((await stranger.get("/healthz")).status()).toBe(200);

    const after = await (await prometheus.get("/metrics")).text();
    expect(sample(after, series)).toBeGreaterThanOrEqual(counted + 1);
    // The route's pattern, never the cluster's name.
    expect(after).not.toContain('route="/api/v1/clusters/e2e/status"');
    expect(after).toMatch(
      /^kafka_console_http_request_duration_seconds_bucket\{.*route="\/api\/v1\/clusters\/\[cluster\]\/status"/m,
    );
    expect(after).toMatch(/^kafka_console_message_searches_active \d+$/m);
    expect(after).toMatch(/^kafka_console_sampler_running\{sampler="lag"\} [01]$/m);
    expect(after).toMatch(/^kafka_console_sampler_holds_lease\{sampler="throughput"\} [01]$/m);
    expect(after).toMatch(/^kafka_console_sampler_rounds\{sampler="lag"\} \d+$/m);
    expect(after).toMatch(/^kafka_console_store_up 1$/m);
    expect(after).toMatch(/^kafka_console_store_file_bytes [1-9]\d*$/m);
    expect(after).toMatch(/^kafka_console_kafka_clients_open\{cluster="e2e",client="admin"\} 1$/m);
    expect(after).toMatch(/^kafka_console_process_resident_memory_bytes \d+$/m);
    // The probes count too, under their own paths.
    expect(after).toContain('route="/healthz"');
  } finally {
    await stranger.dispose();
    await prometheus.dispose();
  }
});
