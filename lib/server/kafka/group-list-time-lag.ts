import "server-only";

// The largest time lag of each group on one page of the list: the page's committed offsets and log
// ends read again (one OffsetFetch per coordinator, one Metadata, one ListOffsets per leader), then one
// small fetch per lagging partition, 4 at once. A page lagging on more than PAGE_TIME_LAG_PARTITIONS
// partitions is not read: its groups' pages say their time lag instead.
import type { ClusterResult } from "./cluster-pool";
import { readGroupOffsets } from "./group-offsets";
import { withClusterAdmin } from "./pooled-clients";
import { maxTimeLag, readTimeLags, timeLagKey, type TimeLagPartition } from "./group-time-lag";
import { PAGE_TIME_LAG_PARTITIONS } from "./time-lag-math";

interface PageGroup {
  id: string;
  type: string;
  state: string;
  protocolType: string;
}

/** Group id → its largest partition time lag (ms), null when none is known; empty when over the bound. */
export async function readPageTimeLags(
  cluster: string,
  groups: readonly PageGroup[],
  now?: number,
): Promise<ClusterResult<Map<string, number | null>>> {
  const offsets = await withClusterAdmin(cluster, (admin) => readGroupOffsets(admin, groups), {
    cluster,
    operation: "DESCRIBE",
  });
  if (!offsets.ok) return offsets;
  const targets = new Map<string, TimeLagPartition[]>();
  let lagging = 0;
  for (const [groupId, rows] of offsets.data) {
    const partitions = rows.map((row) => ({
      topic: row.topic,
      partition: row.partition,
      committedOffset: row.committedOffset === null ? null : BigInt(row.committedOffset),
      logEndOffset: row.logEndOffset === null ? null : BigInt(row.logEndOffset),
    }));
    lagging += rows.filter((row) => row.lag !== null && row.lag !== "0").length;
    targets.set(groupId, partitions);
  }
  if (lagging > PAGE_TIME_LAG_PARTITIONS) return { ok: true, data: new Map() };
  const lags = await readTimeLags(cluster, [...targets.values()].flat(), { now });
  if (!lags.ok) return lags;
  const result = new Map<string, number | null>();
  for (const [groupId, partitions] of targets) {
    const known = partitions.map(({ topic, partition, committedOffset }) =>
      committedOffset === null ? null : lags.data.get(timeLagKey(topic, partition, committedOffset)),
    );
    result.set(groupId, maxTimeLag(known));
  }
  return { ok: true, data: result };
}
