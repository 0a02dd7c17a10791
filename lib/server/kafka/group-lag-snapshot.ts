import "server-only";

// Every group's lag on a cluster at once, for the lag history's sampler: ListGroups on every broker,
// committed offsets per batch of groups (one FindCoordinator, one OffsetFetch per coordinator), log end
// offsets once for all their topics (one Metadata, one ListOffsets per leader), then, when asked, the
// time lag: one small Fetch per partition and committed offset whose next record's timestamp is not
// remembered from an earlier round (record-timestamps.ts), a bounded number a round. Members are never
// described: the lag needs none of them.
import type { ClusterResult } from "./cluster-pool";
import { describeKafkaError } from "./errors/describe-kafka-error";
import {
  readCommittedOffsets,
  readGroupOffsets,
  readLogEnds,
  type CommittedOffsets,
  type PartitionOffsetsRow,
} from "./group-offsets";
import { readTimeLags } from "./group-time-lag";
import { listAllGroups } from "./groups";
import { withClusterAdmin } from "./pooled-clients";
import type { LaggingPartition, RecordTimestamps } from "./record-timestamps";

export { RecordTimestamps } from "./record-timestamps";

export interface GroupLagSnapshot {
  groupId: string;
  /** Σ lag over the partitions whose lag is known. */
  totalLag: bigint;
  /** The oldest next record's age over the group's partitions, in ms; null when not read or not known. */
  timeLagMs: number | null;
  partitions: { topic: string; partition: number; lag: bigint }[];
}

export interface ClusterLagSnapshot {
  /** Groups with at least one partition of known lag; the others (nothing committed, share groups) are left out. */
  groups: GroupLagSnapshot[];
  /** Groups listed, share groups included. */
  listed: number;
  /** What could not be read (a batch's committed offsets, the time lag), in one sentence; absent when all was. */
  failure?: string;
}

/** Next-record fetches in flight at once: more than a page's 4, the sampler has a round's worth. */
const TIME_LAG_CONCURRENCY = 8;
/** One failing group's OffsetFetch fails its batch, not the whole round. */
const BATCH = 500;

export async function readClusterLag(
  cluster: string,
  /** The cluster's remembered record timestamps, kept by the caller across rounds; absent: no time lag. */
  options: { timeLag?: RecordTimestamps } = {},
): Promise<ClusterResult<ClusterLagSnapshot>> {
  const context = { cluster, operation: "DESCRIBE" } as const;
  const read = await withClusterAdmin(
    cluster,
    async (admin) => {
      const listed = await listAllGroups(admin);
      const readable = listed.filter((group) => group.type !== "share");
      const committed = new Map<string, CommittedOffsets>();
      const failures: string[] = [];
      for (let from = 0; from < readable.length; from += BATCH) {
        const ids = readable.slice(from, from + BATCH).map((group) => group.id);
        try {
          for (const group of await readCommittedOffsets(admin, ids)) committed.set(group.groupId, group);
        } catch (error) {
          failures.push(problemText(error, context));
        }
      }
      const topics = new Set(
        [...committed.values()].flatMap((group) => group.topics.map(({ name }) => name)),
      );
      const logEnds = await readLogEnds(admin, topics);
      const answered = readable.filter((group) => committed.has(group.id));
      const rows = await readGroupOffsets(admin, answered, undefined, { committed, logEnds });
      const failure = failures.length
        ? `the offsets of ${failures.length} of ${Math.ceil(readable.length / BATCH)} batches of groups could not be read: ${failures[0]}`
        : undefined;
      return { listed: listed.length, rows, failure };
    },
    context,
  );
  if (!read.ok) return read;
  const { rows, listed, failure } = read.data;
  const snapshot: ClusterLagSnapshot = { listed, groups: [] };
  if (failure) snapshot.failure = failure;
  const stamps = options.timeLag;
  const now = Date.now();
  if (stamps) {
    const problem = await readNewTimestamps(cluster, stamps, [...rows.values()].flatMap(lagging), now);
    if (problem)
      snapshot.failure = [failure, `time lag could not be read: ${problem}`].filter(Boolean).join("; ");
  }
  for (const [groupId, groupRows] of rows) {
    const partitions = groupRows.flatMap((row) =>
      row.lag === null ? [] : [{ topic: row.topic, partition: row.partition, lag: BigInt(row.lag) }],
    );
    if (partitions.length === 0) continue;
    snapshot.groups.push({
      groupId,
      totalLag: partitions.reduce((sum, { lag }) => sum + lag, 0n),
      timeLagMs: stamps ? stamps.groupTimeLag(lagging(groupRows), now) : null,
      partitions,
    });
  }
  return { ok: true, data: snapshot };
}

/** Fetches the records not remembered yet (a bounded number); the problem's title when the cluster could not be read. */
async function readNewTimestamps(
  cluster: string,
  stamps: RecordTimestamps,
  lagging: LaggingPartition[],
  now: number,
): Promise<string | undefined> {
  stamps.keepOnly(lagging);
  const unknown = stamps.unknown(lagging);
  if (unknown.length === 0) return undefined;
  const read = await readTimeLags(cluster, unknown, { now, concurrency: TIME_LAG_CONCURRENCY });
  if (!read.ok) return read.problem.title;
  stamps.learn(read.data, now);
  return undefined;
}

/** The rows with a committed offset below the log end: those whose next record has an age. */
function lagging(rows: readonly PartitionOffsetsRow[]): LaggingPartition[] {
  return rows.flatMap((row) => {
    if (row.committedOffset === null || row.logEndOffset === null) return [];
    const committedOffset = BigInt(row.committedOffset);
    const logEndOffset = BigInt(row.logEndOffset);
    return logEndOffset > committedOffset
      ? [{ topic: row.topic, partition: row.partition, committedOffset, logEndOffset }]
      : [];
  });
}

function problemText(error: unknown, context: { cluster: string; operation: "DESCRIBE" }): string {
  const problem = describeKafkaError(error, context);
  return problem.code ? `${problem.title} (${problem.code})` : problem.title;
}
