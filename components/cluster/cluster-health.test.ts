import { describe, expect, it } from "vitest";
import type { ClusterOverview, ClusterStatus } from "@/lib/schemas/cluster";
import { describeClusterHealth } from "./cluster-health";

const overview: ClusterOverview = {
  cluster: "local",
  clusterId: "abc",
  controllerId: 1,
  brokers: [],
  topicCount: 3,
  internalTopicCount: 1,
  partitionCount: 12,
  underReplicatedPartitions: 0,
  offlinePartitions: 0,
  apiVersions: [],
  finalizedFeatures: [],
  fetchedAt: "2026-01-01T00:00:00.000Z",
};

const up = (changes: Partial<ClusterOverview>): ClusterStatus => ({
  ok: true,
  overview: { ...overview, ...changes },
});

describe("describeClusterHealth", () => {
  it("is healthy when every partition has its replicas and a leader", () => {
    expect(describeClusterHealth(up({}))).toMatchObject({ level: "healthy", label: "Healthy" });
  });

  it("is degraded by under-replicated partitions", () => {
    expect(describeClusterHealth(up({ underReplicatedPartitions: 1 }))).toEqual({
      level: "degraded",
      label: "Degraded",
      tone: "warning",
      detail: "1 under-replicated partition",
    });
  });

  it("is degraded by offline partitions and names both counts", () => {
    expect(describeClusterHealth(up({ offlinePartitions: 2, underReplicatedPartitions: 3 })).detail).toBe(
      "2 offline partitions, 3 under-replicated partitions",
    );
  });

  it("is unavailable with the problem's title when the cluster cannot be used", () => {
    const status: ClusterStatus = {
      ok: false,
      cluster: "local",
      checkedAt: "2026-01-01T00:00:00.000Z",
      problem: { kind: "tls", title: "TLS handshake failed: unknown CA", hint: "Check the CA file." },
    };
    expect(describeClusterHealth(status)).toMatchObject({
      level: "unavailable",
      label: "Unavailable",
      detail: "TLS handshake failed: unknown CA",
    });
  });
});
