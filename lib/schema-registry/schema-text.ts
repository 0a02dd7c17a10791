// A schema as people read it: Avro and JSON Schema are JSON, indented; Protobuf is already text.
// A JSON schema the registry stored unparseable (it should not happen) is shown as stored.
export type SchemaKind = "AVRO" | "JSON" | "PROTOBUF";

export function formatSchema(schemaType: SchemaKind, schema: string): string {
  if (schemaType === "PROTOBUF") return schema;
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
}
