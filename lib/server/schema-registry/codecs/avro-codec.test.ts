import avro from "avsc";
import { describe, expect, it } from "vitest";

import { compileAvro } from "./avro-codec";
import { CodecError } from "./types";

const reading = {
  type: "record",
  name: "Reading",
  namespace: "iot",
  fields: [
    { name: "device", type: "string" },
    { name: "temp", type: "double" },
    { name: "at", type: "long" },
    { name: "raw", type: "bytes" },
    { name: "note", type: ["null", "string"], default: null },
    { name: "tags", type: { type: "array", items: "string" } },
    { name: "level", type: { type: "enum", name: "Level", symbols: ["LOW", "HIGH"] } },
  ],
};
const schema = { schemaType: "AVRO" as const, schema: JSON.stringify(reading), references: [] };
const value = {
  device: "4412abe2",
  temp: 31.5,
  at: 1_764_800_000_000,
  raw: Buffer.from([1, 2, 255]),
  note: "ok",
  tags: ["eu"],
  level: "HIGH",
};

describe("Avro codec", () => {
  it("decodes to JSON: bytes as base64, unions unwrapped, enums by name", () => {
    const bytes = avro.Type.forSchema(reading as avro.Schema).toBuffer(value);
    const decoded = JSON.parse(compileAvro(schema).decode(bytes).json);
    expect(decoded).toEqual({ ...value, raw: "AQL/" });
  });

  it("gives the parsed value beside the text when it holds no bytes", () => {
    const plain = { ...reading, fields: reading.fields.filter((field) => field.name !== "raw") };
    const codec = compileAvro({ ...schema, schema: JSON.stringify(plain) });
    const rest = Object.fromEntries(Object.entries(value).filter(([name]) => name !== "raw"));
    const decoded = codec.decode(avro.Type.forSchema(plain as avro.Schema).toBuffer(rest));
    expect(decoded.parsed?.value).toEqual(rest);
    expect(JSON.parse(decoded.json)).toEqual(rest);
    expect(
      compileAvro(schema).decode(avro.Type.forSchema(reading as avro.Schema).toBuffer(value)).parsed,
    ).toBeUndefined();
  });

  it("reads longs past 2^53 as decimal strings", () => {
    const type = avro.types.LongType.__with({
      fromBuffer: (b: Buffer) => b.readBigInt64LE(),
      toBuffer: (n: bigint) => {
        const b = Buffer.alloc(8);
        b.writeBigInt64LE(n);
        return b;
      },
      fromJSON: BigInt,
      toJSON: Number,
      isValid: (n: unknown) => typeof n === "bigint",
      compare: () => 0,
    });
    const bytes = avro.Type.forSchema({ ...reading, fields: [{ name: "at", type: "long" }] } as avro.Schema, {
      typeHook: (s) => (s === "long" ? type : undefined),
    }).toBuffer({ at: 9_007_199_254_740_993n });
    const codec = compileAvro({
      ...schema,
      schema: JSON.stringify({ ...reading, fields: [{ name: "at", type: "long" }] }),
    });
    expect(JSON.parse(codec.decode(bytes).json)).toEqual({ at: "9007199254740993" });
  });

  it("encodes the same JSON back to the same bytes", () => {
    const codec = compileAvro(schema);
    const bytes = avro.Type.forSchema(reading as avro.Schema).toBuffer(value);
    const json = JSON.parse(codec.decode(bytes).json);
    expect(Buffer.from(codec.encode(json).payload)).toEqual(bytes);
    expect(codec.encode({ ...json, at: "9007199254740993" }).payload.length).toBeGreaterThan(0);
  });

  it("names the field and what it wanted when a value does not fit", () => {
    const codec = compileAvro(schema);
    expect(() => codec.encode({ ...value, raw: "AQL/", temp: "warm" })).toThrow(
      /\$\.temp should be a double, not "warm"/,
    );
    expect(() => codec.encode({ ...value, raw: "AQL/", level: "MID" })).toThrow(
      /\$\.level should be an iot\.Level/,
    );
  });

  it("says a payload does not match rather than crashing", () => {
    const codec = compileAvro(schema);
    expect(() => codec.decode(Uint8Array.of(0x99))).toThrow(CodecError);
    expect(() => codec.decode(Uint8Array.of(0x99))).toThrow(/does not match its Avro schema/);
  });

  it("resolves named types from references", () => {
    const referenced = {
      type: "record",
      name: "Place",
      namespace: "iot",
      fields: [{ name: "city", type: "string" }],
    };
    const outer = {
      type: "record",
      name: "Visit",
      namespace: "iot",
      fields: [{ name: "place", type: "iot.Place" }],
    };
    const codec = compileAvro({
      schemaType: "AVRO",
      schema: JSON.stringify(outer),
      references: [
        { name: "iot.Place", schemaType: "AVRO", schema: JSON.stringify(referenced), references: [] },
      ],
    });
    const bytes = codec.encode({ place: { city: "Oslo" } }).payload;
    expect(JSON.parse(codec.decode(bytes).json)).toEqual({ place: { city: "Oslo" } });
  });

  it("says which texts a matching value holds in its payload: not an enum symbol's, base64's or a long's", () => {
    const codec = compileAvro({ schemaType: "AVRO", schema: JSON.stringify(reading), references: [] });
    const inPayload = (text: string) => codec.textInPayload?.(text);
    expect(inPayload("sensor-7")).toBe(true);
    expect(inPayload("HIG")).toBe(false); // part of the enum symbol HIGH, written as its index
    expect(inPayload("AQL")).toBe(false); // could be part of a bytes field's base64
    expect(inPayload("9007199254740993")).toBe(false); // a long past 2^53, decoded as digits
    const textOnly = compileAvro({
      schemaType: "AVRO",
      schema: JSON.stringify({ type: "record", name: "R", fields: [{ name: "s", type: "string" }] }),
      references: [],
    });
    expect(textOnly.textInPayload?.("AQL")).toBe(true);
    expect(textOnly.textInPayload?.("-12")).toBe(false);
  });

  it("refuses a schema that is not Avro", () => {
    expect(() => compileAvro({ ...schema, schema: "{" })).toThrow(/not JSON/);
    expect(() => compileAvro({ ...schema, schema: '{"type":"recordz"}' })).toThrow(/not valid/);
  });
});
