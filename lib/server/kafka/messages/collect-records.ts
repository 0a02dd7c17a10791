// From a Fetch answer's record batches to the records a search reads: a partition's records from its
// cursor to its end, aborted transactions and control batches left out (read_committed bookkeeping
// across answers), and, with a gate, the records that cannot match counted instead of read.
import type { Consumer, KafkaRecord, RecordsBatch } from "@platformatic/kafka";

import { rangeHolds, type Occurrences } from "@/lib/server/messages/record-gate";

import { countRecords, LazyRecordsBatch, selectRecords, type SkippedRecords } from "./lazy-batch";
import { isControlBatch, isTransactionalBatch, recordOffset } from "./records";

type FetchResponse = Awaited<ReturnType<Consumer["fetch"]>>;
type FetchedPartition = FetchResponse["responses"][number]["partitions"][number];

export interface PartitionCursor {
  partition: number;
  /** The next offset to read: everything before it has been scanned. */
  next: bigint;
  /** Exclusive; null while tailing. */
  end: bigint | null;
  inFlight: boolean;
  /** Producers whose aborted transaction is still open at `next` (read_committed bookkeeping). */
  abortedProducers: Set<bigint>;
}

export interface FetchedRecord {
  partition: number;
  offset: bigint;
  batch: RecordsBatch;
  record: KafkaRecord;
}

/** Records of batches the gate ruled out, counted where they stand: before records[before]. */
export interface SkippedRun extends SkippedRecords {
  before: number;
}

/**
 * Where a batch's records (their bytes, decompressed) meet what a match requires, or null when
 * nothing in the batch can match: the fetcher counts the records that cannot, without reading them.
 */
export type BatchGate = (payload: Buffer) => Occurrences | null;

/**
 * Appends the partition's records from `cursor.next` up to its end and advances the cursor past every
 * batch read. Control batches and batches of aborted transactions are skipped: the library drops
 * aborted ranges only when their abort marker is in the same response, so the open ones are tracked
 * here across responses, as the Java consumer does.
 */
export function collectRecords(
  cursor: PartitionCursor,
  fetched: Pick<FetchedPartition, "records" | "abortedTransactions">,
  records: FetchedRecord[],
  gate: BatchGate | null = null,
  skipped: SkippedRun[] = [],
) {
  const aborted = [...(fetched.abortedTransactions ?? [])].sort((a, b) =>
    a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0,
  );
  for (const batch of fetched.records ?? []) {
    const lastOffset = batch.firstOffset + BigInt(batch.lastOffsetDelta);
    if (lastOffset < cursor.next) continue;
    while (aborted.length > 0 && (aborted[0]?.firstOffset ?? 0n) <= lastOffset) {
      cursor.abortedProducers.add(aborted.shift()!.producerId);
    }
    const skip = isControlBatch(batch)
      ? (endsTransaction(batch, cursor), true)
      : isTransactionalBatch(batch) && cursor.abortedProducers.has(batch.producerId);
    if (!skip && gate && batch instanceof LazyRecordsBatch) {
      const from = Number(cursor.next - batch.firstOffset);
      const end = cursor.end === null ? Infinity : Number(cursor.end - batch.firstOffset);
      const found = gate(batch.payload());
      if (found === null) addSkipped(skipped, records.length, countRecords(batch, from, end));
      else {
        const { partition } = cursor;
        selectRecords(
          batch,
          from,
          end,
          (start, stop) => rangeHolds(found, start, stop),
          (record) => records.push({ partition, offset: recordOffset(batch, record), batch, record }),
          (bytes) => addSkipped(skipped, records.length, { records: 1, bytes }),
        );
      }
    } else if (!skip) {
      for (const record of batch.records) {
        const offset = recordOffset(batch, record);
        if (offset < cursor.next) continue;
        if (cursor.end !== null && offset >= cursor.end) break;
        records.push({ partition: cursor.partition, offset, batch, record });
      }
    }
    cursor.next = lastOffset + 1n;
  }
}

function addSkipped(skipped: SkippedRun[], before: number, counted: SkippedRecords) {
  if (counted.records === 0) return;
  const last = skipped.at(-1);
  if (last && last.before === before) {
    last.records += counted.records;
    last.bytes += counted.bytes;
  } else skipped.push({ before, ...counted });
}

/** An ABORT marker (control record type 0) closes that producer's aborted transaction. */
function endsTransaction(batch: RecordsBatch, cursor: PartitionCursor) {
  const key = batch.records[0]?.key;
  if (key && key.length >= 4 && key.readInt16BE(2) === 0) cursor.abortedProducers.delete(batch.producerId);
}
