import "server-only";

// Every group's lag on a cluster at once, for the lag history's sampler: ListGroups on every broker,
// then per batch of groups one FindCoordinator, one OffsetFetch per coordinator, and one Metadata and
// one ListOffsets per partition leader for the log end offsets (group-offsets.ts). Members are never
// described: the lag needs only committed and log end offsets.
import type { ClusterResult } from "./cluster-pool";
import { describeKafkaError } from "./errors/describe-kafka-error";
import { readGroupOffsets, type PartitionOffsetsRow } from "./group-offsets";
import { listAllGroups } from "./groups";
import { withClusterAdmin } from "./pooled-clients";

export interface GroupLagSnapshot {
  groupId: string;
  /** Σ lag over the partitions whose lag is known. */
  totalLag: bigint;
  partitions: { topic: string; partition: number; lag: bigint }[];
}

export interface ClusterLagSnapshot {
  /** Groups with at least one partition of known lag; the others (nothing committed, share groups) are left out. */
  groups: GroupLagSnapshot[];
  /** Groups listed, share groups included. */
  listed: number;
  /** Batches whose offsets could not be read, with the first such error. */
  failedBatches: number;
  firstFailure?: string;
}

/** One failing group's OffsetFetch fails its batch, not the whole round. */
const BATCH = 500;

export async function readClusterLag(cluster: string): Promise<ClusterResult<ClusterLagSnapshot>> {
  return withClusterAdmin(
    cluster,
    async (admin) => {
      const listed = await listAllGroups(admin);
      const readable = listed.filter((group) => group.type !== "share");
      const snapshot: ClusterLagSnapshot = { groups: [], listed: listed.length, failedBatches: 0 };
      for (let from = 0; from < readable.length; from += BATCH) {
        let offsets: Map<string, PartitionOffsetsRow[]>;
        try {
          offsets = await readGroupOffsets(admin, readable.slice(from, from + BATCH));
        } catch (error) {
          snapshot.failedBatches += 1;
          const problem = describeKafkaError(error, { cluster, operation: "DESCRIBE" });
          snapshot.firstFailure ??= problem.code ? `${problem.title} (${problem.code})` : problem.title;
          continue;
        }
        for (const [groupId, rows] of offsets) {
          const group = lagOf(groupId, rows);
          if (group) snapshot.groups.push(group);
        }
      }
      return snapshot;
    },
    { cluster, operation: "DESCRIBE" },
  );
}

function lagOf(groupId: string, rows: readonly PartitionOffsetsRow[]): GroupLagSnapshot | undefined {
  const partitions = rows.flatMap((row) =>
    row.lag === null ? [] : [{ topic: row.topic, partition: row.partition, lag: BigInt(row.lag) }],
  );
  if (partitions.length === 0) return undefined;
  return { groupId, totalLag: partitions.reduce((sum, { lag }) => sum + lag, 0n), partitions };
}
