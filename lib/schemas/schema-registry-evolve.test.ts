import { describe, expect, it } from "vitest";

import { compatibilityBodySchema, newSchemaSchema, permanentQuerySchema } from "./schema-registry-evolve";

describe("newSchemaSchema", () => {
  it("defaults to Avro without references, and reads references typed as JSON in a form", () => {
    expect(newSchemaSchema.parse({ schema: '"string"' })).toEqual({
      schemaType: "AVRO",
      schema: '"string"',
      references: [],
    });
    expect(
      newSchemaSchema.parse({
        schemaType: "PROTOBUF",
        schema: 'syntax = "proto3";',
        references: '[{"name": "common.proto", "subject": "common", "version": "2"}]',
      }).references,
    ).toEqual([{ name: "common.proto", subject: "common", version: 2 }]);
    expect(newSchemaSchema.parse({ schema: "x", references: "  " }).references).toEqual([]);
  });

  it("refuses an empty schema, an unknown type and references that are not a list", () => {
    expect(newSchemaSchema.safeParse({ schema: "  " }).success).toBe(false);
    expect(newSchemaSchema.safeParse({ schema: "x", schemaType: "XML" }).success).toBe(false);
    const broken = newSchemaSchema.safeParse({ schema: "x", references: "{not json" });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues[0]?.message).toMatch(/JSON list/);
  });
});

describe("compatibility and delete inputs", () => {
  it("takes the seven Confluent levels only", () => {
    expect(compatibilityBodySchema.parse({ compatibility: "FULL_TRANSITIVE" })).toEqual({
      compatibility: "FULL_TRANSITIVE",
    });
    expect(compatibilityBodySchema.safeParse({ compatibility: "full" }).success).toBe(false);
  });

  it("reads ?permanent=true as a hard delete, absent as soft, anything else as an error", () => {
    expect(permanentQuerySchema.parse({ permanent: "true" })).toEqual({ permanent: true });
    expect(permanentQuerySchema.parse({})).toEqual({ permanent: false });
    expect(permanentQuerySchema.safeParse({ permanent: "yes" }).success).toBe(false);
  });
});
