// Avro values in and out of JSON. The mapping, chosen to match what @confluentinc/schemaregistry's
// deserializer gives (avsc with its default options) wherever JSON can hold it:
// - unions as avsc's "auto": unwrapped (`"x"` or `null`) when the branches are of distinct kinds,
//   wrapped (`{"Branch": …}`) when two branches would be ambiguous (two records, two maps, …);
// - long as a number, or as a decimal string past ±2^53 (avsc would refuse to read it);
// - bytes and fixed as base64 (avsc gives a Buffer, which JSON cannot hold);
// - float and double NaN and ±Infinity become null (JSON has no such numbers);
// - logical types as their underlying type (timestamp-millis a number, decimal bytes).
// Encoding takes the same JSON and gives the Avro binary, validated first.
import avro, { type Type } from "avsc";

import { CodecError, messageOf, type NamedSchema, type ResolvedSchema, type SchemaCodec } from "./types";

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const isLongText = (value: unknown) => typeof value === "string" && /^-?\d{1,19}$/.test(value);
const asBigInt = (value: unknown) => BigInt(value as number | string | bigint);

/** Longs that may exceed ±2^53: read as numbers when safe, else strings; written from either. */
const WIDE_LONG = avro.types.LongType.__with({
  fromBuffer: (buffer: Buffer) => {
    const long = buffer.readBigInt64LE();
    return long >= MIN_SAFE && long <= MAX_SAFE ? Number(long) : long.toString();
  },
  toBuffer: (value: number | string | bigint) => {
    const buffer = Buffer.alloc(8);
    buffer.writeBigInt64LE(asBigInt(value));
    return buffer;
  },
  fromJSON: (json: unknown) => json,
  toJSON: (value: unknown) => value,
  isValid: (value: unknown) => {
    if (!(typeof value === "bigint" || Number.isSafeInteger(value) || isLongText(value))) return false;
    const long = asBigInt(value);
    return long >= INT64_MIN && long <= INT64_MAX;
  },
  compare: (a: unknown, b: unknown) => {
    const [x, y] = [asBigInt(a), asBigInt(b)];
    return x === y ? 0 : x < y ? -1 : 1;
  },
});

/** Referenced named types first (depth first), then the schema, all in one registry of names. */
function compileType(resolved: ResolvedSchema, wideLongs: boolean): Type {
  const registry: Record<string, Type> = {};
  const options = wideLongs ? { registry, typeHook: wideLongHook } : { registry };
  const seen = new Set<string>();
  const addReferences = (references: NamedSchema[]) => {
    for (const reference of references) {
      if (seen.has(reference.name)) continue;
      seen.add(reference.name);
      addReferences(reference.references);
      avro.Type.forSchema(parseJson(reference.schema, `referenced schema ${reference.name}`), options);
    }
  };
  addReferences(resolved.references);
  return avro.Type.forSchema(parseJson(resolved.schema, "schema"), options);
}

function wideLongHook(schema: unknown): Type | undefined {
  const name = typeof schema === "string" ? schema : (schema as { type?: unknown } | null)?.type;
  const logical = typeof schema === "object" && schema !== null && "logicalType" in schema;
  return name === "long" && !logical ? WIDE_LONG : undefined;
}

function parseJson(text: string, what: string): avro.Schema {
  try {
    return JSON.parse(text) as avro.Schema;
  } catch (error) {
    throw new CodecError(`The Avro ${what} is not JSON: ${messageOf(error)}`);
  }
}

