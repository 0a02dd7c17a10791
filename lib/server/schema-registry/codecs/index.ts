// Values in the Confluent wire format, decoded and encoded with their registry schema: Avro,
// Protobuf and JSON Schema (see each codec for its JSON mapping). Pure: the schema (with its
// references) is given, never fetched here; schema-fetch.ts fetches it.
import { compileAvro } from "./avro-codec";
import { compileJsonSchema } from "./json-schema-codec";
import { compileProtobuf } from "./protobuf-codec";
import { CodecError, messageOf, type ResolvedSchema, type SchemaCodec } from "./types";
import { frameValue } from "./wire-format";

export { CodecError } from "./types";
export type { DecodedValue, NamedSchema, ResolvedSchema, SchemaCodec, SchemaFormat } from "./types";
export { frameValue, parseFraming, readMessageIndexes, writeMessageIndexes } from "./wire-format";
export type { FramedValue } from "./wire-format";

/** Builds the codec for a schema; throws CodecError when the schema itself cannot be used. */
export function compileCodec(schema: ResolvedSchema): SchemaCodec {
  switch (schema.schemaType) {
    case "AVRO":
      return compileAvro(schema);
    case "PROTOBUF":
      return compileProtobuf(schema);
    case "JSON":
      return compileJsonSchema(schema);
    default:
      throw new CodecError(`Schemas of type ${String(schema.schemaType)} cannot be decoded`);
  }
}

export type EncodeResult = { ok: true; bytes: Buffer } | { ok: false; message: string };

/**
 * Encodes a value (as parsed from JSON) with a registry schema into the Confluent wire format:
 * magic byte, `schemaId`, for Protobuf the message indexes, then the payload. The value is validated
 * against the schema first; a value that does not fit answers `{ ok: false, message }` naming the field
 * and what was expected ("$.temp should be a double, not "warm""), never throws. JSON mapping per
 * format: Avro unions unwrapped unless ambiguous, bytes as base64, longs as numbers or decimal
 * strings (avro-codec.ts); Protobuf as ProtoJSON, the first message of the file unless
 * `messageType` names another (protobuf-codec.ts); JSON Schema as the JSON itself.
 *
 * Pass a compiled `SchemaCodec` (compileCodec) when encoding many values with one schema.
 */
export function encodeWithSchema(
  schemaId: number,
  schema: ResolvedSchema | SchemaCodec,
  value: unknown,
  options: { messageType?: string } = {},
): EncodeResult {
  try {
    const codec = "encode" in schema ? schema : compileCodec(schema);
    const { payload, messageIndexes } = codec.encode(value, options);
    return { ok: true, bytes: frameValue(schemaId, payload, messageIndexes) };
  } catch (error) {
    return {
      ok: false,
      message:
        error instanceof CodecError || error instanceof RangeError
          ? error.message
          : `The value could not be encoded: ${messageOf(error)}`,
    };
  }
}
