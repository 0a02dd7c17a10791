// Record batches read lazily from a Fetch response: the batch header at once, the records only when
// someone asks for them. A search whose filters need a text the batch does not hold (see
// record-gate.ts) counts its records and sizes without making an object per record: reading every
// record into objects was most of a full scan's time and garbage (issue 11). The shape is the
// client's RecordsBatch, so the client's own read_committed pass and everything else that reads
// `batch.records` keeps working.
import { compressionsAlgorithmsByBitmask, type KafkaRecord, type RecordsBatch } from "@platformatic/kafka";

/** firstOffset (8) and length (4): the batch's size is this plus length. */
const BATCH_HEAD = 12;
/** From firstOffset to the record count inclusive: where the (possibly compressed) records start. */
const RECORDS_START = 61;
const CODEC_BITS = 0x07;

export class LazyRecordsBatch implements RecordsBatch {
  readonly firstOffset: bigint;
  readonly length: number;
  readonly partitionLeaderEpoch: number;
  readonly magic: number;
  readonly crc: number;
  readonly attributes: number;
  readonly lastOffsetDelta: number;
  readonly firstTimestamp: bigint;
  readonly maxTimestamp: bigint;
  readonly producerId: bigint;
  readonly producerEpoch: number;
  readonly firstSequence: number;
  readonly recordCount: number;
  readonly #stored: Buffer;
  #payload?: Buffer;
  #records?: KafkaRecord[];

  /** `bytes` holds exactly one batch, from its firstOffset to its end. */
  constructor(bytes: Buffer) {
    this.firstOffset = bytes.readBigInt64BE(0);
    this.length = bytes.readInt32BE(8);
    this.partitionLeaderEpoch = bytes.readInt32BE(12);
    this.magic = bytes.readInt8(16);
    this.crc = bytes.readUInt32BE(17);
    this.attributes = bytes.readInt16BE(21);
    this.lastOffsetDelta = bytes.readInt32BE(23);
    this.firstTimestamp = bytes.readBigInt64BE(27);
    this.maxTimestamp = bytes.readBigInt64BE(35);
    this.producerId = bytes.readBigInt64BE(43);
    this.producerEpoch = bytes.readInt16BE(51);
    this.firstSequence = bytes.readInt32BE(53);
    this.recordCount = bytes.readInt32BE(57);
    this.#stored = bytes.subarray(RECORDS_START);
  }

