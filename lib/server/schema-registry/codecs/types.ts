// What every codec (Avro, Protobuf, JSON Schema) offers, and the schema it is built from: the
// registry's text with its references already fetched (schema-fetch.ts does that).
export type SchemaFormat = "AVRO" | "PROTOBUF" | "JSON";

export interface ResolvedSchema {
  schemaType: SchemaFormat;
  schema: string;
  /** The schemas this one references, under the name it uses for each (an import, a $ref, a type name). */
  references: NamedSchema[];
}

export interface NamedSchema extends ResolvedSchema {
  name: string;
}

export interface DecodedValue {
  /**
   * The value as JSON text: what the filters, the inspector and exports see. Longs past 2^53 are
   * strings, bytes base64 (see each codec). Serialized on first read: a scan that filters by JSON
   * path reads `parsed` and serializes only the records it shows.
   */
  readonly json: string;
  /** The value as JSON.parse(json) would give it, when the codec has it without serializing. */
  readonly parsed?: { value: unknown };
  /** Protobuf: the fully-qualified message type the indexes chose. */
  messageType?: string;
  /** Decoded, but the value breaks the schema (JSON Schema validation): shown with the value. */
  mismatch?: string;
}

export interface EncodedPayload {
  /** The encoded value, without the framing. */
  payload: Uint8Array;
  /** Protobuf only: the path of the message type, for the framing. */
  messageIndexes?: number[];
}

export interface SchemaCodec {
  readonly format: SchemaFormat;
  /**
   * Whether every decoded value with a string equal to or containing `text` has `text` in its payload
   * as UTF-8, so a search can skip decoding the payloads without it (search-schemas.ts): true, false,
   * or "unless-escaped" for a payload that is JSON text (a backslash may hide it). Absent: never
   * (Protobuf's enums, base64 bytes and int64 strings are not in the payload as text).
   */
  textInPayload?(text: string): boolean | "unless-escaped";
  /** Throws CodecError when the payload does not match the schema. */
  decode(body: Uint8Array): DecodedValue;
  /** Validates first; throws CodecError naming what is wrong and where. */
  encode(value: unknown, options?: { messageType?: string }): EncodedPayload;
}

/** A schema that cannot be used, a payload that does not decode, a value that does not fit. */
export class CodecError extends Error {
  override name = "CodecError";
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
