import "server-only";

// A described group with its time lag: per partition how old the next record to consume is, and the
// group's largest. The describe is the group page's and the REST answer's; lag history reads
// readTimeLags itself.
import type { ClusterResult } from "./cluster-pool";
import { describeGroup, type GroupDetails, type PartitionOffsetsRow } from "./groups";
import { maxTimeLag, readTimeLags, timeLagKey } from "./group-time-lag";

export interface TimedPartitionRow extends PartitionOffsetsRow {
  /** ms; null when caught up, nothing is committed, or the record could not be read. */
  timeLagMs: number | null;
}

export interface GroupDetailsWithTimeLag extends Omit<GroupDetails, "partitions"> {
  partitions: TimedPartitionRow[];
  /** The largest partition time lag, ms; null when none is known. */
  maxTimeLagMs: number | null;
}

/** describeGroup, then one small fetch per lagging partition; time lag that cannot be read is null, never a failure. */
export async function describeGroupWithTimeLag(
  cluster: string,
  groupId: string,
  now?: number,
): Promise<ClusterResult<GroupDetailsWithTimeLag | null>> {
  const described = await describeGroup(cluster, groupId);
  if (!described.ok || !described.data) return described as ClusterResult<null>;
  const group = described.data;
  const partitions = await withTimeLags(cluster, group.partitions, now);
  return {
    ok: true,
    data: { ...group, partitions, maxTimeLagMs: maxTimeLag(partitions.map((row) => row.timeLagMs)) },
  };
}

/** The rows with their time lag (null everywhere when the cluster could not be read). */
export async function withTimeLags(
  cluster: string,
  rows: readonly PartitionOffsetsRow[],
  now?: number,
): Promise<TimedPartitionRow[]> {
  const lags = await readTimeLags(
    cluster,
    rows.map((row) => ({
      topic: row.topic,
      partition: row.partition,
      committedOffset: row.committedOffset === null ? null : BigInt(row.committedOffset),
      logEndOffset: row.logEndOffset === null ? null : BigInt(row.logEndOffset),
    })),
    { now },
  ).catch(() => null);
  return rows.map((row) => ({
    ...row,
    timeLagMs:
      lags?.ok && row.committedOffset !== null
        ? (lags.data.get(timeLagKey(row.topic, row.partition, row.committedOffset)) ?? null)
        : null,
  }));
}
