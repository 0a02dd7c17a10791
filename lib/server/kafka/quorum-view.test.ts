import { describe, expect, it } from "vitest";

import { describeQuorumPartition, featuresOf, quorumLag, type QuorumReplicaAnswer } from "./quorum-view";

const replica = (replicaId: number, logEndOffset: bigint, at = -1n): QuorumReplicaAnswer => ({
  replicaId,
  replicaDirectoryId: "00000000-0000-0000-0000-000000000000",
  logEndOffset,
  lastFetchTimestamp: at,
  lastCaughtUpTimestamp: at,
});

describe("quorumLag", () => {
  it("is the leader's log end offset minus the replica's", () => {
    expect(quorumLag(120n, 100n)).toBe("20");
    expect(quorumLag(120n, 120n)).toBe("0");
  });

  it("is 0 for a replica ahead of the leader's answer, null when either end is unknown", () => {
    expect(quorumLag(100n, 101n)).toBe("0");
    expect(quorumLag(null, 5n)).toBeNull();
    expect(quorumLag(5n, null)).toBeNull();
  });
});

describe("describeQuorumPartition", () => {
  it("puts the leader first, computes each lag and keeps endpoints by node", () => {
    const quorum = describeQuorumPartition(
      {
        leaderId: 2,
        leaderEpoch: 7,
        highWatermark: 2n ** 60n,
        currentVoters: [
          replica(1, 2n ** 60n - 5n, 1_700_000_000_000n),
          replica(2, 2n ** 60n),
          replica(3, -1n),
        ],
        observers: [replica(4, 2n ** 60n - 100n)],
      },
      [{ nodeId: 2, listeners: [{ name: "CONTROLLER", host: "c2", port: 9094 }] }],
    );
    expect(quorum.highWatermark).toBe("1152921504606846976");
    expect(quorum.voters.map((voter) => [voter.nodeId, voter.isLeader, voter.lag])).toEqual([
      [2, true, "0"],
      [1, false, "5"],
      [3, false, null],
    ]);
    expect(quorum.voters[0]!.endpoints).toEqual([{ listener: "CONTROLLER", host: "c2", port: 9094 }]);
    expect(quorum.voters[1]!.lastFetchTimestamp).toBe(1_700_000_000_000);
    expect(quorum.voters[0]!.lastFetchTimestamp).toBeNull();
    expect(quorum.voters[0]!.directoryId).toBeNull();
    expect(quorum.observers).toMatchObject([{ nodeId: 4, lag: "100", isLeader: false }]);
  });

  it("knows no lag when the leader is not among the voters (an election in progress)", () => {
    const quorum = describeQuorumPartition({
      leaderId: -1,
      leaderEpoch: 3,
      highWatermark: -1n,
      currentVoters: [replica(1, 10n)],
      observers: [],
    });
    expect(quorum.voters[0]).toMatchObject({ lag: null, isLeader: false, logEndOffset: "10" });
  });
});

describe("featuresOf", () => {
  it("joins supported and finalized levels by name, sorted; epoch -1 is none", () => {
    const { epoch, features } = featuresOf({
      supportedFeatures: [
        { name: "metadata.version", minVersion: 7, maxVersion: 27 },
        { name: "group.version", minVersion: 0, maxVersion: 1 },
      ],
      finalizedFeaturesEpoch: -1n,
      finalizedFeatures: [{ name: "metadata.version", minVersionLevel: 27, maxVersionLevel: 27 }],
    });
    expect(epoch).toBeNull();
    expect(features).toEqual([
      { name: "group.version", supported: { minVersion: 0, maxVersion: 1 }, finalized: null },
      {
        name: "metadata.version",
        supported: { minVersion: 7, maxVersion: 27 },
        finalized: { minVersionLevel: 27, maxVersionLevel: 27 },
      },
    ]);
    expect(featuresOf({ finalizedFeaturesEpoch: 42n }).epoch).toBe("42");
  });
});
