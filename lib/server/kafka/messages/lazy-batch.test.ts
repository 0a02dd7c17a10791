import { createRecordsBatch, readRecordsBatch, Reader, type MessageRecord } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";

import { countRecords, LazyRecordsBatch, readLazyBatches } from "./lazy-batch";
import { recordSize } from "./records";

function messages(count: number): MessageRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    topic: "t",
    key: index % 3 === 0 ? undefined : Buffer.from(`key-${index}`),
    // A tombstone every 7th: the writer takes a missing value though the type does not say so.
    value:
      index % 7 === 0
        ? (undefined as unknown as Buffer)
        : Buffer.from(JSON.stringify({ index, text: "é".repeat(index % 50) })),
    headers:
      index % 2 === 0
        ? new Map([
            [Buffer.from("h"), Buffer.from(`v${index}`)],
            [Buffer.from("empty"), Buffer.alloc(0)],
          ])
        : undefined,
    // Deltas beyond 32 bits and negative ones (clocks go back) are varlongs too.
    timestamp: 1_767_225_600_000n + BigInt(index * 9_999_999_999) - (index === 5 ? 10n ** 13n : 0n),
  }));
}

function batchBytes(count: number, compression: "none" | "gzip" | "snappy" | "lz4" | "zstd", first = 0n) {
  const writer = createRecordsBatch(messages(count), {
    compression,
    producerId: 42n,
    producerEpoch: 3,
    transactionalId: "tx",
  });
  const bytes = Buffer.from(writer.buffer);
  bytes.writeBigInt64BE(first, 0);
  return bytes;
}

describe("LazyRecordsBatch", () => {
  it.each(["none", "gzip", "snappy", "lz4", "zstd"] as const)(
    "reads a %s batch as the client does",
    (compression) => {
      const bytes = batchBytes(40, compression, 1_000n);
      const expected = readRecordsBatch(Reader.from(bytes));
      const [lazy, ...rest] = readLazyBatches(bytes);
      expect(rest).toEqual([]);
      const { recordCount, ...fields } = lazy!;
      expect({ ...fields, records: lazy!.records }).toEqual(expected);
      expect(recordCount).toBe(40);
    },
  );

  it("reads several batches and leaves out one the broker cut short", () => {
    const whole = [batchBytes(3, "none", 0n), batchBytes(5, "lz4", 3n)];
    const cut = batchBytes(4, "none", 8n).subarray(0, 70);
    const batches = readLazyBatches(Buffer.concat([...whole, cut]));
    expect(batches.map((batch) => [batch.firstOffset, batch.records.length])).toEqual([
      [0n, 3],
      [3n, 5],
    ]);
  });

  it("counts records and their sizes without reading them, within the offsets asked for", () => {
    const batch = new LazyRecordsBatch(batchBytes(30, "zstd", 100n));
    const sizes = batch.records.map(recordSize);
    const sum = (from: number, to: number) => sizes.slice(from, to).reduce((a, b) => a + b, 0);
    expect(countRecords(batch, 0, Infinity)).toEqual({ records: 30, bytes: sum(0, 30) });
    expect(countRecords(batch, -5, Infinity)).toEqual({ records: 30, bytes: sum(0, 30) });
    expect(countRecords(batch, 10, 25)).toEqual({ records: 15, bytes: sum(10, 25) });
    expect(countRecords(batch, 30, Infinity)).toEqual({ records: 0, bytes: 0 });
  });

  it("decompresses once", () => {
    const batch = new LazyRecordsBatch(batchBytes(10, "gzip"));
    expect(batch.payload()).toBe(batch.payload());
    expect(batch.records).toBe(batch.records);
  });
});
