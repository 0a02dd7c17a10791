import { createRecordsBatch, type KafkaRecord, type RecordsBatch } from "@platformatic/kafka";
import { describe, expect, it, vi } from "vitest";

import { batchGate } from "@/lib/server/messages/record-gate";

import { collectRecords, type FetchedRecord, type PartitionCursor, type SkippedRun } from "./collect-records";
import { LazyRecordsBatch } from "./lazy-batch";

const TRANSACTIONAL = 0x10;
const CONTROL = 0x20;

function record(offsetDelta: number, value = `v${offsetDelta}`): KafkaRecord {
  return {
    length: 0,
    attributes: 0,
    timestampDelta: 0n,
    offsetDelta,
    key: null,
    value: Buffer.from(value),
    headers: [],
  };
}

function batch(firstOffset: number, count: number, overrides: Partial<RecordsBatch> = {}): RecordsBatch {
  return {
    firstOffset: BigInt(firstOffset),
    length: 0,
    partitionLeaderEpoch: 0,
    magic: 2,
    crc: 0,
    attributes: 0,
    lastOffsetDelta: count - 1,
    firstTimestamp: 0n,
    maxTimestamp: 0n,
    producerId: -1n,
    producerEpoch: 0,
    firstSequence: 0,
    records: Array.from({ length: count }, (_, index) => record(index)),
    ...overrides,
  };
}

/** A transaction marker: control record key = version (int16) + type (int16, 0 abort, 1 commit). */
function marker(offset: number, producerId: bigint, type: 0 | 1): RecordsBatch {
  const key = Buffer.alloc(4);
  key.writeInt16BE(type, 2);
  return batch(offset, 1, {
    attributes: TRANSACTIONAL | CONTROL,
    producerId,
    records: [{ ...record(0), key }],
  });
}

function cursor(next: number, end: number | null): PartitionCursor {
  return {
    partition: 0,
    next: BigInt(next),
    end: end === null ? null : BigInt(end),
    inFlight: false,
    abortedProducers: new Set(),
  };
}

const offsets = (records: FetchedRecord[]) => records.map((fetched) => Number(fetched.offset));

describe("collectRecords", () => {
  it("drops records before the cursor and from the end on, and advances past every batch", () => {
    const at = cursor(3, 8);
    const records: FetchedRecord[] = [];
    collectRecords(at, { records: [batch(0, 5), batch(5, 5)], abortedTransactions: null }, records);
    expect(offsets(records)).toEqual([3, 4, 5, 6, 7]);
    expect(at.next).toBe(10n);
  });

  it("skips control batches", () => {
    const at = cursor(0, null);
    const records: FetchedRecord[] = [];
    const committed = batch(0, 2, { attributes: TRANSACTIONAL, producerId: 7n });
    collectRecords(
      at,
      { records: [committed, marker(2, 7n, 1), batch(3, 1)], abortedTransactions: [] },
      records,
    );
    expect(offsets(records)).toEqual([0, 1, 3]);
    expect(at.next).toBe(4n);
  });

  it("skips an aborted transaction whose abort marker only comes in a later response", () => {
    const at = cursor(0, null);
    const records: FetchedRecord[] = [];
    const aborted = { producerId: 9n, firstOffset: 1n };
    // First response: a plain record, then the aborted producer's data, cut before its marker.
    collectRecords(
      at,
      {
        records: [batch(0, 1), batch(1, 3, { attributes: TRANSACTIONAL, producerId: 9n })],
        abortedTransactions: [aborted],
      },
      records,
    );
    // Second response: more of it, the abort marker, then the same producer's next (committed) transaction.
    collectRecords(
      at,
      {
        records: [
          batch(4, 2, { attributes: TRANSACTIONAL, producerId: 9n }),
          marker(6, 9n, 0),
          batch(7, 2, { attributes: TRANSACTIONAL, producerId: 9n }),
          marker(9, 9n, 1),
        ],
        abortedTransactions: [aborted],
      },
      records,
    );
    expect(offsets(records)).toEqual([0, 7, 8]);
    expect(at.next).toBe(10n);
    expect(at.abortedProducers.size).toBe(0);
  });

  it("keeps another producer's records interleaved with an aborted transaction", () => {
    const at = cursor(0, null);
    const records: FetchedRecord[] = [];
    collectRecords(
      at,
      {
        records: [
          batch(0, 2, { attributes: TRANSACTIONAL, producerId: 1n }),
          batch(2, 2, { attributes: TRANSACTIONAL, producerId: 2n }),
          marker(4, 1n, 0),
          marker(5, 2n, 1),
        ],
        abortedTransactions: [{ producerId: 1n, firstOffset: 0n }],
      },
      records,
    );
    expect(offsets(records)).toEqual([2, 3]);
  });
});

describe("collectRecords with a gate", () => {
  /** A batch as the broker sends it (lz4), read lazily. */
  function stored(firstOffset: number, values: string[]): LazyRecordsBatch {
    const messages = values.map((value) => ({ topic: "t", value: Buffer.from(value) }));
    const bytes = Buffer.from(createRecordsBatch(messages, { compression: "lz4" }).buffer);
    bytes.writeBigInt64BE(BigInt(firstOffset), 0);
    return new LazyRecordsBatch(bytes);
  }

  it("reads only the records holding what the gate requires, counting the others in their place", () => {
    const batches = [
      stored(0, ["a0", "a1", "a2", "a3"]),
      stored(4, ["b4", "needle5", "b6"]),
      stored(7, ["c7", "c8", "c9", "c10", "c11"]),
      stored(12, ["needle12", "needle13"]),
    ];
    const read = batches.map((one) => vi.spyOn(one, "records", "get"));
    const at = cursor(2, 13);
    const records: FetchedRecord[] = [];
    const skipped: SkippedRun[] = [];
    const gate = batchGate([[Buffer.from("needle")]]);
    collectRecords(at, { records: batches, abortedTransactions: [] }, records, gate, skipped);

    expect(records.map((fetched) => [fetched.offset, fetched.record.value?.toString()])).toEqual([
      [5n, "needle5"],
      [12n, "needle12"],
    ]);
    // Offsets 2–4 before needle5; 6 and 7–11 between it and needle12; 13 is past the end.
    expect(skipped).toEqual([
      { before: 0, records: 3, bytes: 6 },
      { before: 1, records: 6, bytes: 14 },
    ]);
    expect(read.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0]);
    expect(at.next).toBe(14n);
  });
});
