import { formatSchema, type SchemaKind } from "@/lib/schema-registry/schema-text";

/** A schema as text (React escapes it): indented JSON for Avro and JSON Schema, Protobuf as stored. */
export function SchemaTextView({
  schemaType,
  schema,
  label,
}: {
  schemaType: SchemaKind;
  schema: string;
  label: string;
}) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="max-h-[32rem] overflow-auto rounded-md bg-zinc-50 p-4 font-mono text-xs leading-5 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
    >
      {formatSchema(schemaType, schema)}
    </pre>
  );
}