  /** The records' bytes, decompressed (once) when the batch is compressed. */
  payload(): Buffer {
    if (this.#payload) return this.#payload;
    const codec = this.attributes & CODEC_BITS;
    if (codec === 0) return (this.#payload = this.#stored);
    const algorithm = compressionsAlgorithmsByBitmask[codec as keyof typeof compressionsAlgorithmsByBitmask];
    if (!algorithm) throw new Error(`Unsupported compression codec ${codec} in a record batch`);
    return (this.#payload = algorithm.decompressSync(this.#stored));
  }

  get records(): KafkaRecord[] {
    if (!this.#records) {
      const records: KafkaRecord[] = [];
      selectRecords(
        this,
        -Infinity,
        Infinity,
        null,
        (record) => records.push(record),
        () => {},
      );
      this.#records = records;
    }
    return this.#records;
  }

  set records(records: KafkaRecord[]) {
    this.#records = records;
  }
}

/** The whole batches in a partition's records bytes (a batch the broker cut short at the end is left out). */
export function readLazyBatches(bytes: Buffer): LazyRecordsBatch[] {
  const batches: LazyRecordsBatch[] = [];
  let at = 0;
  while (bytes.length - at >= BATCH_HEAD) {
    const end = at + BATCH_HEAD + bytes.readInt32BE(at + 8);
    if (end > bytes.length || end < at + RECORDS_START) break;
    batches.push(new LazyRecordsBatch(bytes.subarray(at, end)));
    at = end;
  }
  return batches;
}

/** Record count and stored size (key, value, header names and values) of a run of skipped records. */
export interface SkippedRecords {
  records: number;
  bytes: number;
}

/**
 * Walks the records whose offset delta is in [fromDelta, endDelta): those whose bytes (from `start` to
 * `end` in the payload) `wanted` accepts are read and given to `onRecord`, the others only measured
 * (their size as recordSize() gives it) and given to `onSkipped`, in offset order.
 */
export function selectRecords(
  batch: LazyRecordsBatch,
  fromDelta: number,
  endDelta: number,
  wanted: ((start: number, end: number) => boolean) | null,
  onRecord: (record: KafkaRecord) => void,
  onSkipped: (bytes: number) => void,
): void {
  const bytes = batch.payload();
  const reader = new VarReader(bytes);
  for (let index = 0; index < batch.recordCount && reader.at < bytes.length; index++) {
    const length = reader.varInt();
    const start = reader.at;
    const end = start + length;
    const attributes = bytes.readInt8(reader.at++);
    if (wanted && !wanted(start, end)) {
      reader.skipVarInt(); // timestamp delta (a varlong: skipped by its bytes)
      const offsetDelta = reader.varInt();
      if (offsetDelta >= endDelta) break;
      if (offsetDelta >= fromDelta) {
        let size = reader.skipBytes() + reader.skipBytes(); // key, value
        for (let headers = reader.varInt(); headers > 0; headers--)
          size += reader.skipBytes() + reader.skipBytes();
        onSkipped(size);
      }
    } else {
      const timestampDelta = reader.varLong();
      const offsetDelta = reader.varInt();
      if (offsetDelta >= endDelta) break;
      if (offsetDelta >= fromDelta) {
        const key = reader.bytes();
        const value = reader.bytes();
        const headers: [Buffer | null, Buffer | null][] = [];
        for (let left = reader.varInt(); left > 0; left--) headers.push([reader.bytes(), reader.bytes()]);
        onRecord({ length, attributes, timestampDelta, offsetDelta, key, value, headers });
      }
    }
    reader.at = end;
  }
}

/** Record count and size of the records in [fromDelta, endDelta), none of them read. */
export function countRecords(batch: LazyRecordsBatch, fromDelta: number, endDelta: number): SkippedRecords {
  const counted = { records: 0, bytes: 0 };
  selectRecords(
    batch,
    fromDelta,
    endDelta,
    () => false,
    () => {},
    (bytes) => {
      counted.records++;
      counted.bytes += bytes;
    },
  );
  return counted;
}

/** Kafka's zig-zag varints over a Buffer, without the client's chunked-buffer indirection. */
export class VarReader {
  at = 0;

  constructor(private readonly buffer: Buffer) {}

  varInt(): number {
    let unsigned = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.buffer[this.at++]!;
      if (byte === undefined) throw new RangeError("A record ends inside a varint");
      unsigned |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80 && shift < 35);
    return (unsigned >>> 1) ^ -(unsigned & 1);
  }

  /** A zig-zag varlong; in floating point while it fits 49 bits (every timestamp delta in practice). */
  varLong(): bigint {
    const start = this.at;
    let unsigned = 0;
    let scale = 1;
    for (let index = 0; index < 7; index++) {
      const byte = this.buffer[this.at++];
      if (byte === undefined) throw new RangeError("A record ends inside a varint");
      unsigned += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) return BigInt(unsigned % 2 === 0 ? unsigned / 2 : -(unsigned + 1) / 2);
    }
    this.at = start;
    let wide = 0n;
    let shift = 0n;
    let byte: number;
    do {
      byte = this.buffer[this.at++]!;
      if (byte === undefined) throw new RangeError("A record ends inside a varint");
      wide |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
    } while (byte & 0x80 && shift < 70n);
    return BigInt.asIntN(64, (wide >> 1n) ^ -(wide & 1n));
  }

  skipVarInt(): void {
    while (this.buffer[this.at++]! & 0x80);
  }

  /** A varint-length byte string: null for -1. */
  bytes(): Buffer | null {
    const length = this.varInt();
    if (length < 0) return null;
    const start = this.at;
    this.at += length;
    if (this.at > this.buffer.length) throw new RangeError("A record ends inside its bytes");
    return this.buffer.subarray(start, this.at);
  }

  /** Skips a varint-length byte string; its length (0 for null). */
  skipBytes(): number {
    const length = this.varInt();
    if (length <= 0) return 0;
    this.at += length;
    return length;
  }
}
