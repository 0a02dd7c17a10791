// The lag-history route on a real store (a temp dir): the range picks the tier, the answer says how
// the sampler is set; a bad range is 422 and a cluster the configuration does not name is 404.
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

const dir = mkdtempSync(join(tmpdir(), "console-lag-route-"));
const previousConfig = process.env.CONSOLE_CONFIG;
const now = Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const configFile = join(dir, "console.config.yaml");
  writeFileSync(
    configFile,
    "clusters:\n  - name: local\n    bootstrapBrokers: [127.0.0.1:1]\nserver:\n  dataDir: state\nlagHistory:\n  intervalSeconds: 15\n  timeLag: false\n",
  );
  process.env.CONSOLE_CONFIG = configFile;
  const { getStore } = await import("@/lib/server/store");
  const partitions = [{ topic: "orders", partition: 0, lag: 3n }];
  const sample = (totalLag: bigint) => [
    { cluster: "local", groupId: "readers", totalLag, timeLagMs: null, partitions },
  ];
  // Two hours ago (outside 1h, inside 24h), then two minutes ago.
  await getStore().lagHistory.record(now - 7200, sample(10n), lagHistoryTiers(7 * 86_400));
  await getStore().lagHistory.record(now - 120, sample(3n), lagHistoryTiers(7 * 86_400));
});

afterAll(async () => {
  await (await import("@/lib/server/store")).closeStore();
  process.env.CONSOLE_CONFIG = previousConfig;
  rmSync(dir, { recursive: true, force: true });
});

const get = async (cluster: string, query: string) => {
  const { GET } = await import("./route");
  return GET(
    new Request(`http://console.test/api/v1/clusters/${cluster}/groups/readers/lag-history${query}`),
    {
      params: Promise.resolve({ cluster, group: "readers" }),
    },
  );
};

describe("GET …/groups/{group}/lag-history", () => {
  it("answers the last hour's samples by default, with the sampler's settings", async () => {
    const response = await get("local", "");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      cluster: "local",
      group: "readers",
      range: "1h",
      resolutionSeconds: 0,
      sampler: { enabled: true, intervalSeconds: 15, timeLag: false },
      points: [
        {
          at: new Date((now - 120) * 1000).toISOString(),
          lag: "3",
          maxLag: "3",
          timeLagMs: null,
          maxTimeLagMs: null,
        },
      ],
    });
  });

  it("answers 24h from the 5-minute buckets", async () => {
    const body = (await (await get("local", "?range=24h")).json()) as {
      resolutionSeconds: number;
      points: { lag: string }[];
    };
    expect(body.resolutionSeconds).toBe(300);
    expect(body.points.map((point) => point.lag)).toEqual(["10", "3"]);
  });

  it("gives each sample's lag per partition when asked, and none in buckets", async () => {
    const raw = (await (await get("local", "?partitions=true")).json()) as {
      points: { partitions?: unknown[] }[];
    };
    expect(raw.points.map((point) => point.partitions)).toEqual([
      [{ topic: "orders", partition: 0, lag: 3 }],
    ]);
    const buckets = (await (await get("local", "?range=24h&partitions=true")).json()) as {
      points: { partitions?: unknown[] }[];
    };
    expect(buckets.points.map((point) => point.partitions)).toEqual([[], []]);
  });

  it("refuses an unknown range with 422 and an unknown cluster with 404", async () => {
    expect((await get("local", "?range=30d")).status).toBe(422);
    const unknown = await get("elsewhere", "");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "UNKNOWN_CLUSTER" } });
  });
});
