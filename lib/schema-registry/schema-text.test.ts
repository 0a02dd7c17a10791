import { describe, expect, it } from "vitest";

import { formatSchema } from "./schema-text";

describe("formatSchema", () => {
  it("indents Avro and JSON Schema", () => {
    expect(formatSchema("AVRO", '{"type":"string"}')).toBe('{\n  "type": "string"\n}');
    expect(formatSchema("JSON", '{"type":"object"}')).toBe('{\n  "type": "object"\n}');
  });

  it("leaves Protobuf and unparseable text as stored", () => {
    const proto = 'syntax = "proto3";\nmessage A { string id = 1; }';
    expect(formatSchema("PROTOBUF", proto)).toBe(proto);
    expect(formatSchema("AVRO", '"string"')).toBe('"string"');
    expect(formatSchema("AVRO", "{not json")).toBe("{not json");
  });
});
