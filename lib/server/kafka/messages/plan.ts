// Where a search reads in each partition: [start, end) from the watermarks captured when it starts.
// Pure offset arithmetic, so every start position is unit-tested without a broker.
import type { StartPosition } from "@/lib/schemas/messages";

export interface PartitionWatermarks {
  partition: number;
  /** The first offset still in the log. */
  low: bigint;
  /** The end for read_committed: the last stable offset. */
  high: bigint;
}

export interface PlanRequest {
  start: StartPosition;
  /** One partition only; absent means all. */
  partition?: number;
  /** For start=offset. */
  offset?: bigint;
  /** For start=newest: how many of the latest messages, balanced across partitions. */
  max: number;
  /** For start=timestamp: epoch ms, and per partition the first offset at or after it (null: none). */
  timestamp?: number;
  timestampOffsets?: ReadonlyMap<number, bigint | null>;
}

export interface PartitionRange extends PartitionWatermarks {
  start: bigint;
  /** Exclusive; null while tailing (no end). */
  end: bigint | null;
}

export type SearchPlan =
  | { ok: true; partitions: PartitionRange[]; notices: string[]; tail: boolean }
  | { ok: false; message: string };

export function planSearch(watermarks: readonly PartitionWatermarks[], request: PlanRequest): SearchPlan {
  const sorted = [...watermarks].sort((a, b) => a.partition - b.partition);
  const chosen =
    request.partition === undefined ? sorted : sorted.filter((p) => p.partition === request.partition);
  if (chosen.length === 0) {
    const last = sorted.length - 1;
    return {
      ok: false,
      message: `There is no partition ${request.partition}: the topic has ${sorted.length} (${last > 0 ? `0–${last}` : "0"})`,
    };
  }
  switch (request.start) {
    case "oldest":
      return planned(chosen.map((p) => ({ ...p, start: p.low, end: p.high })));
    case "tail":
      return {
        ok: true,
        partitions: chosen.map((p) => ({ ...p, start: p.high, end: null })),
        notices: [],
        tail: true,
      };
    case "newest":
      return planned(newest(chosen, request.max));
    case "offset":
      return fromOffset(chosen, request.offset ?? 0n);
    case "timestamp":
      return fromTimestamp(chosen, request.timestamp ?? 0, request.timestampOffsets ?? new Map());
  }
}

function planned(partitions: PartitionRange[], notices: string[] = []): SearchPlan {
  return { ok: true, partitions, notices, tail: false };
}

/**
 * The latest `count` messages by water-filling: every partition gets an equal share, and a partition
 * holding fewer hands what it cannot use to the others. Counts are offsets: in a compacted topic the
 * range may hold fewer messages than that.
 */
export function newest(partitions: readonly PartitionWatermarks[], count: number): PartitionRange[] {
  const take = new Map<number, bigint>();
  // Smallest first, so what they leave over is shared among the larger ones.
  const bySize = [...partitions].sort((a, b) => {
    const difference = a.high - a.low - (b.high - b.low);
    return difference === 0n ? a.partition - b.partition : difference < 0n ? -1 : 1;
  });
  let remaining = BigInt(count);
  bySize.forEach((partition, index) => {
    const left = BigInt(bySize.length - index);
    const share = (remaining + left - 1n) / left;
    const available = partition.high - partition.low;
    const taken = available < share ? available : share;
    take.set(partition.partition, taken);
    remaining -= taken;
  });
  return partitions.map((p) => ({ ...p, start: p.high - (take.get(p.partition) ?? 0n), end: p.high }));
}

function fromOffset(partitions: readonly PartitionWatermarks[], offset: bigint): SearchPlan {
  const below: string[] = [];
  const above: string[] = [];
  const ranges = partitions.map((p) => {
    let start = offset;
    if (offset < p.low) {
      start = p.low;
      below.push(`partition ${p.partition} at ${p.low}`);
    } else if (offset > p.high) {
      start = p.high;
      above.push(`partition ${p.partition} at ${p.high}`);
    }
    return { ...p, start, end: p.high };
  });
  const notices: string[] = [];
  if (below.length > 0)
    notices.push(`Offset ${offset} is before the first offset still kept; started ${below.join(", ")}`);
  if (above.length > 0)
    notices.push(`Offset ${offset} is past the end; nothing to read in ${above.join(", ")}`);
  return planned(ranges, notices);
}

function fromTimestamp(
  partitions: readonly PartitionWatermarks[],
  timestamp: number,
  offsets: ReadonlyMap<number, bigint | null>,
): SearchPlan {
  const none: number[] = [];
  const ranges = partitions.map((p) => {
    const found = offsets.get(p.partition);
    if (found === undefined || found === null || found < 0n || found >= p.high) {
      if (p.low < p.high) none.push(p.partition);
      return { ...p, start: p.high, end: p.high };
    }
    return { ...p, start: found < p.low ? p.low : found, end: p.high };
  });
  const time = new Date(timestamp).toISOString();
  const where = none.length === 1 ? `partition ${none[0]}` : `partitions ${none.join(", ")}`;
  const everywhere = none.length === partitions.length && partitions.length > 1;
  const notices =
    none.length === 0 ? [] : [`No message at or after ${time} in ${everywhere ? "any partition" : where}`];
  return planned(ranges, notices);
}
