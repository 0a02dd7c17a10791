// The topic throughput route on a real store (a temp dir): rates from what each interval produced,
// 0 where the topic did not grow, the range picks the tier; a bad range is 422 and a cluster the
// configuration does not name is 404.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { lagHistoryTiers } from "@/lib/lag-history/tiers";

vi.mock("@/lib/server/auth", async () => ({
  // Authentication is stubbed; the input is checked as the real guard checks it (test/support/route-guard.ts).
  guardedRoute: (await import("@/test/support/route-guard")).stubGuardedRoute({
    kind: "user",
    role: "viewer",
    actor: "user:vic",
  }),
}));

const dir = mkdtempSync(join(tmpdir(), "console-throughput-route-"));
const previousConfig = process.env.CONSOLE_CONFIG;
const now = Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const configFile = join(dir, "console.config.yaml");
  writeFileSync(
    configFile,
    "clusters:\n  - name: local\n    bootstrapBrokers: [127.0.0.1:1]\nserver:\n  dataDir: state\nlagHistory:\n  intervalSeconds: 15\n  throughputIntervalSeconds: 10\n",
  );
  process.env.CONSOLE_CONFIG = configFile;
  const { getStore } = await import("@/lib/server/store");
  const tiers = lagHistoryTiers(7 * 86_400);
  const sample = (topic: string, messages: number) => ({
    cluster: "local",
    topic,
    ms: 10_000,
    messages,
    bytes: messages * 50,
  });
  // Two hours ago (outside 1h, inside 24h), then two minutes ago and one minute ago (the topic idle).
  await getStore().throughput.record(now - 7200, [sample("", 100), sample("orders", 100)], tiers);
  await getStore().throughput.record(now - 120, [sample("", 30), sample("orders", 30)], tiers);
  await getStore().throughput.record(now - 60, [sample("", 0)], tiers);
});

afterAll(async () => {
  await (await import("@/lib/server/store")).closeStore();
  process.env.CONSOLE_CONFIG = previousConfig;
  rmSync(dir, { recursive: true, force: true });
});

const get = async (cluster: string, query: string) => {
  const { GET } = await import("./route");
  return GET(new Request(`http://console.test/api/v1/clusters/${cluster}/topics/orders/throughput${query}`), {
    params: Promise.resolve({ cluster, topic: "orders" }),
  });
};

describe("GET …/topics/{topic}/throughput", () => {
  it("answers the last hour's intervals as rates, 0 where the topic did not grow", async () => {
    const response = await get("local", "");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      cluster: "local",
      topic: "orders",
      range: "1h",
      resolutionSeconds: 0,
      sampler: { enabled: true, intervalSeconds: 10 },
    });
    expect(body.points).toEqual([
      {
        at: new Date((now - 120) * 1000).toISOString(),
        seconds: 10,
        messages: 30,
        bytes: 1500,
        messagesPerSecond: 3,
        bytesPerSecond: 150,
        peakMessagesPerSecond: 3,
        peakBytesPerSecond: 150,
      },
      expect.objectContaining({ messages: 0, messagesPerSecond: 0 }),
    ]);
  });

  it("answers 24h from the 5-minute buckets", async () => {
    const body = (await (await get("local", "?range=24h")).json()) as {
      resolutionSeconds: number;
      points: { messages: number }[];
    };
    expect(body.resolutionSeconds).toBe(300);
    expect(body.points.map((point) => point.messages).reduce((sum, count) => sum + count, 0)).toBe(130);
  });

  it("refuses an unknown range with 422 and an unknown cluster with 404", async () => {
    expect((await get("local", "?range=30d")).status).toBe(422);
    const unknown = await get("elsewhere", "");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "UNKNOWN_CLUSTER" } });
  });
});
