import { describe, expect, it } from "vitest";

import { encodeWithSchema } from "./index";
import { compileJsonSchema } from "./json-schema-codec";

const schema = {
  schemaType: "JSON" as const,
  schema: JSON.stringify({
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    properties: {
      device: { type: "string" },
      temp: { type: "number" },
      at: { type: "string", format: "date-time" },
      place: { $ref: "place.json" },
    },
    required: ["device"],
  }),
  references: [
    {
      name: "place.json",
      schemaType: "JSON" as const,
      schema: JSON.stringify({
        type: "object",
        properties: { city: { type: "string" } },
        required: ["city"],
      }),
      references: [],
    },
  ],
};
const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("JSON Schema codec", () => {
  it("decodes a valid value as it was written", () => {
    const codec = compileJsonSchema(schema);
    const decoded = codec.decode(text({ device: "a", temp: 3, place: { city: "Oslo" } }));
    expect(decoded.json).toBe('{"device":"a","temp":3,"place":{"city":"Oslo"}}');
    expect(decoded.parsed).toEqual({ value: { device: "a", temp: 3, place: { city: "Oslo" } } });
    expect(decoded.mismatch).toBeUndefined();
  });

  it("keeps a value that breaks the schema, with the reasons", () => {
    const decoded = compileJsonSchema(schema).decode(text({ temp: "warm", at: "yesterday", place: {} }));
    expect(decoded.json).toBe('{"temp":"warm","at":"yesterday","place":{}}');
    expect(decoded.mismatch).toBe(
      "$ must have required property 'device'; $.temp must be number; $.at must match format \"date-time\" (and 1 more)",
    );
  });

  it("refuses bytes that are not JSON", () => {
    expect(() => compileJsonSchema(schema).decode(Uint8Array.of(0xff))).toThrow(/not JSON text/);
  });

  it("encodes only a value that fits", () => {
    const encoded = encodeWithSchema(9, schema, { device: "a" });
    expect(encoded.ok && [...encoded.bytes]).toEqual([0, 0, 0, 0, 9, ...text({ device: "a" })]);
    expect(encodeWithSchema(9, schema, { device: 1 })).toEqual({
      ok: false,
      message: "The value does not fit the JSON schema: $.device must be string",
    });
  });

  it("understands draft 2020-12", () => {
    const codec = compileJsonSchema({
      schemaType: "JSON",
      schema: JSON.stringify({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        prefixItems: [{ type: "number" }],
      }),
      references: [],
    });
    expect(codec.decode(text(["x"])).mismatch).toBe("$.0 must be number");
  });

  it("refuses a schema that is not JSON", () => {
    expect(() => compileJsonSchema({ ...schema, schema: "nope" })).toThrow(/not JSON/);
  });
});