export function compileAvro(resolved: ResolvedSchema): SchemaCodec {
  let fast: Type;
  try {
    fast = compileType(resolved, false);
  } catch (error) {
    if (error instanceof CodecError) throw error;
    throw new CodecError(`The Avro schema is not valid: ${messageOf(error)}`);
  }
  let wide: Type | undefined;
  const wideType = () => (wide ??= compileType(resolved, true));
  const schemaText = JSON.stringify(fast.schema());
  const replacer = /"(bytes|fixed)"/.test(schemaText) ? base64Buffers : undefined;

  return {
    format: "AVRO",
    textInPayload: stringsFromElsewhere(fast.schema()),
    decode(body) {
      const buffer = Buffer.isBuffer(body)
        ? body
        : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
      let value: unknown;
      try {
        value = fast.fromBuffer(buffer);
      } catch (error) {
        // avsc's own longs stop at ±2^53; the wide ones read the rest (slower, so only then).
        if (messageOf(error) !== "potential precision loss")
          throw new CodecError(`The value does not match its Avro schema: ${messageOf(error)}`);
        try {
          value = wideType().fromBuffer(buffer);
        } catch (retried) {
          throw new CodecError(`The value does not match its Avro schema: ${messageOf(retried)}`);
        }
      }
      let json: string | undefined;
      return {
        get json() {
          return (json ??= JSON.stringify(value, replacer));
        },
        // With bytes or fixed the object holds Buffers, not their base64: the text only.
        parsed: replacer === undefined ? { value } : undefined,
      };
    },
    encode(value) {
      const type = wideType();
      const native = fromJsonValue(type, value);
      const problems: string[] = [];
      type.isValid(native, {
        errorHook: (path, found, expected) => {
          if (problems.length < 3) problems.push(describeMismatch(path, found, expected));
        },
      });
      if (problems.length > 0)
        throw new CodecError(`The value does not fit the Avro schema: ${problems.join("; ")}`);
      try {
        return { payload: type.toBuffer(native) };
      } catch (error) {
        throw new CodecError(`The value could not be encoded with the Avro schema: ${messageOf(error)}`);
      }
    },
  };
}

/**
 * Avro writes strings as their UTF-8 bytes. The decoded value's other strings are enum symbols
 * (written as an index), base64 of bytes and fixed, and longs past 2^53 as digits: a text that could
 * be part of one of those is not known to be in the payload.
 */
function stringsFromElsewhere(schema: unknown): (text: string) => boolean {
  const symbols: string[] = [];
  let binary = false;
  const visit = (node: unknown) => {
    if (node === "bytes" || node === "fixed") binary = true;
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === "object") {
      const { type, symbols: enumSymbols } = node as { type?: unknown; symbols?: unknown };
      if (type === "enum" && Array.isArray(enumSymbols)) symbols.push(...enumSymbols.map(String));
      Object.values(node).forEach(visit);
    }
  };
  visit(schema);
  return (text) =>
    !/^[-\d]*$/.test(text) &&
    !(binary && /^[A-Za-z0-9+/=]*$/.test(text)) &&
    !symbols.some((symbol) => symbol.includes(text));
}

function base64Buffers(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  return Buffer.isBuffer(original) ? original.toString("base64") : value;
}

function describeMismatch(path: string[], found: unknown, expected: Type): string {
  const where = path.length === 0 ? "the value" : `$.${path.join(".")}`;
  const shown = found === undefined ? "nothing" : JSON.stringify(found, base64Inline)?.slice(0, 80);
  const kind = expected.name ?? expected.typeName;
  return `${where} should be ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}, not ${shown}`;
}

function base64Inline(this: unknown, key: string, value: unknown) {
  return base64Buffers.call(this, key, value);
}

type AvroTypeShape = Type & {
  fields?: { name: string; type: Type }[];
  itemsType?: Type;
  valuesType?: Type;
  types?: Type[];
  size?: number;
};

/** From the JSON mapping above to avsc's values: base64 → Buffer, wrapped unions kept as they are. */
function fromJsonValue(type: Type, value: unknown): unknown {
  const shaped = type as AvroTypeShape;
  switch (type.typeName) {
    case "bytes":
    case "fixed":
      return typeof value === "string" && /^[A-Za-z0-9+/]*={0,2}$/.test(value)
        ? Buffer.from(value, "base64")
        : value;
    case "record":
    case "error": {
      if (!isObject(value)) return value;
      const record: Record<string, unknown> = { ...value };
      for (const field of shaped.fields ?? [])
        if (field.name in value) record[field.name] = fromJsonValue(field.type, value[field.name]);
      return record;
    }
    case "array":
      return Array.isArray(value) ? value.map((item) => fromJsonValue(shaped.itemsType!, item)) : value;
    case "map":
      return isObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([name, item]) => [name, fromJsonValue(shaped.valuesType!, item)]),
          )
        : value;
    case "union:unwrapped":
      for (const branch of shaped.types ?? []) {
        const converted = fromJsonValue(branch, value);
        if (branch.isValid(converted)) return converted;
      }
      return value;
    case "union:wrapped": {
      if (value === null || !isObject(value)) return value;
      const [name, inner] = Object.entries(value)[0] ?? [];
      const branch = shaped.types?.find((candidate) => candidate.branchName === name);
      return branch && name !== undefined ? { [name]: fromJsonValue(branch, inner) } : value;
    }
    default:
      return value;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
