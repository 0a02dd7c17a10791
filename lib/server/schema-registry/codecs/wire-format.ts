// The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then (for
// Protobuf only) the message indexes, then the encoded value. Pure: no registry, no schema.

export const MAGIC_BYTE = 0;
const HEADER_BYTES = 5;

export interface FramedValue {
  schemaId: number;
  /** Everything after the schema id: Protobuf's message indexes and the encoded value. */
  body: Uint8Array;
}

/** The schema id and the rest, or null when the bytes are not framed (too short, another first byte). */
export function parseFraming(bytes: Uint8Array | null): FramedValue | null {
  if (!bytes || bytes.length < HEADER_BYTES || bytes[0] !== MAGIC_BYTE) return null;
  // By hand: a DataView per record costs more than the rest of the framing (a scan reads millions).
  const schemaId = bytes[1]! * 0x1000000 + ((bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!);
  return { schemaId, body: bytes.subarray(HEADER_BYTES) };
}

/** Magic byte, id, (Protobuf) indexes, payload in one buffer. */
export function frameValue(
  schemaId: number,
  payload: Uint8Array,
  messageIndexes?: readonly number[],
): Buffer {
  if (!Number.isInteger(schemaId) || schemaId < 0 || schemaId > 0xffffffff)
    throw new RangeError(`A schema id is a whole number from 0 to 4294967295, not ${schemaId}`);
  const indexes = messageIndexes ? writeMessageIndexes(messageIndexes) : new Uint8Array(0);
  const framed = Buffer.alloc(HEADER_BYTES + indexes.length + payload.length);
  framed[0] = MAGIC_BYTE;
  framed.writeUInt32BE(schemaId, 1);
  framed.set(indexes, HEADER_BYTES);
  framed.set(payload, HEADER_BYTES + indexes.length);
  return framed;
}

/**
 * Protobuf's message indexes: a zigzag varint count, then each index as a zigzag varint; the path of
 * the message type through the file's nested messages. A count of 0 stands for [0] (the first
 * message of the file), the common case, in one byte.
 */
export function readMessageIndexes(body: Uint8Array): { indexes: number[]; payload: Uint8Array } {
  let at = 0;
  const next = () => {
    const { value, length } = readZigZagVarint(body, at);
    at += length;
    return value;
  };
  const count = next();
  if (count < 0 || count > body.length)
    throw new WireFormatError(`The message index count ${count} is not possible here`);
  const indexes: number[] = [];
  for (let index = 0; index < count; index++) {
    const value = next();
    if (value < 0) throw new WireFormatError(`A message index is negative (${value})`);
    indexes.push(value);
  }
  return { indexes: count === 0 ? [0] : indexes, payload: body.subarray(at) };
}

export function writeMessageIndexes(indexes: readonly number[]): Uint8Array {
  if (indexes.length === 1 && indexes[0] === 0) return Uint8Array.of(0);
  const bytes: number[] = [];
  for (const value of [indexes.length, ...indexes]) writeZigZagVarint(value, bytes);
  return Uint8Array.from(bytes);
}

export class WireFormatError extends Error {
  override name = "WireFormatError";
}

function readZigZagVarint(bytes: Uint8Array, start: number): { value: number; length: number } {
  let result = 0;
  for (let shift = 0, at = start; shift < 35; shift += 7, at++) {
    const byte = bytes[at];
    if (byte === undefined) throw new WireFormatError("The message indexes end before their last byte");
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) {
      const zigzag = result % 2 === 0 ? result / 2 : -(result + 1) / 2;
      return { value: zigzag, length: at - start + 1 };
    }
  }
  throw new WireFormatError("A message index is longer than five bytes");
}

function writeZigZagVarint(value: number, into: number[]): void {
  let unsigned = value >= 0 ? value * 2 : -value * 2 - 1;
  while (unsigned >= 0x80) {
    into.push((unsigned % 0x80) | 0x80);
    unsigned = Math.floor(unsigned / 0x80);
  }
  into.push(unsigned);
}
