// What deleting records would do to each partition: the new low watermark (the offset records go
// before) and how many records go, from the watermarks and the requested offset or time. Pure.
import type { DeleteRecordsMode } from "@/lib/schemas/topic-ops";

export interface PartitionMarks {
  partition: number;
  leader: number;
  /** Null when the partition's leader could not answer. */
  low: bigint | null;
  high: bigint | null;
}

export interface DeleteRecordsRow {
  partition: number;
  /** Decimal strings; null where the watermarks could not be read. */
  lowBefore: string | null;
  highWatermark: string | null;
  newLow: string | null;
  records: string | null;
  /** The requested offset lay past the high watermark and was brought back to it. */
  clamped: boolean;
  /** Why this partition cannot be changed (no leader), else null. */
  problem: string | null;
}

/**
 * One row per partition. `offsetAt` gives, per partition, the requested offset (mode offset) or the
 * first offset at or after the time (mode timestamp; undefined: no record that late, so all go).
 */
export function planDeleteRecords(
  partitions: readonly PartitionMarks[],
  mode: DeleteRecordsMode,
  offsetAt: (partition: number) => bigint | undefined,
): DeleteRecordsRow[] {
  return partitions.map(({ partition, leader, low, high }) => {
    if (leader < 0 || low === null || high === null) {
      return {
        partition,
        lowBefore: low?.toString() ?? null,
        highWatermark: high?.toString() ?? null,
        newLow: null,
        records: null,
        clamped: false,
        problem: leader < 0 ? "The partition has no leader" : "The watermarks could not be read",
      };
    }
    const wanted = mode === "all" ? high : (offsetAt(partition) ?? high);
    const clamped = mode === "offset" && wanted > high;
    const newLow = wanted > high ? high : wanted < low ? low : wanted;
    return {
      partition,
      lowBefore: low.toString(),
      highWatermark: high.toString(),
      newLow: newLow.toString(),
      records: (newLow - low).toString(),
      clamped,
      problem: null,
    };
  });
}

/** Σ records over the rows that can be changed, a decimal string. */
export function totalRecords(rows: readonly DeleteRecordsRow[]): string {
  return rows.reduce((sum, row) => sum + (row.records === null ? 0n : BigInt(row.records)), 0n).toString();
}
